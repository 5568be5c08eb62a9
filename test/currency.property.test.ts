import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import { currencies, currency, isCurrency } from '../src/values/currency';
import { money } from '../src/values/money';

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
          else expect(result.error[0]).toMatchObject({ code: 'unknown_currency', currency: code });
        },
      ),
    );
  });

  it('never throws on any input, and returns a known error code at the given path', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.string()), (input, path) => {
        const result = currency(input, path);
        if (result.isErr()) {
          expect(isErrorCode(result.error[0].code)).toBe(true);
          expect(result.error[0].path).toEqual(path);
        } else {
          expect(Object.isFrozen(result.value)).toBe(true);
        }
      }),
    );
  });
});

describe('isCurrency', () => {
  const table = currencies();

  it('accepts any object with the code and exponent of a currency of the table, and no other exponent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...table),
        fc.integer({ min: -2, max: 8 }),
        fc.boolean(),
        (known, exponent, frozen) => {
          const copy = { code: known.code as string, exponent };
          if (frozen) Object.freeze(copy);
          expect(isCurrency(copy)).toBe(exponent === known.exponent);
        },
      ),
    );
  });

  it("gives money made with a copy of a currency the table's own frozen currency", () => {
    fc.assert(
      fc.property(fc.constantFrom(...table), fc.bigInt(), (known, amount) => {
        const copy = structuredClone(known);
        const made = money(amount, copy)._unsafeUnwrap();
        expect(made).toStrictEqual(money(amount, known)._unsafeUnwrap());
        expect(made.currency).toBe(known);
      }),
    );
  });
});
