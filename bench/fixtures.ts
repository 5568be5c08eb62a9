/**
 * The benchmark's fixtures: one product with a main creator and N cocreators (every contract
 * `all-sales`, accepted before every sale), and a fixed batch of sales of it, an affiliate on
 * every other sale. Deterministic (a fixed LCG), so every run and every competitor settles the
 * same sales. Each fixture comes in the library's wire JSON (specification §8) and in the plain
 * integers the other competitors start from.
 */

/** The cocreator counts measured. */
export const COCREATOR_COUNTS = [1, 5, 20, 100] as const;

/**
 * Distinct sales per fixture. More than V8's number-to-string cache holds (16,384 entries):
 * with a few hundred sales settled over and over, the exact-share strings would come from that
 * cache and flatter any row that prints numbers, which a stream of new sales does not.
 */
export const SALES_PER_FIXTURE = 4096;

/** Sales per task call: the call walks on through the fixture, so timer overhead is amortised. */
export const SALES_PER_BATCH = 256;

/** A percent as integer units at a scale: `{ units: 1250, scale: 2 }` is 12.5 %. */
export interface ScaledPercent {
  readonly units: number;
  readonly scale: number;
  /** As written on the wire, e.g. `"12.50"`. */
  readonly text: string;
}

/** A sale as plain integers: what the dinero.js, decimal.js and kernel competitors start from. */
export interface PlainSale {
  /** Minor units (BRL cents). */
  readonly price: number;
  readonly fee: number;
  /** The affiliate's percent, `null` for a direct sale. */
  readonly affiliate: ScaledPercent | null;
}

/** One fixture: the wire documents and the same data as plain integers. */
export interface Fixture {
  readonly cocreators: number;
  /** ISO 4217 code; every fixture currency has two decimals. */
  readonly currency: string;
  readonly productJson: Record<string, unknown>;
  readonly contractsJson: ReadonlyArray<Record<string, unknown>>;
  readonly salesJson: ReadonlyArray<Record<string, unknown>>;
  readonly percents: ReadonlyArray<ScaledPercent>;
  readonly sales: ReadonlyArray<PlainSale>;
}

const MAIN_CREATOR = 'ana@example.com';
const AFFILIATE = 'leo@example.com';
const AFFILIATE_PERCENTS = ['40', '35.5', '50', '33.33'] as const;

/** A small deterministic generator (Numerical Recipes LCG), exact in `number` arithmetic. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** Minor units as a wire amount with two decimals: `19700` is `"197.00"`. */
export function amountText(minor: number): string {
  const digits = String(minor).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Reads a wire percent into integer units at the scale it is written with. */
export function scaledPercent(text: string): ScaledPercent {
  const [whole = '0', fraction = ''] = text.split('.');
  return { units: Number(whole + fraction), scale: fraction.length, text };
}

/**
 * Percents of N cocreators with two decimals, each at least 0.01 % and together at most 70 %
 * (Hotmart's retention floor of 30 %), varied so that shares round differently.
 */
function cocreatorPercents(n: number): ScaledPercent[] {
  const next = lcg(7919 * n);
  const cap = Math.floor(7000 / n);
  return Array.from({ length: n }, () => {
    const units = 1 + (next() % cap);
    return scaledPercent(amountText(units));
  });
}

/** Builds the fixture for N cocreators. */
export function makeFixture(n: number): Fixture {
  const percents = cocreatorPercents(n);
  const productJson = { id: 'p1', mainCreator: MAIN_CREATOR, affiliateCommission: '40' };
  const contractsJson = percents.map((p, i) => {
    const cocreator = `co${i + 1}@example.com`;
    return {
      id: `c${i + 1}`,
      productId: 'p1',
      cocreator,
      events: [
        {
          type: 'invited',
          at: '2026-01-01T00:00:00Z',
          by: MAIN_CREATOR,
          terms: {
            percent: p.text,
            appliesTo: 'all-sales',
            endsAt: null,
            mayAlsoSellAsAffiliate: false,
          },
        },
        { type: 'accepted', at: '2026-01-02T00:00:00Z', by: cocreator },
      ],
    };
  });

  const next = lcg(104729 + n);
  const sales: PlainSale[] = [];
  const salesJson: Record<string, unknown>[] = [];
  const start = Date.UTC(2026, 2, 1, 12, 0, 0);
  for (let i = 0; i < SALES_PER_FIXTURE; i++) {
    // R$ 5.00 to R$ 5,000.00; the fee is 9.9 % (rounded down) plus R$ 1.00, always below the price.
    const price = 500 + (next() % 499_501);
    const fee = Math.floor((price * 99) / 1000) + 100;
    const affiliateText = i % 2 === 0 ? AFFILIATE_PERCENTS[(i / 2) % 4] : undefined;
    sales.push({
      price,
      fee,
      affiliate: affiliateText === undefined ? null : scaledPercent(affiliateText),
    });
    salesJson.push({
      id: `s${i}`,
      productId: 'p1',
      at: new Date(start + i * 60_000).toISOString(),
      price: { amount: amountText(price), currency: 'BRL' },
      platformFee: { amount: amountText(fee), currency: 'BRL' },
      ...(affiliateText === undefined
        ? {}
        : { affiliate: { account: AFFILIATE, percent: affiliateText } }),
    });
  }
  return {
    cocreators: n,
    currency: 'BRL',
    productJson,
    contractsJson,
    salesJson,
    percents,
    sales,
  };
}

/**
 * A split as comparable integers, whoever computed it: the platform fee, the affiliate (0 on a
 * direct sale), each cocreator in contract order, the main creator.
 */
export type Split = ReadonlyArray<bigint>;

/**
 * specification §5's worked example, whose amounts were computed by hand there: USD 100.00, fee
 * 10.40, affiliate 35 %, one cocreator at 10 %. Every competitor must give {@link WORKED_SPLIT}.
 */
export function workedExample(): Fixture {
  const percent = scaledPercent('10');
  return {
    cocreators: 1,
    currency: 'USD',
    productJson: { id: 'p1', mainCreator: MAIN_CREATOR },
    contractsJson: [
      {
        id: 'c1',
        productId: 'p1',
        cocreator: 'bia@example.com',
        events: [
          {
            type: 'invited',
            at: '2026-01-01T00:00:00Z',
            by: MAIN_CREATOR,
            terms: { percent: '10' },
          },
          { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
        ],
      },
    ],
    salesJson: [
      {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: '100.00', currency: 'USD' },
        platformFee: { amount: '10.40', currency: 'USD' },
        affiliate: { account: AFFILIATE, percent: '35' },
      },
    ],
    percents: [percent],
    sales: [{ price: 10_000, fee: 1040, affiliate: scaledPercent('35') }],
  };
}

/** specification §5: fee 10.40, affiliate 31.36, cocreator 5.82, main creator 52.42. */
export const WORKED_SPLIT: Split = [1040n, 3136n, 582n, 5242n];
