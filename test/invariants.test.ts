/**
 * The three invariants as public validators (issue 16): the retention floor at an instant,
 * affiliate permission for a sale, term expiry at an instant; and `transition`, the one
 * function for every lifecycle event but the invitation. Expected values are worked by hand
 * (integer cents of percent, the rules of specification §§3 and 4.6), not read off the code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../src/contracts/read';
import type { CocreationContract } from '../src/contracts/types';
import type { DomainErrors } from '../src/errors';
import { POLICIES, type Policy } from '../src/model/policy';
import { product } from '../src/model/product';
import { sale } from '../src/model/sale';
import {
  validateAffiliatePermission,
  validateRetentionFloor,
  validateTermAt,
} from '../src/settle/invariants';
import type { TransitionContext } from '../src/validate/append';
import {
  accept,
  amend,
  approveAmendment,
  approveCancellation,
  cancel,
  decline,
  declineAmendment,
  invite,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  type TransitionType,
  transition,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from '../src/validate/transitions';
import { type Instant, instant, parseInstant } from '../src/values/instant';
import { formatPercent } from '../src/values/percent';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const CAIO = 'caio@example.com';
const LEO = 'leo@example.com';
const course = product({ id: 'p1', mainCreator: ANA })._unsafeUnwrap();
const at = (text: string): Instant => parseInstant(text)._unsafeUnwrap();
const T0 = Date.UTC(2026, 0, 1);
const ms = (n: number): Instant => instant(n)._unsafeUnwrap();
/** Two places of a percent as written: 2050 → "20.5". */
const written = (cents: number) => formatPercent({ units: BigInt(cents), scale: 2 } as never);
const codes = (errors: DomainErrors) => errors.map((e) => e.code);

function invited(
  id: string,
  cocreator: string,
  percent: string,
  options: { accepted?: boolean; endsAt?: string; mayAlsoSellAsAffiliate?: boolean } = {},
): CocreationContract {
  const terms: Record<string, unknown> = { percent };
  if (options.endsAt !== undefined) terms.endsAt = options.endsAt;
  if (options.mayAlsoSellAsAffiliate !== undefined) {
    terms.mayAlsoSellAsAffiliate = options.mayAlsoSellAsAffiliate;
  }
  const events: unknown[] = [{ type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms }];
  if (options.accepted ?? true) {
    events.push({ type: 'accepted', at: '2026-01-02T00:00:00Z', by: cocreator });
  }
  return contract({ id, productId: 'p1', cocreator, events })._unsafeUnwrap();
}

