/**
 * Settling one sale (specification §5), and the affiliate rules that decide whether it may be
 * settled at all (specification §4.6).
 *
 * Two implementations with one contract: `settleWithDomain` follows the specification step by step
 * in `bigint` and is the reference; {@link compileSettler} precomputes a domain once (an
 * index from instants to the covering contracts, each percent as an integer factor at one
 * common scale) and settles each sale in safe-integer `number` arithmetic, falling back to
 * `bigint` for any product that could pass 2^53. Property tests hold them equal.
 */
import { err, ok, type Result } from 'neverthrow';
import { isBuilt } from '../_internal/provenance';
import { coveringTerms } from '../contracts/queries';
import type { CocreationContract, CommissionRule, ContractTimeline } from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { type AppliesTo, appliesToAffiliate } from '../model/commission';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Sale, SaleAffiliate } from '../model/sale';
import { checkDomain, type Domain, validateDomain } from '../validate/domain';
import { isSaleValue, saleValueIssues } from '../validate/handmade';
import type { AccountId } from '../values/account';
import { type Currency, sameCurrency, tableCurrency } from '../values/currency';
import type { Instant } from '../values/instant';
import { formatAmount } from '../values/money';
import {
  comparePercent,
  frozenPercent,
  MAX_PERCENT_SCALE,
  PERCENT_100,
  type Percent,
  percentOfAmount,
  pow10,
} from '../values/percent';
import type {
  AffiliateLine,
  CocreatorLine,
  FeeOrigin,
  MainCreatorLine,
  PlatformLine,
  Settlement,
  SettlementLine,
} from './settlement';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

const SALE_PATH: Path = Object.freeze(['sale']);
const FEE_FROM_SALE: FeeOrigin = Object.freeze({ kind: 'sale' });
const NO_FEE: FeeOrigin = Object.freeze({ kind: 'none' });

// ---------------------------------------------------------------------------------------
// Shared by both implementations: printing exact shares, building lines, the sale rules.
// ---------------------------------------------------------------------------------------

/**
 * Prints `numerator / 10^decimals` (numerator ≥ 0) without trailing zeros but with at least
 * `minDecimals` decimals. Not part of the package API.
 *
 * @internal
 */
export function formatScaled(
  numerator: bigint | number,
  decimals: number,
  minDecimals: number,
): string {
  let digits = String(numerator);
  // Stryker disable next-line ConditionalExpression: the general slicing below prints the same text
  if (decimals === 0) return digits;
  // Stryker disable next-line ConditionalExpression: padding a long enough string changes nothing
  if (digits.length <= decimals) digits = digits.padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const minEnd = cut + minDecimals;
  let end = digits.length;
  while (end > minEnd && digits.charCodeAt(end - 1) === 48) end--;
  return end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
}

/**
 * The decimals of `x / 10^decimals` (x ≥ 0) in its one form: trailing zeros dropped, but at
 * least `minDecimals` kept (what {@link formatScaled} prints). Not part of the package API.
 *
 * @internal
 */
export function trimmedScale(x: number | bigint, decimals: number, minDecimals: number): number {
  let d = decimals;
  if (typeof x === 'number') {
    // ⌊x / 10⌋ is exact for a safe x (see floorDivides), and so is q × 10 ≤ x.
    while (d > minDecimals) {
      const q = Math.floor(x / 10);
      if (q * 10 !== x) break;
      x = q;
      d--;
    }
  } else {
    while (d > minDecimals && x % 10n === 0n) {
      x /= 10n;
      d--;
    }
  }
  return d;
}

/**
 * `x / 10^(decimals − scale)` as a `bigint`, for the `scale` {@link trimmedScale} gave: the
 * exact share's units. The division is exact (the dropped digits are zeros). Not part of the
 * package API.
 *
 * @internal
 */
export function scaledUnits(x: number | bigint, decimals: number, scale: number): bigint {
  if (typeof x === 'number') return BigInt(decimals === scale ? x : x / 10 ** (decimals - scale));
  return decimals === scale ? x : x / pow10(decimals - scale);
}

/**
 * The largest `exactScale` a line can have: a percent's decimals (at most
 * `MAX_PERCENT_SCALE`), 2 for the percent's hundredth, 4 for the largest currency exponent.
 * The guards of functions that take lines from anywhere (`explain`, the testing `diff`)
 * refuse more, so that a corrupted scale cannot make them build a huge string. Not part of
 * the package API.
 *
 * @internal
 */
export const MAX_EXACT_SCALE = MAX_PERCENT_SCALE + 2 + 4;

/**
 * A line's exact share printed: `exactUnits / 10^exactScale` with all `exactScale` decimals
 * (its form already has no trailing zeros past the currency's). What {@link settlementToJson}
 * prints as `exactShare`. Not part of the package API.
 *
 * @internal
 */
export function exactShareText(line: {
  readonly exactUnits: bigint;
  readonly exactScale: number;
}): string {
  const units = line.exactUnits;
  if (units < 0n) return `-${formatScaled(-units, line.exactScale, line.exactScale)}`;
  return formatScaled(units, line.exactScale, line.exactScale);
}

function platformLine(amount: bigint, exactUnits: bigint, exactScale: number): PlatformLine {
  return Object.freeze({ role: 'platform', account: null, amount, exactUnits, exactScale });
}

function affiliateLine(
  account: AccountId,
  percent: Percent,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): AffiliateLine {
  // The sale's own percent may be a copy that is not frozen (a structuredClone of the sale).
  return Object.freeze({
    role: 'affiliate',
    account,
    percent: frozenPercent(percent),
    amount,
    exactUnits,
    exactScale,
  });
}

function cocreatorLine(
  account: AccountId,
  contractId: string,
  percent: Percent,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): CocreatorLine {
  return Object.freeze({
    role: 'cocreator',
    account,
    contractId,
    percent,
    amount,
    exactUnits,
    exactScale,
  });
}

