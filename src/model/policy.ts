/**
 * Platform policies (specification §2): the platform's rules as data: the types, the presets
 * and the rules on a policy's values. Reading one is in read-policy.ts.
 */

import { err, ok, type Result } from 'neverthrow';
import { collect, type Issues, nonEmpty } from '../_internal/fields';
import { markBuilt } from '../_internal/provenance';
import { type DomainErrors, domainError, type Path } from '../errors';
import type { CurrencyCode } from '../values/currency';
import {
  checkPercentPrecision,
  comparePercent,
  formatPercent,
  frozenPercent,
  isPercentInRange,
  isPercentValue,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  parsePercentOrError as parsePercent,
  subtractPercentsOrError as subtractPercents,
} from '../values/percent';
import type { JsonOf, POLICY } from './shapes';

/** The names of the built-in presets. `hotmart` is the default. */
export type PolicyName = 'hotmart' | 'kiwify' | 'gumroad';

/** How a contract ends early: `mutual` needs the other party's approval (H), `unilateral` does not (G). */
export type CancellationRule = 'mutual' | 'unilateral';

/** How changed terms take effect: after the cocreator approves (H), or at once (G). */
export type AmendmentRule = 'cocreator-approval' | 'immediate';

/** A platform fee schedule: `round_half_up(price × percent / 100) + fixed[currency]`. */
export interface FeeSchedule {
  /** The percent of the price, from 0 to 100 (0 when the schedule is only fixed fees). */
  readonly percent: Percent;
  /** Fixed fee per currency, in that currency's minor units; a currency not listed pays 0. */
  readonly fixed: Readonly<Partial<Record<CurrencyCode, bigint>>>;
}

/**
 * A checked, frozen platform policy. Store it as JSON with `policyToJson`
 * (`cocreation/wire`); {@link policy} reads that back into an equal policy.
 */
export interface Policy {
  /** The preset it is or extends, `null` for a policy written from scratch. */
  readonly name: PolicyName | null;
  /** The main creator keeps at least this percent of the split base (30 on Hotmart). */
  readonly minRetainedPercent: Percent;
  /** Bounds on one contract's percent, both included. */
  readonly cocreatorPercent: {
    /** The smallest percent a contract may have. */
    readonly min: Percent;
    /** The largest percent a contract may have (at most `100 - minRetainedPercent`). */
    readonly max: Percent;
  };
  /** Decimal places allowed in a contract percent, as written (0 to 6). */
  readonly percentDecimals: number;
  /** Live contracts per product; `null` is no limit. */
  readonly maxCocreators: number | null;
  /** Whether a sale that a contract covers may have an affiliate. */
  readonly affiliatesOnCocreatedProducts: boolean;
  /** How a contract is cancelled: with the other party's approval, or by either party alone. */
  readonly cancellation: CancellationRule;
  /** How changed terms take effect: once the cocreator approves, or at once. */
  readonly amendments: AmendmentRule;
  /** The fee schedule used when a sale gives no `platformFee`; `null` for none (fee 0). */
  readonly fee: FeeSchedule | null;
}

/**
 * What {@link policy} reads: a preset name, or an object as in specification §2 (the wire's
 * `PolicyJson`, derived from its one description). With `extends` every field is optional and
 * overrides the preset's (a partial `cocreatorPercent` is merged); without it every field but
 * `fee` is required. `null` on a field means absent, except `maxCocreators: null`, which
 * means no limit.
 */
export type PolicyInput = PolicyName | PolicyObjectInput;

/**
 * A policy written out as an object (see {@link PolicyInput}): the wire's `PolicyObjectJson`.
 *
 * @interface
 */
export type PolicyObjectInput = JsonOf<typeof POLICY.fields>;

/**
 * The preset names, default first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICY_NAMES } from 'cocreation';
 *
 * assert.deepEqual(POLICY_NAMES, ['hotmart', 'kiwify', 'gumroad']);
 * ```
 */
export const POLICY_NAMES: ReadonlyArray<PolicyName> = Object.freeze([
  'hotmart',
  'kiwify',
  'gumroad',
]);

