/**
 * Reading the header of a printed settlement or a stored reversal (specification §8): its ids,
 * its instant, its currency, its amounts in that currency and its lines, each problem
 * reported in that order with its path. One reader for both, so that they read alike.
 */
import {
  collect,
  type Fields,
  type Issues,
  readArray,
  readString,
  required,
} from '../_internal/fields';
import type { Path } from '../errors';
import { type Currency, currencyOrError as currency } from '../values/currency';
import { type Instant, parseInstantOrError as parseInstant } from '../values/instant';
import { parseAmount } from '../values/money';

/** Reads one line at `path`, its amount in `cur` (unread, with no problem, when `cur` is unknown). */
export type LineReader<L> = (
  value: unknown,
  path: Path,
  cur: Currency | undefined,
  issues: Issues,
) => L | undefined;

/** What a header holds; a part that did not read is `undefined`, its problem reported. */
export interface Header<L> {
  /** The ids, in the order of the keys asked for. */
  readonly ids: ReadonlyArray<string | undefined>;
  /** `at`. */
  readonly at: Instant | undefined;
  /** `currency`. */
  readonly currency: Currency | undefined;
  /** The amounts, in the order of the keys asked for. */
  readonly amounts: ReadonlyArray<bigint | undefined>;
  /** One per line given (none when `lines` is not an array). */
  readonly lines: ReadonlyArray<L | undefined>;
}

/**
 * A required amount field in `cur`, parsed. Left unread (with no problem of its own) when the
 * currency did not read: its problem is already reported.
 */
export function readAmountField(
  fields: Fields,
  key: string,
  path: Path,
  cur: Currency | undefined,
  issues: Issues,
): bigint | undefined {
  const value = required(fields, key, path, issues);
  return value === undefined || cur === undefined
    ? undefined
    : collect(parseAmount(value, cur, [...path, key]), issues);
}

/**
 * Reads, at the top of `fields`: the non-empty string ids `idKeys`, `at`, `currency`, the
 * amounts `amountKeys` in that currency, then `lines` (a required array) with `readLine`.
 */
export function readHeader<L>(
  fields: Fields,
  idKeys: ReadonlyArray<string>,
  amountKeys: ReadonlyArray<string>,
  readLine: LineReader<L>,
  issues: Issues,
): Header<L> {
  const ids = idKeys.map((key) => readString(fields, key, [], issues));
  const atValue = required(fields, 'at', [], issues);
  const at = atValue === undefined ? undefined : collect(parseInstant(atValue, ['at']), issues);
  const codeValue = required(fields, 'currency', [], issues);
  const cur =
    codeValue === undefined ? undefined : collect(currency(codeValue, ['currency']), issues);
  const amounts = amountKeys.map((key) => readAmountField(fields, key, [], cur, issues));
  const linesValue = readArray(required(fields, 'lines', [], issues), ['lines'], issues);
  const lines = (linesValue ?? []).map((line, index) =>
    readLine(line, ['lines', index], cur, issues),
  );
  return { ids, at, currency: cur, amounts, lines };
}
