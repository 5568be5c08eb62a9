/**
 * The canonical orders of a ledger: rows by currency, period, role and account; entries and
 * conflicts by sale id, then the settlement before its reversals, then refund id. Equal
 * ledgers are equal values because everything in them is kept in these orders.
 */
import type { Role } from '../settle/settlement';

/** What orders a row: its key. */
interface RowKey {
  readonly currency: string;
  readonly period: string | null;
  readonly role: Role;
  readonly account: string | null;
}

/** What orders an entry or a conflict: its id. */
interface EntryId {
  readonly saleId: string;
  readonly refundId: string | null;
}

/** The canonical order of roles, in rows and in the checks of a line's role. */
export const ROLE_ORDER: Readonly<Record<Role, number>> = Object.freeze({
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
export function compareRows(a: RowKey, b: RowKey): number {
  // Stryker disable next-line EqualityOperator: the currencies are different here, so < and <= agree
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  const byPeriod = compareNullable(a.period, b.period);
  if (byPeriod !== 0) return byPeriod;
  if (a.role !== b.role) return ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
  return compareNullable(a.account, b.account);
}

/** The canonical order of ids: sale id, then the settlement before its reversals, refund id. */
export function compareIds(a: EntryId, b: EntryId): number {
  const bySale = compareNullable(a.saleId, b.saleId);
  if (bySale !== 0) return bySale;
  return compareNullable(a.refundId, b.refundId);
}
