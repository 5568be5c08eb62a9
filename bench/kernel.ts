/**
 * The limit: specification §5 in bare `number` arithmetic, no validation, no objects but the
 * output array. Every value is a safe integer (prices up to 10^6 minor units times percent
 * units up to 10^4), and `(x - (x % d)) / d` is an exact floor for non-negative safe integers:
 * `%` is exact on doubles and the division of an exact multiple is exact.
 */
import type { PlainSale, ScaledPercent, Split } from './fixtures';

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

function pow10(scale: number): number {
  const p = POW10[scale];
  if (p === undefined) throw new RangeError(`kernel: percent scale ${scale} is not supported`);
  return p;
}

/** Settles one sale: `[fee, affiliate, ...cocreators, main]` in minor units. */
export type KernelSettle = (sale: PlainSale) => number[];

/**
 * Prepares the kernel for one product's percents (aligned once to a common scale).
 *
 * @param percents - the cocreators' percents, in contract order
 * @returns a function settling one sale of that product
 */
export function compileKernel(percents: ReadonlyArray<ScaledPercent>): KernelSettle {
  const scale = Math.max(0, ...percents.map((p) => p.scale));
  const units = percents.map((p) => p.units * pow10(scale - p.scale));
  const denominator = 100 * pow10(scale);
  const n = units.length;
  return (sale) => {
    const out = new Array<number>(n + 3);
    const net = sale.price - sale.fee;
    let affiliate = 0;
    const a = sale.affiliate;
    if (a !== null) {
      const x = net * a.units;
      const d = 100 * pow10(a.scale);
      affiliate = (x - (x % d)) / d;
    }
    const base = net - affiliate;
    let main = base;
    for (let i = 0; i < n; i++) {
      const x = base * (units[i] as number);
      const share = (x - (x % denominator)) / denominator;
      out[i + 2] = share;
      main -= share;
    }
    out[0] = sale.fee;
    out[1] = affiliate;
    out[n + 2] = main;
    return out;
  };
}

/** The kernel's output as a comparable {@link Split}. */
export function kernelSplit(out: ReadonlyArray<number>): Split {
  return out.map((x) => BigInt(x));
}
