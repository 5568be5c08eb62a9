/**
 * Reading settlements and reversals into a ledger ({@link ledgerOf}): each entry is read by
 * its content into a record, with the caller's period, and the records make the ledger.
 */

import { err, ok, type Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { Role } from '../settle/settlement';
import type { AccountId } from '../values/account';
import { type CurrencyCode, currency } from '../values/currency';
import { formatPercent, isPercentValue } from '../values/percent';
import {
  freezeRecord,
  type Ledger,
  type LedgerEntry,
  type LedgerLine,
  type LedgerRecord,
  ledgerOfRecords,
} from './ledger';
import { ROLE_ORDER } from './order';

/** How to build a ledger. */
export interface LedgerOptions {
  /**
   * The period an entry is counted in (e.g. its month, from `entry.at`). Without it the
   * ledger has no periods. If it throws, {@link ledgerOf} returns `invalid_field` at the
   * entry's index instead of throwing. A `null` it answers (as `settleTotals`' period may)
   * counts the entry with no period.
   */
  readonly period?: (entry: LedgerEntry) => string | null;
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
    const read = lineOf(line as Partial<Record<string, unknown>>, [...path, 'lines', i]);
    if ('code' in read) return read;
    lines.push(read);
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

/** A line of a settlement or reversal as a ledger counts it, or the problem with it. */
function lineOf(l: Partial<Record<string, unknown>>, path: Path): LedgerLine | DomainError {
  const role = l.role;
  if (
    typeof l.amount !== 'bigint' ||
    typeof role !== 'string' ||
    !Object.hasOwn(ROLE_ORDER, role) ||
    (role === 'platform' ? l.account !== null : typeof l.account !== 'string') ||
    (role === 'cocreator' && !isId(l.contractId)) ||
    ((role === 'cocreator' || role === 'affiliate') && !isPercentValue(l.percent))
  ) {
    return domainError('invalid_field', 'expected a settlement or reversal line', path);
  }
  return {
    role: role as Role,
    account: l.account as AccountId | null,
    contractId: role === 'cocreator' ? (l.contractId as string) : null,
    percent:
      role === 'cocreator' || role === 'affiliate' ? formatPercent(l.percent as never) : null,
    amount: l.amount,
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
      return err(
        domainError('invalid_field', 'the period of an entry must be a string or null', [i]),
      );
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
 *   settlement or reversal (or whose period is neither a string nor `null`, the ledger's
 *   "no period", or on which `period` throws)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, ledgerOf, ledgerTotal } from 'cocreation';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const settle = (id: string, amount: string) =>
 *   valueOrThrow(parseDocument({
 *     product: { id: 'p1', mainCreator: 'ana@example.com' },
 *     contracts: [],
 *     sale: { id, productId: 'p1', at: '2026-03-01T12:00:00Z', price: { amount, currency: 'USD' } },
 *   }).andThen(settleDocument)).settlement;
 * const s1 = settle('s1', '10.00');
 * // s1 delivered twice is counted once.
 * const ledger = ledgerOf([s1, settle('s2', '5.00'), s1]);
 * if (ledger.isErr()) throw new Error(ledger.error.map((e) => e.message).join('; '));
 * assert.equal(ledgerTotal(ledger.value, { currency: 'USD', role: 'main-creator' }).net, 1500n);
 * // s1 again with another price is a conflict: neither version is counted.
 * const clash = ledgerOf([s1, settle('s1', '12.00')]);
 * if (clash.isErr()) throw new Error(clash.error.map((e) => e.message).join('; '));
 * assert.equal(clash.value.conflicts[0]?.saleId, 's1');
 * assert.deepEqual(clash.value.rows, []);
 * ```
 */
export function ledgerOf(
  entries: ReadonlyArray<LedgerEntry>,
  options: LedgerOptions = {},
): Result<Ledger, DomainErrors> {
  try {
    return ledgerOfOrError(entries, options).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause);
  }
}
