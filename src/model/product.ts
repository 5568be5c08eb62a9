/**
 * Products (specification §1): what is sold, and who registered it.
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  type Issues,
  nonEmpty,
  optional,
  readId,
  readObject,
  required,
} from '../_internal/fields';
import { markBuilt } from '../_internal/provenance';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { type AccountId, accountIdOrError as accountId } from '../values/account';
import {
  comparePercent,
  frozenPercent,
  isPercentValue,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  parsePercentOrError as parsePercent,
} from '../values/percent';
import { type JsonOf, keysOf, PRODUCT } from './shapes';

/**
 * A checked, frozen product. Store it as JSON with `productToJson` (`cocreation/wire`);
 * {@link product} reads that back into an equal product.
 */
export interface Product {
  /** The platform's product id, compared exactly as written. */
  readonly id: string;
  /** The account that registered the product; the only one who may change its settings (H). */
  readonly mainCreator: AccountId;
  /** The affiliate percent used when a sale names an affiliate but no percent. */
  readonly affiliateCommission: Percent | null;
}

/**
 * What {@link product} reads: the wire shape of specification §8 (`ProductJson` of
 * `cocreation/wire`), derived from its one description.
 *
 * @interface
 */
export type ProductInput = JsonOf<typeof PRODUCT.fields>;

/**
 * Checks an affiliate percent (specification §4, invariant 2): `0 < p <= 100`, with any number
 * of decimal places.
 *
 * @param p - the percent
 * @param path - where it is in the input (default `[]`)
 * @returns `p`, or `percent_out_of_range` (with `min` `"0"` and `max` `"100"`, the minimum
 *   excluded)
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function checkAffiliatePercent(p: Percent, path: Path = []): Result<Percent, DomainError> {
  if (!isPercentValue(p)) {
    return err(domainError('invalid_percent', 'expected a percent from parsePercent()', path));
  }
  if (comparePercent(p, PERCENT_0) > 0 && comparePercent(p, PERCENT_100) <= 0) {
    return ok(frozenPercent(p));
  }
  return err(
    domainError('percent_out_of_range', 'an affiliate percent is above 0 and at most 100', path, {
      min: '0',
      max: '100',
    }),
  );
}

/**
 * Checks a product: `{ id, mainCreator, affiliateCommission? }`. The id is a non-empty string
 * kept as written; the main creator's account id is put in canonical form; the default
 * affiliate commission, when given, is `0 < p <= 100`.
 *
 * @param input - a {@link ProductInput}, from JSON or code
 * @param path - where the product is in the input (default `[]`; the JSON document uses
 *   `['product']`)
 * @returns the frozen {@link Product}, or every problem found (`invalid_field`,
 *   `invalid_percent`, `percent_out_of_range`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatPercent, product } from 'cocreation';
 *
 * const course = product({ id: 'p1', mainCreator: ' Ana@Example.com', affiliateCommission: '40' });
 * if (course.isErr()) throw new Error(course.error.map((e) => e.message).join('; '));
 * assert.equal(course.value.mainCreator, 'ana@example.com');
 * assert.equal(course.value.affiliateCommission && formatPercent(course.value.affiliateCommission), '40');
 *
 * const bad = product({ id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '120' }, ['product']);
 * if (bad.isOk()) throw new Error('expected an error');
 * assert.deepEqual(bad.error[0].path, ['product', 'affiliateCommission']);
 * ```
 */
export function product(input: unknown, path: Path = []): Result<Product, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return readProduct(input, at);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/** What {@link product} answers when reading its input does not throw (it catches what does). */
function readProduct(input: unknown, path: Path = []): Result<Product, DomainErrors> {
  const issues: Issues = [];
  const fields = readObject(input, path, keysOf(PRODUCT), issues);
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const id = readId(required(fields, 'id', path, issues), [...path, 'id'], issues);
  const rawCreator = required(fields, 'mainCreator', path, issues);
  const mainCreator =
    rawCreator === undefined
      ? undefined
      : collect(accountId(rawCreator, [...path, 'mainCreator']), issues);
  let affiliateCommission: Percent | null = null;
  const rawCommission = optional(fields, 'affiliateCommission');
  if (rawCommission !== undefined) {
    const at = [...path, 'affiliateCommission'];
    const parsed = collect(parsePercent(rawCommission, at), issues);
    if (parsed !== undefined)
      affiliateCommission = collect(checkAffiliatePercent(parsed, at), issues) ?? null;
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  // With no problem reported both were read: each reader reports what it cannot read.
  return ok(
    markBuilt(
      Object.freeze({
        id: id as string,
        mainCreator: mainCreator as AccountId,
        affiliateCommission,
      }),
    ),
  );
}
