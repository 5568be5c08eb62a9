/**
 * Whether a sale may be settled (specification §7, stages 1 and 2, and the affiliate rules of
 * §4.6): what stage 1 reads of a sale, then rows 2a, 2d and 2e of the sale against its
 * domain, as lists of errors; and the same rules as one quick yes for the compiled settler,
 * which builds the errors only for a sale that may break one.
 */
import { pushAll } from '../_internal/fields';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Sale, SaleAffiliate } from '../model/sale';
import { isSaleValue, saleValueIssues } from '../validate/handmade';
import type { AccountId } from '../values/account';
import { sameCurrency } from '../values/currency';
import { formatAmount } from '../values/money';
import { comparePercent, PERCENT_100, type Percent } from '../values/percent';
import { type FeeFactors, feeOf } from './fee';
import { MAX_SAFE_BIG } from './safe';

const SALE_PATH: Path = Object.freeze(['sale']);

/**
 * What the affiliate rules need to know of a covering contract. Not part of the package API.
 *
 * @internal
 */
export interface Cover {
  readonly account: AccountId;
  readonly contractId: string;
  readonly mayAlsoSellAsAffiliate: boolean;
}

/** A list of problems as the frozen `DomainErrors` a `Result` carries. @internal */
export function asErrors(issues: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...issues]) as unknown as DomainErrors;
}

/**
 * The shape problems of a value handed over as a sale (none for a sale from `sale()`). Not
 * part of the package API.
 *
 * @internal
 */
export function saleShapeIssues(sale: Sale): DomainErrors | undefined {
  // The usual case without building a list: isSaleValue holds exactly when there is no issue.
  // Stryker disable next-line ConditionalExpression: a pre-check: saleValueIssues finds no issue exactly when it passes
  if (isSaleValue(sale)) return undefined;
  const issues = saleValueIssues(sale, SALE_PATH);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: reached only with a sale isSaleValue refused, which has issues
  return issues.length > 0 ? asErrors(issues) : undefined;
}

/**
 * Stage 1 of a sale beside its product (specification §7): an affiliate percent outside
 * 0 < p ≤ 100, an affiliate with no percent in the sale nor in the product. `product` may be a
 * value built by hand that is not a product: then only the sale's own percent is checked.
 * Not part of the package API.
 *
 * @internal
 */
