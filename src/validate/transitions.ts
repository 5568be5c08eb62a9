/**
 * The transition functions that extend a contract's history by one event (specification §3.1):
 * each appends its event and re-validates through {@link validateDomain}, so a transition
 * succeeds exactly when the validator would accept the history it produces.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  type ContractTermsInput,
  checkContract,
  contractEvent,
  type TermsPatchInput,
} from '../contracts/read';
import type { CocreationContract, ContractEventType } from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { AccountId } from '../values/account';
import type { Instant } from '../values/instant';
import { validateDomain } from './domain';
import { isRecord } from './handmade';

/**
 * What a transition needs besides the contract: the policy, the product, and the product's
 * other contracts (a contract there with the same id as the one being changed is taken to be
 * its earlier version and left out).
 */
export interface TransitionContext {
  /** The platform's rules. */
  readonly policy: Policy;
  /** The product. */
  readonly product: Product;
  /** The product's contracts as they stand (the one being changed may be among them). */
  readonly contracts: ReadonlyArray<CocreationContract>;
}

/** Who makes an event and when: an account id (put in canonical form) and an instant. */
export interface EventInput {
  /** The account that makes the event; it must be the party specification §3 names. */
  readonly by: AccountId | string;
  /** An {@link Instant}, or an instant string as on the wire. */
  readonly at: Instant | string;
}

/** An invitation: the new contract's id, the invited account and the terms offered. */
export interface InvitationInput extends EventInput {
  /** The new contract's id, unique among the product's contracts. */
  readonly id: string;
  /** The invited account; never the main creator. */
  readonly cocreator: AccountId | string;
  /** The terms offered; `percent` is required. */
  readonly terms: ContractTermsInput;
}

/** An event that carries amended terms (a patch). */
export interface AmendmentInput extends EventInput {
  /** The fields that change; an omitted field keeps its value in force. */
  readonly terms: TermsPatchInput;
}

function first(errors: DomainErrors): DomainError {
  return errors[0];
}

function startsWith(path: Path, prefix: Path): boolean {
  // Stryker disable next-line ConditionalExpression: a part past the end of the path is undefined, which no part of a prefix equals
  return prefix.length <= path.length && prefix.every((part, k) => path[k] === part);
}

/** Re-roots an error's path. */
function rerooted(error: DomainError, path: Path): DomainError {
  return Object.freeze({ ...error, path: Object.freeze([...path]) }) as DomainError;
}

function isContextValid(context: unknown): context is TransitionContext {
  return isRecord(context) && Array.isArray(context.contracts);
}

/**
 * The shared body of every transition: validates the context with the contract as it is,
 * appends the event and validates again. An error on the new event has its path relative to
 * the event input (`['by']`, `['terms', 'percent']`, `[]` for the event as a whole); any
 * other error keeps its path in the document `{ contracts: [...others, contract] }`.
 */
function transition(
  context: TransitionContext,
  subject: CocreationContract | null,
  build: (current: CocreationContract | null) => Result<CocreationContract, DomainError>,
): Result<CocreationContract, DomainError> {
  if (!isContextValid(context)) {
    return err(
      domainError('invalid_field', 'expected a context { policy, product, contracts }', []),
    );
  }
  let current: CocreationContract | null = null;
  if (subject !== null) {
    const checked = checkContract(subject, ['contract']);
    if (checked.isErr()) return err(first(checked.error));
    current = checked.value;
  }
  const others = context.contracts.filter(
    (c: unknown) => current === null || !isRecord(c) || c.id !== current.id,
  );
  const before = validateDomain({
    policy: context.policy,
    product: context.product,
    contracts: current === null ? others : [...others, current],
  });
  if (before.isErr()) return err(first(before.error));
  const built = build(current);
  if (built.isErr()) return built;
  const candidate = built.value;
  const after = validateDomain({
    policy: context.policy,
    product: context.product,
    contracts: [...others, candidate],
  });
  if (after.isOk()) return ok(after.value.contracts[others.length] as CocreationContract);
  const contractPath: Path = ['contracts', others.length];
  const eventPath: Path = [...contractPath, 'events', candidate.events.length - 1];
  const onEvent = after.error.find((e) => startsWith(e.path, eventPath));
  if (onEvent !== undefined) return err(rerooted(onEvent, onEvent.path.slice(eventPath.length)));
  const onContract = after.error.find((e) => startsWith(e.path, contractPath));
  if (subject === null && onContract !== undefined) {
    return err(rerooted(onContract, onContract.path.slice(contractPath.length)));
  }
  return err(first(after.error));
}

