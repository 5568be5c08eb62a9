/**
 * Storing the values a platform keeps (a product, a contract's history, a refund, a settled
 * sale, a refund's reversal) as JSON in specification §8's wire format; read-stored.ts reads
 * them back equal: deep-equal to the original, so every function gives the same result on
 * the copy.
 *
 * The wire forms of a product, a contract and a refund are the ones a `settle` document
 * holds, read back by `product`, `contract` and `refund`. A settlement and a
 * reversal are printed by the oracle without some of what their values hold (how the fee was
 * reached, the retention floor, a percent's places as written, the refunded total): their
 * *stored* forms are the oracle's output with those fields added, which specification §8 allows
 * ("lines may carry more fields; readers ignore fields they do not know").
 */
import { deepFreeze } from '../_internal/fields';
import type { CocreationContract } from '../contracts/types';
import type { Product } from '../model/product';
import type { Refund } from '../model/sale';
import type {
  FeeOrigin,
  Reversal,
  ReversalLine,
  Settlement,
  SettlementLine,
} from '../settle/settlement';
import type { Currency } from '../values/currency';
import { formatInstant } from '../values/instant';
import { formatAmount } from '../values/money';
import { formatPercent } from '../values/percent';
import type {
  ContractJson,
  ProductJson,
  RefundJson,
  ReversalJson,
  ReversalLineJson,
  SettlementJson,
  SettlementLineJson,
} from './json';
import { reversalToJson, settlementToJson } from './print';
import { eventToJson, moneyToJson, percentAsWritten } from './print-document';

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
 * const readBack = product(JSON.parse(stored));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, course.value);
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
 * @param deal - a contract from `contract`, `invite` or `transition`; not checked
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
 * });
 * if (deal.isErr()) throw new Error(deal.error.map((e) => e.message).join('; '));
 * const json = contractToJson(deal.value);
 * assert.equal(json.events[0]?.at, '2026-01-01T03:00:00.000Z');
 * assert.equal(json.events[0]?.terms?.percent, '20.00');
 * const readBack = contract(JSON.parse(JSON.stringify(json)));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, deal.value);
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
 * const readBack = refund(JSON.parse(stored));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, r.value);
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
 * import { parseDocument, parseStoredSettlementJson, settleDocument, settlementToJson, storedSettlementToJson } from 'cocreation/wire';
 *
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 * }).andThen(settleDocument);
 * if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 * const { settlement } = settled.value;
 * const stored = storedSettlementToJson(settlement);
 * assert.deepEqual(stored.feeOrigin, { kind: 'none' });
 * assert.equal(stored.minRetainedPercent, '30');
 * const { feeOrigin, minRetainedPercent, ...printed } = stored;
 * assert.deepEqual(printed, settlementToJson(settlement));
 *
 * const text = JSON.stringify(stored);
 * const readBack = parseStoredSettlementJson(JSON.parse(text));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, settlement);
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
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '2.5', currency: 'USD' } }],
 * }).andThen(settleDocument);
 * if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 * const [reversal] = settled.value.reversals;
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
 * const readBack = parseStoredReversalJson(JSON.parse(JSON.stringify(stored)));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, reversal);
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
