/**
 * The number road's arithmetic: the compiled settler works in safe-integer `number`s
 * whenever every product fits below 2^53, and these say when that holds and divide exactly.
 */

/** 2^53 − 1, the largest safe integer. @internal */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** {@link MAX_SAFE} as a bigint. @internal */
export const MAX_SAFE_BIG = BigInt(MAX_SAFE);

/**
 * 10^k as a number for k ≤ 22 (each exact), read from a table: `10 ** k` costs a call to
 * `Math.pow` on the hot path. Not part of the package API.
 *
 * @internal
 */
export const POW10: ReadonlyArray<number> = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * ⌊x / d⌋ for integers 0 ≤ x ≤ 2^53 − 1 and d ≥ 1, exactly, by one division (the split's
 * shares; `(x - x % d) / d` costs a slower `%`). Why it is exact: let q = x / d and k = ⌊q⌋.
 * The division rounds to nearest, so the result is within q × 2^-53 = x / (d × 2^53) < 1/d
 * of q. When d divides x, q = k is a double and is the result; otherwise q − k ≥ 1/d and
 * k + 1 − q ≥ 1/d, so the result lies strictly between k and k + 1. A property test checks it
 * at the bounds. Not part of the package API.
 *
 * @internal
 */
export function floorDivides(x: number, d: number): number {
  return Math.floor(x / d);
}

/** A non-negative bigint as a number when it is a safe integer, else -1. @internal */
// Stryker disable next-line BlockStatement: picks the number or the bigint road, which give the same result (contributing/mutation.md)
export function safeNumber(value: bigint): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: units past 2^53 mean 14+ decimals (p <= 100), whose safeWhole is 0: the bigint road
  return value <= MAX_SAFE_BIG ? Number(value) : -1;
}

/** 100 × 10^scale as a number when it is a safe integer, else 0. @internal */
// Stryker disable next-line BlockStatement: picks the number or the bigint road, which give the same result (contributing/mutation.md)
export function safeWhole(scale: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past 13 decimals the numerator stays below 100 x 10^scale, so the quotient is 0 either way
  return scale <= 13 ? 100 * (POW10[scale] as number) : 0;
}
