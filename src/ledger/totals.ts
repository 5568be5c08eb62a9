/** Querying a ledger: the sums of the rows that match a currency, period, role and account. */
import type { Role } from '../settle/settlement';
import type { AccountId } from '../values/account';
import type { Ledger } from './ledger';

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
  /**
   * The account to sum (`null` for the platform): an {@link AccountId}, from `accountId()` or
   * a line's `account`. It is compared as given, so `'Ana@Example.com'` would match nothing.
   */
  readonly account?: AccountId | null;
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
