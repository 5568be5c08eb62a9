/**
 * Refunds (specification §6): how a (partial) refund reverses a settlement, line by line.
 *
 * Reversals are computed on the cumulative refunded amount X with the D'Hondt (Jefferson)
 * allocation of X minor units over the settlement's line amounts. D'Hondt is house-monotone
 * (allocating one more unit never takes one away from a line) and gives every line exactly
 * its amount at X = P, so no reversal line is ever positive, no party is reversed more than
 * it was paid, and refunds totalling the price zero every party exactly.
 */

import { err, ok, type Result } from 'neverthrow';
import { pushAll } from '../_internal/fields';
import { unreadableErr } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { Refund } from '../model/sale';
import type { Reversal, ReversalLine, Settlement, SettlementLine } from '../settle/settlement';
import { refundValueIssues } from '../validate/handmade';
import { type Currency, sameCurrency, tableCurrency } from '../values/currency';
import type { Instant } from '../values/instant';
import { formatAmount } from '../values/money';
import { frozenPercent, isPercentValue } from '../values/percent';

/**
 * The D'Hondt allocation of `x` units over `weights` (which sum to `total`, `0 ≤ x ≤ total`):
 * start from `floor(w_i × x / total)`, then give each remaining unit to the line with the
 * largest `w_i / (a_i + 1)`, ties to the earlier line. Not part of the package API.
 *
 * Starting from the floors gives the same result as handing out all `x` units one by one:
 * D'Hondt meets the lower quota, so the floors are among the first `x` units it would hand
 * out, and the greedy steps then pick the rest in the same order.
 *
 * @internal
 */
export function dhondt(weights: ReadonlyArray<bigint>, total: bigint, x: bigint): bigint[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut: the general loop below computes the same allocation (contributing/mutation.md)
  if (x <= 0n || total <= 0n) return weights.map(() => 0n);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: the general loop below computes the same allocation (contributing/mutation.md)
  if (x >= total) return [...weights];
  const a = weights.map((w) => (w * x) / total);
  let remaining = x - a.reduce((s, v) => s + v, 0n);
  // Stryker disable next-line ConditionalExpression: a shortcut: the general loop below computes the same allocation (contributing/mutation.md)
  if (remaining === 0n) return a;
  // `i` comes before `j` when w_i / (a_i + 1) is larger, or equal and i < j.
  const before = (i: number, j: number): boolean => {
    const left = (weights[i] as bigint) * ((a[j] as bigint) + 1n);
    const right = (weights[j] as bigint) * ((a[i] as bigint) + 1n);
    // Stryker disable next-line EqualityOperator: only ever called with two different entries, so i < j and i <= j agree
    return left > right || (left === right && i < j);
  };
  const heap: number[] = [];
  const swap = (p: number, q: number) => {
    const t = heap[p] as number;
    heap[p] = heap[q] as number;
    heap[q] = t;
  };
  const down = (start: number) => {
    let k = start;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let best = k;
      if (l < heap.length && before(heap[l] as number, heap[best] as number)) best = l;
      if (r < heap.length && before(heap[r] as number, heap[best] as number)) best = r;
      if (best === k) return;
      swap(k, best);
      k = best;
    }
  };
  weights.forEach((w, i) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: fewer seats are left than positive weights, so a zero weight (quotient 0) is never picked
    if (w > 0n) heap.push(i);
  });
  // Stryker disable next-line ArithmeticOperator: starting higher only adds leaves, for which down() does nothing
  for (let k = (heap.length >>> 1) - 1; k >= 0; k--) down(k);
  while (remaining > 0n) {
    const top = heap[0] as number;
    a[top] = (a[top] as bigint) + 1n;
    remaining -= 1n;
    down(0);
  }
  return a;
}

/**
 * Whether a line's role is one of specification §8's and the fields that go with it (account, contract
 * id, percent) have their types: the fields a reversal line copies from its original (specification §6),
 * so that a reversal never carries a forged value, and that `explain` prints. Internal.
 *
 * @internal
 */
export function hasLineIdentity(l: Readonly<Record<string, unknown>>): boolean {
  const { role, account } = l;
  if (role === 'platform') return account === null;
  if (typeof account !== 'string') return false;
  if (role === 'main-creator') return true;
  if (role === 'affiliate') return isPercentValue(l.percent);
  return role === 'cocreator' && typeof l.contractId === 'string' && isPercentValue(l.percent);
}

