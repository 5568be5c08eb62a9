/**
 * Replaying a contract's history (specification §§3 and 7.5): each event goes through the
 * checks in the specification's order (time order, expiry, state and policy mode, actor,
 * terms) against its row of the lifecycle table (`lifecycle.ts`), and its effect is applied
 * when every check passes. The result is the {@link ContractTimeline} that the queries
 * (`queries.ts`) read. The rules across the contracts of one product are `validateDomain`'s.
 */
import { err, ok, type Result } from 'neverthrow';
import { frozenCopy, nonEmpty } from '../_internal/fields';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { checkCocreatorPercent, type Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { AccountId } from '../values/account';
import { formatInstant, type Instant } from '../values/instant';
import { isPercentInRange, isPercentValue } from '../values/percent';
import {
  approvedTerms,
  end,
  expire,
  LIFECYCLE,
  type Party,
  type Replay,
  type Transition,
  uninvited,
  whoMay,
  whyRefused,
} from './lifecycle';
import { checked } from './read';
import type {
  CocreationContract,
  ContractEvent,
  ContractEventType,
  ContractTimeline,
  EndReason,
} from './types';

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
/** `items.map(f)`, frozen; one shared frozen array when there are none (the usual case). */
function frozenMap<T, U>(items: ReadonlyArray<T>, f: (item: T) => U): ReadonlyArray<U> {
  // Stryker disable next-line ConditionalExpression: the shared empty array and a new one are both frozen and empty
  return items.length === 0 ? NO_ITEMS : Object.freeze(items.map(f));
}
const NO_ITEMS: ReadonlyArray<never> = Object.freeze([]);
const NO_PROBLEMS: ReadonlyArray<DomainError> = Object.freeze([]);

function replay(
  c: CocreationContract,
  rules: Policy,
  p: Product,
  path: Path,
): Result<ContractTimeline, DomainErrors> {
  const foreign = notReplayed(c, p, path);
  if (foreign !== null) return err(Object.freeze([foreign]) as DomainErrors);
  const state = uninvited();
  const reported = nonEmpty([...walk(state, c, rules, p, path)]);
  if (reported !== undefined) return err(reported);
  return ok(timeline(c, state));
}

/**
 * A contract of another product is reported once and left out of this product's rules, and
 * a self-cocreation is not read further: either way the history is not replayed
 * (specification §7, 2b).
 */
function notReplayed(c: CocreationContract, p: Product, path: Path): DomainError | null {
  if (c.productId !== p.id) {
    return domainError(
      'product_mismatch',
      `the contract is for product ${JSON.stringify(c.productId)}, not ${JSON.stringify(p.id)}`,
      [...path, 'productId'],
      { expected: p.id, actual: c.productId },
    );
  }
  if (c.cocreator === p.mainCreator) {
    return domainError(
      'self_cocreation',
      'the main creator cannot be a cocreator of their own product',
      [...path, 'cocreator'],
      { account: c.cocreator },
    );
  }
  return null;
}

/** Runs every event; the problems of the first bad one (the history is not read past it). */
function walk(
  state: Replay,
  c: CocreationContract,
  rules: Policy,
  p: Product,
  path: Path,
): ReadonlyArray<DomainError> {
  const events = c.events;
  for (let index = 0; index < events.length; index++) {
    const problems = step(state, events[index] as ContractEvent, c, p, rules, path, index);
    if (problems.length > 0) return problems;
  }
  if (state.invitedAt === null) {
    return [
      domainError('invalid_field', 'a contract history has at least one event', [
        ...path,
        'events',
      ]),
    ];
  }
  return NO_PROBLEMS;
}

/** What the replayed history proves. */
function timeline(c: CocreationContract, state: Replay): ContractTimeline {
  // With no further event, the terms in force run out at their `endsAt`.
  // Stryker disable next-line OptionalChaining: a history with no invitation was refused above, so the terms are set
  const finalEnd = state.terms?.endsAt ?? null;
  if (state.endedAt === null && finalEnd !== null) end(state, 'expired', finalEnd);
  return Object.freeze({
    contract: c,
    invitedAt: state.invitedAt as Instant,
    acceptedAt: state.acceptedAt,
    endedAt: state.endedAt,
    terms: Object.freeze(state.periods),
    // The status is the end reason once the contract has ended.
    endReason: state.endedAt === null ? null : (state.status as EndReason),
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
  });
}

// ---------------------------------------------------------------------------------------------
// One event
// ---------------------------------------------------------------------------------------------

/**
 * Runs one event through the checks, in the order of specification §7.5, and applies its
 * effect when they all pass. Returns the problems of the event (empty when it is allowed).
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
  const late = outOfOrder(state, event, path, index);
  if (late !== null) return [late];
  expire(state, event.at);
  const row: Transition<ContractEventType> = LIFECYCLE[event.type];
  const refused =
    acceptedAfterExpiry(state, event, path, index) ??
    refusal(row, state, event, rules, path, index);
  if (refused !== null) return [refused];
  const allowed = whoMay(row, state);
  const actsAs = actingParty(allowed, event.by, c, p);
  if (actsAs === null) return [notAuthorized(allowed, event, path, index)];
  const problems = termsProblems(event, state, rules, path, index);
  if (problems.length > 0) return problems;
  row.effect(state, event, actsAs);
  state.lastAt = event.at;
  return NO_PROBLEMS;
}

/** Time order: an event is not before the previous one. */
function outOfOrder(
  state: Replay,
  event: ContractEvent,
  path: Path,
  index: number,
): DomainError | null {
  if (state.lastAt === null || event.at >= state.lastAt) return null;
  return domainError(
    'events_out_of_order',
    `this event (${formatInstant(event.at)}) is before the previous one (${formatInstant(state.lastAt)})`,
    eventPath(path, index, 'at'),
  );
}

/** Expiry: an invitation whose term ended before an answer cannot be accepted. */
function acceptedAfterExpiry(
  state: Replay,
  event: ContractEvent,
  path: Path,
  index: number,
): DomainError | null {
  if (event.type !== 'accepted' || state.status !== 'expired' || state.acceptedAt !== null) {
    return null;
  }
  return domainError(
    'term_already_expired',
    `the invitation's term ended at ${formatInstant(state.endedAt as Instant)}, before this acceptance`,
    eventPath(path, index, 'at'),
  );
}

/** State and policy mode: the event's row allows it here. */
function refusal(
  row: Transition<ContractEventType>,
  state: Replay,
  event: ContractEvent,
  rules: Policy,
  path: Path,
  index: number,
): DomainError | null {
  const type = event.type;
  const problem = whyRefused(row, type, state, rules);
  if (problem === null) return null;
  return domainError(
    'invalid_transition',
    `"${type}" is not allowed: ${problem}`,
    eventPath(path, index, 'type'),
    {
      status: state.status,
      event: type,
    },
  );
}

/** Actor: the party the event is made as, or `null` when `by` may not make it. */
function actingParty(
  allowed: Party | 'either',
  by: AccountId,
  c: CocreationContract,
  p: Product,
): Party | null {
  const party = partyOf(by, c, p);
  // The main creator checks first: in a self-cocreation (already an error) both roles match.
  const actsAs: Party | null = allowed === 'cocreator' && by === c.cocreator ? 'cocreator' : party;
  if (actsAs === null || (allowed !== 'either' && actsAs !== allowed)) return null;
  return actsAs;
}

function notAuthorized(
  allowed: Party | 'either',
  event: ContractEvent,
  path: Path,
  index: number,
): DomainError {
  const who =
    allowed === 'either'
      ? 'the main creator or the cocreator'
      : allowed === 'main-creator'
        ? 'the main creator'
        : 'the cocreator';
  return domainError(
    'not_authorized',
    `"${event.type}" is made by ${who}, not by ${event.by}`,
    eventPath(path, index, 'by'),
    {
      actor: event.by,
    },
  );
}

/**
 * Terms: the problems of the terms an event introduces (invariants 2 and 4), or makes by
 * approving a proposal (their end is after the approval). The paths are built only for a
 * problem: a valid history allocates none.
 */
function termsProblems(
  event: ContractEvent,
  state: Replay,
  rules: Policy,
  path: Path,
  index: number,
): ReadonlyArray<DomainError> {
  if (event.type === 'amendment-approved') return approvalProblems(state, event, path, index);
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

/** The terms an approval makes must not end at or before it. */
function approvalProblems(
  state: Replay,
  event: ContractEvent,
  path: Path,
  index: number,
): ReadonlyArray<DomainError> {
  const endsAt = approvedTerms(state).endsAt;
  if (endsAt === null || endsAt > event.at) return NO_PROBLEMS;
  return [
    domainError(
      'term_already_expired',
      `the amended term ends at ${formatInstant(endsAt)}, not after its approval`,
      eventPath(path, index, 'at'),
    ),
  ];
}
