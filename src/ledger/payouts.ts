/**
 * Bulk payouts: a batch of sales settled straight into ledger totals, without building a
 * settlement per sale. The compiled settler's checks and split run once per sale into a sink
 * that adds each line to its row; nothing per sale outlives the call but its id (and not even
 * that with `distinctIds`).
 */

import { err, ok, type Result } from 'neverthrow';
import { unreadable, unreadableErr } from '../_internal/unreadable';
import { asErrorList, type DomainError, type DomainErrors, domainError } from '../errors';
import type { Sale } from '../model/sale';
import { compiledSettler, type Settler, saleRunOf } from '../settle/compile';
import type { Entry } from '../settle/covers';
import type { FeeOrigin, Role, Settlement } from '../settle/settlement';
import type { SplitSink } from '../settle/sink';
import { isSaleValue } from '../validate/handmade';
import type { AccountId } from '../values/account';
import type { CurrencyCode } from '../values/currency';
import { ledgerOf } from './entries';
import type { LedgerConflict, LedgerRow } from './ledger';
import { compareRows } from './order';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A sale the settler refused, by its place in the batch. */
export interface RefusedSale {
  /** The sale's index in the batch. */
  readonly index: number;
  /** Exactly the errors `settler.settle(sale)` answers it with. */
  readonly errors: DomainErrors;
}

/**
 * The totals of one batch of sales, from {@link settleTotals}. Frozen.
 *
 * `rows` and `conflicts` are exactly those of `ledgerOf` over the settlements of the accepted
 * sales (with the same periods); unlike a `Ledger` it keeps no record per sale, so it
 * cannot be combined idempotently: totals of two batches that share no sale may be added row
 * by row, and a platform that may see a sale twice across batches builds ledgers instead.
 */
export interface PayoutTotals {
  /** One row per currency, period, role and account, in the ledger's canonical order. */
  readonly rows: ReadonlyArray<LedgerRow>;
  /**
   * Sale ids accepted twice or more in the batch with different lines (or periods): none of
   * their versions is in `rows`, as in a ledger. An id accepted twice with the same lines
   * is counted once and is no conflict.
   */
  readonly conflicts: ReadonlyArray<LedgerConflict>;
  /** The sales the settler refused, in batch order; none of them is in `rows`. */
  readonly refused: ReadonlyArray<RefusedSale>;
}

/** How to total a batch. */
export interface PayoutTotalsOptions {
  /**
   * The period a sale is counted in (e.g. its month, from `sale.at`), called once for each
   * accepted sale (and once more for each accepted sale whose id occurs again). Without it the
   * totals have no periods. If it throws or answers something else than a string (or `null`),
   * {@link settleTotals} returns `invalid_field` at the sale's index in the batch.
   */
  readonly period?: (sale: Sale) => string | null;
  /**
   * `true` when the caller vouches that no sale id occurs twice in the batch (primary keys
   * from one query, say): the call then remembers no id, which makes it about a quarter
   * faster, and sums every accepted sale as it comes. A repeated id is then counted once per
   * occurrence, unlike in a ledger. Default `false`: ids are checked.
   */
  readonly distinctIds?: boolean;
}

/** One row's running sums: a safe-integer part while it fits, and a bigint part. */
class Sum {
  small = 0;
  big = 0n;
  lines = 0;

  constructor(
    readonly currency: CurrencyCode,
    readonly period: string | null,
    readonly role: Role,
    readonly account: AccountId | null,
  ) {}

  add(amount: number | bigint): void {
    if (typeof amount === 'number') {
      // Both terms are safe, so the rounded sum passes MAX_SAFE exactly when the sum does.
      const sum = this.small + amount;
      if (sum > MAX_SAFE) {
        this.big += BigInt(this.small);
        this.small = amount;
      } else {
        this.small = sum;
      }
    } else {
      this.big += amount;
    }
    this.lines += 1;
  }

  /** Takes one counted line back out (a version of a conflict). */
  remove(amount: bigint): void {
    this.big -= amount;
    this.lines -= 1;
  }

  row(): LedgerRow {
    const settled = this.big + BigInt(this.small);
    return Object.freeze({
      currency: this.currency,
      period: this.period,
      role: this.role,
      account: this.account,
      settled,
      reversed: 0n,
      net: settled,
      settlementLines: this.lines,
      reversalLines: 0,
    });
  }
}

