/**
 * Appending one event to a contract, the shared body of every transition (`transitions.ts`):
 * what a transition needs (the context and the event's input), and the re-validation of the
 * product through {@link validateDomain} before and after the event.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  type CommissionRuleInput,
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
  readonly terms: CommissionRuleInput;
}

/** An event that carries amended terms (a patch). */
export interface AmendmentInput extends EventInput {
  /** The fields that change; an omitted field keeps its value in force. */
  readonly terms: TermsPatchInput;
}

export function first(errors: DomainErrors): DomainError {
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
export function transition(
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

export function appendEvent(
  context: TransitionContext,
  subject: CocreationContract,
  type: ContractEventType,
  input: EventInput | AmendmentInput,
  withTerms: boolean,
): Result<CocreationContract, DomainError> {
  // No contract is not an invitation (which is what `null` means to `transition`): it is
  // refused as the contract's reader refuses it, at `['contract']`.
  if (!isRecord(subject)) {
    return err(domainError('invalid_field', 'expected a contract object', ['contract']));
  }
  return transition(context, subject, (current) => {
    if (!isRecord(input)) return err(domainError('invalid_field', 'expected { by, at }', []));
    // Terms given to an event that carries none are read, and refused as the document's
    // reader refuses them (specification §3.1), rather than dropped: a caller who sends
    // `{ type: 'accepted', terms }` must not believe those terms were accepted.
    const terms = (input as Partial<AmendmentInput>).terms;
    const event = contractEvent(
      withTerms || terms !== undefined
        ? { type, at: input.at, by: input.by, terms }
        : { type, at: input.at, by: input.by },
    );
    if (event.isErr()) return err(first(event.error));
    const c = current as CocreationContract;
    // Stryker disable next-line ArrayDeclaration,StringLiteral: the contract and the event were both checked, so this check never fails and its path is never seen
    const next = checkContract({ ...c, events: [...c.events, event.value] }, ['contract']);
    return next.isErr() ? err(first(next.error)) : ok(next.value);
  });
}
