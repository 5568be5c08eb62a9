/**
 * Comparing a platform's split with the oracle's, party by party.
 */
import { MAX_EXACT_SCALE } from '../settle/lines';
import { currency } from '../values/currency';
import { formatDecimal } from '../values/decimal';
import { parseInstant } from '../values/instant';
import { MAX_PERCENT_SCALE } from '../values/percent';

/** One difference between two settlements. */
export interface SettlementDifference {
  /**
   * The line's position in `expected` (in `actual` for a line only there), `null` for a
   * field of the settlement itself (`price`, `net`, ...).
   */
  readonly index: number | null;
  /** The line's role, `null` for a field of the settlement itself. */
  readonly role: string | null;
  /** The line's account (canonical), `null` for the platform and the settlement itself. */
  readonly account: string | null;
  /**
   * What differs: `'amount'`, `'percent'`, `'contractId'`, `'exactShare'` of a line; `'line'`
   * for a line missing on one side; or the settlement's own `'saleId'`, `'productId'`, `'at'`,
   * `'currency'`, `'price'`, `'platformFee'`, `'net'`, `'base'`.
   */
  readonly field: string;
  /** As written in `expected`; `null` when absent there (an extra line, for instance). */
  readonly expected: string | null;
  /** As written in `actual`; `null` when absent there (a missing line, for instance). */
  readonly actual: string | null;
}

/** A percent as the library holds it: `units / 10^scale`. */
export interface PercentValue {
  /** The digits, as an integer. */
  readonly units: bigint;
  /** The decimal places. */
  readonly scale: number;
}

/** A currency as the library holds it. */
export interface CurrencyValue {
  /** The ISO 4217 code. */
  readonly code: string;
  /** The number of decimals of its minor unit. */
  readonly exponent: number;
}

/** A settlement line as either side may hold it: printed (strings) or as values. */
export interface ComparableLine {
  /** `platform`, `affiliate`, `cocreator` or `main-creator`: with the account, what matches lines. */
  readonly role: string;
  /** Compared after trimming and ASCII lower-casing; `null` for the platform. */
  readonly account: string | null;
  /** Compared when either side has it. */
  readonly contractId?: string;
  /** Compared by value when either side has it. */
  readonly percent?: string | number | PercentValue;
  /** A decimal (string or number) in major units, or `bigint` minor units. */
  readonly amount: string | number | bigint;
  /** Compared by value when both sides have it (or its scaled form below). */
  readonly exactShare?: string;
  /** A library line's exact share, `exactUnits / 10^exactScale`: compared as `exactShare`. */
  readonly exactUnits?: bigint;
  /** The decimals of `exactUnits`. */
  readonly exactScale?: number;
}

/**
 * A settlement as either side may hold it: specification §8's printed shape (amounts as
 * strings, or numbers), a library `Settlement` (amounts as `bigint` minor units), or a
 * platform's own subset of it (only `lines` is needed). Each field other than `lines` is
 * compared only when both sides have it.
 */
export interface ComparableSettlement {
  /** The sale's id. */
  readonly saleId?: string;
  /** The product's id. */
  readonly productId?: string;
  /** The sale's instant: text with an offset, or epoch milliseconds; compared as an instant. */
  readonly at?: string | number;
  /** A currency code, or a currency value (whose exponent reads `bigint` amounts). */
  readonly currency?: string | CurrencyValue;
  /** P. */
  readonly price?: string | number | bigint;
  /** F. */
  readonly platformFee?: string | number | bigint;
  /** N. */
  readonly net?: string | number | bigint;
  /** B. */
  readonly base?: string | number | bigint;
  /** The lines, matched by role and account, in any order. */
  readonly lines: ReadonlyArray<ComparableLine>;
}

type Loose = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DECIMAL = /^(-?)0*([0-9]+?)(?:\.([0-9]*?)0*)?$/;

