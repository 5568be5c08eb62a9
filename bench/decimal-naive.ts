/**
 * The naive decimal.js settlement: amounts in major units as `Decimal`, multiply by the percent,
 * round down to cents, and give the main creator what is left. What most hand-written payment
 * code looks like.
 */
import Decimal from 'decimal.js';
import type { PlainSale, ScaledPercent, Split } from './fixtures';
import { amountText } from './fixtures';

/** A private constructor: enough precision that no product here is ever rounded. */
const D = Decimal.clone({ precision: 40 });
type Dec = InstanceType<typeof D>;
const ZERO = new D(0);

/** A sale as decimals, built before timing (the library gets parsed sales too). */
export interface DecimalSale {
  readonly price: Dec;
  readonly fee: Dec;
  readonly affiliate: Dec | null;
}

/** Settles one sale: `[fee, affiliate, ...cocreators, main]` in major units. */
export type DecimalSettle = (sale: DecimalSale) => Dec[];

/**
 * Converts a plain sale into decimals (two-decimal currencies only).
 *
 * @param sale - the plain sale
 * @returns the sale as `Decimal`s in major units
 */
export function decimalSale(sale: PlainSale): DecimalSale {
  return {
    price: new D(amountText(sale.price)),
    fee: new D(amountText(sale.fee)),
    affiliate: sale.affiliate === null ? null : new D(sale.affiliate.text),
  };
}

/**
 * Prepares the naive decimal.js settlement for one product's percents.
 *
 * @param percents - the cocreators' percents, in contract order
 * @param exponent - the currency's exponent (decimals kept on each commission)
 * @returns a function settling one sale
 */
export function compileDecimalNaive(
  percents: ReadonlyArray<ScaledPercent>,
  exponent: number,
): DecimalSettle {
  const ps = percents.map((p) => new D(p.text));
  return (sale) => {
    const net = sale.price.minus(sale.fee);
    const affiliate =
      sale.affiliate === null
        ? ZERO
        : net.times(sale.affiliate).div(100).toDecimalPlaces(exponent, D.ROUND_DOWN);
    const base = net.minus(affiliate);
    const out: Dec[] = [sale.fee, affiliate];
    let paid = ZERO;
    for (const p of ps) {
      const c = base.times(p).div(100).toDecimalPlaces(exponent, D.ROUND_DOWN);
      out.push(c);
      paid = paid.plus(c);
    }
    out.push(base.minus(paid));
    return out;
  };
}

/** The decimal.js output as a comparable {@link Split} in minor units. */
export function decimalSplit(out: ReadonlyArray<Dec>, exponent: number): Split {
  return out.map((d) => {
    const minor = d.times(10 ** exponent);
    if (!minor.isInteger()) throw new Error(`decimal: ${d.toString()} has sub-minor digits`);
    return BigInt(minor.toFixed(0));
  });
}
