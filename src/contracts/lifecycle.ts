/**
 * The contract lifecycle of specification §3.1, written as its table: for each event, who may
 * make it, the policy mode it needs, the state it needs, and its effect. `replay.ts` runs a
 * history through it; this file only says what the table says.
 *
 * One word for where a contract stands: its {@link ContractStatus} (what {@link statusAt}
 * answers), and `'uninvited'` before the first event.
 */
import type { Policy } from '../model/policy';
import type { AccountId } from '../values/account';
import type { Instant } from '../values/instant';
import type {
  AmendmentRecord,
  CancellationRequestRecord,
  CommissionRule,
  ContractEvent,
  ContractEventType,
  ContractStatus,
  EndReason,
  TermsPatch,
  TermsPeriod,
} from './types';

/**
 * Applies a patch to the terms in force: an omitted field keeps its value.
 *
 * @param terms - the terms in force
 * @param patch - the amendment
 * @returns the new terms, frozen
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function applyPatch(terms: CommissionRule, patch: TermsPatch): CommissionRule {
  return Object.freeze({
    percent: patch.percent ?? terms.percent,
    appliesTo: patch.appliesTo ?? terms.appliesTo,
    endsAt: patch.endsAt === undefined ? terms.endsAt : patch.endsAt,
    mayAlsoSellAsAffiliate: patch.mayAlsoSellAsAffiliate ?? terms.mayAlsoSellAsAffiliate,
  });
}

/** The two parties of a contract. */
export type Party = 'main-creator' | 'cocreator';

/** An amendment proposal while the history is replayed. */
export interface MutableAmendment {
  proposedAt: Instant;
  terms: TermsPatch;
  outcome: AmendmentRecord['outcome'];
  resolvedAt: Instant | null;
}

/** A cancellation request while the history is replayed. */
export interface MutableCancellation {
  requestedAt: Instant;
  requestedBy: AccountId;
  requester: Party;
  outcome: CancellationRequestRecord['outcome'];
  resolvedAt: Instant | null;
}

/** The state of a contract after the events replayed so far. */
export interface Replay {
  /** Where it stands; `'cancellation-pending'` exactly while the last request awaits an answer. */
  status: 'uninvited' | ContractStatus;
  invitedAt: Instant | null;
  acceptedAt: Instant | null;
  /** Set exactly when `status` becomes an {@link EndReason}. */
  endedAt: Instant | null;
  /** The terms in force. */
  terms: CommissionRule | null;
  periods: TermsPeriod[];
  amendments: MutableAmendment[];
  cancellations: MutableCancellation[];
  /** The proposal awaiting the cocreator while the contract is active. */
  pendingAmendment: MutableAmendment | null;
  lastAt: Instant | null;
}

/** The state before the first event. */
export function uninvited(): Replay {
  return {
    status: 'uninvited',
    invitedAt: null,
    acceptedAt: null,
    endedAt: null,
    terms: null,
    periods: [],
    amendments: [],
    cancellations: [],
    pendingAmendment: null,
    lastAt: null,
  };
}

/** Accepted and not ended: the table's "active" (a cancellation request may be pending). */
function isActive(state: Replay): boolean {
  return state.status === 'active' || state.status === 'cancellation-pending';
}

/** Ends the contract at `at`. A request still pending stays unanswered (specification §3.2). */
export function end(state: Replay, reason: EndReason, at: Instant): void {
  state.status = reason;
  state.endedAt = at;
}

/** Ends the contract when the `endsAt` in force is at or before `at` (expiry needs no event). */
export function expire(state: Replay, at: Instant): void {
  const endsAt = state.terms?.endsAt ?? null;
  if ((state.status === 'pending' || isActive(state)) && endsAt !== null && endsAt <= at) {
    end(state, 'expired', endsAt);
  }
}

/** The last cancellation request: the one pending while the status says so. */
function lastRequest(state: Replay): MutableCancellation | undefined {
  return state.cancellations[state.cancellations.length - 1];
}

// ---------------------------------------------------------------------------------------------
// The table's columns
// ---------------------------------------------------------------------------------------------

/** Who may make an event ("by"): a party, either, or a party named by the pending request. */
type Actor = Party | 'either' | 'the-other-party' | 'the-requester';

/**
 * The policy mode an event needs (specification §2: `amendments`, `cancellation`), and why
 * the event is refused under the other mode.
 */
interface Mode {
  readonly rule: 'amendments' | 'cancellation';
  readonly is: Policy['amendments'] | Policy['cancellation'];
  readonly otherwise: string;
}

