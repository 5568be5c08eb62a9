/**
 * A product with its policy and every cocreation contract, validated as a whole (specification
 * §§3, 4 and 7), the transition functions that extend a contract's history, and the
 * queries across a product's contracts.
 *
 * Every transition appends one event and re-validates through {@link validateDomain}, so a
 * transition succeeds exactly when the validator would accept the history it produces.
 */

import { err, ok, type Result } from 'neverthrow';
import { isBuilt, markBuilt } from '../_internal/provenance';
import { replayContract } from '../contracts/lifecycle';
import { covers, isLive, reservedPercentAt, type SaleRef } from '../contracts/queries';
import {
  type ContractTermsInput,
  checkContract,
  contractEvent,
  type TermsPatchInput,
} from '../contracts/read';
import type {
  CocreationContract,
  ContractEvent,
  ContractEventType,
  ContractTimeline,
} from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import {
  isPolicyName,
  MAX_PERCENT_DECIMALS,
  maxReservedPercent,
  type Policy,
} from '../model/policy';
import type { Product } from '../model/product';
import type { AccountId } from '../values/account';
import type { Brand } from '../values/brand';
import type { Instant } from '../values/instant';
import {
  addPercents,
  comparePercent,
  formatPercent,
  isPercentValue,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  percent,
  pow10,
  subtractPercents,
} from '../values/percent';

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

// ---------------------------------------------------------------------------------------------
// Checking values built in code (the TypeScript API may hand over anything)
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of a policy value built in code (one error: where it first went wrong). */
function policyValueProblem(value: unknown, path: Path): DomainError | null {
  const bad = (what: string, at: Path = path) =>
    domainError('invalid_field', `expected a policy from policy(): ${what}`, at);
  if (!isRecord(value)) return bad('not an object');
  const bounds = value.cocreatorPercent;
  if (!(value.name === null || isPolicyName(value.name))) return bad('name', [...path, 'name']);
  if (!isPercentValue(value.minRetainedPercent)) {
    return bad('minRetainedPercent', [...path, 'minRetainedPercent']);
  }
  if (!isRecord(bounds) || !isPercentValue(bounds.min) || !isPercentValue(bounds.max)) {
    return bad('cocreatorPercent', [...path, 'cocreatorPercent']);
  }
  const decimals = value.percentDecimals;
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything that is not a number; the typeof only narrows the type
  if (typeof decimals !== 'number' || !Number.isInteger(decimals)) {
    return bad('percentDecimals', [...path, 'percentDecimals']);
  }
  const max = value.maxCocreators;
  // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for anything that is not a number; the typeof only narrows the type
  if (!(max === null || (typeof max === 'number' && Number.isSafeInteger(max)))) {
    return bad('maxCocreators', [...path, 'maxCocreators']);
  }
  if (typeof value.affiliatesOnCocreatedProducts !== 'boolean') {
    return bad('affiliatesOnCocreatedProducts', [...path, 'affiliatesOnCocreatedProducts']);
  }
  if (value.cancellation !== 'mutual' && value.cancellation !== 'unilateral') {
    return bad('cancellation', [...path, 'cancellation']);
  }
  if (value.amendments !== 'cocreator-approval' && value.amendments !== 'immediate') {
    return bad('amendments', [...path, 'amendments']);
  }
  const fee = value.fee;
  if (!(fee === null || (isRecord(fee) && isPercentValue(fee.percent) && isFeeTable(fee.fixed)))) {
    return bad('fee', [...path, 'fee']);
  }
  const rules = value as unknown as Policy;
  const invalid = (why: string) => domainError('invalid_policy', why, path);
  if (comparePercent(rules.minRetainedPercent, PERCENT_100) >= 0) {
    return invalid('minRetainedPercent is below 100');
  }
  if (comparePercent(rules.cocreatorPercent.min, PERCENT_0) <= 0) {
    return invalid('cocreatorPercent.min is above 0');
  }
  if (comparePercent(rules.cocreatorPercent.min, rules.cocreatorPercent.max) > 0) {
    return invalid('cocreatorPercent.min is at most cocreatorPercent.max');
  }
  if (comparePercent(rules.cocreatorPercent.max, maxReservedPercent(rules)) > 0) {
    return invalid('cocreatorPercent.max is at most 100 - minRetainedPercent');
  }
  if (rules.percentDecimals < 0 || rules.percentDecimals > MAX_PERCENT_DECIMALS) {
    return invalid(`percentDecimals is an integer from 0 to ${MAX_PERCENT_DECIMALS}`);
  }
  if (rules.maxCocreators !== null && rules.maxCocreators < 1) {
    return invalid('maxCocreators is a positive integer, or null');
  }
  if (rules.fee !== null && comparePercent(rules.fee.percent, PERCENT_100) > 0) {
    return invalid('a fee percent is from 0 to 100');
  }
  return null;
}

