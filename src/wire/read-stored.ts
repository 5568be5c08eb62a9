/**
 * Reading the stored forms of a settlement and of a reversal (as `storedSettlementToJson` and
 * `storedReversalToJson` print them) back into values equal to the ones printed, checking
 * that they are ones: the printed fields as ./read-output reads them, then what the stored
 * forms add and the arithmetic of specification §5 that it allows.
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  dense,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  pushAll,
  readEnum,
  readLenient,
  required,
} from '../_internal/fields';
import { unreadableErr } from '../_internal/unreadable';
import { type DomainErrors, domainError, type Path } from '../errors';
import type {
  FeeOrigin,
  Reversal,
  ReversalLine,
  Settlement,
  SettlementLine,
} from '../settle/settlement';
import { type Currency, currencyOrError as currency } from '../values/currency';
import type { Instant } from '../values/instant';
import { parseAmount } from '../values/money';
import {
  comparePercent,
  PERCENT_100,
  type Percent,
  parsePercentOrError as parsePercent,
  percentOfAmount,
  pow10,
} from '../values/percent';
import { readAmountField, readHeader } from './read-header';
import { checkLineOrder, lineOf, readLineIdentity, readPercentField } from './read-line';
import { parseSettlementJson } from './read-output';

// ---------------------------------------------------------------------------------------------
// A stored settlement
// ---------------------------------------------------------------------------------------------

function readFeeOrigin(
  value: unknown,
  cur: Currency | undefined,
  issues: Issues,
): FeeOrigin | undefined {
  const path = ['feeOrigin'];
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const kinds = ['sale', 'schedule', 'none'] as const;
  const kind = readEnum(required(fields, 'kind', path, issues), kinds, [...path, 'kind'], issues);
  if (kind !== 'schedule') return kind === undefined ? undefined : Object.freeze({ kind });
  const feePercent = readPercentField(fields, 'percent', path, issues);
  const fixed = readAmountField(fields, 'fixed', path, cur, issues);
  if (feePercent === undefined || fixed === undefined) return undefined;
  return Object.freeze({ kind, percent: feePercent, fixed });
}

/** The fee its origin gives (the price's percent, rounded half up, plus the fixed part). */
function checkFee(settlement: Settlement, issues: Issues): void {
  const { feeOrigin: origin, price, platformFee } = settlement;
  if (origin.kind === 'sale') return;
  const expected =
    origin.kind === 'none' ? 0n : percentOfAmount(price, origin.percent, 'half-up') + origin.fixed;
  if (expected !== platformFee) {
    issues.push(
      domainError('invalid_field', 'the fee origin does not give the platform fee', ['feeOrigin']),
    );
  }
}

/** The base, net less the affiliate line, and each affiliate and cocreator line from its percent. */
function checkShares(settlement: Settlement, issues: Issues): void {
  const { net, lines } = settlement;
  const affiliate = lines.find((l) => l.role === 'affiliate');
  if (settlement.base !== net - (affiliate?.amount ?? 0n)) {
    issues.push(
      domainError('invalid_field', 'base must equal net less the affiliate line', ['base']),
    );
  }
  lines.forEach((line, i) => {
    const share =
      line.role === 'affiliate'
        ? percentOfAmount(net, line.percent, 'down')
        : line.role === 'cocreator'
          ? percentOfAmount(settlement.base, line.percent, 'down')
          : line.amount;
    if (share !== line.amount) {
      issues.push(
        domainError(
          'invalid_field',
          `the line is not floor(${line.role === 'affiliate' ? 'net' : 'base'} × percent / 100)`,
          ['lines', i, 'amount'],
        ),
      );
    }
  });
}

/** The retention floor: below 100, and the main creator keeps at least that part of the base. */
function checkFloor(settlement: Settlement, issues: Issues): void {
  const { lines } = settlement;
  const floor = settlement.minRetainedPercent;
  if (comparePercent(floor, PERCENT_100) >= 0) {
    issues.push(
      domainError('invalid_field', 'minRetainedPercent is below 100', ['minRetainedPercent']),
    );
    return;
  }
  const last = lines.length - 1;
  const main = lines[last];
  // M ≥ minRetainedPercent % of B, exactly: M × 100 × 10^scale ≥ B × units.
  if (
    main !== undefined &&
    main.amount * 100n * pow10(floor.scale) < settlement.base * floor.units
  ) {
    issues.push(
      domainError('invalid_field', 'the main creator keeps less than the retention floor', [
        'lines',
        last,
        'amount',
      ]),
    );
  }
}

