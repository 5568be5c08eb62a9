import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import { product } from '../src/model/product';
import { comparePercent, PERCENT_0, PERCENT_100 } from '../src/values/percent';

const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true });

describe('product', () => {
  it('never throws, and accepts only default commissions with 0 < p <= 100', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.record(
            {
              id: fc.oneof(fc.string(), anything),
              mainCreator: fc.oneof(fc.emailAddress(), anything),
              affiliateCommission: fc.oneof(
                fc.double(),
                fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,4})?$/),
                anything,
              ),
            },
            { requiredKeys: [] },
          ),
        ),
        (input) => {
          const result = product(input, ['product']);
          if (result.isErr()) {
            for (const e of result.error) expect(isErrorCode(e.code)).toBe(true);
            return;
          }
          const commission = result.value.affiliateCommission;
          if (commission !== null) {
            expect(comparePercent(commission, PERCENT_0)).toBe(1);
            expect(comparePercent(commission, PERCENT_100)).toBeLessThanOrEqual(0);
          }
          expect(Object.isFrozen(result.value)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