/** The rows of one currency and period, found without building a key per line. */
class Bucket {
  platform: Sum | null = null;
  main: Sum | null = null;
  /** Cocreator rows by the settler's entry ordinal. */
  readonly cocreators: Array<Sum | undefined> = [];
  lastAffiliate: Sum | null = null;

  constructor(
    readonly currency: CurrencyCode,
    readonly period: string | null,
  ) {}
}

/** What the period option answered: the period, or the error to return. */
type PeriodOutcome = { readonly period: string | null } | { readonly error: DomainError };

function periodOf(
  period: ((sale: Sale) => string | null) | undefined,
  sale: Sale,
  index: number,
): PeriodOutcome {
  if (period === undefined) return { period: null };
  let value: unknown;
  try {
    value = period(sale);
  } catch {
    // The caller's function, not ours: its failure is reported, never rethrown.
    return {
      error: domainError('invalid_field', 'the period function threw on this sale', [index]),
    };
  }
  if (value !== null && typeof value !== 'string') {
    return {
      error: domainError('invalid_field', 'the period of a sale must be a string or null', [index]),
    };
  }
  return { period: value };
}

/** The bulk path's sink: adds each line of each accepted sale to its row. */
class TotalsSink implements SplitSink {
  /** The index in the batch of the sale being split. */
  index = 0;
  /** The first failure of the period option, which ends the call. */
  failure: DomainError | null = null;
  /** Whether the sale being split reached {@link start}: from then on the totals may hold part of it. */
  started = false;
  /** Ids accepted more than once: settled again at the end to find conflicts. */
  readonly repeated = new Set<string>();
  /** The ids accepted so far, unless the caller vouched that they are distinct. */
  private readonly seen: Set<string> | null;
  private readonly sums = new Map<string, Sum>();
  private readonly buckets = new Map<string, Bucket>();
  private bucket: Bucket = new Bucket('' as CurrencyCode, null);

  constructor(
    private readonly period: ((sale: Sale) => string | null) | undefined,
    distinctIds: boolean,
  ) {
    this.seen = distinctIds ? null : new Set();
  }

  start(sale: Sale, _fee: bigint, _feeOrigin: FeeOrigin): boolean {
    this.started = true;
    let period: string | null = null;
    if (this.period !== undefined) {
      const outcome = periodOf(this.period, sale, this.index);
      if ('error' in outcome) {
        this.failure = outcome.error;
        return false;
      }
      period = outcome.period;
    }
    const seen = this.seen;
    if (seen !== null) {
      // A repeated id is left out here and judged once the batch is done (a ledger counts an
      // entry once, and neither version of a conflict).
      const size = seen.size;
      seen.add(sale.id);
      if (seen.size === size) {
        this.repeated.add(sale.id);
        return false;
      }
    }
    const code = sale.price.currency.code;
    const bucket = this.bucket;
    if (bucket.currency !== code || bucket.period !== period) {
      this.bucket = this.bucketOf(code, period);
    }
    return true;
  }

  platform(_fee: bigint, amount: number | bigint): void {
    const bucket = this.bucket;
    let sum = bucket.platform;
    if (sum === null) {
      sum = this.sumOf(bucket.currency, bucket.period, 'platform', null);
      bucket.platform = sum;
    }
    sum.add(amount);
  }

  affiliate(account: AccountId, _percent: unknown, amount: number | bigint): void {
    const bucket = this.bucket;
    let sum = bucket.lastAffiliate;
    if (sum === null || sum.account !== account) {
      sum = this.sumOf(bucket.currency, bucket.period, 'affiliate', account);
      bucket.lastAffiliate = sum;
    }
    sum.add(amount);
  }

  cocreator(entry: Entry, amount: number | bigint): void {
    const bucket = this.bucket;
    let sum = bucket.cocreators[entry.ordinal];
    if (sum === undefined) {
      sum = this.sumOf(bucket.currency, bucket.period, 'cocreator', entry.account);
      bucket.cocreators[entry.ordinal] = sum;
    }
    sum.add(amount);
  }

