/**
 * Ledgers: totals of settlement and reversal lines per currency, period, role and account.
 *
 * A ledger remembers every entry it counted, by id (a settlement by its sale id, a reversal by
 * its sale id and refund id) with the lines it counted for it. Combining two ledgers is the
 * union of their entries, so {@link combineLedgers} is associative, commutative and
 * idempotent per entry, with {@link EMPTY_LEDGER} as identity: totals can be computed over
 * partitions of the sales in parallel, with the same entry delivered to two partitions, and
 * merged in any order with the same result. The same id with other lines is a conflict: both
 * versions are kept in `conflicts` and neither is counted. Everything is plain data (arrays,
 * plain objects, strings, bigints), so a ledger survives `structuredClone` and
 * `postMessage`; {@link ledgerToJson} prints it for storage. Rows, entries and conflicts are
 * kept in one canonical order, so equal ledgers are equal values.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { Reversal, Role, Settlement } from '../settle/settlement';
import type { AccountId } from '../values/account';
import type { Brand } from '../values/brand';
import { type CurrencyCode, currency } from '../values/currency';
import { formatPercent, isPercentValue } from '../values/percent';

/** What a ledger sums: settlements (credits) and reversals (debits). */
export type LedgerEntry = Settlement | Reversal;

/** The totals of one (currency, period, role, account). */
export interface LedgerRow {
  /** The currency of every amount in the row. */
  readonly currency: CurrencyCode;
  /** The caller's period (e.g. `"2026-03"`), `null` when the ledger has no periods. */
  readonly period: string | null;
  /** The role the lines were paid in; one account in two roles has two rows. */
  readonly role: Role;
  /** `null` for the platform. */
  readonly account: AccountId | null;
  /** The sum of the settlement lines, minor units (≥ 0). */
  readonly settled: bigint;
  /** The sum of the reversal lines, minor units (≤ 0). */
  readonly reversed: bigint;
  /** `settled + reversed`: what the party keeps. */
  readonly net: bigint;
  /** How many settlement lines were summed. */
  readonly settlementLines: number;
  /** How many reversal lines were summed. */
  readonly reversalLines: number;
}

/** One line as a ledger counts it: who, in which role, under which terms, how much. */
export interface LedgerLine {
  /** The line's role. */
  readonly role: Role;
  /** `null` for the platform. */
  readonly account: AccountId | null;
  /** The contract that pays a cocreator line, else `null`. */
  readonly contractId: string | null;
  /** The percent of an affiliate or cocreator line in shortest form (`"20"`), else `null`. */
  readonly percent: string | null;
  /** Minor units: ≥ 0 on a settlement, ≤ 0 on a reversal. */
  readonly amount: bigint;
}

/**
 * One entry as a ledger counts it. Its id is `saleId` for a settlement and
 * (`saleId`, `refundId`) for a reversal; two records with the same id are the same entry
 * when everything else is equal too (currency, period, every line), and a conflict otherwise.
 */
export interface LedgerRecord {
  /** `'settlement'` (a credit) or `'reversal'` (a debit). */
  readonly kind: 'settlement' | 'reversal';
  /** The sale's id (for a reversal: the refunded sale's). */
  readonly saleId: string;
  /** The refund's id for a reversal, `null` for a settlement. */
  readonly refundId: string | null;
  /** The entry's currency code. */
  readonly currency: CurrencyCode;
  /** The period the entry was counted in, `null` without periods. */
  readonly period: string | null;
  /** The entry's lines, in the entry's order. */
  readonly lines: ReadonlyArray<LedgerLine>;
}

/** Two or more different records with one id: none of them is counted in the rows. */
export interface LedgerConflict {
  /** The records' kind. */
  readonly kind: 'settlement' | 'reversal';
  /** The records' sale id. */
  readonly saleId: string;
  /** The records' refund id (`null` for settlements). */
  readonly refundId: string | null;
  /** Every different record seen with this id (at least two), in canonical order. */
  readonly versions: ReadonlyArray<LedgerRecord>;
}

