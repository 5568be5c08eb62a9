/**
 * Ledgers: totals of settlement and reversal lines per currency, period, role and account.
 *
 * A ledger is a commutative monoid: {@link combineLedgers} is associative and commutative and
 * {@link EMPTY_LEDGER} is its identity, so totals can be computed over partitions of the
 * sales in parallel and merged in any order with the same result. Rows are kept in one
 * canonical order (currency, period, role, account), so equal totals are equal values.
 */
import { err, ok, type Result } from 'neverthrow';
import type { AccountId } from './account';
import type { Brand } from './brand';
import { type CurrencyCode, isCurrency } from './currency';
import { type DomainError, domainError, type Path } from './errors';
import type { Reversal, ReversalLine, Role, Settlement, SettlementLine } from './settlement';

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

/** Totals per currency, period, role and account; build with {@link ledgerOf}. Frozen. */
export type Ledger = {
  /** One row per key, in canonical order: currency, period, role, account. */
  readonly rows: ReadonlyArray<LedgerRow>;
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
 * ```
 */
export const EMPTY_LEDGER: Ledger = Object.freeze({ rows: Object.freeze([]) }) as unknown as Ledger;

/**
 * The empty ledger, as a function for callers that fold.
 *
 * @returns {@link EMPTY_LEDGER}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EMPTY_LEDGER, emptyLedger } from 'cocreation';
 *
 * assert.equal(emptyLedger(), EMPTY_LEDGER);
 * ```
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

/** The canonical order of rows: currency, period (none first), role, account (none first). */
function compareKeys(a: LedgerRow, b: LedgerRow): number {
  // Stryker disable next-line EqualityOperator: the currencies are different here, so < and <= agree
  if (a.currency !== b.currency) return a.currency < b.currency ? -1 : 1;
  const byPeriod = compareNullable(a.period, b.period);
  if (byPeriod !== 0) return byPeriod;
  if (a.role !== b.role) return ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
  return compareNullable(a.account, b.account);
}

function addRows(a: LedgerRow, b: LedgerRow): LedgerRow {
  return Object.freeze({
    currency: a.currency,
    period: a.period,
    role: a.role,
    account: a.account,
    settled: a.settled + b.settled,
    reversed: a.reversed + b.reversed,
    net: a.net + b.net,
    settlementLines: a.settlementLines + b.settlementLines,
    reversalLines: a.reversalLines + b.reversalLines,
  });
}

function freezeLedger(rows: LedgerRow[]): Ledger {
  return Object.freeze({ rows: Object.freeze(rows) }) as unknown as Ledger;
}

function entryIssue(entry: unknown, path: Path): DomainError | undefined {
  const bad = domainError('invalid_field', 'expected a settlement or a reversal', path);
  if (typeof entry !== 'object' || entry === null) return bad;
  const e = entry as Partial<Record<string, unknown>>;
  if (!isCurrency(e.currency) || !Array.isArray(e.lines)) return bad;
  for (const [i, line] of (e.lines as unknown[]).entries()) {
    if (typeof line !== 'object' || line === null) return bad;
    const l = line as Partial<Record<string, unknown>>;
    const role = l.role;
    if (
      typeof l.amount !== 'bigint' ||
      typeof role !== 'string' ||
      !Object.hasOwn(ROLE_ORDER, role) ||
      (role === 'platform' ? l.account !== null : typeof l.account !== 'string')
    ) {
      return domainError('invalid_field', 'expected a settlement or reversal line', [
        ...path,
        'lines',
        i,
      ]);
    }
  }
  return undefined;
}

/**
 * Sums settlements and reversals into a ledger: one row per currency, period, role and
 * account, with the settled (credit) and reversed (debit) sums and their net.
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
 * const ledger = ledgerOf([settle('s1', '10.00'), settle('s2', '5.00')])._unsafeUnwrap();
 * assert.equal(ledgerTotal(ledger, { currency: 'USD', account: 'ana@example.com' }).net, 1500n);
 * ```
 */
export function ledgerOf(
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
  const byKey = new Map<string, LedgerRow>();
  for (const [i, entry] of (entries as ReadonlyArray<LedgerEntry>).entries()) {
    const issue = entryIssue(entry, [i]);
    if (issue !== undefined) return err(issue);
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
    const reversal = 'refundId' in entry;
    const currency = entry.currency.code;
    for (const line of entry.lines as ReadonlyArray<SettlementLine | ReversalLine>) {
      const key = JSON.stringify([currency, p, line.role, line.account]);
      const row: LedgerRow = {
        currency,
        period: p,
        role: line.role,
        account: line.account,
        settled: reversal ? 0n : line.amount,
        reversed: reversal ? line.amount : 0n,
        net: line.amount,
        settlementLines: reversal ? 0 : 1,
        reversalLines: reversal ? 1 : 0,
      };
      const previous = byKey.get(key);
      byKey.set(key, previous === undefined ? Object.freeze(row) : addRows(previous, row));
    }
  }
  return ok(freezeLedger([...byKey.values()].sort(compareKeys)));
}

/**
 * Combines two ledgers: the totals of both, key by key. Associative and commutative, with
 * {@link EMPTY_LEDGER} as identity: `ledgerOf(a.concat(b))` equals
 * `combineLedgers(ledgerOf(a), ledgerOf(b))`.
 *
 * @param a - a ledger
 * @param b - another ledger (built with the same kind of periods)
 * @returns the frozen combined {@link Ledger}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EMPTY_LEDGER, combineLedgers } from 'cocreation';
 *
 * assert.equal(combineLedgers(EMPTY_LEDGER, EMPTY_LEDGER).rows.length, 0);
 * ```
 */
export function combineLedgers(a: Ledger, b: Ledger): Ledger {
  const left = a.rows;
  const right = b.rows;
  // Stryker disable next-line ConditionalExpression: a shortcut: the merge below gives an equal ledger
  if (right.length === 0) return a;
  // Stryker disable next-line ConditionalExpression: a shortcut: the merge below gives an equal ledger
  if (left.length === 0) return b;
  const rows: LedgerRow[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const x = left[i] as LedgerRow;
    const y = right[j] as LedgerRow;
    const order = compareKeys(x, y);
    if (order < 0) {
      rows.push(x);
      i++;
    } else if (order > 0) {
      rows.push(y);
      j++;
    } else {
      rows.push(addRows(x, y));
      i++;
      j++;
    }
  }
  for (; i < left.length; i++) rows.push(left[i] as LedgerRow);
  for (; j < right.length; j++) rows.push(right[j] as LedgerRow);
  return freezeLedger(rows);
}

/**
 * Sums the rows of a ledger that match a query: one currency, and optionally one period,
 * role and account (an omitted field matches every value; `null` matches the platform's
 * account or the ledger without periods).
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
