/**
 * fast-check arbitraries for the settlement engine's tests: valid domains built by
 * construction (policies, a product, contracts with simple but varied histories whose
 * percents always fit under the retention floor), sales against them (valid or breaking a
 * sale-level rule), settlements shaped by hand, and refund sequences.
 */
import fc from 'fast-check';
import { contract } from '../../src/contracts/read';
import type { CocreationContract } from '../../src/contracts/types';
import type { Policy, PolicyInput } from '../../src/model/policy';
import { type Product, product } from '../../src/model/product';
import { policy } from '../../src/model/read-policy';
import type { Refund, Sale, SaleAffiliate } from '../../src/model/sale';
import type { Settlement, SettlementLine } from '../../src/settle/settlement';
import { type Domain, validateDomain } from '../../src/validate/domain';
import type { AccountId } from '../../src/values/account';
import { accountId } from '../../src/values/account';
import { type Currency, currency } from '../../src/values/currency';
import { formatInstant, type Instant } from '../../src/values/instant';
import { type Percent, percent } from '../../src/values/percent';

export const MAIN = 'ana@example.com' as AccountId;
export const AFFILIATE = 'leo@example.com' as AccountId;
export const COCREATORS: ReadonlyArray<AccountId> = [
  'bia@example.com',
  'caio@example.com',
  'duda@example.com',
  'enzo@example.com',
].map((a) => accountId(a)._unsafeUnwrap());

/** 2026-01-01T00:00:00Z: every generated instant is within a few months of it. */
export const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

export const cur = (code: string): Currency => currency(code)._unsafeUnwrap();
export const pct = (units: bigint | number, scale = 0): Percent =>
  percent(units, scale)._unsafeUnwrap();
export const at = (ms: number): Instant => ms as Instant;

/** BRL (2), JPY (0), KWD (3), USD (2), CLF (4). */
export const currencyArb: fc.Arbitrary<Currency> = fc.constantFrom(
  cur('BRL'),
  cur('JPY'),
  cur('KWD'),
  cur('USD'),
  cur('CLF'),
);

/** Minor-unit amounts: tiny ones (0, 1), ordinary ones, ones around 2^53, and huge ones. */
export const amountArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0n, 1n, 2n, 3n) },
  { weight: 5, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 7n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 2n ** 53n - 1000n, max: 2n ** 53n + 1000n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 30n }) },
);

/** An affiliate percent: 0 < p ≤ 100 with 0 to 20 places, 100 and tiny ones included. */
export const affiliatePercentArb: fc.Arbitrary<Percent> = fc.oneof(
  fc.constantFrom(pct(100), pct(1, 2), pct(40), pct(35), pct(999_999, 4)),
  fc
    .integer({ min: 0, max: 20 })
    .chain((scale) =>
      fc.bigInt({ min: 1n, max: 100n * 10n ** BigInt(scale) }).map((units) => pct(units, scale)),
    ),
);

// ---------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------

/** Policies: the presets, and Hotmart with a fee schedule. */
export const policyInputArb: fc.Arbitrary<PolicyInput> = fc.oneof(
  fc.constantFrom<PolicyInput>('hotmart', 'kiwify', 'gumroad'),
  fc
    .record({
      extends: fc.constantFrom<'hotmart' | 'kiwify' | 'gumroad'>('hotmart', 'gumroad'),
      percent: fc.constantFrom('0', '4.99', '9.9', '10', '0.005', '100'),
      fixed: fc.constantFrom(
        {},
        { BRL: '1.00' },
        { BRL: '0.99', USD: '0.30', JPY: '30', KWD: '0.125' },
      ),
    })
    .map((p): PolicyInput => ({ extends: p.extends, fee: { percent: p.percent, fixed: p.fixed } })),
);

