/**
 * Steps 3 to 7 of specification §5, written once: the net, the affiliate's commission, each
 * covering contract's share of the base rounded toward zero, and the rest to the main creator,
 * each line with the numerator of its exact share, into a {@link SplitSink}. Two roads with
 * one result: safe-integer `number` arithmetic when every product fits below 2^53, `bigint`
 * otherwise. Every settling path of the library (a compiled settler, `settleSale`,
 * `settleDocument`, the bulk payouts) splits here.
 *
 * Why two loops and not one over a calculator (as Dinero writes its algorithms): the number
 * road is the settler's hot path, at about a tenth of a bare integer kernel's speed, and a
 * calculator puts a call on every operation of it. The bigint road is the same steps in the
 * same order; test/settle.property.test.ts holds both equal to the independent reference in
 * test/support/reference-settle.ts, with prices drawn around 2^53 and up to 10^30.
 */

import { appliesToAffiliate } from '../model/commission';
import type { Product } from '../model/product';
import type { Sale, SaleAffiliate } from '../model/sale';
import type { AccountId } from '../values/account';
import { type Percent, pow10 } from '../values/percent';
import type { Covers, Entry } from './covers';
import { floorDivides, MAX_SAFE, safeNumber, safeWhole } from './safe';
import type { SplitSink } from './sink';

/**
 * What the split needs of a compiled domain, fixed for all its sales. Not part of the package
 * API.
 *
 * @internal
 */
export interface SplitPlan {
  readonly mainCreator: AccountId;
  /** The product's affiliate commission, for an affiliate without a percent. */
  readonly affiliateDefault: Percent | null;
  /** The commission as number factors (units, 100 × 10^scale), or -1 / 0 when unsafe. */
  readonly defaultUnits: number;
  readonly defaultWhole: number;
  /** The covers' common scale S, and `whole` = 100 × 10^S (see {@link Covers}). */
  readonly scale: number;
  readonly whole: number;
  readonly wholeBig: bigint;
  readonly numeric: boolean;
}

/**
 * The split's plan for a product and its compiled covers. Not part of the package API.
 *
 * @internal
 */
export function splitPlan(product: Product, covers: Covers): SplitPlan {
  const affiliateDefault = product.affiliateCommission;
  return {
    mainCreator: product.mainCreator,
    affiliateDefault,
    defaultUnits: affiliateDefault === null ? 0 : safeNumber(affiliateDefault.units),
    // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    defaultWhole: affiliateDefault === null ? 0 : safeWhole(affiliateDefault.scale),
    scale: covers.scale,
    whole: covers.whole,
    wholeBig: covers.wholeBig,
    numeric: covers.numeric,
  };
}

/**
 * Steps 3 to 7 of an accepted sale whose fee is `fee`, over the `covering` entries, into
 * `sink` (its platform, affiliate, cocreator and main calls, in that order). Not part of the
 * package API.
 *
 * @internal
 */
export function splitSale(
  plan: SplitPlan,
  sale: Sale,
  fee: bigint,
  covering: ReadonlyArray<Entry>,
  sink: SplitSink,
): void {
  // A bigint past 2^53 − 1 converts to 2^53 or more, so `price <= MAX_SAFE` tells exactly
  // whether the price is a safe integer, without comparing bigints.
  const price = Number(sale.price.amount);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  if (plan.numeric && price <= MAX_SAFE) splitNumber(plan, sale, price, fee, covering, sink);
  else splitBig(plan, sale, fee, covering, sink);
}

/** Steps 3 to 7 for a price ≤ 2^53 − 1: every amount fits a number; products are checked. */
function splitNumber(
  plan: SplitPlan,
  sale: Sale,
  price: number,
  fee: bigint,
  covering: ReadonlyArray<Entry>,
  sink: SplitSink,
): void {
  const affiliate = sale.affiliate;
  const exponent = sale.price.currency.exponent;
  const f = Number(fee);
  const n = price - f;
  sink.platform(fee, f);
  const b = affiliate === null ? n : n - affiliateNumber(plan, affiliate, n, exponent, sink);
  const whole = plan.whole;
  const decimals = plan.scale + 2 + exponent;
  let sum = 0;
  let rest = whole;
  // An index loop: the cheapest way through the covering list, once per sale.
  for (let k = 0, count = covering.length; k < count; k++) {
    const entry = covering[k] as Entry;
    if (!appliesToAffiliate(entry.appliesTo, entry.account, affiliate)) continue;
    let c: number;
    let x: number | bigint;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    if (b <= entry.maxBase) {
      x = b * entry.units;
      c = floorDivides(x, whole);
    } else {
      x = BigInt(b) * entry.unitsBig;
      c = Number(x / plan.wholeBig);
    }
    // Σ c ≤ b ≤ 2^53 − 1, so `sum` stays exact.
    sum += c;
    rest -= entry.units;
    sink.cocreator(entry, c, x, decimals);
  }
  const mainX =
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    rest === 0 || b <= MAX_SAFE / rest ? b * rest : BigInt(b) * BigInt(rest);
  sink.main(plan.mainCreator, b - sum, mainX, decimals, n, b);
}

/** Steps 4 on the number road: the affiliate's commission on the net `n`, into `sink`. */
function affiliateNumber(
  plan: SplitPlan,
  affiliate: SaleAffiliate,
  n: number,
  exponent: number,
  sink: SplitSink,
): number {
  const own = affiliate.percent;
  const percent = (own ?? plan.affiliateDefault) as Percent;
  // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  const u = own === null ? plan.defaultUnits : safeNumber(percent.units);
  // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  const w = own === null ? plan.defaultWhole : safeWhole(percent.scale);
  let a: number;
  let x: number | bigint;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  if (u >= 0 && w > 0 && (u === 0 || n <= MAX_SAFE / u)) {
    x = n * u;
    a = floorDivides(x, w);
  } else {
    x = BigInt(n) * percent.units;
    a = Number(x / (100n * pow10(percent.scale)));
  }
  sink.affiliate(affiliate.account, percent, a, x, percent.scale + 2 + exponent);
  return a;
}

/** Steps 3 to 7 in bigint, for prices past 2^53 (or percents too fine for numbers). */
function splitBig(
  plan: SplitPlan,
  sale: Sale,
  fee: bigint,
  covering: ReadonlyArray<Entry>,
  sink: SplitSink,
): void {
  const affiliate = sale.affiliate;
  const exponent = sale.price.currency.exponent;
  sink.platform(fee, fee);
  const net = sale.price.amount - fee;
  let base = net;
  if (affiliate !== null) {
    const percent = (affiliate.percent ?? plan.affiliateDefault) as Percent;
    const x = net * percent.units;
    const commission = x / (100n * pow10(percent.scale));
    sink.affiliate(affiliate.account, percent, commission, x, percent.scale + 2 + exponent);
    base = net - commission;
  }
  const wholeBig = plan.wholeBig;
  const decimals = plan.scale + 2 + exponent;
  let shares = 0n;
  let rest = wholeBig;
  // An index loop: the cheapest way through the covering list, once per sale.
  for (let k = 0, count = covering.length; k < count; k++) {
    const entry = covering[k] as Entry;
    if (!appliesToAffiliate(entry.appliesTo, entry.account, affiliate)) continue;
    const x = base * entry.unitsBig;
    const amount = x / wholeBig;
    shares += amount;
    rest -= entry.unitsBig;
    sink.cocreator(entry, amount, x, decimals);
  }
  sink.main(plan.mainCreator, base - shares, base * rest, decimals, net, base);
}