function mainCreatorLine(
  account: AccountId,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): MainCreatorLine {
  return Object.freeze({ role: 'main-creator', account, amount, exactUnits, exactScale });
}

function settlementOf(
  sale: Sale,
  policy: Policy,
  platformFee: bigint,
  feeOrigin: FeeOrigin,
  net: bigint,
  base: bigint,
  lines: SettlementLine[],
): Settlement {
  return Object.freeze({
    saleId: sale.id,
    productId: sale.productId,
    at: sale.at,
    // The table's frozen object: a sale made with a copy of a currency settles the same.
    currency: tableCurrency(sale.price.currency) as Currency,
    price: sale.price.amount,
    platformFee,
    feeOrigin,
    net,
    base,
    minRetainedPercent: policy.minRetainedPercent,
    lines: Object.freeze(lines),
  });
}

/** What the affiliate rules need to know of a covering contract. */
interface Cover {
  readonly account: AccountId;
  readonly contractId: string;
  readonly mayAlsoSellAsAffiliate: boolean;
}

/** Where the fee came from, for the error's path: the sale's field or the policy's schedule. */
type FeeSource = 'sale' | 'schedule' | 'none';

/**
 * Stage 1 of a sale beside its product (specification §7): an affiliate percent outside 0 < p ≤ 100,
 * an affiliate with no percent in the sale nor in the product. `product` may be a value built
 * by hand that is not a product: then only the sale's own percent is checked.
 */
function saleReadingIssues(product: unknown, sale: Sale): DomainError[] {
  const affiliate = sale.affiliate;
  if (affiliate === null) return [];
  const own = affiliate.percent;
  const percentPath = [...SALE_PATH, 'affiliate', 'percent'];
  if (own !== null && !isAffiliatePercent(own)) {
    return [
      domainError(
        'percent_out_of_range',
        'an affiliate percent is above 0 and at most 100',
        percentPath,
        {
          min: '0',
          max: '100',
        },
      ),
    ];
  }
  const commission =
    typeof product === 'object' && product !== null
      ? (product as Partial<Product>).affiliateCommission
      : undefined;
  if (own === null && commission === null) {
    return [
      domainError(
        'invalid_field',
        'the sale names an affiliate but no percent, and the product has no affiliateCommission',
        percentPath,
      ),
    ];
  }
  return [];
}

/** Stage 1 of a sale: its shape when built by hand, then {@link saleReadingIssues}. */
function saleStageOne(product: unknown, sale: Sale): DomainError[] {
  const shape = saleShape(sale);
  if (shape !== undefined) return [...shape];
  return saleReadingIssues(product, sale);
}

/** The problems stage 2 finds in a sale, by row of specification §7's table. */
interface SaleProblems {
  /** Row 2a: `product_mismatch` of the sale, `currency_mismatch` of its fee. */
  readonly mismatches: DomainError[];
  /** Rows 2d (`fee_exceeds_price`, `self_affiliation`) and 2e (the coverage rules of 4.6). */
  readonly rules: DomainError[];
}

/**
 * Rows 2a, 2d and 2e of specification §7 for a sale that passed stage 1, at paths relative to the
 * `settle` document. A fee in another currency is reported and not compared with the price;
 * the rules about the product's main creator and its contracts are checked only when the sale
 * is for this product; the coverage rules only when `covers` is known (every contract of this
 * product has a valid history), whether or not the rules across contracts hold.
 */
function saleRuleIssues(
  policy: Policy,
  product: Product,
  sale: Sale,
  covers: ReadonlyArray<Cover> | null,
): SaleProblems {
  const mismatches: DomainError[] = [];
  const rules: DomainError[] = [];
  const forProduct = sale.productId === product.id;
  if (!forProduct) {
    mismatches.push(
      domainError(
        'product_mismatch',
        `the sale is for product ${JSON.stringify(sale.productId)}, not ${JSON.stringify(product.id)}`,
        [...SALE_PATH, 'productId'],
        { expected: product.id, actual: sale.productId },
      ),
    );
  }
  const currency = sale.price.currency;
  const given = sale.platformFee;
  if (given !== null && !sameCurrency(given.currency, currency)) {
    mismatches.push(
      domainError(
        'currency_mismatch',
        `the platform fee is in ${given.currency.code}, the price in ${currency.code}`,
        [...SALE_PATH, 'platformFee', 'currency'],
        { expected: currency.code, actual: given.currency.code },
      ),
    );
  } else {
    const price = sale.price.amount;
    const { fee, feeSource } = feeOf(policy, sale);
    if (fee > price) {
      const where =
        feeSource === 'sale' ? [...SALE_PATH, 'platformFee', 'amount'] : ['policy', 'fee'];
      const which = feeSource === 'sale' ? 'the platform fee' : "the policy's fee schedule";
      rules.push(
        domainError(
          'fee_exceeds_price',
          `${which} charges ${formatAmount(fee, currency)}, more than the price ${formatAmount(price, currency)}`,
          where,
          { fee: formatAmount(fee, currency), price: formatAmount(price, currency) },
        ),
      );
    }
  }
  const affiliate = sale.affiliate;
  if (affiliate === null || !forProduct) return { mismatches, rules };
  const affiliatePath = [...SALE_PATH, 'affiliate'];
  if (affiliate.account === product.mainCreator) {
    rules.push(
      domainError(
        'self_affiliation',
        `${affiliate.account} is the main creator of ${product.id} and cannot be its affiliate`,
        [...affiliatePath, 'account'],
        { account: affiliate.account },
      ),
    );
  }
  if (covers === null) return { mismatches, rules };
  for (const cover of covers) {
    if (cover.account === affiliate.account && !cover.mayAlsoSellAsAffiliate) {
      rules.push(
        domainError(
          'affiliate_not_permitted',
          `${affiliate.account} is a cocreator under contract ${JSON.stringify(cover.contractId)}, whose terms in force do not allow selling as an affiliate`,
          [...affiliatePath, 'account'],
          { account: affiliate.account },
        ),
      );
    }
  }
  if (!policy.affiliatesOnCocreatedProducts && covers.length > 0) {
    rules.push(
      domainError(
        'affiliates_not_allowed',
        `the policy allows no affiliate on a sale that a cocreation contract covers (${covers
          .map((c) => JSON.stringify(c.contractId))
          .join(', ')})`,
        affiliatePath,
      ),
    );
  }
  return { mismatches, rules };
}

