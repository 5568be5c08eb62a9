import { covers, isLive, reservedPercentAt, type SaleRef } from '../contracts/queries';
import type { ContractTimeline } from '../contracts/types';
import { maxReservedPercent } from '../model/policy';
import type { Instant } from '../values/instant';
import { addPercents, PERCENT_0, type Percent, subtractPercents } from '../values/percent';
import type { Domain } from './domain';

/**
 * The contracts live at `t` (invited, not ended, term not run out), in document order.
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns their timelines, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, contract, liveContractsAt, parseInstant, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const domain = valueOf(validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' })),
 *   contracts: [valueOf(contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'declined', at: '2026-01-03T00:00:00Z', by: 'bia@example.com' },
 *   ] }))],
 * }));
 * assert.equal(liveContractsAt(domain, valueOf(parseInstant('2026-01-02T00:00:00Z'))).length, 1);
 * assert.equal(liveContractsAt(domain, valueOf(parseInstant('2026-01-03T00:00:00Z'))).length, 0);
 * ```
 */
export function liveContractsAt(domain: Domain, t: Instant): ReadonlyArray<ContractTimeline> {
  return Object.freeze(domain.timelines.filter((timeline) => isLive(timeline, t)));
}

/**
 * The contracts that cover a sale (accepted, not ended, term not run out at its instant), in
 * document order, whatever their `appliesTo`.
 *
 * @param domain - a validated domain
 * @param sale - the sale (its `productId` and `at`)
 * @returns their timelines, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, contract, contractsCovering, parseInstant, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const domain = valueOf(validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' })),
 *   contracts: [valueOf(contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ] }))],
 * }));
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(contractsCovering(domain, { productId: 'p1', at: at('2026-01-01T12:00:00Z') }).length, 0);
 * assert.equal(contractsCovering(domain, { productId: 'p1', at: at('2026-01-02T00:00:00Z') }).length, 1);
 * ```
 */
export function contractsCovering(domain: Domain, sale: SaleRef): ReadonlyArray<ContractTimeline> {
  return Object.freeze(domain.timelines.filter((timeline) => covers(timeline, sale)));
}

/**
 * What the product's live contracts reserve together at `t` (each the larger of its percent
 * in force and a pending amendment's).
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns the sum, at most `100 - minRetainedPercent` in a valid domain
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, formatPercent, invite, parseInstant, product, totalReservedPercentAt, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const context = { policy: POLICIES.hotmart, product: valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' })), contracts: [] };
 * const c1 = valueOf(invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' }));
 * const c2 = valueOf(invite({ ...context, contracts: [c1] }, { id: 'c2', cocreator: 'caio@example.com', terms: { percent: '12.5' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' }));
 * const domain = valueOf(validateDomain({ ...context, contracts: [c1, c2] }));
 * assert.equal(formatPercent(totalReservedPercentAt(domain, valueOf(parseInstant('2026-02-01T00:00:00Z')))), '32.5');
 * ```
 */
export function totalReservedPercentAt(domain: Domain, t: Instant): Percent {
  return reservedTotalAt(domain.timelines, t);
}

/**
 * What `timelines` reserve together at `t`: the sum the retention floor bounds. Internal:
 * {@link totalReservedPercentAt} and `validateRetentionFloor` share it.
 *
 * @internal
 */
export function reservedTotalAt(timelines: ReadonlyArray<ContractTimeline>, t: Instant): Percent {
  return timelines.reduce<Percent>(
    (sum, timeline) => addPercents(sum, reservedPercentAt(timeline, t)),
    PERCENT_0,
  );
}

/**
 * How much the main creator can still offer at `t`: `100 - minRetainedPercent` less what the
 * live contracts reserve (never below 0).
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns the percent still free under the retention floor
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, availablePercentAt, formatPercent, invite, parseInstant, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const context = { policy: POLICIES.hotmart, product: valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' })), contracts: [] };
 * const c1 = valueOf(invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' }));
 * const domain = valueOf(validateDomain({ ...context, contracts: [c1] }));
 * assert.equal(formatPercent(availablePercentAt(domain, valueOf(parseInstant('2026-02-01T00:00:00Z')))), '50');
 * ```
 */
export function availablePercentAt(domain: Domain, t: Instant): Percent {
  return subtractPercents(
    maxReservedPercent(domain.policy),
    totalReservedPercentAt(domain, t),
  ).unwrapOr(PERCENT_0);
}

/**
 * The timeline of one contract, by id.
 *
 * @param domain - a validated domain
 * @param contractId - the contract's id
 * @returns its timeline, or `undefined` when the domain has no such contract
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, invite, product, timelineOf, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const context = { policy: POLICIES.hotmart, product: valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' })), contracts: [] };
 * const c1 = valueOf(invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' }));
 * const domain = valueOf(validateDomain({ ...context, contracts: [c1] }));
 * assert.equal(timelineOf(domain, 'c1')?.acceptedAt, null);
 * assert.equal(timelineOf(domain, 'c9'), undefined);
 * ```
 */
export function timelineOf(domain: Domain, contractId: string): ContractTimeline | undefined {
  return domain.timelines.find((timeline) => timeline.contract.id === contractId);
}