function isSettlementValue(value: unknown): value is Settlement {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Record<keyof Settlement, unknown>>;
  return (
    typeof s.saleId === 'string' &&
    typeof s.at === 'number' &&
    // Stryker disable next-line ConditionalExpression: a price that is not a bigint never equals the bigint sum of the lines, checked last
    typeof s.price === 'bigint' &&
    tableCurrency(s.currency) !== undefined &&
    Array.isArray(s.lines) &&
    s.lines.every((l: unknown) => {
      if (typeof l !== 'object' || l === null) return false;
      const line = l as SettlementLine;
      return (
        typeof line.amount === 'bigint' &&
        line.amount >= 0n &&
        hasLineIdentity(l as Readonly<Record<string, unknown>>)
      );
    }) &&
    (s.lines as ReadonlyArray<SettlementLine>).reduce((sum, l) => sum + l.amount, 0n) === s.price
  );
}

function notASettlement(): DomainError {
  return domainError('invalid_field', 'expected a settlement from settleSale', []);
}

/** What the refund rules need of the sale: its instant, price and currency (read in stage 1). */
export interface RefundedSale {
  /** The sale's instant. */
  readonly at: Instant;
  /** The sale's currency. */
  readonly currency: Currency;
  /** The price, in minor units. */
  readonly price: bigint;
}

/**
 * Stage 1 of a sale's refunds (specification §7): each a refund value, ids unique within the sale
 * (`invalid_field` at the later one's `id`) and amounts above 0 (`invalid_amount`). Not part
 * of the package API.
 *
 * @internal
 */
export function refundReadingIssues(refunds: unknown, path: Path): DomainError[] {
  if (!Array.isArray(refunds)) {
    return [domainError('invalid_field', 'expected a list of refunds', path)];
  }
  const issues: DomainError[] = [];
  const ids = new Set<string>();
  // An index loop, not forEach: forEach skips the holes of a sparse array, which the loop
  // that applies the refunds would then meet unchecked.
  for (let i = 0; i < refunds.length; i++) {
    const r = refunds[i] as Refund;
    const shape = refundValueIssues(r, [...path, i]);
    pushAll(issues, shape);
    if (shape.length > 0) continue;
    pushAll(issues, ownReadingIssues(r, [...path, i], ids));
    ids.add(r.id);
  }
  return issues;
}

/** The stage-1 problems of one refund value beside the ids of the refunds before it. */
function ownReadingIssues(r: Refund, path: Path, ids: ReadonlySet<string>): DomainError[] {
  const issues: DomainError[] = [];
  if (r.amount.amount <= 0n) {
    issues.push(
      domainError('invalid_amount', 'a refund amount is above 0', [...path, 'amount', 'amount']),
    );
  }
  if (ids.has(r.id)) {
    issues.push(
      domainError(
        'invalid_field',
        `the refund id ${JSON.stringify(r.id)} is already used by another refund of this sale`,
        [...path, 'id'],
      ),
    );
  }
  return issues;
}

/** Where the refunds stand after some of them: the latest instant and the running total. */
interface RefundsSoFar {
  /** The latest instant of the refunds listed so far, `null` before the first. */
  lastAt: number | null;
  /** The refunds counted so far (specification §6: those with no error of their own). */
  total: bigint;
}

/**
 * Rows 2a (`currency_mismatch`) and 2f of one refund (specification §6 and 7), given the refunds listed
 * before it; updates `so` far. A refund in another currency, before the sale or out of order
 * is reported and left out of the running total; a counted refund after which the total is
 * above the price is `refund_exceeds_price` (and stays counted).
 */
function refundRuleIssuesOf(
  sale: RefundedSale,
  r: Refund,
  path: Path,
  so: RefundsSoFar,
): DomainError[] {
  const issues: DomainError[] = [];
  const currency = sale.currency;
  const amountPath = [...path, 'amount'];
  if (!sameCurrency(r.amount.currency, currency)) {
    issues.push(
      domainError(
        'currency_mismatch',
        `the refund is in ${r.amount.currency.code}, the sale in ${currency.code}`,
        [...amountPath, 'currency'],
        { expected: currency.code, actual: r.amount.currency.code },
      ),
    );
  }
  if (r.at < sale.at) {
    issues.push(
      domainError('refund_before_sale', 'the refund is dated before its sale', [...path, 'at']),
    );
  } else if (so.lastAt !== null && r.at < so.lastAt) {
    issues.push(
      domainError('events_out_of_order', 'the refund is dated before a refund listed before it', [
        ...path,
        'at',
      ]),
    );
  }
  so.lastAt = so.lastAt === null ? r.at : Math.max(so.lastAt, r.at);
  if (issues.length > 0) return issues;
  so.total += r.amount.amount;
  if (so.total > sale.price) {
    const refunded = formatAmount(so.total, currency);
    const price = formatAmount(sale.price, currency);
    issues.push(
      domainError(
        'refund_exceeds_price',
        `refunds would total ${refunded}, more than the price ${price}`,
        [...amountPath, 'amount'],
        { refunded, price },
      ),
    );
  }
  return issues;
}