/** The contracts among `timelines` that cover the sale (appliesTo aside), as the rules see them. */
function coversOf(
  timelines: ReadonlyArray<ContractTimeline>,
  at: Instant,
): Array<{ timeline: ContractTimeline; terms: CommissionRule; cover: Cover }> {
  const covering: Array<{ timeline: ContractTimeline; terms: CommissionRule; cover: Cover }> = [];
  for (const timeline of timelines) {
    const terms = coveringTerms(timeline, at);
    if (terms === null) continue;
    const cover = {
      account: timeline.contract.cocreator,
      contractId: timeline.contract.id,
      mayAlsoSellAsAffiliate: terms.mayAlsoSellAsAffiliate,
    };
    covering.push({ timeline, terms, cover });
  }
  return covering;
}

function asErrors(issues: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...issues]) as unknown as DomainErrors;
}

/** The shape problems of a sale value, when there are any. */
function saleShape(sale: Sale): DomainErrors | undefined {
  // The usual case without building a list: isSaleValue holds exactly when there is no issue.
  // Stryker disable next-line ConditionalExpression: a pre-check: saleValueIssues finds no issue exactly when it passes
  if (isSaleValue(sale)) return undefined;
  const issues = saleValueIssues(sale, SALE_PATH);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: reached only with a sale isSaleValue refused, which has issues
  return issues.length > 0 ? asErrors(issues) : undefined;
}

// ---------------------------------------------------------------------------------------
// The reference: specification §5, step by step, in bigint.
// ---------------------------------------------------------------------------------------

/**
 * Settles a sale against an already validated domain, following specification §5 step by
 * step in `bigint` arithmetic. This is the reference the compiled settler is tested
 * against; prefer {@link compileSettler} for many sales of one product.
 *
 * @param domain - a validated domain, from `validateDomain` (any other value typed as one is
 *   validated first, and refused with `validateDomain`'s errors)
 * @param sale - the sale, from `sale()`
 * @returns the frozen {@link Settlement}, or the sale's stage-1 problems (the shape errors of
 *   a hand-built sale, `invalid_field` for an affiliate without a percent,
 *   `percent_out_of_range`), else every sale-level problem of stage 2: `product_mismatch`,
 *   `currency_mismatch` (a fee in another currency), `fee_exceeds_price`,
 *   `self_affiliation`, `affiliate_not_permitted`, `affiliates_not_allowed`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function settleWithDomain(domain: Domain, sale: Sale): Result<Settlement, DomainErrors> {
  const validated = trusted(domain);
  if (validated.isErr()) return err(validated.error);
  const domainValue = validated.value;
  const reading = saleStageOne(domainValue.product, sale);
  if (reading.length > 0) return err(asErrors(reading));
  return settleReference(domainValue, sale);
}

/**
 * The domain itself when {@link validateDomain} made it, else the result of validating it now:
 * a value typed as a `Domain` but built around the type system (or by another copy of this
 * library) is checked like any input, never trusted.
 */
function trusted(domain: Domain): Result<Domain, DomainErrors> {
  return isBuilt(domain) ? ok(domain) : validateDomain(domain);
}

/** Step 2 of specification §5: the sale's own fee, else the policy's schedule, else 0. */
function feeOf(
  policy: Policy,
  sale: Sale,
): { fee: bigint; feeOrigin: FeeOrigin; feeSource: FeeSource } {
  if (sale.platformFee !== null) {
    return { fee: sale.platformFee.amount, feeOrigin: FEE_FROM_SALE, feeSource: 'sale' };
  }
  // Stryker disable next-line StringLiteral: only feeSource === 'sale' is ever compared (contributing/mutation.md)
  if (policy.fee === null) return { fee: 0n, feeOrigin: NO_FEE, feeSource: 'none' };
  const { percent, fixed: table } = policy.fee;
  const fixed = table[sale.price.currency.code] ?? 0n;
  return {
    // Stryker disable next-line StringLiteral: percentOfAmount rounds half up for anything but 'down'
    fee: percentOfAmount(sale.price.amount, percent, 'half-up') + fixed,
    feeOrigin: Object.freeze({ kind: 'schedule', percent, fixed }),
    // Stryker disable next-line StringLiteral: only feeSource === 'sale' is ever compared (contributing/mutation.md)
    feeSource: 'schedule',
  };
}

