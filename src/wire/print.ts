/**
 * Printing what settling answers as specification §8 shows it: a settlement, the reversal of
 * a refund, an error, and the whole output object of `cocreation settle`. JSON-ready data:
 * amounts, percents and instants are strings, nothing is a `bigint`.
 */
import type { Result } from 'neverthrow';
import { deepFreeze } from '../_internal/fields';
import type { DomainError, DomainErrors } from '../errors';
import { exactShareText } from '../settle/lines';
import type { Reversal, ReversalLine, Settlement, SettlementLine } from '../settle/settlement';
import type { Currency } from '../values/currency';
import { formatInstant } from '../values/instant';
import { formatAmount } from '../values/money';
import { formatPercent } from '../values/percent';
import type {
  ErrorJson,
  ReversalJson,
  ReversalLineJson,
  SettlementJson,
  SettlementLineJson,
  SettleOutcome,
  SettleOutputJson,
} from './json';

function lineIdentity(line: SettlementLine | ReversalLine): {
  contractId?: string;
  percent?: string;
} {
  switch (line.role) {
    case 'cocreator':
      return { contractId: line.contractId, percent: formatPercent(line.percent) };
    case 'affiliate':
      return { percent: formatPercent(line.percent) };
    // Stryker disable next-line ConditionalExpression: spreading the undefined of an emptied case adds nothing, as {} does
    default:
      return {};
  }
}

function settlementLineToJson(line: SettlementLine, cur: Currency): SettlementLineJson {
  // lineIdentity's keys written out in its order (and the same order of evaluation): no
  // intermediate object to spread per line.
  switch (line.role) {
    case 'cocreator':
      return Object.freeze({
        role: line.role,
        account: line.account,
        contractId: line.contractId,
        percent: formatPercent(line.percent),
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
    case 'affiliate':
      return Object.freeze({
        role: line.role,
        account: line.account,
        percent: formatPercent(line.percent),
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
    default:
      return Object.freeze({
        role: line.role,
        account: line.account,
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
  }
}

function reversalLineToJson(line: ReversalLine, cur: Currency): ReversalLineJson {
  return {
    role: line.role,
    account: line.account,
    ...lineIdentity(line),
    amount: formatAmount(line.amount, cur),
  };
}

/**
 * Prints a settlement as specification §8 shows it: amounts with exactly the currency's
 * decimals, the instant in UTC with milliseconds, percents in shortest form, lines in
 * settlement order, each with its exact unrounded share as `exactShare`.
 *
 * @param settlement - a settlement
 * @returns frozen JSON-ready data (strings only, no `bigint`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, settleDocument, settlementToJson } from 'cocreation/wire';
 *
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'Ana@Example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T09:00:00-03:00',
 *           price: { amount: 197, currency: 'BRL' } },
 * }).andThen(settleDocument);
 * if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 * const json = settlementToJson(settled.value.settlement);
 * assert.equal(json.at, '2026-03-01T12:00:00.000Z');
 * assert.equal(json.price, '197.00');
 * assert.deepEqual(json.lines.map((l) => [l.role, l.account, l.amount]), [
 *   ['platform', null, '0.00'],
 *   ['main-creator', 'ana@example.com', '197.00'],
 * ]);
 * ```
 */
export function settlementToJson(settlement: Settlement): SettlementJson {
  const cur = settlement.currency;
  // Every object is frozen as it is built: nothing to walk afterwards.
  return Object.freeze({
    saleId: settlement.saleId,
    productId: settlement.productId,
    at: formatInstant(settlement.at),
    currency: cur.code,
    price: formatAmount(settlement.price, cur),
    platformFee: formatAmount(settlement.platformFee, cur),
    net: formatAmount(settlement.net, cur),
    base: formatAmount(settlement.base, cur),
    lines: Object.freeze(settlement.lines.map((line) => settlementLineToJson(line, cur))),
  });
}

/**
 * Prints the reversal of one refund as specification §8 shows it (`refundId`, `at`, `amount`,
 * `lines`), with negative (or zero) line amounts.
 *
 * @param reversal - a reversal
 * @returns frozen JSON-ready data
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, reversalToJson, settleDocument } from 'cocreation/wire';
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
 * assert.deepEqual(reversalToJson(reversal), {
 *   refundId: 'r1', at: '2026-03-02T00:00:00.000Z', amount: '2.50',
 *   lines: [
 *     { role: 'platform', account: null, amount: '0.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '-2.50' },
 *   ],
 * });
 * ```
 */
export function reversalToJson(reversal: Reversal): ReversalJson {
  const cur = reversal.currency;
  return deepFreeze({
    refundId: reversal.refundId,
    at: formatInstant(reversal.at),
    amount: formatAmount(reversal.amount, cur),
    lines: reversal.lines.map((line) => reversalLineToJson(line, cur)),
  });
}

/**
 * Prints an error as specification §8 shows it: `code`, `message`, `path`, then the fields of
 * its code, in that order.
 *
 * @param error - a domain error
 * @returns a frozen plain copy, ready for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency } from 'cocreation';
 * import { errorToJson } from 'cocreation/wire';
 *
 * const result = currency('XYZ', ['sale', 'price', 'currency']);
 * if (result.isOk()) throw new Error('expected an error');
 * const [error] = result.error;
 * assert.equal(
 *   JSON.stringify(errorToJson(error)),
 *   '{"code":"unknown_currency","message":"\\"XYZ\\" is not an active ISO 4217 currency code with minor units","path":["sale","price","currency"],"currency":"XYZ"}',
 * );
 * ```
 */
export function errorToJson(error: DomainError): ErrorJson {
  const { code, message, path, ...extra } = error;
  return deepFreeze({ code, message, path: [...path], ...extra }) as ErrorJson;
}

/**
 * Prints the result of settling a document as the whole specification §8 output object.
 *
 * @param result - the result of {@link settleDocument} (or any settling step)
 * @returns `{ ok: true, settlement, refunds }` or `{ ok: false, errors }`, frozen
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function settleResultToJson(result: Result<SettleOutcome, DomainErrors>): SettleOutputJson {
  if (result.isErr()) {
    return Object.freeze({ ok: false, errors: Object.freeze(result.error.map(errorToJson)) });
  }
  const { settlement, reversals } = result.value;
  return Object.freeze({
    ok: true,
    settlement: settlementToJson(settlement),
    refunds: Object.freeze(reversals.map(reversalToJson)),
  });
}
