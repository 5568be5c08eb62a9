import { err, ok, type Result } from 'neverthrow';
import { notAPath, pathArgument, unreadableErr } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { Brand } from './brand';
import { formatDecimal } from './decimal';

/**
 * An exact, non-negative decimal percent, kept as written: its value is `units / 10^scale`,
 * and `"20.00"` is `{ units: 2000n, scale: 2 }` because precision rules count the places as
 * written (specification §4, invariant 2). Frozen.
 */
export type Percent = {
  /** The value times `10^scale`, an integer: `2000n` for `"20.00"`. */
  readonly units: bigint;
  /** The number of decimal places as written: `2` for `"20.00"`. */
  readonly scale: number;
} & Brand<'Percent'>;

/**
 * The most decimal places a percent may have, so that `10^scale` stays cheap to compute.
 *
 * @internal Not part of the package API since 0.2.0.
 */
export const MAX_PERCENT_SCALE = 1000;

/** The longest percent text read: 1000 places and a whole part. */
const MAX_PERCENT_TEXT = MAX_PERCENT_SCALE + 100;

const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

function make(units: bigint, scale: number): Percent {
  return Object.freeze({ units, scale }) as Percent;
}

/**
 * `100`, the whole.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatPercent, PERCENT_100 } from 'cocreation';
 *
 * assert.equal(formatPercent(PERCENT_100), '100');
 * ```
 */
export const PERCENT_100: Percent = make(100n, 0);
/**
 * `0`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatPercent, PERCENT_0 } from 'cocreation';
 *
 * assert.equal(formatPercent(PERCENT_0), '0');
 * ```
 */
export const PERCENT_0: Percent = make(0n, 0);

/**
 * `p` itself when it is frozen, else a frozen copy: what a returned value may hold of a
 * percent it was given (a `structuredClone` is not frozen). Internal.
 *
 * @internal
 */
export function frozenPercent(p: Percent): Percent {
  return Object.isFrozen(p) ? p : make(p.units, p.scale);
}

/**
 * Tells whether a value has the shape of a {@link Percent} (non-negative integer units, a
 * scale from 0 to 1000). Internal: the checking operations use it so that
 * a value forged around the type system is answered with an error, not an exception.
 */
export function isPercentValue(value: unknown): value is Percent {
  if (typeof value !== 'object' || value === null) return false;
  const { units, scale } = value as { units?: unknown; scale?: unknown };
  return (
    typeof units === 'bigint' &&
    units >= 0n &&
    typeof scale === 'number' &&
    Number.isInteger(scale) &&
    scale >= 0 &&
    scale <= MAX_PERCENT_SCALE
  );
}

function notAPercent(path: Path): DomainError {
  return domainError('invalid_percent', 'expected a percent from parsePercent()', path);
}

function describe(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input);
  if (typeof input === 'number') return String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return `a value of type ${typeof input}`;
}

/**
 * {@link parsePercent} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function parsePercentOrError(input: unknown, path: Path = []): Result<Percent, DomainError> {
  // Type before syntax (specification §7): a value that is neither a string nor a number is no percent.
  if (typeof input !== 'string' && typeof input !== 'number') {
    return err(
      domainError(
        'invalid_field',
        `expected a percent (a decimal string or a number), got ${describe(input)}`,
        path,
      ),
    );
  }
  const text = typeof input === 'string' ? input : String(input);
  // Exact arithmetic on a hostile million-digit percent would hold the caller for seconds:
  // no meaningful percent is longer than its maximum places plus a short whole part.
  const match = text.length > MAX_PERCENT_TEXT ? null : DECIMAL.exec(text);
  const fraction = match?.[2] ?? '';
  if (match === null || fraction.length > MAX_PERCENT_SCALE) {
    return err(
      domainError(
        'invalid_percent',
        `${describe(input)} is not a non-negative decimal percent such as "12.5"`,
        path,
      ),
    );
  }
  return ok(make(BigInt((match[1] ?? '0') + fraction), fraction.length));
}

/**
 * Reads a non-negative decimal percent (specification §8), keeping the places as written. A
 * JSON number is read as JavaScript prints it (`String(n)`): a printed exponent, `NaN`,
 * `Infinity` and negatives are refused; `-0` prints as `"0"` and is read as 0. The range is
 * not checked here (that depends on whose percent it is).
 *
 * @param input - a decimal string such as `"12.5"`, or a number
 * @param path - where the percent is in the input (default `[]`)
 * @returns the frozen {@link Percent}; `invalid_field` for a value that is neither a string
 *   nor a number (type before syntax, specification §7); `invalid_percent` for a string or
 *   number that is not a non-negative decimal, is longer than 1100 characters or has more
 *   than 1000 decimal places
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parsePercent } from 'cocreation';
 *
 * const p = parsePercent('20.00');
 * if (p.isErr()) throw new Error(p.error.map((e) => e.message).join('; '));
 * assert.equal(p.value.units, 2000n);
 * assert.equal(p.value.scale, 2);
 *
 * for (const [input, code] of [['1e2', 'invalid_percent'], [true, 'invalid_field']] as const) {
 *   const bad = parsePercent(input);
 *   if (bad.isOk()) throw new Error('expected an error');
 *   assert.equal(bad.error[0].code, code);
 * }
 * ```
 */
