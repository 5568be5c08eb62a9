import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerOf } from '../src/ledger/entries';
import { type PayoutTotalsOptions, settleTotals } from '../src/ledger/payouts';
import { type Sale, sale } from '../src/model/sale';
import { compileSettler, compileWith, type Settler } from '../src/settle/compile';
import { floorDivides } from '../src/settle/safe';
import type { Settlement } from '../src/settle/settlement';
import { documentJson, saleJson } from '../src/testing/arbitraries';
import { type Domain, validateDomain } from '../src/validate/domain';
import { formatInstant } from '../src/values/instant';
import { parseDocument } from '../src/wire/document';
import { domainArb, saleArb } from './arbitraries/settlement';
import { deepFreeze, expectDeepFrozen } from './fuzz/support';

/** Values typed as sales that are not: the settler refuses them with their shape errors. */
const notASaleArb = (s: Sale): fc.Arbitrary<unknown> =>
  fc.constantFrom(
    null,
    {},
    { ...s, id: '' },
    { ...s, price: { ...s.price, amount: -1n } },
    { ...s, at: 'today' },
    { ...s, affiliate: { account: 'leo@example.com' } },
  );

/**
 * A batch of sales of a domain: valid ones, sales that break a rule, values that are not
 * sales; ids `s1`/`s2` (repeated, with equal or different lines) or one of their own.
 */
function batchArb(domain: Domain): fc.Arbitrary<Sale[]> {
  const one = fc
    .tuple(fc.oneof(saleArb(domain), saleArb(domain, { valid: true })), fc.nat({ max: 9 }))
    .chain(([s, pick]) =>
      pick === 0 ? notASaleArb(s) : fc.constant(pick <= 5 ? s : { ...s, id: `own${pick}` }),
    );
  return fc
    .array(one, { maxLength: 12 })
    .map((sales) =>
      sales.map((s, i) =>
        typeof s === 'object' && s !== null && (s as Sale).id?.startsWith('own')
          ? { ...(s as Sale), id: `own-${i}` }
          : s,
      ),
    ) as fc.Arbitrary<Sale[]>;
}

/** The period functions a caller may pass: none, the month, the day, one per sale, `null`. */
const periodArb: fc.Arbitrary<((s: Sale) => string | null) | undefined> = fc.constantFrom(
  undefined,
  (s: Sale) => formatInstant(s.at).slice(0, 7),
  (s: Sale) => formatInstant(s.at).slice(0, 10),
  (s: Sale) => `${s.id}`,
  () => null,
);

/** The two roads of the compiled settler: the instant index, and the scan of every history. */
const settlerArb = (domain: Domain): fc.Arbitrary<Settler> =>
  fc.constantFrom(compileSettler(domain), compileWith(domain, 0));

const caseArb = domainArb.chain((domain) =>
  fc.record({
    settler: settlerArb(domain),
    sales: batchArb(domain),
    period: periodArb,
  }),
);

/** What the slow road gives: a settlement per accepted sale, then `ledgerOf` over them. */
function oneByOne(
  settler: Settler,
  sales: ReadonlyArray<Sale>,
  period: ((s: Sale) => string | null) | undefined,
) {
  const settlements: Settlement[] = [];
  const periods = new Map<Settlement, string | null>();
  const refused: Array<{ index: number; errors: unknown }> = [];
  sales.forEach((s, index) => {
    settler.settle(s).match(
      (settlement) => {
        settlements.push(settlement);
        periods.set(settlement, period === undefined ? null : period(s));
      },
      (errors) => refused.push({ index, errors }),
    );
  });
  const options = period === undefined ? {} : { period: (e: unknown) => periods.get(e as never) };
  return {
    settlements,
    periods,
    refused,
    ledger: ledgerOf(settlements, options as never)._unsafeUnwrap(),
  };
}

const optionsOf = (period: ((s: Sale) => string | null) | undefined): PayoutTotalsOptions =>
  period === undefined ? {} : { period };