function settleReference(domain: Domain, sale: Sale): Result<Settlement, DomainErrors> {
  const { policy, product, timelines } = domain;
  const currency = sale.price.currency;
  const price = sale.price.amount;

  const { fee, feeOrigin } = feeOf(policy, sale);

  // Which contracts cover the sale (appliesTo aside): the affiliate rules need them all.
  const covering = coversOf(timelines, sale.at);
  const { mismatches, rules } = saleRuleIssues(
    policy,
    product,
    sale,
    covering.map((c) => c.cover),
  );
  const issues = [...mismatches, ...rules];
  if (issues.length > 0) return err(asErrors(issues));

  const exponent = currency.exponent;
  const lines: SettlementLine[] = [platformLine(fee, fee, exponent)];

  // Steps 3 to 5: net, affiliate, base.
  const net = price - fee;
  let base = net;
  const affiliate = sale.affiliate;
  if (affiliate !== null) {
    const percent = (affiliate.percent ?? product.affiliateCommission) as Percent;
    const commission = percentOfAmount(net, percent, 'down');
    const x = net * percent.units;
    const decimals = percent.scale + 2 + exponent;
    const d = trimmedScale(x, decimals, exponent);
    lines.push(
      affiliateLine(affiliate.account, percent, commission, scaledUnits(x, decimals, d), d),
    );
    base = net - commission;
  }

  // Step 6: each covering contract whose appliesTo takes the sale.
  let shares = 0n;
  const matched: Percent[] = [];
  for (const { timeline, terms } of covering) {
    const account = timeline.contract.cocreator;
    if (!appliesToAffiliate(terms.appliesTo, account, affiliate)) continue;
    const share = percentOfAmount(base, terms.percent, 'down');
    const x = base * terms.percent.units;
    const decimals = terms.percent.scale + 2 + exponent;
    const d = trimmedScale(x, decimals, exponent);
    const units = scaledUnits(x, decimals, d);
    lines.push(cocreatorLine(account, timeline.contract.id, terms.percent, share, units, d));
    shares += share;
    matched.push(terms.percent);
  }

  // Step 7: the main creator takes the rest. Exact: base × (100 − Σ percent) / 100.
  const scale = matched.reduce((s, p) => Math.max(s, p.scale), 0);
  const whole = 100n * pow10(scale);
  const rest = matched.reduce((r, p) => r - p.units * pow10(scale - p.scale), whole);
  const mainX = base * rest;
  const mainDecimals = scale + 2 + exponent;
  const mainScale = trimmedScale(mainX, mainDecimals, exponent);
  lines.push(
    mainCreatorLine(
      product.mainCreator,
      base - shares,
      scaledUnits(mainX, mainDecimals, mainScale),
      mainScale,
    ),
  );
  return ok(settlementOf(sale, policy, fee, feeOrigin, net, base, lines));
}

/**
 * Validates a domain and settles one sale in it (specification §5): the platform fee (given,
 * or from the policy's schedule rounded half up), the affiliate's commission on the net,
 * each covering contract's share of the base rounded toward zero, and the rest to the main
 * creator. Lines come in the order platform, affiliate, cocreators (in contract order), main
 * creator, and sum to the price exactly.
 *
 * Checks in the stages of specification §7: first what stage 1 reads (values built by hand,
 * contract ids used twice, an affiliate percent out of range or missing), and only when that
 * holds every problem of rows 2a to 2e together, in this order: 2a (`product_mismatch` of
 * each contract of another product, which is then left out of every other rule, then of the
 * sale; `currency_mismatch` of a fee in another currency, which is then not compared with the
 * price), 2b (each history), 2c (the rules across contracts, when every history of this
 * product is valid), 2d (`fee_exceeds_price`, and `self_affiliation` when the sale is for this
 * product), 2e (the affiliate rules over the covering contracts, when every history is valid
 * and the sale is for this product, whether or not 2c holds).
 *
 * @param policy - the platform policy, from `policy`
 * @param product - the product, from `product`
 * @param contracts - the product's contracts, with their whole histories
 * @param sale - the sale, from `sale()`
 * @returns the frozen {@link Settlement}, or every problem: the domain's (at `['policy']`,
 *   `['product']`, `['contracts', i, ...]`) and the sale's (at `['sale', ...]`, see
 *   `settleWithDomain`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { policy, product, sale, settleSale } from 'cocreation';
 *
 * const settlement = settleSale(
 *   policy('hotmart')._unsafeUnwrap(),
 *   product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *   [],
 *   sale({
 *     id: 's1',
 *     productId: 'p1',
 *     at: '2026-03-01T12:00:00Z',
 *     price: { amount: '100.00', currency: 'USD' },
 *     platformFee: { amount: '10.40', currency: 'USD' },
 *     affiliate: { account: 'leo@example.com', percent: '35' },
 *   })._unsafeUnwrap(),
 * )._unsafeUnwrap();
 * assert.deepEqual(
 *   settlement.lines.map((l) => [l.role, l.amount]),
 *   [['platform', 1040n], ['affiliate', 3136n], ['main-creator', 5824n]],
 * );
 * ```
 */
export function settleSale(
  policy: Policy,
  product: Product,
  contracts: ReadonlyArray<CocreationContract>,
  sale: Sale,
): Result<Settlement, DomainErrors> {
  const outcome = settleStages(policy, product, contracts, sale);
  return outcome.settlement !== null ? ok(outcome.settlement) : err(asErrors(outcome.problems));
}

/**
 * What the stages of specification §7 make of a product, its contracts and a sale. Not part of the
 * package API: `settleSale` and `settleDocument` share it.
 *
 * @internal
 */
export interface SaleStages {
  /** Whether stage 1 (reading) found a problem: then `problems` are stage 1's alone. */
  readonly reading: boolean;
  /**
   * Every problem found, in this order: stage 1 alone when it found any; else row 2a (each
   * contract's, then the sale's), 2b, 2c, 2d and 2e, each in document order.
   */
  readonly problems: ReadonlyArray<DomainError>;
  /** The settlement, when no problem was found. */
  readonly settlement: Settlement | null;
}

/**
 * Runs stage 1 and rows 2a to 2e of specification §7 over a product, its contracts and a sale, and
 * settles the sale when nothing is wrong.
 *
 * @internal
 */
