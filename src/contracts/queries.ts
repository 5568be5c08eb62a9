/**
 * Questions asked of a replayed contract (specification §3): the terms in force at an
 * instant, whether it covers a sale or pays on it, whether it is live, its status, what it
 * reserves against the retention floor, and its terms history.
 */
import { appliesToSale } from '../model/commission';
import type { SaleAffiliate } from '../model/sale';
import type { Instant } from '../values/instant';
import { comparePercent, PERCENT_0, type Percent } from '../values/percent';
import type {
  AmendmentRecord,
  CancellationRequestRecord,
  CommissionRule,
  ContractStatus,
  ContractTimeline,
  TermsPeriod,
} from './types';

/**
 * The terms in force at `t`: those of the last period starting at or before `t`
 * (binary search), or `null` before the invitation.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the terms in force, or `null` when `t` is before the invitation
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, formatPercent, parseInstant, POLICIES, product, termsAt, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '25' } },
 *     { type: 'amendment-approved', at: '2026-02-03T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(formatPercent(termsAt(timeline, at('2026-02-02T00:00:00Z'))!.percent), '20');
 * assert.equal(formatPercent(termsAt(timeline, at('2026-02-03T00:00:00Z'))!.percent), '25');
 * assert.equal(termsAt(timeline, at('2025-12-31T00:00:00Z')), null);
 * ```
 */