/**
 * Rows 2a (a refund's `currency_mismatch`) and 2f (`refund_before_sale`,
 * `events_out_of_order`, `refund_exceeds_price`) of specification §7 for refunds that passed
 * stage 1 ({@link refundReadingIssues}), refund by refund. They need only the sale's instant,
 * price and currency, so they run whatever the rest of the document holds. Not part of the
 * package API.
 *
 * @internal
 */
export function refundRuleIssues(
  sale: RefundedSale,
  refunds: ReadonlyArray<Refund>,
  path: Path,
): DomainError[] {
  const so: RefundsSoFar = { lastAt: null, total: 0n };
  const issues: DomainError[] = [];
  refunds.forEach((r, i) => {
    pushAll(issues, refundRuleIssuesOf(sale, r, [...path, i], so));
  });
  return issues;
}

function reversalLine(line: SettlementLine, amount: bigint): ReversalLine {
  switch (line.role) {
    case 'platform':
      return Object.freeze({ role: line.role, account: null, amount });
    case 'affiliate':
      return Object.freeze({
        role: line.role,
        account: line.account,
        percent: frozenPercent(line.percent),
        amount,
      });
    case 'cocreator':
      return Object.freeze({
        role: line.role,
        account: line.account,
        contractId: line.contractId,
        percent: frozenPercent(line.percent),
        amount,
      });
    case 'main-creator':
      return Object.freeze({ role: line.role, account: line.account, amount });
  }
}

/** The reversal of a checked refund, from the cumulative allocations before and after it. */
function reverse(
  settlement: Settlement,
  weights: ReadonlyArray<bigint>,
  refund: Refund,
  before: ReadonlyArray<bigint>,
  refundedTotal: bigint,
): { reversal: Reversal; after: bigint[] } {
  const after = dhondt(weights, settlement.price, refundedTotal);
  const lines = settlement.lines.map((line, i) =>
    reversalLine(line, (before[i] as bigint) - (after[i] as bigint)),
  );
  const reversal: Reversal = Object.freeze({
    refundId: refund.id,
    saleId: settlement.saleId,
    at: refund.at,
    currency: tableCurrency(settlement.currency) as Currency,
    amount: refund.amount.amount,
    refundedTotal,
    lines: Object.freeze(lines),
  });
  return { reversal, after };
}

/**
 * {@link refundSale} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function refundSaleOrError(
  settlement: Settlement,
  previousRefunds: ReadonlyArray<Refund>,
  refund: Refund,
  path: Path = [],
): Result<Reversal, DomainError> {
  if (!isSettlementValue(settlement)) return err(notASettlement());
  if (!Array.isArray(previousRefunds)) {
    return err(domainError('invalid_field', 'expected the list of previous refunds', []));
  }
  const ids = new Set<string>();
  const so: RefundsSoFar = { lastAt: null, total: 0n };
  for (const previous of previousRefunds as ReadonlyArray<Refund>) {
    // Stryker disable next-line ArrayDeclaration: only the number of issues is used, not their paths
    if (refundValueIssues(previous, []).length > 0) {
      return err(domainError('invalid_field', 'expected the list of previous refunds', []));
    }
    ids.add(previous.id);
    // The running total counts the previous refunds as refundAll would (their own errors aside).
    refundRuleIssuesOf(settlement, previous, [], so);
  }
  const refundedBefore = so.total;
  const shape = refundValueIssues(refund, path);
  const [issue] =
    shape.length > 0
      ? shape
      : [
          ...ownReadingIssues(refund, path, ids),
          ...refundRuleIssuesOf(settlement, refund, path, so),
        ];
  if (issue !== undefined) return err(issue);
  const weights = settlement.lines.map((l) => l.amount);
  const before = dhondt(weights, settlement.price, refundedBefore);
  return ok(
    reverse(settlement, weights, refund, before, refundedBefore + refund.amount.amount).reversal,
  );
}

/**
 * Reverses one refund of a settled sale (specification §6), given the refunds applied before
 * it. The reversal has one line per settlement line, same order and identity, each ≤ 0,
 * summing to −R; line i's cumulative reversal is the D'Hondt allocation of the refunded
 * total over the line amounts, so no party is ever reversed more than it was paid and
 * refunds totalling the price reverse every line exactly.
 *
 * @param settlement - the settled sale
 * @param previousRefunds - the refunds already applied to it, in order (not checked: use
 *   {@link refundAll} to check a whole sequence; the running total counts them as
 *   `refundAll` does, leaving out one in another currency, before the sale or out of order)
 * @param refund - the new refund, from `refund`
 * @param path - where the refund is in the input (default `[]`)
 * @returns the frozen {@link Reversal}, or the first problem, stage 1 first: `invalid_amount`
 *   (at `[...path, 'amount', 'amount']`), `invalid_field` (an id already used), then
 *   `currency_mismatch` (at `[...path, 'amount', 'currency']`), `refund_before_sale`,
 *   `events_out_of_order` (at `[...path, 'at']`), `refund_exceeds_price` (at
 *   `[...path, 'amount', 'amount']`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { refund, refundSale } from 'cocreation';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '100.00', currency: 'USD' }, platformFee: { amount: '10.00', currency: 'USD' } },
 * }).andThen(settleDocument);
 * const r = refund({ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '25.00', currency: 'USD' } });
 * const reversal = settled.andThen(({ settlement }) => r.andThen((r1) => refundSale(settlement, [], r1)));
 * if (reversal.isErr()) throw new Error(reversal.error.map((e) => e.message).join('; '));
 * assert.deepEqual(reversal.value.lines.map((l) => l.amount), [-250n, -2250n]);
 * ```
 */
