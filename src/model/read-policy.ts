/**
 * Reading a policy (specification §2): a preset's name, or an object that extends a preset or
 * gives every field, each field read by its rule and checked against the rules of §2 stated
 * once in policy.ts.
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  raw,
  readBoolean,
  readObject,
} from '../_internal/fields';
import { markBuilt } from '../_internal/provenance';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import { type DomainErrors, domainError, type Path } from '../errors';
import { type CurrencyCode, currencyOrError as currency } from '../values/currency';
import { parseAmount } from '../values/money';
import {
  formatPercent,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  parsePercentOrError as parsePercent,
  subtractPercentsOrError as subtractPercents,
} from '../values/percent';
import {
  type AmendmentRule,
  type CancellationRule,
  type FeeSchedule,
  isPolicyName,
  MAX_PERCENT_DECIMALS,
  POLICIES,
  POLICY_RULES,
  type Policy,
  type PolicyName,
} from './policy';
import { COCREATOR_PERCENT, FEE_SCHEDULE, keysOf, POLICY } from './shapes';

const CANCELLATION_RULES: ReadonlyArray<CancellationRule> = ['mutual', 'unilateral'];
const AMENDMENT_RULES: ReadonlyArray<AmendmentRule> = ['cocreator-approval', 'immediate'];

/**
 * A field's value when it was read (or taken from the base preset); `undefined` when it is
 * broken or missing, which has been reported (or follows from a broken `extends`).
 */
type Read<T> = { readonly value: T } | undefined;

/** One policy object being read: where it is, the preset it extends, the problems so far. */
interface Reading {
  /** The object's fields. */
  readonly fields: Fields;
  /** Where the object is in the input. */
  readonly path: Path;
  /** Every problem found so far. */
  readonly issues: Issues;
  /** The preset that `extends` names, when it names one. */
  readonly base: Policy | undefined;
  /** Whether a field may be absent: with `extends`, even a broken one (which explains itself). */
  readonly partial: boolean;
}

/** How one policy field is read. */
interface FieldRule<T> {
  /** The base preset's value, taken when the field is absent. */
  readonly fromBase: (base: Policy) => T;
  /** Reads a present value; answers `undefined` only after reporting why. */
  readonly read: (value: unknown, at: Path, issues: Issues) => T | undefined;
  /** Whether `null` is a value (`maxCocreators: null` is no limit) rather than absent. */
  readonly nullIsValue?: boolean;
}

/**
 * Reads one policy field. Absent: the base preset's value, or `required` when there is no
 * base (and no broken `extends`, which already explains the problem).
 */
function field<T>(r: Reading, key: string, rule: FieldRule<T>): Read<T> {
  const value = rule.nullIsValue === true ? raw(r.fields, key) : optional(r.fields, key);
  if (value === undefined) {
    if (r.base !== undefined) return { value: rule.fromBase(r.base) };
    if (!r.partial) {
      r.issues.push(domainError('invalid_field', `"${key}" is required`, [...r.path, key]));
    }
    return undefined;
  }
  const before = r.issues.length;
  const result = rule.read(value, [...r.path, key], r.issues);
  // A reader answers undefined only after reporting why.
  return r.issues.length > before ? undefined : { value: result as T };
}

