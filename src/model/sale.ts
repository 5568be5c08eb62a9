/**
 * Sales and refunds (specification §§1, 5 and 6): the payment events that get split, and their
 * checking constructors from the wire shape of specification §8.
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  type Issues,
  nonEmpty,
  optional,
  readId,
  readObject,
  required,
} from '../_internal/fields';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { type AccountId, accountIdOrError as accountId } from '../values/account';
import { currencyOrError as lookupCurrency } from '../values/currency';
import { type Instant, parseInstantOrError as parseInstant } from '../values/instant';
import { type Money, parseMoneyOrError as parseMoney, readAmountText } from '../values/money';
import { type Percent, parsePercentOrError as parsePercent } from '../values/percent';
import { checkAffiliatePercent } from './product';
import { keysOf, MONEY, REFUND, SALE, SALE_AFFILIATE } from './shapes';

/** The affiliate who made a sale. */
export interface SaleAffiliate {
  /** The affiliate's account. */
  readonly account: AccountId;
  /** The sale's own affiliate percent; `null` uses the product's `affiliateCommission`. */
  readonly percent: Percent | null;
  /** The affiliate manager (for `managed-affiliate-sales` contracts), `null` when none. */
  readonly managedBy: AccountId | null;
}

/** One payment event for one product, settled on its own at its own instant. */
export interface Sale {
  /** The platform's sale id; refunds refer to it. */
  readonly id: string;
  /** The product sold; must be the settled product's id (else `product_mismatch`). */
  readonly productId: string;
  /** When the payment happened: the instant whose contracts and terms decide the split. */
  readonly at: Instant;
  /** P ≥ 0. */
  readonly price: Money;
  /** The platform's fee as charged, in the price's currency (else `currency_mismatch` when settled); `null` uses the policy's fee schedule (or 0). */
  readonly platformFee: Money | null;
  /** The affiliate who made the sale; `null` for a direct sale. */
  readonly affiliate: SaleAffiliate | null;
}

/**
 * A (partial or full) refund of a sale. Its amount is a `bigint`: store it as JSON with
 * `refundToJson` (`cocreation/wire`); {@link refund} reads that back into an equal refund.
 */
export interface Refund {
  /** Unique within the sale. */
  readonly id: string;
  /** When the money was returned; not before the sale, and not before the refund before it. */
  readonly at: Instant;
  /** In the sale's currency, > 0. */
  readonly amount: Money;
}

/** Reads a wire `{ amount, currency }` object, reporting every problem into `issues`. */
function readMoney(value: unknown, path: Path, issues: Issues): Money | undefined {
  const fields = readObject(value, path, keysOf(MONEY), issues, 'an amount object');
  if (fields === undefined) return undefined;
  const amount = required(fields, 'amount', path, issues);
  const code = required(fields, 'currency', path, issues);
  const known =
    code === undefined ? undefined : collect(lookupCurrency(code, [...path, 'currency']), issues);
  if (amount === undefined) return undefined;
  if (known === undefined) {
    // Without a currency only the amount's syntax can be checked; it still is (specification §7).
    const syntax = readAmountText(amount, [...path, 'amount']);
    if (!Array.isArray(syntax)) issues.push(syntax as DomainError);
    return undefined;
  }
  return collect(parseMoney(amount, code, path), issues);
}

function readAccount(value: unknown, path: Path, issues: Issues): AccountId | undefined {
  return value === undefined ? undefined : collect(accountId(value, path), issues);
}

function readInstant(value: unknown, path: Path, issues: Issues): Instant | undefined {
  return value === undefined ? undefined : collect(parseInstant(value, path), issues);
}

function readAffiliate(value: unknown, path: Path, issues: Issues): SaleAffiliate | undefined {
  const fields = readObject(value, path, keysOf(SALE_AFFILIATE), issues, 'an affiliate');
  if (fields === undefined) return undefined;
  const before = issues.length;
  const account = readAccount(
    required(fields, 'account', path, issues),
    [...path, 'account'],
    issues,
  );
  const rawPercent = optional(fields, 'percent');
  let percent: Percent | null = null;
  if (rawPercent !== undefined) {
    const percentPath = [...path, 'percent'];
    const parsed = collect(parsePercent(rawPercent, percentPath), issues);
    if (parsed !== undefined)
      percent = collect(checkAffiliatePercent(parsed, percentPath), issues) ?? null;
  }
  const rawManager = optional(fields, 'managedBy');
  const managedBy = readAccount(rawManager, [...path, 'managedBy'], issues) ?? null;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: sale() answers its issues whenever there are any, and an undefined account always reported one; the guard only narrows the type
  if (issues.length > before || account === undefined) return undefined;
  return Object.freeze({ account, percent, managedBy });
}

