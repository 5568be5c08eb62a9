/**
 * Which sales pay a cocreator (specification §3, `appliesTo`).
 */

import { err, ok, type Result } from 'neverthrow';
import { notAPath, pathArgument } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { AccountId } from '../values/account';
import type { Instant } from '../values/instant';
import type { Percent } from '../values/percent';
import type { SaleAffiliate } from './sale';

/** The sales a contract's commission applies to. */
export type AppliesTo =
  | 'all-sales'
  | 'direct-sales'
  | 'affiliate-sales'
  | 'managed-affiliate-sales';

/**
 * Every {@link AppliesTo} value, default first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { APPLIES_TO } from 'cocreation';
 *
 * assert.equal(APPLIES_TO[0], 'all-sales');
 * assert.equal(APPLIES_TO.length, 4);
 * ```
 */
export const APPLIES_TO: ReadonlyArray<AppliesTo> = Object.freeze([
  'all-sales',
  'direct-sales',
  'affiliate-sales',
  'managed-affiliate-sales',
]);

/**
 * The rule a contract pays its cocreator under (its terms, specification §3): what share of
 * the base, on which sales, until when, and whether the cocreator may also be the affiliate
 * of a sale it covers. An amendment replaces it from its instant on (see `TermsPatch`).
 */
export interface CommissionRule {
  /** The cocreator's share of each covered sale's base, as written (`"20.00"` keeps two places). */
  readonly percent: Percent;
  /** Which sales pay the cocreator (specification §3). */
  readonly appliesTo: AppliesTo;
  /** The term's end (exclusive), `null` for unlimited (H). */
  readonly endsAt: Instant | null;
  /** Whether the cocreator may also be the affiliate of a sale this contract covers (H). */
  readonly mayAlsoSellAsAffiliate: boolean;
}

/**
 * {@link appliesTo} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function appliesToOrError(input: unknown, path: Path = []): Result<AppliesTo, DomainError> {
  // includes compares with SameValueZero: only one of the rule strings is found.
  if ((APPLIES_TO as ReadonlyArray<unknown>).includes(input)) {
    return ok(input as AppliesTo);
  }
  return err(
    domainError(
      'invalid_field',
      `expected one of ${APPLIES_TO.map((a) => `"${a}"`).join(', ')}`,
      path,
    ),
  );
}

/**
 * Checks an `appliesTo` value (specification §3).
 *
 * @param input - anything
 * @param path - where it is in the input (default `[]`)
 * @returns the value, or `invalid_field` for anything but the four strings of {@link APPLIES_TO}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { appliesTo } from 'cocreation';
 *
 * const direct = appliesTo('direct-sales');
 * if (direct.isErr()) throw new Error(direct.error.map((e) => e.message).join('; '));
 * assert.equal(direct.value, 'direct-sales');
 *
 * const some = appliesTo('some-sales');
 * if (some.isOk()) throw new Error('expected an error');
 * assert.equal(some.error[0].code, 'invalid_field');
 * ```
 */
export function appliesTo(input: unknown, path: Path = []): Result<AppliesTo, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  // Only the argument's type is looked at (no property of the caller's is read), so nothing
  // can throw here: no catch.
  return appliesToOrError(input, at).mapErr(asErrorList);
}

/**
 * Tells whether a sale is one that `appliesTo` pays the cocreator on: `all-sales` every sale;
 * `direct-sales` those with no affiliate; `affiliate-sales` those with any affiliate;
 * `managed-affiliate-sales` those whose affiliate names `cocreator` as manager. Whether the
 * contract covers the sale's instant is a separate question (`covers`).
 *
 * @param rule - the contract's `appliesTo`
 * @param cocreator - the contract's cocreator (the manager that `managed-affiliate-sales` asks for)
 * @param sale - the sale, or just its `affiliate` (`null` for a direct sale)
 * @returns `true` when the rule matches the sale
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function appliesToSale(
  rule: AppliesTo,
  cocreator: AccountId,
  sale: { readonly affiliate: SaleAffiliate | null },
): boolean {
  return appliesToAffiliate(rule, cocreator, sale.affiliate);
}

/**
 * {@link appliesToSale} given the sale's affiliate alone (`null` for a direct sale): the form
 * the settlement hot path calls, with no object built per contract. Internal.
 */
export function appliesToAffiliate(
  rule: AppliesTo,
  cocreator: AccountId,
  affiliate: SaleAffiliate | null,
): boolean {
  switch (rule) {
    case 'all-sales':
      return true;
    case 'direct-sales':
      return affiliate === null;
    case 'affiliate-sales':
      return affiliate !== null;
    case 'managed-affiliate-sales':
      return affiliate !== null && affiliate.managedBy === cocreator;
    default:
      return false;
  }
}