/** A fee schedule's `fixed` table: amounts of minor units (bigint ≥ 0) by currency code. */
function isFeeTable(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'bigint' && v >= 0n);
}

function productValueProblem(value: unknown, path: Path): DomainError | null {
  const bad = (what: string, at: Path) =>
    domainError('invalid_field', `expected a product from product(): ${what}`, at);
  if (!isRecord(value)) return bad('not an object', path);
  if (typeof value.id !== 'string' || value.id.length === 0) return bad('id', [...path, 'id']);
  const creator = value.mainCreator;
  if (
    typeof creator !== 'string' ||
    creator.length === 0 ||
    creator !== creator.trim() ||
    /[A-Z]/.test(creator)
  ) {
    return bad('mainCreator (a canonical account id)', [...path, 'mainCreator']);
  }
  const commission = value.affiliateCommission;
  if (!(commission === null || isPercentValue(commission))) {
    return bad('affiliateCommission', [...path, 'affiliateCommission']);
  }
  return null;
}

/**
 * The value itself when it is deeply frozen, else a deeply frozen copy (plain data only; a
 * cycle is left as it is rather than followed forever).
 */
function frozen<T>(value: T, ancestors: Set<object> = new Set()): T {
  // Stryker disable next-line ConditionalExpression: a primitive is frozen and made of itself, so the walk below would return it unchanged
  if (typeof value !== 'object') return value;
  if (value === null || ancestors.has(value)) return value;
  // `ancestors` is the path from the root: `value` is in it exactly while its children are
  // visited (one set for the whole walk rather than a copy per level).
  ancestors.add(value);
  let result: T = value;
  if (!Object.isFrozen(value) || Object.values(value).some((v) => frozen(v, ancestors) !== v)) {
    if (Array.isArray(value)) {
      result = Object.freeze(value.map((v: unknown) => frozen(v, ancestors))) as T;
    } else {
      const copy: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) copy[key] = frozen(v, ancestors);
      result = Object.freeze(copy) as T;
    }
  }
  ancestors.delete(value);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

type Timelines = ReadonlyArray<ContractTimeline>;

const CHECKPOINTS: ReadonlySet<ContractEventType> = new Set([
  'invited',
  'amendment-proposed',
  'amended',
]);

/** What the product's contracts reserve together, and how many are live, at one instant. */
interface Snapshot {
  /** The sum of the reserved percents, in units of `10^-scale` percent. */
  readonly reserved: bigint;
  readonly live: number;
}

/**
 * The state of the product after every event at or before each of `instants`, by a sweep
 * over the instants where some contract's reservation or liveness changes (so validation is
 * `O(n log n)` in the number of events, not quadratic in the number of contracts). Each
 * contract's values are piecewise constant between its own change points, which are read
 * with the same queries (`reservedPercentAt`, `isLive`) as everywhere else.
 */
