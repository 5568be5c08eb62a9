/**
 * Reading contracts (specification §8): the shape of a contract, an event, invitation terms
 * and amendment terms, as on the wire or built in code. Shape only: order, state, actors and
 * the policy's rules are the state machine's (`lifecycle.ts`).
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  dense,
  type Issues,
  nonEmpty,
  optional,
  raw,
  readBoolean,
  readId,
  readObject,
  required,
} from '../_internal/fields';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import { type DomainErrors, domainError, type Path } from '../errors';
import { type AppliesTo, appliesToOrError as appliesTo } from '../model/commission';
import {
  CONTRACT,
  CONTRACT_EVENT,
  type CocreationContractInput,
  keysOf,
  TERMS_PATCH,
} from '../model/shapes';
import { type AccountId, accountIdOrError as accountId } from '../values/account';
import {
  type Instant,
  instantOrError as instant,
  parseInstantOrError as parseInstant,
} from '../values/instant';
import {
  type Percent,
  parsePercentOrError as parsePercent,
  percentOrError as percent,
} from '../values/percent';
import {
  CONTRACT_EVENT_TYPES,
  type CocreationContract,
  type CommissionRule,
  type ContractEvent,
  type ContractEventType,
  type TermsPatch,
} from './types';

/** What {@link commissionRule} reads: invitation terms on the wire, or built values. */
export interface CommissionRuleInput {
  /** Required: a decimal string or number as on the wire, or a {@link Percent}. */
  readonly percent: string | number | Percent;
  /** Absent or `null` for `'all-sales'`. */
  readonly appliesTo?: AppliesTo | null;
  /** An instant string, an {@link Instant} (code only), or `null`/absent for unlimited. */
  readonly endsAt?: string | Instant | null;
  /** Absent or `null` for `false`. */
  readonly mayAlsoSellAsAffiliate?: boolean | null;
}

/**
 * Amendment terms as code writes them (the `terms` of an `amendment-proposed` or `amended`
 * event given to `transition`): a patch; `endsAt: null` makes the term unlimited.
 */
export interface TermsPatchInput {
  /** The new percent; absent or `null` keeps the one in force. */
  readonly percent?: string | number | Percent | null;
  /** The new `appliesTo`; absent or `null` keeps the one in force. */
  readonly appliesTo?: AppliesTo | null;
  /** The new end: an instant, `null` for unlimited, absent to keep the one in force. */
  readonly endsAt?: string | Instant | null;
  /** The new permission; absent or `null` keeps the one in force. */
  readonly mayAlsoSellAsAffiliate?: boolean | null;
}

export type { CocreationContractInput } from '../model/shapes';

const CONTRACT_KEYS = keysOf(CONTRACT);
const EVENT_KEYS = keysOf(CONTRACT_EVENT);
const TERMS_KEYS = keysOf(TERMS_PATCH);

/**
 * How a reader treats instants: the wire has only strings; code may also pass an
 * {@link Instant} (epoch milliseconds), which JSON cannot produce by accident only if numbers
 * are refused on the wire.
 */
type Mode = 'wire' | 'code';

function readInstant(value: unknown, at: Path, issues: Issues, mode: Mode): Instant | undefined {
  if (mode === 'code' && typeof value === 'number') return collect(instant(value, at), issues);
  return collect(parseInstant(value, at), issues);
}

/** A percent as written (string or number), or a {@link Percent} built in code. */
function readPercent(value: unknown, at: Path, issues: Issues): Percent | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the value is never null or undefined here (optional and required read null as absent), and a primitive has no units: both roads reach parsePercent
  if (typeof value === 'object' && value !== null) {
    const units: unknown = (value as { units?: unknown }).units;
    const scale: unknown = (value as { scale?: unknown }).scale;
    if (typeof units === 'bigint' && typeof scale === 'number') {
      return collect(percent(units, scale, at), issues);
    }
  }
  return collect(parsePercent(value, at), issues);
}

function readAppliesTo(value: unknown, at: Path, issues: Issues): AppliesTo | undefined {
  return value === undefined ? undefined : collect(appliesTo(value, at), issues);
}