/**
 * Each line's `exactShare` (specification §8): the fee for the platform, N or B × percent /
 * 100 for the affiliate and each cocreator, B less the cocreators' exact shares for the main
 * creator. Compared as numerators over one denominator, 100 × 10^s of minor units for the
 * largest percent scale s, so that no division is made.
 */
function checkExactShares(settlement: Settlement, issues: Issues): void {
  const { lines, net, base, platformFee, currency: cur } = settlement;
  // A loop, not Math.max(...scales): a settlement may have more lines than a call has room
  // for arguments (a policy may allow 250,000 contracts of 0.0001 %).
  let scale = 0;
  for (const line of lines) {
    if ('percent' in line && line.percent.scale > scale) scale = line.percent.scale;
  }
  const over = 100n * pow10(scale);
  let cocreators = 0n;
  lines.forEach((line, i) => {
    let share: bigint;
    if (line.role === 'platform') share = platformFee * over;
    else if (line.role === 'main-creator') share = base * over - cocreators;
    else {
      const of = line.role === 'affiliate' ? net : base;
      share = of * line.percent.units * pow10(scale - line.percent.scale);
      if (line.role === 'cocreator') cocreators += share;
    }
    // exactUnits / 10^exactScale major units = share / over minor units.
    if (line.exactUnits * pow10(cur.exponent) * over !== share * pow10(line.exactScale)) {
      issues.push(
        domainError('invalid_field', "exactShare is not the line's exact share", [
          'lines',
          i,
          'exactShare',
        ]),
      );
    }
  });
}

/** The amounts a settlement's fee origin and percents make, checked against its lines. */
function checkArithmetic(settlement: Settlement, issues: Issues): void {
  checkFee(settlement, issues);
  checkShares(settlement, issues);
  checkExactShares(settlement, issues);
  checkFloor(settlement, issues);
}

/** Each line's `percentAsWritten`, parsed (`undefined` where there is none). */
function readWrittenPercents(fields: Fields, issues: Issues): Array<Percent | undefined> {
  const linesValue = optional(fields, 'lines');
  return dense(Array.isArray(linesValue) ? linesValue : []).map((line: unknown, i) => {
    const value =
      typeof line === 'object' && line !== null
        ? optional(line as Fields, 'percentAsWritten')
        : undefined;
    return value === undefined
      ? undefined
      : collect(parsePercent(value, ['lines', i, 'percentAsWritten']), issues);
  });
}

/** The printed lines with each `percentAsWritten` in place of the percent it equals. */
function withWrittenPercents(
  lines: ReadonlyArray<SettlementLine>,
  written: ReadonlyArray<Percent | undefined>,
  issues: Issues,
): SettlementLine[] {
  return lines.map((line, i) => {
    const asWritten = written[i];
    if (asWritten === undefined) return line;
    const path = ['lines', i, 'percentAsWritten'];
    if (line.role !== 'affiliate' && line.role !== 'cocreator') {
      issues.push(
        domainError('invalid_field', 'only affiliate and cocreator lines have a percent', path),
      );
      return line;
    }
    if (comparePercent(asWritten, line.percent) !== 0) {
      issues.push(domainError('invalid_field', 'percentAsWritten must equal percent', path));
      return line;
    }
    return Object.freeze({ ...line, percent: asWritten });
  });
}