interface ContractPlan {
  readonly units: bigint; // the invitation percent at the policy's decimals
  readonly amendedUnits: bigint | null;
  readonly appliesTo: 'all-sales' | 'direct-sales' | 'affiliate-sales' | 'managed-affiliate-sales';
  readonly amendedAppliesTo:
    | 'all-sales'
    | 'direct-sales'
    | 'affiliate-sales'
    | 'managed-affiliate-sales'
    | null;
  readonly mayAlso: boolean;
  readonly accepted: boolean;
  /** Hours after T0 and gaps between events. */
  readonly invitedAt: number;
  readonly gaps: readonly [number, number, number, number, number];
  readonly ending: 'none' | 'expiry' | 'cancellation';
}

const appliesToArb = fc.constantFrom(
  'all-sales' as const,
  'all-sales' as const,
  'direct-sales' as const,
  'affiliate-sales' as const,
  'managed-affiliate-sales' as const,
);

function planArb(minUnits: bigint, maxUnits: bigint, budget: bigint): fc.Arbitrary<ContractPlan> {
  // Mostly small enough for four contracts to fit under the floor, sometimes up to the max.
  const quarter = budget / 4n > minUnits ? budget / 4n : minUnits;
  const units = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.bigInt({ min: minUnits, max: quarter < maxUnits ? quarter : maxUnits }),
    },
    { weight: 1, arbitrary: fc.bigInt({ min: minUnits, max: maxUnits }) },
  );
  return fc.record({
    units,
    amendedUnits: fc.option(units, { nil: null }),
    appliesTo: appliesToArb,
    amendedAppliesTo: fc.option(appliesToArb, { nil: null }),
    mayAlso: fc.boolean(),
    accepted: fc.constantFrom(true, true, true, true, false),
    invitedAt: fc.integer({ min: 0, max: 200 }),
    gaps: fc.tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
    ),
    ending: fc.constantFrom('none' as const, 'expiry' as const, 'cancellation' as const),
  });
}