/**
 * The most decimal places a policy may allow in a contract percent (specification §2).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MAX_PERCENT_DECIMALS, policy } from 'cocreation';
 *
 * assert.equal(policy({ extends: 'hotmart', percentDecimals: MAX_PERCENT_DECIMALS }).isOk(), true);
 * const tooFine = policy({ extends: 'hotmart', percentDecimals: 7 });
 * if (tooFine.isOk()) throw new Error('expected an error');
 * assert.equal(tooFine.error[0].code, 'invalid_policy');
 * ```
 */
export const MAX_PERCENT_DECIMALS = 6;

function literal(text: string): Percent {
  return parsePercent(text)._unsafeUnwrap();
}

function preset(
  name: PolicyName,
  fields: Omit<Policy, 'name' | 'minRetainedPercent' | 'cocreatorPercent' | 'fee'> & {
    readonly minRetainedPercent: string;
    readonly cocreatorPercent: readonly [string, string];
  },
): Policy {
  const [min, max] = fields.cocreatorPercent;
  return markBuilt(
    Object.freeze({
      name,
      minRetainedPercent: literal(fields.minRetainedPercent),
      cocreatorPercent: Object.freeze({ min: literal(min), max: literal(max) }),
      percentDecimals: fields.percentDecimals,
      maxCocreators: fields.maxCocreators,
      affiliatesOnCocreatedProducts: fields.affiliatesOnCocreatedProducts,
      cancellation: fields.cancellation,
      amendments: fields.amendments,
      fee: null,
    }),
  );
}

/**
 * The three presets of specification §2, frozen: Hotmart (the reference platform), Kiwify and
 * Gumroad.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, formatPercent } from 'cocreation';
 *
 * assert.equal(formatPercent(POLICIES.hotmart.minRetainedPercent), '30');
 * assert.equal(POLICIES.kiwify.percentDecimals, 0);
 * assert.equal(POLICIES.gumroad.maxCocreators, 1);
 * assert.equal(POLICIES.gumroad.cancellation, 'unilateral');
 * assert.equal(Object.isFrozen(POLICIES.hotmart), true);
 * ```
 */
export const POLICIES: Readonly<Record<PolicyName, Policy>> = Object.freeze({
  hotmart: preset('hotmart', {
    minRetainedPercent: '30',
    cocreatorPercent: ['0.01', '70'],
    percentDecimals: 2,
    maxCocreators: null,
    affiliatesOnCocreatedProducts: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
  }),
  kiwify: preset('kiwify', {
    minRetainedPercent: '20',
    cocreatorPercent: ['1', '80'],
    percentDecimals: 0,
    maxCocreators: null,
    affiliatesOnCocreatedProducts: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
  }),
  gumroad: preset('gumroad', {
    minRetainedPercent: '50',
    cocreatorPercent: ['1', '50'],
    percentDecimals: 2,
    maxCocreators: 1,
    affiliatesOnCocreatedProducts: false,
    cancellation: 'unilateral',
    amendments: 'immediate',
  }),
});

/**
 * The default policy: the `hotmart` preset.
 *
 * @internal Not part of the package API since 0.2.0.
 */
export const DEFAULT_POLICY: Policy = POLICIES.hotmart;

/**
 * Tells whether a value is the name of a preset (case-sensitive).
 *
 * @param value - anything
 * @returns `true` for `'hotmart'`, `'kiwify'` and `'gumroad'`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function isPolicyName(value: unknown): value is PolicyName {
  // includes compares with SameValueZero: only one of the name strings is found.
  return (POLICY_NAMES as ReadonlyArray<unknown>).includes(value);
}

/**
 * The most that the live contracts of one product may reserve together:
 * `100 - minRetainedPercent` (specification §4, invariant 1).
 *
 * @param p - the policy
 * @returns the cap, e.g. 70 % under `hotmart`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, formatPercent, maxReservedPercent } from 'cocreation';
 *
 * assert.equal(formatPercent(maxReservedPercent(POLICIES.hotmart)), '70');
 * assert.equal(formatPercent(maxReservedPercent(POLICIES.gumroad)), '50');
 * ```
 */
