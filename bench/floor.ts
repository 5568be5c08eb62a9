/**
 * Not a competitor but a measuring stick: the kernel's arithmetic wrapped in the library's
 * output shape (a frozen settlement of frozen lines, amounts as `bigint`), without validation
 * and with each exact share as the bigint of its numerator (untrimmed). What any settler returning that type must pay at least;
 * the distance from it to the compiled settler is the library's own overhead.
 */
import type { PlainSale, ScaledPercent, Split } from './fixtures';

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** The shape of a settlement line, as far as the floor fills it. */
export interface FloorLine {
  readonly role: string;
  readonly account: string | null;
  readonly amount: bigint;
  readonly exactUnits: bigint;
  readonly exactScale: number;
}

/** Settles one sale into the library's output shape. */
export type FloorSettle = (sale: PlainSale) => { readonly lines: ReadonlyArray<FloorLine> };

/**
 * Prepares the floor for one product's percents.
 *
 * @param percents - the cocreators' percents, in contract order
 * @returns a function settling one sale
 */
export function compileFloor(percents: ReadonlyArray<ScaledPercent>): FloorSettle {
  const scale = Math.max(0, ...percents.map((p) => p.scale));
  const units = percents.map((p) => p.units * (POW10[scale - p.scale] as number));
  const denominator = 100 * (POW10[scale] as number);
  const accounts = percents.map((_, i) => `co${i + 1}@example.com`);
  const contractIds = percents.map((_, i) => `c${i + 1}`);
  const n = units.length;
  const rest = units.reduce((r, u) => r - u, denominator);
  return (sale) => {
    const fee = BigInt(sale.fee);
    const lines: FloorLine[] = [
      Object.freeze({
        role: 'platform',
        account: null,
        amount: fee,
        exactUnits: fee,
        exactScale: 2,
      }),
    ];
    const net = sale.price - sale.fee;
    let affiliate = 0;
    const a = sale.affiliate;
    if (a !== null) {
      const x = net * a.units;
      const d = 100 * (POW10[a.scale] as number);
      affiliate = (x - (x % d)) / d;
      lines.push(
        Object.freeze({
          role: 'affiliate',
          account: 'leo@example.com',
          percent: a,
          amount: BigInt(affiliate),
          exactUnits: BigInt(x),
          exactScale: a.scale + 4,
        }),
      );
    }
    const base = net - affiliate;
    let main = base;
    for (let i = 0; i < n; i++) {
      const x = base * (units[i] as number);
      const share = (x - (x % denominator)) / denominator;
      main -= share;
      lines.push(
        Object.freeze({
          role: 'cocreator',
          account: accounts[i] as string,
          contractId: contractIds[i] as string,
          percent: percents[i],
          amount: BigInt(share),
          exactUnits: BigInt(x),
          exactScale: scale + 4,
        }),
      );
    }
    lines.push(
      Object.freeze({
        role: 'main-creator',
        account: 'ana@example.com',
        amount: BigInt(main),
        exactUnits: BigInt(base * rest),
        exactScale: scale + 4,
      }),
    );
    return Object.freeze({
      price: BigInt(sale.price),
      platformFee: fee,
      net: BigInt(net),
      base: BigInt(base),
      lines: Object.freeze(lines),
    });
  };
}

/** The floor's output as a comparable {@link Split}. */
export function floorSplit(settlement: { readonly lines: ReadonlyArray<FloorLine> }): Split {
  const lines = settlement.lines;
  const amounts = lines.map((l) => l.amount);
  if (lines[1]?.role !== 'affiliate') amounts.splice(1, 0, 0n);
  return amounts;
}
