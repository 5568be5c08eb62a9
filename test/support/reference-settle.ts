/**
 * An independent reference for settling one sale: specification §5 step by step in plain
 * `bigint`, and the sale-level rules of §7 (stage 1's affiliate percent, rows 2a, 2d and 2e)
 * as codes and paths. The property "library equals reference" (test/settle.property.test.ts)
 * holds every settling path of the library to it. Nothing here comes from src/settle/: only
 * value types, and the arbitraries' own linear coverage scan (`coveredAt`).
 */

import type { Sale } from '../../src/model/sale';
import type { FeeOrigin, Settlement, SettlementLine } from '../../src/settle/settlement';
import type { Domain } from '../../src/validate/domain';
import type { Percent } from '../../src/values/percent';
import { coveredAt } from '../arbitraries/settlement';

/** What the reference makes of a sale: its settlement, or its problems as `[code, path]`. */
export type ReferenceOutcome =
  | { readonly ok: true; readonly settlement: Settlement }
  | {
      readonly ok: false;
      readonly problems: ReadonlyArray<readonly [string, ReadonlyArray<string>]>;
    };

const ten = (n: number): bigint => 10n ** BigInt(n);

/** A percent's value as a fraction of one: `units / (100 × 10^scale)`. */
const hundredths = (p: Percent): bigint => 100n * ten(p.scale);

/**
 * `numerator / 10^decimals` in its one form: trailing zeros dropped, but never below
 * `exponent` decimals (the currency's).
 */
