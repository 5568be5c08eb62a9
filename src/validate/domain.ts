/**
 * A product with its policy and every cocreation contract, validated as a whole
 * (specification §§3, 4 and 7): the stages of §7 over the values handed over
 * (`handmade.ts` checks those built by hand), every contract history replayed
 * (`contracts/replay.ts`), then the rules across contracts (`across.ts`). The transition
 * functions that extend a history are in `transitions.ts`, the queries across a product's
 * contracts in `queries.ts`.
 */

import { err, ok, type Result } from 'neverthrow';
import { dense, frozenCopy, pushAll } from '../_internal/fields';
import { isBuilt, markBuilt } from '../_internal/provenance';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import { checkContract } from '../contracts/read';
import { replayContract } from '../contracts/replay';
import type { CocreationContract, ContractTimeline } from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Brand } from '../values/brand';
import { crossContractProblems } from './across';
import { isRecord, policyValueProblem, productValueProblem } from './handmade';

/** What {@link validateDomain} checks: one product, its policy and its contracts. */
export interface DomainInput {
  /** The platform's rules, from `policy()`. */
  readonly policy: Policy;
  /** The product, from `product()`. */
  readonly product: Product;
  /** Every contract of the product, ended ones included, from `contract()` or the transitions. */
  readonly contracts: ReadonlyArray<CocreationContract>;
}

/**
 * A validated product: every contract history replayed without error and the rules across
 * contracts hold. Only {@link validateDomain} makes one. Frozen.
 */
export type Domain = {
  /** The policy the contracts were validated under. */
  readonly policy: Policy;
  /** The product. */
  readonly product: Product;
  /** Every contract, in input order (the order of the cocreator lines of a settlement). */
  readonly contracts: ReadonlyArray<CocreationContract>;
  /** One per contract, in the same order. */
  readonly timelines: ReadonlyArray<ContractTimeline>;
} & Brand<'Domain'>;

function asErrors(problems: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...problems]) as unknown as DomainErrors;
}

/**
 * Validates a product, its policy and its contracts as a whole (specification §§3, 4 and 7),
 * as read from storage or from JSON, in the stages of specification §7. Stage 1: values built by
 * hand that are not a policy, product or contract, and contract ids that repeat
 * (`invalid_field` at the later one's `id`); when there is any, nothing else is checked.
 * Then every problem of these rows, in this order:
 *
 * - 2a: `product_mismatch` (at `productId`) for each contract of another product, which is
 *   then left out of every other rule (its history is not read, it does not count below);
 * - 2b: for each contract of this product, `self_cocreation` (at `cocreator`; the history is
 *   then not read), else the first event of its history that breaks a rule of
 *   specification §§3 and 4 (one event's checks in the order of §7.5);
 * - 2c: when every contract of this product has a valid history, the rules across contracts,
 *   at the path of the event that breaks them, every breaking checkpoint in document order:
 *   at every `invited`, `amendment-proposed` and `amended` instant `t`, the reserved
 *   percents of the live contracts sum to at most `100 - minRetainedPercent`
 *   (`retention_floor_violated`), with the state after every event at or before `t` in every
 *   contract (a contract that ends at `t` frees its percent at `t`); at every invitation, the
 *   live contracts are at most `maxCocreators` (`max_cocreators_reached`) and no other live
 *   contract has the same cocreator (`duplicate_cocreator`). Only invitations add live
 *   contracts, so checking there is checking at every instant.
 *
 * @param input - the policy, the product and the contracts
 * @param path - where the document is in the input (default `[]`): the policy is at
 *   `[...path, 'policy']`, the product at `[...path, 'product']` and contract `i` at
 *   `[...path, 'contracts', i]`
 * @returns the frozen {@link Domain}, with one timeline per contract, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, POLICIES, contract, product, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const invite = (id: string, cocreator: string, percent: string) =>
 *   valueOrThrow(contract({
 *     id, productId: 'p1', cocreator,
 *     events: [{ type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent } }],
 *   }));
 *
 * const valid = validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [invite('c1', 'bia@example.com', '40')] });
 * if (valid.isErr()) throw new Error(valid.error.map((e) => e.message).join('; '));
 * assert.equal(valid.value.timelines.length, 1);
 *
 * const tooMuch = validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: course,
 *   contracts: [invite('c1', 'bia@example.com', '40'), invite('c2', 'caio@example.com', '40')],
 * });
 * if (tooMuch.isOk()) throw new Error('expected an error');
 * assert.deepEqual(
 *   tooMuch.error.map((e) => [e.code, e.path]),
 *   [
 *     ['retention_floor_violated', ['contracts', 0, 'events', 0]],
 *     ['retention_floor_violated', ['contracts', 1, 'events', 0]],
 *   ],
 * );
 * ```
 */
