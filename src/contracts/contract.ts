/**
 * Cocreation contracts (specification §3): an ordered history of events, and its state machine.
 *
 * A contract is stored as its history. {@link contract} checks the shape of a history;
 * {@link replayContract} runs the state machine over it against a policy and a product and,
 * when every event is allowed, returns the {@link ContractTimeline} that the queries
 * ({@link statusAt}, {@link isLive}, {@link covers}, {@link reservedPercentAt}, ...) read.
 * The rules across the contracts of one product live in `domain.ts`.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  frozenCopy,
  type Issues,
  nonEmpty,
  optional,
  raw,
  readBoolean,
  readId,
  readObject,
  required,
} from '../_internal/fields';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { type AppliesTo, appliesTo, appliesToSale } from '../model/commission';
import { checkCocreatorPercent, type Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { SaleAffiliate } from '../model/sale';
import { type AccountId, accountId } from '../values/account';
import { formatInstant, type Instant, instant, parseInstant } from '../values/instant';
import {
  comparePercent,
  isPercentInRange,
  isPercentValue,
  PERCENT_0,
  type Percent,
  parsePercent,
  percent,
} from '../values/percent';

/** The terms of a contract: what it pays, on which sales, until when. */
export interface ContractTerms {
  /** The cocreator's share of each covered sale's base, as written (`"20.00"` keeps two places). */
  readonly percent: Percent;
  /** Which sales pay the cocreator. */
  readonly appliesTo: AppliesTo;
  /** The term's end (exclusive), `null` for unlimited (H). */
  readonly endsAt: Instant | null;
  /** Whether the cocreator may also be the affiliate of a sale this contract covers (H). */
  readonly mayAlsoSellAsAffiliate: boolean;
}

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
      readonly terms: ContractTerms;
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
 * first. Store it as JSON with {@link contractToJson}; {@link contract} reads that back into
 * an equal contract.
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
  readonly terms: ContractTerms;
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
export const CONTRACT_EVENT_TYPES: ReadonlyArray<ContractEventType> = Object.freeze([
  'invited',
  'accepted',
  'declined',
  'withdrawn',
  'amendment-proposed',
  'amendment-approved',
  'amendment-declined',
  'amendment-withdrawn',
  'amended',
  'cancellation-requested',
  'cancellation-approved',
  'cancellation-rejected',
  'cancellation-withdrawn',
  'cancelled',
]);

// ---------------------------------------------------------------------------------------------
// Reading contracts (shape only)
// ---------------------------------------------------------------------------------------------

/** What {@link contractTerms} reads: invitation terms on the wire, or built values. */
export interface ContractTermsInput {
  /** Required: a decimal string or number as on the wire, or a {@link Percent}. */
  readonly percent: string | number | Percent;
  /** Absent or `null` for `'all-sales'`. */
  readonly appliesTo?: AppliesTo | null;
  /** An instant string, an {@link Instant} (code only), or `null`/absent for unlimited. */
  readonly endsAt?: string | Instant | null;
  /** Absent or `null` for `false`. */
  readonly mayAlsoSellAsAffiliate?: boolean | null;
}

/** What {@link termsPatch} reads: amendment terms; `endsAt: null` makes the term unlimited. */
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

/** What {@link contract} reads: the wire shape of specification §8. */
export interface CocreationContractInput {
  /** A non-empty string of at most 1000 characters, unique in a document. */
  readonly id: string;
  /** The product's id. */
  readonly productId: string;
  /** The invited account id. */
  readonly cocreator: string;
  /** The history, oldest first; at least one event, the first an `invited`. */
  readonly events: ReadonlyArray<{
    /** One of {@link CONTRACT_EVENT_TYPES}. */
    readonly type: ContractEventType;
    /** An instant string with an offset, e.g. `'2026-01-01T00:00:00Z'`. */
    readonly at: string;
    /** The account that made the event. */
    readonly by: string;
    /** Only on `invited`, `amendment-proposed` and `amended`; `null` means absent. */
    readonly terms?: ContractTermsInput | TermsPatchInput | null;
  }>;
}

