/**
 * The data of a cocreation contract (specification §3): its terms, its events, the contract
 * as its history, and the timeline that replaying the history proves. Types only, and the
 * list of event types; reading is in `read.ts`, the state machine in `lifecycle.ts`, the
 * questions asked of a timeline in `queries.ts`.
 */
import type { AppliesTo, CommissionRule } from '../model/commission';
import { EVENT_TYPES } from '../model/shapes';
import type { AccountId } from '../values/account';
import type { Instant } from '../values/instant';
import type { Percent } from '../values/percent';

// The rule a contract pays under is the model's CommissionRule; the files of contracts/ read
// it from here with the rest of a contract's data.
export type { CommissionRule };

/** Amended terms: an omitted field keeps its value in force; `endsAt: null` makes the term unlimited. */
export interface TermsPatch {
  /** The new percent; absent keeps the one in force. */
  readonly percent?: Percent;
  /** The new `appliesTo`; absent keeps the one in force. */
  readonly appliesTo?: AppliesTo;
  /** The new end (exclusive); `null` makes the term unlimited; absent keeps the one in force. */
  readonly endsAt?: Instant | null;
  /** The new permission to sell as affiliate; absent keeps the one in force. */
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
      /** The main creator offers the contract; always the first event. */
      readonly type: 'invited';
      /** When it happened. */
      readonly at: Instant;
      /** Who made it: the main creator. */
      readonly by: AccountId;
      /** The terms offered. */
      readonly terms: CommissionRule;
    }
  | {
      /** The main creator changes the terms (with or without the cocreator's approval). */
      readonly type: 'amendment-proposed' | 'amended';
      /** When it happened. */
      readonly at: Instant;
      /** Who made it: the main creator. */
      readonly by: AccountId;
      /** The fields that change. */
      readonly terms: TermsPatch;
    }
  | {
      /** An event that carries no terms. */
      readonly type: PlainEventType;
      /** When it happened. */
      readonly at: Instant;
      /** Who made it: the party specification §3 names for this event. */
      readonly by: AccountId;
    };

/** Every event type of specification §3. */
export type ContractEventType = ContractEvent['type'];

/**
 * A contract between a product's main creator and one cocreator: its whole history, oldest
 * first. Store it as JSON with `contractToJson` (`cocreation/wire`); {@link contract} reads
 * that back into an equal contract.
 */
export interface CocreationContract {
  /** The contract's id, unique among the product's contracts. */
  readonly id: string;
  /** The product it belongs to. */
  readonly productId: string;
  /** The invited account. */
  readonly cocreator: AccountId;
  /** Its history, oldest first, instants non-decreasing, never empty. */
  readonly events: ReadonlyArray<ContractEvent>;
}

/** Terms in force from `from` (inclusive) until the next period's `from`. */
export interface TermsPeriod {
  /** When these terms took effect (inclusive). */
  readonly from: Instant;
  /** The complete terms in force, patches applied. */
  readonly terms: CommissionRule;
}

/** Why a contract ended: its ending event, or `expired` when the `endsAt` in force was reached. */
export type EndReason = 'declined' | 'withdrawn' | 'cancelled' | 'expired';

/**
 * Where a contract stands at an instant: `pending` (invited, not yet answered), `active`
 * (accepted, paying), `cancellation-pending` (accepted, paying, a cancellation request
 * awaits the other party), or one of the {@link EndReason}s once it has ended.
 */
export type ContractStatus = 'pending' | 'active' | 'cancellation-pending' | EndReason;

/** One `amendment-proposed` event and what became of it. */
export interface AmendmentRecord {
  /** The instant of the `amendment-proposed` event. */
  readonly proposedAt: Instant;
  /** The proposed patch. */
  readonly terms: TermsPatch;
  /** `null` while pending (or when the contract ended before an answer). */
  readonly outcome: 'approved' | 'declined' | 'withdrawn' | null;
  /** The instant of the answer; `null` exactly when `outcome` is. */
  readonly resolvedAt: Instant | null;
}

/** One `cancellation-requested` event and what became of it. */
export interface CancellationRequestRecord {
  /** The instant of the `cancellation-requested` event. */
  readonly requestedAt: Instant;
  /** The party who asked: the main creator or the cocreator. */
  readonly requestedBy: AccountId;
  /** `null` while pending (or when the contract ended otherwise before an answer). */
  readonly outcome: 'approved' | 'rejected' | 'withdrawn' | null;
  /** The instant of the answer; `null` exactly when `outcome` is. */
  readonly resolvedAt: Instant | null;
}

/**
 * What a replayed history proves about a contract: when it was accepted and ended, and
 * which terms were in force when. Only a valid history has one.
 */
export interface ContractTimeline {
  /** The contract whose history was replayed. */
  readonly contract: CocreationContract;
  /** The instant of the `invited` event. */
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
  /** Why it ended (`null` exactly when `endedAt` is). */
  readonly endReason: EndReason | null;
  /** Every amendment proposal, in order (`cocreator-approval` policies only). */
  readonly amendments: ReadonlyArray<AmendmentRecord>;
  /** Every cancellation request, in order (`mutual` policies only). */
  readonly cancellationRequests: ReadonlyArray<CancellationRequestRecord>;
}

/**
 * Every event type, in the order of specification §3's table.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { CONTRACT_EVENT_TYPES } from 'cocreation';
 *
 * assert.equal(CONTRACT_EVENT_TYPES[0], 'invited');
 * assert.equal(CONTRACT_EVENT_TYPES.length, 14);
 * ```
 */
export const CONTRACT_EVENT_TYPES: ReadonlyArray<ContractEventType> = EVENT_TYPES;
