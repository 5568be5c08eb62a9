/**
 * Cocreation contracts (SPEC section 3): an ordered history of events, and its state machine.
 */
import type { AccountId } from './account';
import type { AppliesTo } from './commission';
import type { Instant } from './instant';
import type { Percent } from './percent';

/** The terms of a contract: what it pays, on which sales, until when. */
export interface ContractTerms {
  readonly percent: Percent;
  readonly appliesTo: AppliesTo;
  /** The term's end (exclusive), `null` for unlimited (H). */
  readonly endsAt: Instant | null;
  /** Whether the cocreator may also be the affiliate of a sale this contract covers (H). */
  readonly mayAlsoSellAsAffiliate: boolean;
}

/** Amended terms: an omitted field keeps its value in force; `endsAt: null` makes the term unlimited. */
export interface TermsPatch {
  readonly percent?: Percent;
  readonly appliesTo?: AppliesTo;
  readonly endsAt?: Instant | null;
  readonly mayAlsoSellAsAffiliate?: boolean;
}

/** The event types that carry no terms. */
export type PlainEventType =
  | 'accepted'
  | 'declined'
  | 'withdrawn'
  | 'amendment-approved'
  | 'amendment-declined'
  | 'amendment-withdrawn'
  | 'cancellation-requested'
  | 'cancellation-approved'
  | 'cancellation-rejected'
  | 'cancellation-withdrawn'
  | 'cancelled';

/** One event of a contract's history. */
export type ContractEvent =
  | {
      readonly type: 'invited';
      readonly at: Instant;
      readonly by: AccountId;
      readonly terms: ContractTerms;
    }
  | {
      readonly type: 'amendment-proposed' | 'amended';
      readonly at: Instant;
      readonly by: AccountId;
      readonly terms: TermsPatch;
    }
  | { readonly type: PlainEventType; readonly at: Instant; readonly by: AccountId };

/** Every event type of SPEC section 3. */
export type ContractEventType = ContractEvent['type'];

/** A contract between a product's main creator and one cocreator: its whole history, oldest first. */
export interface CocreationContract {
  readonly id: string;
  readonly productId: string;
  readonly cocreator: AccountId;
  readonly events: ReadonlyArray<ContractEvent>;
}

/** Terms in force from `from` (inclusive) until the next period's `from`. */
export interface TermsPeriod {
  readonly from: Instant;
  readonly terms: ContractTerms;
}

/**
 * What a replayed history proves about a contract: when it was accepted and ended, and
 * which terms were in force when. Only a valid history has one.
 */
export interface ContractTimeline {
  readonly contract: CocreationContract;
  readonly invitedAt: Instant;
  /** `null` when never accepted. */
  readonly acceptedAt: Instant | null;
  /**
   * The instant it stopped covering sales: the ending event (`declined`, `withdrawn`,
   * `cancellation-approved`, `cancelled`) or the expiry (`endsAt` of the terms in force
   * reached), whichever came first; `null` while it has not ended.
   */
  readonly endedAt: Instant | null;
  /** Terms periods in time order; the first starts at `invitedAt` with the invitation's terms. */
  readonly terms: ReadonlyArray<TermsPeriod>;
}

/**
 * The terms in force at `t`: those of the last period starting at or before `t`
 * (binary search), or `null` before the invitation.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the terms in force, or `null` when `t` is before the invitation
 */
export function termsAt(timeline: ContractTimeline, t: Instant): ContractTerms | null {
  const periods = timeline.terms;
  let lo = 0;
  let hi = periods.length - 1;
  let found: ContractTerms | null = null;
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
 * The terms under which the contract covers a sale at `t` (SPEC section 3: accepted at or
 * before `t`, not ended at or before `t`, `t` before the `endsAt` in force), else `null`.
 * Intervals are half-open: a sale exactly at the end is not covered.
 *
 * @param timeline - a replayed contract
 * @param t - the sale's instant
 * @returns the terms in force when covered, else `null`
 */
export function coveringTerms(timeline: ContractTimeline, t: Instant): ContractTerms | null {
  if (timeline.acceptedAt === null || t < timeline.acceptedAt) return null;
  if (timeline.endedAt !== null && t >= timeline.endedAt) return null;
  const terms = termsAt(timeline, t);
  if (terms === null || (terms.endsAt !== null && t >= terms.endsAt)) return null;
  return terms;
}