function snapshots(
  timelines: ReadonlyArray<ContractTimeline>,
  instants: ReadonlyArray<number>,
  scale: number,
): ReadonlyMap<number, Snapshot> {
  const changes: Array<{ readonly at: number; readonly reserved: bigint; readonly live: number }> =
    [];
  for (const timeline of timelines) {
    // Stryker disable next-line ArrayDeclaration: the first terms period starts at invitedAt, so the set holds it anyway
    const bounds = new Set<number>([timeline.invitedAt]);
    // `endedAt` includes expiry: in a valid history no term runs out before the contract ends.
    for (const period of timeline.terms) bounds.add(period.from);
    for (const amendment of timeline.amendments) {
      bounds.add(amendment.proposedAt);
      // Stryker disable next-line ConditionalExpression: a null instant compares as 0, and an extra breakpoint only finds the state in force there (no change)
      if (amendment.resolvedAt !== null) bounds.add(amendment.resolvedAt);
    }
    // Stryker disable next-line ConditionalExpression: a null instant compares as 0, and an extra breakpoint only finds the state in force there (no change)
    if (timeline.endedAt !== null) bounds.add(timeline.endedAt);
    let reserved = 0n;
    let live = 0;
    for (const at of [...bounds].sort((a, b) => a - b)) {
      const p = reservedPercentAt(timeline, at as Instant);
      const nowReserved = p.units * pow10(scale - p.scale);
      const nowLive = isLive(timeline, at as Instant) ? 1 : 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero change adds nothing, and a contract reserves more than 0 exactly while it is live
      if (nowReserved !== reserved || nowLive !== live) {
        changes.push({ at, reserved: nowReserved - reserved, live: nowLive - live });
      }
      reserved = nowReserved;
      live = nowLive;
    }
  }
  changes.sort((a, b) => a.at - b.at);
  const result = new Map<number, Snapshot>();
  let next = 0;
  let reserved = 0n;
  let live = 0;
  for (const t of [...instants].sort((a, b) => a - b)) {
    for (
      let change = changes[next];
      change !== undefined && change.at <= t;
      change = changes[++next]
    ) {
      reserved += change.reserved;
      live += change.live;
    }
    result.set(t, { reserved, live });
  }
  return result;
}

/**
 * Whether the rules across contracts hold at every instant by bounds alone: no more contracts
 * than `maxCocreators`, no cocreator with two contracts, and the contracts' largest
 * reservations (each the largest percent among its terms and its proposed amendments, which
 * `reservedPercentAt` never exceeds) summing to at most the cap. Then no checkpoint can find a
 * problem and the sweep is not needed; most products are far from every limit. Percents are
 * in units of `10^-scale` percent, the scale of every percent and of the cap.
 */
// Stryker disable next-line BlockStatement: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
function withinBounds(rules: Policy, timelines: Timelines, scale: number, cap: bigint): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  if (rules.maxCocreators !== null && timelines.length > rules.maxCocreators) return false;
  // Stryker disable next-line ArithmeticOperator: scale + p.scale only makes the units larger: a stricter bound, which sends the product to the sweep
  const units = (p: Percent) => p.units * pow10(scale - p.scale);
  const cocreators = new Set<string>();
  let total = 0n;
  // Stryker disable next-line BlockStatement: an empty loop counts no cocreator, so a product with contracts goes to the sweep, which decides
  for (const timeline of timelines) {
    cocreators.add(timeline.contract.cocreator);
    let largest = 0n;
    for (const period of timeline.terms) {
      const u = units(period.terms.percent);
      // Stryker disable next-line EqualityOperator: >= keeps the same largest value
      if (u > largest) largest = u;
    }
    for (const amendment of timeline.amendments) {
      const proposed = amendment.terms.percent;
      const u = proposed === undefined ? 0n : units(proposed);
      // Stryker disable next-line EqualityOperator: >= keeps the same largest value
      if (u > largest) largest = u;
    }
    total += largest;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  return cocreators.size === timelines.length && total <= cap;
}

/**
 * The rules across contracts (specification §4: 1 and the limits of 3), checked at each
 * checkpoint, in document order. `indexes[i]` is where timeline `i` is in the document's
 * contracts (contracts of another product are not among the timelines).
 */
