import { err, ok, type Result } from 'neverthrow';
import type { Brand } from './brand';
import { type DomainError, domainError, type Path } from './errors';

/** A point in time: integer milliseconds since 1970-01-01T00:00:00Z, years 0001 to 9999. */
export type Instant = number & Brand<'Instant'>;

const MS_PER_DAY = 86_400_000;

/*
 * Days between 1970-01-01 and a proleptic Gregorian date, and back (Howard Hinnant's
 * `days_from_civil` / `civil_from_days`). Own arithmetic instead of `Date.UTC`, which maps
 * years 0–99 to 1900–1999, and instead of `Date.parse`, which accepts far more than SPEC.
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

/** The fields of a string that the grammar above matches (`offsetSign` 0 for `Z`), else `null`. */
interface IsoFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The fraction's first three digits, padded with zeros: `.5` is 500. */
  readonly millis: number;
  readonly offsetSign: -1 | 0 | 1;
  readonly offsetHours: number;
  readonly offsetMins: number;
}

/** The value of the ASCII digit at `i`, or -1 (also past the end). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Exactly the strings the grammar above accepts, read at fixed positions. */
function isoFields(s: string): IsoFields | null {
  if (s.length < 20) return null;
  const y0 = twoDigits(s, 0);
  const y1 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (
    y0 < 0 ||
    y1 < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58
  ) {
    return null;
  }
  let at = 19;
  let millis = 0;
  if (s.charCodeAt(at) === 46) {
    // .
    at += 1;
    const first = at;
    for (let d = digitAt(s, at); d >= 0; d = digitAt(s, at)) {
      if (at - first < 3) millis += d * (at === first ? 100 : at === first + 1 ? 10 : 1);
      at += 1;
    }
    if (at === first || at - first > 9) return null;
  }
  const zone = s.charCodeAt(at);
  if (zone === 90) {
    // Z
    if (at + 1 !== s.length) return null;
    return {
      year: y0 * 100 + y1,
      month,
      day,
      hour,
      minute,
      second,
      millis,
      offsetSign: 0,
      offsetHours: 0,
      offsetMins: 0,
    };
  }
  if (zone !== 43 && zone !== 45) return null; // + -
  const offsetHours = twoDigits(s, at + 1);
  const offsetMins = twoDigits(s, at + 4);
  if (offsetHours < 0 || offsetMins < 0 || s.charCodeAt(at + 3) !== 58 || at + 6 !== s.length) {
    return null;
  }
  const offsetSign = zone === 45 ? -1 : 1;
  return {
    year: y0 * 100 + y1,
    month,
    day,
    hour,
    minute,
    second,
    millis,
    offsetSign,
    offsetHours,
    offsetMins,
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function invalid(input: unknown, path: Path, why: string): DomainError {
  const shown = typeof input === 'string' ? JSON.stringify(input) : `a ${typeof input}`;
  return domainError('invalid_instant', `${shown} is not a valid instant: ${why}`, path);
}

/**
 * Reads an instant in SPEC section 8's form: `YYYY-MM-DDTHH:MM:SS[.fraction]` followed by `Z`
 * or `±HH:MM`. The date must exist (leap years count; no hour 24, no leap second), the offset
 * is within ±23:59, the year is 0001–9999 both as written and in UTC, and 1 to 9 fraction
 * digits are truncated to milliseconds. Nothing else is accepted (no lower-case `t`/`z`, no
 * `+HHMM`, no date-only form).
 *
 * @param input - the text
 * @param path - where the instant is in the input (default `[]`)
 * @returns the {@link Instant} in UTC epoch milliseconds, or `invalid_instant`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, parseInstant } from 'cocreation';
 *
 * const t = parseInstant('2026-03-01T09:00:00.123456-03:00')._unsafeUnwrap();
 * assert.equal(formatInstant(t), '2026-03-01T12:00:00.123Z');
 * assert.equal(parseInstant('2026-02-29T00:00:00Z')._unsafeUnwrapErr().code, 'invalid_instant');
 * ```
 */
export function parseInstant(input: unknown, path: Path = []): Result<Instant, DomainError> {
  if (typeof input !== 'string') {
    return err(invalid(input, path, 'expected a string such as "2026-03-01T12:00:00Z"'));
  }
  // Read by character codes at fixed positions: the grammar above, without a regular expression.
  const fields = isoFields(input);
  if (fields === null) {
    return err(invalid(input, path, 'expected YYYY-MM-DDTHH:MM:SS[.fraction] with Z or ±HH:MM'));
  }
  const { year, month, day, hour, minute, second, millis, offsetSign, offsetHours, offsetMins } =
    fields;
  if (year < 1) return err(invalid(input, path, 'the year is before 0001'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(invalid(input, path, 'no such date'));
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return err(invalid(input, path, 'no such time of day'));
  }
  let offsetMinutes = 0;
  if (offsetSign !== 0) {
    if (offsetHours > 23 || offsetMins > 59) {
      return err(invalid(input, path, 'the offset is outside -23:59..+23:59'));
    }
    offsetMinutes = offsetSign * (offsetHours * 60 + offsetMins);
  }
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
 * assert.equal(formatInstant(instant(0)._unsafeUnwrap()), '1970-01-01T00:00:00.000Z');
 * assert.equal(instant(1.5)._unsafeUnwrapErr().code, 'invalid_instant');
 * ```
 */
export function instant(epochMs: number, path: Path = []): Result<Instant, DomainError> {
  if (
    typeof epochMs !== 'number' ||
    !Number.isInteger(epochMs) ||
    epochMs < MIN_INSTANT ||
    epochMs > MAX_INSTANT
  ) {
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
 * Prints an instant in UTC with milliseconds and a four-digit year.
 *
 * @param t - the instant
 * @returns e.g. `"2026-03-01T12:00:00.000Z"`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatInstant, parseInstant } from 'cocreation';
 *
 * const t = parseInstant('0001-01-01T00:00:00+00:00')._unsafeUnwrap();
 * assert.equal(formatInstant(t), '0001-01-01T00:00:00.000Z');
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