export function validateDomain(input: DomainInput, path: Path = []): Result<Domain, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    const checked = checkDomain(input, at);
    // Recorded as built: settleWithDomain and compileSettler trust this value without checking
    // it again. Only here: settleSale's own domain lives for one sale and is never handed out.
    if (checked.domain !== null) return ok(markBuilt(checked.domain));
    return err(asErrors(domainProblems(checked)));
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * What the stages of specification §7 find in a product's contracts. Not part of the package
 * API: `validateDomain`, `settleSale` and `settleDocument` share it.
 *
 * @internal
 */
export interface DomainCheck {
  /**
   * Stage 1 (reading): a policy, product or contract built by hand that is not one, and
   * contract ids used twice. When there is any, no rule of stage 2 was checked and the
   * fields below are empty.
   */
  readonly reading: ReadonlyArray<DomainError>;
  /** Row 2a: `product_mismatch` of each contract of another product, in document order. */
  readonly mismatches: ReadonlyArray<DomainError>;
  /** Row 2b: for each contract of this product, `self_cocreation` or its first bad event. */
  readonly histories: ReadonlyArray<DomainError>;
  /** Row 2c: the rules across this product's contracts, every breaking checkpoint. */
  readonly across: ReadonlyArray<DomainError>;
  /** The policy, checked (`null` after a reading problem). */
  readonly policy: Policy | null;
  /** The product, checked (`null` after a reading problem). */
  readonly product: Product | null;
  /**
   * The timelines of this product's contracts, in document order, when every one of them has
   * a valid history (rows 2c and 2e run then); `null` otherwise.
   */
  readonly timelines: ReadonlyArray<ContractTimeline> | null;
  /** The validated domain when nothing at all was found; `null` otherwise. */
  readonly domain: Domain | null;
}

/**
 * The problems of a {@link DomainCheck} in the order they are reported: stage 1 alone when
 * there is any, else rows 2a, 2b and 2c, each in document order.
 *
 * @internal
 */
export function domainProblems(checked: DomainCheck): DomainError[] {
  return [...checked.reading, ...checked.mismatches, ...checked.histories, ...checked.across];
}

const NOTHING: ReadonlyArray<DomainError> = Object.freeze([]);

function readingFailed(problems: ReadonlyArray<DomainError>): DomainCheck {
  return {
    reading: problems,
    mismatches: NOTHING,
    histories: NOTHING,
    across: NOTHING,
    policy: null,
    product: null,
    timelines: null,
    domain: null,
  };
}

/**
 * Runs stage 1 and rows 2a to 2c of specification §7 over a product's contracts. A contract of
 * another product gets its `product_mismatch` and is left out of everything else: its history
 * is not replayed and it neither counts for nor blocks the rules across contracts. Those run
 * when every contract of this product has a valid history (a self-cocreation has none).
 *
 * @internal
 */
export function checkDomain(input: DomainInput, path: Path = []): DomainCheck {
  const read = readDomain(input, path);
  if (Array.isArray(read)) return readingFailed(read);
  const { rules, owner, contracts } = read;
  const contractsPath = [...path, 'contracts'];
  const { mismatches, histories, timelines, ownIndex, historiesValid } = replayAll(
    contracts,
    rules,
    owner,
    contractsPath,
  );
  const across = historiesValid
    ? crossContractProblems(rules, timelines, contractsPath, ownIndex)
    : [];
  const valid = mismatches.length === 0 && histories.length === 0 && across.length === 0;
  return {
    reading: NOTHING,
    mismatches,
    histories,
    across,
    policy: rules,
    product: owner,
    timelines: historiesValid ? Object.freeze(timelines) : null,
    domain: valid
      ? (Object.freeze({
          policy: rules,
          product: owner,
          contracts: Object.freeze(contracts),
          timelines: Object.freeze(timelines),
        }) as Domain)
      : null,
  };
}

