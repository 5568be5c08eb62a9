import { type DomainError, domainError, type Path } from '../errors';
import {
  isPolicyName,
  MAX_PERCENT_DECIMALS,
  maxReservedPercent,
  type Policy,
} from '../model/policy';
import { comparePercent, isPercentValue, PERCENT_0, PERCENT_100 } from '../values/percent';

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of a policy value built in code (one error: where it first went wrong). */
export function policyValueProblem(value: unknown, path: Path): DomainError | null {
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
  const rules = value as unknown as Policy;
  const invalid = (why: string) => domainError('invalid_policy', why, path);
  if (comparePercent(rules.minRetainedPercent, PERCENT_100) >= 0) {
    return invalid('minRetainedPercent is below 100');
  }
  if (comparePercent(rules.cocreatorPercent.min, PERCENT_0) <= 0) {
    return invalid('cocreatorPercent.min is above 0');
  }
  if (comparePercent(rules.cocreatorPercent.min, rules.cocreatorPercent.max) > 0) {
    return invalid('cocreatorPercent.min is at most cocreatorPercent.max');
  }
  if (comparePercent(rules.cocreatorPercent.max, maxReservedPercent(rules)) > 0) {
    return invalid('cocreatorPercent.max is at most 100 - minRetainedPercent');
  }
  if (rules.percentDecimals < 0 || rules.percentDecimals > MAX_PERCENT_DECIMALS) {
    return invalid(`percentDecimals is an integer from 0 to ${MAX_PERCENT_DECIMALS}`);
  }
  if (rules.maxCocreators !== null && rules.maxCocreators < 1) {
    return invalid('maxCocreators is a positive integer, or null');
  }
  if (rules.fee !== null && comparePercent(rules.fee.percent, PERCENT_100) > 0) {
    return invalid('a fee percent is from 0 to 100');
  }
  return null;
}

/** A fee schedule's `fixed` table: amounts of minor units (bigint ≥ 0) by currency code. */
function isFeeTable(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'bigint' && v >= 0n);
}

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
  return null;
}

/**
 * The value itself when it is deeply frozen, else a deeply frozen copy (plain data only; a
 * cycle is left as it is rather than followed forever).
 */
export function frozen<T>(value: T, ancestors: Set<object> = new Set()): T {
  // Stryker disable next-line ConditionalExpression: a primitive is frozen and made of itself, so the walk below would return it unchanged
  if (typeof value !== 'object') return value;
  if (value === null || ancestors.has(value)) return value;
  // `ancestors` is the path from the root: `value` is in it exactly while its children are
  // visited (one set for the whole walk rather than a copy per level).
  ancestors.add(value);
  let result: T = value;
  if (!Object.isFrozen(value) || Object.values(value).some((v) => frozen(v, ancestors) !== v)) {
    if (Array.isArray(value)) {
      result = Object.freeze(value.map((v: unknown) => frozen(v, ancestors))) as T;
    } else {
      const copy: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) copy[key] = frozen(v, ancestors);
      result = Object.freeze(copy) as T;
    }
  }
  ancestors.delete(value);
  return result;
}