const CONTRACT_KEYS = ['id', 'productId', 'cocreator', 'events'] as const;
const EVENT_KEYS = ['type', 'at', 'by', 'terms'] as const;
const TERMS_KEYS = ['percent', 'appliesTo', 'endsAt', 'mayAlsoSellAsAffiliate'] as const;

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
): ContractTerms | undefined {
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
  let terms: ContractTerms | TermsPatch | undefined;
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

/** Contracts this module built or re-read: already checked, frozen, canonical. */
const checked = new WeakSet<object>();

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
      rawEvents.forEach((item: unknown, index) => {
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
 * and the policy's rules are `validateDomain`'s (and {@link replayContract}'s).
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
 * })._unsafeUnwrap();
 * assert.equal(c.cocreator, 'bia@example.com');
 * const invited = c.events[0];
 * assert.equal(invited?.type === 'invited' && invited.terms.appliesTo, 'all-sales');
 * assert.equal(invited?.type === 'invited' && formatPercent(invited.terms.percent), '20');
 *
 * const bad = contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [] }, ['contracts', 0]);
 * assert.deepEqual(bad._unsafeUnwrapErr()[0].path, ['contracts', 0, 'events']);
 * ```
 */
export function contract(
  input: unknown,
  path: Path = [],
): Result<CocreationContract, DomainErrors> {
  // Stryker disable next-line StringLiteral: only mode === 'code' is ever compared
  return readContract(input, path, 'wire');
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
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { checkContract, instant, parsePercent } from 'cocreation';
 *
 * const at = instant(Date.UTC(2026, 0, 1))._unsafeUnwrap();
 * const stored = {
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [{ type: 'invited', at, by: 'ana@example.com',
 *     terms: { percent: parsePercent('20')._unsafeUnwrap(), appliesTo: 'all-sales', endsAt: null, mayAlsoSellAsAffiliate: false } }],
 * };
 * assert.equal(checkContract(stored)._unsafeUnwrap().events[0]?.at, at);
 * assert.equal(checkContract({ ...stored, events: [] }).isErr(), true);
 * ```
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
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contractEvent } from 'cocreation';
 *
 * const e = contractEvent({ type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'Bia@example.com' });
 * assert.equal(e._unsafeUnwrap().by, 'bia@example.com');
 * assert.deepEqual(contractEvent({ type: 'accepted', at: 'soon', by: 'bia' })._unsafeUnwrapErr()[0].path, ['at']);
 * ```
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
 * @param input - a {@link ContractTermsInput}
 * @param path - where the terms are in the input (default `[]`)
 * @returns the frozen {@link ContractTerms}, or every shape problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contractTerms } from 'cocreation';
 *
 * const terms = contractTerms({ percent: '12.5', endsAt: '2027-01-01T00:00:00Z' })._unsafeUnwrap();
 * assert.equal(terms.appliesTo, 'all-sales');
 * assert.equal(terms.mayAlsoSellAsAffiliate, false);
 * assert.deepEqual(contractTerms({})._unsafeUnwrapErr()[0].path, ['percent']);
 * ```
 */