export function termsAt(timeline: ContractTimeline, t: Instant): CommissionRule | null {
  const periods = timeline.terms;
  let lo = 0;
  let hi = periods.length - 1;
  let found: CommissionRule | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const period = periods[mid] as TermsPeriod;
    if (period.from <= t) {
      found = period.terms;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The terms under which the contract covers a sale at `t` (specification §3: accepted at or
 * before `t`, not ended at or before `t`, `t` before the `endsAt` in force), else `null`.
 * Intervals are half-open: a sale exactly at the end is not covered.
 *
 * @param timeline - a replayed contract
 * @param t - the sale's instant
 * @returns the terms in force when covered, else `null`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function coveringTerms(timeline: ContractTimeline, t: Instant): CommissionRule | null {
  if (timeline.acceptedAt === null || t < timeline.acceptedAt) return null;
  if (timeline.endedAt !== null && t >= timeline.endedAt) return null;
  // Accepted and not ended: the terms in force exist (the invitation's at least), and t is
  // before their endsAt, since reaching it ends the contract (endedAt is at or before it).
  return termsAt(timeline, t);
}

/** What coverage needs to know of a sale. */
export interface SaleRef {
  /** The product sold. */
  readonly productId: string;
  /** The sale's instant. */
  readonly at: Instant;
}

/**
 * Tells whether the contract covers a sale (specification §3): the sale is of the contract's
 * product, and the contract was accepted at or before the sale, has not ended at or before
 * it, and the `endsAt` in force is after it. Whether `appliesTo` matches the sale is a
 * separate question ({@link commissionTerms}).
 *
 * @param timeline - a replayed contract
 * @param sale - the sale (its `productId` and `at`)
 * @returns `true` when covered
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function covers(timeline: ContractTimeline, sale: SaleRef): boolean {
  return (
    sale.productId === timeline.contract.productId && coveringTerms(timeline, sale.at) !== null
  );
}

/**
 * The terms under which the contract pays its cocreator on a sale: it covers the sale and
 * its `appliesTo` matches the sale (specification §§3 and 5, step 6); else `null`.
 *
 * @param timeline - a replayed contract
 * @param sale - the sale (its `productId`, `at` and `affiliate`)
 * @returns the terms in force, or `null` when the contract pays nothing on this sale
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function commissionTerms(
  timeline: ContractTimeline,
  sale: SaleRef & { readonly affiliate: SaleAffiliate | null },
): CommissionRule | null {
  if (sale.productId !== timeline.contract.productId) return null;
  const terms = coveringTerms(timeline, sale.at);
  if (terms === null) return null;
  return appliesToSale(terms.appliesTo, timeline.contract.cocreator, sale) ? terms : null;
}

/**
 * Tells whether the contract is live at `t` (specification §3): invited at or before `t`, not
 * ended at or before `t`, and the `endsAt` in force after `t`. A pending invitation is live:
 * it reserves its percent.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns `true` when live
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, isLive, parseInstant, POLICIES, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'withdrawn', at: '2026-01-05T00:00:00Z', by: 'ana@example.com' },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(isLive(timeline, at('2026-01-01T00:00:00Z')), true);
 * assert.equal(isLive(timeline, at('2026-01-05T00:00:00Z')), false);
 * ```
 */
export function isLive(timeline: ContractTimeline, t: Instant): boolean {
  // Stryker disable next-line ConditionalExpression: before the invitation termsAt answers null, which the last line reads as not live
  if (t < timeline.invitedAt) return false;
  if (timeline.endedAt !== null && t >= timeline.endedAt) return false;
  const terms = termsAt(timeline, t);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: after the guards above the terms in force exist and end after t (reaching an endsAt ends the contract there)
  return terms !== null && (terms.endsAt === null || t < terms.endsAt);
}

/**
 * The amendment awaiting the cocreator's answer at `t` (state after every event at or
 * before `t`), or `null`.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the pending proposal, or `null`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, parseInstant, pendingAmendmentAt, POLICIES, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '30' } },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(pendingAmendmentAt(timeline, at('2026-01-31T00:00:00Z')), null);
 * assert.equal(pendingAmendmentAt(timeline, at('2026-02-01T00:00:00Z'))?.outcome, null);
 * ```
 */
export function pendingAmendmentAt(timeline: ContractTimeline, t: Instant): AmendmentRecord | null {
  if (!isLive(timeline, t)) return null;
  for (const record of timeline.amendments) {
    if (record.proposedAt <= t && (record.resolvedAt === null || t < record.resolvedAt)) {
      return record;
    }
  }
  return null;
}

/**
 * The cancellation request awaiting the other party at `t`, or `null`.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the pending request, or `null`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, parseInstant, pendingCancellationAt, POLICIES, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'cancellation-requested', at: '2026-02-01T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const t = valueOf(parseInstant('2026-03-01T00:00:00Z'));
 * assert.equal(pendingCancellationAt(timeline, t)?.requestedBy, 'bia@example.com');
 * ```
 */
export function pendingCancellationAt(
  timeline: ContractTimeline,
  t: Instant,
): CancellationRequestRecord | null {
  if (!isLive(timeline, t)) return null;
  for (const record of timeline.cancellationRequests) {
    if (record.requestedAt <= t && (record.resolvedAt === null || t < record.resolvedAt)) {
      return record;
    }
  }
  return null;
}

/**
 * The status of the contract at `t`: the state after every event at or before `t`, with
 * expiry applied (specification §3).
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the {@link ContractStatus}, or `null` before the invitation
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, parseInstant, POLICIES, product, statusAt, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', endsAt: '2027-01-01T00:00:00Z' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(statusAt(timeline, at('2025-12-31T00:00:00Z')), null);
 * assert.equal(statusAt(timeline, at('2026-01-01T00:00:00Z')), 'pending');
 * assert.equal(statusAt(timeline, at('2026-06-01T00:00:00Z')), 'active');
 * assert.equal(statusAt(timeline, at('2027-01-01T00:00:00Z')), 'expired');
 * ```
 */
export function statusAt(timeline: ContractTimeline, t: Instant): ContractStatus | null {
  if (t < timeline.invitedAt) return null;
  // Stryker disable next-line StringLiteral: a replayed timeline with an end always has its reason
  if (timeline.endedAt !== null && t >= timeline.endedAt) return timeline.endReason ?? 'expired';
  if (timeline.acceptedAt === null || t < timeline.acceptedAt) return 'pending';
  return pendingCancellationAt(timeline, t) === null ? 'active' : 'cancellation-pending';
}

/**
 * The percent the contract reserves at `t` against the retention floor (specification §3):
 * the larger of the percent in force and that of a pending amendment while live, else 0.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the reserved percent (`0` when not live)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, formatPercent, parseInstant, POLICIES, product, reservedPercentAt, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '30' } },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [c] })).timelines[0]!;
 * const at = (s: string) => valueOf(parseInstant(s));
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2026-01-15T00:00:00Z'))), '20');
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2026-02-15T00:00:00Z'))), '30');
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2025-01-01T00:00:00Z'))), '0');
 * ```
 */
export function reservedPercentAt(timeline: ContractTimeline, t: Instant): Percent {
  if (!isLive(timeline, t)) return PERCENT_0;
  const inForce = (termsAt(timeline, t) as CommissionRule).percent;
  const proposed = pendingAmendmentAt(timeline, t)?.terms.percent;
  return proposed !== undefined && comparePercent(proposed, inForce) > 0 ? proposed : inForce;
}

/** One period of {@link termsHistory}: terms in force on `[from, until)`. */
export interface TermsHistoryEntry {
  /** When these terms took effect (inclusive). */
  readonly from: Instant;
  /** Exclusive; `null` while open-ended. */
  readonly until: Instant | null;
  /** The complete terms in force on the interval. */
  readonly terms: CommissionRule;
}

/**
 * The history of the contract's terms: each set of terms with the half-open interval it was
 * in force, from the invitation to the end (a set of terms replaced at the instant it was
 * introduced is left out, as it was never in force). The last period ends at the contract's
 * end (event or expiry), or is open-ended.
 *
 * @param timeline - a replayed contract
 * @returns the periods in time order, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, type DomainErrors, formatInstant, formatPercent, POLICIES, product, termsHistory, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOf<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOf(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const c = valueOf(contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amended', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '10' } },
 *     { type: 'cancelled', at: '2026-03-01T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * }));
 * const timeline = valueOf(validateDomain({ policy: POLICIES.gumroad, product: course, contracts: [c] })).timelines[0]!;
 * assert.deepEqual(
 *   termsHistory(timeline).map((h) => [formatPercent(h.terms.percent), formatInstant(h.from), h.until && formatInstant(h.until)]),
 *   [
 *     ['20', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
 *     ['10', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
 *   ],
 * );
 * ```
 */
export function termsHistory(timeline: ContractTimeline): ReadonlyArray<TermsHistoryEntry> {
  const entries: TermsHistoryEntry[] = [];
  const periods = timeline.terms;
  periods.forEach((period, index) => {
    const next = periods[index + 1];
    // A set of terms starts only while the contract is active, so the next one (if any)
    // starts before the end: the end bounds only the last set.
    const until: Instant | null = next === undefined ? timeline.endedAt : next.from;
    if (until !== null && until <= period.from) return;
    entries.push(Object.freeze({ from: period.from, until, terms: period.terms }));
  });
  return Object.freeze(entries);
}
