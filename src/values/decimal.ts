/**
 * The one decimal printer: a scaled integer (`units / 10^scale`) as decimal text. Amounts,
 * percents (shortest or as written), exact shares and the testing helpers all print through
 * it, so that a number is spelled the same way wherever it appears.
 */

/**
 * Prints `units / 10^scale` as a decimal: a `-` before a negative value, the whole part with
 * no leading zeros (`0` when below one), then the decimals, trailing zeros dropped but at least
 * `minDecimals` kept (none kept and no point when they are all zeros). With the default
 * `minDecimals` (= `scale`) every decimal is printed: `formatDecimal(-520n, 2)` is `"-5.20"`,
 * `formatDecimal(2000n, 2, 0)` is `"20"`. Internal: not part of the package API.
 *
 * @param units - the scaled integer (a `number` must be a safe integer)
 * @param scale - the number of decimal places of `units`, a non-negative integer
 * @param minDecimals - the fewest decimals printed (default `scale`; above `scale` prints
 *   `scale`)
 * @returns the decimal text, e.g. `"0.005"`, `"12.5"`, `"7"`
 *
 * @internal
 */
export function formatDecimal(
  units: bigint | number,
  scale: number,
  minDecimals: number = scale,
): string {
  if (units < 0) return `-${formatDecimal(-units, scale, minDecimals)}`;
  let digits = String(units);
  // Stryker disable next-line ConditionalExpression: the general slicing below prints the same text
  if (scale === 0) return digits;
  // Stryker disable next-line ConditionalExpression: padding a long enough string changes nothing
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const minEnd = cut + minDecimals;
  let end = digits.length;
  while (end > minEnd && digits.charCodeAt(end - 1) === 48) end--;
  return end === cut ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
}