/** Totals per currency, period, role and account; build with {@link ledgerOf}. Frozen. */
export type Ledger = {
  /** One row per key, in canonical order: currency, period, role, account. */
  readonly rows: ReadonlyArray<LedgerRow>;
  /**
   * The entries counted in the rows, one per id, ordered by sale id, then settlement before
   * reversals, then refund id.
   */
  readonly entries: ReadonlyArray<LedgerRecord>;
  /** The ids seen with different lines, in the same order; never counted in the rows. */
  readonly conflicts: ReadonlyArray<LedgerConflict>;
} & Brand<'Ledger'>;

/** How to build a ledger. */
export interface LedgerOptions {
  /**
   * The period an entry is counted in (e.g. its month, from `entry.at`). Without it the
   * ledger has no periods. If it throws, {@link ledgerOf} returns `invalid_field` at the
   * entry's index instead of throwing.
   */
  readonly period?: (entry: LedgerEntry) => string;
}

/** Sums of amounts. */
export interface LedgerAmounts {
  /** The sum of the matching rows' `settled`, minor units (≥ 0). */
  readonly settled: bigint;
  /** The sum of the matching rows' `reversed`, minor units (≤ 0). */
  readonly reversed: bigint;
  /** `settled + reversed`. */
  readonly net: bigint;
}

/** Which rows {@link ledgerTotal} sums; an omitted field matches every value. */
export interface LedgerQuery {
  /** The currency code; required, since amounts of different currencies never add up. */
  readonly currency: string;
  /** The period to sum (`null` for a ledger without periods). */
  readonly period?: string | null;
  /** The role to sum. */
  readonly role?: Role;
  /** The account to sum (`null` for the platform). */
  readonly account?: AccountId | null;
}

/**
 * The empty ledger: the identity of {@link combineLedgers}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EMPTY_LEDGER } from 'cocreation';
 *
 * assert.deepEqual(EMPTY_LEDGER.rows, []);
 * assert.deepEqual(EMPTY_LEDGER.entries, []);
 * assert.deepEqual(EMPTY_LEDGER.conflicts, []);
 * ```
 */
export const EMPTY_LEDGER: Ledger = Object.freeze({
  rows: Object.freeze([]),
  entries: Object.freeze([]),
  conflicts: Object.freeze([]),
}) as unknown as Ledger;

/**
 * The empty ledger, as a function for callers that fold.
 *
 * @returns {@link EMPTY_LEDGER}
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function emptyLedger(): Ledger {
  return EMPTY_LEDGER;
}

const ROLE_ORDER: Readonly<Record<Role, number>> = Object.freeze({
  platform: 0,
  affiliate: 1,
  cocreator: 2,
  'main-creator': 3,
});

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  // Stryker disable next-line EqualityOperator: a and b are different here, so < and <= agree
  return a < b ? -1 : 1;
}

/**
 * The canonical order of rows: currency, period (none first), role, account (none first).
 * Not part of the package API: the bulk path (payouts.ts) sorts its rows with it.
 *
 * @internal
 */
export function compareRows(a: LedgerRow, b: LedgerRow): number {
  // Stryker disable next-line EqualityOperator: the currencies are different here, so < and <= agree
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  const byPeriod = compareNullable(a.period, b.period);
  if (byPeriod !== 0) return byPeriod;
  if (a.role !== b.role) return ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
  return compareNullable(a.account, b.account);
}

/** The canonical order of ids: sale id, then the settlement before its reversals, refund id. */
function compareIds(a: LedgerRecord | LedgerConflict, b: LedgerRecord | LedgerConflict): number {
  const bySale = compareNullable(a.saleId, b.saleId);
  if (bySale !== 0) return bySale;
  return compareNullable(a.refundId, b.refundId);
}

/** An exact, injective key of a record's id (no hashing: different ids never share one). */
function idKey(r: LedgerRecord): string {
  // A settlement's key is its sale id after a letter a reversal's key never starts with.
  return r.refundId === null ? `s${r.saleId}` : JSON.stringify([r.saleId, r.refundId]);
}

/**
 * An exact, injective key of everything a record says (its id included): two records are the
 * same entry exactly when their fingerprints are equal strings.
 */