function exactForm(numerator: bigint, decimals: number, exponent: number) {
  let units = numerator;
  let scale = decimals;
  while (scale > exponent && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { exactUnits: units, exactScale: scale };
}

/** Whether a contract's `appliesTo` takes a sale with this affiliate (specification §2). */
function takes(appliesTo: string, cocreator: string, affiliate: Sale['affiliate']): boolean {
  if (appliesTo === 'all-sales') return true;
  if (appliesTo === 'direct-sales') return affiliate === null;
  if (appliesTo === 'affiliate-sales') return affiliate !== null;
  return affiliate !== null && affiliate.managedBy === cocreator;
}

/** Step 2: the fee and where it came from. */
function feeOf(domain: Domain, sale: Sale): { fee: bigint; origin: FeeOrigin } {
  if (sale.platformFee !== null) return { fee: sale.platformFee.amount, origin: { kind: 'sale' } };
  const schedule = domain.policy.fee;
  if (schedule === null) return { fee: 0n, origin: { kind: 'none' } };
  const fixed = schedule.fixed[sale.price.currency.code] ?? 0n;
  const x = sale.price.amount * schedule.percent.units;
  const whole = hundredths(schedule.percent);
  // round_half_up: a remainder of at least half the divisor rounds up.
  const rounded = x / whole + (2n * (x % whole) >= whole ? 1n : 0n);
  return {
    fee: rounded + fixed,
    origin: { kind: 'schedule', percent: schedule.percent, fixed },
  };
}

/** The sale-level problems, in the library's order (empty when the sale may be settled). */
function problemsOf(domain: Domain, sale: Sale): Array<readonly [string, string[]]> {
  const { policy, product } = domain;
  const a = sale.affiliate;
  // Stage 1: an affiliate percent is 0 < p ≤ 100, and some percent exists.
  if (a !== null && a.percent !== null) {
    if (a.percent.units <= 0n || a.percent.units > 100n * ten(a.percent.scale)) {
      return [['percent_out_of_range', ['sale', 'affiliate', 'percent']]];
    }
  }
  if (a !== null && a.percent === null && product.affiliateCommission === null) {
    return [['invalid_field', ['sale', 'affiliate', 'percent']]];
  }
  const mismatches: Array<readonly [string, string[]]> = [];
  const rules: Array<readonly [string, string[]]> = [];
  const forProduct = sale.productId === product.id;
  if (!forProduct) mismatches.push(['product_mismatch', ['sale', 'productId']]);
  if (sale.platformFee !== null && sale.platformFee.currency.code !== sale.price.currency.code) {
    mismatches.push(['currency_mismatch', ['sale', 'platformFee', 'currency']]);
  } else if (feeOf(domain, sale).fee > sale.price.amount) {
    rules.push([
      'fee_exceeds_price',
      sale.platformFee !== null ? ['sale', 'platformFee', 'amount'] : ['policy', 'fee'],
    ]);
  }
  if (a !== null && forProduct) {
    if (a.account === product.mainCreator) {
      rules.push(['self_affiliation', ['sale', 'affiliate', 'account']]);
    }
    const covering = domain.timelines.filter((t) => coveredAt(t, sale.at) !== null);
    for (const t of covering) {
      const terms = coveredAt(t, sale.at);
      if (t.contract.cocreator === a.account && terms?.mayAlsoSellAsAffiliate === false) {
        rules.push(['affiliate_not_permitted', ['sale', 'affiliate', 'account']]);
      }
    }
    if (!policy.affiliatesOnCocreatedProducts && covering.length > 0) {
      rules.push(['affiliates_not_allowed', ['sale', 'affiliate']]);
    }
  }
  return [...mismatches, ...rules];
}

/**
 * Settles a sale (of the shape `sale()` makes) against a validated domain, from the
 * specification alone.
 */
export function referenceSettle(domain: Domain, sale: Sale): ReferenceOutcome {
  const problems = problemsOf(domain, sale);
  if (problems.length > 0) return { ok: false, problems };
  const { policy, product } = domain;
  const e = sale.price.currency.exponent;
  const price = sale.price.amount;
  const { fee, origin } = feeOf(domain, sale);
  const lines: SettlementLine[] = [
    { role: 'platform', account: null, amount: fee, ...exactForm(fee, e, e) },
  ];

  // Steps 3 to 5: N = P − F, A = floor(N × a / 100), B = N − A.
  const net = price - fee;
  let base = net;
  const a = sale.affiliate;
  if (a !== null) {
    const p = (a.percent ?? product.affiliateCommission) as Percent;
    const x = net * p.units;
    const commission = x / hundredths(p);
    lines.push({
      role: 'affiliate',
      account: a.account,
      percent: p,
      amount: commission,
      ...exactForm(x, p.scale + 2 + e, e),
    });
    base = net - commission;
  }

  // Step 6: C_i = floor(B × c_i / 100) for each covering contract whose appliesTo takes it.
  const paid: Percent[] = [];
  let shares = 0n;
  for (const t of domain.timelines) {
    const terms = coveredAt(t, sale.at);
    if (terms === null || !takes(terms.appliesTo, t.contract.cocreator, a)) continue;
    const p = terms.percent;
    const x = base * p.units;
    const share = x / hundredths(p);
    lines.push({
      role: 'cocreator',
      account: t.contract.cocreator,
      contractId: t.contract.id,
      percent: p,
      amount: share,
      ...exactForm(x, p.scale + 2 + e, e),
    });
    shares += share;
    paid.push(p);
  }

  // Step 7: M = B − Σ C_i; its exact share is B less the cocreators' exact shares, at the
  // largest of their scales: B × 100 × 10^s − Σ B × c_i × 10^(s − scale_i), over 100 × 10^s.
  const s = paid.reduce((m, p) => Math.max(m, p.scale), 0);
  const mainX = paid.reduce((x, p) => x - base * p.units * ten(s - p.scale), base * 100n * ten(s));
  lines.push({
    role: 'main-creator',
    account: product.mainCreator,
    amount: base - shares,
    ...exactForm(mainX, s + 2 + e, e),
  });

  return {
    ok: true,
    settlement: {
      saleId: sale.id,
      productId: sale.productId,
      at: sale.at,
      currency: sale.price.currency,
      price,
      platformFee: fee,
      feeOrigin: origin,
      net,
      base,
      minRetainedPercent: policy.minRetainedPercent,
      lines,
    },
  };
}