describe('settleTotals', () => {
  it('gives exactly the rows and conflicts of ledgerOf over the accepted sales, one by one', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const totals = settleTotals(settler, sales, optionsOf(period))._unsafeUnwrap();
        const { ledger } = oneByOne(settler, sales, period);
        expect(totals.rows).toEqual(ledger.rows);
        expect(totals.conflicts).toEqual(ledger.conflicts);
      }),
    );
  });

  it('refuses exactly the sales the settler refuses, each with the same errors, in batch order', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const totals = settleTotals(settler, sales, optionsOf(period))._unsafeUnwrap();
        expect(totals.refused).toEqual(oneByOne(settler, sales, period).refused);
      }),
    );
  });

  it('counts a sale delivered twice in a batch once, as a ledger does', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const once = settleTotals(settler, sales, optionsOf(period))._unsafeUnwrap();
        const twice = settleTotals(settler, [...sales, ...sales], optionsOf(period));
        expect(twice._unsafeUnwrap().rows).toEqual(once.rows);
      }),
    );
  });

  it('with distinctIds, sums every accepted sale as it comes: ledgerOf over the settlements given ids of their own', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const totals = settleTotals(settler, sales, { ...optionsOf(period), distinctIds: true });
        const { settlements, periods } = oneByOne(settler, sales, period);
        const renamed = new Map(
          settlements.map((s, i) => [{ ...s, saleId: `own-${i}` }, periods.get(s)] as const),
        );
        const own = ledgerOf([...renamed.keys()], {
          period: (e) => renamed.get(e as never) as string,
        })._unsafeUnwrap();
        expect(totals._unsafeUnwrap().rows).toEqual(own.rows);
      }),
    );
  });

  it('gives the same totals with distinctIds when the ids are distinct', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const distinct = sales.map((s, i) =>
          typeof s === 'object' && s !== null ? { ...s, id: `d${i}` } : s,
        );
        const vouched = settleTotals(settler, distinct, {
          ...optionsOf(period),
          distinctIds: true,
        });
        expect(vouched).toEqual(settleTotals(settler, distinct, optionsOf(period)));
      }),
    );
  });

  it('neither mutates its input nor returns anything unfrozen', () => {
    fc.assert(
      fc.property(caseArb, ({ settler, sales, period }) => {
        const before = structuredClone(sales);
        const frozen = deepFreeze(sales);
        const totals = settleTotals(settler, frozen, optionsOf(period));
        expect(sales).toEqual(before);
        expectDeepFrozen(totals._unsafeUnwrap());
      }),
    );
  });
});

describe('settleTotals over settle documents of every policy (cocreation/testing)', () => {
  /**
   * One document's policy, product and contracts, its sale, and more sales of its product
   * (some of which its rules refuse), in every spelling the wire format allows.
   */
  const documentCaseArb = fc
    .tuple(documentJson(), fc.array(saleJson(), { maxLength: 6 }), fc.boolean())
    .map(([doc, more, monthly]) => {
      const parsed = parseDocument(doc)._unsafeUnwrap();
      const { policy, product, contracts } = parsed;
      const extra = more.map((json, i) =>
        sale({ ...json, id: `more-${i % 3}`, productId: product.id })._unsafeUnwrap(),
      );
      return {
        settler: compileSettler(validateDomain({ policy, product, contracts })._unsafeUnwrap()),
        sales: [parsed.sale, ...extra],
        period: monthly ? (s: Sale) => formatInstant(s.at).slice(0, 7) : undefined,
      };
    });

  it('gives the rows, conflicts and refusals of settling each sale and ledgering the settlements', () => {
    fc.assert(
      fc.property(documentCaseArb, ({ settler, sales, period }) => {
        const totals = settleTotals(settler, sales, optionsOf(period))._unsafeUnwrap();
        const expected = oneByOne(settler, sales, period);
        expect(totals.rows).toEqual(expected.ledger.rows);
        expect(totals.conflicts).toEqual(expected.ledger.conflicts);
        expect(totals.refused).toEqual(expected.refused);
        // The document's own sale settles: its main creator always has a row.
        expect(totals.rows.some((r) => r.role === 'main-creator')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('floorDivides', () => {
  it('is the exact floor of x / d for every safe x ≥ 0 and d ≥ 1', () => {
    const safe = fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 2 ** 53 - 10_000, max: 2 ** 53 - 1 }),
      fc.maxSafeNat(),
    );
    const divisor = fc.oneof(
      fc.integer({ min: 1, max: 10 ** 8 }),
      safe.filter((d) => d >= 1),
    );
    fc.assert(
      fc.property(safe, divisor, fc.boolean(), (x, d, multiple) => {
        // Exact multiples of d, and their neighbours, where rounding up would show.
        const m = multiple ? x - (x % d) : x;
        expect(floorDivides(m, d)).toBe(Number(BigInt(m) / BigInt(d)));
      }),
      { numRuns: 2000 },
    );
  });
});
