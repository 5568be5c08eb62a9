import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencies, currency } from '../src/currency';
import { isErrorCode } from '../src/errors';

const codes = new Set(currencies().map((c) => c.code as string));

describe('currency', () => {
  it('finds exactly the codes of the table, case-sensitively', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z]{3}$/), fc.constantFrom(...codes)),
        (code) => {
          const result = currency(code);
          expect(result.isOk()).toBe(codes.has(code));
          if (result.isOk()) expect(result.value.code).toBe(code);
          else expect(result.error).toMatchObject({ code: 'unknown_currency', currency: code });
        },
      ),
    );
  });

  it('never throws on any input, and returns a known error code at the given path', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.string()), (input, path) => {
        const result = currency(input, path);
        if (result.isErr()) {
          expect(isErrorCode(result.error.code)).toBe(true);
          expect(result.error.path).toEqual(path);
        } else {
          expect(Object.isFrozen(result.value)).toBe(true);
        }
      }),
    );
  });
});