function readTerms(
  input: unknown,
  path: Path,
  issues: Issues,
  mode: Mode,
): CommissionRule | undefined {
  const fields = readObject(input, path, TERMS_KEYS, issues, 'a terms object');
  if (fields === undefined) return undefined;
  const before = issues.length;
  const rawPercent = required(fields, 'percent', path, issues);
  const p =
    rawPercent === undefined ? undefined : readPercent(rawPercent, [...path, 'percent'], issues);
  const applies = readAppliesTo(optional(fields, 'appliesTo'), [...path, 'appliesTo'], issues);
  const rawEnd = optional(fields, 'endsAt');
  const endsAt =
    rawEnd === undefined ? null : readInstant(rawEnd, [...path, 'endsAt'], issues, mode);
  const may = optional(fields, 'mayAlsoSellAsAffiliate');
  const mayAlso =
    may === undefined ? false : readBoolean(may, [...path, 'mayAlsoSellAsAffiliate'], issues);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: whenever a field is missing or unread an issue was reported, and every caller discards the terms when there is one
  if (issues.length > before || p === undefined || endsAt === undefined || mayAlso === undefined) {
    return undefined;
  }
  return Object.freeze({
    percent: p,
    appliesTo: applies ?? 'all-sales',
    endsAt,
    mayAlsoSellAsAffiliate: mayAlso,
  });
}

function readPatch(input: unknown, path: Path, issues: Issues, mode: Mode): TermsPatch | undefined {
  const fields = readObject(input, path, TERMS_KEYS, issues, 'a terms object');
  if (fields === undefined) return undefined;
  const before = issues.length;
  const patch: {
    percent?: Percent;
    appliesTo?: AppliesTo;
    endsAt?: Instant | null;
    mayAlsoSellAsAffiliate?: boolean;
  } = {};
  // A field that cannot be read is reported, and the patch is then dropped (below): its value
  // may be undefined here.
  const rawPercent = optional(fields, 'percent');
  if (rawPercent !== undefined) {
    patch.percent = readPercent(rawPercent, [...path, 'percent'], issues) as Percent;
  }
  const applies = readAppliesTo(optional(fields, 'appliesTo'), [...path, 'appliesTo'], issues);
  if (applies !== undefined) patch.appliesTo = applies;
  // In a patch, `endsAt: null` is a value: it makes the term unlimited.
  const rawEnd = raw(fields, 'endsAt');
  if (rawEnd === null) patch.endsAt = null;
  else if (rawEnd !== undefined) {
    patch.endsAt = readInstant(rawEnd, [...path, 'endsAt'], issues, mode) as Instant;
  }
  const may = optional(fields, 'mayAlsoSellAsAffiliate');
  if (may !== undefined) {
    const at = [...path, 'mayAlsoSellAsAffiliate'];
    patch.mayAlsoSellAsAffiliate = readBoolean(may, at, issues) as boolean;
  }
  if (issues.length > before) return undefined;
  if (Object.keys(patch).length === 0) {
    issues.push(
      domainError(
        'invalid_field',
        'amendment terms name at least one of percent, appliesTo, endsAt, mayAlsoSellAsAffiliate',
        path,
      ),
    );
    return undefined;
  }
  return Object.freeze(patch);
}

function isEventType(value: unknown): value is ContractEventType {
  return (
    // Stryker disable next-line ConditionalExpression: a value that is not a string is in no list of strings
    typeof value === 'string' && (CONTRACT_EVENT_TYPES as ReadonlyArray<string>).includes(value)
  );
}