function percentText(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** The wire form of one contract following a plan. */
function contractInput(index: number, plan: ContractPlan, p: Policy): unknown {
  const decimals = p.percentDecimals;
  const who = COCREATORS[index] as string;
  const iso = (hours: number) => formatInstant(at(T0 + hours * HOUR));
  const [g1, g2, g3, g4, g5] = plan.gaps;
  const invited = plan.invitedAt;
  const accepted = invited + g1;
  const amendFrom = accepted + g2;
  const amendTo = amendFrom + g3;
  const endFrom = amendTo + g4;
  const endTo = endFrom + g5;
  const events: unknown[] = [
    {
      type: 'invited',
      at: iso(invited),
      by: MAIN,
      terms: {
        percent: percentText(plan.units, decimals),
        appliesTo: plan.appliesTo,
        endsAt: plan.ending === 'expiry' ? iso(endTo + 1) : null,
        mayAlsoSellAsAffiliate: plan.mayAlso,
      },
    },
  ];
  if (!plan.accepted) return { id: `c${index}`, productId: 'p1', cocreator: who, events };
  events.push({ type: 'accepted', at: iso(accepted), by: who });
  if (plan.amendedUnits !== null || plan.amendedAppliesTo !== null) {
    const terms = {
      ...(plan.amendedUnits === null ? {} : { percent: percentText(plan.amendedUnits, decimals) }),
      ...(plan.amendedAppliesTo === null ? {} : { appliesTo: plan.amendedAppliesTo }),
    };
    if (p.amendments === 'immediate') {
      events.push({ type: 'amended', at: iso(amendTo), by: MAIN, terms });
    } else {
      events.push({ type: 'amendment-proposed', at: iso(amendFrom), by: MAIN, terms });
      events.push({ type: 'amendment-approved', at: iso(amendTo), by: who });
    }
  }
  if (plan.ending === 'cancellation') {
    if (p.cancellation === 'unilateral') {
      events.push({ type: 'cancelled', at: iso(endTo), by: who });
    } else {
      events.push({ type: 'cancellation-requested', at: iso(endFrom), by: MAIN });
      events.push({ type: 'cancellation-approved', at: iso(endTo), by: who });
    }
  }
  return { id: `c${index}`, productId: 'p1', cocreator: who, events };
}

/** The parts a domain is validated from, and the instants where coverage may change. */
export interface DomainParts {
  readonly policy: Policy;
  readonly product: Product;
  readonly contracts: ReadonlyArray<CocreationContract>;
}

function unitsAt(p: Percent, decimals: number): bigint {
  return (p.units * 10n ** BigInt(decimals)) / 10n ** BigInt(p.scale);
}

/**
 * Valid domain parts: a policy, product `p1` of `ana@example.com` (with or without an
 * affiliate commission), and up to four contracts (one under Gumroad) whose every percent,
 * counted at its largest, sums within `100 − minRetainedPercent`, so that the retention
 * floor holds whatever the timing.
 */
export const domainPartsArb: fc.Arbitrary<DomainParts> = policyInputArb.chain((input) => {
  const p = policy(input)._unsafeUnwrap();
  const decimals = p.percentDecimals;
  const minUnits = unitsAt(p.cocreatorPercent.min, decimals);
  const maxUnits = unitsAt(p.cocreatorPercent.max, decimals);
  const budget = 100n * 10n ** BigInt(decimals) - unitsAt(p.minRetainedPercent, decimals);
  const most = p.maxCocreators === null ? 4 : Math.min(4, p.maxCocreators);
  return fc
    .record({
      plans: fc
        .integer({ min: 0, max: most })
        .chain((n) =>
          fc.array(planArb(minUnits, maxUnits, budget), { minLength: n, maxLength: n }),
        ),
      commission: fc.option(affiliatePercentArb, { nil: null }),
    })
    .map(({ plans, commission }) => {
      // Drop contracts from the end until the largest percents fit under the floor.
      const kept: ContractPlan[] = [];
      let used = 0n;
      for (const plan of plans) {
        const largest =
          plan.amendedUnits !== null && plan.amendedUnits > plan.units
            ? plan.amendedUnits
            : plan.units;
        if (used + largest > budget) break;
        used += largest;
        kept.push(plan);
      }
      const prod = product({
        id: 'p1',
        mainCreator: MAIN,
        ...(commission === null
          ? {}
          : { affiliateCommission: percentText(commission.units, commission.scale) }),
      })._unsafeUnwrap();
      const contracts = kept.map((plan, i) =>
        contract(contractInput(i, plan, p), ['contracts', i])._unsafeUnwrap(),
      );
      return { policy: p, product: prod, contracts };
    });
});

/** A validated domain (the parts are valid by construction). */
export const domainArb: fc.Arbitrary<Domain> = domainPartsArb.map((parts) =>
  validateDomain(parts)._unsafeUnwrap(),
);

/** Every instant at which some contract's coverage may change: where off-by-one bugs live. */
export function breakpoints(domain: Domain): number[] {
  const points = new Set<number>();
  for (const t of domain.timelines) {
    if (t.acceptedAt !== null) points.add(t.acceptedAt);
    if (t.endedAt !== null) points.add(t.endedAt);
    for (const period of t.terms) {
      points.add(period.from);
      if (period.terms.endsAt !== null) points.add(period.terms.endsAt);
    }
  }
  return [...points];
}

// ---------------------------------------------------------------------------------------
// Sales
// ---------------------------------------------------------------------------------------

export interface SaleOptions {
  /** Only sales that pass the sale-level rules (default false: any sale of the shape). */
  readonly valid?: boolean;
}

function instantArb(domain: Domain): fc.Arbitrary<Instant> {
  const points = breakpoints(domain);
  const anywhere = fc.integer({ min: -10 * HOUR, max: 600 * HOUR }).map((d) => at(T0 + d));
  if (points.length === 0) return anywhere;
  // Inside some accepted contract's life, where it (most likely) covers the sale.
  const windows = domain.timelines
    .filter((t) => t.acceptedAt !== null)
    .map(
      (t) => [t.acceptedAt as number, t.endedAt ?? (t.acceptedAt as number) + 500 * HOUR] as const,
    )
    .filter(([from, to]) => to > from);
  const inside =
    windows.length === 0
      ? anywhere
      : fc
          .tuple(fc.constantFrom(...windows), fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([[from, to], f]) => at(from + Math.floor((to - from - 1) * f)));
  return fc.oneof(
    { weight: 2, arbitrary: anywhere },
    { weight: 3, arbitrary: inside },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...points), fc.constantFrom(-1, 0, 0, 1))
        .map(([p, d]) => at(p + d)),
    },
  );
}