function appendEvent(
  context: TransitionContext,
  subject: CocreationContract,
  type: ContractEventType,
  input: EventInput | AmendmentInput,
  withTerms: boolean,
): Result<CocreationContract, DomainError> {
  return transition(context, subject ?? null, (current) => {
    if (!isRecord(input)) return err(domainError('invalid_field', 'expected { by, at }', []));
    const event = contractEvent(
      withTerms
        ? { type, at: input.at, by: input.by, terms: (input as AmendmentInput).terms }
        : { type, at: input.at, by: input.by },
    );
    if (event.isErr()) return err(first(event.error));
    const c = current as CocreationContract;
    // Stryker disable next-line ArrayDeclaration,StringLiteral: the contract and the event were both checked, so this check never fails and its path is never seen
    const next = checkContract({ ...c, events: [...c.events, event.value] }, ['contract']);
    return next.isErr() ? err(first(next.error)) : ok(next.value);
  });
}

/**
 * Invites a cocreator: makes a new contract whose history is one `invited` event by the main
 * creator, with the product's id (specification §3). Checks every rule an invitation meets:
 * the actor, the terms against the policy, the term not already expired, and, with the
 * product's other contracts, the retention floor, `maxCocreators` and one live contract per
 * cocreator.
 *
 * @param context - the policy, the product and its other contracts
 * @param input - `{ id, cocreator, terms, by, at }`
 * @returns the new frozen contract, or the first error (an error on the invitation has its
 *   path relative to `input`: `['terms', 'percent']`, `['by']`, `['cocreator']`, `[]`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product } from 'cocreation';
 *
 * const context = {
 *   policy: POLICIES.hotmart,
 *   product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *   contracts: [],
 * };
 * const c1 = invite(context, {
 *   id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' },
 *   by: 'ana@example.com', at: '2026-01-01T00:00:00Z',
 * });
 * assert.equal(c1._unsafeUnwrap().events[0]?.type, 'invited');
 *
 * const tooMuch = invite(context, {
 *   id: 'c1', cocreator: 'bia@example.com', terms: { percent: '75' },
 *   by: 'ana@example.com', at: '2026-01-01T00:00:00Z',
 * });
 * assert.deepEqual(tooMuch._unsafeUnwrapErr().path, ['terms', 'percent']);
 * assert.equal(tooMuch._unsafeUnwrapErr().code, 'percent_out_of_range');
 * ```
 */
export function invite(
  context: TransitionContext,
  input: InvitationInput,
): Result<CocreationContract, DomainError> {
  return transition(context, null, () => {
    if (!isRecord(input)) {
      return err(domainError('invalid_field', 'expected { id, cocreator, terms, by, at }', []));
    }
    const productId = isRecord(context.product) ? context.product.id : undefined;
    const event = contractEvent({
      type: 'invited',
      at: input.at,
      by: input.by,
      terms: input.terms,
    });
    if (event.isErr()) return err(first(event.error));
    const built = checkContract({
      id: input.id,
      productId,
      cocreator: input.cocreator,
      events: [event.value],
    });
    if (built.isErr()) return err(first(built.error));
    return ok(built.value);
  });
}

/**
 * Accepts a pending invitation (the cocreator): the contract pays from this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error (`not_authorized`,
 *   `invalid_transition`, `term_already_expired` when the invitation's term has ended, ...)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * const accepted = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' });
 * assert.equal(accepted._unsafeUnwrap().events.length, 2);
 * const byAna = accept(context, c1, { by: 'ana@example.com', at: '2026-01-02T00:00:00Z' });
 * assert.equal(byAna._unsafeUnwrapErr().code, 'not_authorized');
 * ```
 */
export function accept(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'accepted', input, false);
}

/**
 * Declines a pending invitation (the cocreator): the contract ends.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, decline, invite, product } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(decline(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function decline(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'declined', input, false);
}

/**
 * Withdraws a pending invitation (the main creator): the contract ends.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product, withdraw } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(withdraw(context, c1, { by: 'ana@example.com', at: '2026-01-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function withdraw(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'withdrawn', input, false);
}

/**
 * Proposes new terms (the main creator, policy `cocreator-approval`): the old terms apply
 * until the cocreator approves; meanwhile the contract reserves the larger percent.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (active, no amendment pending)
 * @param input - `{ terms, by, at }`, `terms` a patch
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product, proposeAmendment } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * const proposed = proposeAmendment(context, c1, { terms: { percent: '25' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' });
 * assert.equal(proposed._unsafeUnwrap().events[2]?.type, 'amendment-proposed');
 * ```
 */
export function proposeAmendment(
  context: TransitionContext,
  c: CocreationContract,
  input: AmendmentInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'amendment-proposed', input, true);
}