export function saleReadingIssues(product: unknown, sale: Sale): DomainError[] {
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
        { min: '0', max: '100' },
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

/**
 * Stage 1 of a sale: its shape when built by hand, then {@link saleReadingIssues}. Not part of
 * the package API.
 *
 * @internal
 */
export function saleStageOne(product: unknown, sale: Sale): DomainError[] {
  const shape = saleShapeIssues(sale);
  if (shape !== undefined) return [...shape];
  return saleReadingIssues(product, sale);
}

/**
 * The problems stage 2 finds in a sale, by row of specification §7's table. Not part of the
 * package API.
 *
 * @internal
 */
export interface SaleProblems {
  /** Row 2a: `product_mismatch` of the sale, `currency_mismatch` of its fee. */
  readonly mismatches: DomainError[];
  /** Rows 2d (`fee_exceeds_price`, `self_affiliation`) and 2e (the coverage rules of 4.6). */
  readonly rules: DomainError[];
}

/**
 * Rows 2a, 2d and 2e of specification §7 for a sale that passed stage 1, at paths relative to
 * the `settle` document. A fee in another currency is reported and not compared with the price;
 * the rules about the product's main creator and its contracts are checked only when the sale
 * is for this product; the coverage rules only when `covers` is known (every contract of this
 * product has a valid history), whether or not the rules across contracts hold. Not part of
 * the package API.
 *
 * @internal
 */
export function saleRuleIssues(
  policy: Policy,
  product: Product,
  fees: FeeFactors,
  sale: Sale,
  covers: ReadonlyArray<Cover> | null,
): SaleProblems {
  const mismatches: DomainError[] = [];
  const rules: DomainError[] = [];
  const forProduct = sale.productId === product.id;
  if (!forProduct) mismatches.push(productMismatch(product, sale));
  const currencyIssue = feeCurrencyIssue(sale);
  if (currencyIssue !== null) mismatches.push(currencyIssue);
  else {
    const excess = feeExcessIssue(fees, sale);
    if (excess !== null) rules.push(excess);
  }
  if (forProduct) pushAll(rules, affiliateIssues(policy, product, sale, covers));
  return { mismatches, rules };
}

/** Row 2a: a sale for another product. */
function productMismatch(product: Product, sale: Sale): DomainError {
  return domainError(
    'product_mismatch',
    `the sale is for product ${JSON.stringify(sale.productId)}, not ${JSON.stringify(product.id)}`,
    [...SALE_PATH, 'productId'],
    { expected: product.id, actual: sale.productId },
  );
}

/** Row 2a: a fee in another currency than the price. */
function feeCurrencyIssue(sale: Sale): DomainError | null {
  const currency = sale.price.currency;
  const given = sale.platformFee;
  if (given === null || sameCurrency(given.currency, currency)) return null;
  return domainError(
    'currency_mismatch',
    `the platform fee is in ${given.currency.code}, the price in ${currency.code}`,
    [...SALE_PATH, 'platformFee', 'currency'],
    { expected: currency.code, actual: given.currency.code },
  );
}

/** Row 2d: a fee (the sale's, else the schedule's) above the price. */
function feeExcessIssue(fees: FeeFactors, sale: Sale): DomainError | null {
  const { amount: price, currency } = sale.price;
  const fee = feeOf(fees, sale);
  if (fee <= price) return null;
  const fromSale = sale.platformFee !== null;
  const where = fromSale ? [...SALE_PATH, 'platformFee', 'amount'] : ['policy', 'fee'];
  const which = fromSale ? 'the platform fee' : "the policy's fee schedule";
  return domainError(
    'fee_exceeds_price',
    `${which} charges ${formatAmount(fee, currency)}, more than the price ${formatAmount(price, currency)}`,
    where,
    { fee: formatAmount(fee, currency), price: formatAmount(price, currency) },
  );
}

/**
 * Row 2d's `self_affiliation` and row 2e (the coverage rules of specification §4.6) for a sale
 * of this product; the coverage rules only when `covers` is known.
 */
function affiliateIssues(
  policy: Policy,
  product: Product,
  sale: Sale,
  covers: ReadonlyArray<Cover> | null,
): DomainError[] {
  const affiliate = sale.affiliate;
  if (affiliate === null) return [];
  const issues: DomainError[] = [];
  const affiliatePath = [...SALE_PATH, 'affiliate'];
  if (affiliate.account === product.mainCreator) {
    issues.push(
      domainError(
        'self_affiliation',
        `${affiliate.account} is the main creator of ${product.id} and cannot be its affiliate`,
        [...affiliatePath, 'account'],
        { account: affiliate.account },
      ),
    );
  }
  if (covers === null) return issues;
  for (const cover of covers) {
    if (cover.account === affiliate.account && !cover.mayAlsoSellAsAffiliate) {
      issues.push(
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
    issues.push(
      domainError(
        'affiliates_not_allowed',
        `the policy allows no affiliate on a sale that a cocreation contract covers (${covers
          .map((c) => JSON.stringify(c.contractId))
          .join(', ')})`,
        affiliatePath,
      ),
    );
  }
  return issues;
}

/**
 * Stage 1's affiliate checks and the rules of {@link affiliateIssues} as one answer, without
 * building any error: `false` when a rule may be broken. Not part of the package API.
 *
 * @internal
 */
// Stryker disable next-line BlockStatement: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
export function affiliateMayPass(
  policy: Policy,
  product: Product,
  affiliate: SaleAffiliate,
  covering: ReadonlyArray<Cover>,
): boolean {
  const own = affiliate.percent;
  // Stryker disable next-line ConditionalExpression: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
  if (own === null ? product.affiliateCommission === null : !isAffiliatePercent(own)) return false;
  // Stryker disable next-line ConditionalExpression: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
  if (affiliate.account === product.mainCreator) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
  if (covering.length > 0 && !policy.affiliatesOnCocreatedProducts) return false;
  // An index loop: the cheapest way through the covering list, once per sale.
  for (let k = 0, count = covering.length; k < count; k++) {
    const cover = covering[k] as Cover;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    if (cover.account === affiliate.account && !cover.mayAlsoSellAsAffiliate) return false;
  }
  // Stryker disable next-line BooleanLiteral: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
  return true;
}

/** 0 < p ≤ 100, in number arithmetic when the percent is small enough. */
function isAffiliatePercent(p: Percent): boolean {
  if (p.units === 0n) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: each bound alone keeps the number comparison exact (contributing/mutation.md)
  if (p.scale <= 13 && p.units <= MAX_SAFE_BIG) return Number(p.units) <= 100 * 10 ** p.scale;
  return comparePercent(p, PERCENT_100) <= 0;
}