/** A sale of the domain's product (or, when not `valid`, possibly breaking any sale rule). */
export function saleArb(domain: Domain, options: SaleOptions = {}): fc.Arbitrary<Sale> {
  const valid = options.valid ?? false;
  const accounts = [AFFILIATE, ...COCREATORS, ...(valid ? [] : [MAIN])];
  const affiliate: fc.Arbitrary<SaleAffiliate | null> = fc.option(
    fc.record({
      account: fc.constantFrom(...accounts),
      percent:
        valid && domain.product.affiliateCommission === null
          ? affiliatePercentArb
          : fc.option(affiliatePercentArb, { nil: null }),
      managedBy: fc.option(fc.constantFrom(...COCREATORS, AFFILIATE), { nil: null, freq: 3 }),
    }),
    { nil: null, freq: 2 },
  );
  return fc
    .record({
      id: fc.constantFrom('s1', 's2'),
      productId: valid
        ? fc.constant('p1')
        : fc.constantFrom('p1', 'p1', 'p1', 'p1', 'p1', 'p1', 'p1', 'p2'),
      at: instantArb(domain),
      currency: currencyArb,
      price: amountArb,
      fee: fc.option(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.boolean()), {
        nil: null,
        freq: 3,
      }),
      affiliate,
    })
    .map(({ id, productId, at: when, currency: c, price, fee, affiliate: a }): Sale => {
      // A fee that fits when `fits` (or when the sale must be valid): a share of the price.
      const platformFee =
        fee === null
          ? null
          : {
              amount: fee[1] || valid ? (price === 0n ? 0n : fee[0] % (price + 1n)) : fee[0],
              currency: c,
            };
      return {
        id,
        productId,
        at: when,
        price: { amount: price, currency: c },
        platformFee,
        affiliate: a,
      };
    })
    .filter((s) => !valid || isValidSale(domain, s));
}

/** Whether a sale passes the sale-level rules (an independent, plain reading of specification §4.6). */
export function isValidSale(domain: Domain, s: Sale): boolean {
  const { policy: p, product: prod } = domain;
  if (s.productId !== prod.id) return false;
  if (s.platformFee === null && p.fee !== null) {
    const fixed = p.fee.fixed[s.price.currency.code] ?? 0n;
    const whole = 100n * 10n ** BigInt(p.fee.percent.scale);
    const x = s.price.amount * p.fee.percent.units;
    const fee = x / whole + (2n * (x % whole) >= whole ? 1n : 0n) + fixed;
    if (fee > s.price.amount) return false;
  }
  if (s.platformFee !== null && s.platformFee.amount > s.price.amount) return false;
  const a = s.affiliate;
  if (a === null) return true;
  if (a.percent === null && prod.affiliateCommission === null) return false;
  if (a.account === prod.mainCreator) return false;
  for (const t of domain.timelines) {
    const covered = coveredAt(t, s.at);
    if (covered === null) continue;
    if (!p.affiliatesOnCocreatedProducts) return false;
    if (t.contract.cocreator === a.account && !covered.mayAlsoSellAsAffiliate) return false;
  }
  return true;
}

/** Coverage by a linear scan (independent of the library's binary search). */
export function coveredAt(t: Domain['timelines'][number], when: number) {
  if (t.acceptedAt === null || when < t.acceptedAt) return null;
  if (t.endedAt !== null && when >= t.endedAt) return null;
  let terms = null;
  for (const period of t.terms) if (period.from <= when) terms = period.terms;
  if (terms === null || (terms.endsAt !== null && when >= terms.endsAt)) return null;
  return terms;
}

