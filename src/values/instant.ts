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

/** A point in time: integer milliseconds since 1970-01-01T00:00:00Z, years 0001 to 9999. */
export type Instant = number & Brand<'Instant'>;

const MS_PER_DAY = 86_400_000;

/*
 * Days between 1970-01-01 and a proleptic Gregorian date, and back (Howard Hinnant's
 * `days_from_civil` / `civil_from_days`). Own arithmetic instead of `Date.UTC`, which maps
 * years 0–99 to 1900–1999, and instead of `Date.parse`, which accepts far more than the specification.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): readonly [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/**
 * 0001-01-01T00:00:00.000Z in epoch milliseconds: the earliest instant.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, MIN_INSTANT } from 'cocreation';
 *
 * assert.equal(formatInstant(MIN_INSTANT), '0001-01-01T00:00:00.000Z');
 * ```
 */
export const MIN_INSTANT = (daysFromCivil(1, 1, 1) * MS_PER_DAY) as Instant;
/**
 * 9999-12-31T23:59:59.999Z in epoch milliseconds: the latest instant.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, MAX_INSTANT } from 'cocreation';
 *
 * assert.equal(formatInstant(MAX_INSTANT), '9999-12-31T23:59:59.999Z');
 * ```
 */
export const MAX_INSTANT = (daysFromCivil(10_000, 1, 1) * MS_PER_DAY - 1) as Instant;

/*
 * The grammar of an instant on the wire, which `isoFields` reads by character codes:
 * /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))$/
 */

/** Whether `s` has `pattern` at `from`: `d` is an ASCII digit, any other character itself. */
function fits(s: string, from: number, pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = s.charCodeAt(from + i);
    const p = pattern.charCodeAt(i);
    if (p === 100 ? !(c >= 48 && c <= 57) : c !== p) return false;
  }
  return true;
}

/** The number written by the `count` digits at `from` (already checked to be digits). */
function num(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + s.charCodeAt(i) - 48;
  return value;
}

/**
 * Exactly the strings the grammar above accepts, read at fixed positions: year, month, day,
 * hour, minute, second, the fraction's first three digits (`.5` is 500), the offset's sign
 * (0 for `Z`), hours and minutes; else `null`.
 */
function isoFields(s: string): number[] | null {
  if (!fits(s, 0, 'dddd-dd-ddTdd:dd:dd')) return null;
  let at = 19;
  let millis = 0;
  if (s[at] === '.') {
    for (; fits(s, at + 1, 'd'); at++) if (at < 22) millis += num(s, at + 1, 1) * 10 ** (21 - at);
    if (at === 19 || at > 28) return null;
    at++;
  }
  const zone = s.charCodeAt(at);
  const sign = zone === 45 ? -1 : zone === 43 ? 1 : 0; // - +
  if (
    sign === 0
      ? zone !== 90 || s.length !== at + 1
      : s.length !== at + 6 || !fits(s, at + 1, 'dd:dd')
  ) {
    return null; // neither Z nor ±HH:MM, or more after it
  }
  return [
    num(s, 0, 4),
    num(s, 5, 2),
    num(s, 8, 2),
    num(s, 11, 2),
    num(s, 14, 2),
    num(s, 17, 2),
    millis,
    sign,
    sign && num(s, at + 1, 2),
    sign && num(s, at + 4, 2),
  ];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function invalid(input: string, path: Path, why: string): DomainError {
  return domainError(
    'invalid_instant',
    `${JSON.stringify(input)} is not a valid instant: ${why}`,
    path,
  );
}

/**
 * {@link parseInstant} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function parseInstantOrError(input: unknown, path: Path = []): Result<Instant, DomainError> {
  if (typeof input !== 'string') {
    // Type before syntax (specification §7): a number (or anything but a string) is no instant's text.
    const kind = Array.isArray(input) ? 'array' : typeof input;
    const shown = input === null ? 'null' : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
    return err(
      domainError(
        'invalid_field',
        `expected an instant string such as "2026-03-01T12:00:00Z", got ${shown}`,
        path,
      ),
    );
  }
  // Read by character codes at fixed positions: the grammar above, without a regular expression.
  const fields = isoFields(input);
  if (fields === null) {
    return err(invalid(input, path, 'expected YYYY-MM-DDTHH:MM:SS[.fraction] with Z or ±HH:MM'));
  }
  const [year, month, day, hour, minute, second, millis, offsetSign, offsetHours, offsetMins] =
    fields as [number, number, number, number, number, number, number, number, number, number];
  if (year < 1) return err(invalid(input, path, 'the year is before 0001'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(invalid(input, path, 'no such date'));
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return err(invalid(input, path, 'no such time of day'));
  }
  // With Z the sign and both parts are 0.
  if (offsetHours > 23 || offsetMins > 59) {
    return err(invalid(input, path, 'the offset is outside -23:59..+23:59'));
  }
  const offsetMinutes = offsetSign * (offsetHours * 60 + offsetMins);
  const epoch =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis;
  if (epoch < MIN_INSTANT || epoch > MAX_INSTANT) {
    return err(invalid(input, path, 'in UTC the year is outside 0001–9999'));
  }
  return ok(epoch as Instant);
}

/**
 * Reads an instant in specification §8's form: `YYYY-MM-DDTHH:MM:SS[.fraction]` followed by `Z`
 * or `±HH:MM`. The date must exist (leap years count; no hour 24, no leap second), the offset
 * is within ±23:59, the year is 0001–9999 both as written and in UTC, and 1 to 9 fraction
 * digits are truncated to milliseconds. Nothing else is accepted (no lower-case `t`/`z`, no
 * `+HHMM`, no date-only form).
 *
 * @param input - the text
 * @param path - where the instant is in the input (default `[]`)
 * @returns the {@link Instant} in UTC epoch milliseconds; `invalid_field` when `input` is not
 *   a string (type before syntax, specification §7), `invalid_instant` for a string that breaks
 *   the grammar or the bounds
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, parseInstant } from 'cocreation';
 *
 * const t = parseInstant('2026-03-01T09:00:00.123456-03:00');
 * if (t.isErr()) throw new Error(t.error.map((e) => e.message).join('; '));
 * assert.equal(formatInstant(t.value), '2026-03-01T12:00:00.123Z');
 *
 * const leap = parseInstant('2026-02-29T00:00:00Z');
 * if (leap.isOk()) throw new Error('expected an error');
 * assert.equal(leap.error[0].code, 'invalid_instant');
 * const epoch = parseInstant(1772366400000);
 * if (epoch.isOk()) throw new Error('expected an error');
 * assert.equal(epoch.error[0].code, 'invalid_field');
 * ```
 */
export function parseInstant(input: unknown, path: Path = []): Result<Instant, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  try {
    return parseInstantOrError(input, at).mapErr(asErrorList);
  } catch (cause) {
    return unreadableErr(cause, at);
  }
}