export function parsePercent(input: unknown, path: Path = []): Result<Percent, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return parsePercentOrError(input, at).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * {@link percent} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function percentOrError(
  units: bigint | number,
  scale: number,
  path: Path = [],
): Result<Percent, DomainError> {
  const validScale = Number.isInteger(scale) && scale >= 0 && scale <= MAX_PERCENT_SCALE;
  const validUnits =
    (typeof units === 'bigint' && units >= 0n) ||
    (typeof units === 'number' && Number.isSafeInteger(units) && units >= 0);
  if (!validScale || !validUnits) {
    return err(
      domainError(
        'invalid_percent',
        `a percent needs non-negative integer units and an integer scale from 0 to ${MAX_PERCENT_SCALE}`,
        path,
      ),
    );
  }
  // `+ 0` turns -0 into 0 before BigInt, which would accept it anyway.
  return ok(make(typeof units === 'bigint' ? units : BigInt(units + 0), scale + 0));
}

/**
 * Makes a percent from its parts, checked: `percent(125n, 1)` is 12.5 %.
 *
 * @param units - a non-negative integer (`bigint`, or a safe integer `number`)
 * @param scale - the number of decimal places, an integer from 0 to 1000
 * @param path - where the percent is in the input (default `[]`)
 * @returns the frozen {@link Percent}, or `invalid_percent`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatPercent, percent } from 'cocreation';
 *
 * const rate = percent(125n, 1);
 * if (rate.isErr()) throw new Error(rate.error.map((e) => e.message).join('; '));
 * assert.equal(formatPercent(rate.value), '12.5');
 *
 * const negative = percent(-1n, 0);
 * if (negative.isOk()) throw new Error('expected an error');
 * assert.equal(negative.error[0].code, 'invalid_percent');
 * ```
 */
export function percent(
  units: bigint | number,
  scale: number,
  path: Path = [],
): Result<Percent, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  // Only the argument's type is looked at (no property of the caller's is read), so nothing
  // can throw here: no catch.
  return percentOrError(units, scale, at).mapErr(asErrorList);
}

/**
 * The number of decimal places as written: `"20.00"` has two.
 *
 * @param p - the percent
 * @returns its scale
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function percentDecimals(p: Percent): number {
  return p.scale;
}

/**
 * Checks that a percent has at most `maxDecimals` places as written.
 *
 * @param p - the percent
 * @param maxDecimals - the places allowed (a policy's `percentDecimals`)
 * @param path - where the percent is in the input (default `[]`)
 * @returns `p` itself, or `percent_precision` with `maxDecimals` (`invalid_percent` for a value
 *   that is not a percent)
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function checkPercentPrecision(
  p: Percent,
  maxDecimals: number,
  path: Path = [],
): Result<Percent, DomainError> {
  if (!isPercentValue(p)) return err(notAPercent(path));
  if (typeof maxDecimals !== 'number' || Number.isNaN(maxDecimals)) {
    return err(domainError('invalid_field', 'expected a number of decimal places', path));
  }
  if (p.scale <= maxDecimals) return ok(frozenPercent(p));
  return err(
    domainError(
      'percent_precision',
      `a percent here has at most ${maxDecimals} decimal places, got ${p.scale}`,
      path,
      { maxDecimals },
    ),
  );
}

/** `10^n` for the scale differences met in practice, so that aligning rarely computes a power. */
const POWERS_OF_TEN: ReadonlyArray<bigint> = Array.from({ length: 33 }, (_, n) => 10n ** BigInt(n));

/**
 * `10^n` as a bigint, from a table for small `n` (anything that is not a non-negative integer
 * throws as `BigInt(n)` would). Internal: the percent arithmetic and the domain's sums use it.
 */
export function pow10(n: number): bigint {
  return (typeof n === 'number' ? POWERS_OF_TEN[n] : undefined) ?? 10n ** BigInt(n);
}

