import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  type Instant,
  instant,
  MAX_INSTANT,
  MIN_INSTANT,
  parseInstant,
} from '../src/values/instant';

describe('parseInstant', () => {
  it.each([
    // Expected epoch milliseconds checked with `date -u -d ... +%s` by hand.
    ['1970-01-01T00:00:00Z', 0],
    ['2026-03-01T12:00:00Z', 1772366400000],
    ['2026-03-01T09:00:00-03:00', 1772366400000],
    ['2026-03-01T12:00:00.5Z', 1772366400500],
    ['2026-03-01T12:00:00.123456789Z', 1772366400123],
    ['2026-03-01T12:00:00.999999999+00:00', 1772366400999],
    ['1969-12-31T23:59:59.999Z', -1],
    ['2024-02-29T00:00:00Z', 1709164800000],
    ['2000-02-29T00:00:00Z', 951782400000],
    ['2026-01-01T00:00:00-00:00', 1767225600000],
    ['2026-01-01T23:59:00+23:59', 1767225600000],
    ['0001-01-01T00:00:00Z', -62135596800000],
    ['9999-12-31T23:59:59.999Z', 253402300799999],
    ['0099-06-15T00:00:00Z', -59028739200000],
  ])('reads %s as %i', (text, ms) => {
    expect(parseInstant(text)._unsafeUnwrap()).toBe(ms);
  });

  it.each([
    '2026-02-29T00:00:00Z',
    '2100-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-12-31T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+00:01',
    '9999-12-31T23:59:59-00:01',
    '2026-01-01T00:00:00+24:00',
    '2026-01-01T00:00:00+01:60',
    '2026-01-01T00:00:00',
    '2026-01-01',
    '2026-01-01 00:00:00Z',
    '2026-01-01t00:00:00Z',
    '2026-01-01T00:00:00z',
    '2026-01-01T00:00:00+0100',
    '2026-01-01T00:00:00+01',
    '2026-01-01T00:00Z',
    '2026-01-01T00:00:00.Z',
    '2026-01-01T00:00:00.1234567890Z',
    '2026-01-01T00:00:00,5Z',
    '+02026-01-01T00:00:00Z',
    '10000-01-01T00:00:00Z',
    '26-01-01T00:00:00Z',
    ' 2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00Z ',
    '２０２６-01-01T00:00:00Z',
    '',
  ])('refuses %j as invalid_instant with the path', (text) => {
    expect(parseInstant(text, ['sale', 'at'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'invalid_instant',
      message: expect.any(String),
      path: ['sale', 'at'],
    });
  });

  it.each([null, undefined, 0, 1772366400000, {}, new Date(0)])(
    'refuses the non-string %j as invalid_field (type before syntax)',
    (v) => {
      expect(parseInstant(v)._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [],
      });
    },
  );
});

describe('instant', () => {
  it('accepts integer milliseconds within the years 0001 to 9999', () => {
    expect(instant(0)._unsafeUnwrap()).toBe(0);
    expect(instant(MIN_INSTANT)._unsafeUnwrap()).toBe(-62135596800000);
    expect(instant(MAX_INSTANT)._unsafeUnwrap()).toBe(253402300799999);
    expect(Object.is(instant(-0)._unsafeUnwrap(), 0)).toBe(true);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, -62135596800001, 253402300800000])(
    'refuses %d as invalid_instant with the path',
    (ms) => {
      expect(instant(ms, ['t'])._unsafeUnwrapErr()[0]).toEqual({
        code: 'invalid_instant',
        message: expect.any(String),
        path: ['t'],
      });
    },
  );
});

describe('formatInstant', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [1772366400000, '2026-03-01T12:00:00.000Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [-62135596800000, '0001-01-01T00:00:00.000Z'],
    [253402300799999, '9999-12-31T23:59:59.999Z'],
    [951868799123, '2000-02-29T23:59:59.123Z'],
    [-59028739200000, '0099-06-15T00:00:00.000Z'],
  ])('prints %i as %s', (ms, text) => {
    expect(formatInstant(ms as Instant)).toBe(text);
  });
});