/**
 * Reads a sale from its wire shape (specification §8's `"sale"`), reporting every reading
 * problem (specification §7, stage 1): ids, the instant, the price (≥ 0, any currency), the platform fee,
 * the affiliate (`account`, `percent` with 0 < p ≤ 100 and any number of places,
 * `managedBy`). Rules between parts (a fee in another currency than the price or above it,
 * the affiliate rules) are checked when the sale is settled.
 *
 * @param input - the parsed JSON value of the sale
 * @param path - where the sale is in the input (default `[]`; the `settle` document uses `['sale']`)
 * @returns the frozen {@link Sale}, or every problem found: `invalid_field`, `invalid_instant`,
 *   `invalid_amount`, `amount_precision`, `unknown_currency`, `invalid_percent`,
 *   `percent_out_of_range`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { sale } from 'cocreation';
 *
 * const s = sale({
 *   id: 's1',
 *   productId: 'p1',
 *   at: '2026-03-01T12:00:00Z',
 *   price: { amount: '197.00', currency: 'BRL' },
 *   affiliate: { account: 'Leo@Example.com', percent: '40' },
 * });
 * if (s.isErr()) throw new Error(s.error.map((e) => e.message).join('; '));
 * assert.equal(s.value.price.amount, 19700n);
 * assert.equal(s.value.affiliate?.account, 'leo@example.com');
 *
 * const bad = sale(
 *   {
 *     id: 's1',
 *     productId: 'p1',
 *     at: 1772366400000,
 *     price: { amount: '10.001', currency: 'BRL' },
 *   },
 *   ['sale'],
 * );
 * if (bad.isOk()) throw new Error('expected an error');
 * assert.deepEqual(
 *   bad.error.map((e) => [e.code, e.path]),
 *   [
 *     ['invalid_field', ['sale', 'at']],
 *     ['amount_precision', ['sale', 'price', 'amount']],
 *   ],
 * );
 * ```
 */
export function sale(input: unknown, path: Path = []): Result<Sale, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return readSale(input, at);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/** What {@link sale} answers when reading its input does not throw (it catches what does). */
function readSale(input: unknown, path: Path = []): Result<Sale, DomainErrors> {
  const issues: Issues = [];
  const fields = readObject(input, path, keysOf(SALE), issues, 'a sale');
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const id = readId(required(fields, 'id', path, issues), [...path, 'id'], issues);
  const productId = readId(
    required(fields, 'productId', path, issues),
    [...path, 'productId'],
    issues,
  );
  const at = readInstant(required(fields, 'at', path, issues), [...path, 'at'], issues);
  const rawPrice = required(fields, 'price', path, issues);
  const price =
    rawPrice === undefined ? undefined : readMoney(rawPrice, [...path, 'price'], issues);
  const rawFee = optional(fields, 'platformFee');
  const feePath = [...path, 'platformFee'];
  // A fee in another currency is read as it is: currency_mismatch is a rule between the fee and
  // the price (specification §7, stage 2a), checked when the sale is settled, not a reading problem.
  const fee = rawFee === undefined ? null : readMoney(rawFee, feePath, issues);
  const rawAffiliate = optional(fields, 'affiliate');
  const affiliate =
    rawAffiliate === undefined ? null : readAffiliate(rawAffiliate, [...path, 'affiliate'], issues);
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(
    Object.freeze({
      id: id as string,
      productId: productId as string,
      at: at as Instant,
      price: price as Money,
      platformFee: fee as Money | null,
      affiliate: affiliate as SaleAffiliate | null,
    }),
  );
}

/**
 * Reads a refund from its wire shape (`{ id, at, amount: { amount, currency } }`,
 * specification §§6 and 8), reporting every shape problem. Rules that need the sale (currency,
 * order, the total against the price) are checked when the refund is applied.
 *
 * @param input - the parsed JSON value of one refund
 * @param path - where the refund is in the input (default `[]`; the `settle` document uses
 *   `['refunds', i]`)
 * @returns the frozen {@link Refund}, or every problem found: `invalid_field`,
 *   `invalid_instant`, `unknown_currency`, `amount_precision`, and `invalid_amount` for an
 *   amount that is not above 0
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { refund } from 'cocreation';
 *
 * const r = refund({
 *   id: 'r1',
 *   at: '2026-03-05T00:00:00Z',
 *   amount: { amount: '50.00', currency: 'BRL' },
 * });
 * if (r.isErr()) throw new Error(r.error.map((e) => e.message).join('; '));
 * assert.equal(r.value.amount.amount, 5000n);
 *
 * const zero = refund({ id: 'r2', at: '2026-03-05T00:00:00Z', amount: { amount: '0', currency: 'BRL' } });
 * if (zero.isOk()) throw new Error('expected an error');
 * assert.equal(zero.error[0].code, 'invalid_amount');
 * ```
 */
export function refund(input: unknown, path: Path = []): Result<Refund, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return readRefund(input, at);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/** What {@link refund} answers when reading its input does not throw (it catches what does). */
function readRefund(input: unknown, path: Path = []): Result<Refund, DomainErrors> {
  const issues: Issues = [];
  const fields = readObject(input, path, keysOf(REFUND), issues, 'a refund');
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const id = readId(required(fields, 'id', path, issues), [...path, 'id'], issues);
  const at = readInstant(required(fields, 'at', path, issues), [...path, 'at'], issues);
  const rawAmount = required(fields, 'amount', path, issues);
  const amountPath = [...path, 'amount'];
  const amount = rawAmount === undefined ? undefined : readMoney(rawAmount, amountPath, issues);
  if (amount !== undefined && amount.amount <= 0n) {
    issues.push(
      domainError('invalid_amount', 'a refund amount is above 0', [...amountPath, 'amount']),
    );
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(Object.freeze({ id: id as string, at: at as Instant, amount: amount as Money }));
}
