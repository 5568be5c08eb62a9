import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import {
  addPercents,
  comparePercent,
  formatPercent,
  type Percent,
  parsePercent,
  percent,
  percentOfAmount,
  subtractPercents,
} from '../src/values/percent';

const Exact = Decimal.clone({ precision: 500 });
const anyPercent: fc.Arbitrary<Percent> = fc
  .tuple(
    fc.oneof(fc.bigInt({ min: 0n, max: 100_000n }), fc.bigInt({ min: 0n, max: 10n ** 30n })),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([units, scale]) => percent(units, scale)._unsafeUnwrap());
const value = (p: Percent) => new Exact(p.units.toString()).div(new Exact(10).pow(p.scale));

describe('percent', () => {
  it('parses what it prints: parse(format(p)) equals p by value', () => {
    fc.assert(
      fc.property(anyPercent, (p) => {
        const text = formatPercent(p);
        const again = parsePercent(text)._unsafeUnwrap();
        expect(comparePercent(again, p)).toBe(0);
        expect(formatPercent(again)).toBe(text);
      }),
    );
  });

  it('prints the shortest form', () => {
    fc.assert(
      fc.property(anyPercent, (p) => {
        const text = formatPercent(p);
        expect(text).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/);
        expect(new Exact(text).equals(value(p))).toBe(true);
      }),
    );
  });

  it('keeps the places as written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,30}(\.[0-9]{1,30})?$/), (text) => {
        const p = parsePercent(text)._unsafeUnwrap();
        expect(p.scale).toBe(text.split('.')[1]?.length ?? 0);
        expect(value(p).equals(new Exact(text))).toBe(true);
        expect(Object.isFrozen(p)).toBe(true);
      }),
    );
  });

  it('compares by exact value', () => {
    fc.assert(
      fc.property(anyPercent, anyPercent, (a, b) => {
        expect(comparePercent(a, b)).toBe(value(a).comparedTo(value(b)));
        expect(comparePercent(b, a)).toBe(-comparePercent(a, b) || 0);
      }),
    );
  });

  it('adds and subtracts exactly', () => {
    fc.assert(
      fc.property(anyPercent, anyPercent, (a, b) => {
        const sum = addPercents(a, b);
        expect(value(sum).equals(value(a).plus(value(b)))).toBe(true);
        expect(comparePercent(subtractPercents(sum, b)._unsafeUnwrap(), a)).toBe(0);
        const [hi, lo] = comparePercent(a, b) >= 0 ? [a, b] : [b, a];
        const diff = subtractPercents(hi, lo)._unsafeUnwrap();
        expect(value(diff).equals(value(hi).minus(value(lo)))).toBe(true);
        expect(Object.isFrozen(sum) && Object.isFrozen(diff)).toBe(true);
        if (comparePercent(lo, hi) < 0) {
          expect(subtractPercents(lo, hi)._unsafeUnwrapErr()[0].code).toBe('percent_out_of_range');
        }
      }),
    );
  });

  it('takes a percent of an amount within one minor unit, rounded as asked', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), anyPercent, (amount, p) => {
        const exact = new Exact(amount.toString()).times(value(p)).div(100);
        const down = percentOfAmount(amount, p, 'down');
        expect(down.toString()).toBe(exact.toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0));
        const halfUp = percentOfAmount(amount, p, 'half-up');
        expect(halfUp.toString()).toBe(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
      }),
    );
  });

  it('reads a JSON number as JavaScript prints it, refusing exponents and negatives', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const printed = String(n);
        const parsed = parsePercent(n, ['p']);
        if (/^[0-9]+(\.[0-9]+)?$/.test(printed)) {
          expect(value(parsed._unsafeUnwrap()).equals(new Exact(printed))).toBe(true);
        } else {
          expect(parsed._unsafeUnwrapErr()[0]).toMatchObject({
            code: 'invalid_percent',
            path: ['p'],
          });
        }
      }),
    );
  });

  it('never throws on any input, and returns invalid_percent for a string or number, invalid_field for anything else, at the given path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string()), fc.array(fc.string()), (input, path) => {
        const result = parsePercent(input, path);
        if (result.isErr()) {
          expect(isErrorCode(result.error[0].code)).toBe(true);
          const typed = typeof input === 'string' || typeof input === 'number';
          const code = typed ? 'invalid_percent' : 'invalid_field';
          expect(result.error[0]).toMatchObject({ code, path });
        } else {
          expect(Object.isFrozen(result.value)).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (units, scale) => {
        const result = percent(units as bigint, scale as number);
        expect(result.isOk() || result.error[0].code === 'invalid_percent').toBe(true);
      }),
    );
  });
});