export function refundSale(
  settlement: Settlement,
  previousRefunds: ReadonlyArray<Refund>,
  refund: Refund,
  path: Path = [],
): Result<Reversal, DomainErrors> {
  try {
    return refundSaleOrError(settlement, previousRefunds, refund, path).mapErr(asErrorList);
  } catch (cause) {
    // The path is where the refunds are; what threw may be the settlement: the whole call.
    return unreadableErr(cause);
  }
}

/**
 * Checks and applies a sale's refunds in order (specification §§6 and 7), reporting every
 * problem. First what stage 1 reads: ids unique within the sale and amounts above 0; when
 * that holds, every refund's own rules: the sale's currency (`currency_mismatch`), instants
 * not before the sale (`refund_before_sale`) nor before a refund listed earlier
 * (`events_out_of_order`), and a running total never above the price. The running total
 * counts only refunds with no error of their own: each counted refund after which it is
 * above the price is `refund_exceeds_price`. Reversals are computed only when nothing is
 * wrong.
 *
 * @param settlement - the settled sale
 * @param refunds - its refunds, in the order given
 * @param path - where the refunds are in the input; refund i is at `[...path, i]`
 *   (default `['refunds']`)
 * @returns one frozen {@link Reversal} per refund, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DomainErrors, refund, refundAll } from 'cocreation';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const { settlement } = valueOrThrow(parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 * }).andThen(settleDocument));
 * const r = (id: string, amount: string) =>
 *   valueOrThrow(refund({ id, at: '2026-03-02T00:00:00Z', amount: { amount, currency: 'USD' } }));
 *
 * const reversals = refundAll(settlement, [r('r1', '4.00'), r('r2', '6.00')]);
 * if (reversals.isErr()) throw new Error(reversals.error.map((e) => e.message).join('; '));
 * assert.deepEqual(reversals.value.map((v) => v.refundedTotal), [400n, 1000n]);
 *
 * const over = refundAll(settlement, [r('r1', '4.00'), r('r2', '6.01')]);
 * if (over.isOk()) throw new Error('expected an error');
 * const [first] = over.error;
 * assert.equal(first.code, 'refund_exceeds_price');
 * assert.deepEqual(first.path, ['refunds', 1, 'amount', 'amount']);
 * ```
 */
export function refundAll(
  settlement: Settlement,
  refunds: ReadonlyArray<Refund>,
  path: Path = ['refunds'],
): Result<ReadonlyArray<Reversal>, DomainErrors> {
  try {
    return reverseAll(settlement, refunds, path);
  } catch (cause) {
    // The path is where the refunds are; what threw may be the settlement: the whole call.
    return unreadableErr(cause);
  }
}

/** What {@link refundAll} answers when reading its input does not throw (it catches what does). */
function reverseAll(
  settlement: Settlement,
  refunds: ReadonlyArray<Refund>,
  path: Path = ['refunds'],
): Result<ReadonlyArray<Reversal>, DomainErrors> {
  if (!isSettlementValue(settlement)) return err(Object.freeze([notASettlement()]) as DomainErrors);
  const reading = refundReadingIssues(refunds, path);
  const issues =
    reading.length > 0
      ? reading
      : refundRuleIssues(settlement, refunds as ReadonlyArray<Refund>, path);
  const [first, ...rest] = issues;
  if (first !== undefined) return err(Object.freeze([first, ...rest]) as DomainErrors);

  const weights = settlement.lines.map((l) => l.amount);
  let before = weights.map(() => 0n);
  let total = 0n;
  const reversals: Reversal[] = [];
  for (const r of refunds) {
    total += r.amount.amount;
    const next = reverse(settlement, weights, r, before, total);
    reversals.push(next.reversal);
    before = next.after;
  }
  return ok(Object.freeze(reversals));
}