/** A decimal in a form where equal values are equal strings (`"21.10"` and `"21.1"`). */
function normalDecimal(text: string): string {
  const match = DECIMAL.exec(text);
  if (match === null) return text;
  const [, sign, whole, fraction] = match;
  const body = fraction === undefined || fraction === '' ? whole : `${whole}.${fraction}`;
  return body === '0' ? '0' : `${sign}${body}`;
}

interface Shown {
  readonly text: string;
  readonly key: string;
}

function showDecimal(value: unknown, exponent: number): Shown | undefined {
  if (typeof value === 'bigint') {
    const text = formatDecimal(value, exponent);
    return { text, key: normalDecimal(text) };
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const text = String(value);
    return { text, key: normalDecimal(text) };
  }
  return undefined;
}

/** A line's exact share: printed (`exactShare`) or as a library line's scaled integer. */
function showExact(line: Loose): Shown | undefined {
  if (line.exactShare !== undefined) return showDecimal(line.exactShare, 0);
  const scale = line.exactScale;
  // A scale no line can have (a corrupted value) is not printed: it could be a huge string.
  if (typeof line.exactUnits !== 'bigint' || !Number.isInteger(scale)) return undefined;
  if ((scale as number) < 0 || (scale as number) > MAX_EXACT_SCALE) return undefined;
  return showDecimal(line.exactUnits, scale as number);
}

