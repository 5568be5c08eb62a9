import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import { accountId } from '../src/values/account';

const asciiUpper = (s: string) => s.replace(/[a-z]/g, (c) => c.toUpperCase());
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.emailAddress(),
);

describe('accountId', () => {
  it('is canonical: trimmed, no ASCII capitals, 1 to 320 code units, and idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const result = accountId(s);
        if (result.isOk()) {
          const id = result.value;
          expect(id).toBe(id.trim());
          expect(id).not.toMatch(/[A-Z]/);
          expect(id.length).toBeGreaterThanOrEqual(1);
          expect(id.length).toBeLessThanOrEqual(320);
          expect(accountId(id)._unsafeUnwrap()).toBe(id);
        } else {
          const trimmed = s.trim();
          expect(trimmed.length === 0 || trimmed.length > 320).toBe(true);
        }
      }),
    );
  });

  it('ignores ASCII case and surrounding whitespace, and nothing else', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('', ' ', '\t', '\n', '\u00a0'), (s, pad) => {
        const a = accountId(s);
        const b = accountId(`${pad}${asciiUpper(s)}${pad}`);
        expect(b).toEqual(a);
        if (a.isOk()) expect(a.value.length).toBe(s.trim().length);
      }),
    );
  });

  it('never throws on any input, and returns invalid_field at the given path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string()), fc.array(fc.string()), (input, path) => {
        const result = accountId(input, path);
        if (result.isErr()) {
          expect(isErrorCode(result.error[0].code)).toBe(true);
          expect(result.error[0]).toMatchObject({ code: 'invalid_field', path });
        } else {
          expect(typeof result.value).toBe('string');
        }
      }),
    );
  });
});
