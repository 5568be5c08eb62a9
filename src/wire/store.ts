/**
 * Storing the values a platform keeps (a product, a contract's history, a refund, a settled
 * sale, a refund's reversal) as JSON in specification §8's wire format, and reading them back
 * equal: deep-equal to the original, so every function gives the same result on the copy.
 *
 * The wire forms of a product, a contract and a refund are the ones a `settle` document
 * holds, read back by `product`, `contract` and `refund`. A settlement and a
 * reversal are printed by the oracle without some of what their values hold (how the fee was
 * reached, the retention floor, a percent's places as written, the refunded total): their
 * *stored* forms are the oracle's output with those fields added, which specification §8 allows
 * ("lines may carry more fields; readers ignore fields they do not know").
 */
import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  deepFreeze,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  readEnum,
  required,
} from '../_internal/fields';
import type { CocreationContract } from '../contracts/types';
import { type DomainErrors, domainError, type Path } from '../errors';
import type { Product } from '../model/product';
import type { Refund } from '../model/sale';
import type {
  FeeOrigin,
  Reversal,
  ReversalLine,
  Role,
  Settlement,
  SettlementLine,
} from '../settle/settlement';
import { type AccountId, accountIdOrError as accountId } from '../values/account';
import { type Currency, currencyOrError as currency } from '../values/currency';
import {
  formatInstant,
  type Instant,
  parseInstantOrError as parseInstant,
} from '../values/instant';
import { formatAmount, parseAmount } from '../values/money';
import {
  comparePercent,
  formatPercent,
  PERCENT_100,
  type Percent,
  parsePercentOrError as parsePercent,
  percentOfAmount,
  pow10,
} from '../values/percent';
import {
  type ContractJson,
  eventToJson,
  moneyToJson,
  type ProductJson,
  parseSettlementJson,
  percentAsWritten,
  type RefundJson,
  type ReversalJson,
  type ReversalLineJson,
  readLenient,
  readString,
  reversalToJson,
  type SettlementJson,
  type SettlementLineJson,
  settlementToJson,
} from './json';

// ---------------------------------------------------------------------------------------------
// Products, contracts, refunds: the wire forms of a `settle` document
// ---------------------------------------------------------------------------------------------

/**
 * Prints a product as a `settle` document holds it: the main creator's account canonical,
 * `affiliateCommission` with its places as written (absent when the product has none).
 * `product` reads the result back into an equal product.
 *
 * @param course - a product from `product` (a formatter: it assumes a value the library
 *   built, as specification §7 allows, and does not check it)
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { product } from 'cocreation';
 * import { productToJson } from 'cocreation/wire';
 *
 * const course = product({ id: 'p1', mainCreator: ' Ana@Example.com', affiliateCommission: '40.0' });
 * if (course.isErr()) throw new Error(course.error[0].message);
 * const stored = JSON.stringify(productToJson(course.value));
 * assert.equal(stored, '{"id":"p1","mainCreator":"ana@example.com","affiliateCommission":"40.0"}');
 * assert.deepEqual(product(JSON.parse(stored))._unsafeUnwrap(), course.value);
 * ```
 */
export function productToJson(course: Product): ProductJson {
  return deepFreeze({
    id: course.id,
    mainCreator: course.mainCreator,
    ...(course.affiliateCommission === null
      ? {}
      : { affiliateCommission: percentAsWritten(course.affiliateCommission) }),
  });
}

/**
 * Prints a contract with its whole history as a `settle` document holds it: instants in UTC
 * with milliseconds, accounts canonical, every term as the event gave it (percents with their
 * places as written). `contract` reads the result back into an equal contract.
 *
 * @param deal - a contract from `contract` (or `checkContract`); not checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { contract } from 'cocreation';
 * import { contractToJson } from 'cocreation/wire';
 *
 * const deal = contract({
 *   id: 'c1', productId: 'p1', cocreator: 'bia@example.com',
 *   events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00-03:00', by: 'ana@example.com', terms: { percent: '20.00' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ],
 * })._unsafeUnwrap();
 * const json = contractToJson(deal);
 * assert.equal(json.events[0]?.at, '2026-01-01T03:00:00.000Z');
 * assert.equal(json.events[0]?.terms?.percent, '20.00');
 * assert.deepEqual(contract(JSON.parse(JSON.stringify(json)))._unsafeUnwrap(), deal);
 * ```
 */
