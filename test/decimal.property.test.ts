/**
 * The one decimal printer (src/values/decimal.ts): amounts, percents, exact shares and the
 * testing helpers print a scaled integer through it. Its text is read back with the library's
 * own decimal reader (`parsePercent`, which keeps the places as written) and compared with
 * decimal.js, an implementation that shares no code with it.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../src/values/decimal';
import { parsePercentOrError } from '../src/values/percent';

const Exact = Decimal.clone({ precision: 1000 });

// Units of every size (past 2^53 and 2^64), either sign, with trailing zeros drawn often.
const units = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: -1000n, max: 1000n }),
      fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
      fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
    ),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([x, zeros]) => x * 10n ** BigInt(zeros));
const scale = fc.integer({ min: 0, max: 40 });

/** The text read back: its sign, and the units and scale the library's reader finds. */
function readBack(text: string): { negative: boolean; units: bigint; scale: number } {
  const negative = text.startsWith('-');
  const read = parsePercentOrError(negative ? text.slice(1) : text)._unsafeUnwrap();
  return { negative, units: negative ? -read.units : read.units, scale: read.scale };
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

describe('formatDecimal', () => {
  it('prints every decimal by default: reading the text back gives the same units and scale', () => {
    fc.assert(
      fc.property(units, scale, (x, s) => {
        const text = formatDecimal(x, s);
        const back = readBack(text);
        expect(back.units).toBe(x);
        expect(back.scale).toBe(s);
        expect(back.negative).toBe(x < 0n);
      }),
      { numRuns: 1000 },
    );
  });

  it('drops trailing zeros down to minDecimals, and the value read back is unchanged', () => {
    fc.assert(
      fc.property(units, scale, fc.integer({ min: 0, max: 45 }), (x, s, min) => {
        const text = formatDecimal(x, s, min);
        const back = readBack(text);
        // The same value: units read × 10^(s − scale read) is x.
        expect(back.scale).toBeLessThanOrEqual(s);
        expect(back.units * 10n ** BigInt(s - back.scale)).toBe(x);
        // At least min(minDecimals, scale) decimals, and no trailing zero past minDecimals.
        expect(decimalsOf(text)).toBeGreaterThanOrEqual(Math.min(min, s));
        if (decimalsOf(text) > min) expect(text.endsWith('0')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('prints what decimal.js prints for the same value and decimals', () => {
    fc.assert(
      fc.property(units, scale, fc.integer({ min: 0, max: 45 }), (x, s, min) => {
        const text = formatDecimal(x, s, min);
        const value = new Exact(x.toString()).div(new Exact(10).pow(s));
        // decimal.js prints -0 as "0" too: the sign goes with a value below zero only.
        expect(text).toBe(value.toFixed(decimalsOf(text)));
        expect(new Exact(text).eq(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('prints a whole number at scale 0, with its sign and no point', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 5 }), (x, min) => {
        expect(formatDecimal(x, 0, min)).toBe(x.toString());
      }),
    );
  });

  it('prints a safe-integer number as it prints the same bigint', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => n >= -Number.MAX_SAFE_INTEGER),
        scale,
        fc.integer({ min: 0, max: 45 }),
        (n, s, min) => {
          expect(formatDecimal(n, s, min)).toBe(formatDecimal(BigInt(n), s, min));
        },
      ),
    );
  });

  it('spells the values the callers print as the specification shows them', () => {
    expect(formatDecimal(-520n, 2)).toBe('-5.20');
    expect(formatDecimal(5n, 3)).toBe('0.005');
    expect(formatDecimal(7n, 0)).toBe('7');
    expect(formatDecimal(2000n, 2)).toBe('20.00');
    expect(formatDecimal(2000n, 2, 0)).toBe('20');
    expect(formatDecimal(1250n, 2, 0)).toBe('12.5');
    expect(formatDecimal(-5n, 1, 0)).toBe('-0.5');
    expect(formatDecimal(0n, 4, 0)).toBe('0');
    expect(formatDecimal(12_340n, 4, 2)).toBe('1.234');
    expect(formatDecimal(12_000n, 4, 2)).toBe('1.20');
    expect(formatDecimal(-0, 2)).toBe('0.00');
  });
});