// biome-ignore format: one mode a line
const PROPOSING: Mode = { rule: 'amendments', is: 'cocreator-approval', otherwise: 'under this policy terms change at once ("amended"), not by proposal' };
// biome-ignore format: one mode a line
const ANSWERING_PROPOSALS: Mode = { rule: 'amendments', is: 'cocreator-approval', otherwise: 'under this policy there are no amendment proposals' };
// biome-ignore format: one mode a line
const AMENDING_AT_ONCE: Mode = { rule: 'amendments', is: 'immediate', otherwise: 'under this policy changed terms need the cocreator\'s approval ("amendment-proposed")' };
// biome-ignore format: one mode a line
const REQUESTING: Mode = { rule: 'cancellation', is: 'mutual', otherwise: 'under this policy either party cancels alone ("cancelled")' };
// biome-ignore format: one mode a line
const ANSWERING_REQUESTS: Mode = { rule: 'cancellation', is: 'mutual', otherwise: 'under this policy there are no cancellation requests' };
// biome-ignore format: one mode a line
const CANCELLING_ALONE: Mode = { rule: 'cancellation', is: 'unilateral', otherwise: 'under this policy cancelling needs the other party ("cancellation-requested")' };

/** A state an event needs ("allowed when"): `null` when the state has it, else why not. */
type Condition = (state: Replay, type: ContractEventType) => string | null;

const firstEvent: Condition = (s) =>
  s.status === 'uninvited' ? null : 'a contract is invited once, by its first event';
const pendingInvitation: Condition = (s, type) =>
  s.status === 'pending' ? null : `"${type}" answers a pending invitation`;
const activeToAmend: Condition = (s) =>
  isActive(s) ? null : 'only an active contract can be amended';
const noAmendmentPending: Condition = (s) =>
  s.pendingAmendment === null ? null : 'an amendment is already pending';
const amendmentPending: Condition = (s) =>
  isActive(s) && s.pendingAmendment !== null ? null : 'no amendment is pending';
const activeToCancel: Condition = (s) =>
  isActive(s) ? null : 'only an active contract can be cancelled';
const noRequestPending: Condition = (s) =>
  s.status === 'cancellation-pending' ? 'a cancellation request is already pending' : null;
const requestPending: Condition = (s) =>
  s.status === 'cancellation-pending' ? null : 'no cancellation request is pending';

/** An event of one type. */
export type EventOf<T extends ContractEventType> = ContractEvent & { readonly type: T };

/** What an allowed event does to the state ("effect"); `actsAs` is the party who made it. */
export type Effect<T extends ContractEventType> = (
  state: Replay,
  event: EventOf<T>,
  actsAs: Party,
) => void;

function invite(state: Replay, event: EventOf<'invited'>): void {
  state.status = 'pending';
  state.invitedAt = event.at;
  state.terms = event.terms;
  state.periods.push(Object.freeze({ from: event.at, terms: event.terms }));
}

function accept(state: Replay, event: ContractEvent): void {
  state.status = 'active';
  state.acceptedAt = event.at;
}

function endsAs(reason: EndReason): Effect<ContractEventType> {
  return (state, event) => end(state, reason, event.at);
}

function propose(state: Replay, event: EventOf<'amendment-proposed'>): void {
  const record: MutableAmendment = {
    proposedAt: event.at,
    terms: event.terms,
    outcome: null,
    resolvedAt: null,
  };
  state.amendments.push(record);
  state.pendingAmendment = record;
}

/** The terms in force from `at` on. */
function newTerms(state: Replay, at: Instant, terms: CommissionRule): void {
  state.terms = terms;
  state.periods.push(Object.freeze({ from: at, terms }));
}

/** The pending proposal's terms patched onto the terms in force (what approving it makes). */
export function approvedTerms(state: Replay): CommissionRule {
  const pending = state.pendingAmendment as MutableAmendment;
  return applyPatch(state.terms as CommissionRule, pending.terms);
}

/** Records the cocreator's or the main creator's answer to the pending proposal. */
function resolveAmendment(state: Replay, outcome: AmendmentRecord['outcome'], at: Instant): void {
  const pending = state.pendingAmendment as MutableAmendment;
  pending.outcome = outcome;
  pending.resolvedAt = at;
  state.pendingAmendment = null;
}

function approveAmendment(state: Replay, event: ContractEvent): void {
  const terms = approvedTerms(state);
  resolveAmendment(state, 'approved', event.at);
  newTerms(state, event.at, terms);
}

function dropsAmendment(outcome: 'declined' | 'withdrawn'): Effect<ContractEventType> {
  return (state, event) => resolveAmendment(state, outcome, event.at);
}

function amend(state: Replay, event: EventOf<'amended'>): void {
  newTerms(state, event.at, applyPatch(state.terms as CommissionRule, event.terms));
}