describe('validateRetentionFloor', () => {
  it('answers the sum reserved when it is at most 100 - minRetainedPercent, else retention_floor_violated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7000 }),
        fc.integer({ min: 1, max: 7000 }),
        fc.constantFrom<[string, Policy, number]>(
          ['hotmart', POLICIES.hotmart, 7000],
          ['kiwify', POLICIES.kiwify, 8000],
        ),
        fc.boolean(),
        (aCents, bCents, [name, rules, capCents], accepted) => {
          // Kiwify takes whole percents only (percentDecimals 0).
          const whole = (cents: number) =>
            name === 'kiwify' ? Math.max(100, cents - (cents % 100)) : cents;
          const a = whole(aCents);
          const b = whole(bCents);
          const contracts = [
            invited('c1', BIA, written(a), { accepted }),
            invited('c2', CAIO, written(b), { accepted }),
          ];
          const answer = validateRetentionFloor(
            { policy: rules, product: course, contracts },
            at('2026-02-01T00:00:00Z'),
          );
          // Live (pending or accepted) contracts reserve their percent: a + b cents of percent.
          if (a + b <= capCents) {
            expect(formatPercent(answer._unsafeUnwrap())).toBe(written(a + b));
          } else {
            const [error] = answer._unsafeUnwrapErr();
            expect(error).toMatchObject({
              code: 'retention_floor_violated',
              path: ['contracts'],
              reservedPercent: written(a + b),
              maxPercent: written(capCents),
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts only the contracts live at the instant: before the invitations nothing is reserved', () => {
    const contracts = [invited('c1', BIA, '40'), invited('c2', CAIO, '35')];
    const parts = { policy: POLICIES.hotmart, product: course, contracts };
    expect(
      formatPercent(validateRetentionFloor(parts, at('2025-12-31T00:00:00Z'))._unsafeUnwrap()),
    ).toBe('0');
    expect(
      codes(validateRetentionFloor(parts, at('2026-01-01T00:00:00Z'))._unsafeUnwrapErr()),
    ).toEqual(['retention_floor_violated']);
  });

  it('answers the problems of the parts, and invalid_instant for an instant it did not build', () => {
    const parts = { policy: POLICIES.hotmart, product: course, contracts: [] };
    expect(validateRetentionFloor(parts, 'soon' as never)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_instant',
      path: ['at'],
    });
    const selfCocreation = invited('c1', ANA, '20', { accepted: false });
    expect(
      codes(
        validateRetentionFloor(
          { ...parts, contracts: [selfCocreation] },
          at('2026-02-01T00:00:00Z'),
        )._unsafeUnwrapErr(),
      ),
    ).toEqual(['self_cocreation']);
    expect(
      codes(validateRetentionFloor(null as never, at('2026-02-01T00:00:00Z'))._unsafeUnwrapErr()),
    ).toEqual(['invalid_field']);
  });
});

describe('validateAffiliatePermission', () => {
  it('refuses the main creator, a covered cocreator its terms do not allow, and any affiliate where the policy allows none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ANA, BIA, LEO, null),
        fc.boolean(),
        fc.constantFrom<Policy>(POLICIES.hotmart, POLICIES.kiwify, POLICIES.gumroad),
        fc.boolean(),
        (affiliate, mayAlsoSellAsAffiliate, rules, covered) => {
          const contracts = [
            invited('c1', BIA, '20', { accepted: covered, mayAlsoSellAsAffiliate }),
          ];
          const s = sale({
            id: 's1',
            productId: 'p1',
            at: '2026-03-01T12:00:00Z',
            price: { amount: '100.00', currency: 'BRL' },
            affiliate: affiliate === null ? null : { account: affiliate, percent: '10' },
          })._unsafeUnwrap();
          const expected: string[] = [];
          if (affiliate === ANA) expected.push('self_affiliation');
          if (affiliate === BIA && covered && !mayAlsoSellAsAffiliate) {
            expected.push('affiliate_not_permitted');
          }
          if (affiliate !== null && covered && !rules.affiliatesOnCocreatedProducts) {
            expected.push('affiliates_not_allowed');
          }
          const answer = validateAffiliatePermission(
            { policy: rules, product: course, contracts },
            s,
          );
          if (expected.length === 0) expect(answer.isOk()).toBe(true);
          else expect(codes(answer._unsafeUnwrapErr())).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not look at the fee: a fee above the price is no affiliate problem', () => {
    const s = sale({
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '1.00', currency: 'BRL' },
      platformFee: { amount: '2.00', currency: 'BRL' },
      affiliate: { account: LEO, percent: '10' },
    })._unsafeUnwrap();
    const parts = { policy: POLICIES.hotmart, product: course, contracts: [] };
    expect(validateAffiliatePermission(parts, s).isOk()).toBe(true);
  });

  it('answers a sale of another product, a sale it did not build and parts that are not a domain', () => {
    const parts = { policy: POLICIES.hotmart, product: course, contracts: [] };
    const elsewhere = sale({
      id: 's1',
      productId: 'p2',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '1.00', currency: 'BRL' },
    })._unsafeUnwrap();
    expect(codes(validateAffiliatePermission(parts, elsewhere)._unsafeUnwrapErr())).toEqual([
      'product_mismatch',
    ]);
    expect(validateAffiliatePermission(parts, {} as never).isErr()).toBe(true);
    expect(codes(validateAffiliatePermission(null as never, elsewhere)._unsafeUnwrapErr())).toEqual(
      ['invalid_field'],
    );
  });
});

describe('validateTermAt', () => {
  it('answers term_already_expired exactly from endsAt on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 0, max: 500 * 86_400_000 }),
        (days, offset) => {
          const endsAt = T0 + days * 86_400_000;
          const c = invited('c1', BIA, '20', { endsAt: new Date(endsAt).toISOString() });
          const t = T0 + offset;
          const answer = validateTermAt(
            { policy: POLICIES.hotmart, product: course, contracts: [c] },
            'c1',
            ms(t),
          );
          if (t < endsAt) expect(answer._unsafeUnwrap().id).toBe('c1');
          else
            expect(answer._unsafeUnwrapErr()[0]).toMatchObject({
              code: 'term_already_expired',
              path: ['contracts', 0],
            });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not call another end an expiry, and never expires a contract without endsAt', () => {
    const declined = contract({
      id: 'c2',
      productId: 'p1',
      cocreator: CAIO,
      events: [
        {
          type: 'invited',
          at: '2026-01-01T00:00:00Z',
          by: ANA,
          terms: { percent: '10', endsAt: '2026-02-01T00:00:00Z' },
        },
        { type: 'declined', at: '2026-01-05T00:00:00Z', by: CAIO },
      ],
    })._unsafeUnwrap();
    const parts = {
      policy: POLICIES.hotmart,
      product: course,
      contracts: [invited('c1', BIA, '20'), declined],
    };
    expect(validateTermAt(parts, 'c2', at('2026-03-01T00:00:00Z')).isOk()).toBe(true);
    expect(validateTermAt(parts, 'c1', at('9999-12-31T23:59:59.999Z')).isOk()).toBe(true);
  });

  it('answers an unknown id, an id that is not a string, an instant it did not build and bad parts', () => {
    const parts = {
      policy: POLICIES.hotmart,
      product: course,
      contracts: [invited('c1', BIA, '20')],
    };
    const t = at('2026-03-01T00:00:00Z');
    expect(validateTermAt(parts, 'c9', t)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      path: ['contractId'],
      message: 'no contract of product "p1" has the id "c9"',
    });
    expect(validateTermAt(parts, 1n as never, t)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      message: 'expected a contract id (a string)',
    });
    expect(codes(validateTermAt(parts, 'c1', Number.NaN as never)._unsafeUnwrapErr())).toEqual([
      'invalid_instant',
    ]);
    expect(
      codes(validateTermAt({ ...parts, contracts: 'none' } as never, 'c1', t)._unsafeUnwrapErr()),
    ).toEqual(['invalid_field']);
  });
});