export function contractTerms(
  input: unknown,
  path: Path = [],
): Result<ContractTerms, DomainErrors> {
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
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { termsPatch } from 'cocreation';
 *
 * assert.deepEqual(termsPatch({ endsAt: null })._unsafeUnwrap(), { endsAt: null });
 * assert.equal(termsPatch({})._unsafeUnwrapErr()[0].code, 'invalid_field');
 * ```
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

/**
 * Applies a patch to the terms in force: an omitted field keeps its value.
 *
 * @param terms - the terms in force
 * @param patch - the amendment
 * @returns the new terms, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { applyPatch, contractTerms, formatPercent, termsPatch } from 'cocreation';
 *
 * const before = contractTerms({ percent: '20', endsAt: '2027-01-01T00:00:00Z' })._unsafeUnwrap();
 * const after = applyPatch(before, termsPatch({ percent: '25', endsAt: null })._unsafeUnwrap());
 * assert.equal(formatPercent(after.percent), '25');
 * assert.equal(after.endsAt, null);
 * assert.equal(after.appliesTo, 'all-sales');
 * ```
 */
export function applyPatch(terms: ContractTerms, patch: TermsPatch): ContractTerms {
  return Object.freeze({
    percent: patch.percent ?? terms.percent,
    appliesTo: patch.appliesTo ?? terms.appliesTo,
    endsAt: patch.endsAt === undefined ? terms.endsAt : patch.endsAt,
    mayAlsoSellAsAffiliate: patch.mayAlsoSellAsAffiliate ?? terms.mayAlsoSellAsAffiliate,
  });
}

// ---------------------------------------------------------------------------------------------
// The state machine
// ---------------------------------------------------------------------------------------------

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
 * @param c - the contract (from {@link contract} or {@link checkContract})
 * @param rules - the policy
 * @param p - the product
 * @param path - where the contract is in the input (default `[]`)
 * @returns the frozen {@link ContractTimeline}, or the contract's problems (`invalid_field` at
 *   `path` for arguments that are not a contract, policy and product built by this library)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'ana@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const replayed = replayContract(c, POLICIES.hotmart, course, ['contracts', 0]);
 * assert.deepEqual(
 *   replayed._unsafeUnwrapErr().map((e) => [e.code, e.path]),
 *   [['not_authorized', ['contracts', 0, 'events', 1, 'by']]],
 * );
 * ```
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

// ---------------------------------------------------------------------------------------------
// Queries over a replayed contract
// ---------------------------------------------------------------------------------------------

/**
 * The terms in force at `t`: those of the last period starting at or before `t`
 * (binary search), or `null` before the invitation.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the terms in force, or `null` when `t` is before the invitation
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, formatPercent, parseInstant, product, replayContract, termsAt } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '25' } },
 *     { type: 'amendment-approved', at: '2026-02-03T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(formatPercent(termsAt(timeline, at('2026-02-02T00:00:00Z'))!.percent), '20');
 * assert.equal(formatPercent(termsAt(timeline, at('2026-02-03T00:00:00Z'))!.percent), '25');
 * assert.equal(termsAt(timeline, at('2025-12-31T00:00:00Z')), null);
 * ```
 */