export function contractToJson(deal: CocreationContract): ContractJson {
  return deepFreeze({
    id: deal.id,
    productId: deal.productId,
    cocreator: deal.cocreator,
    events: deal.events.map(eventToJson),
  });
}

/**
 * Prints a refund as a `settle` document holds it. `refund` reads the result back into
 * an equal refund: this is how the refunds already made to a sale are kept, to give
 * `refundSale` the `previousRefunds` of the next one.
 *
 * @param r - a refund from `refund`; not checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { refund } from 'cocreation';
 * import { refundToJson } from 'cocreation/wire';
 *
 * const r = refund({ id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '50', currency: 'BRL' } });
 * if (r.isErr()) throw new Error(r.error[0].message);
 * const stored = JSON.stringify(refundToJson(r.value));
 * assert.equal(stored, '{"id":"r1","at":"2026-03-05T00:00:00.000Z","amount":{"amount":"50.00","currency":"BRL"}}');
 * assert.deepEqual(refund(JSON.parse(stored))._unsafeUnwrap(), r.value);
 * ```
 */
export function refundToJson(r: Refund): RefundJson {
  return deepFreeze({ id: r.id, at: formatInstant(r.at), amount: moneyToJson(r.amount) });
}

// ---------------------------------------------------------------------------------------------
// Stored settlements and reversals: the oracle's output and what it leaves out
// ---------------------------------------------------------------------------------------------

/** How the platform fee was reached, as a stored settlement keeps it (see {@link FeeOrigin}). */
export type FeeOriginJson =
  | {
      /** The sale gave its `platformFee`. */
      readonly kind: 'sale';
    }
  | {
      /** The policy's fee schedule computed the fee. */
      readonly kind: 'schedule';
      /** The schedule's percent, with its places as written. */
      readonly percent: string;
      /** The schedule's fixed part in the sale's currency, with the currency's decimals. */
      readonly fixed: string;
    }
  | {
      /** Neither the sale nor the policy has a fee. */
      readonly kind: 'none';
    };

/**
 * A settlement line as stored: the printed line, plus `percentAsWritten` when the line's
 * percent was written with places its shortest form drops (`"20.00"`: printed `"20"`).
 */
export interface StoredSettlementLineJson extends SettlementLineJson {
  /** The percent with its places as written, when they differ from `percent`'s. */
  readonly percentAsWritten?: string;
}

/**
 * A settlement as stored: exactly what {@link settlementToJson} prints (and `cocreation
 * settle` outputs), plus the fields that make it a whole {@link Settlement} again.
 */
export interface StoredSettlementJson extends Omit<SettlementJson, 'lines'> {
  /** As printed, with `percentAsWritten` where it differs. */
  readonly lines: ReadonlyArray<StoredSettlementLineJson>;
  /** How the fee was reached. */
  readonly feeOrigin: FeeOriginJson;
  /** The policy's retention floor at the sale, with its places as written. */
  readonly minRetainedPercent: string;
}

/** A reversal line as stored: the printed line, plus `percentAsWritten` where it differs. */
export interface StoredReversalLineJson extends ReversalLineJson {
  /** The percent with its places as written, when they differ from `percent`'s. */
  readonly percentAsWritten?: string;
}

/**
 * A reversal as stored: exactly what {@link reversalToJson} prints, plus the fields that make
 * it a whole {@link Reversal} again.
 */
export interface StoredReversalJson extends Omit<ReversalJson, 'lines'> {
  /** The refunded sale's id. */
  readonly saleId: string;
  /** The sale's currency code. */
  readonly currency: string;
  /** X, the sale's refunds up to and including this one, with the currency's decimals. */
  readonly refundedTotal: string;
  /** As printed, with `percentAsWritten` where it differs. */
  readonly lines: ReadonlyArray<StoredReversalLineJson>;
}

function writtenPercent(line: SettlementLine | ReversalLine): { percentAsWritten?: string } {
  if (line.role !== 'affiliate' && line.role !== 'cocreator') return {};
  const written = percentAsWritten(line.percent);
  return written === formatPercent(line.percent) ? {} : { percentAsWritten: written };
}

