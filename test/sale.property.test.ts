import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSaleValue, saleValueIssues } from '../src/validate/handmade';
import { domainAndSaleArb } from './arbitraries/settlement';
import { corruptedOnce } from './fuzz/support';

describe('isSaleValue', () => {
  // settleSale and the compiled settler skip saleValueIssues when isSaleValue passes: the two
  // must agree on every value, or a malformed sale would be settled (or a good one refused).
  it('holds exactly when saleValueIssues finds nothing', () => {
    const sales = domainAndSaleArb().map(([, s]) => s);
    fc.assert(
      fc.property(
        fc.oneof(
          sales,
          corruptedOnce(sales).map(({ value }) => value),
        ),
        (value) => {
          expect(isSaleValue(value)).toBe(saleValueIssues(value, ['sale']).length === 0);
        },
      ),
    );
  });
});
