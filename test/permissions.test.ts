import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, can } from '../src/contracts/permissions';
import { contract } from '../src/contracts/read';
import type { CocreationContract } from '../src/contracts/types';
import { POLICIES, type Policy } from '../src/model/policy';
import { product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { validateDomain } from '../src/validate/domain';
import { type Instant, parseInstant } from '../src/values/instant';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const CAIO = 'caio@example.com';
const LEO = 'leo@example.com';
const course = product({ id: 'p1', mainCreator: ANA })._unsafeUnwrap();
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00Z`;
const at = (n: number): Instant => parseInstant(day(n))._unsafeUnwrap();

function c(
  id: string,
  cocreator: string,
  events: ReadonlyArray<Record<string, unknown>>,
): CocreationContract {
  return contract({ id, productId: 'p1', cocreator, events })._unsafeUnwrap();
}

// bia: accepted on day 2 with affiliate permission, cancelled on day 10.
// caio: invited on day 3 without affiliate permission, accepted on day 5.
function timelines(rules: Policy = POLICIES.hotmart) {
  const end =
    rules.cancellation === 'mutual'
      ? [
          { type: 'cancellation-requested', at: day(9), by: BIA },
          { type: 'cancellation-approved', at: day(10), by: ANA },
        ]
      : [{ type: 'cancelled', at: day(10), by: BIA }];
  return validateDomain({
    policy: rules,
    product: course,
    contracts: [
      c('c1', BIA, [
        {
          type: 'invited',
          at: day(1),
          by: ANA,
          terms: { percent: '20', mayAlsoSellAsAffiliate: true },
        },
        { type: 'accepted', at: day(2), by: BIA },
        ...end,
      ]),
      c('c2', CAIO, [
        { type: 'invited', at: day(3), by: ANA, terms: { percent: '10' } },
        { type: 'accepted', at: day(5), by: CAIO },
      ]),
    ],
  })._unsafeUnwrap().timelines;
}

describe('can', () => {
  const tls = timelines();

  it.each(['edit-product', 'edit-cocreation', 'invite-cocreator'] as const)(
    'lets only the main creator %s',
    (action) => {
      expect([ANA, BIA, CAIO, LEO].map((who) => can(who, action, course, tls, at(6)))).toEqual([
        true,
        false,
        false,
        false,
      ]);
    },
  );

  it('compares accounts in canonical form', () => {
    expect(can('  ANA@example.com', 'edit-product', course, tls, at(6))).toBe(true);
    expect(can('', 'edit-product', course, tls, at(6))).toBe(false);
  });

  it('shows the sales history to the main creator and to cocreators while their contract is in force', () => {
    const view = (who: string, n: number) => can(who, 'view-sales-history', course, tls, at(n));
    expect([view(ANA, 1), view(BIA, 1), view(BIA, 2), view(BIA, 9), view(BIA, 10)]).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    // caio is invited on day 3 and accepts on day 5: a pending invitee sees nothing.
    expect([view(CAIO, 4), view(CAIO, 5), view(LEO, 5)]).toEqual([false, true, false]);
  });

  it('never lets the main creator sell as affiliate of their own product', () => {
    expect(can(ANA, 'sell-as-affiliate', course, tls, at(6))).toBe(false);
  });

  it('lets a covering cocreator sell as affiliate only when the terms in force allow it', () => {
    const sell = (who: string, n: number) => can(who, 'sell-as-affiliate', course, tls, at(n));
    expect([sell(BIA, 6), sell(CAIO, 6)]).toEqual([true, false]);
    // Before caio's acceptance his contract covers nothing, so he sells like anyone else.
    expect(sell(CAIO, 4)).toBe(true);
  });

  it('lets anyone else sell as affiliate, except while a contract covers the sale under affiliatesOnCocreatedProducts: false', () => {
    const gumroadLike = { ...POLICIES.hotmart, affiliatesOnCocreatedProducts: false };
    expect(can(LEO, 'sell-as-affiliate', course, tls, at(6))).toBe(true);
    expect(can(LEO, 'sell-as-affiliate', course, tls, at(6), gumroadLike)).toBe(false);
    expect(can(LEO, 'sell-as-affiliate', course, tls, at(1), gumroadLike)).toBe(true);
  });

  it('ignores contracts of other products and answers false to nonsense', () => {
    const other = product({ id: 'p2', mainCreator: ANA })._unsafeUnwrap();
    expect(can(BIA, 'view-sales-history', other, tls, at(6))).toBe(false);
    expect(can(BIA, 'fly' as never, course, tls, at(6))).toBe(false);
    expect(can(BIA, 'edit-product', null as never, tls, at(6))).toBe(false);
    // A null among the timelines is skipped, not read.
    expect(can(BIA, 'view-sales-history', course, [null as never, ...tls], at(6))).toBe(true);
  });
});

describe('allowedActions', () => {
  it('lists what each party may do, in the order of ACTIONS', () => {
    const gumroad = policy({ extends: 'gumroad', maxCocreators: 2 })._unsafeUnwrap();
    const tls = timelines(gumroad);
    expect(allowedActions(ANA, course, tls, at(6))).toEqual(
      ACTIONS.filter((a) => a !== 'sell-as-affiliate'),
    );
    expect(allowedActions(BIA, course, tls, at(6))).toEqual([
      'view-sales-history',
      'sell-as-affiliate',
    ]);
    expect(allowedActions(CAIO, course, tls, at(6))).toEqual(['view-sales-history']);
    expect(allowedActions(LEO, course, tls, at(6), gumroad)).toEqual([]);
  });
});

describe('can, on what it cannot read', () => {
  const tls = timelines();

  it('lets an actor that is not an account id do nothing, not even sell as affiliate', () => {
    for (const who of ['', '   ', 42 as never]) {
      expect(allowedActions(who, course, tls, at(6))).toEqual([]);
      expect(can(who, 'sell-as-affiliate', course, [], at(6))).toBe(false);
    }
  });

  it('allows nothing on a value that is not a product', () => {
    for (const notAProduct of ['p1', 42, undefined]) {
      expect(allowedActions(LEO, notAProduct as never, tls, at(6))).toEqual([]);
      expect(can(LEO, 'sell-as-affiliate', notAProduct as never, [], at(6))).toBe(false);
    }
  });

  it('reads only objects as contract timelines, not a function carrying one’s fields', () => {
    // caio's contract is in force on day 6; the same fields on a function are not a timeline.
    const caio = tls.find((tl) => tl.contract.cocreator === CAIO);
    expect(caio).toBeDefined();
    expect(can(CAIO, 'view-sales-history', course, [caio as never], at(6))).toBe(true);
    const forged = Object.assign(() => 0, caio);
    expect(can(CAIO, 'view-sales-history', course, [forged as never], at(6))).toBe(false);
  });

  it('answers false, never throws, for a timeline whose terms or instants it cannot read', () => {
    // A look-alike of the product's contract with no timeline fields (found by a docs review:
    // termsAt read `terms.length` of undefined). No permission can be established from it.
    const product = { id: 'p1', mainCreator: ANA, affiliateCommission: null } as never;
    const halfBuilt = [{ contract: { productId: 'p1', cocreator: BIA } }] as never;
    expect(can(BIA, 'sell-as-affiliate', product, halfBuilt, at(6))).toBe(false);
    expect(can(BIA, 'view-sales-history', product, halfBuilt, at(6))).toBe(false);
    expect(allowedActions(BIA, product, halfBuilt, at(6))).toEqual([]);
    // The main creator's own actions read no contract: still allowed.
    expect(can(ANA, 'edit-product', product, halfBuilt, at(6))).toBe(true);
    // Each field of a real timeline taken away or replaced in turn: a boolean every time.
    const caio = tls.find((tl) => tl.contract.cocreator === CAIO) as unknown as Record<
      string,
      unknown
    >;
    for (const key of Object.keys(caio)) {
      for (const replacement of [undefined, null, 42, 'x', [], {}, [null], [{}]]) {
        const broken = [{ ...caio, [key]: replacement }] as never;
        for (const action of ACTIONS) {
          expect(typeof can(CAIO, action, course, broken, at(6))).toBe('boolean');
        }
      }
    }
  });
});