describe('transition', () => {
  const context: TransitionContext = { policy: POLICIES.hotmart, product: course, contracts: [] };
  const verbs = {
    accepted: accept,
    declined: decline,
    withdrawn: withdraw,
    'amendment-proposed': proposeAmendment,
    'amendment-approved': approveAmendment,
    'amendment-declined': declineAmendment,
    'amendment-withdrawn': withdrawAmendment,
    amended: amend,
    'cancellation-requested': requestCancellation,
    'cancellation-approved': approveCancellation,
    'cancellation-rejected': rejectCancellation,
    'cancellation-withdrawn': withdrawCancellation,
    cancelled: cancel,
  } as const;
  const pending = invite(context, {
    id: 'c1',
    cocreator: BIA,
    terms: { percent: '20' },
    by: ANA,
    at: '2026-01-01T00:00:00Z',
  })._unsafeUnwrap();
  const active = accept(context, pending, { by: BIA, at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();

  it('records each event type as the event of that type, with the error as a one-element list', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(verbs) as TransitionType[])),
        fc.constantFrom(pending, active),
        fc.constantFrom(ANA, BIA, LEO),
        fc.constantFrom(context, { ...context, policy: POLICIES.gumroad }),
        (type, c, by, ctx) => {
          const input = { by, at: '2026-02-01T00:00:00Z', terms: { percent: '25' } };
          const expected = (verbs[type] as typeof amend)(ctx, c, input).mapErr((e) => [e]);
          expect(transition(ctx, c, { ...input, type } as never)).toStrictEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses terms on an event that carries none at terms, whatever the state, as a document does', () => {
    const carriesNone = (Object.keys(verbs) as TransitionType[]).filter(
      (t) => t !== 'amendment-proposed' && t !== 'amended',
    );
    expect(carriesNone).toHaveLength(11);
    for (const type of carriesNone) {
      for (const c of [pending, active]) {
        const refused = transition(context, c, {
          type,
          by: BIA,
          at: '2026-02-01T00:00:00Z',
          terms: { percent: '25' },
        } as never);
        expect(refused.isErr() && refused.error).toEqual([
          {
            code: 'invalid_field',
            message: 'only invited, amendment-proposed and amended events carry terms',
            path: ['terms'],
          },
        ]);
      }
    }
  });

  it('answers invited with its terms as a second invitation (invalid_transition at type)', () => {
    const again = transition(context, pending, {
      type: 'invited',
      by: ANA,
      at: '2026-01-01T12:00:00Z',
      terms: { percent: '20' },
    } as never);
    expect(again.isErr() && again.error.map((e) => [e.code, e.path])).toEqual([
      ['invalid_transition', ['type']],
    ]);
  });

  it('refuses a contract that is not an object at contract, as the contract reader does', () => {
    for (const c of [null, undefined, 7]) {
      const refused = transition(context, c as never, {
        type: 'accepted',
        by: BIA,
        at: '2026-01-02T00:00:00Z',
      });
      expect(refused.isErr() && refused.error).toEqual([
        { code: 'invalid_field', message: 'expected a contract object', path: ['contract'] },
      ]);
    }
  });

  it('answers an input that is not an event, and invited, which only invite makes', () => {
    expect(codes(transition(context, active, null as never)._unsafeUnwrapErr())).toEqual([
      'invalid_field',
    ]);
    expect(
      transition(context, active, {
        type: 'invited',
        by: ANA,
        at: '2026-02-01T00:00:00Z',
      } as never).isErr(),
    ).toBe(true);
  });
});