/** Both percents' units at their common (larger) scale. */
function aligned(a: Percent, b: Percent): readonly [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

/**
 * Compares two percents by value (`"20"` equals `"20.00"`).
 *
 * @param a - a percent
 * @param b - another percent
 * @returns `-1` when `a < b`, `0` when equal in value, `1` when `a > b`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { comparePercent, type Percent, parsePercent } from 'cocreation';
 *
 * // Reads percents this code writes itself, so an error is a bug here.
 * function p(text: string): Percent {
 *   const read = parsePercent(text);
 *   if (read.isErr()) throw new Error(read.error.map((e) => e.message).join('; '));
 *   return read.value;
 * }
 * assert.equal(comparePercent(p('20'), p('20.00')), 0);
 * assert.equal(comparePercent(p('9.99'), p('10')), -1);
 * ```
 */
export function comparePercent(a: Percent, b: Percent): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Adds two percents exactly; the sum has the larger of the two scales.
 *
 * @param a - a percent
 * @param b - another percent
 * @returns `a + b`, frozen
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function addPercents(a: Percent, b: Percent): Percent {
  const [x, y, scale] = aligned(a, b);
  return make(x + y, scale);
}

/**
 * {@link subtractPercents} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function subtractPercentsOrError(
  a: Percent,
  b: Percent,
  path: Path = [],
): Result<Percent, DomainError> {
  if (!isPercentValue(a) || !isPercentValue(b)) return err(notAPercent(path));
  const [x, y, scale] = aligned(a, b);
  if (y > x) {
    return err(
      domainError(
        'percent_out_of_range',
        `cannot subtract ${formatPercent(b)} from ${formatPercent(a)}: a percent is never negative`,
        path,
        { min: '0', max: formatPercent(a) },
      ),
    );
  }
  return ok(make(x - y, scale));
}

/**
 * Subtracts `b` from `a` exactly; the difference has the larger of the two scales. A percent
 * is never negative, so `b > a` is an error rather than a clamp to 0.
 *
 * @param a - the percent to subtract from
 * @param b - the percent to subtract, from 0 to `a`
 * @param path - where `b` is in the input (default `[]`)
 * @returns `a - b`, frozen, or `percent_out_of_range` (with `min` `"0"` and `max` `a`) when
 *   `b > a`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { PERCENT_100, POLICIES, formatPercent, subtractPercents } from 'cocreation';
 *
 * const floor = POLICIES.hotmart.minRetainedPercent; // 30
 * const rest = subtractPercents(PERCENT_100, floor);
 * if (rest.isErr()) throw new Error(rest.error.map((e) => e.message).join('; '));
 * assert.equal(formatPercent(rest.value), '70');
 *
 * const below = subtractPercents(floor, PERCENT_100);
 * if (below.isOk()) throw new Error('expected an error');
 * assert.equal(below.error[0].code, 'percent_out_of_range');
 * ```
 */
export function subtractPercents(
  a: Percent,
  b: Percent,
  path: Path = [],
): Result<Percent, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return subtractPercentsOrError(a, b, at).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * Prints a percent in shortest form: no trailing zeros after the point, no point when whole.
 *
 * @param p - the percent
 * @returns e.g. `"20"`, `"12.5"`, `"0.01"`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatPercent, parsePercent } from 'cocreation';
 *
 * for (const [written, printed] of [['20.00', '20'], ['012.50', '12.5'], ['0.01', '0.01']]) {
 *   const p = parsePercent(written);
 *   if (p.isErr()) throw new Error(p.error.map((e) => e.message).join('; '));
 *   assert.equal(formatPercent(p.value), printed);
 * }
 * ```
 */
export function formatPercent(p: Percent): string {
  return formatDecimal(p.units, p.scale, 0);
}

/**
 * Reads a percent from a string, for code that holds literals it knows to be valid.
 *
 * @param s - a decimal string such as `"12.5"`
 * @returns the {@link Percent}, or `undefined` when `s` is not one
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function percentFromString(s: string): Percent | undefined {
  const parsed = parsePercent(s);
  return parsed.isOk() ? parsed.value : undefined;
}

/**
 * Tells whether `min <= p <= max`, by value.
 *
 * @param p - the percent to check
 * @param min - the lower bound, included
 * @param max - the upper bound, included
 * @returns `true` when `p` is within the bounds
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function isPercentInRange(p: Percent, min: Percent, max: Percent): boolean {
  return comparePercent(min, p) <= 0 && comparePercent(p, max) <= 0;
}

/**
 * Takes a percent of an amount of minor units, exactly, then rounds to a whole minor unit:
 * `'down'` toward zero (specification §5's `floor` for commissions, on non-negative amounts),
 * `'half-up'` to the nearest with halves away from zero (the fee's `round_half_up`).
 *
 * @param amount - minor units
 * @param p - the percent
 * @param rounding - `'down'` or `'half-up'`
 * @returns `amount × p / 100`, rounded
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parsePercent, percentOfAmount } from 'cocreation';
 *
 * const ten = parsePercent('10');
 * if (ten.isErr()) throw new Error(ten.error.map((e) => e.message).join('; '));
 * assert.equal(percentOfAmount(5824n, ten.value, 'down'), 582n);
 * assert.equal(percentOfAmount(5825n, ten.value, 'half-up'), 583n);
 * ```
 */
export function percentOfAmount(amount: bigint, p: Percent, rounding: 'down' | 'half-up'): bigint {
  const numerator = amount * p.units;
  const denominator = 100n * pow10(p.scale);
  if (rounding === 'down') return numerator / denominator;
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}