describe('the calendar', () => {
  // Every year 0001–9999 at the days where a calendar goes wrong (the turn of the year, the
  // end of February, 1 March), against Date, an independent implementation of the proleptic
  // Gregorian calendar (setUTCFullYear, unlike Date.UTC, does not map 0–99 to 1900–1999).
  const probes = (): Array<readonly [number, string]> => {
    const out: Array<readonly [number, string]> = [];
    for (let year = 1; year <= 9999; year++) {
      for (const [month, day] of [
        [1, 1],
        [2, 28],
        [2, 29],
        [3, 1],
        [12, 31],
      ] as const) {
        const d = new Date(0);
        d.setUTCFullYear(year, month - 1, day);
        if (d.getUTCMonth() === month - 1) out.push([d.getTime(), d.toISOString()]);
      }
    }
    return out;
  };

  it('prints and reads back the edges of every year as Date does', () => {
    const all = probes();
    expect(all.length).toBe(9999 * 4 + 2424); // 2,424 leap years from 0004 to 9996
    for (const [ms, text] of all) {
      expect(formatInstant(ms as Instant)).toBe(text);
      expect(parseInstant(text)._unsafeUnwrap()).toBe(ms);
    }
  });

  it('gives April, June, September and November 30 days, the other months but February 31', () => {
    for (const month of ['04', '06', '09', '11']) {
      expect(parseInstant(`2026-${month}-30T00:00:00Z`).isOk()).toBe(true);
      expect(parseInstant(`2026-${month}-31T00:00:00Z`)._unsafeUnwrapErr()[0].message).toMatch(
        /no such date$/,
      );
    }
    for (const month of ['01', '03', '05', '07', '08', '10', '12']) {
      expect(parseInstant(`2026-${month}-31T00:00:00Z`).isOk()).toBe(true);
    }
  });

  it('refuses a written year 0000 even when its offset puts the instant in 0001 in UTC', () => {
    // the specification: an instant's year is 0001 to 9999; 0000-12-31T23:00:00-01:00 is 0001-01-01 in UTC.
    expect(parseInstant('0000-12-31T23:00:00-01:00')._unsafeUnwrapErr()[0].message).toBe(
      '"0000-12-31T23:00:00-01:00" is not a valid instant: the year is before 0001',
    );
  });

  it.each(['2026-01-01T00:00:00+01:00Z', '2026-01-01T00:00:00+01:0x', '2026-01-01T00:00:00+01;00'])(
    'refuses the offset of %j as not ±HH:MM',
    (text) => {
      expect(parseInstant(text)._unsafeUnwrapErr()[0].message).toBe(
        `${JSON.stringify(text)} is not a valid instant: expected YYYY-MM-DDTHH:MM:SS[.fraction] with Z or ±HH:MM`,
      );
    },
  );

  it('reports an instant out of range at the root when no path is given', () => {
    expect(instant(1.5)._unsafeUnwrapErr()[0].path).toEqual([]);
  });
});

describe('the errors of parseInstant and instant', () => {
  it('name the input and say why it is not an instant, one reason per problem', () => {
    const message = (input: unknown) => parseInstant(input)._unsafeUnwrapErr()[0].message;
    const inputs = [
      '2026-01-01',
      '0000-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:00+24:00',
      '9999-12-31T23:59:59-00:01',
    ];
    const messages = inputs.map(message);
    inputs.forEach((input, i) => {
      expect(messages[i]).toContain(JSON.stringify(input));
      // The reason comes after the input and a colon, and is never empty.
      expect(messages[i]?.split(': ').at(-1)?.trim()).not.toBe('');
    });
    // Six problems, six reasons.
    expect(new Set(messages.map((m, i) => m.replace(JSON.stringify(inputs[i]), ''))).size).toBe(6);
    // A value that is not a string: its type, with the right article, and null named as null.
    expect(message(20260101)).toMatch(
      /^expected an instant string such as "2026-03-01T12:00:00Z", got a number$/,
    );
    expect(message({})).toMatch(/, got an object$/);
    expect(message([])).toMatch(/, got an array$/);
    expect(message(undefined)).toMatch(/, got an undefined$/);
    expect(message(null)).toMatch(/, got null$/);
    expect(message(1n)).toMatch(/, got a bigint$/);
    expect(instant(1.5)._unsafeUnwrapErr()[0].message).toContain('0001');
    expect(instant(1.5)._unsafeUnwrapErr()[0].message).toContain('9999');
  });
});