export function settleStages(
  policy: Policy,
  product: Product,
  contracts: ReadonlyArray<CocreationContract>,
  sale: Sale,
): SaleStages {
  const checked = checkDomain({ policy, product, contracts });
  const saleReading = saleStageOne(checked.product ?? product, sale);
  if (checked.reading.length > 0 || saleReading.length > 0) {
    return { reading: true, problems: [...checked.reading, ...saleReading], settlement: null };
  }
  if (checked.domain !== null) {
    const settled = settleReference(checked.domain, sale);
    return settled.isOk()
      ? { reading: false, problems: [], settlement: settled.value }
      : { reading: false, problems: settled.error, settlement: null };
  }
  const timelines = checked.timelines;
  const covers = timelines === null ? null : coversOf(timelines, sale.at).map((c) => c.cover);
  const { mismatches, rules } = saleRuleIssues(
    checked.policy as Policy,
    checked.product as Product,
    sale,
    covers,
  );
  return {
    reading: false,
    problems: [
      ...checked.mismatches,
      ...mismatches,
      ...checked.histories,
      ...checked.across,
      ...rules,
    ],
    settlement: null,
  };
}

// ---------------------------------------------------------------------------------------
// The compiled settler.
// ---------------------------------------------------------------------------------------

/** Settles many sales of one product against a domain validated once. */
export interface Settler {
  /** The domain it was compiled from. */
  readonly domain: Domain;
  /**
   * Settles one sale; the same result as `settleWithDomain` on the same domain.
   *
   * @param sale - the sale, from `sale()`
   * @returns the frozen {@link Settlement}, or every sale-level problem
   */
  settle(sale: Sale): Result<Settlement, DomainErrors>;
}

/**
 * One terms period of one contract, precomputed for the hot path. Not part of the package
 * API.
 *
 * @internal
 */
export interface Entry extends Cover {
  readonly percent: Percent;
  readonly appliesTo: AppliesTo;
  /** The percent at the domain's common scale S: value = units / 10^S; safe when `numeric`. */
  readonly units: number;
  readonly unitsBig: bigint;
  /** The largest base whose product with `units` is a safe integer. */
  readonly maxBase: number;
  /** A small integer, different for each entry of one settler: an index for callers' tables. */
  readonly ordinal: number;
}

/**
 * Where the compiled settler's split of one sale goes, line by line in settlement order:
 * {@link LineSink} builds the settlement's lines, the bulk path (payouts.ts) adds them to
 * totals. The split is written once and calls these. Amounts are `number` on the number road
 * and `bigint` on the other; `x` is the numerator of a line's exact share, at `decimals`
 * decimals. Not part of the package API.
 *
 * @internal
 */
export interface SplitSink {
  /**
   * Called once a sale is accepted, before its lines.
   *
   * @returns whether to split the sale into this sink (`false`: the sink declines its lines)
   */
  start(sale: Sale, fee: bigint, feeOrigin: FeeOrigin): boolean;
  /** The platform's line: the fee, as a bigint and in the road's type. */
  platform(fee: bigint, amount: number | bigint): void;
  affiliate(
    account: AccountId,
    percent: Percent,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
  ): void;
  cocreator(entry: Entry, amount: number | bigint, x: number | bigint, decimals: number): void;
  /** The main creator's line, with the sale's net and base (the last call for a sale). */
  main(
    account: AccountId,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
    net: number | bigint,
    base: number | bigint,
  ): void;
}

// Frozen: a sink that were written before start() would throw, not share lines.
const NO_LINES = /* @__PURE__ */ Object.freeze([]) as unknown as SettlementLine[];

/** The settler's sink: the settlement's lines, each with its exact share. */
class LineSink implements SplitSink {
  private sale: Sale = undefined as unknown as Sale;
  private fee = 0n;
  private feeOrigin: FeeOrigin = NO_FEE;
  private exponent = 0;
  // Set by start(); no array is allocated for a sink until then.
  private lines: SettlementLine[] = NO_LINES;
  private net = 0n;
  private base = 0n;

  constructor(private readonly policy: Policy) {}

  start(sale: Sale, fee: bigint, feeOrigin: FeeOrigin): boolean {
    this.sale = sale;
    this.fee = fee;
    this.feeOrigin = feeOrigin;
    this.exponent = sale.price.currency.exponent;
    this.lines = [];
    return true;
  }

  platform(fee: bigint, _amount: number | bigint): void {
    this.lines.push(platformLine(fee, fee, this.exponent));
  }

  affiliate(
    account: AccountId,
    percent: Percent,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
  ): void {
    const d = trimmedScale(x, decimals, this.exponent);
    const units = scaledUnits(x, decimals, d);
    this.lines.push(affiliateLine(account, percent, BigInt(amount), units, d));
  }

  cocreator(entry: Entry, amount: number | bigint, x: number | bigint, decimals: number): void {
    const d = trimmedScale(x, decimals, this.exponent);
    const units = scaledUnits(x, decimals, d);
    this.lines.push(
      cocreatorLine(entry.account, entry.contractId, entry.percent, BigInt(amount), units, d),
    );
  }

  main(
    account: AccountId,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
    net: number | bigint,
    base: number | bigint,
  ): void {
    const d = trimmedScale(x, decimals, this.exponent);
    this.lines.push(mainCreatorLine(account, BigInt(amount), scaledUnits(x, decimals, d), d));
    const netBig = BigInt(net);
    this.net = netBig;
    // With no affiliate the base is the net: one bigint for both.
    this.base = base === net ? netBig : BigInt(base);
  }

  /** The settlement of the sale last split into this sink. */
  settlement(): Settlement {
    return settlementOf(
      this.sale,
      this.policy,
      this.fee,
      this.feeOrigin,
      this.net,
      this.base,
      this.lines,
    );
  }
}

/**
 * Runs one sale through a settler's checks and split into a sink: its problems (exactly
 * those `settle` refuses it with), or `null` once the sink had its lines.
 *
 * @internal
 */
export type SaleRun = (sale: Sale, sink: SplitSink) => DomainErrors | null;

/** The run of each settler {@link compileSettler} made. */
const RUNS = new WeakMap<Settler, SaleRun>();

