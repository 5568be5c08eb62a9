/**
 * Reading a settlement printed in specification §8's shape (as `settlementToJson` prints it)
 * back into values, checking that it is one.
 */

import { err, ok, type Result } from 'neverthrow';
import { type Fields, type Issues, nonEmpty, readLenient, required } from '../_internal/fields';
import { unreadableErr } from '../_internal/unreadable';
import { type DomainErrors, domainError, type Path } from '../errors';
import type { Settlement, SettlementLine } from '../settle/settlement';
import type { Currency } from '../values/currency';
import type { Instant } from '../values/instant';
import { readAmountField, readHeader } from './read-header';
import { checkLineOrder, lineOf, readLineIdentity, readPrintedPercent } from './read-line';

/**
 * What a printed settlement holds: a {@link Settlement} without the fields specification §8
 * does not print (`feeOrigin`, `minRetainedPercent`).
 */
export type PrintedSettlement = Omit<Settlement, 'feeOrigin' | 'minRetainedPercent'>;

const EXACT = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** A decimal string EXACT accepts as a scaled integer: its digits and its number of decimals. */
function scaledFromText(text: string): [bigint, number] {
  const dot = text.indexOf('.');
  if (dot < 0) return [BigInt(text), 0];
  return [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}

/** A line's `exactShare`: a decimal string, required. */
function readExactShare(fields: Fields, path: Path, issues: Issues): string | undefined {
  const exactValue = required(fields, 'exactShare', path, issues);
  if (typeof exactValue === 'string' && EXACT.test(exactValue)) return exactValue;
  if (exactValue !== undefined) {
    issues.push(domainError('invalid_field', 'expected a decimal string', [...path, 'exactShare']));
  }
  return undefined;
}

/** One printed settlement line, frozen, or `undefined` with its problems reported. */
function readLine(
  value: unknown,
  path: Path,
  cur: Currency | undefined,
  issues: Issues,
): SettlementLine | undefined {
  const before = issues.length;
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const identity = readLineIdentity(fields, path, issues, readPrintedPercent);
  const amount = readAmountField(fields, 'amount', path, cur, issues);
  const exactShare = readExactShare(fields, path, issues);
  // The amount is left unread (with no problem on this line) when the currency is broken.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a line is used only when no problem was reported anywhere, and an undefined role or amount always comes with one; the guard only narrows the types
  if (issues.length > before || identity.role === undefined || amount === undefined) {
    return undefined;
  }
  // With no problem reported on this line, every field its role needs was read: each reader
  // above reports what it cannot read, and only the platform line has no account.
  const [exactUnits, exactScale] = scaledFromText(exactShare as string);
  return lineOf(identity, { amount, exactUnits, exactScale });
}

/** The rules between a printed settlement's lines and its price and fee. */
function checkLines(
  lines: ReadonlyArray<SettlementLine>,
  price: bigint,
  fee: bigint,
  issues: Issues,
): void {
  checkLineOrder(
    lines.map((l) => l.role),
    issues,
  );
  if (lines[0]?.role === 'platform' && lines[0].amount !== fee) {
    issues.push(
      domainError('invalid_field', 'the platform line must equal the platform fee', [
        'lines',
        0,
        'amount',
      ]),
    );
  }
  const total = lines.reduce((sum, l) => sum + l.amount, 0n);
  if (total !== price) {
    issues.push(domainError('invalid_field', 'the lines must sum to the price', ['lines']));
  }
}

/**
 * Reads a settlement printed in specification §8's shape (as {@link settlementToJson} prints it)
 * back into values, checking that it is one: lines in settlement order (platform first, main
 * creator last), the platform line equal to the fee, `net = price − platformFee`, and lines
 * that sum to the price. Unknown fields are ignored, as specification §8 asks of readers.
 * A printed settlement lacks what refunding and explaining need: to keep a whole
 * {@link Settlement}, print it with {@link storedSettlementToJson} and read it with
 * {@link parseStoredSettlementJson}.
 *
 * @param input - a printed settlement (for instance the `settlement` of a `settle` output)
 * @returns the frozen {@link PrintedSettlement}, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseSettlementJson } from 'cocreation/wire';
 *
 * const s = parseSettlementJson({
 *   saleId: 's1', productId: 'p1', at: '2026-03-01T12:00:00.000Z', currency: 'USD',
 *   price: '10.00', platformFee: '1.00', net: '9.00', base: '9.00',
 *   lines: [
 *     { role: 'platform', account: null, amount: '1.00', exactShare: '1.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '9.00', exactShare: '9.00' },
 *   ],
 * });
 * if (s.isErr()) throw new Error(s.error.map((e) => e.message).join('; '));
 * assert.equal(s.value.net, 900n);
 * assert.equal(parseSettlementJson({}).isErr(), true);
 * ```
 */
export function parseSettlementJson(input: unknown): Result<PrintedSettlement, DomainErrors> {
  try {
    return readSettlementJson(input);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link parseSettlementJson} answers when reading its input does not throw (it catches what does). */
function readSettlementJson(input: unknown): Result<PrintedSettlement, DomainErrors> {
  const issues: Issues = [];
  const fields = readLenient(input, [], issues);
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const header = readHeader(
    fields,
    ['saleId', 'productId'],
    ['price', 'platformFee', 'net', 'base'],
    readLine,
    issues,
  );
  const [saleId, productId] = header.ids;
  const [price, platformFee, net, base] = header.amounts;
  // A line that could not be read is undefined here, and its problem was reported.
  const lines = header.lines as SettlementLine[];
  // With no problem reported, every field was read: each reader reports what it cannot read.
  // The rules across fields are checked only then.
  if (issues.length === 0) {
    if (net !== (price as bigint) - (platformFee as bigint)) {
      issues.push(domainError('invalid_field', 'net must equal price − platformFee', ['net']));
    }
    checkLines(lines, price as bigint, platformFee as bigint, issues);
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(
    Object.freeze({
      saleId: saleId as string,
      productId: productId as string,
      at: header.at as Instant,
      currency: header.currency as Currency,
      price: price as bigint,
      platformFee: platformFee as bigint,
      net: net as bigint,
      base: base as bigint,
      lines: Object.freeze(lines),
    }),
  );
}
