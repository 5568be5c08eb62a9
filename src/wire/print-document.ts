/**
 * Printing a checked `settle` document, and the policy, contract events and money it holds,
 * in canonical form: what a platform stores, read back equal by the document's readers.
 */
import { deepFreeze } from '../_internal/fields';
import type { CommissionRule, ContractEvent, TermsPatch } from '../contracts/types';
// `policy` only for the {@link policy} of policyToJson's documentation (typedoc resolves it here).
import type { Policy } from '../model/policy';
import type { policy } from '../model/read-policy';
import { type Currency, currencyOrError as currency } from '../values/currency';
import { formatDecimal } from '../values/decimal';
import { formatInstant } from '../values/instant';
import { formatAmount } from '../values/money';
import type { Percent } from '../values/percent';
import type {
  ContractEventJson,
  FeeScheduleJson,
  MoneyJson,
  PolicyObjectJson,
  SettleDocument,
  SettleDocumentJson,
  TermsJson,
} from './json';

/**
 * Prints a percent with its places as written (`"20.00"` stays `"20.00"`). Internal: shared
 * with the stored forms of store.ts.
 *
 * @internal
 */
export function percentAsWritten(p: Percent): string {
  return formatDecimal(p.units, p.scale);
}

/**
 * Prints a policy on the wire (specification §2) in canonical form: every field written out,
 * `extends` naming the preset it is or extends, percents with their places as written. This
 * is how a platform stores its policy; {@link policy} reads the result back into a policy
 * equal to the original (deep-equal, so every function gives the same result on it).
 *
 * @param p - a policy from {@link policy} (or a preset); not checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, policy } from 'cocreation';
 * import { policyToJson } from 'cocreation/wire';
 *
 * const json = policyToJson(POLICIES.gumroad);
 * assert.equal(json.extends, 'gumroad');
 * assert.equal(json.maxCocreators, 1);
 * const stored = JSON.stringify(json);
 * const readBack = policy(JSON.parse(stored));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, POLICIES.gumroad);
 * ```
 */
export function policyToJson(p: Policy): PolicyObjectJson {
  const fee: FeeScheduleJson | null =
    p.fee === null
      ? null
      : {
          percent: percentAsWritten(p.fee.percent),
          fixed: Object.fromEntries(
            Object.entries(p.fee.fixed).flatMap(([code, minor]) => {
              const cur = currency(code);
              // Stryker disable next-line ConditionalExpression,LogicalOperator: a Policy's fee table has only known currencies and bigint amounts (policy() and validateDomain check both); the test only keeps a forged one from throwing
              return cur.isOk() && typeof minor === 'bigint'
                ? [[code, formatAmount(minor, cur.value)]]
                : // Stryker disable next-line ArrayDeclaration: reached only with a forged table, as above
                  [];
            }),
          ),
        };
  return deepFreeze({
    ...(p.name === null ? {} : { extends: p.name }),
    minRetainedPercent: percentAsWritten(p.minRetainedPercent),
    cocreatorPercent: {
      min: percentAsWritten(p.cocreatorPercent.min),
      max: percentAsWritten(p.cocreatorPercent.max),
    },
    percentDecimals: p.percentDecimals,
    maxCocreators: p.maxCocreators,
    affiliatesOnCocreatedProducts: p.affiliatesOnCocreatedProducts,
    cancellation: p.cancellation,
    amendments: p.amendments,
    ...(fee === null ? {} : { fee }),
  });
}

function termsToJson(terms: CommissionRule | TermsPatch): TermsJson {
  return {
    ...(terms.percent === undefined ? {} : { percent: percentAsWritten(terms.percent) }),
    ...(terms.appliesTo === undefined ? {} : { appliesTo: terms.appliesTo }),
    ...(terms.endsAt === undefined
      ? {}
      : { endsAt: terms.endsAt === null ? null : formatInstant(terms.endsAt) }),
    ...(terms.mayAlsoSellAsAffiliate === undefined
      ? {}
      : { mayAlsoSellAsAffiliate: terms.mayAlsoSellAsAffiliate }),
  };
}

/**
 * Prints one contract event on the wire. Internal: shared with store.ts's `contractToJson`.
 *
 * @internal
 */
export function eventToJson(event: ContractEvent): ContractEventJson {
  return {
    type: event.type,
    at: formatInstant(event.at),
    by: event.by,
    ...('terms' in event ? { terms: termsToJson(event.terms) } : {}),
  };
}

/**
 * Prints an amount and its currency on the wire. Internal: shared with store.ts.
 *
 * @internal
 */
export function moneyToJson(m: {
  readonly amount: bigint;
  readonly currency: Currency;
}): MoneyJson {
  return { amount: formatAmount(m.amount, m.currency), currency: m.currency.code };
}

/**
 * Prints a checked document in canonical form: every policy field written out (with
 * `extends` when it has a preset), accounts canonical, instants in UTC with milliseconds,
 * amounts with the currency's decimals, percents with their places as written (which
 * precision rules count). Reading the result gives the same document back.
 *
 * @param doc - a document from {@link parseDocument}
 * @returns frozen JSON-ready data
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { documentToJson, parseDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   policy: 'hotmart',
 *   product: { id: 'p1', mainCreator: ' ANA@example.com', affiliateCommission: 40 },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T09:00:00-03:00',
 *           price: { amount: '197', currency: 'BRL' } },
 * });
 * if (doc.isErr()) throw new Error(doc.error.map((e) => e.message).join('; '));
 * const json = documentToJson(doc.value);
 * assert.deepEqual(json.product, { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40' });
 * assert.deepEqual(json.sale.price, { amount: '197.00', currency: 'BRL' });
 * assert.equal(json.sale.at, '2026-03-01T12:00:00.000Z');
 * const readBack = parseDocument(json);
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, doc.value);
 * ```
 */
export function documentToJson(doc: SettleDocument): SettleDocumentJson {
  const { policy: pol, product: prod, sale: s } = doc;
  return deepFreeze({
    policy: policyToJson(pol),
    product: {
      id: prod.id,
      mainCreator: prod.mainCreator,
      ...(prod.affiliateCommission === null
        ? {}
        : { affiliateCommission: percentAsWritten(prod.affiliateCommission) }),
    },
    contracts: doc.contracts.map((c) => ({
      id: c.id,
      productId: c.productId,
      cocreator: c.cocreator,
      events: c.events.map(eventToJson),
    })),
    sale: {
      id: s.id,
      productId: s.productId,
      at: formatInstant(s.at),
      price: moneyToJson(s.price),
      ...(s.platformFee === null ? {} : { platformFee: moneyToJson(s.platformFee) }),
      ...(s.affiliate === null
        ? {}
        : {
            affiliate: {
              account: s.affiliate.account,
              ...(s.affiliate.percent === null
                ? {}
                : { percent: percentAsWritten(s.affiliate.percent) }),
              ...(s.affiliate.managedBy === null ? {} : { managedBy: s.affiliate.managedBy }),
            },
          }),
    },
    refunds: doc.refunds.map((r) => ({
      id: r.id,
      at: formatInstant(r.at),
      amount: moneyToJson(r.amount),
    })),
  });
}
