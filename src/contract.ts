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