function crossContractProblems(
  rules: Policy,
  timelines: ReadonlyArray<ContractTimeline>,
  contractsPath: Path,
  indexes: ReadonlyArray<number>,
): DomainError[] {
  const problems: DomainError[] = [];
  const cap = maxReservedPercent(rules);
  // One scale for every percent of the product and the cap: sums and comparisons in units.
  let scale = cap.scale;
  for (const timeline of timelines) {
    for (const period of timeline.terms) scale = Math.max(scale, period.terms.percent.scale);
    for (const amendment of timeline.amendments) {
      scale = Math.max(scale, amendment.terms.percent?.scale ?? 0);
    }
  }
  const capUnits = cap.units * pow10(scale - cap.scale);
  // Stryker disable next-line ConditionalExpression: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  if (withinBounds(rules, timelines, scale, capUnits)) return problems;
  const checkpoints: Array<{ readonly i: number; readonly j: number; readonly at: Instant }> = [];
  timelines.forEach((timeline, i) => {
    timeline.contract.events.forEach((event, j) => {
      if (CHECKPOINTS.has(event.type)) checkpoints.push({ i, j, at: event.at });
    });
  });
  const state = snapshots(timelines, [...new Set(checkpoints.map((c) => c.at))], scale);
  const byCocreator = new Map<string, ContractTimeline[]>();
  for (const timeline of timelines) {
    const group = byCocreator.get(timeline.contract.cocreator) ?? [];
    group.push(timeline);
    byCocreator.set(timeline.contract.cocreator, group);
  }
  for (const { i, j, at } of checkpoints) {
    const timeline = timelines[i] as ContractTimeline;
    const { reserved, live } = state.get(at) as Snapshot;
    const overCap = reserved > capUnits;
    const invitation =
      (timeline.contract.events[j] as ContractEvent).type === 'invited' && isLive(timeline, at);
    // Stryker disable next-line ConditionalExpression: without this early continue, the checks below skip the same checkpoint (not over the cap, not an invitation)
    if (!overCap && !invitation) continue;
    const path = [...contractsPath, indexes[i] as number, 'events', j];
    if (overCap) {
      const total = formatPercent(percent(reserved, scale)._unsafeUnwrap());
      problems.push(
        domainError(
          'retention_floor_violated',
          `the product's live contracts would reserve ${total} %, above the ${formatPercent(cap)} % that the policy's retention floor leaves`,
          path,
          { reservedPercent: total, maxPercent: formatPercent(cap) },
        ),
      );
    }
    // Only an invitation adds a live contract, so the limits of invariant 3 are checked there.
    if (!invitation) continue;
    if (rules.maxCocreators !== null && live > rules.maxCocreators) {
      problems.push(
        domainError(
          'max_cocreators_reached',
          `the policy allows ${rules.maxCocreators} live contract(s) per product; this invitation makes ${live}`,
          path,
          { maxCocreators: rules.maxCocreators },
        ),
      );
    }
    const cocreator = timeline.contract.cocreator;
    // Stryker disable next-line ArrayDeclaration: every timeline's cocreator was put in byCocreator above, so the fallback is never used
    const same = byCocreator.get(cocreator) ?? [];
    if (same.some((other) => other !== timeline && isLive(other, at))) {
      problems.push(
        domainError(
          'duplicate_cocreator',
          `${cocreator} already has a live contract on this product`,
          path,
          { account: cocreator },
        ),
      );
    }
  }
  return problems;
}

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
 *   then not read), else the first event of its history that breaks a rule (see
 *   `replayContract`);
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
 * import { POLICIES, contract, product, validateDomain } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const invite = (id: string, cocreator: string, percent: string) =>
 *   contract({
 *     id, productId: 'p1', cocreator,
 *     events: [{ type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent } }],
 *   })._unsafeUnwrap();
 *
 * const ok = validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [invite('c1', 'bia@example.com', '40')] });
 * assert.equal(ok._unsafeUnwrap().timelines.length, 1);
 *
 * const tooMuch = validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: course,
 *   contracts: [invite('c1', 'bia@example.com', '40'), invite('c2', 'caio@example.com', '40')],
 * });
 * assert.deepEqual(
 *   tooMuch._unsafeUnwrapErr().map((e) => [e.code, e.path]),
 *   [
 *     ['retention_floor_violated', ['contracts', 0, 'events', 0]],
 *     ['retention_floor_violated', ['contracts', 1, 'events', 0]],
 *   ],
 * );
 * ```
 */
export function validateDomain(input: DomainInput, path: Path = []): Result<Domain, DomainErrors> {
  const checked = checkDomain(input, path);
  if (checked.domain !== null) return ok(checked.domain);
  return err(asErrors(domainProblems(checked)));
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
  if (!isRecord(input)) {
    return readingFailed([
      domainError('invalid_field', 'expected { policy, product, contracts }', path),
    ]);
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
  const contractsPath = [...path, 'contracts'];
  const rawContracts: unknown = input.contracts;
  const contracts: CocreationContract[] = [];
  if (!Array.isArray(rawContracts)) {
    problems.push(domainError('invalid_field', 'expected an array of contracts', contractsPath));
  } else {
    rawContracts.forEach((item: unknown, i) => {
      const checked = checkContract(item, [...contractsPath, i]);
      if (checked.isErr()) problems.push(...checked.error);
      else contracts.push(checked.value);
    });
  }
  const seen = new Set<string>();
  contracts.forEach((c, i) => {
    if (seen.has(c.id)) {
      problems.push(
        domainError(
          'invalid_field',
          `the contract id ${JSON.stringify(c.id)} is used twice in this document`,
          [...contractsPath, i, 'id'],
        ),
      );
    }
    seen.add(c.id);
  });
  if (problems.length > 0) return readingFailed(problems);

  const rules = builtPolicy ? input.policy : frozen(input.policy);
  const owner = builtProduct ? input.product : frozen(input.product);
  const mismatches: DomainError[] = [];
  const histories: DomainError[] = [];
  const timelines: ContractTimeline[] = [];
  // Paths of this product's contracts in the document (the others are left out).
  const ownIndex: number[] = [];
  let historiesValid = true;
  contracts.forEach((c, i) => {
    const replayed = replayContract(c, rules, owner, [...contractsPath, i]);
    if (c.productId !== owner.id) {
      // replayContract reports a contract of another product alone, and reads nothing else.
      if (replayed.isErr()) mismatches.push(...replayed.error);
    } else if (replayed.isErr()) {
      historiesValid = false;
      histories.push(...replayed.error);
    } else {
      timelines.push(replayed.value);
      ownIndex.push(i);
    }
  });
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
    // Recorded as built: settleWithDomain and compileSettler trust this value without checking it again.
    domain: valid
      ? markBuilt(
          Object.freeze({
            policy: rules,
            product: owner,
            contracts: Object.freeze(contracts),
            timelines: Object.freeze(timelines),
          }) as Domain,
        )
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

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

/** One error as the one-element list every fallible public function answers. */
function one(error: DomainError): DomainErrors {
  return Object.freeze([error]) as unknown as DomainErrors;
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
function transitionWith(
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
  return transitionWith(context, subject ?? null, (current) => {
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
 * @returns the new frozen contract, or the first error in a one-element list (an error on the invitation has its
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
 * assert.deepEqual(tooMuch._unsafeUnwrapErr()[0].path, ['terms', 'percent']);
 * assert.equal(tooMuch._unsafeUnwrapErr()[0].code, 'percent_out_of_range');
 * ```
 */