export function maxReservedPercent(p: Policy): Percent {
  return subtractPercents(PERCENT_100, p.minRetainedPercent).unwrapOr(PERCENT_0);
}

/**
 * The rules of specification §2 on a policy's values, stated once: {@link policy} reports them
 * as it reads an object, and validate/handmade.ts on a policy built in code. Each holds of a
 * good value.
 *
 * @internal
 */
export const POLICY_RULES = {
  /** `0 <= minRetainedPercent < 100` (a percent is never negative). */
  minRetainedPercent: (p: Percent): boolean => comparePercent(p, PERCENT_100) < 0,
  /** `cocreatorPercent.min > 0`. */
  minAboveZero: (min: Percent): boolean => comparePercent(min, PERCENT_0) > 0,
  /** `cocreatorPercent.min <= cocreatorPercent.max`. */
  minAtMostMax: (min: Percent, max: Percent): boolean => comparePercent(min, max) <= 0,
  /** `cocreatorPercent.max <= 100 - minRetainedPercent` (not judged when the cap is negative). */
  maxWithinCap: (max: Percent, minRetained: Percent): boolean => {
    const cap = subtractPercents(PERCENT_100, minRetained);
    return !cap.isOk() || comparePercent(max, cap.value) <= 0;
  },
  /** `percentDecimals` is an integer from 0 to {@link MAX_PERCENT_DECIMALS}. */
  percentDecimals: (n: number): boolean =>
    Number.isInteger(n) && n >= 0 && n <= MAX_PERCENT_DECIMALS,
  /** `maxCocreators` is a positive integer (or `null`, no limit). */
  maxCocreators: (n: number): boolean => Number.isSafeInteger(n) && n >= 1,
  /** A fee schedule's percent is at most 100. */
  feePercent: (p: Percent): boolean => comparePercent(p, PERCENT_100) <= 0,
} as const;

/** Enough of a policy's shape for {@link checkCocreatorPercent} to read it without throwing. */
function isPolicyShaped(rules: unknown): rules is Policy {
  if (typeof rules !== 'object' || rules === null) return false;
  const { percentDecimals, cocreatorPercent } = rules as Partial<Record<string, unknown>>;
  if (typeof percentDecimals !== 'number' || typeof cocreatorPercent !== 'object') return false;
  const bounds = cocreatorPercent as { min?: unknown; max?: unknown } | null;
  return bounds !== null && isPercentValue(bounds.min) && isPercentValue(bounds.max);
}

/**
 * Checks a contract percent against a policy (specification §4, invariant 2): at most
 * `percentDecimals` places as written (`percent_precision`), and within
 * `cocreatorPercent.min`..`.max` (`percent_out_of_range`). A percent that breaks both rules
 * gets both errors.
 *
 * @param p - the contract percent, as written
 * @param rules - the policy
 * @param path - where the percent is in the input (default `[]`)
 * @returns `p`, or the one or two errors (`invalid_percent` / `invalid_field` for a value
 *   that is not a percent / a policy)
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function checkCocreatorPercent(
  p: Percent,
  rules: Policy,
  path: Path = [],
): Result<Percent, DomainErrors> {
  if (!isPolicyShaped(rules)) {
    const why = 'expected a policy from policy()';
    return err(Object.freeze([domainError('invalid_field', why, path)]) as DomainErrors);
  }
  const precision = checkPercentPrecision(p, rules.percentDecimals, path);
  if (precision.isErr() && precision.error.code === 'invalid_percent') {
    return err(Object.freeze([precision.error]) as DomainErrors);
  }
  const issues: Issues = [];
  collect(precision, issues);
  const { min, max } = rules.cocreatorPercent;
  if (!isPercentInRange(p, min, max)) {
    issues.push(
      domainError(
        'percent_out_of_range',
        `a cocreator percent is from ${formatPercent(min)} to ${formatPercent(max)} under this policy, got ${formatPercent(p)}`,
        path,
        { min: formatPercent(min), max: formatPercent(max) },
      ),
    );
  }
  const problems = nonEmpty(issues);
  return problems === undefined ? ok(frozenPercent(p)) : err(problems);
}