/**
 * Approves the pending amendment (the cocreator): the new terms apply from this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (an amendment pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, approveAmendment, invite, product, proposeAmendment } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(approveAmendment(context, c1, { by: 'bia@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrapErr().code, 'invalid_transition');
 * c1 = proposeAmendment(context, c1, { terms: { percent: '25' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(approveAmendment(context, c1, { by: 'bia@example.com', at: '2026-02-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function approveAmendment(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'amendment-approved', input, false);
}

/**
 * Declines the pending amendment (the cocreator): it is dropped, the terms stay.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (an amendment pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, declineAmendment, invite, product, proposeAmendment } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * c1 = proposeAmendment(context, c1, { terms: { percent: '10' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(declineAmendment(context, c1, { by: 'bia@example.com', at: '2026-02-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function declineAmendment(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'amendment-declined', input, false);
}

/**
 * Withdraws the pending amendment (the main creator): it is dropped, the terms stay.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (an amendment pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product, proposeAmendment, withdrawAmendment } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * c1 = proposeAmendment(context, c1, { terms: { percent: '10' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(withdrawAmendment(context, c1, { by: 'bia@example.com', at: '2026-02-02T00:00:00Z' })._unsafeUnwrapErr().code, 'not_authorized');
 * assert.equal(withdrawAmendment(context, c1, { by: 'ana@example.com', at: '2026-02-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function withdrawAmendment(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'amendment-withdrawn', input, false);
}

/**
 * Changes the terms at once (the main creator, policy `immediate`): the new terms apply
 * from this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (active)
 * @param input - `{ terms, by, at }`, `terms` a patch
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, amend, invite, product } from 'cocreation';
 *
 * const context = { policy: POLICIES.gumroad, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(amend(context, c1, { terms: { percent: '30' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' }).isOk(), true);
 * assert.equal(amend(context, c1, { terms: { percent: '60' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrapErr().code, 'percent_out_of_range');
 * ```
 */
export function amend(
  context: TransitionContext,
  c: CocreationContract,
  input: AmendmentInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'amended', input, true);
}

/**
 * Asks to end the contract (either party, policy `mutual`): it keeps paying until the other
 * party approves.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (active, no request pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product, requestCancellation } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(requestCancellation(context, c1, { by: 'bia@example.com', at: '2026-03-01T00:00:00Z' }).isOk(), true);
 * assert.equal(requestCancellation(context, c1, { by: 'leo@example.com', at: '2026-03-01T00:00:00Z' })._unsafeUnwrapErr().code, 'not_authorized');
 * ```
 */
export function requestCancellation(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancellation-requested', input, false);
}

/**
 * Approves the pending cancellation request (the party who did not make it): the contract
 * ends at this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (a request pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, approveCancellation, invite, product, requestCancellation } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * c1 = requestCancellation(context, c1, { by: 'bia@example.com', at: '2026-03-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(approveCancellation(context, c1, { by: 'bia@example.com', at: '2026-03-02T00:00:00Z' })._unsafeUnwrapErr().code, 'not_authorized');
 * assert.equal(approveCancellation(context, c1, { by: 'ana@example.com', at: '2026-03-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function approveCancellation(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancellation-approved', input, false);
}

/**
 * Rejects the pending cancellation request (the party who did not make it): the request is
 * dropped, the contract goes on.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (a request pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product, rejectCancellation, requestCancellation } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * c1 = requestCancellation(context, c1, { by: 'ana@example.com', at: '2026-03-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(rejectCancellation(context, c1, { by: 'bia@example.com', at: '2026-03-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function rejectCancellation(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancellation-rejected', input, false);
}

/**
 * Withdraws one's own pending cancellation request (the requester): the request is dropped.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (a request pending)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, invite, product, requestCancellation, withdrawCancellation } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * c1 = requestCancellation(context, c1, { by: 'ana@example.com', at: '2026-03-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(withdrawCancellation(context, c1, { by: 'ana@example.com', at: '2026-03-02T00:00:00Z' }).isOk(), true);
 * ```
 */
export function withdrawCancellation(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancellation-withdrawn', input, false);
}

/**
 * Ends the contract alone (either party, policy `unilateral`): it ends at this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract (active)
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accept, cancel, invite, product } from 'cocreation';
 *
 * const context = { policy: POLICIES.gumroad, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = accept(context, c1, { by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(cancel(context, c1, { by: 'bia@example.com', at: '2026-03-01T00:00:00Z' }).isOk(), true);
 * assert.equal(cancel({ ...context, policy: POLICIES.hotmart }, c1, { by: 'bia@example.com', at: '2026-03-01T00:00:00Z' })._unsafeUnwrapErr().code, 'invalid_transition');
 * ```
 */
export function cancel(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancelled', input, false);
}