function fingerprint(r: LedgerRecord): string {
  return JSON.stringify([
    r.saleId,
    r.refundId,
    r.currency,
    r.period,
    r.lines.map((l) => [l.role, l.account, l.contractId, l.percent, String(l.amount)]),
  ]);
}

function freezeRecord(r: LedgerRecord): LedgerRecord {
  return Object.freeze({
    kind: r.kind,
    saleId: r.saleId,
    refundId: r.refundId,
    currency: r.currency,
    period: r.period,
    lines: Object.freeze(
      r.lines.map((l) =>
        Object.freeze({
          role: l.role,
          account: l.account,
          contractId: l.contractId,
          percent: l.percent,
          amount: l.amount,
        }),
      ),
    ),
  });
}

function rowsOf(entries: ReadonlyArray<LedgerRecord>): LedgerRow[] {
  // Mutable sums while adding, frozen rows at the end.
  const byKey = new Map<string, { -readonly [K in keyof LedgerRow]: LedgerRow[K] }>();
  for (const entry of entries) {
    const reversal = entry.kind === 'reversal';
    for (const line of entry.lines) {
      const key = JSON.stringify([entry.currency, entry.period, line.role, line.account]);
      let row = byKey.get(key);
      if (row === undefined) {
        row = {
          currency: entry.currency,
          period: entry.period,
          role: line.role,
          account: line.account,
          settled: 0n,
          reversed: 0n,
          net: 0n,
          settlementLines: 0,
          reversalLines: 0,
        };
        byKey.set(key, row);
      }
      if (reversal) {
        row.reversed += line.amount;
        row.reversalLines += 1;
      } else {
        row.settled += line.amount;
        row.settlementLines += 1;
      }
      row.net += line.amount;
    }
  }
  return [...byKey.values()].map((row) => Object.freeze(row)).sort(compareRows);
}

/**
 * The ledger of a set of records: one version per id is an entry, several different versions
 * are a conflict. It depends only on the set of records (not on their order, nor on how often
 * each occurs), which is what makes combining associative, commutative and idempotent.
 * Internal: {@link ledgerOf}, {@link combineLedgers} and the JSON reader build through it.
 */
export function ledgerOfRecords(records: Iterable<LedgerRecord>): Ledger {
  // The first record of each id; its other versions by fingerprint, once a second one came.
  const byId = new Map<string, { first: LedgerRecord; versions?: Map<string, LedgerRecord> }>();
  for (const record of records) {
    const id = idKey(record);
    const seen = byId.get(id);
    if (seen === undefined) {
      byId.set(id, { first: record });
      continue;
    }
    if (seen.versions === undefined) {
      seen.versions = new Map([[fingerprint(seen.first), seen.first]]);
    }
    const print = fingerprint(record);
    if (!seen.versions.has(print)) seen.versions.set(print, record);
  }
  const entries: LedgerRecord[] = [];
  const conflicts: LedgerConflict[] = [];
  for (const { first, versions } of byId.values()) {
    if (versions === undefined || versions.size === 1) {
      // A record this module built is frozen already; any other is copied and frozen.
      entries.push(Object.isFrozen(first) ? first : freezeRecord(first));
      continue;
    }
    const sorted = [...versions.entries()]
      // Stryker disable next-line EqualityOperator: fingerprints of one id are different, so < and <= agree
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, record]) => freezeRecord(record));
    conflicts.push(
      Object.freeze({
        kind: first.kind,
        saleId: first.saleId,
        refundId: first.refundId,
        versions: Object.freeze(sorted),
      }),
    );
  }
  entries.sort(compareIds);
  conflicts.sort(compareIds);
  return Object.freeze({
    rows: Object.freeze(rowsOf(entries)),
    entries: Object.freeze(entries),
    conflicts: Object.freeze(conflicts),
  }) as unknown as Ledger;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The record of a settlement or reversal, or the problem with it (read by content only). */
