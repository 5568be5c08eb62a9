/**
 * Values built by hand (in code or JavaScript, not by the library's checking constructors)
 * are checked here before they are used, in one place: policies and products (for
 * `validateDomain` and the transitions), sales and refunds (for settling and refunding).
 * The types, and for a policy its rules; contracts built by hand are read again by
 * `checkContract` (contracts/read.ts), which is the reader itself. A value the library built
 * (`isBuilt`) needs none of this.
 */
import { type DomainError, domainError, type Path } from '../errors';
import { isPolicyName, MAX_PERCENT_DECIMALS, POLICY_RULES, type Policy } from '../model/policy';
import { checkAffiliatePercent } from '../model/product';
import type { Sale } from '../model/sale';
import { tableCurrency } from '../values/currency';
import { isInstantValue } from '../values/instant';
import type { Money } from '../values/money';
import { isPercentValue } from '../values/percent';

/** Whether a value is a non-null object that is not an array. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of a policy value built in code (one error: where it first went wrong). */
export function policyValueProblem(value: unknown, path: Path): DomainError | null {
  return policyTypeProblem(value, path) ?? policyRuleProblem(value as Policy, path);
}

/** Whether each field of a policy built in code has its type. */
function policyTypeProblem(value: unknown, path: Path): DomainError | null {
  const bad = (what: string, at: Path = path) =>
    domainError('invalid_field', `expected a policy from policy(): ${what}`, at);
  if (!isRecord(value)) return bad('not an object');
  const bounds = value.cocreatorPercent;
  if (!(value.name === null || isPolicyName(value.name))) return bad('name', [...path, 'name']);
  if (!isPercentValue(value.minRetainedPercent)) {
    return bad('minRetainedPercent', [...path, 'minRetainedPercent']);
  }
  if (!isRecord(bounds) || !isPercentValue(bounds.min) || !isPercentValue(bounds.max)) {
    return bad('cocreatorPercent', [...path, 'cocreatorPercent']);
  }
  const decimals = value.percentDecimals;
  // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything that is not a number; the typeof only narrows the type
  if (typeof decimals !== 'number' || !Number.isInteger(decimals)) {
    return bad('percentDecimals', [...path, 'percentDecimals']);
  }
  const max = value.maxCocreators;
  // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for anything that is not a number; the typeof only narrows the type
  if (!(max === null || (typeof max === 'number' && Number.isSafeInteger(max)))) {
    return bad('maxCocreators', [...path, 'maxCocreators']);
  }
  if (typeof value.affiliatesOnCocreatedProducts !== 'boolean') {
    return bad('affiliatesOnCocreatedProducts', [...path, 'affiliatesOnCocreatedProducts']);
  }
  if (value.cancellation !== 'mutual' && value.cancellation !== 'unilateral') {
    return bad('cancellation', [...path, 'cancellation']);
  }
  if (value.amendments !== 'cocreator-approval' && value.amendments !== 'immediate') {
    return bad('amendments', [...path, 'amendments']);
  }
  const fee = value.fee;
  if (!(fee === null || (isRecord(fee) && isPercentValue(fee.percent) && isFeeTable(fee.fixed)))) {
    return bad('fee', [...path, 'fee']);
  }
  return null;
}

/**
 * The first rule of specification §2 that a well-typed policy breaks: the rules are policy()'s
 * (`POLICY_RULES`), reported here at the policy's path.
 */
function policyRuleProblem(rules: Policy, path: Path): DomainError | null {
  const invalid = (why: string) => domainError('invalid_policy', why, path);
  const { min, max } = rules.cocreatorPercent;
  if (!POLICY_RULES.minRetainedPercent(rules.minRetainedPercent)) {
    return invalid('minRetainedPercent is below 100');
  }
  if (!POLICY_RULES.minAboveZero(min)) return invalid('cocreatorPercent.min is above 0');
  if (!POLICY_RULES.minAtMostMax(min, max)) {
    return invalid('cocreatorPercent.min is at most cocreatorPercent.max');
  }
  if (!POLICY_RULES.maxWithinCap(max, rules.minRetainedPercent)) {
    return invalid('cocreatorPercent.max is at most 100 - minRetainedPercent');
  }
  if (!POLICY_RULES.percentDecimals(rules.percentDecimals)) {
    return invalid(`percentDecimals is an integer from 0 to ${MAX_PERCENT_DECIMALS}`);
  }
  if (rules.maxCocreators !== null && !POLICY_RULES.maxCocreators(rules.maxCocreators)) {
    return invalid('maxCocreators is a positive integer, or null');
  }
  if (rules.fee !== null && !POLICY_RULES.feePercent(rules.fee.percent)) {
    return invalid('a fee percent is from 0 to 100');
  }
  return null;
}

/** A fee schedule's `fixed` table: amounts of minor units (bigint ≥ 0) by currency code. */
function isFeeTable(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'bigint' && v >= 0n);
}

