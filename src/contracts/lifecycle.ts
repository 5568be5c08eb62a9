/**
 * The contract state machine (specification §3): `replayContract` runs a history's
 * events in order against a policy and a product and, when every event is allowed, returns
 * the {@link ContractTimeline} that the queries (`queries.ts`) read. The rules across the
 * contracts of one product are `validateDomain`'s (`validate/domain.ts`).
 */
import { err, ok, type Result } from 'neverthrow';
import { frozenCopy, nonEmpty } from '../_internal/fields';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { checkCocreatorPercent, type Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { AccountId } from '../values/account';
import { formatInstant, type Instant } from '../values/instant';
import { isPercentInRange, isPercentValue } from '../values/percent';
import { checked } from './read';
import type {
  AmendmentRecord,
  CancellationRequestRecord,
  CocreationContract,
  ContractEvent,
  ContractEventType,
  ContractTerms,
  ContractTimeline,
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
export function applyPatch(terms: ContractTerms, patch: TermsPatch): ContractTerms {
  return Object.freeze({
    percent: patch.percent ?? terms.percent,
    appliesTo: patch.appliesTo ?? terms.appliesTo,
    endsAt: patch.endsAt === undefined ? terms.endsAt : patch.endsAt,
    mayAlsoSellAsAffiliate: patch.mayAlsoSellAsAffiliate ?? terms.mayAlsoSellAsAffiliate,
  });
}

type Party = 'main-creator' | 'cocreator';

interface MutableAmendment {
  proposedAt: Instant;
  terms: TermsPatch;
  outcome: AmendmentRecord['outcome'];
  resolvedAt: Instant | null;
}

interface MutableCancellation {
  requestedAt: Instant;
  requestedBy: AccountId;
  requester: Party;
  outcome: CancellationRequestRecord['outcome'];
  resolvedAt: Instant | null;
}

interface Replay {
  phase: 'uninvited' | 'pending' | 'active' | 'ended';
  endReason: EndReason | null;
  invitedAt: Instant | null;
  acceptedAt: Instant | null;
  endedAt: Instant | null;
  terms: ContractTerms | null;
  periods: TermsPeriod[];
  amendments: MutableAmendment[];
  cancellations: MutableCancellation[];
  pendingAmendment: MutableAmendment | null;
  pendingCancellation: MutableCancellation | null;
  lastAt: Instant | null;
}

function statusLabel(state: Replay): string {
  switch (state.phase) {
    case 'uninvited':
      return 'uninvited';
    case 'pending':
      return 'pending';
    case 'active':
      return state.pendingCancellation === null ? 'active' : 'cancellation-pending';
    case 'ended':
      // Stryker disable next-line StringLiteral: end() sets the reason with the phase, so an ended contract always has one
      return state.endReason ?? 'ended';
  }
}

function end(state: Replay, reason: EndReason, at: Instant): void {
  state.phase = 'ended';
  state.endReason = reason;
  state.endedAt = at;
  state.pendingAmendment = null;
  state.pendingCancellation = null;
}

/** Ends the contract when the `endsAt` in force is at or before `at` (expiry needs no event). */
function expire(state: Replay, at: Instant): void {
  const endsAt = state.terms?.endsAt ?? null;
  if ((state.phase === 'pending' || state.phase === 'active') && endsAt !== null && endsAt <= at) {
    end(state, 'expired', endsAt);
  }
}

const MAIN_CREATOR_EVENTS: ReadonlySet<ContractEventType> = new Set([
  'invited',
  'withdrawn',
  'amendment-proposed',
  'amendment-withdrawn',
  'amended',
]);
const COCREATOR_EVENTS: ReadonlySet<ContractEventType> = new Set([
  'accepted',
  'declined',
  'amendment-approved',
  'amendment-declined',
]);

/** Which party is allowed to make an event in this state (`'either'` for both). */
function allowedParty(type: ContractEventType, state: Replay): Party | 'either' {
  if (MAIN_CREATOR_EVENTS.has(type)) return 'main-creator';
  if (COCREATOR_EVENTS.has(type)) return 'cocreator';
  if (type === 'cancellation-requested' || type === 'cancelled') return 'either';
  // Stryker disable next-line OptionalChaining,StringLiteral: reached only by an answer to a pending request (stateProblem refuses it otherwise), so the request exists
  const requester = state.pendingCancellation?.requester ?? 'main-creator';
  if (type === 'cancellation-withdrawn') return requester;
  return requester === 'main-creator' ? 'cocreator' : 'main-creator';
}

/** Why the event is not allowed in this state under this policy, or `null` when it is. */
function stateProblem(type: ContractEventType, state: Replay, rules: Policy): string | null {
  const active = state.phase === 'active';
  switch (type) {
    case 'invited':
      return state.phase === 'uninvited' ? null : 'a contract is invited once, by its first event';
    case 'accepted':
    case 'declined':
    case 'withdrawn':
      return state.phase === 'pending' ? null : `"${type}" answers a pending invitation`;
    case 'amendment-proposed':
      if (rules.amendments !== 'cocreator-approval') {
        return 'under this policy terms change at once ("amended"), not by proposal';
      }
      if (!active) return 'only an active contract can be amended';
      return state.pendingAmendment === null ? null : 'an amendment is already pending';
    case 'amendment-approved':
    case 'amendment-declined':
    case 'amendment-withdrawn':
      if (rules.amendments !== 'cocreator-approval') {
        return 'under this policy there are no amendment proposals';
      }
      return active && state.pendingAmendment !== null ? null : 'no amendment is pending';
    case 'amended':
      if (rules.amendments !== 'immediate') {
        return 'under this policy changed terms need the cocreator\'s approval ("amendment-proposed")';
      }
      return active ? null : 'only an active contract can be amended';
    case 'cancellation-requested':
      if (rules.cancellation !== 'mutual') {
        return 'under this policy either party cancels alone ("cancelled")';
      }
      if (!active) return 'only an active contract can be cancelled';
      return state.pendingCancellation === null
        ? null
        : 'a cancellation request is already pending';
    case 'cancellation-approved':
    case 'cancellation-rejected':
    case 'cancellation-withdrawn':
      if (rules.cancellation !== 'mutual') {
        return 'under this policy there are no cancellation requests';
      }
      return active && state.pendingCancellation !== null
        ? null
        : 'no cancellation request is pending';
    case 'cancelled':
      if (rules.cancellation !== 'unilateral') {
        return 'under this policy cancelling needs the other party ("cancellation-requested")';
      }
      return active ? null : 'only an active contract can be cancelled';
  }
}

const NO_PROBLEMS: ReadonlyArray<DomainError> = Object.freeze([]);

/**
 * The terms problems of an event that introduces terms (invariants 2 and 4). The paths are
 * built only for a problem: a valid history allocates none.
 */
function termsProblems(
  event: ContractEvent,
  rules: Policy,
  path: Path,
  index: number,
): ReadonlyArray<DomainError> {
  if (event.type !== 'invited' && event.type !== 'amendment-proposed' && event.type !== 'amended') {
    return NO_PROBLEMS;
  }
  const p = event.terms.percent;
  const endsAt = event.terms.endsAt;
  const percentOk =
    p === undefined ||
    (isPercentValue(p) &&
      // Stryker disable next-line EqualityOperator: a pre-check: at scale == percentDecimals checkCocreatorPercent finds no precision problem either
      p.scale <= rules.percentDecimals &&
      isPercentInRange(p, rules.cocreatorPercent.min, rules.cocreatorPercent.max));
  const endsOk = endsAt === undefined || endsAt === null || endsAt > event.at;
  // Stryker disable next-line ConditionalExpression: a pre-check: the checks below find no problem exactly when it passes
  if (percentOk && endsOk) return NO_PROBLEMS;
  // The event reports the first check that fails (specification §7): the percent (its precision and
  // its range may both be reported), then the term's end.
  if (!percentOk) {
    const checkedPercent = checkCocreatorPercent(
      p,
      rules,
      eventPath(path, index, 'terms', 'percent'),
    );
    // Stryker disable next-line ConditionalExpression: reached only with a percent the pre-check refused, which checkCocreatorPercent refuses too
    if (checkedPercent.isErr()) return checkedPercent.error;
  }
  // Stryker disable next-line ConditionalExpression: reached with a good percent only when the term's end is the problem
  if (endsOk) return NO_PROBLEMS;
  return [
    domainError(
      'term_already_expired',
      `the term ends at ${formatInstant(endsAt as Instant)}, not after the event at ${formatInstant(event.at)}`,
      eventPath(path, index, 'terms', 'endsAt'),
    ),
  ];
}

/** The path of a field of event `index` of the contract at `path`. */
function eventPath(path: Path, index: number, ...fields: ReadonlyArray<string>): Path {
  return [...path, 'events', index, ...fields];
}

function partyOf(by: AccountId, c: CocreationContract, p: Product): Party | null {
  if (by === p.mainCreator) return 'main-creator';
  // Stryker disable next-line StringLiteral: the cocreator's party is only compared to 'main-creator' and to the allowed party, where any other text than 'main-creator' acts as 'cocreator'
  if (by === c.cocreator) return 'cocreator';
  return null;
}

/**
 * Runs one event through the state machine. Returns the problems of the event (empty when it
 * is allowed) and, when allowed, has updated `state`.
 */
function step(
  state: Replay,
  event: ContractEvent,
  c: CocreationContract,
  p: Product,
  rules: Policy,
  path: Path,
  index: number,
): ReadonlyArray<DomainError> {
  const { type, at, by } = event;
  if (state.lastAt !== null && at < state.lastAt) {
    return [
      domainError(
        'events_out_of_order',
        `this event (${formatInstant(at)}) is before the previous one (${formatInstant(state.lastAt)})`,
        eventPath(path, index, 'at'),
      ),
    ];
  }
  expire(state, at);
  if (
    type === 'accepted' &&
    // Stryker disable next-line ConditionalExpression: the reason is 'expired' only after end(), which ends the phase
    state.phase === 'ended' &&
    state.endReason === 'expired' &&
    state.acceptedAt === null
  ) {
    return [
      domainError(
        'term_already_expired',
        `the invitation's term ended at ${formatInstant(state.endedAt as Instant)}, before this acceptance`,
        eventPath(path, index, 'at'),
      ),
    ];
  }
  const problem = stateProblem(type, state, rules);
  if (problem !== null) {
    return [
      domainError(
        'invalid_transition',
        `"${type}" is not allowed: ${problem}`,
        eventPath(path, index, 'type'),
        {
          status: statusLabel(state),
          event: type,
        },
      ),
    ];
  }
  const allowed = allowedParty(type, state);
  const party = partyOf(by, c, p);
  // The main creator checks first: in a self-cocreation (already an error) both roles match.
  const actsAs: Party | null = allowed === 'cocreator' && by === c.cocreator ? 'cocreator' : party;
  if (actsAs === null || (allowed !== 'either' && actsAs !== allowed)) {
    const who =
      allowed === 'either'
        ? 'the main creator or the cocreator'
        : allowed === 'main-creator'
          ? 'the main creator'
          : 'the cocreator';
    return [
      domainError(
        'not_authorized',
        `"${type}" is made by ${who}, not by ${by}`,
        eventPath(path, index, 'by'),
        {
          actor: by,
        },
      ),
    ];
  }
  const problems = termsProblems(event, rules, path, index);
  if (problems.length > 0) return problems;

  switch (event.type) {
    case 'invited':
      state.phase = 'pending';
      state.invitedAt = at;
      state.terms = event.terms;
      state.periods.push(Object.freeze({ from: at, terms: event.terms }));
      break;
    case 'accepted':
      state.phase = 'active';
      state.acceptedAt = at;
      break;
    case 'declined':
    case 'withdrawn':
      end(state, event.type, at);
      break;
    case 'amendment-proposed': {
      const record: MutableAmendment = {
        proposedAt: at,
        terms: event.terms,
        outcome: null,
        resolvedAt: null,
      };
      state.amendments.push(record);
      state.pendingAmendment = record;
      break;
    }
    case 'amendment-approved': {
      const pending = state.pendingAmendment as MutableAmendment;
      const terms = applyPatch(state.terms as ContractTerms, pending.terms);
      if (terms.endsAt !== null && terms.endsAt <= at) {
        return [
          domainError(
            'term_already_expired',
            `the amended term ends at ${formatInstant(terms.endsAt)}, not after its approval`,
            eventPath(path, index, 'at'),
          ),
        ];
      }
      pending.outcome = 'approved';
      pending.resolvedAt = at;
      state.pendingAmendment = null;
      state.terms = terms;
      state.periods.push(Object.freeze({ from: at, terms }));
      break;
    }
    case 'amendment-declined':
    case 'amendment-withdrawn': {
      const pending = state.pendingAmendment as MutableAmendment;
      pending.outcome = event.type === 'amendment-declined' ? 'declined' : 'withdrawn';
      pending.resolvedAt = at;
      state.pendingAmendment = null;
      break;
    }
    case 'amended': {
      const terms = applyPatch(state.terms as ContractTerms, event.terms);
      state.terms = terms;
      state.periods.push(Object.freeze({ from: at, terms }));
      break;
    }
    case 'cancellation-requested': {
      const record: MutableCancellation = {
        requestedAt: at,
        requestedBy: by,
        requester: actsAs,
        outcome: null,
        resolvedAt: null,
      };
      state.cancellations.push(record);
      state.pendingCancellation = record;
      break;
    }
    case 'cancellation-approved': {
      const pending = state.pendingCancellation as MutableCancellation;
      pending.outcome = 'approved';
      pending.resolvedAt = at;
      end(state, 'cancelled', at);
      break;
    }
    case 'cancellation-rejected':
    case 'cancellation-withdrawn': {
      const pending = state.pendingCancellation as MutableCancellation;
      pending.outcome = event.type === 'cancellation-rejected' ? 'rejected' : 'withdrawn';
      pending.resolvedAt = at;
      state.pendingCancellation = null;
      break;
    }
    case 'cancelled':
      end(state, 'cancelled', at);
      break;
  }
  state.lastAt = at;
  return NO_PROBLEMS;
}

/**
 * Replays one contract's history against a policy and its product (specification §§3 and 4):
 * the contract names the product (else `product_mismatch` at `productId`, alone: a contract
 * of another product is left out of this product's rules), its cocreator is not the main
 * creator (else `self_cocreation` at `cocreator`, alone: the history is then not read), and
 * every event is in time order
 * (`events_out_of_order` at `at`), allowed in the state it finds under the policy
 * (`invalid_transition` at `type`; an `accepted` at or after the invitation's `endsAt` is
 * `term_already_expired` at `at`), made by the right party (`not_authorized` at `by`), with terms
 * within the policy (`percent_precision`, `percent_out_of_range` at `terms.percent`) that do
 * not end at or before the event that introduces them (`term_already_expired` at
 * `terms.endsAt`) or approves them (at the approval's `at`).
 * Within one event the checks go in this order: time order, expiry, state and policy mode,
 * actor, terms (the percent, then the term's end); the event reports the first that fails (a
 * percent may break both its precision and its range). Only the first bad event is reported:
 * the history is not read past it. The rules across
 * the product's contracts are `validateDomain`'s.
 *
 * @param c - the contract (from {@link contract} or `checkContract`)
 * @param rules - the policy
 * @param p - the product
 * @param path - where the contract is in the input (default `[]`)
 * @returns the frozen {@link ContractTimeline}, or the contract's problems (`invalid_field` at
 *   `path` for arguments that are not a contract, policy and product built by this library)
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function replayContract(
  c: CocreationContract,
  rules: Policy,
  p: Product,
  path: Path = [],
): Result<ContractTimeline, DomainErrors> {
  try {
    // Only values forged around the type system fail these checks or throw: contract(),
    // policy() and product() build values that replay reads without throwing.
    // The timeline keeps the contract: a contract this module built is frozen already, any
    // other (a structuredClone, one from another copy of the library) is kept as a frozen copy.
    const kept = checked.has(c) ? c : frozenCopy(c);
    if (Array.isArray(kept.events)) return replay(kept, rules, p, path);
  } catch {}
  const why =
    'expected a contract from contract(), a policy from policy(), a product from product()';
  return err(Object.freeze([domainError('invalid_field', why, path)]) as DomainErrors);
}

/** `items.map(f)`, frozen; one shared frozen array when there are none (the usual case). */
function frozenMap<T, U>(items: ReadonlyArray<T>, f: (item: T) => U): ReadonlyArray<U> {
  // Stryker disable next-line ConditionalExpression: the shared empty array and a new one are both frozen and empty
  return items.length === 0 ? NO_ITEMS : Object.freeze(items.map(f));
}
const NO_ITEMS: ReadonlyArray<never> = Object.freeze([]);

function replay(
  c: CocreationContract,
  rules: Policy,
  p: Product,
  path: Path,
): Result<ContractTimeline, DomainErrors> {
  // A contract of another product is reported once and left out of this product's rules, and
  // a self-cocreation is not read further: either way the history is not replayed (specification §7, 2b).
  if (c.productId !== p.id) {
    return err(
      Object.freeze([
        domainError(
          'product_mismatch',
          `the contract is for product ${JSON.stringify(c.productId)}, not ${JSON.stringify(p.id)}`,
          [...path, 'productId'],
          { expected: p.id, actual: c.productId },
        ),
      ]) as DomainErrors,
    );
  }
  if (c.cocreator === p.mainCreator) {
    return err(
      Object.freeze([
        domainError(
          'self_cocreation',
          'the main creator cannot be a cocreator of their own product',
          [...path, 'cocreator'],
          { account: c.cocreator },
        ),
      ]) as DomainErrors,
    );
  }
  const problems: DomainError[] = [];
  const state: Replay = {
    phase: 'uninvited',
    endReason: null,
    invitedAt: null,
    acceptedAt: null,
    endedAt: null,
    terms: null,
    periods: [],
    amendments: [],
    cancellations: [],
    pendingAmendment: null,
    pendingCancellation: null,
    lastAt: null,
  };
  const events = c.events;
  for (let index = 0; index < events.length; index++) {
    const eventProblems = step(state, events[index] as ContractEvent, c, p, rules, path, index);
    if (eventProblems.length > 0) {
      problems.push(...eventProblems);
      break;
    }
  }
  if (state.invitedAt === null && problems.length === 0) {
    problems.push(
      domainError('invalid_field', 'a contract history has at least one event', [
        ...path,
        'events',
      ]),
    );
  }
  const reported = nonEmpty(problems);
  if (reported !== undefined) return err(reported);
  // With no further event, the terms in force run out at their `endsAt`.
  // Stryker disable next-line OptionalChaining: a history with no invitation was refused above, so the terms are set
  const finalEnd = state.terms?.endsAt ?? null;
  if (state.phase !== 'ended' && finalEnd !== null) {
    state.endReason = 'expired';
    state.endedAt = finalEnd;
  }
  return ok(
    Object.freeze({
      contract: c,
      invitedAt: state.invitedAt as Instant,
      acceptedAt: state.acceptedAt,
      endedAt: state.endedAt,
      terms: Object.freeze(state.periods),
      endReason: state.endReason,
      amendments: frozenMap(state.amendments, (a) =>
        Object.freeze({
          proposedAt: a.proposedAt,
          terms: a.terms,
          outcome: a.outcome,
          resolvedAt: a.resolvedAt,
        }),
      ),
      cancellationRequests: frozenMap(state.cancellations, (r) =>
        Object.freeze({
          requestedAt: r.requestedAt,
          requestedBy: r.requestedBy,
          outcome: r.outcome,
          resolvedAt: r.resolvedAt,
        }),
      ),
    }),
  );
}