function recordOf(entry: unknown, path: Path): LedgerRecord | DomainError {
  const bad = domainError('invalid_field', 'expected a settlement or a reversal', path);
  if (typeof entry !== 'object' || entry === null) return bad;
  const e = entry as Partial<Record<string, unknown>>;
  const reversal = 'refundId' in e;
  const code = (e.currency as { code?: unknown } | null | undefined)?.code;
  if (
    !isId(e.saleId) ||
    (reversal && !isId(e.refundId)) ||
    currency(code).isErr() ||
    !Array.isArray(e.lines)
  ) {
    return bad;
  }
  const lines: LedgerLine[] = [];
  for (const [i, line] of (e.lines as unknown[]).entries()) {
    if (typeof line !== 'object' || line === null) return bad;
    const badLine = domainError('invalid_field', 'expected a settlement or reversal line', [
      ...path,
      'lines',
      i,
    ]);
    const l = line as Partial<Record<string, unknown>>;
    const role = l.role;
    if (
      typeof l.amount !== 'bigint' ||
      typeof role !== 'string' ||
      !Object.hasOwn(ROLE_ORDER, role) ||
      (role === 'platform' ? l.account !== null : typeof l.account !== 'string') ||
      (role === 'cocreator' && !isId(l.contractId)) ||
      ((role === 'cocreator' || role === 'affiliate') && !isPercentValue(l.percent))
    ) {
      return badLine;
    }
    lines.push({
      role: role as Role,
      account: l.account as AccountId | null,
      contractId: role === 'cocreator' ? (l.contractId as string) : null,
      percent:
        role === 'cocreator' || role === 'affiliate' ? formatPercent(l.percent as never) : null,
      amount: l.amount,
    });
  }
  return {
    kind: reversal ? 'reversal' : 'settlement',
    saleId: e.saleId,
    refundId: reversal ? (e.refundId as string) : null,
    currency: code as CurrencyCode,
    period: null,
    lines,
  };
}

/**
 * {@link ledgerOf} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function ledgerOfOrError(
  entries: ReadonlyArray<LedgerEntry>,
  options: LedgerOptions = {},
): Result<Ledger, DomainError> {
  if (!Array.isArray(entries)) {
    return err(domainError('invalid_field', 'expected a list of settlements and reversals', []));
  }
  const period = options?.period;
  if (period !== undefined && typeof period !== 'function') {
    return err(domainError('invalid_field', 'the period option must be a function', ['period']));
  }
  const records: LedgerRecord[] = [];
  for (const [i, entry] of (entries as ReadonlyArray<LedgerEntry>).entries()) {
    const record = recordOf(entry, [i]);
    if ('code' in record) return err(record);
    let p: unknown = null;
    if (period !== undefined) {
      try {
        p = period(entry);
      } catch {
        // The caller's function, not ours: its failure is reported, never rethrown.
        return err(domainError('invalid_field', 'the period function threw on this entry', [i]));
      }
    }
    if (p !== null && typeof p !== 'string') {
      return err(domainError('invalid_field', 'the period of an entry must be a string', [i]));
    }
    records.push(freezeRecord({ ...record, period: p }));
  }
  return ok(ledgerOfRecords(records));
}

/**
 * Sums settlements and reversals into a ledger: one row per currency, period, role and
 * account, with the settled (credit) and reversed (debit) sums and their net. Each entry is
 * counted once however often it occurs (a settlement is known by its sale id, a reversal by
 * its sale id and refund id); the same id with other lines (or in another currency or
 * period) is a conflict, listed in `conflicts` and not counted.
 *
 * @param entries - settlements and reversals, in any order
 * @param options - `period`, to total per period of the caller's choosing
 * @returns the frozen {@link Ledger}, or `invalid_field` at `[i]` for an entry that is not a
 *   settlement or reversal (or whose period is not a string, or on which `period` throws)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ledgerOf, ledgerTotal, policy, product, sale, settleSale } from 'cocreation';
 *
 * const settle = (id: string, amount: string) =>
 *   settleSale(
 *     policy('hotmart')._unsafeUnwrap(),
 *     product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *     [],
 *     sale({
 *       id,
 *       productId: 'p1',
 *       at: '2026-03-01T12:00:00Z',
 *       price: { amount, currency: 'USD' },
 *     })._unsafeUnwrap(),
 *   )._unsafeUnwrap();
 * const s1 = settle('s1', '10.00');
 * // s1 delivered twice is counted once.
 * const ledger = ledgerOf([s1, settle('s2', '5.00'), s1])._unsafeUnwrap();
 * assert.equal(ledgerTotal(ledger, { currency: 'USD', account: 'ana@example.com' }).net, 1500n);
 * // s1 again with another price is a conflict: neither version is counted.
 * const clash = ledgerOf([s1, settle('s1', '12.00')])._unsafeUnwrap();
 * assert.equal(clash.conflicts[0]?.saleId, 's1');
 * assert.deepEqual(clash.rows, []);
 * ```
 */
