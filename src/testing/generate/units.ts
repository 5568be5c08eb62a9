/**
 * How the generators model numbers: percents as integers of millionths of a percent, amounts
 * as integers of minor units in the currencies drawn. Internal to the testing kit.
 */

/** Percents are modelled as integers of millionths of a percent (6 places, the specification's maximum). */
export const SCALE = 6;
export const ONE_PERCENT = 10n ** BigInt(SCALE);
export const HUNDRED = 100n * ONE_PERCENT;

/** Currencies drawn, with their ISO 4217 exponents (one of each exponent at least). */
export const CURRENCIES: readonly [readonly [string, number], ...(readonly [string, number])[]] = [
  ['BRL', 2],
  ['USD', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['EUR', 2],
  ['CLP', 0],
  ['CLF', 4],
];

export function minBig(a: bigint, b: bigint): bigint {
  // Stryker disable next-line EqualityOperator: equal values are the same value (contributing/mutation.md)
  return a < b ? a : b;
}