/**
 * A settler {@link compileSettler} made: `settler` itself when this copy of the library made
 * it, else one compiled from its `domain`, which is validated like any domain. Not part of
 * the package API.
 *
 * @internal
 */
export function compiledSettler(settler: Settler): Settler {
  if (RUNS.has(settler)) return settler;
  return compileSettler((settler as Partial<Settler> | null | undefined)?.domain as Domain);
}

/**
 * The run of a settler, through {@link compiledSettler}. Not part of the package API.
 *
 * @internal
 */
export function saleRunOf(settler: Settler): SaleRun {
  return RUNS.get(compiledSettler(settler)) as SaleRun;
}

/** Past this many (breakpoint × contract) checks the instant index is not built. */
const MAX_INDEX_WORK = 1 << 22;

/** Which entries cover a sale at an instant (appliesTo aside), in contract order. */
type CoverLookup = (at: number) => ReadonlyArray<Entry>;

function normalizedScale(p: Percent): number {
  let units = p.units;
  let scale = p.scale;
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: a larger common scale is a factor both sides of every division share
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    // Stryker disable next-line AssignmentOperator: see the loop condition above
    scale -= 1;
  }
  return scale;
}

function buildLookup(
  timelines: ReadonlyArray<ContractTimeline>,
  entryOf: (index: number, terms: CommissionRule) => Entry,
  maxWork: number,
): CoverLookup {
  // Stryker disable next-line ConditionalExpression,MethodExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
  const live = timelines.filter((t) => t.acceptedAt !== null);
  // Stryker disable next-line ConditionalExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
  if (live.length === 0) return () => EMPTY;
  const points = new Set<number>();
  for (const t of live) {
    points.add(t.acceptedAt as number);
    // Stryker disable next-line ConditionalExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
    if (t.endedAt !== null) points.add(t.endedAt);
    for (const period of t.terms) {
      points.add(period.from);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
      if (period.terms.endsAt !== null) points.add(period.terms.endsAt);
    }
  }
  const indexOf = new Map(timelines.map((t, i) => [t, i] as const));
  const coverAt = (at: number): ReadonlyArray<Entry> => {
    const found: Entry[] = [];
    for (const t of live) {
      const terms = coveringTerms(t, at as Instant);
      if (terms !== null) found.push(entryOf(indexOf.get(t) as number, terms));
    }
    // Stryker disable next-line ConditionalExpression: a fresh frozen empty array equals EMPTY
    return found.length === 0 ? EMPTY : Object.freeze(found);
  };
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: chooses between the index and the scan, which agree
  if (points.size * live.length > maxWork) return coverAt;
  // Coverage and terms change only at these instants (intervals are closed on the left), so
  // what covers a segment's first instant covers the whole segment.
  const starts = Float64Array.from(points).sort();
  const segments = Array.from(starts, (start) => coverAt(start));
  return (at) => {
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: a read past a Float64Array is undefined, which compares false
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? EMPTY : (segments[found] as ReadonlyArray<Entry>);
  };
}

const EMPTY: ReadonlyArray<Entry> = /* @__PURE__ */ Object.freeze([]);

/**
 * Compiles a validated domain into a settler for many sales of its product. Everything that
 * does not depend on the sale is done once: an index from instants to the contracts that
 * cover them (one binary search per sale), each percent as an integer factor at one common
 * scale, the fee schedule's factors. Each sale then costs O(k) in the number of covering
 * contracts, in safe-integer `number` arithmetic (`bigint` for any product past 2^53), with
 * no decimal parsing; results equal `settleWithDomain`'s.
 *
 * @param domain - a validated domain, from `validateDomain` (any other value typed as one is
 *   validated first; when it is refused, every sale is answered with `validateDomain`'s errors)
 * @returns a {@link Settler}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { compileSettler, policy, product, sale, validateDomain } from 'cocreation';
 *
 * const settler = compileSettler(
 *   validateDomain({
 *     policy: policy('hotmart')._unsafeUnwrap(),
 *     product: product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
 *     contracts: [],
 *   })._unsafeUnwrap(),
 * );
 * for (const amount of ['1.00', '2.50']) {
 *   const s = sale({
 *     id: `s-${amount}`,
 *     productId: 'p1',
 *     at: '2026-03-01T12:00:00Z',
 *     price: { amount, currency: 'BRL' },
 *   })._unsafeUnwrap();
 *   const settled = settler.settle(s)._unsafeUnwrap();
 *   assert.equal(settled.lines.at(-1)?.amount, s.price.amount);
 * }
 * ```
 */
export function compileSettler(domain: Domain): Settler {
  return compileWith(domain, MAX_INDEX_WORK);
}

/**
 * {@link compileSettler} with a bound on the work spent building the instant index; past it,
 * each sale looks up every contract's history instead. Not part of the package API: lets tests
 * take both roads.
 *
 * @internal
 */
export function compileWith(domain: Domain, maxIndexWork: number): Settler {
  const validated = trusted(domain);
  if (validated.isOk()) return compile(validated.value, maxIndexWork);
  const problems = validated.error;
  const refused = err(problems);
  const settler: Settler = Object.freeze({ domain, settle: () => refused });
  RUNS.set(settler, () => problems);
  return settler;
}

