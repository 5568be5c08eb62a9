/**
 * A settlement line keeps its exact share as a scaled integer (`exactUnits / 10^exactScale`)
 * instead of the decimal string it carried before 0.2.0; the wire format still prints that
 * string. These properties hold the new form to the old text: for every numerator and scale
 * the split produces (amounts past 2^53, percents with many decimals, every currency
 * exponent), printing the kept form gives exactly the string the line used to carry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactShareText, scaledUnits, trimmedScale } from '../src/settle/lines';
import { formatDecimal } from '../src/values/decimal';

/** The form a line keeps for the numerator `x` at `decimals` decimals, in a currency of `exponent`. */
function kept(x: number | bigint, decimals: number, exponent: number) {
  const exactScale = trimmedScale(x, decimals, exponent);
  return { exactUnits: scaledUnits(x, decimals, exactScale), exactScale };
}

// A line's exact share is x / 10^(percent decimals + 2 + exponent): exponent 0 to 3, percents
// with up to 32 decimals.
const shape = fc
  .record({
    exponent: fc.integer({ min: 0, max: 3 }),
    percentScale: fc.integer({ min: 0, max: 32 }),
  })
  .map(({ exponent, percentScale }) => ({ exponent, decimals: percentScale + 2 + exponent }));

// Numerators of every size, with trailing zeros drawn often (a share that comes out round).
const bigNumerator = fc
  .tuple(
    fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 200n })),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([x, zeros]) => x * 10n ** BigInt(zeros));

describe('the exact share kept as a scaled integer', () => {
  it('prints exactly the decimal string the line carried before, for any numerator', () => {
    fc.assert(
      fc.property(bigNumerator, shape, (x, { exponent, decimals }) => {
        expect(exactShareText(kept(x, decimals, exponent))).toBe(
          formatDecimal(x, decimals, exponent),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('has one form per value: at least the currency decimals and no trailing zero past them', () => {
    fc.assert(
      fc.property(bigNumerator, shape, (x, { exponent, decimals }) => {
        const { exactUnits, exactScale } = kept(x, decimals, exponent);
        expect(exactScale).toBeGreaterThanOrEqual(exponent);
        expect(exactScale).toBeLessThanOrEqual(decimals);
        if (exactScale > exponent) expect(exactUnits % 10n).not.toBe(0n);
        // The same value: units × 10^(decimals − scale) is the numerator.
        expect(exactUnits * 10n ** BigInt(decimals - exactScale)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same on the number road as on the bigint road, up to 2^53 − 1', () => {
    const safe = fc.oneof(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 0, max: 1_000_000 }).map((n) => n * 1000),
      fc.constantFrom(0, 1, 10, Number.MAX_SAFE_INTEGER, 9_007_199_254_740_990),
    );
    fc.assert(
      fc.property(safe, shape, (x, { exponent, decimals }) => {
        expect(kept(x, decimals, exponent)).toEqual(kept(BigInt(x), decimals, exponent));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints a negative share (a stored one read back) with its sign', () => {
    fc.assert(
      fc.property(bigNumerator, fc.integer({ min: 0, max: 40 }), (x, scale) => {
        fc.pre(x > 0n);
        const text = exactShareText({ exactUnits: -x, exactScale: scale });
        expect(text).toBe(`-${formatDecimal(x, scale, scale)}`);
      }),
    );
  });
});
