import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkContract,
  commissionRule,
  contract,
  contractEvent,
  termsPatch,
} from '../src/contracts/read';
import { isErrorCode } from '../src/errors';

/** Any value, and values that look almost like a contract, to reach the deeper checks. */
const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true });
const almostAnEvent = fc.record(
  {
    type: fc.oneof(fc.constantFrom('invited', 'accepted', 'amended', 'cancelled'), anything),
    at: fc.oneof(fc.constant('2026-01-01T00:00:00Z'), fc.integer(), anything),
    by: fc.oneof(fc.constant('ana@example.com'), anything),
    terms: fc.oneof(
      fc.record(
        {
          percent: anything,
          appliesTo: anything,
          endsAt: anything,
          mayAlsoSellAsAffiliate: anything,
        },
        { requiredKeys: [] },
      ),
      anything,
    ),
  },
  { requiredKeys: [] },
);
const almostAContract = fc.record(
  {
    id: anything,
    productId: anything,
    cocreator: anything,
    events: fc.oneof(fc.array(almostAnEvent), anything),
  },
  { requiredKeys: [] },
);

describe('the contract constructors', () => {
  it('never throw, and return either a frozen value or errors with the specification codes', () => {
    fc.assert(
      fc.property(fc.oneof(anything, almostAContract), (input) => {
        for (const read of [contract, checkContract]) {
          const result = read(input, ['contracts', 0]);
          if (result.isOk()) expect(Object.isFrozen(result.value)).toBe(true);
          else for (const e of result.error) expect(isErrorCode(e.code)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throw on a single event or terms', () => {
    fc.assert(
      fc.property(fc.oneof(anything, almostAnEvent), (input) => {
        for (const read of [contractEvent, commissionRule, termsPatch]) {
          const result = read(input);
          if (result.isErr()) expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