/** What stage 1 reads: the policy, the product and the contracts, checked. */
interface Read {
  readonly rules: Policy;
  readonly owner: Product;
  readonly contracts: CocreationContract[];
}

/** Stage 1: the values handed over, checked; or every problem found. */
function readDomain(input: DomainInput, path: Path): Read | DomainError[] {
  if (!isRecord(input)) {
    return [domainError('invalid_field', 'expected { policy, product, contracts }', path)];
  }
  const problems: DomainError[] = [];
  // A policy or product this library built is valid and deeply frozen for good: only a value
  // built by hand is checked and, if it is not deeply frozen already, copied.
  const builtPolicy = isBuilt(input.policy);
  const builtProduct = isBuilt(input.product);
  const policyProblem = builtPolicy ? null : policyValueProblem(input.policy, [...path, 'policy']);
  if (policyProblem !== null) problems.push(policyProblem);
  const productProblem = builtProduct
    ? null
    : productValueProblem(input.product, [...path, 'product']);
  if (productProblem !== null) problems.push(productProblem);
  const contracts = readContracts(input.contracts, [...path, 'contracts'], problems);
  if (problems.length > 0) return problems;
  return {
    rules: builtPolicy ? input.policy : frozenCopy(input.policy),
    owner: builtProduct ? input.product : frozenCopy(input.product),
    contracts,
  };
}

/** The contracts, each checked, and their ids used once; problems are added to `problems`. */
function readContracts(
  rawContracts: unknown,
  contractsPath: Path,
  problems: DomainError[],
): CocreationContract[] {
  const contracts: CocreationContract[] = [];
  if (!Array.isArray(rawContracts)) {
    problems.push(domainError('invalid_field', 'expected an array of contracts', contractsPath));
    return contracts;
  }
  const seen = new Set<string>();
  // Each contract at its index in the input, a hole included: a duplicate id is reported at
  // the later contract's own index, whatever contracts before it failed to read. The ids used
  // twice come after every contract's own problems, as the document reader lists them.
  const duplicates: DomainError[] = [];
  dense(rawContracts).forEach((item: unknown, i) => {
    const checked = checkContract(item, [...contractsPath, i]);
    if (checked.isErr()) {
      pushAll(problems, checked.error);
      return;
    }
    const c = checked.value;
    if (seen.has(c.id)) {
      duplicates.push(
        domainError(
          'invalid_field',
          `the contract id ${JSON.stringify(c.id)} is used twice in this document`,
          [...contractsPath, i, 'id'],
        ),
      );
    }
    seen.add(c.id);
    contracts.push(c);
  });
  pushAll(problems, duplicates);
  return contracts;
}

/** Rows 2a and 2b: every contract's history replayed. */
interface Replayed {
  readonly mismatches: DomainError[];
  readonly histories: DomainError[];
  /** The timelines of this product's contracts, when valid. */
  readonly timelines: ContractTimeline[];
  /** Paths of this product's contracts in the document (the others are left out). */
  readonly ownIndex: number[];
  readonly historiesValid: boolean;
}

function replayAll(
  contracts: ReadonlyArray<CocreationContract>,
  rules: Policy,
  owner: Product,
  contractsPath: Path,
): Replayed {
  const mismatches: DomainError[] = [];
  const histories: DomainError[] = [];
  const timelines: ContractTimeline[] = [];
  const ownIndex: number[] = [];
  let historiesValid = true;
  contracts.forEach((c, i) => {
    const replayed = replayContract(c, rules, owner, [...contractsPath, i]);
    if (c.productId !== owner.id) {
      // replayContract reports a contract of another product alone, and reads nothing else.
      if (replayed.isErr()) pushAll(mismatches, replayed.error);
    } else if (replayed.isErr()) {
      historiesValid = false;
      pushAll(histories, replayed.error);
    } else {
      timelines.push(replayed.value);
      ownIndex.push(i);
    }
  });
  return { mismatches, histories, timelines, ownIndex, historiesValid };
}