function readEvent(
  input: unknown,
  path: Path,
  issues: Issues,
  mode: Mode,
): ContractEvent | undefined {
  const fields = readObject(input, path, EVENT_KEYS, issues, 'an event object');
  if (fields === undefined) return undefined;
  const before = issues.length;
  const rawType = required(fields, 'type', path, issues);
  let type: ContractEventType | undefined;
  if (isEventType(rawType)) type = rawType;
  else if (rawType !== undefined) {
    issues.push(
      domainError(
        'invalid_field',
        `unknown event type; expected one of ${CONTRACT_EVENT_TYPES.map((t) => `"${t}"`).join(', ')}`,
        [...path, 'type'],
      ),
    );
  }
  const rawAt = required(fields, 'at', path, issues);
  const at = rawAt === undefined ? undefined : readInstant(rawAt, [...path, 'at'], issues, mode);
  const rawBy = required(fields, 'by', path, issues);
  const by = rawBy === undefined ? undefined : collect(accountId(rawBy, [...path, 'by']), issues);
  const termsPath = [...path, 'terms'];
  let terms: CommissionRule | TermsPatch | undefined;
  if (type === 'invited' || type === 'amendment-proposed' || type === 'amended') {
    const rawTerms = required(fields, 'terms', path, issues);
    if (rawTerms !== undefined) {
      terms =
        type === 'invited'
          ? readTerms(rawTerms, termsPath, issues, mode)
          : readPatch(rawTerms, termsPath, issues, mode);
    }
  } else if (type !== undefined && optional(fields, 'terms') !== undefined) {
    issues.push(
      domainError(
        'invalid_field',
        'only invited, amendment-proposed and amended events carry terms',
        termsPath,
      ),
    );
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: whenever type, at or by is missing or unread an issue was reported, and every caller discards the event when there is one
  if (issues.length > before || type === undefined || at === undefined || by === undefined) {
    return undefined;
  }
  return Object.freeze(
    terms === undefined ? { type, at, by } : { type, at, by, terms },
  ) as ContractEvent;
}

/**
 * Contracts this module built or re-read: already checked, frozen, canonical. Shared with
 * `replayContract`, which keeps such a contract as it is; not part of the package.
 */
export const checked = new WeakSet<object>();

function readContract(
  input: unknown,
  path: Path,
  mode: Mode,
): Result<CocreationContract, DomainErrors> {
  const issues: Issues = [];
  const fields = readObject(input, path, CONTRACT_KEYS, issues, 'a contract object');
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const id = readId(required(fields, 'id', path, issues), [...path, 'id'], issues);
  const productId = readId(
    required(fields, 'productId', path, issues),
    [...path, 'productId'],
    issues,
  );
  const rawCocreator = required(fields, 'cocreator', path, issues);
  const cocreator =
    rawCocreator === undefined
      ? undefined
      : collect(accountId(rawCocreator, [...path, 'cocreator']), issues);
  const rawEvents = required(fields, 'events', path, issues);
  const events: ContractEvent[] = [];
  const eventsPath = [...path, 'events'];
  if (rawEvents !== undefined) {
    if (!Array.isArray(rawEvents)) {
      issues.push(domainError('invalid_field', 'expected an array of events', eventsPath));
    } else if (rawEvents.length === 0) {
      issues.push(
        domainError('invalid_field', 'a contract history has at least one event', eventsPath),
      );
    } else {
      dense(rawEvents).forEach((item: unknown, index) => {
        const event = readEvent(item, [...eventsPath, index], issues, mode);
        // Stryker disable next-line ConditionalExpression: an event is missing only when an issue was reported, and then the events are discarded
        if (event !== undefined) events.push(event);
      });
    }
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  const built: CocreationContract = Object.freeze({
    id: id as string,
    productId: productId as string,
    cocreator: cocreator as AccountId,
    events: Object.freeze(events),
  });
  checked.add(built);
  return ok(built);
}

/**
 * Checks the shape of a contract as on the wire (specification §8):
 * `{ id, productId, cocreator, events: [{ type, at, by, terms? }] }`. Checks types, keys,
 * the syntax of instants, percents and account ids, that only `invited`,
 * `amendment-proposed` and `amended` carry terms (invitation terms need `percent`, and
 * default to `appliesTo: 'all-sales'`, `endsAt: null`, `mayAlsoSellAsAffiliate: false`; a
 * patch names at least one field), and that the history is not empty. Order, state, actors
 * and the policy's rules are checked by `validateDomain`, `invite` and `transition`.
 *
 * @param input - a {@link CocreationContractInput}, from JSON or code
 * @param path - where the contract is in the input (default `[]`; the JSON document uses
 *   `['contracts', i]`)
 * @returns the frozen {@link CocreationContract}, or every shape problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract, formatPercent } from 'cocreation';
 *
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'Bia@Example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com', terms: null },
 *   ],
 * });
 * if (c.isErr()) throw new Error(c.error.map((e) => e.message).join('; '));
 * assert.equal(c.value.cocreator, 'bia@example.com');
 * const invited = c.value.events[0];
 * assert.equal(invited?.type === 'invited' && invited.terms.appliesTo, 'all-sales');
 * assert.equal(invited?.type === 'invited' && formatPercent(invited.terms.percent), '20');
 *
 * const bad = contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [] }, ['contracts', 0]);
 * if (bad.isOk()) throw new Error('expected an error');
 * assert.deepEqual(bad.error[0].path, ['contracts', 0, 'events']);
 * ```
 */
export function contract(
  input: unknown,
  path: Path = [],
): Result<CocreationContract, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    // Stryker disable next-line StringLiteral: only mode === 'code' is ever compared
    return readContract(input, at, 'wire');
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * Checks a contract value built in code (instants as {@link Instant}s, percents as
 * {@link Percent}s or decimal strings), as read back from storage: the same shape rules as
 * {@link contract}. Returns the value itself when the library built it; otherwise a frozen,
 * canonical copy.
 *
 * @param input - a {@link CocreationContract}-shaped value
 * @param path - where the contract is in the input (default `[]`)
 * @returns the frozen {@link CocreationContract}, or every shape problem found
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function checkContract(
  input: unknown,
  path: Path = [],
): Result<CocreationContract, DomainErrors> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a WeakSet has no primitive, so has() answers false for null and every primitive
  if (typeof input === 'object' && input !== null && checked.has(input)) {
    return ok(input as CocreationContract);
  }
  return readContract(input, path, 'code');
}

/**
 * Checks one event built in code (instants as {@link Instant}s or strings, percents as
 * {@link Percent}s or decimal strings): the shape rules of {@link contract} for one event.
 *
 * @param input - `{ type, at, by, terms? }`
 * @param path - where the event is in the input (default `[]`)
 * @returns the frozen {@link ContractEvent}, or every shape problem found
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function contractEvent(
  input: unknown,
  path: Path = [],
): Result<ContractEvent, DomainErrors> {
  const issues: Issues = [];
  const event = readEvent(input, path, issues, 'code');
  const problems = nonEmpty(issues);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: readEvent answers undefined exactly when it reported an issue
  if (problems !== undefined || event === undefined) {
    return err(
      problems ??
        (Object.freeze([domainError('invalid_field', 'bad event', path)]) as DomainErrors),
    );
  }
  return ok(event);
}

/**
 * Checks invitation terms (for code that builds an invitation): `percent` is required;
 * `appliesTo` defaults to `'all-sales'`, `endsAt` to `null` (unlimited) and
 * `mayAlsoSellAsAffiliate` to `false`. The policy's bounds are checked when the terms are used.
 *
 * @param input - a {@link CommissionRuleInput}
 * @param path - where the terms are in the input (default `[]`)
 * @returns the frozen {@link CommissionRule}, or every shape problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { commissionRule } from 'cocreation';
 *
 * const terms = commissionRule({ percent: '12.5', endsAt: '2027-01-01T00:00:00Z' });
 * if (terms.isErr()) throw new Error(terms.error.map((e) => e.message).join('; '));
 * assert.equal(terms.value.appliesTo, 'all-sales');
 * assert.equal(terms.value.mayAlsoSellAsAffiliate, false);
 *
 * const noPercent = commissionRule({});
 * if (noPercent.isOk()) throw new Error('expected an error');
 * assert.deepEqual(noPercent.error[0].path, ['percent']);
 * ```
 */
export function commissionRule(
  input: unknown,
  path: Path = [],
): Result<CommissionRule, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return readCommissionRule(input, at);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/** What {@link commissionRule} answers when reading its input does not throw (it catches what does). */
function readCommissionRule(input: unknown, path: Path = []): Result<CommissionRule, DomainErrors> {
  const issues: Issues = [];
  const terms = readTerms(input, path, issues, 'code');
  const problems = nonEmpty(issues);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: readTerms answers undefined exactly when it reported an issue
  if (problems !== undefined || terms === undefined) {
    return err(
      problems ??
        (Object.freeze([domainError('invalid_field', 'bad terms', path)]) as DomainErrors),
    );
  }
  return ok(terms);
}

/**
 * Checks amendment terms (a patch): every field is optional, `endsAt: null` makes the term
 * unlimited, and a patch that names no field is `invalid_field`.
 *
 * @param input - a {@link TermsPatchInput}
 * @param path - where the terms are in the input (default `[]`)
 * @returns the frozen {@link TermsPatch}, or every shape problem found
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function termsPatch(input: unknown, path: Path = []): Result<TermsPatch, DomainErrors> {
  const issues: Issues = [];
  const patch = readPatch(input, path, issues, 'code');
  const problems = nonEmpty(issues);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: readPatch answers undefined exactly when it reported an issue
  if (problems !== undefined || patch === undefined) {
    return err(
      problems ??
        (Object.freeze([domainError('invalid_field', 'bad terms', path)]) as DomainErrors),
    );
  }
  return ok(patch);
}
