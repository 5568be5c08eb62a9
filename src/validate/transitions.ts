/**
 * The transition functions that extend a contract's history by one event (specification §3.1):
 * each appends its event and re-validates through {@link validateDomain} (`append.ts`), so a
 * transition succeeds exactly when the validator would accept the history it produces.
 */

import { err, ok, type Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import { checkContract, contractEvent } from '../contracts/read';
import type { CocreationContract, ContractEventType } from '../contracts/types';
import { type DomainError, type DomainErrors, domainError } from '../errors';
import {
  type AmendmentInput,
  appendEvent,
  type EventInput,
  first,
  type InvitationInput,
  type TransitionContext,
  transition as transitionWith,
} from './append';
import { isRecord } from './handmade';

/** One error as the one-element list every fallible public function answers. */
function one(error: DomainError): DomainErrors {
  return Object.freeze([error]) as unknown as DomainErrors;
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
 * @returns the new frozen contract, or the first error in a one-element list (an error on the
 *   invitation has its path relative to `input`: `['terms', 'percent']`, `['by']`,
 *   `['cocreator']`, `[]`; a rule that the other contracts already break, or break at one of
 *   their own later events, has its path in the document `{ contracts: [...contracts,
 *   invitation] }`, e.g. `['contracts', 0, 'events', 2]`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' });
 * if (course.isErr()) throw new Error(course.error.map((e) => e.message).join('; '));
 * const context = { policy: POLICIES.hotmart, product: course.value, contracts: [] };
 *
 * const c1 = invite(context, {
 *   id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' },
 *   by: 'ana@example.com', at: '2026-01-01T00:00:00Z',
 * });
 * if (c1.isErr()) throw new Error(c1.error.map((e) => e.message).join('; '));
 * assert.equal(c1.value.events[0]?.type, 'invited');
 *
 * const tooMuch = invite(context, {
 *   id: 'c1', cocreator: 'bia@example.com', terms: { percent: '75' },
 *   by: 'ana@example.com', at: '2026-01-01T00:00:00Z',
 * });
 * if (tooMuch.isOk()) throw new Error('expected an error');
 * const [first] = tooMuch.error;
 * assert.deepEqual(first.path, ['terms', 'percent']);
 * assert.equal(first.code, 'percent_out_of_range');
 * ```
 */
export function invite(
  context: TransitionContext,
  input: InvitationInput,
): Result<CocreationContract, DomainErrors> {
  try {
    return buildInvitation(context, input);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link invite} answers when reading its input does not throw (it catches what does). */
function buildInvitation(
  context: TransitionContext,
  input: InvitationInput,
): Result<CocreationContract, DomainErrors> {
  return transitionWith(context, null, () => {
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
  }).mapErr(one);
}

/**
 * Accepts a pending invitation (the cocreator): the contract pays from this instant.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract
 * @param input - `{ by, at }`
 * @returns the contract with the event appended, or the first error (`not_authorized`,
 *   `invalid_transition`, `term_already_expired` when the invitation's term has ended, ...)
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
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
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function cancel(
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput,
): Result<CocreationContract, DomainError> {
  return appendEvent(context, c, 'cancelled', input, false);
}

/**
 * The event types a {@link transition} records: every type but `invited` (a contract starts
 * with {@link invite}).
 */
export type TransitionType = Exclude<ContractEventType, 'invited'>;

/**
 * One event for {@link transition}: its type, who makes it and when, and for
 * `amendment-proposed` and `amended` the terms that change (a patch).
 */
export type TransitionInput =
  | (EventInput & {
      /** Any type of {@link TransitionType} but the two that carry terms. */
      readonly type: Exclude<TransitionType, 'amendment-proposed' | 'amended'>;
    })
  | (AmendmentInput & {
      /** `amendment-proposed` or `amended`: the event carries `terms`. */
      readonly type: 'amendment-proposed' | 'amended';
    });

/**
 * Records one event of a contract's lifecycle (specification §3): accepting, declining or
 * withdrawing an invitation, proposing and answering an amendment, amending, asking for and
 * answering a cancellation, cancelling. Checks every rule the event meets: the party who may
 * make it, its instant, the policy's flow, and, with the product's other contracts, the
 * retention floor and `maxCocreators`. Pure: the contract given is not changed.
 *
 * @param context - the policy, the product and its other contracts
 * @param c - the contract as it stands
 * @param input - `{ type, by, at }`, with `terms` (a patch) for `amendment-proposed` and
 *   `amended`; terms given to any other event are refused (`invalid_field` at `['terms']`), as
 *   a document refuses them, rather than dropped
 * @returns the contract with the event appended, frozen, or the first error in a one-element
 *   list (an error on the event has its path relative to `input`: `['terms', 'percent']`,
 *   `['by']`, `[]`; a contract that is not one is refused at `['contract', ...]`; any other
 *   error, a rule that `c` already breaks with the others before the new event, has its path
 *   in the document `{ contracts: [...others, c] }`, where `others` is `context.contracts`
 *   without `c`'s earlier version: `['contracts', others.length, 'events', 0]` is `c`'s
 *   invitation)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product, transition } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' });
 * if (course.isErr()) throw new Error(course.error.map((e) => e.message).join('; '));
 * const context = { policy: POLICIES.hotmart, product: course.value, contracts: [] };
 *
 * const proposed = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })
 *   .andThen((c1) => transition(context, c1, { type: 'accepted', by: 'bia@example.com', at: '2026-01-02T00:00:00Z' }))
 *   .andThen((c1) => transition(context, c1, { type: 'amendment-proposed', terms: { percent: '30' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' }));
 * if (proposed.isErr()) throw new Error(proposed.error.map((e) => e.message).join('; '));
 * assert.deepEqual(proposed.value.events.map((e) => e.type), ['invited', 'accepted', 'amendment-proposed']);
 *
 * // Only the cocreator may approve an amendment.
 * const refused = transition(context, proposed.value, { type: 'amendment-approved', by: 'ana@example.com', at: '2026-02-02T00:00:00Z' });
 * if (refused.isOk()) throw new Error('expected an error');
 * assert.equal(refused.error[0].code, 'not_authorized');
 * ```
 */
export function transition(
  context: TransitionContext,
  c: CocreationContract,
  input: TransitionInput,
): Result<CocreationContract, DomainErrors> {
  try {
    const type: unknown = isRecord(input) ? input.type : undefined;
    // `invited` carries terms too: read with them, a second invitation is the lifecycle's
    // invalid_transition, not a missing `terms` that the input has.
    const withTerms = type === 'amendment-proposed' || type === 'amended' || type === 'invited';
    return appendEvent(context, c, type as ContractEventType, input, withTerms).mapErr(one);
  } catch (cause) {
    return unreadableErr(cause);
  }
}