export function termsAt(timeline: ContractTimeline, t: Instant): ContractTerms | null {
  const periods = timeline.terms;
  let lo = 0;
  let hi = periods.length - 1;
  let found: ContractTerms | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const period = periods[mid] as TermsPeriod;
    if (period.from <= t) {
      found = period.terms;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The terms under which the contract covers a sale at `t` (specification §3: accepted at or
 * before `t`, not ended at or before `t`, `t` before the `endsAt` in force), else `null`.
 * Intervals are half-open: a sale exactly at the end is not covered.
 *
 * @param timeline - a replayed contract
 * @param t - the sale's instant
 * @returns the terms in force when covered, else `null`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, coveringTerms, parseInstant, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', endsAt: '2026-07-01T00:00:00Z' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(coveringTerms(timeline, at('2026-01-01T12:00:00Z')), null);
 * assert.notEqual(coveringTerms(timeline, at('2026-01-02T00:00:00Z')), null);
 * assert.equal(coveringTerms(timeline, at('2026-07-01T00:00:00Z')), null);
 * ```
 */
export function coveringTerms(timeline: ContractTimeline, t: Instant): ContractTerms | null {
  if (timeline.acceptedAt === null || t < timeline.acceptedAt) return null;
  if (timeline.endedAt !== null && t >= timeline.endedAt) return null;
  // Accepted and not ended: the terms in force exist (the invitation's at least), and t is
  // before their endsAt, since reaching it ends the contract (endedAt is at or before it).
  return termsAt(timeline, t);
}

/** What coverage needs to know of a sale. */
export interface SaleRef {
  /** The product sold. */
  readonly productId: string;
  /** The sale's instant. */
  readonly at: Instant;
}

/**
 * Tells whether the contract covers a sale (specification §3): the sale is of the contract's
 * product, and the contract was accepted at or before the sale, has not ended at or before
 * it, and the `endsAt` in force is after it. Whether `appliesTo` matches the sale is a
 * separate question ({@link commissionTerms}).
 *
 * @param timeline - a replayed contract
 * @param sale - the sale (its `productId` and `at`)
 * @returns `true` when covered
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, covers, parseInstant, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = parseInstant('2026-03-01T12:00:00Z')._unsafeUnwrap();
 * assert.equal(covers(timeline, { productId: 'p1', at }), true);
 * assert.equal(covers(timeline, { productId: 'p2', at }), false);
 * ```
 */
export function covers(timeline: ContractTimeline, sale: SaleRef): boolean {
  return (
    sale.productId === timeline.contract.productId && coveringTerms(timeline, sale.at) !== null
  );
}

/**
 * The terms under which the contract pays its cocreator on a sale: it covers the sale and
 * its `appliesTo` matches the sale (specification §§3 and 5, step 6); else `null`.
 *
 * @param timeline - a replayed contract
 * @param sale - the sale (its `productId`, `at` and `affiliate`)
 * @returns the terms in force, or `null` when the contract pays nothing on this sale
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, accountId, commissionTerms, contract, parseInstant, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', appliesTo: 'direct-sales' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = parseInstant('2026-03-01T12:00:00Z')._unsafeUnwrap();
 * const leo = accountId('leo@example.com')._unsafeUnwrap();
 * assert.notEqual(commissionTerms(timeline, { productId: 'p1', at, affiliate: null }), null);
 * const viaAffiliate = { productId: 'p1', at, affiliate: { account: leo, percent: null, managedBy: null } };
 * assert.equal(commissionTerms(timeline, viaAffiliate), null);
 * ```
 */
export function commissionTerms(
  timeline: ContractTimeline,
  sale: SaleRef & { readonly affiliate: SaleAffiliate | null },
): ContractTerms | null {
  if (sale.productId !== timeline.contract.productId) return null;
  const terms = coveringTerms(timeline, sale.at);
  if (terms === null) return null;
  return appliesToSale(terms.appliesTo, timeline.contract.cocreator, sale) ? terms : null;
}

/**
 * Tells whether the contract is live at `t` (specification §3): invited at or before `t`, not
 * ended at or before `t`, and the `endsAt` in force after `t`. A pending invitation is live:
 * it reserves its percent.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns `true` when live
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, isLive, parseInstant, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'withdrawn', at: '2026-01-05T00:00:00Z', by: 'ana@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(isLive(timeline, at('2026-01-01T00:00:00Z')), true);
 * assert.equal(isLive(timeline, at('2026-01-05T00:00:00Z')), false);
 * ```
 */
export function isLive(timeline: ContractTimeline, t: Instant): boolean {
  // Stryker disable next-line ConditionalExpression: before the invitation termsAt answers null, which the last line reads as not live
  if (t < timeline.invitedAt) return false;
  if (timeline.endedAt !== null && t >= timeline.endedAt) return false;
  const terms = termsAt(timeline, t);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: after the guards above the terms in force exist and end after t (reaching an endsAt ends the contract there)
  return terms !== null && (terms.endsAt === null || t < terms.endsAt);
}

/**
 * The amendment awaiting the cocreator's answer at `t` (state after every event at or
 * before `t`), or `null`.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the pending proposal, or `null`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, parseInstant, pendingAmendmentAt, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '30' } },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(pendingAmendmentAt(timeline, at('2026-01-31T00:00:00Z')), null);
 * assert.equal(pendingAmendmentAt(timeline, at('2026-02-01T00:00:00Z'))?.outcome, null);
 * ```
 */
export function pendingAmendmentAt(timeline: ContractTimeline, t: Instant): AmendmentRecord | null {
  if (!isLive(timeline, t)) return null;
  for (const record of timeline.amendments) {
    if (record.proposedAt <= t && (record.resolvedAt === null || t < record.resolvedAt)) {
      return record;
    }
  }
  return null;
}

/**
 * The cancellation request awaiting the other party at `t`, or `null`.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the pending request, or `null`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, parseInstant, pendingCancellationAt, product, replayContract } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'cancellation-requested', at: '2026-02-01T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const t = parseInstant('2026-03-01T00:00:00Z')._unsafeUnwrap();
 * assert.equal(pendingCancellationAt(timeline, t)?.requestedBy, 'bia@example.com');
 * ```
 */
export function pendingCancellationAt(
  timeline: ContractTimeline,
  t: Instant,
): CancellationRequestRecord | null {
  if (!isLive(timeline, t)) return null;
  for (const record of timeline.cancellationRequests) {
    if (record.requestedAt <= t && (record.resolvedAt === null || t < record.resolvedAt)) {
      return record;
    }
  }
  return null;
}

/**
 * The status of the contract at `t`: the state after every event at or before `t`, with
 * expiry applied (specification §3).
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the {@link ContractStatus}, or `null` before the invitation
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, parseInstant, product, replayContract, statusAt } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', endsAt: '2027-01-01T00:00:00Z' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(statusAt(timeline, at('2025-12-31T00:00:00Z')), null);
 * assert.equal(statusAt(timeline, at('2026-01-01T00:00:00Z')), 'pending');
 * assert.equal(statusAt(timeline, at('2026-06-01T00:00:00Z')), 'active');
 * assert.equal(statusAt(timeline, at('2027-01-01T00:00:00Z')), 'expired');
 * ```
 */
export function statusAt(timeline: ContractTimeline, t: Instant): ContractStatus | null {
  if (t < timeline.invitedAt) return null;
  // Stryker disable next-line StringLiteral: a replayed timeline with an end always has its reason
  if (timeline.endedAt !== null && t >= timeline.endedAt) return timeline.endReason ?? 'expired';
  if (timeline.acceptedAt === null || t < timeline.acceptedAt) return 'pending';
  return pendingCancellationAt(timeline, t) === null ? 'active' : 'cancellation-pending';
}

/**
 * The percent the contract reserves at `t` against the retention floor (specification §3):
 * the larger of the percent in force and that of a pending amendment while live, else 0.
 *
 * @param timeline - a replayed contract
 * @param t - the instant asked about
 * @returns the reserved percent (`0` when not live)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, formatPercent, parseInstant, product, replayContract, reservedPercentAt } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amendment-proposed', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '30' } },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.hotmart, course)._unsafeUnwrap();
 * const at = (s: string) => parseInstant(s)._unsafeUnwrap();
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2026-01-15T00:00:00Z'))), '20');
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2026-02-15T00:00:00Z'))), '30');
 * assert.equal(formatPercent(reservedPercentAt(timeline, at('2025-01-01T00:00:00Z'))), '0');
 * ```
 */
export function reservedPercentAt(timeline: ContractTimeline, t: Instant): Percent {
  if (!isLive(timeline, t)) return PERCENT_0;
  const inForce = (termsAt(timeline, t) as ContractTerms).percent;
  const proposed = pendingAmendmentAt(timeline, t)?.terms.percent;
  return proposed !== undefined && comparePercent(proposed, inForce) > 0 ? proposed : inForce;
}

/** One period of {@link termsHistory}: terms in force on `[from, until)`. */
export interface TermsHistoryEntry {
  /** When these terms took effect (inclusive). */
  readonly from: Instant;
  /** Exclusive; `null` while open-ended. */
  readonly until: Instant | null;
  /** The complete terms in force on the interval. */
  readonly terms: ContractTerms;
}

/**
 * The history of the contract's terms: each set of terms with the half-open interval it was
 * in force, from the invitation to the end (a set of terms replaced at the instant it was
 * introduced is left out, as it was never in force). The last period ends at the contract's
 * end (event or expiry), or is open-ended.
 *
 * @param timeline - a replayed contract
 * @returns the periods in time order, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, formatInstant, formatPercent, product, replayContract, termsHistory } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
 * const c = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *     { type: 'amended', at: '2026-02-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '10' } },
 *     { type: 'cancelled', at: '2026-03-01T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const timeline = replayContract(c, POLICIES.gumroad, course)._unsafeUnwrap();
 * assert.deepEqual(
 *   termsHistory(timeline).map((h) => [formatPercent(h.terms.percent), formatInstant(h.from), h.until && formatInstant(h.until)]),
 *   [
 *     ['20', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
 *     ['10', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
 *   ],
 * );
 * ```
 */
export function termsHistory(timeline: ContractTimeline): ReadonlyArray<TermsHistoryEntry> {
  const entries: TermsHistoryEntry[] = [];
  const periods = timeline.terms;
  periods.forEach((period, index) => {
    const next = periods[index + 1];
    // A set of terms starts only while the contract is active, so the next one (if any)
    // starts before the end: the end bounds only the last set.
    const until: Instant | null = next === undefined ? timeline.endedAt : next.from;
    if (until !== null && until <= period.from) return;
    entries.push(Object.freeze({ from: period.from, until, terms: period.terms }));
  });
  return Object.freeze(entries);
}