function compile(domain: Domain, maxIndexWork: number): Settler {
  const { policy, product, timelines } = domain;

  // The common scale S of every contract percent, so that all shares divide by one D.
  let scale = 0;
  for (const t of timelines)
    for (const p of t.terms) scale = Math.max(scale, normalizedScale(p.terms.percent));
  const wholeBig = 100n * pow10(scale);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  const numeric = wholeBig <= MAX_SAFE_BIG;
  const whole = Number(wholeBig);

  const entries = new Map<CommissionRule, Entry>();
  const entryOf = (index: number, terms: CommissionRule): Entry => {
    let entry = entries.get(terms);
    // Stryker disable next-line ConditionalExpression: a cache: recomputing gives an equal value (contributing/mutation.md)
    if (entry === undefined) {
      const contract = (timelines[index] as ContractTimeline).contract;
      const p = terms.percent;
      const unitsBig = (p.units * pow10(scale)) / pow10(p.scale);
      const units = Number(unitsBig);
      entry = Object.freeze({
        account: contract.cocreator,
        contractId: contract.id,
        mayAlsoSellAsAffiliate: terms.mayAlsoSellAsAffiliate,
        percent: p,
        appliesTo: terms.appliesTo,
        units,
        unitsBig,
        // Stryker disable next-line ConditionalExpression,UnaryOperator: maxBase is read only on the number road, taken only when numeric
        maxBase: numeric ? (units === 0 ? MAX_SAFE : Math.floor(MAX_SAFE / units)) : -1,
        ordinal: entries.size,
      });
      entries.set(terms, entry);
    }
    return entry;
  };
  const lookup = buildLookup(timelines, entryOf, maxIndexWork);

  const affiliateDefault = product.affiliateCommission;
  const schedule = policy.fee;
  const scheduleUnits = schedule === null ? 0n : schedule.percent.units;
  const scheduleWhole = schedule === null ? 1n : 100n * pow10(schedule.percent.scale);
  const scheduleNumeric =
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    schedule !== null && scheduleUnits <= MAX_SAFE_BIG && scheduleWhole <= MAX_SAFE_BIG;
  const scheduleUnitsN = Number(scheduleUnits);
  const scheduleWholeN = Number(scheduleWhole);
  const scheduleOrigins = new Map<string, FeeOrigin>();
  const scheduleOrigin = (currency: Currency, fixed: bigint): FeeOrigin => {
    let origin = scheduleOrigins.get(currency.code);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a cache: recomputing gives an equal value (contributing/mutation.md)
    if (origin === undefined && schedule !== null) {
      origin = Object.freeze({ kind: 'schedule', percent: schedule.percent, fixed });
      scheduleOrigins.set(currency.code, origin);
    }
    return origin as FeeOrigin;
  };

  /** The rules of {@link saleRuleIssues} for an affiliate, without building any error. */
  // Stryker disable next-line BlockStatement: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
  const affiliateAllowed = (affiliate: SaleAffiliate, covering: ReadonlyArray<Entry>): boolean => {
    const own = affiliate.percent;
    // Stryker disable next-line ConditionalExpression: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    if (own === null ? affiliateDefault === null : !isAffiliatePercent(own)) return false;
    // Stryker disable next-line ConditionalExpression: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    if (affiliate.account === product.mainCreator) return false;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    if (covering.length > 0 && !policy.affiliatesOnCocreatedProducts) return false;
    // An index loop: the covering list is a frozen array, which for...of iterates slower.
    for (let k = 0, count = covering.length; k < count; k++) {
      const entry = covering[k] as Entry;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
      if (entry.account === affiliate.account && !entry.mayAlsoSellAsAffiliate) return false;
    }
    // Stryker disable next-line BooleanLiteral: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    return true;
  };

  // The product's affiliate commission as number factors, when they are safe integers.
  const defaultUnits = affiliateDefault === null ? 0 : safeNumber(affiliateDefault.units);
  // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  const defaultWhole = affiliateDefault === null ? 0 : safeWhole(affiliateDefault.scale);

  /** Steps 3 to 7 for a price ≤ 2^53 − 1: every amount fits a number; products are checked. */
  const splitNumber = (
    sale: Sale,
    exponent: number,
    fee: bigint,
    covering: ReadonlyArray<Entry>,
    sink: SplitSink,
  ): void => {
    const affiliate = sale.affiliate;
    const f = Number(fee);
    const n = Number(sale.price.amount) - f;
    sink.platform(fee, f);
    let b = n;
    if (affiliate !== null) {
      const own = affiliate.percent;
      const percent = (own ?? affiliateDefault) as Percent;
      // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
      const u = own === null ? defaultUnits : safeNumber(percent.units);
      // Stryker disable next-line ConditionalExpression: picks the number or the bigint road, which give the same result (contributing/mutation.md)
      const w = own === null ? defaultWhole : safeWhole(percent.scale);
      const decimals = percent.scale + 2 + exponent;
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
      sink.affiliate(affiliate.account, percent, a, x, decimals);
      b = n - a;
    }
    const decimals = scale + 2 + exponent;
    let sum = 0;
    let rest = whole;
    // An index loop: the covering list is a frozen array, which for...of iterates slower.
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
        c = Number(x / wholeBig);
      }
      // Σ c ≤ b ≤ 2^53 − 1, so `sum` stays exact.
      sum += c;
      rest -= entry.units;
      sink.cocreator(entry, c, x, decimals);
    }
    const mainX =
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
      rest === 0 || b <= MAX_SAFE / rest ? b * rest : BigInt(b) * BigInt(rest);
    sink.main(product.mainCreator, b - sum, mainX, decimals, n, b);
  };

  /** Steps 3 to 7 in bigint, for prices past 2^53 (or percents too fine for numbers). */
  const splitBig = (
    sale: Sale,
    exponent: number,
    fee: bigint,
    covering: ReadonlyArray<Entry>,
    sink: SplitSink,
  ): void => {
    const affiliate = sale.affiliate;
    sink.platform(fee, fee);
    const net = sale.price.amount - fee;
    let base = net;
    if (affiliate !== null) {
      const percent = (affiliate.percent ?? affiliateDefault) as Percent;
      const x = net * percent.units;
      const commission = x / (100n * pow10(percent.scale));
      sink.affiliate(affiliate.account, percent, commission, x, percent.scale + 2 + exponent);
      base = net - commission;
    }
    const decimals = scale + 2 + exponent;
    let shares = 0n;
    let rest = wholeBig;
    // An index loop: the covering list is a frozen array, which for...of iterates slower.
    for (let k = 0, count = covering.length; k < count; k++) {
      const entry = covering[k] as Entry;
      if (!appliesToAffiliate(entry.appliesTo, entry.account, affiliate)) continue;
      const x = base * entry.unitsBig;
      const amount = x / wholeBig;
      shares += amount;
      rest -= entry.unitsBig;
      sink.cocreator(entry, amount, x, decimals);
    }
    sink.main(product.mainCreator, base - shares, base * rest, decimals, net, base);
  };

  /**
   * Everything a sale costs, once: its shape, step 2 (the fee), the covering contracts, the
   * rules, then steps 3 to 7 into `sink`. Returns the sale's problems (exactly what `settle`
   * refuses it with), else `null` once the sink has its lines (or declined them).
   */
  const run = (sale: Sale, sink: SplitSink): DomainErrors | null => {
    if (!isSaleValue(sale)) return asErrors(saleValueIssues(sale, SALE_PATH));
    const currency = sale.price.currency;
    const price = sale.price.amount;

    // Step 2: the fee.
    let fee = 0n;
    let feeOrigin = NO_FEE;
    if (sale.platformFee !== null) {
      fee = sale.platformFee.amount;
      feeOrigin = FEE_FROM_SALE;
    } else if (schedule !== null) {
      const fixed = schedule.fixed[currency.code] ?? 0n;
      fee =
        roundHalfUp(
          price,
          scheduleUnits,
          scheduleWhole,
          scheduleNumeric,
          scheduleUnitsN,
          scheduleWholeN,
        ) + fixed;
      feeOrigin = scheduleOrigin(currency, fixed);
    }

    const covering = lookup(sale.at);
    const affiliate = sale.affiliate;
    if (
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
      fee > price ||
      sale.productId !== product.id ||
      (sale.platformFee !== null && !sameCurrency(sale.platformFee.currency, currency)) ||
      (affiliate !== null && !affiliateAllowed(affiliate, covering))
    ) {
      // Only a sale that may break a rule pays for building the list of problems.
      const reading = saleReadingIssues(product, sale);
      if (reading.length > 0) return asErrors(reading);
      const { mismatches, rules } = saleRuleIssues(policy, product, sale, covering);
      const issues = [...mismatches, ...rules];
      // Stryker disable next-line ConditionalExpression,EqualityOperator: after the pre-checks above, a rule is always broken here
      if (issues.length > 0) return asErrors(issues);
    }

    if (!sink.start(sale, fee, feeOrigin)) return null;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    const split = numeric && price <= MAX_SAFE_BIG ? splitNumber : splitBig;
    split(sale, currency.exponent, fee, covering, sink);
    return null;
  };

  const settle = (sale: Sale): Result<Settlement, DomainErrors> => {
    // A sink per call, so that no state is shared between calls (a getter of a hand-built
    // sale could settle another sale in the middle of this one).
    const lines = new LineSink(policy);
    const problems = run(sale, lines);
    return problems === null ? ok(lines.settlement()) : err(problems);
  };
  const settler: Settler = Object.freeze({ domain, settle });
  RUNS.set(settler, run);
  return settler;
}