export function ledgerOf(
  entries: ReadonlyArray<LedgerEntry>,
  options: LedgerOptions = {},
): Result<Ledger, DomainErrors> {
  return ledgerOfOrError(entries, options).mapErr(asErrorList);
}

/**
 * Combines two ledgers: the union of their entries, each counted once. Associative,
 * commutative and idempotent per entry (an entry in both is counted once; `combineLedgers(x,
 * x)` equals `x`), with {@link EMPTY_LEDGER} as identity: `ledgerOf(a.concat(b))` equals
 * `combineLedgers(ledgerOf(a), ledgerOf(b))`. An id with different records in the two (other
 * lines, currency or period) becomes a conflict and is counted in neither.
 *
 * @param a - a ledger (a structured clone of one is as good)
 * @param b - another ledger, built with the same kind of periods
 * @returns the frozen combined {@link Ledger}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { combineLedgers, ledgerOf, ledgerTotal } from 'cocreation';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const settled = settleDocument(
 *   parseDocument({
 *     product: { id: 'p1', mainCreator: 'ana@example.com' },
 *     contracts: [],
 *     sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *             price: { amount: '10.00', currency: 'USD' } },
 *   })._unsafeUnwrap(),
 * )._unsafeUnwrap().settlement;
 * // The same sale delivered to two partitions is counted once when they are combined.
 * const left = ledgerOf([settled])._unsafeUnwrap();
 * const right = structuredClone(left);
 * const both = combineLedgers(left, right);
 * assert.equal(ledgerTotal(both, { currency: 'USD' }).net, 1000n);
 * assert.deepEqual(both, left);
 * ```
 */
export function combineLedgers(a: Ledger, b: Ledger): Ledger {
  return ledgerOfRecords(recordsOf(a).concat(recordsOf(b)));
}

/** Every record a ledger holds: its entries and the versions of its conflicts. */
function recordsOf(ledger: Ledger): LedgerRecord[] {
  return [...ledger.entries, ...ledger.conflicts.flatMap((c) => c.versions)];
}

/**
 * Sums the rows of a ledger that match a query: one currency, and optionally one period,
 * role and account (an omitted field matches every value; `null` matches the platform's
 * account or the ledger without periods). The versions of a conflict are in no row: check
 * `ledger.conflicts` before paying from the totals.
 *
 * @param ledger - the ledger
 * @param query - the currency code, and optionally `period`, `role`, `account`
 * @returns the settled, reversed and net sums (all `0n` when nothing matches)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EMPTY_LEDGER, ledgerTotal } from 'cocreation';
 *
 * assert.deepEqual(ledgerTotal(EMPTY_LEDGER, { currency: 'BRL', role: 'platform' }), {
 *   settled: 0n,
 *   reversed: 0n,
 *   net: 0n,
 * });
 * ```
 */
export function ledgerTotal(ledger: Ledger, query: LedgerQuery): LedgerAmounts {
  let settled = 0n;
  let reversed = 0n;
  for (const row of ledger.rows) {
    if (row.currency !== query.currency) continue;
    if (query.period !== undefined && row.period !== query.period) continue;
    if (query.role !== undefined && row.role !== query.role) continue;
    if (query.account !== undefined && row.account !== query.account) continue;
    settled += row.settled;
    reversed += row.reversed;
  }
  return Object.freeze({ settled, reversed, net: settled + reversed });
}
