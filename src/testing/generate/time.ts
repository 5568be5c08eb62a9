/** Instants drawn by the generators: steps between events, times of day. Internal. */
import type { Tape } from '../tape';

export const MS_PER_DAY = 86_400_000;

/** A time step: often 0 (events at the same instant) or 1 ms, sometimes days. */
export function gap(tape: Tape): number {
  switch (tape.below(5)) {
    case 1:
      return 1;
    case 2:
      return tape.int(1, 3_600_000);
    case 3:
      return tape.int(1, 30) * MS_PER_DAY + timeOfDay(tape);
    case 4:
      return tape.int(1, 10) * MS_PER_DAY;
    default:
      return 0;
  }
}

/** A time of day in milliseconds. */
export function timeOfDay(tape: Tape): number {
  // Stryker disable next-line ArithmeticOperator: a bound two milliseconds later changes nothing a test can tell (contributing/mutation.md)
  return tape.int(0, MS_PER_DAY - 1);
}

export function positiveGap(tape: Tape): number {
  return Math.max(1, gap(tape));
}
