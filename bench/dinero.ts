/**
 * dinero.js v2 (`number` calculator, its default) computing specification §5 with `allocate`.
 *
 * Ratios are the percents as fractions of one (`12.5 %` is `{ amount: 1250, scale: 4 }`) plus
 * the rest, so `allocate` works at a scale fine enough to be exact (no leftover to hand out);
 * each commission is then rounded down to cents with `transformScale(…, down)`, and the main
 * creator gets the base less the commissions, as specification §5 says. Percents written as
 * ratios with their own scale (`{ amount: 1250, scale: 2 }`) would let `allocate` hand
 * leftover units to the largest ratios first and pay a cocreator a cent the the specification gives the
 * main creator.
 */
import {
  add,
  allocate,
  BRL,
  type Dinero,
  dinero,
  down,
  subtract,
  transformScale,
  USD,
} from 'dinero.js';
import type { PlainSale, ScaledPercent, Split } from './fixtures';

type Ratio = { readonly amount: number; readonly scale: number };
type Money = Dinero<number>;

const CURRENCIES = { BRL, USD } as const;

/** A sale as dinero.js values, built before timing (the library gets parsed sales too). */
export interface DineroSale {
  readonly price: Money;
  readonly fee: Money;
  /** `[affiliate, rest]` as ratios, `null` for a direct sale. */
  readonly affiliate: ReadonlyArray<Ratio> | null;
}

/** Settles one sale: `[fee, affiliate, ...cocreators, main]`. */
export type DineroSettle = (sale: DineroSale) => Money[];

function fractionOfOne(p: ScaledPercent): Ratio {
  return { amount: p.units, scale: p.scale + 2 };
}

/** The percents as ratios of one, and the remainder to one at the largest scale. */
function ratiosWithRest(percents: ReadonlyArray<ScaledPercent>): Ratio[] {
  const ratios = percents.map(fractionOfOne);
  const scale = Math.max(2, ...ratios.map((r) => r.scale));
  const taken = ratios.reduce((sum, r) => sum + r.amount * 10 ** (scale - r.scale), 0);
  return [...ratios, { amount: 10 ** scale - taken, scale }];
}

/**
 * Converts a plain sale into dinero.js values.
 *
 * @param sale - the plain sale
 * @param currency - `'BRL'` or `'USD'`
 * @returns the sale as dinero objects and ratios
 */
export function dineroSale(sale: PlainSale, currency: string): DineroSale {
  const c = CURRENCIES[currency as keyof typeof CURRENCIES];
  return {
    price: dinero({ amount: sale.price, currency: c }),
    fee: dinero({ amount: sale.fee, currency: c }),
    affiliate: sale.affiliate === null ? null : ratiosWithRest([sale.affiliate]),
  };
}

/**
 * Prepares the dinero.js settlement for one product's percents.
 *
 * @param percents - the cocreators' percents, in contract order
 * @param exponent - the currency's exponent (the scale of a minor unit)
 * @returns a function settling one sale
 */
export function compileDinero(
  percents: ReadonlyArray<ScaledPercent>,
  exponent: number,
): DineroSettle {
  const ratios = ratiosWithRest(percents);
  const n = percents.length;
  return (sale) => {
    const net = subtract(sale.price, sale.fee);
    let affiliate = subtract(net, net);
    let base = net;
    if (sale.affiliate !== null) {
      const [share] = allocate(net, sale.affiliate as Ratio[]);
      affiliate = transformScale(share as Money, exponent, down);
      base = subtract(net, affiliate);
    }
    const shares = allocate(base, ratios);
    const out: Money[] = [sale.fee, affiliate];
    let paid = subtract(base, base);
    for (let i = 0; i < n; i++) {
      const c = transformScale(shares[i] as Money, exponent, down);
      out.push(c);
      paid = add(paid, c);
    }
    out.push(subtract(base, paid));
    return out;
  };
}

/** The dinero.js output as a comparable {@link Split} (every amount at the currency's scale). */
export function dineroSplit(out: ReadonlyArray<Money>, exponent: number): Split {
  return out.map((d) => {
    const { amount, scale } = d.toJSON();
    if (scale !== exponent) throw new Error(`dinero: amount at scale ${scale}, not ${exponent}`);
    return BigInt(amount);
  });
}
