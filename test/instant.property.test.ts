import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../src/errors';
import {
  formatInstant,
  instant,
  MAX_INSTANT,
  MIN_INSTANT,
  parseInstant,
} from '../src/values/instant';

const anyInstant = fc
  .integer({ min: MIN_INSTANT, max: MAX_INSTANT })
  .map((ms) => instant(ms)._unsafeUnwrap());
const two = (n: number) => String(n).padStart(2, '0');

/** The expected epoch ms of a local time and offset, by `Date`'s own calendar (an oracle). */
function viaDate(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number,
): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return date.getTime() - offsetMinutes * 60_000;
}

describe('instant', () => {
  it('parses what it prints, over the whole year range', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        expect(parseInstant(formatInstant(t))._unsafeUnwrap()).toBe(t);
      }),
    );
    for (const t of [MIN_INSTANT, MAX_INSTANT]) {
      expect(parseInstant(formatInstant(t))._unsafeUnwrap()).toBe(t);
    }
  });

  it('prints like Date#toISOString, with a four-digit year', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        expect(formatInstant(t)).toBe(new Date(t).toISOString());
      }),
    );
  });

  it('orders printed instants as it orders the instants', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, (a, b) => {
        const [x, y] = [formatInstant(a), formatInstant(b)];
        expect(Math.sign(a - b)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
  });

  it('reads every real date and time with any offset, as the calendar says', () => {
    fc.assert(
      fc.property(
        fc.record({
          // Century years and month ends are where calendars go wrong, so draw them often.
          y: fc.oneof(
            fc.integer({ min: 1, max: 9999 }),
            fc.integer({ min: 1, max: 99 }).map((c) => c * 100),
            fc.constantFrom(1, 9999),
          ),
          mo: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(2)),
          d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.integer({ min: 0, max: 59 }),
          fraction: fc.stringMatching(/^[0-9]{0,9}$/),
          offset: fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
        }),
        ({ y, mo, d, h, mi, s, fraction, offset }) => {
          const zone =
            offset === null
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
          const frac = fraction === '' ? '' : `.${fraction}`;
          const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${frac}${zone}`;
          const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
          const expected = viaDate(y, mo, d, h, mi, s, ms, offset ?? 0);
          const parsed = parseInstant(text, ['at']);
          if (expected === undefined || expected < MIN_INSTANT || expected > MAX_INSTANT) {
            expect(parsed._unsafeUnwrapErr()[0]).toMatchObject({
              code: 'invalid_instant',
              path: ['at'],
            });
          } else {
            expect(parsed._unsafeUnwrap()).toBe(expected);
          }
        },
      ),
    );
  });

  it('never throws on any input, and returns invalid_instant for a string, invalid_field for anything else, at the given path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string()), fc.array(fc.nat()), (input, path) => {
        const result = parseInstant(input, path);
        if (result.isErr()) {
          expect(isErrorCode(result.error[0].code)).toBe(true);
          const code = typeof input === 'string' ? 'invalid_instant' : 'invalid_field';
          expect(result.error[0]).toMatchObject({ code, path });
          expect(Object.isFrozen(result.error)).toBe(true);
        } else {
          expect(Number.isInteger(result.value)).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = instant(input as number);
        expect(result.isOk() || result.error[0].code === 'invalid_instant').toBe(true);
      }),
    );
  });
});
