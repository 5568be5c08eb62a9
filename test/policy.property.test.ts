import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import { maxReservedPercent, POLICIES, type Policy } from '../src/model/policy';
import { policy } from '../src/model/read-policy';
import { comparePercent, PERCENT_0, PERCENT_100, parsePercent } from '../src/values/percent';

const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true });

/** Well-typed custom policies whose values may or may not break specification §2's rules. */
const wellTyped = fc.record(
  {
    extends: fc.constantFrom('hotmart', 'kiwify', 'gumroad'),
    minRetainedPercent: fc.constantFrom('0', '20', '30', '49.99', '50', '99.99', '100', '120'),
    cocreatorPercent: fc.record(
      {
        min: fc.constantFrom('0', '0.01', '1', '50', '70', '80'),
        max: fc.constantFrom('0.01', '1', '50', '70', '80', '100'),
      },
      { requiredKeys: [] },
    ),
    percentDecimals: fc.constantFrom(-1, 0, 2, 6, 7, 1.5),
    maxCocreators: fc.constantFrom(null, 0, 1, 3, 2.5),
    cancellation: fc.constantFrom('mutual', 'unilateral', 'never'),
    amendments: fc.constantFrom('cocreator-approval', 'immediate', 'never'),
  },
  { requiredKeys: [] },
);

/** specification §2's invariants, checked on a built policy. */
function breaksNothing(rules: Policy): boolean {
  const { min, max } = rules.cocreatorPercent;
  return (
    comparePercent(rules.minRetainedPercent, PERCENT_100) < 0 &&
    comparePercent(min, PERCENT_0) > 0 &&
    comparePercent(min, max) <= 0 &&
    comparePercent(max, maxReservedPercent(rules)) <= 0 &&
    Number.isInteger(rules.percentDecimals) &&
    rules.percentDecimals >= 0 &&
    rules.percentDecimals <= 6 &&
    (rules.maxCocreators === null ||
      (Number.isInteger(rules.maxCocreators) && rules.maxCocreators >= 1)) &&
    ['mutual', 'unilateral'].includes(rules.cancellation) &&
    ['cocreator-approval', 'immediate'].includes(rules.amendments)
  );
}

describe('policy', () => {
  it('never throws, on any input', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = policy(input, ['policy']);
        if (result.isErr()) for (const e of result.error) expect(isErrorCode(e.code)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a well-typed override exactly when the merged policy keeps every invariant of specification §2', () => {
    fc.assert(
      fc.property(wellTyped, (input) => {
        const base = POLICIES[(input.extends ?? 'hotmart') as keyof typeof POLICIES];
        const p = (s: string | undefined, fallback: typeof base.minRetainedPercent) =>
          s === undefined ? fallback : parsePercent(s)._unsafeUnwrap();
        // The merged policy, built by hand (unchecked) from the input and the preset.
        const merged = {
          ...base,
          minRetainedPercent: p(input.minRetainedPercent, base.minRetainedPercent),
          cocreatorPercent: {
            min: p(input.cocreatorPercent?.min, base.cocreatorPercent.min),
            max: p(input.cocreatorPercent?.max, base.cocreatorPercent.max),
          },
          percentDecimals: input.percentDecimals ?? base.percentDecimals,
          maxCocreators:
            input.maxCocreators === undefined ? base.maxCocreators : input.maxCocreators,
          cancellation: input.cancellation ?? base.cancellation,
          amendments: input.amendments ?? base.amendments,
        } as Policy;
        const result = policy({ ...input, extends: input.extends ?? 'hotmart' });
        const valid =
          comparePercent(merged.minRetainedPercent, PERCENT_100) < 0 && breaksNothing(merged);
        expect(result.isOk()).toBe(valid);
        if (result.isErr()) {
          expect(result.error.every((e) => e.code === 'invalid_policy')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
