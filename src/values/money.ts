import { err, ok, type Result } from 'neverthrow';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import { type Currency, currencyOrError as lookupCurrency, tableCurrency } from './currency';
import { formatDecimal } from './decimal';

/** An amount of money: an integer of minor units (cents for BRL) and its currency. Frozen. */
export interface Money {
  /** An integer of minor units: `19700n` is BRL 197.00, `500n` is JPY 500. */
  readonly amount: bigint;
  /** The currency, whose exponent says how many minor units make one major unit. */
  readonly currency: Currency;
}

const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** The most characters the text of an amount may have (specification §8's bound). */
const MAX_AMOUNT_LENGTH = 1000;

function notACurrency(path: Path): DomainError {
  return domainError('invalid_field', 'expected a currency from currency()', path);
}

/**
 * {@link money} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function moneyOrError(
  amount: bigint | number,
  currency: Currency,
  path: Path = [],
): Result<Money, DomainError> {
  // The table's own object, not the argument: a copy of a currency is accepted for its
  // content, and the money returned is the same whichever copy it was made with.
  const known = tableCurrency(currency);
  if (known === undefined) return err(notACurrency(path));
  if (typeof amount === 'bigint') return ok(Object.freeze({ amount, currency: known }));
  if (typeof amount === 'number' && Number.isSafeInteger(amount)) {
    return ok(Object.freeze({ amount: BigInt(amount), currency: known }));
  }
  return err(
    domainError('invalid_amount', 'an amount of minor units must be a safe integer', path),
  );
}

/**
 * Makes money from an integer of minor units. Negative amounts are allowed (reversal lines
 * are negative); a `number` must be a safe integer, since larger ones have already lost digits.
 *
 * @param amount - minor units, e.g. `1999n` for BRL 19.99
 * @param currency - the currency, from `currency()`
 * @param path - where the amount is in the input (default `[]`)
 * @returns frozen {@link Money}, `invalid_amount` when `amount` is not an integer (or a
 *   `number` beyond `Number.MAX_SAFE_INTEGER`), `invalid_field` when `currency` is not a
 *   currency of the table (see `isCurrency`: a copy of one is fine)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency, money } from 'cocreation';
 *
 * const price = currency('BRL').andThen((brl) => money(1999, brl));
 * if (price.isErr()) throw new Error(price.error.map((e) => e.message).join('; '));
 * assert.equal(price.value.amount, 1999n);
 *
 * const half = money(0.5, price.value.currency);
 * if (half.isOk()) throw new Error('expected an error');
 * assert.equal(half.error[0].code, 'invalid_amount');
 * ```
 */
export function money(
  amount: bigint | number,
  currency: Currency,
  path: Path = [],
): Result<Money, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return moneyOrError(amount, currency, at).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * Reads a non-negative decimal amount (specification §8) into minor units, exactly. Its text
 * is at most 1000 characters: past any price, and it keeps the work of one document bounded
 * (exact arithmetic on a 10 MB number takes minutes). A JSON number is read as JavaScript
 * prints it (`String(n)`), so one printed with
 * an exponent (≥ 1e21, < 1e-6), `NaN` and `Infinity` are refused; `-0` prints as `"0"` and
 * is read as 0. Fewer decimals than the currency's are fine, more are not.
 *
 * @param input - a decimal string such as `"19.9"`, or a number
 * @param currency - the currency whose exponent the amount must respect
 * @param path - where the amount is in the input (default `[]`)
 * @returns the amount in minor units; `invalid_field` for a value that is neither a string
 *   nor a number (type before syntax, specification §7); `invalid_amount` for a string or number
 *   that is not a non-negative decimal (or is longer than 1000 characters);
 *   `amount_precision` (with `currency` and `maxDecimals`) for too many decimals
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function parseAmount(
  input: unknown,
  currency: Currency,
  path: Path = [],
): Result<bigint, DomainError> {
  // tableCurrency, not isCurrency: a currency whose reading throws reaches the public
  // function's catch ("could not be read"), not "expected a currency".
  if (tableCurrency(currency) === undefined) return err(notACurrency(path));
  const syntax = readAmountText(input, path);
  if (!Array.isArray(syntax)) return err(syntax as DomainError);
  const [, whole = '0', fraction = ''] = syntax;
  if (fraction.length > currency.exponent) {
    return err(
      domainError(
        'amount_precision',
        `${currency.code} amounts have at most ${currency.exponent} decimals, got ${fraction.length}`,
        path,
        { currency: currency.code, maxDecimals: currency.exponent },
      ),
    );
  }
  return ok(BigInt(whole + fraction.padEnd(currency.exponent, '0')));
}

function describe(input: unknown): string {
  if (typeof input === 'number') return String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return `a value of type ${typeof input}`;
}

/**
 * The syntax half of `parseAmount`, which needs no currency: the decimal's match, or
 * the `invalid_amount` error. Internal: it lets a reader report a malformed amount even when
 * its currency is missing or unknown (specification §7: every problem).
 */
export function readAmountText(input: unknown, path: Path): RegExpExecArray | DomainError {
  // Type before syntax (specification §7): a value that is neither a string nor a number is no amount.
  if (typeof input !== 'string' && typeof input !== 'number') {
    return domainError(
      'invalid_field',
      `expected an amount (a decimal string or a number), got ${describe(input)}`,
      path,
    );
  }
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_AMOUNT_LENGTH) {
    return domainError(
      'invalid_amount',
      `an amount is at most ${MAX_AMOUNT_LENGTH} characters, got ${text.length}`,
      path,
    );
  }
  const match = DECIMAL.exec(text);
  if (match === null) {
    const shown = typeof input === 'string' ? JSON.stringify(input) : describe(input);
    return domainError(
      'invalid_amount',
      `${shown} is not a non-negative decimal amount such as "19.90"`,
      path,
    );
  }
  return match;
}