/**
 * ⌊x / d⌋ for integers 0 ≤ x ≤ 2^53 − 1 and d ≥ 1, exactly, by one division (the split's
 * shares; `(x - x % d) / d` costs a slower `%`). Why it is exact: let q = x / d and k = ⌊q⌋.
 * The division rounds to nearest, so the result is within q × 2^-53 = x / (d × 2^53) < 1/d
 * of q. When d divides x, q = k is a double and is the result; otherwise q − k ≥ 1/d and
 * k + 1 − q ≥ 1/d, so the result lies strictly between k and k + 1. A property test checks it
 * at the bounds. Not part of the package API.
 *
 * @internal
 */
export function floorDivides(x: number, d: number): number {
  return Math.floor(x / d);
}

/** A non-negative bigint as a number when it is a safe integer, else -1. */
// Stryker disable next-line BlockStatement: picks the number or the bigint road, which give the same result (contributing/mutation.md)
function safeNumber(value: bigint): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: units past 2^53 mean 14+ decimals (p <= 100), whose safeWhole is 0: the bigint road
  return value <= MAX_SAFE_BIG ? Number(value) : -1;
}

/** 100 × 10^scale as a number when it is a safe integer, else 0. */
// Stryker disable next-line BlockStatement: picks the number or the bigint road, which give the same result (contributing/mutation.md)
function safeWhole(scale: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past 13 decimals the numerator stays below 100 x 10^scale, so the quotient is 0 either way
  return scale <= 13 ? 100 * 10 ** scale : 0;
}

/** 0 < p ≤ 100, in number arithmetic when the percent is small enough. */
function isAffiliatePercent(p: Percent): boolean {
  if (p.units === 0n) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: each bound alone keeps the number comparison exact (contributing/mutation.md)
  if (p.scale <= 13 && p.units <= MAX_SAFE_BIG) return Number(p.units) <= 100 * 10 ** p.scale;
  return comparePercent(p, PERCENT_100) <= 0;
}

/** round_half_up(amount × units / whole) for amount ≥ 0, in number when every step is safe. */
function roundHalfUp(
  amount: bigint,
  units: bigint,
  whole: bigint,
  numeric: boolean,
  unitsN: number,
  wholeN: number,
): bigint {
  // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  if (numeric && amount <= MAX_SAFE_BIG) {
    const a = Number(amount);
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    if (unitsN === 0 || a <= MAX_SAFE / unitsN) {
      const x = a * unitsN;
      const r = x % wholeN;
      const q = (x - r) / wholeN;
      return BigInt(r >= wholeN - r ? q + 1 : q);
    }
  }
  const x = amount * units;
  const q = x / whole;
  const r = x - q * whole;
  return 2n * r >= whole ? q + 1n : q;
}