function requestCancellation(state: Replay, event: ContractEvent, actsAs: Party): void {
  state.cancellations.push({
    requestedAt: event.at,
    requestedBy: event.by,
    requester: actsAs,
    outcome: null,
    resolvedAt: null,
  });
  state.status = 'cancellation-pending';
}

/** Records the answer to the pending cancellation request. */
function resolveRequest(
  state: Replay,
  outcome: CancellationRequestRecord['outcome'],
  at: Instant,
): void {
  const request = lastRequest(state) as MutableCancellation;
  request.outcome = outcome;
  request.resolvedAt = at;
}

function approveCancellation(state: Replay, event: ContractEvent): void {
  resolveRequest(state, 'approved', event.at);
  end(state, 'cancelled', event.at);
}

function dropsRequest(outcome: 'rejected' | 'withdrawn'): Effect<ContractEventType> {
  return (state, event) => {
    resolveRequest(state, outcome, event.at);
    state.status = 'active';
  };
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/** One row of the lifecycle table. */
export interface Transition<T extends ContractEventType> {
  /** Who may make it. */
  readonly by: Actor;
  /** The policy mode it needs (checked first), or `null` under every policy. */
  readonly policy: Mode | null;
  /** The states it needs, checked in order after the policy mode. */
  readonly when: ReadonlyArray<Condition>;
  /**
   * What it does. A method, so that a row of one event type is a row of every type (the
   * table is read by the event's own type).
   */
  effect(state: Replay, event: EventOf<T>, actsAs: Party): void;
}

/** Specification §3.1, row for row. */
// biome-ignore format: the rows and columns of specification §3.1's table
export const LIFECYCLE: { readonly [T in ContractEventType]: Transition<T> } = {
  'invited':                { by: 'main-creator',    policy: null,                when: [firstEvent],                        effect: invite },
  'accepted':               { by: 'cocreator',       policy: null,                when: [pendingInvitation],                 effect: accept },
  'declined':               { by: 'cocreator',       policy: null,                when: [pendingInvitation],                 effect: endsAs('declined') },
  'withdrawn':              { by: 'main-creator',    policy: null,                when: [pendingInvitation],                 effect: endsAs('withdrawn') },
  'amendment-proposed':     { by: 'main-creator',    policy: PROPOSING,           when: [activeToAmend, noAmendmentPending], effect: propose },
  'amendment-approved':     { by: 'cocreator',       policy: ANSWERING_PROPOSALS, when: [amendmentPending],                  effect: approveAmendment },
  'amendment-declined':     { by: 'cocreator',       policy: ANSWERING_PROPOSALS, when: [amendmentPending],                  effect: dropsAmendment('declined') },
  'amendment-withdrawn':    { by: 'main-creator',    policy: ANSWERING_PROPOSALS, when: [amendmentPending],                  effect: dropsAmendment('withdrawn') },
  'amended':                { by: 'main-creator',    policy: AMENDING_AT_ONCE,    when: [activeToAmend],                     effect: amend },
  'cancellation-requested': { by: 'either',          policy: REQUESTING,          when: [activeToCancel, noRequestPending],  effect: requestCancellation },
  'cancellation-approved':  { by: 'the-other-party', policy: ANSWERING_REQUESTS,  when: [requestPending],                    effect: approveCancellation },
  'cancellation-rejected':  { by: 'the-other-party', policy: ANSWERING_REQUESTS,  when: [requestPending],                    effect: dropsRequest('rejected') },
  'cancellation-withdrawn': { by: 'the-requester',   policy: ANSWERING_REQUESTS,  when: [requestPending],                    effect: dropsRequest('withdrawn') },
  'cancelled':              { by: 'either',          policy: CANCELLING_ALONE,    when: [activeToCancel],                    effect: endsAs('cancelled') },
};

/** Why the row refuses the event in this state under this policy, or `null` when it allows it. */
export function whyRefused(
  row: Transition<ContractEventType>,
  type: ContractEventType,
  state: Replay,
  rules: Policy,
): string | null {
  if (row.policy !== null && rules[row.policy.rule] !== row.policy.is) return row.policy.otherwise;
  for (const condition of row.when) {
    const why = condition(state, type);
    if (why !== null) return why;
  }
  return null;
}

/** Which party may make the row's event in this state (`'either'` for both). */
export function whoMay(row: Transition<ContractEventType>, state: Replay): Party | 'either' {
  if (row.by !== 'the-other-party' && row.by !== 'the-requester') return row.by;
  // Stryker disable next-line OptionalChaining,StringLiteral: reached only by an answer to a pending request (whyRefused refuses it otherwise), so the request exists
  const requester = lastRequest(state)?.requester ?? 'main-creator';
  if (row.by === 'the-requester') return requester;
  return requester === 'main-creator' ? 'cocreator' : 'main-creator';
}