/**
 * {@link parseMoney} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function parseMoneyOrError(
  amount: unknown,
  currencyCode: unknown,
  path: Path = [],
): Result<Money, DomainError> {
  return lookupCurrency(currencyCode, [...path, 'currency']).andThen((cur) =>
    parseAmount(amount, cur, [...path, 'amount']).map((minor) =>
      Object.freeze({ amount: minor, currency: cur }),
    ),
  );
}

/**
 * Reads an amount and a currency code (the wire format's `{ amount, currency }`) into money.
 * The currency is checked first, since the amount's precision depends on it.
 *
 * @param amount - a decimal string or a JSON number (specification §8), with at most the
 *   currency's decimals
 * @param currencyCode - an ISO 4217 code, as in {@link currency}
 * @param path - the path of the money object; errors point at `[...path, 'amount']` or
 *   `[...path, 'currency']` (default `[]`)
 * @returns frozen {@link Money}, or the first error: the currency's (`invalid_field`,
 *   `unknown_currency`), else the amount's (`invalid_field`, `invalid_amount`,
 *   `amount_precision`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseMoney } from 'cocreation';
 *
 * const price = parseMoney('197.00', 'BRL');
 * if (price.isErr()) throw new Error(price.error.map((e) => e.message).join('; '));
 * assert.equal(price.value.amount, 19700n);
 * assert.equal(price.value.currency.code, 'BRL');
 *
 * const yen = parseMoney('1.5', 'JPY', ['sale', 'price']);
 * if (yen.isOk()) throw new Error('expected an error');
 * assert.deepEqual(yen.error[0].path, ['sale', 'price', 'amount']);
 * ```
 */
export function parseMoney(
  amount: unknown,
  currencyCode: unknown,
  path: Path = [],
): Result<Money, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return parseMoneyOrError(amount, currencyCode, at).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * Prints minor units with exactly the currency's decimals and a `-` for negatives.
 *
 * @param minor - the amount in minor units
 * @param currency - its currency
 * @returns the decimal string, e.g. `"-5.20"` for `-520n` BRL
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency, formatAmount } from 'cocreation';
 *
 * for (const [minor, code, printed] of [[-520n, 'BRL', '-5.20'], [5n, 'KWD', '0.005'], [7n, 'JPY', '7']] as const) {
 *   const cur = currency(code);
 *   if (cur.isErr()) throw new Error(cur.error.map((e) => e.message).join('; '));
 *   assert.equal(formatAmount(minor, cur.value), printed);
 * }
 * ```
 */
export function formatAmount(minor: bigint, currency: Currency): string {
  return formatDecimal(minor, currency.exponent);
}

/**
 * Prints money's amount with exactly its currency's decimals (the code is not included).
 *
 * @param m - the money
 * @returns the same as `formatAmount(m.amount, m.currency)`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function formatMoney(m: Money): string {
  return formatAmount(m.amount, m.currency);
}