/**
 * Whether a value is an {@link Instant}: integer epoch milliseconds within the years 0001 to
 * 9999. Internal: the checks of values built in code use it.
 *
 * @internal
 */
export function isInstantValue(value: unknown): value is Instant {
  // Number.isInteger is false for anything that is not a number.
  return (
    Number.isInteger(value) && (value as number) >= MIN_INSTANT && (value as number) <= MAX_INSTANT
  );
}

/**
 * {@link instant} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function instantOrError(epochMs: number, path: Path = []): Result<Instant, DomainError> {
  if (!isInstantValue(epochMs)) {
    return err(
      domainError(
        'invalid_instant',
        'an instant is integer epoch milliseconds within the years 0001–9999',
        path,
      ),
    );
  }
  // `+ 0` turns -0 into 0, so equal instants are `Object.is`-equal too.
  return ok((epochMs + 0) as Instant);
}

/**
 * Makes an instant from epoch milliseconds, checked.
 *
 * @param epochMs - integer milliseconds since 1970-01-01T00:00:00Z
 * @param path - where the instant is in the input (default `[]`)
 * @returns the {@link Instant}, or `invalid_instant` when `epochMs` is not an integer from
 *   {@link MIN_INSTANT} (year 0001) to {@link MAX_INSTANT} (year 9999)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, instant } from 'cocreation';
 *
 * const epoch = instant(0);
 * if (epoch.isErr()) throw new Error(epoch.error.map((e) => e.message).join('; '));
 * assert.equal(formatInstant(epoch.value), '1970-01-01T00:00:00.000Z');
 *
 * const fraction = instant(1.5);
 * if (fraction.isOk()) throw new Error('expected an error');
 * assert.equal(fraction.error[0].code, 'invalid_instant');
 * ```
 */
export function instant(epochMs: number, path: Path = []): Result<Instant, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  // Only the argument's type is looked at (no property of the caller's is read), so nothing
  // can throw here: no catch.
  return instantOrError(epochMs, at).mapErr(asErrorList);
}

/**
 * Prints an instant in UTC with milliseconds and a four-digit year.
 *
 * @param t - the instant
 * @returns e.g. `"2026-03-01T12:00:00.000Z"`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, parseInstant } from 'cocreation';
 *
 * const printed = parseInstant('0001-01-01T00:00:00+00:00').map(formatInstant);
 * if (printed.isErr()) throw new Error(printed.error.map((e) => e.message).join('; '));
 * assert.equal(printed.value, '0001-01-01T00:00:00.000Z');
 * ```
 */
export function formatInstant(t: Instant): string {
  const days = Math.floor(t / MS_PER_DAY);
  let rest = t - days * MS_PER_DAY;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const [year, month, day] = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${String(millis).padStart(3, '0')}Z`;
}