export function invite(
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
 * @param input - `{ type, by, at }`, with `terms` (a patch) for `amendment-proposed` and `amended`
 * @returns the contract with the event appended, frozen, or the error in a one-element list
 *   (an error on the event has its path relative to `input`: `['terms', 'percent']`, `['by']`, `[]`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product, transition } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * let c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * c1 = transition(context, c1, { type: 'accepted', by: 'bia@example.com', at: '2026-01-02T00:00:00Z' })._unsafeUnwrap();
 * const proposed = transition(context, c1, { type: 'amendment-proposed', terms: { percent: '30' }, by: 'ana@example.com', at: '2026-02-01T00:00:00Z' })._unsafeUnwrap();
 * assert.deepEqual(proposed.events.map((e) => e.type), ['invited', 'accepted', 'amendment-proposed']);
 * // Only the cocreator may approve an amendment.
 * const refused = transition(context, proposed, { type: 'amendment-approved', by: 'ana@example.com', at: '2026-02-02T00:00:00Z' });
 * assert.equal(refused._unsafeUnwrapErr()[0].code, 'not_authorized');
 * ```
 */
export function transition(
  context: TransitionContext,
  c: CocreationContract,
  input: TransitionInput,
): Result<CocreationContract, DomainErrors> {
  const type: unknown = isRecord(input) ? input.type : undefined;
  const withTerms = type === 'amendment-proposed' || type === 'amended';
  return appendEvent(context, c, type as ContractEventType, input, withTerms).mapErr(one);
}

// ---------------------------------------------------------------------------------------------
// Queries across a product's contracts
// ---------------------------------------------------------------------------------------------

/**
 * The contracts live at `t` (invited, not ended, term not run out), in document order.
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns their timelines, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, liveContractsAt, parseInstant, product, validateDomain } from 'cocreation';
 *
 * const domain = validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *   contracts: [contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'declined', at: '2026-01-03T00:00:00Z', by: 'bia@example.com' },
 *   ] })._unsafeUnwrap()],
 * })._unsafeUnwrap();
 * assert.equal(liveContractsAt(domain, parseInstant('2026-01-02T00:00:00Z')._unsafeUnwrap()).length, 1);
 * assert.equal(liveContractsAt(domain, parseInstant('2026-01-03T00:00:00Z')._unsafeUnwrap()).length, 0);
 * ```
 */
export function liveContractsAt(domain: Domain, t: Instant): ReadonlyArray<ContractTimeline> {
  return Object.freeze(domain.timelines.filter((timeline) => isLive(timeline, t)));
}

/**
 * The contracts that cover a sale (accepted, not ended, term not run out at its instant), in
 * document order, whatever their `appliesTo`.
 *
 * @param domain - a validated domain
 * @param sale - the sale (its `productId` and `at`)
 * @returns their timelines, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, contractsCovering, parseInstant, product, validateDomain } from 'cocreation';
 *
 * const domain = validateDomain({
 *   policy: POLICIES.hotmart,
 *   product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *   contracts: [contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ] })._unsafeUnwrap()],
 * })._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(contractsCovering(domain, { productId: 'p1', at: at('2026-01-01T12:00:00Z') }).length, 0);
 * assert.equal(contractsCovering(domain, { productId: 'p1', at: at('2026-01-02T00:00:00Z') }).length, 1);
 * ```
 */
export function contractsCovering(domain: Domain, sale: SaleRef): ReadonlyArray<ContractTimeline> {
  return Object.freeze(domain.timelines.filter((timeline) => covers(timeline, sale)));
}

/**
 * What the product's live contracts reserve together at `t` (each the larger of its percent
 * in force and a pending amendment's).
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns the sum, at most `100 - minRetainedPercent` in a valid domain
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, formatPercent, invite, parseInstant, product, totalReservedPercentAt, validateDomain } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * const c2 = invite({ ...context, contracts: [c1] }, { id: 'c2', cocreator: 'caio@example.com', terms: { percent: '12.5' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * const domain = validateDomain({ ...context, contracts: [c1, c2] })._unsafeUnwrap();
 * assert.equal(formatPercent(totalReservedPercentAt(domain, parseInstant('2026-02-01T00:00:00Z')._unsafeUnwrap())), '32.5');
 * ```
 */
export function totalReservedPercentAt(domain: Domain, t: Instant): Percent {
  return reservedTotalAt(domain.timelines, t);
}

/**
 * What `timelines` reserve together at `t`: the sum the retention floor bounds. Internal:
 * {@link totalReservedPercentAt} and `validateRetentionFloor` share it.
 *
 * @internal
 */
export function reservedTotalAt(timelines: ReadonlyArray<ContractTimeline>, t: Instant): Percent {
  return timelines.reduce<Percent>(
    (sum, timeline) => addPercents(sum, reservedPercentAt(timeline, t)),
    PERCENT_0,
  );
}

/**
 * How much the main creator can still offer at `t`: `100 - minRetainedPercent` less what the
 * live contracts reserve (never below 0).
 *
 * @param domain - a validated domain
 * @param t - the instant asked about
 * @returns the percent still free under the retention floor
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, availablePercentAt, formatPercent, invite, parseInstant, product, validateDomain } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * const domain = validateDomain({ ...context, contracts: [c1] })._unsafeUnwrap();
 * assert.equal(formatPercent(availablePercentAt(domain, parseInstant('2026-02-01T00:00:00Z')._unsafeUnwrap())), '50');
 * ```
 */
export function availablePercentAt(domain: Domain, t: Instant): Percent {
  return subtractPercents(
    maxReservedPercent(domain.policy),
    totalReservedPercentAt(domain, t),
  ).unwrapOr(PERCENT_0);
}

/**
 * The timeline of one contract, by id.
 *
 * @param domain - a validated domain
 * @param contractId - the contract's id
 * @returns its timeline, or `undefined` when the domain has no such contract
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, invite, product, timelineOf, validateDomain } from 'cocreation';
 *
 * const context = { policy: POLICIES.hotmart, product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(), contracts: [] };
 * const c1 = invite(context, { id: 'c1', cocreator: 'bia@example.com', terms: { percent: '20' }, by: 'ana@example.com', at: '2026-01-01T00:00:00Z' })._unsafeUnwrap();
 * const domain = validateDomain({ ...context, contracts: [c1] })._unsafeUnwrap();
 * assert.equal(timelineOf(domain, 'c1')?.acceptedAt, null);
 * assert.equal(timelineOf(domain, 'c9'), undefined);
 * ```
 */
export function timelineOf(domain: Domain, contractId: string): ContractTimeline | undefined {
  return domain.timelines.find((timeline) => timeline.contract.id === contractId);
}