  main(account: AccountId, amount: number | bigint): void {
    const bucket = this.bucket;
    let sum = bucket.main;
    // One settler has one main creator; the account is compared all the same.
    if (sum === null || sum.account !== account) {
      sum = this.sumOf(bucket.currency, bucket.period, 'main-creator', account);
      bucket.main = sum;
    }
    sum.add(amount);
  }

  /** Takes a settlement's lines back out of the rows (the counted version of a conflict). */
  remove(settlement: Settlement, period: string | null): void {
    for (const line of settlement.lines) {
      const sum = this.sumOf(settlement.currency.code, period, line.role, line.account);
      sum.remove(line.amount);
    }
  }

  /** The rows with at least one line, in the ledger's order. */
  rows(): LedgerRow[] {
    const rows: LedgerRow[] = [];
    for (const sum of this.sums.values()) if (sum.lines > 0) rows.push(sum.row());
    return rows.sort(compareRows);
  }

  private bucketOf(code: CurrencyCode, period: string | null): Bucket {
    // A currency code is three capital letters, so the key is injective.
    const key = period === null ? code : `${code}:${period}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new Bucket(code, period);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private sumOf(
    currency: CurrencyCode,
    period: string | null,
    role: Role,
    account: AccountId | null,
  ): Sum {
    const key = JSON.stringify([currency, period, role, account]);
    let sum = this.sums.get(key);
    if (sum === undefined) {
      sum = new Sum(currency, period, role, account);
      this.sums.set(key, sum);
    }
    return sum;
  }
}

/**
 * Settles a batch of sales straight into ledger totals: per currency, role and account (and
 * per period, if asked), without building a settlement per sale. Each sale goes through the
 * compiled settler's own checks and split (one binary search and O(k) integer work), and each
 * line is added to its row. For the sales it accepts, `rows` and `conflicts` are exactly
 * those of `ledgerOf` over their settlements; the sales it refuses are exactly those
 * `settler.settle` refuses, each with the same errors. A sale id accepted twice is counted
 * once when its lines agree, and is a conflict (counted in no row) when they do not, as in a
 * ledger; for this the call remembers each accepted id until it returns, unless
 * `distinctIds: true` says that no id repeats.
 *
 * The totals keep no record per sale, so they do not combine idempotently: use them for one
 * pass over a batch (or add the totals of batches that share no sale), and `ledgerOf` when
 * the same sale may arrive in two batches.
 *
 * @param settler - a settler from `compileSettler` (any other value is compiled from its
 *   `domain`, which is validated like any domain)
 * @param sales - the sales, in any order
 * @param options - `period`, to total per period of the caller's choosing; `distinctIds`,
 *   the caller's word that no sale id occurs twice in `sales`
 * @returns the frozen {@link PayoutTotals}, or `invalid_field` when `sales` is not a list, the
 *   period option is not a function, or it throws (or answers something else than a string
 *   or `null`) on the sale at `[index]`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, compileSettler, type DomainErrors, product, sale, settleTotals, validateDomain } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const settler = compileSettler(
 *   valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' }).andThen((course) =>
 *     validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [] }),
 *   )),
 * );
 * const sales = [
 *   { id: 's1', at: '2026-03-01T12:00:00Z', amount: '10.00', fee: '1.00' },
 *   { id: 's2', at: '2026-04-01T12:00:00Z', amount: '20.00', fee: '2.00' },
 *   { id: 's3', at: '2026-04-02T12:00:00Z', amount: '5.00', fee: '6.00' },
 * ].map(({ id, at, amount, fee }) =>
 *   valueOrThrow(sale({
 *     id,
 *     productId: 'p1',
 *     at,
 *     price: { amount, currency: 'BRL' },
 *     platformFee: { amount: fee, currency: 'BRL' },
 *   })),
 * );
 * const month = (s: { at: number }) => new Date(s.at).toISOString().slice(0, 7);
 * settleTotals(settler, sales, { period: month }).match(
 *   (totals) => {
 *     assert.deepEqual(
 *       totals.rows.map((r) => [r.period, r.role, r.settled]),
 *       [
 *         ['2026-03', 'platform', 100n],
 *         ['2026-03', 'main-creator', 900n],
 *         ['2026-04', 'platform', 200n],
 *         ['2026-04', 'main-creator', 1800n],
 *       ],
 *     );
 *     // s3's fee is above its price: refused with the settler's own error.
 *     assert.deepEqual(
 *       totals.refused.map((r) => [r.index, r.errors[0].code]),
 *       [[2, 'fee_exceeds_price']],
 *     );
 *   },
 *   (errors) => assert.fail(errors[0].message),
 * );
 * ```
 */
export function settleTotals(
  settler: Settler,
  sales: ReadonlyArray<Sale>,
  options: PayoutTotalsOptions = {},
): Result<PayoutTotals, DomainErrors> {
  try {
    return settleTotalsOrError(settler, sales, options).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** {@link settleTotals} with its one error as it is. Internal. */
function settleTotalsOrError(
  settler: Settler,
  sales: ReadonlyArray<Sale>,
  options: PayoutTotalsOptions,
): Result<PayoutTotals, DomainError> {
  if (!Array.isArray(sales)) {
    return err(domainError('invalid_field', 'expected a list of sales', []));
  }
  const period = (options as PayoutTotalsOptions | null)?.period;
  if (period !== undefined && typeof period !== 'function') {
    return err(domainError('invalid_field', 'the period option must be a function', ['period']));
  }
  const compiled = compiledSettler(settler);
  const run = saleRunOf(compiled);
  const distinctIds = (options as PayoutTotalsOptions | null)?.distinctIds === true;
  const sink = new TotalsSink(period, distinctIds);
  const refused: RefusedSale[] = [];
  for (let i = 0; i < sales.length; i++) {
    sink.index = i;
    sink.started = false;
    let problems: DomainErrors | null;
    try {
      problems = run(sales[i] as Sale, sink);
    } catch (cause) {
      // A sale whose reading threw before any of it reached the totals is refused like any
      // other, with what `settle` answers; after, the totals hold part of it: the call's error.
      if (sink.started) throw cause;
      problems = unreadable(cause);
    }
    if (problems !== null) refused.push(Object.freeze({ index: i, errors: problems }));
    else if (sink.failure !== null) return err(sink.failure);
  }
  let conflicts: ReadonlyArray<LedgerConflict> = Object.freeze([]);
  if (sink.repeated.size > 0) {
    const found = repeatedConflicts(compiled, sales, period, sink);
    if ('code' in found) return err(found);
    conflicts = found;
  }
  return ok(
    Object.freeze({
      rows: Object.freeze(sink.rows()),
      conflicts,
      refused: Object.freeze(refused),
    }),
  );
}

/**
 * The conflicts among the ids accepted more than once: their sales are settled again and
 * ledgered as `ledgerOf` would; the first version of each conflicting id, which the sink
 * counted, is taken back out of the rows.
 */
function repeatedConflicts(
  settler: Settler,
  sales: ReadonlyArray<Sale>,
  period: ((sale: Sale) => string | null) | undefined,
  sink: TotalsSink,
): ReadonlyArray<LedgerConflict> | DomainError {
  const settlements: Settlement[] = [];
  const periods = new Map<Settlement, string | null>();
  const firsts = new Map<string, Settlement>();
  for (let i = 0; i < sales.length; i++) {
    const sale = sales[i];
    if (!isSaleValue(sale) || !sink.repeated.has(sale.id)) continue;
    const settled = settler.settle(sale);
    if (settled.isErr()) continue;
    const outcome = periodOf(period, sale, i);
    if ('error' in outcome) return outcome.error;
    settlements.push(settled.value);
    periods.set(settled.value, outcome.period);
    if (!firsts.has(sale.id)) firsts.set(sale.id, settled.value);
  }
  const ledger = ledgerOf(settlements, {
    period: (entry) => periods.get(entry as Settlement) as string,
  });
  // Settlements with string (or null) periods: ledgerOf has nothing to refuse.
  const conflicts = ledger.isOk() ? ledger.value.conflicts : Object.freeze([]);
  for (const conflict of conflicts) {
    // The sink counted the first accepted version of the id.
    const first = firsts.get(conflict.saleId) as Settlement;
    sink.remove(first, periods.get(first) as string | null);
  }
  return conflicts;
}
