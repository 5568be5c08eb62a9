import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import { currencies } from '../src/values/currency';
import { formatAmount, formatMoney, money, parseAmount, parseMoney } from '../src/values/money';

const Exact = Decimal.clone({ precision: 200 });
const anyCurrency = fc.constantFrom(...currencies());
const path = fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 4 });
const nonNegative = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 6n }),
  fc.bigInt({ min: 2n ** 53n - 10n, max: 2n ** 53n + 10n }),
  fc.bigInt({ min: 0n, max: 10n ** 40n }),
);

describe('money', () => {
  it('parses what it prints, for every currency and amounts beyond 2^53', () => {
    fc.assert(
      fc.property(anyCurrency, nonNegative, (cur, amount) => {
        const m = money(amount, cur)._unsafeUnwrap();
        const again = parseMoney(formatMoney(m), cur.code)._unsafeUnwrap();
        expect(again).toEqual(m);
        expect(again.currency).toBe(cur);
      }),
    );
  });

  it('parses what it prints at 10^15 major units and above', () => {
    fc.assert(
      fc.property(anyCurrency, fc.bigInt({ min: 10n ** 15n, max: 10n ** 24n }), (cur, major) => {
        const minor = major * 10n ** BigInt(cur.exponent) + 1n;
        expect(parseAmount(formatAmount(minor, cur), cur)._unsafeUnwrap()).toBe(minor);
      }),
    );
  });

  it('prints exactly the currency decimals, and the value it holds', () => {
    fc.assert(
      fc.property(anyCurrency, fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (cur, minor) => {
        const text = formatAmount(minor, cur);
        const fraction = text.split('.')[1] ?? '';
        expect(fraction).toHaveLength(cur.exponent);
        expect(new Exact(text).equals(new Exact(minor.toString()).div(10 ** cur.exponent))).toBe(
          true,
        );
        expect(text.startsWith('-')).toBe(minor < 0n);
      }),
    );
  });

  it('reads a decimal with fewer decimals than the currency as its exact value', () => {
    fc.assert(
      fc.property(
        anyCurrency,
        fc.stringMatching(/^[0-9]{1,40}$/),
        fc.stringMatching(/^[0-9]{0,4}$/),
        (cur, whole, fraction) => {
          const text = fraction === '' ? whole : `${whole}.${fraction}`;
          const parsed = parseAmount(text, cur);
          if (fraction.length > cur.exponent) {
            expect(parsed._unsafeUnwrapErr()).toMatchObject({
              code: 'amount_precision',
              currency: cur.code,
              maxDecimals: cur.exponent,
            });
          } else {
            const expected = new Exact(text).times(10 ** cur.exponent).toFixed(0);
            expect(parsed._unsafeUnwrap().toString()).toBe(expected);
          }
        },
      ),
    );
  });

  it('reads a JSON number as JavaScript prints it, refusing exponents and negatives', () => {
    fc.assert(
      fc.property(anyCurrency, fc.double(), (cur, n) => {
        const printed = String(n);
        const parsed = parseAmount(n, cur, ['a']);
        if (!/^[0-9]+(\.[0-9]+)?$/.test(printed)) {
          expect(parsed._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_amount', path: ['a'] });
        } else if ((printed.split('.')[1] ?? '').length > cur.exponent) {
          expect(parsed._unsafeUnwrapErr().code).toBe('amount_precision');
        } else {
          const expected = new Exact(printed).times(10 ** cur.exponent).toFixed(0);
          expect(parsed._unsafeUnwrap().toString()).toBe(expected);
        }
      }),
    );
  });

  it('never throws on any input, and returns a known error code at the given path', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), path, (amount, code, p) => {
        const result = parseMoney(amount, code, p);
        if (result.isErr()) {
          expect(isErrorCode(result.error[0].code)).toBe(true);
          expect(result.error[0].path.slice(0, p.length)).toEqual(p);
          expect(Object.isFrozen(result.error)).toBe(true);
        } else {
          expect(Object.isFrozen(result.value)).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(anyCurrency, fc.oneof(fc.anything(), fc.string()), path, (cur, input, p) => {
        const result = parseAmount(input, cur, p);
        if (result.isErr()) {
          // Type before syntax (specification §7): only a string or a number can be a bad amount.
          const typed = typeof input === 'string' || typeof input === 'number';
          expect(typed ? ['invalid_amount', 'amount_precision'] : ['invalid_field']).toContain(
            result.error.code,
          );
          expect(result.error.path).toEqual(p);
        } else {
          expect(typeof result.value).toBe('bigint');
        }
      }),
    );
  });

  it('never throws on a string amount with any currency code', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.constantFrom('BRL', 'JPY')), (a, c) => {
        const result = parseMoney(a, c);
        expect(result.isOk() || isErrorCode(result._unsafeUnwrapErr()[0].code)).toBe(true);
      }),
    );
  });

  it('builds frozen money', () => {
    fc.assert(
      fc.property(anyCurrency, fc.oneof(fc.bigInt(), fc.maxSafeInteger()), (cur, amount) => {
        const m = money(amount, cur)._unsafeUnwrap();
        expect(Object.isFrozen(m)).toBe(true);
        expect(m.amount).toBe(BigInt(amount));
      }),
    );
  });
});
