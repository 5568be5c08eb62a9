/**
 * Who may do what on a product (specification §1 and the Hotmart rules it cites): only the main
 * creator changes the product and its cocreation contracts; cocreators see the sales history
 * while their contract is in force; whether a cocreator may also sell as an affiliate is the
 * main creator's decision, contract by contract.
 */

import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import { type AccountId, accountId } from '../values/account';
import type { Instant } from '../values/instant';
import { coveringTerms, statusAt } from './queries';
import type { ContractTimeline } from './types';

/**
 * What an account may ask to do on a product:
 * - `edit-product`: change the product's settings (price, affiliate commission, ...);
 * - `edit-cocreation`: change cocreation contracts (propose or make amendments, withdraw an
 *   invitation);
 * - `invite-cocreator`: invite a new cocreator;
 * - `view-sales-history`: see the product's sales;
 * - `sell-as-affiliate`: be the affiliate of a sale of the product.
 */
export type Action =
  | 'edit-product'
  | 'edit-cocreation'
  | 'invite-cocreator'
  | 'view-sales-history'
  | 'sell-as-affiliate';

/**
 * Every {@link Action}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ACTIONS } from 'cocreation';
 *
 * assert.equal(ACTIONS.includes('sell-as-affiliate'), true);
 * assert.equal(ACTIONS.length, 5);
 * ```
 */
export const ACTIONS: ReadonlyArray<Action> = Object.freeze([
  'edit-product',
  'edit-cocreation',
  'invite-cocreator',
  'view-sales-history',
  'sell-as-affiliate',
]);

/**
 * Tells whether `actor` may do `action` on `product` at instant `t`:
 *
 * - `edit-product`, `edit-cocreation`, `invite-cocreator`: the main creator only (H);
 * - `view-sales-history`: the main creator, and a cocreator whose contract on the product is
 *   accepted and not ended at `t` (`active` or `cancellation-pending`); not a pending invitee,
 *   nor a former cocreator;
 * - `sell-as-affiliate`: never the main creator (self-affiliation); a cocreator whose contract
 *   covers `t` only when its terms in force allow it (`mayAlsoSellAsAffiliate`, decided by the
 *   main creator (H)); under a policy with `affiliatesOnCocreatedProducts: false`, nobody while
 *   any contract covers `t`; anyone else may.
 *
 * Answers `false` for an actor that is not a valid account id, an unknown action, and a
 * `contracts` list the queries cannot read (not the replayed contracts of `validateDomain`).
 *
 * @param actor - the account asking (put in canonical form first)
 * @param action - the {@link Action}
 * @param product - the product
 * @param contracts - the product's replayed contracts (`domain.timelines`); contracts of
 *   other products are ignored
 * @param t - the instant of the request (for a sale: the sale's instant)
 * @param rules - the policy, needed only for `affiliatesOnCocreatedProducts` (default: not
 *   applied)
 * @returns `true` when allowed
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, can, contract, parseInstant, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const domain = valueOrThrow(validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' })),
 *   contracts: [valueOrThrow(contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', mayAlsoSellAsAffiliate: true } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ] }))],
 * }));
 * const t = valueOrThrow(parseInstant('2026-03-01T00:00:00Z'));
 * const ask = (who: string, action: Parameters<typeof can>[1]) =>
 *   can(who, action, domain.product, domain.timelines, t, domain.policy);
 * assert.equal(ask('ana@example.com', 'edit-product'), true);
 * assert.equal(ask('bia@example.com', 'edit-product'), false);
 * assert.equal(ask('bia@example.com', 'view-sales-history'), true);
 * assert.equal(ask('bia@example.com', 'sell-as-affiliate'), true);
 * assert.equal(ask('ana@example.com', 'sell-as-affiliate'), false);
 * ```
 */
export function can(
  actor: string,
  action: Action,
  product: Product,
  contracts: ReadonlyArray<ContractTimeline>,
  t: Instant,
  rules?: Policy,
): boolean {
  // A list that is not the product's replayed contracts (a look-alike built by hand, whose
  // terms or instants the queries cannot read), or a value whose reading throws (a getter, a
  // Proxy, a revoked one that even Array.isArray throws on), proves no permission: the answer
  // is `false`, never an exception.
  try {
    const who = accountId(actor);
    if (
      who.isErr() ||
      typeof product !== 'object' ||
      product === null ||
      !Array.isArray(contracts)
    ) {
      return false;
    }
    return allowed(who.value, action, product, contracts, t, rules);
  } catch {
    return false;
  }
}

/** {@link can} once the actor is an account id and the product and list are objects. */
function allowed(
  account: AccountId,
  action: Action,
  product: Product,
  contracts: ReadonlyArray<ContractTimeline>,
  t: Instant,
  rules: Policy | undefined,
): boolean {
  const isMainCreator = account === product.mainCreator;
  const own = contracts.filter(
    (timeline: unknown) =>
      typeof timeline === 'object' &&
      timeline !== null &&
      (timeline as ContractTimeline).contract?.productId === product.id,
  );
  switch (action) {
    case 'edit-product':
    case 'edit-cocreation':
    case 'invite-cocreator':
      return isMainCreator;
    case 'view-sales-history':
      return (
        isMainCreator ||
        own.some((timeline) => {
          if (timeline.contract.cocreator !== account) return false;
          const status = statusAt(timeline, t);
          return status === 'active' || status === 'cancellation-pending';
        })
      );
    case 'sell-as-affiliate': {
      if (isMainCreator) return false;
      const covering = own.filter((timeline) => coveringTerms(timeline, t) !== null);
      if (rules !== undefined && !rules.affiliatesOnCocreatedProducts && covering.length > 0) {
        return false;
      }
      const mine = covering.filter((timeline) => timeline.contract.cocreator === account);
      // Stryker disable next-line OptionalChaining: every timeline in mine was kept for having covering terms at t
      return mine.every((timeline) => coveringTerms(timeline, t)?.mayAlsoSellAsAffiliate === true);
    }
    default:
      return false;
  }
}

/**
 * Every action `actor` may do on `product` at `t` (see {@link can}).
 *
 * @param actor - the account asking
 * @param product - the product
 * @param contracts - the product's replayed contracts (`domain.timelines`)
 * @param t - the instant of the request
 * @param rules - the policy (see {@link can})
 * @returns the allowed actions, in the order of {@link ACTIONS}, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allowedActions, parseInstant, product } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' });
 * if (course.isErr()) throw new Error(course.error.map((e) => e.message).join('; '));
 * const t = parseInstant('2026-03-01T00:00:00Z');
 * if (t.isErr()) throw new Error(t.error.map((e) => e.message).join('; '));
 * assert.deepEqual(allowedActions('leo@example.com', course.value, [], t.value), ['sell-as-affiliate']);
 * assert.deepEqual(allowedActions('ana@example.com', course.value, [], t.value), [
 *   'edit-product', 'edit-cocreation', 'invite-cocreator', 'view-sales-history',
 * ]);
 * ```
 */
export function allowedActions(
  actor: string,
  product: Product,
  contracts: ReadonlyArray<ContractTimeline>,
  t: Instant,
  rules?: Policy,
): ReadonlyArray<Action> {
  return Object.freeze(
    ACTIONS.filter((action) => can(actor, action, product, contracts, t, rules)),
  );
}
