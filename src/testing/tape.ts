/**
 * A tape of random choices, read left to right. The testing arbitraries draw a tape with
 * fast-check and interpret it into a document that is valid by construction: fast-check
 * shrinks the tape (shorter, smaller numbers), and an exhausted tape reads as 0, which every
 * interpreter maps to its simplest choice. Internal.
 */
import fc from 'fast-check';

/** The arbitrary of raw tapes: up to 800 non-negative 31-bit integers. */
export function tapeValues(): fc.Arbitrary<ReadonlyArray<number>> {
  return fc.array(fc.nat(), { maxLength: 800, size: 'max' });
}

/** A reader of choices; 0 is always the simplest answer. */
export class Tape {
  private index = 0;

  constructor(private readonly values: ReadonlyArray<number>) {}

  private next(): number {
    const value = this.values[this.index];
    this.index += 1;
    return value ?? 0;
  }

  /** An integer from 0 to `n - 1` (0 when `n <= 1`). */
  below(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** An integer from `lo` to `hi`, both included (`lo` when the range is empty). */
  int(lo: number, hi: number): number {
    // An empty range asks `below` for at most one choice, which is 0 and reads nothing.
    return lo + this.below(hi - lo + 1);
  }

  /** A bigint from `lo` to `hi`, both included (`lo` when the range is empty). */
  bigint(lo: bigint, hi: bigint): bigint {
    // Stryker disable next-line EqualityOperator: a range of one value reads nothing either way (contributing/mutation.md)
    if (hi <= lo) return lo;
    const span = hi - lo + 1n;
    let drawn = 0n;
    let room = 1n;
    while (room < span) {
      drawn = drawn * 0x80000000n + BigInt(this.next());
      room *= 0x80000000n;
    }
    return lo + (drawn % span);
  }

  /** `true` about once in `n` draws; `false` on an exhausted tape. */
  oneIn(n: number): boolean {
    return this.below(n) === 1;
  }

  /** One of the items; the first on an exhausted tape. */
  pick<T>(items: readonly [T, ...T[]]): T {
    return items[this.below(items.length)] as T;
  }
}