/** A whole number from 0 to `max`: a scale or an exponent that can be printed. */
function isScale(value: unknown, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

function showPercent(value: unknown): Shown | undefined {
  if (isRecord(value) && typeof value.units === 'bigint' && typeof value.scale === 'number') {
    // A scale no percent can have (negative, fractional, huge) is no percent value.
    if (!isScale(value.scale, MAX_PERCENT_SCALE)) return undefined;
    const text = normalDecimal(formatDecimal(value.units, value.scale));
    return { text, key: text };
  }
  return showDecimal(value, 0);
}

/** The largest distance from the epoch, in ms, that a `Date` holds. */
const MAX_DATE_MS = 8.64e15;

function showInstant(value: unknown): Shown | undefined {
  if (typeof value === 'number') {
    // Date covers ±8.64e15 ms: past it (or NaN) toISOString throws, so the number is shown as is.
    const text = Math.abs(value) <= MAX_DATE_MS ? new Date(value).toISOString() : String(value);
    return { text, key: String(value) };
  }
  if (typeof value === 'string') {
    const parsed = parseInstant(value);
    return { text: value, key: parsed.isOk() ? String(parsed.value) : value };
  }
  return undefined;
}

function showText(value: unknown): Shown | undefined {
  return typeof value === 'string' ? { text: value, key: value } : undefined;
}

function canonicalAccount(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * A line as read once, when its side is read: the role as text, the percent and exact share
 * already shown, the rest as given (only their type is looked at afterwards). Nothing of the
 * caller's value is read after that, so a getter or `Proxy` that throws is met only there.
 */
interface Line {
  readonly role: string;
  readonly account: unknown;
  readonly contractId: unknown;
  readonly percent: Shown | undefined;
  readonly amount: unknown;
  readonly exact: Shown | undefined;
}

/** What a line that is not an object, or whose reading throws, counts as. */
const NO_LINE: Line = {
  role: String(undefined),
  account: undefined,
  contractId: undefined,
  percent: undefined,
  amount: undefined,
  exact: undefined,
};

interface Side {
  /** The decimals of its currency (0 for one it does not know); `null` when it names none. */
  readonly exponent: number | null;
  /** The settlement's own fields (the currency as its code), as given. */
  readonly fields: Loose;
  readonly lines: ReadonlyArray<Line>;
}

const NO_SIDE: Side = { exponent: null, fields: {}, lines: [] };

/** A side with the decimals its bigint amounts are read in. */
interface Read extends Omit<Side, 'exponent'> {
  readonly exponent: number;
}

function lineOf(value: unknown): Line {
  try {
    if (!isRecord(value)) return NO_LINE;
    return {
      role: String(value.role),
      account: value.account,
      contractId: value.contractId,
      percent: showPercent(value.percent),
      amount: value.amount,
      exact: showExact(value),
    };
  } catch {
    return NO_LINE;
  }
}

/**
 * Reads either side leniently: a whole `settle` output is unwrapped to its settlement. A
 * value whose reading throws counts as one without lines (a line whose reading throws, as a
 * line that is not an object).
 */
function side(input: unknown): Side {
  try {
    return readSide(input);
  } catch {
    return NO_SIDE;
  }
}

function readSide(input: unknown): Side {
  let given: Loose = isRecord(input) ? input : {};
  if (!Array.isArray(given.lines) && isRecord(given.settlement)) given = given.settlement;
  const cur = given.currency;
  // No currency (null, absent): the other side's decimals. A currency named but not readable
  // (`'usd'`, a record without its exponent and an unknown code): minor units as they are.
  let exponent: number | null = null;
  if (isRecord(cur) && isScale(cur.exponent, MAX_EXACT_SCALE)) exponent = cur.exponent;
  else if (cur !== undefined && cur !== null) {
    exponent = currency(isRecord(cur) ? cur.code : cur).match(
      (found) => found.exponent,
      () => 0,
    );
  }
  const fields: Record<string, unknown> = {};
  for (const [field] of HEADER) fields[field] = given[field];
  if (isRecord(cur)) fields.currency = cur.code;
  const lines = Array.isArray(given.lines) ? Array.from(given.lines as unknown[], lineOf) : [];
  return { exponent, fields, lines };
}

const HEADER: ReadonlyArray<
  readonly [string, (value: unknown, exponent: number) => Shown | undefined]
> = [
  ['saleId', showText],
  ['productId', showText],
  ['at', showInstant],
  ['currency', showText],
  ['price', showDecimal],
  ['platformFee', showDecimal],
  ['net', showDecimal],
  ['base', showDecimal],
];

/** Shown for a line whose amount is not readable: it is there, which is what differs. */
const PRESENT: Shown = { text: 'present', key: '\u0000present' };

function lineKey(line: Line): string {
  return JSON.stringify([line.role, canonicalAccount(line.account)]);
}

/**
 * Compares two settlements party by party and returns what differs, as plain data: empty
 * when they agree. Lines are matched by role and account (order does not matter); amounts
 * and percents are compared by value (`"21.1"` equals `"21.10"` and `21.1`), accounts after
 * canonicalization, instants as instants. A settlement field (`price`, `net`, ...) and a
 * line's `exactShare` are compared only when both sides have them, so that a platform's
 * record of the lines alone can be checked against the oracle's full output. A line's
 * `contractId` and `percent` are compared when at least one side has them: one side
 * without them is a difference. `bigint` amounts are minor units of the side's currency (a
 * currency value without a usable exponent is read by its code), or of the other side's when
 * it names none (a record of the lines alone); a code the library does not know reads them
 * as whole minor units. Never throws;
 * anything that is not a settlement, or whose reading throws (a getter, a `Proxy`), counts
 * as one without lines, and a line that cannot be read as a line that is not an object.
 *
 * @param expected - the oracle's settlement (e.g. `settleToJson(doc).settlement`), a whole
 *   `settle` output, or a `Settlement`
 * @param actual - the platform's settlement, in any of the same shapes
 * @returns the differences, frozen, in the order of `expected`'s lines, then extra lines
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { diffSettlements } from 'cocreation/testing';
 *
 * const oracle = {
 *   lines: [
 *     { role: 'platform', account: null, amount: '20.50' },
 *     { role: 'cocreator', account: 'bia@example.com', contractId: 'c1', percent: '20', amount: '21.18' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '155.32' },
 *   ],
 * };
 * const mine = {
 *   lines: [
 *     { role: 'platform', account: null, amount: 20.5 },
 *     { role: 'cocreator', account: 'Bia@Example.com', contractId: 'c1', percent: '20.00', amount: '21.19' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '155.31' },
 *   ],
 * };
 * assert.deepEqual(diffSettlements(oracle, mine), [
 *   { index: 1, role: 'cocreator', account: 'bia@example.com', field: 'amount', expected: '21.18', actual: '21.19' },
 *   { index: 2, role: 'main-creator', account: 'ana@example.com', field: 'amount', expected: '155.32', actual: '155.31' },
 * ]);
 * assert.deepEqual(diffSettlements(oracle, oracle), []);
 * ```
 */
export function diffSettlements(
  expected: ComparableSettlement | { readonly settlement: ComparableSettlement },
  actual: ComparableSettlement | { readonly settlement: ComparableSettlement },
): ReadonlyArray<SettlementDifference> {
  const left = side(expected);
  const right = side(actual);
  // A side that names no currency (a record of the lines alone) reads its bigint amounts in
  // the decimals of the other side's currency.
  const exponent = left.exponent ?? right.exponent ?? 0;
  const sides: readonly [Read, Read] = [
    { ...left, exponent },
    { ...right, exponent: right.exponent ?? exponent },
  ];
  const differences: SettlementDifference[] = [];
  diffHeader(...sides, differences);
  diffLines(...sides, differences);
  return Object.freeze(differences.map((d) => Object.freeze(d)));
}

/** Adds a difference to `out` unless the two values are equal (two absent ones included). */
function differ(
  out: SettlementDifference[],
  index: number | null,
  line: Line | null,
  field: string,
  a: Shown | undefined,
  b: Shown | undefined,
): void {
  if (a?.key === b?.key) return;
  out.push({
    index,
    role: line === null ? null : line.role,
    account: line === null ? null : canonicalAccount(line.account),
    field,
    expected: a?.text ?? null,
    actual: b?.text ?? null,
  });
}

/** The settlement's own fields, each compared only when both sides have it. */
function diffHeader(left: Read, right: Read, out: SettlementDifference[]): void {
  for (const [field, show] of HEADER) {
    const a = show(left.fields[field], left.exponent);
    const b = show(right.fields[field], right.exponent);
    if (a !== undefined && b !== undefined) differ(out, null, null, field, a, b);
  }
}

/**
 * The lines, matched by role and account (the first unmatched line of `actual` with the same
 * key): a line of `expected` without a match, the fields of matched lines, then the lines of
 * `actual` left over, in their order.
 */
function diffLines(left: Read, right: Read, out: SettlementDifference[]): void {
  const unmatched = new Map<string, number[]>();
  right.lines.forEach((line, index) => {
    const key = lineKey(line);
    unmatched.set(key, [...(unmatched.get(key) ?? []), index]);
  });
  left.lines.forEach((line, index) => {
    const candidates = unmatched.get(lineKey(line)) ?? [];
    const match = candidates.shift();
    if (match === undefined) {
      differ(
        out,
        index,
        line,
        'line',
        showDecimal(line.amount, left.exponent) ?? PRESENT,
        undefined,
      );
      return;
    }
    diffMatchedLine(out, index, line, left.exponent, right.lines[match] as Line, right.exponent);
  });
  const extra = [...unmatched.values()].flat().sort((a, b) => a - b);
  for (const index of extra) {
    const line = right.lines[index] as Line;
    differ(
      out,
      index,
      line,
      'line',
      undefined,
      showDecimal(line.amount, right.exponent) ?? PRESENT,
    );
  }
}

/** Two lines with the same role and account: their contract, percent, amount and exact share. */
function diffMatchedLine(
  out: SettlementDifference[],
  index: number,
  line: Line,
  exponent: number,
  other: Line,
  otherExponent: number,
): void {
  // Compared when either side has it: two absent values agree, as two equal ones.
  differ(out, index, line, 'contractId', showText(line.contractId), showText(other.contractId));
  differ(out, index, line, 'percent', line.percent, other.percent);
  const amount = showDecimal(line.amount, exponent);
  differ(out, index, line, 'amount', amount, showDecimal(other.amount, otherExponent));
  if (line.exact !== undefined && other.exact !== undefined) {
    differ(out, index, line, 'exactShare', line.exact, other.exact);
  }
}