/** The problems of a product value built in code (one error: where it first went wrong). */
export function productValueProblem(value: unknown, path: Path): DomainError | null {
  const bad = (what: string, at: Path) =>
    domainError('invalid_field', `expected a product from product(): ${what}`, at);
  if (!isRecord(value)) return bad('not an object', path);
  if (typeof value.id !== 'string' || value.id.length === 0) return bad('id', [...path, 'id']);
  const creator = value.mainCreator;
  if (
    typeof creator !== 'string' ||
    creator.length === 0 ||
    creator !== creator.trim() ||
    /[A-Z]/.test(creator)
  ) {
    return bad('mainCreator (a canonical account id)', [...path, 'mainCreator']);
  }
  const commission = value.affiliateCommission;
  if (!(commission === null || isPercentValue(commission))) {
    return bad('affiliateCommission', [...path, 'affiliateCommission']);
  }
  // The range product() checks (0 < p <= 100): past 100 a split would pay more than the net.
  if (commission !== null) {
    const inRange = checkAffiliatePercent(commission, [...path, 'affiliateCommission']);
    if (inRange.isErr()) return inRange.error;
  }
  return null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isMoneyValue(value: unknown): value is Money {
  return (
    isRecord(value) &&
    typeof value.amount === 'bigint' &&
    value.amount >= 0n &&
    tableCurrency(value.currency) !== undefined
  );
}

/**
 * Whether a value typed as a {@link Sale} really is one (the types, not the rules), without
 * allocating: the hot path's guard; {@link saleValueIssues} says what is wrong.
 *
 * @internal
 */
export function isSaleValue(value: unknown): value is Sale {
  if (!isRecord(value)) return false;
  const price = value.price;
  if (!isId(value.id) || !isId(value.productId) || !isInstantValue(value.at)) return false;
  if (!isMoneyValue(price)) return false;
  const fee = value.platformFee;
  // A fee in another currency is a value all the same: settling reports it (specification §7, row 2a).
  if (fee !== null && !isMoneyValue(fee)) return false;
  const affiliate = value.affiliate;
  if (affiliate === null) return true;
  return (
    isRecord(affiliate) &&
    isId(affiliate.account) &&
    (affiliate.percent === null || isPercentValue(affiliate.percent)) &&
    (affiliate.managedBy === null || isId(affiliate.managedBy))
  );
}

/**
 * Checks that a value typed as a {@link Sale} really is one (for callers that build sales
 * by hand, or from JavaScript): the types, not the rules. Internal: settling starts with it
 * so that no input makes it throw. Cheap: a handful of `typeof` checks.
 *
 * @internal
 */
export function saleValueIssues(value: unknown, path: Path): DomainError[] {
  if (!isRecord(value)) return [domainError('invalid_field', 'expected a sale', path)];
  const issues: DomainError[] = [];
  const bad = (at: Path, what: string) =>
    issues.push(domainError('invalid_field', `expected ${what}`, at));
  if (!isId(value.id)) bad([...path, 'id'], 'a non-empty string');
  if (!isId(value.productId)) bad([...path, 'productId'], 'a non-empty string');
  if (!isInstantValue(value.at)) {
    issues.push(domainError('invalid_instant', 'expected an Instant', [...path, 'at']));
  }
  const price = value.price;
  if (!isMoneyValue(price)) bad([...path, 'price'], 'money of at least 0');
  const fee = value.platformFee;
  if (fee !== null) {
    if (!isMoneyValue(fee)) bad([...path, 'platformFee'], 'null or money of at least 0');
  }
  const affiliate = value.affiliate;
  if (affiliate !== null) {
    const at = [...path, 'affiliate'];
    if (!isRecord(affiliate)) bad(at, 'null or an affiliate');
    else {
      if (!isId(affiliate.account)) bad([...at, 'account'], 'an account id');
      if (affiliate.percent !== null && !isPercentValue(affiliate.percent)) {
        bad([...at, 'percent'], 'null or a percent');
      }
      if (affiliate.managedBy !== null && !isId(affiliate.managedBy)) {
        bad([...at, 'managedBy'], 'null or an account id');
      }
    }
  }
  return issues;
}

/**
 * Checks that a value typed as a {@link Refund} really is one: the types, not the rules.
 * Internal, like {@link saleValueIssues}.
 *
 * @internal
 */
export function refundValueIssues(value: unknown, path: Path): DomainError[] {
  if (!isRecord(value)) return [domainError('invalid_field', 'expected a refund', path)];
  const issues: DomainError[] = [];
  if (!isId(value.id)) {
    issues.push(domainError('invalid_field', 'expected a non-empty string', [...path, 'id']));
  }
  if (!isInstantValue(value.at)) {
    issues.push(domainError('invalid_instant', 'expected an Instant', [...path, 'at']));
  }
  if (!isMoneyValue(value.amount)) {
    issues.push(domainError('invalid_field', 'expected money', [...path, 'amount']));
  }
  return issues;
}