function feeOriginToJson(origin: FeeOrigin, cur: Currency): FeeOriginJson {
  if (origin.kind !== 'schedule') return { kind: origin.kind };
  return {
    kind: 'schedule',
    percent: percentAsWritten(origin.percent),
    fixed: formatAmount(origin.fixed, cur),
  };
}

/**
 * Prints a settlement for storage: what {@link settlementToJson} prints (specification §8, the
 * oracle's output, unchanged), plus `feeOrigin`, `minRetainedPercent` and, on a line whose
 * percent was written with places its shortest form drops, `percentAsWritten`. Amounts are
 * decimal strings, so `JSON.stringify` takes it (it refuses the `bigint`s of a
 * {@link Settlement}); {@link parseStoredSettlementJson} reads it back into an equal
 * settlement, which `refundSale`, `explain` and `ledgerOf` take.
 *
 * @param settlement - a settlement from `settleSale` (or any settling function); not
 *   checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, parseStoredSettlementJson, settleDocument, settlementToJson, settleToJson, storedSettlementToJson } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 * })._unsafeUnwrap();
 * const { settlement } = settleDocument(doc)._unsafeUnwrap();
 * const stored = storedSettlementToJson(settlement);
 * assert.deepEqual(stored.feeOrigin, { kind: 'none' });
 * assert.equal(stored.minRetainedPercent, '30');
 * const { feeOrigin, minRetainedPercent, ...printed } = stored;
 * assert.deepEqual(printed, settlementToJson(settlement));
 *
 * const text = JSON.stringify(stored);
 * assert.deepEqual(parseStoredSettlementJson(JSON.parse(text))._unsafeUnwrap(), settlement);
 * ```
 */
export function storedSettlementToJson(settlement: Settlement): StoredSettlementJson {
  const printed = settlementToJson(settlement);
  return deepFreeze({
    ...printed,
    lines: printed.lines.map((line, i) => ({
      ...line,
      ...writtenPercent(settlement.lines[i] as SettlementLine),
    })),
    feeOrigin: feeOriginToJson(settlement.feeOrigin, settlement.currency),
    minRetainedPercent: percentAsWritten(settlement.minRetainedPercent),
  });
}

/**
 * Prints the reversal of a refund for storage: what {@link reversalToJson} prints (the
 * oracle's output, unchanged), plus `saleId`, `currency`, `refundedTotal` and
 * `percentAsWritten` where a line's percent was written with more places than its shortest
 * form. {@link parseStoredReversalJson} reads it back into an equal reversal.
 *
 * @param reversal - a reversal from `refundSale` or `refundAll`; not checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, parseStoredReversalJson, settleDocument, storedReversalToJson } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '2.5', currency: 'USD' } }],
 * })._unsafeUnwrap();
 * const [reversal] = settleDocument(doc)._unsafeUnwrap().reversals;
 * assert.ok(reversal !== undefined);
 * const stored = storedReversalToJson(reversal);
 * assert.deepEqual(stored, {
 *   refundId: 'r1', at: '2026-03-02T00:00:00.000Z', amount: '2.50',
 *   lines: [
 *     { role: 'platform', account: null, amount: '0.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '-2.50' },
 *   ],
 *   saleId: 's1', currency: 'USD', refundedTotal: '2.50',
 * });
 * assert.deepEqual(parseStoredReversalJson(JSON.parse(JSON.stringify(stored)))._unsafeUnwrap(), reversal);
 * ```
 */