/**
 * Reads a settlement stored by {@link storedSettlementToJson} back into a {@link Settlement}
 * equal to the one printed (deep-equal: `refundSale`, `explain` and
 * `ledgerOf` give the same results on it). It checks what {@link parseSettlementJson}
 * checks of the printed fields, then `feeOrigin`, `minRetainedPercent` and the arithmetic of
 * specification §5 that they allow: the fee from its origin, the affiliate's and each
 * cocreator's line from its percent, the base, every line's exact share, and the main
 * creator's retention floor. Other fields are ignored, as specification §8 asks of readers.
 *
 * @param input - the stored JSON, parsed (`JSON.parse(text)`)
 * @returns the frozen {@link Settlement}, or every problem found, each with its path
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseStoredSettlementJson } from 'cocreation/wire';
 *
 * const stored = {
 *   saleId: 's1', productId: 'p1', at: '2026-03-01T12:00:00.000Z', currency: 'USD',
 *   price: '10.00', platformFee: '1.00', net: '9.00', base: '9.00',
 *   lines: [
 *     { role: 'platform', account: null, amount: '1.00', exactShare: '1.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '9.00', exactShare: '9.00' },
 *   ],
 *   feeOrigin: { kind: 'sale' }, minRetainedPercent: '30',
 * };
 * const settlement = parseStoredSettlementJson(stored);
 * if (settlement.isErr()) throw new Error(settlement.error.map((e) => e.message).join('; '));
 * assert.equal(settlement.value.feeOrigin.kind, 'sale');
 *
 * const { feeOrigin, ...printedOnly } = stored;
 * const refused = parseStoredSettlementJson(printedOnly);
 * if (refused.isOk()) throw new Error('expected an error');
 * assert.deepEqual(refused.error.map((e) => e.path), [['feeOrigin']]);
 * ```
 */
export function parseStoredSettlementJson(input: unknown): Result<Settlement, DomainErrors> {
  try {
    return readStoredSettlementJson(input);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link parseStoredSettlementJson} answers when reading its input does not throw (it catches what does). */
function readStoredSettlementJson(input: unknown): Result<Settlement, DomainErrors> {
  const issues: Issues = [];
  const printed = parseSettlementJson(input);
  if (printed.isErr()) pushAll(issues, printed.error);
  // parseSettlementJson reported a value that is not an object; nothing more can be read.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err(nonEmpty(issues) as DomainErrors);
  }
  const fields = input as Fields;
  const cur = currency(optional(fields, 'currency')).unwrapOr(undefined);
  const originValue = required(fields, 'feeOrigin', [], issues);
  const feeOrigin = originValue === undefined ? undefined : readFeeOrigin(originValue, cur, issues);
  const floor = readPercentField(fields, 'minRetainedPercent', [], issues);
  // The printed fields were read by parseSettlementJson; only `percentAsWritten` is new here.
  const written = readWrittenPercents(fields, issues);
  if (printed.isErr() || issues.length > 0) return err(nonEmpty(issues) as DomainErrors);
  const value = printed.value;
  const settlement: Settlement = Object.freeze({
    saleId: value.saleId,
    productId: value.productId,
    at: value.at,
    currency: value.currency,
    price: value.price,
    platformFee: value.platformFee,
    feeOrigin: feeOrigin as FeeOrigin,
    net: value.net,
    base: value.base,
    minRetainedPercent: floor as Percent,
    lines: Object.freeze(withWrittenPercents(value.lines, written, issues)),
  });
  checkArithmetic(settlement, issues);
  const problems = nonEmpty(issues);
  return problems === undefined ? ok(settlement) : err(problems);
}

// ---------------------------------------------------------------------------------------------
// A stored reversal
// ---------------------------------------------------------------------------------------------

/** The percent of a stored line: `percentAsWritten` when present (equal in value), else `percent`. */
function readLinePercent(fields: Fields, path: Path, issues: Issues): Percent | undefined {
  const printed = readPercentField(fields, 'percent', path, issues);
  const writtenValue = optional(fields, 'percentAsWritten');
  if (writtenValue === undefined) return printed;
  const at = [...path, 'percentAsWritten'];
  const written = collect(parsePercent(writtenValue, at), issues);
  if (written === undefined || printed === undefined) return undefined;
  if (comparePercent(written, printed) !== 0) {
    issues.push(domainError('invalid_field', 'percentAsWritten must equal percent', at));
    return undefined;
  }
  return written;
}

/** A reversal amount: `0` or a negative decimal with at most the currency's decimals. */
function readReversalAmount(
  value: unknown,
  cur: Currency,
  path: Path,
  issues: Issues,
): bigint | undefined {
  // A JSON number is read as JavaScript prints it (specification §8), its sign included.
  const text = typeof value === 'number' ? String(value) : value;
  const negative = typeof text === 'string' && text.startsWith('-');
  const magnitude = collect(parseAmount(negative ? text.slice(1) : text, cur, path), issues);
  if (magnitude === undefined) return undefined;
  if (!negative && magnitude !== 0n) {
    issues.push(domainError('invalid_amount', 'a reversal line is negative or zero', path));
    return undefined;
  }
  return -magnitude;
}