function enumRule<T extends string>(
  fromBase: (base: Policy) => T,
  allowed: ReadonlyArray<T>,
): FieldRule<T> {
  return {
    fromBase,
    read: (value, at, issues) => {
      if (typeof value !== 'string') {
        issues.push(domainError('invalid_field', 'expected a string', at));
        return undefined;
      }
      if ((allowed as ReadonlyArray<string>).includes(value)) return value as T;
      issues.push(
        domainError(
          'invalid_policy',
          `${JSON.stringify(value)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
          at,
        ),
      );
      return undefined;
    },
  };
}

const readPercentValue = (value: unknown, at: Path, issues: Issues) =>
  collect(parsePercent(value, at), issues);

/** How each field of a policy object is read (specification §2); `cocreatorPercent` and `fee` are read apart. */
const RULES = {
  minRetainedPercent: {
    fromBase: (b) => b.minRetainedPercent,
    read: (value, at, issues) => {
      const p = readPercentValue(value, at, issues);
      if (p !== undefined && !POLICY_RULES.minRetainedPercent(p)) {
        issues.push(domainError('invalid_policy', 'minRetainedPercent is below 100', at));
      }
      return p;
    },
  } satisfies FieldRule<Percent>,
  min: {
    fromBase: (b) => b.cocreatorPercent.min,
    read: readPercentValue,
  } satisfies FieldRule<Percent>,
  max: {
    fromBase: (b) => b.cocreatorPercent.max,
    read: readPercentValue,
  } satisfies FieldRule<Percent>,
  percentDecimals: {
    fromBase: (b) => b.percentDecimals,
    read: (value, at, issues) => {
      if (typeof value !== 'number') {
        issues.push(domainError('invalid_field', 'expected a number', at));
        return undefined;
      }
      if (!POLICY_RULES.percentDecimals(value)) {
        issues.push(
          domainError(
            'invalid_policy',
            `percentDecimals is an integer from 0 to ${MAX_PERCENT_DECIMALS}`,
            at,
          ),
        );
        return undefined;
      }
      return value + 0;
    },
  } satisfies FieldRule<number>,
  maxCocreators: {
    fromBase: (b) => b.maxCocreators,
    read: (value, at, issues) => {
      if (value === null) return null;
      if (typeof value !== 'number') {
        issues.push(domainError('invalid_field', 'expected a number or null', at));
        return undefined;
      }
      if (!POLICY_RULES.maxCocreators(value)) {
        issues.push(
          domainError('invalid_policy', 'maxCocreators is a positive integer, or null', at),
        );
        return undefined;
      }
      return value;
    },
    nullIsValue: true,
  } satisfies FieldRule<number | null>,
  affiliatesOnCocreatedProducts: {
    fromBase: (b) => b.affiliatesOnCocreatedProducts,
    read: readBoolean,
  } satisfies FieldRule<boolean>,
  cancellation: enumRule((b) => b.cancellation, CANCELLATION_RULES),
  amendments: enumRule((b) => b.amendments, AMENDMENT_RULES),
};

function readFee(value: unknown, at: Path, issues: Issues): FeeSchedule | undefined {
  const fields = readObject(value, at, keysOf(FEE_SCHEDULE), issues, 'a fee schedule object');
  if (fields === undefined) return undefined;
  let feePercent: Percent = PERCENT_0;
  const rawPercent = optional(fields, 'percent');
  if (rawPercent !== undefined) {
    const parsed = collect(parsePercent(rawPercent, [...at, 'percent']), issues);
    // A percent that cannot be read was reported, and the schedule is then never used.
    feePercent = parsed as Percent;
    if (parsed !== undefined && !POLICY_RULES.feePercent(parsed)) {
      issues.push(
        domainError('invalid_policy', 'a fee percent is from 0 to 100', [...at, 'percent']),
      );
    }
  }
  const fixed: Partial<Record<CurrencyCode, bigint>> = {};
  const rawFixed = optional(fields, 'fixed');
  if (rawFixed !== undefined) {
    const fixedPath = [...at, 'fixed'];
    // Any currency code may be a key: only the reserved keys are refused by name. (The keys
    // of a value that is not an object are never read: readObject refuses it.)
    const keys = Object.keys(Object(rawFixed));
    const allowed = keys.filter(
      (k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype',
    );
    const table = readObject(
      rawFixed,
      fixedPath,
      allowed,
      issues,
      'an object of amounts by currency',
    );
    if (table !== undefined) {
      for (const code of allowed) {
        // The key is checked even when its amount is null (absent): an unknown currency
        // in fee.fixed is unknown_currency (specification §2), whatever its value.
        const cur = collect(currency(code, [...fixedPath, code]), issues);
        const amount = optional(table, code);
        if (cur === undefined || amount === undefined) continue;
        const minor = collect(parseAmount(amount, cur, [...fixedPath, code]), issues);
        // An amount that cannot be read was reported, and the schedule is then never used.
        fixed[cur.code] = minor as bigint;
      }
    }
  }
  return Object.freeze({ percent: feePercent, fixed: Object.freeze(fixed) });
}

/**
 * Checks a policy: a preset name (`'hotmart'`, `'kiwify'`, `'gumroad'`, case-sensitive), or
 * an object as in specification §2, optionally `extends`-ing a preset. Reports every problem:
 * a field of the wrong type or syntax gets `invalid_field` / `invalid_percent` (and
 * `unknown_currency`, `invalid_amount`, `amount_precision` inside `fee.fixed`); a well-formed
 * value that breaks a rule of specification §2 gets `invalid_policy`, e.g.
 * `cocreatorPercent.max > 100 - minRetainedPercent`.
 *
 * The bounds `cocreatorPercent.min` / `.max` are not held to `percentDecimals` themselves:
 * they are bounds, and a contract percent is checked against both rules separately.
 *
 * @param input - a {@link PolicyInput}, from JSON or code
 * @param path - where the policy is in the input (default `[]`; the JSON document uses
 *   `['policy']`)
 * @returns the frozen {@link Policy} (a preset name returns the shared preset object), or
 *   every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, formatPercent, policy } from 'cocreation';
 *
 * const preset = policy('gumroad');
 * if (preset.isErr()) throw new Error(preset.error.map((e) => e.message).join('; '));
 * assert.equal(preset.value, POLICIES.gumroad);
 *
 * const custom = policy({ extends: 'hotmart', cocreatorPercent: { max: '60' } });
 * if (custom.isErr()) throw new Error(custom.error.map((e) => e.message).join('; '));
 * assert.equal(formatPercent(custom.value.cocreatorPercent.min), '0.01');
 * assert.equal(formatPercent(custom.value.cocreatorPercent.max), '60');
 *
 * const broken = policy({ extends: 'hotmart', minRetainedPercent: '40' }, ['policy']);
 * if (broken.isOk()) throw new Error('expected an error');
 * assert.deepEqual(
 *   broken.error.map((e) => [e.code, e.path]),
 *   [['invalid_policy', ['policy', 'cocreatorPercent', 'max']]],
 * );
 * ```
 */
export function policy(input: unknown, path: Path = []): Result<Policy, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return readPolicy(input, at);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/** What {@link policy} answers when reading its input does not throw (it catches what does). */
function readPolicy(input: unknown, path: Path = []): Result<Policy, DomainErrors> {
  if (typeof input === 'string') return presetNamed(input, path);
  const issues: Issues = [];
  const fields = readObject(
    input,
    path,
    keysOf(POLICY),
    issues,
    'a preset name or a policy object',
  );
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const extendsValue = optional(fields, 'extends');
  // With a broken `extends` the fields are still read, but none is "required".
  const r: Reading = {
    fields,
    path,
    issues,
    base: readBase(extendsValue, [...path, 'extends'], issues),
    partial: extendsValue !== undefined,
  };
  const minRetained = field(r, 'minRetainedPercent', RULES.minRetainedPercent);
  const { min, max } = readBounds(r);
  const percentDecimals = field(r, 'percentDecimals', RULES.percentDecimals);
  const maxCocreators = field(r, 'maxCocreators', RULES.maxCocreators);
  const affiliates = field(r, 'affiliatesOnCocreatedProducts', RULES.affiliatesOnCocreatedProducts);
  const cancellation = field(r, 'cancellation', RULES.cancellation);
  const amendments = field(r, 'amendments', RULES.amendments);
  // A fee schedule is only ever used when no problem was reported, so a broken one (which
  // reported its problems) needs no marking.
  const rawFee = optional(fields, 'fee');
  const fee =
    rawFee === undefined ? (r.base?.fee ?? null) : readFee(rawFee, [...path, 'fee'], issues);
  checkBounds([...path, 'cocreatorPercent'], min, max, minRetained, issues);

  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  const value = <T>(read: Read<T>): T => (read as { readonly value: T }).value;
  return ok(
    markBuilt(
      Object.freeze({
        name: r.base === undefined ? null : (extendsValue as PolicyName),
        minRetainedPercent: value(minRetained),
        cocreatorPercent: Object.freeze({ min: value(min), max: value(max) }),
        percentDecimals: value(percentDecimals),
        maxCocreators: value(maxCocreators),
        affiliatesOnCocreatedProducts: value(affiliates),
        cancellation: value(cancellation),
        amendments: value(amendments),
        fee: fee as FeeSchedule | null,
      }),
    ),
  );
}

function unknownPreset(name: string, path: Path) {
  return domainError(
    'invalid_policy',
    `unknown policy preset ${JSON.stringify(name)}; expected "hotmart", "kiwify" or "gumroad"`,
    path,
  );
}

/** A policy given by its preset's name. */
function presetNamed(name: string, path: Path): Result<Policy, DomainErrors> {
  if (isPolicyName(name)) return ok(POLICIES[name]);
  return err(Object.freeze([unknownPreset(name, path)]) as DomainErrors);
}

/** The preset that `extends` names; `undefined` when absent or broken (reported). */
function readBase(value: unknown, at: Path, issues: Issues): Policy | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    issues.push(domainError('invalid_field', 'expected a preset name', at));
  } else if (!isPolicyName(value)) {
    issues.push(unknownPreset(value, at));
  } else {
    return POLICIES[value];
  }
  return undefined;
}

/** `cocreatorPercent`: both bounds, each from the object or the base preset. */
function readBounds(r: Reading): { readonly min: Read<Percent>; readonly max: Read<Percent> } {
  const rawBounds = optional(r.fields, 'cocreatorPercent');
  if (rawBounds === undefined) {
    // The field is absent here, so `field` takes the base's value (or reports it required)
    // and never calls the reader.
    const min = field(r, 'cocreatorPercent', RULES.min);
    return { min, max: r.base === undefined ? undefined : { value: r.base.cocreatorPercent.max } };
  }
  const boundsPath = [...r.path, 'cocreatorPercent'];
  const what = 'an object';
  const bounds = readObject(rawBounds, boundsPath, keysOf(COCREATOR_PERCENT), r.issues, what);
  if (bounds === undefined) return { min: undefined, max: undefined };
  const inner: Reading = { ...r, fields: bounds, path: boundsPath };
  return { min: field(inner, 'min', RULES.min), max: field(inner, 'max', RULES.max) };
}

/** The rules between the bounds and `minRetainedPercent` (specification §2). */
function checkBounds(
  boundsPath: Path,
  min: Read<Percent>,
  max: Read<Percent>,
  minRetained: Read<Percent>,
  issues: Issues,
): void {
  if (min !== undefined) {
    if (!POLICY_RULES.minAboveZero(min.value)) {
      issues.push(
        domainError('invalid_policy', 'cocreatorPercent.min is above 0', [...boundsPath, 'min']),
      );
    } else if (max !== undefined && !POLICY_RULES.minAtMostMax(min.value, max.value)) {
      issues.push(
        domainError(
          'invalid_policy',
          `cocreatorPercent.min (${formatPercent(min.value)}) is above cocreatorPercent.max (${formatPercent(max.value)})`,
          [...boundsPath, 'min'],
        ),
      );
    }
  }
  if (
    max !== undefined &&
    minRetained !== undefined &&
    !POLICY_RULES.maxWithinCap(max.value, minRetained.value)
  ) {
    // The rule judges only a cap that is not negative: this one is.
    const cap = subtractPercents(PERCENT_100, minRetained.value).unwrapOr(PERCENT_0);
    issues.push(
      domainError(
        'invalid_policy',
        `cocreatorPercent.max (${formatPercent(max.value)}) is above 100 - minRetainedPercent (${formatPercent(cap)})`,
        // At the bound the rule is written on, even when inherited from the preset.
        [...boundsPath, 'max'],
      ),
    );
  }
}