export function storedReversalToJson(reversal: Reversal): StoredReversalJson {
  const printed = reversalToJson(reversal);
  return deepFreeze({
    ...printed,
    lines: printed.lines.map((line, i) => ({
      ...line,
      ...writtenPercent(reversal.lines[i] as ReversalLine),
    })),
    saleId: reversal.saleId,
    currency: reversal.currency.code,
    refundedTotal: formatAmount(reversal.refundedTotal, reversal.currency),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading them back
// ---------------------------------------------------------------------------------------------

function readPercentField(
  fields: Fields,
  key: string,
  path: Path,
  issues: Issues,
): Percent | undefined {
  const value = required(fields, key, path, issues);
  return value === undefined ? undefined : collect(parsePercent(value, [...path, key]), issues);
}

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

/** Whether a line of this role carries a percent (affiliate and cocreator lines do). */
function hasPercent(role: unknown): boolean {
  return role === 'affiliate' || role === 'cocreator';
}

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
  const fixedValue = required(fields, 'fixed', path, issues);
  const fixed =
    fixedValue === undefined || cur === undefined
      ? undefined
      : collect(parseAmount(fixedValue, cur, [...path, 'fixed']), issues);
  if (feePercent === undefined || fixed === undefined) return undefined;
  return Object.freeze({ kind, percent: feePercent, fixed });
}

/** The amounts a settlement's fee origin and percents make, checked against its lines. */
function checkArithmetic(settlement: Settlement, issues: Issues): void {
  const { feeOrigin: origin, price, platformFee, net, lines } = settlement;
  if (origin.kind !== 'sale') {
    const expected =
      origin.kind === 'none'
        ? 0n
        : percentOfAmount(price, origin.percent, 'half-up') + origin.fixed;
    if (expected !== platformFee) {
      issues.push(
        domainError('invalid_field', 'the fee origin does not give the platform fee', [
          'feeOrigin',
        ]),
      );
    }
  }
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
 * Reads a settlement stored by {@link storedSettlementToJson} back into a {@link Settlement}
 * equal to the one printed (deep-equal: `refundSale`, `explain` and
 * `ledgerOf` give the same results on it). It checks what {@link parseSettlementJson}
 * checks of the printed fields, then `feeOrigin`, `minRetainedPercent` and the arithmetic of
 * specification §5 that they allow: the fee from its origin, the affiliate's and each
 * cocreator's line from its percent, the base, and the main creator's retention floor. Other
 * fields are ignored, as specification §8 asks of readers.
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
 * assert.equal(settlement._unsafeUnwrap().feeOrigin.kind, 'sale');
 *
 * const { feeOrigin, ...printedOnly } = stored;
 * assert.deepEqual(
 *   parseStoredSettlementJson(printedOnly)._unsafeUnwrapErr().map((e) => e.path),
 *   [['feeOrigin']],
 * );
 * ```
 */
export function parseStoredSettlementJson(input: unknown): Result<Settlement, DomainErrors> {
  const issues: Issues = [];
  const printed = parseSettlementJson(input);
  if (printed.isErr()) issues.push(...printed.error);
  // parseSettlementJson reported a value that is not an object; nothing more can be read.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err(nonEmpty(issues) as DomainErrors);
  }
  const fields = input as Fields;
  const cur = currency(optional(fields, 'currency')).unwrapOr(undefined);
  const originValue = required(fields, 'feeOrigin', [], issues);
  const feeOrigin = originValue === undefined ? undefined : readFeeOrigin(originValue, cur, issues);
  const floor = readPercentField(fields, 'minRetainedPercent', [], issues);
  const linesValue = optional(fields, 'lines');
  // The printed fields were read by parseSettlementJson; only `percentAsWritten` is new here.
  const written = (Array.isArray(linesValue) ? linesValue : []).map((line: unknown, i) => {
    const value =
      typeof line === 'object' && line !== null
        ? optional(line as Fields, 'percentAsWritten')
        : undefined;
    return value === undefined
      ? undefined
      : collect(parsePercent(value, ['lines', i, 'percentAsWritten']), issues);
  });
  if (printed.isErr() || issues.length > 0) return err(nonEmpty(issues) as DomainErrors);
  const value = printed.value;
  const lines = value.lines.map((line, i) => {
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
    lines: Object.freeze(lines),
  });
  checkArithmetic(settlement, issues);
  const problems = nonEmpty(issues);
  return problems === undefined ? ok(settlement) : err(problems);
}

const ROLES: ReadonlyArray<Role> = ['platform', 'affiliate', 'cocreator', 'main-creator'];
const ROLE_RANK: Readonly<Record<Role, number>> = {
  platform: 0,
  affiliate: 1,
  cocreator: 2,
  'main-creator': 3,
};

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
  const role = readEnum(required(fields, 'role', path, issues), ROLES, [...path, 'role'], issues);
  let account: AccountId | undefined;
  if (role === 'platform') {
    if (optional(fields, 'account') !== undefined) {
      issues.push(
        domainError('invalid_field', 'the platform line has no account', [...path, 'account']),
      );
    }
  } else {
    const accountValue = required(fields, 'account', path, issues);
    account =
      accountValue === undefined
        ? undefined
        : collect(accountId(accountValue, [...path, 'account']), issues);
  }
  const contractId =
    role === 'cocreator' ? readString(fields, 'contractId', path, issues) : undefined;
  const linePercent = hasPercent(role) ? readLinePercent(fields, path, issues) : undefined;
  const amountValue = required(fields, 'amount', path, issues);
  const amount =
    amountValue === undefined || cur === undefined
      ? undefined
      : readReversalAmount(amountValue, cur, [...path, 'amount'], issues);
  if (issues.length > before || role === undefined || amount === undefined) return undefined;
  // With no problem on this line, every field its role needs was read.
  switch (role) {
    case 'platform':
      return Object.freeze({ role, account: null, amount });
    case 'affiliate':
      return Object.freeze({
        role,
        account: account as AccountId,
        percent: linePercent as Percent,
        amount,
      });
    case 'cocreator':
      return Object.freeze({
        role,
        account: account as AccountId,
        contractId: contractId as string,
        percent: linePercent as Percent,
        amount,
      });
    default:
      return Object.freeze({ role: 'main-creator', account: account as AccountId, amount });
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
 * assert.equal(parseStoredReversalJson(stored)._unsafeUnwrap().amount, 250n);
 *
 * const bad = { ...stored, lines: [stored.lines[0], { ...stored.lines[1], amount: '2.50' }] };
 * assert.deepEqual(
 *   parseStoredReversalJson(bad)._unsafeUnwrapErr().map((e) => [e.code, e.path]),
 *   [['invalid_amount', ['lines', 1, 'amount']]],
 * );
 * ```
 */
export function parseStoredReversalJson(input: unknown): Result<Reversal, DomainErrors> {
  const issues: Issues = [];
  const fields = readLenient(input, [], issues);
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const refundId = readString(fields, 'refundId', [], issues);
  const saleId = readString(fields, 'saleId', [], issues);
  const atValue = required(fields, 'at', [], issues);
  const at: Instant | undefined =
    atValue === undefined ? undefined : collect(parseInstant(atValue, ['at']), issues);
  const codeValue = required(fields, 'currency', [], issues);
  const cur =
    codeValue === undefined ? undefined : collect(currency(codeValue, ['currency']), issues);
  const amountOf = (key: string): bigint | undefined => {
    const value = required(fields, key, [], issues);
    return value === undefined || cur === undefined
      ? undefined
      : collect(parseAmount(value, cur, [key]), issues);
  };
  const amount = amountOf('amount');
  const refundedTotal = amountOf('refundedTotal');
  const linesValue = required(fields, 'lines', [], issues);
  if (linesValue !== undefined && !Array.isArray(linesValue)) {
    issues.push(domainError('invalid_field', 'expected an array', ['lines']));
  }
  const lines = (Array.isArray(linesValue) ? linesValue : []).map((line: unknown, i) =>
    readReversalLine(line, ['lines', i], cur, issues),
  ) as ReversalLine[];
  if (issues.length === 0) {
    const total = amount as bigint;
    if (total === 0n) {
      issues.push(domainError('invalid_amount', 'a refund amount is above 0', ['amount']));
    }
    if ((refundedTotal as bigint) < total) {
      issues.push(
        domainError('invalid_field', 'refundedTotal is at least the amount', ['refundedTotal']),
      );
    }
    const roles = lines.map((l) => l.role);
    const count = (r: Role) => roles.filter((x) => x === r).length;
    const ordered = roles.every(
      (r, i) => i === 0 || ROLE_RANK[roles[i - 1] as Role] <= ROLE_RANK[r],
    );
    if (
      !ordered ||
      count('platform') !== 1 ||
      count('main-creator') !== 1 ||
      count('affiliate') > 1
    ) {
      issues.push(
        domainError(
          'invalid_field',
          'lines must be: platform, affiliate (at most one), cocreators, main creator',
          ['lines'],
        ),
      );
    }
    if (lines.reduce((sum, l) => sum + l.amount, 0n) !== -total) {
      issues.push(domainError('invalid_field', 'the lines must sum to −amount', ['lines']));
    }
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(
    Object.freeze({
      refundId: refundId as string,
      saleId: saleId as string,
      at: at as Instant,
      currency: cur as Currency,
      amount: amount as bigint,
      refundedTotal: refundedTotal as bigint,
      lines: Object.freeze(lines),
    }),
  );
}