/** A domain with a sale of it. */
export const domainAndSaleArb = (options: SaleOptions = {}): fc.Arbitrary<[Domain, Sale]> =>
  domainArb.chain((d) => saleArb(d, options).map((s): [Domain, Sale] => [d, s]));

// ---------------------------------------------------------------------------------------
// Settlements shaped by hand, and refunds
// ---------------------------------------------------------------------------------------

/**
 * A settlement shaped by hand: platform, optional affiliate, 0–4 cocreators and the main
 * creator with arbitrary amounts (zeros and amounts past 2^53 included), the price their
 * sum. Enough for refunds and ledgers, which only read the lines.
 */
export const settlementArb: fc.Arbitrary<Settlement> = fc
  .record({
    currency: currencyArb,
    platform: amountArb,
    affiliate: fc.option(amountArb, { nil: null }),
    cocreators: fc.array(amountArb, { maxLength: 4 }),
    main: amountArb,
    saleId: fc.constantFrom('s1', 's2', 's3'),
    at: fc.integer({ min: 0, max: 100 }).map((h) => at(T0 + h * HOUR)),
  })
  .map(({ currency: c, platform, affiliate, cocreators, main, saleId, at: when }) => {
    const line = (l: SettlementLine) => Object.freeze(l);
    const lines: SettlementLine[] = [
      line({
        role: 'platform',
        account: null,
        amount: platform,
        exactUnits: platform,
        exactScale: c.exponent,
      }),
      ...(affiliate === null
        ? []
        : [
            line({
              role: 'affiliate',
              account: AFFILIATE,
              percent: pct(40),
              amount: affiliate,
              exactUnits: affiliate,
              exactScale: c.exponent,
            }),
          ]),
      ...cocreators.map((amount, i) =>
        line({
          role: 'cocreator',
          account: COCREATORS[i] as AccountId,
          contractId: `c${i}`,
          percent: pct(10),
          amount,
          exactUnits: amount,
          exactScale: c.exponent,
        }),
      ),
      line({
        role: 'main-creator',
        account: MAIN,
        amount: main,
        exactUnits: main,
        exactScale: c.exponent,
      }),
    ];
    const price = lines.reduce((s, l) => s + l.amount, 0n);
    const fee = platform;
    const net = price - fee;
    const base = net - (affiliate ?? 0n);
    return Object.freeze({
      saleId,
      productId: 'p1',
      at: when,
      currency: c,
      price,
      platformFee: fee,
      feeOrigin: Object.freeze({ kind: 'sale' as const }),
      net,
      base,
      minRetainedPercent: pct(30),
      lines: Object.freeze(lines),
    });
  });

/**
 * Refunds of a settlement, in order, totalling at most its price (exactly its price when
 * `full`), dated at or after the sale in non-decreasing order.
 */
export function refundsArb(s: Settlement, full = false): fc.Arbitrary<Refund[]> {
  if (s.price === 0n) return fc.constant([]);
  return fc
    .array(fc.bigInt({ min: 1n, max: s.price }), { minLength: 1, maxLength: 6 })
    .chain((cuts) =>
      fc
        .array(fc.integer({ min: 0, max: 50 }), {
          minLength: cuts.length + 1,
          maxLength: cuts.length + 1,
        })
        .map((gaps) => {
          // Distinct sorted cut points in (0, P] give positive amounts summing to the last cut.
          const points = [...new Set(cuts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          if (full && points[points.length - 1] !== s.price) points.push(s.price);
          let previous = 0n;
          let when = s.at as number;
          return points.map((point, i) => {
            when += (gaps[i] ?? 0) * HOUR;
            const amount = point - previous;
            previous = point;
            return Object.freeze({
              id: `r${i + 1}`,
              at: at(when),
              amount: Object.freeze({ amount, currency: s.currency }),
            });
          });
        }),
    );
}