function readReversalLine(
  value: unknown,
  path: Path,
  cur: Currency | undefined,
  issues: Issues,
): ReversalLine | undefined {
  const before = issues.length;
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const identity = readLineIdentity(fields, path, issues, readLinePercent);
  const amountValue = required(fields, 'amount', path, issues);
  const amount =
    amountValue === undefined || cur === undefined
      ? undefined
      : readReversalAmount(amountValue, cur, [...path, 'amount'], issues);
  if (issues.length > before || identity.role === undefined || amount === undefined) {
    return undefined;
  }
  // With no problem on this line, every field its role needs was read.
  return lineOf(identity, { amount });
}

/** The rules across a read reversal's fields: amount above 0, the refunded total, the lines. */
function checkReversal(
  amount: bigint,
  refundedTotal: bigint,
  lines: ReadonlyArray<ReversalLine>,
  issues: Issues,
): void {
  if (amount === 0n) {
    issues.push(domainError('invalid_amount', 'a refund amount is above 0', ['amount']));
  }
  if (refundedTotal < amount) {
    issues.push(
      domainError('invalid_field', 'refundedTotal is at least the amount', ['refundedTotal']),
    );
  }
  checkLineOrder(
    lines.map((l) => l.role),
    issues,
  );
  if (lines.reduce((sum, l) => sum + l.amount, 0n) !== -amount) {
    issues.push(domainError('invalid_field', 'the lines must sum to −amount', ['lines']));
  }
}

/**
 * Reads a reversal stored by {@link storedReversalToJson} back into a {@link Reversal} equal
 * to the one printed (deep-equal: `ledgerOf` and `explain` give the same results
 * on it). It checks the shape of every field, that each line is negative or zero, that the
 * lines come in settlement order (platform first, at most one affiliate, cocreators, main
 * creator last) and sum to −amount, and that `refundedTotal` is at least `amount`. Other
 * fields are ignored, as specification §8 asks of readers.
 *
 * @param input - the stored JSON, parsed (`JSON.parse(text)`)
 * @returns the frozen {@link Reversal}, or every problem found, each with its path
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseStoredReversalJson } from 'cocreation/wire';
 *
 * const stored = {
 *   refundId: 'r1', saleId: 's1', at: '2026-03-02T00:00:00.000Z', currency: 'USD',
 *   amount: '2.50', refundedTotal: '2.50',
 *   lines: [
 *     { role: 'platform', account: null, amount: '0.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '-2.50' },
 *   ],
 * };
 * const reversal = parseStoredReversalJson(stored);
 * if (reversal.isErr()) throw new Error(reversal.error.map((e) => e.message).join('; '));
 * assert.equal(reversal.value.amount, 250n);
 *
 * const bad = { ...stored, lines: [stored.lines[0], { ...stored.lines[1], amount: '2.50' }] };
 * const refused = parseStoredReversalJson(bad);
 * if (refused.isOk()) throw new Error('expected an error');
 * assert.deepEqual(
 *   refused.error.map((e) => [e.code, e.path]),
 *   [['invalid_amount', ['lines', 1, 'amount']]],
 * );
 * ```
 */
export function parseStoredReversalJson(input: unknown): Result<Reversal, DomainErrors> {
  try {
    return readStoredReversalJson(input);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link parseStoredReversalJson} answers when reading its input does not throw (it catches what does). */
function readStoredReversalJson(input: unknown): Result<Reversal, DomainErrors> {
  const issues: Issues = [];
  const fields = readLenient(input, [], issues);
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const header = readHeader(
    fields,
    ['refundId', 'saleId'],
    ['amount', 'refundedTotal'],
    readReversalLine,
    issues,
  );
  const [refundId, saleId] = header.ids;
  const [amount, refundedTotal] = header.amounts;
  // A line that could not be read is undefined here, and its problem was reported.
  const lines = header.lines as ReversalLine[];
  // With no problem reported every field was read; the rules across fields are checked then.
  if (issues.length === 0) {
    checkReversal(amount as bigint, refundedTotal as bigint, lines, issues);
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(
    Object.freeze({
      refundId: refundId as string,
      saleId: saleId as string,
      at: header.at as Instant,
      currency: header.currency as Currency,
      amount: amount as bigint,
      refundedTotal: refundedTotal as bigint,
      lines: Object.freeze(lines),
    }),
  );
}
