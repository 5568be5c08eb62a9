/**
 * Ledgers: totals of settlement and reversal lines per currency, period, role and account, and
 * how a ledger is built from the records it counts (the one constructor every other goes
 * through: entries.ts reads settlements and reversals, combine.ts unites two ledgers).
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
import type { Reversal, Role, Settlement } from '../settle/settlement';
import type { AccountId } from '../values/account';
import type { Brand } from '../values/brand';
import type { CurrencyCode } from '../values/currency';
import { compareIds, compareRows } from './order';

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

/**
 * A frozen copy of a record, holding only a record's fields.
 *
 * @internal
 */
export function freezeRecord(r: LedgerRecord): LedgerRecord {
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
