/**
 * The tape every `cocreation/testing` generator reads its choices from (internal). Expected
 * values are worked out by hand in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tape, tapeValues } from '../src/testing/tape';

const TWO_31 = 2n ** 31n;

describe('Tape', () => {
  it('reads its values left to right, then 0 once exhausted', () => {
    const tape = new Tape([7, 3]);
    expect([tape.below(10), tape.below(10), tape.below(10), tape.below(10)]).toEqual([7, 3, 0, 0]);
  });

  it('below(n) is the next value modulo n, and reads nothing when there is at most one choice', () => {
    const tape = new Tape([17, 4]);
    expect([tape.below(1), tape.below(0), tape.below(-3)]).toEqual([0, 0, 0]);
    expect(tape.below(5)).toBe(2); // 17 % 5: the first value, untouched by the calls above
    expect(tape.below(3)).toBe(1); // 4 % 3
  });

  it('int(lo, hi) is lo plus the next value modulo the size of the range, lo when it is empty', () => {
    const tape = new Tape([9, 9]);
    expect([tape.int(5, 5), tape.int(5, 2)]).toEqual([5, 5]); // nothing read
    expect(tape.int(-3, 3)).toBe(-1); // -3 + 9 % 7
    expect(tape.int(10, 13)).toBe(11); // 10 + 9 % 4
  });

  it('bigint(lo, hi) reads one 31-bit value per 31 bits of range', () => {
    // A range of exactly 2^31 values takes one value; the next read sees the second.
    const one = new Tape([5, 9]);
    expect(one.bigint(0n, TWO_31 - 1n)).toBe(5n);
    expect(one.below(100)).toBe(9);
    // 2^31 + 1 values take two: (5 * 2^31 + 9) mod (2^31 + 1) = -5 + 9 = 4, as 2^31 ≡ -1.
    expect(new Tape([5, 9]).bigint(0n, TWO_31)).toBe(4n);
    // 2^40 + 1 values: 1 * 2^31 + 2, below the span, added to lo.
    expect(new Tape([1, 2]).bigint(10n, 10n + 2n ** 40n)).toBe(10n + TWO_31 + 2n);
    expect(new Tape([12]).bigint(-2n, 2n)).toBe(0n); // -2 + 12 % 5
  });

  it('bigint(lo, hi) is lo without reading when the range has one value or none', () => {
    const tape = new Tape([4]);
    expect([tape.bigint(5n, 5n), tape.bigint(5n, 4n), tape.bigint(5n, 3n)]).toEqual([5n, 5n, 5n]);
    expect(tape.below(10)).toBe(4);
  });

  it('oneIn(n) is true when the next value is 1 modulo n, always false below 2 choices', () => {
    const tape = new Tape([1, 3, 5]);
    expect(tape.oneIn(3)).toBe(true); // 1 % 3
    expect(tape.oneIn(3)).toBe(false); // 3 % 3
    expect(tape.oneIn(1)).toBe(false); // nothing read
    expect(tape.oneIn(2)).toBe(true); // 5 % 2
    expect(tape.oneIn(2)).toBe(false); // exhausted
  });

  it('pick chooses by the next value, the first item on an exhausted tape', () => {
    const tape = new Tape([5]);
    expect(tape.pick(['a', 'b', 'c'])).toBe('c'); // 5 % 3
    expect(tape.pick(['a', 'b', 'c'])).toBe('a');
    expect(tape.pick(['only'])).toBe('only');
  });
});

describe('tapeValues', () => {
  it('draws up to 800 non-negative 31-bit integers, long tapes included', () => {
    const tapes = fc.sample(tapeValues(), { numRuns: 300, seed: 20_261_126 });
    const lengths = tapes.map((t) => t.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(800);
    // size 'max': tapes long enough for a document with four contracts and three refunds.
    expect(Math.max(...lengths)).toBeGreaterThan(400);
    expect(tapes.flat().every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31)).toBe(true);
    expect(Math.max(...tapes.flat())).toBeGreaterThan(2 ** 30);
  });
});
