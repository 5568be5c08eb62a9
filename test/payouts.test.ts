import { describe, expect, it } from 'vitest';
import { contract } from '../src/contracts/read';
import { settleTotals } from '../src/ledger/payouts';
import { product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { type Sale, sale } from '../src/model/sale';
import { compileSettler, type Settler } from '../src/settle/compile';
import { floorDivides } from '../src/settle/safe';
import { type Domain, validateDomain } from '../src/validate/domain';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const LEO = 'leo@example.com';

/** Product p1 of Ana with Bia as a 10 % cocreator from Jan 2nd, under Hotmart's policy. */
function domainWithBia(): Domain {
  const bia = contract({
    id: 'c1',
    productId: 'p1',
    cocreator: BIA,
    events: [
      { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms: { percent: '10' } },
      { type: 'accepted', at: '2026-01-02T00:00:00Z', by: BIA },
    ],
  })._unsafeUnwrap();
  return validateDomain({
    policy: policy('hotmart')._unsafeUnwrap(),
    product: product({ id: 'p1', mainCreator: ANA })._unsafeUnwrap(),
    contracts: [bia],
  })._unsafeUnwrap();
}

/** Specification §5.1's sale: USD 100.00, fee 10.40, affiliate Leo at 35 %. */
function workedSale(id: string, at = '2026-03-01T12:00:00Z'): Sale {
  return sale({
    id,
    productId: 'p1',
    at,
    price: { amount: '100.00', currency: 'USD' },
    platformFee: { amount: '10.40', currency: 'USD' },
    affiliate: { account: LEO, percent: '35' },
  })._unsafeUnwrap();
}

const rowsOf = (settler: Settler, sales: ReadonlyArray<Sale>, period?: (s: Sale) => string) =>
  settleTotals(settler, sales, period === undefined ? {} : { period })
    ._unsafeUnwrap()
    .rows.map((r) => [r.period, r.role, r.account, r.settled, r.settlementLines]);

describe('settleTotals', () => {
  describe('on specification §5.1 (10.40 / 31.36 / 5.82 / 52.42)', () => {
    it('sums the worked example of two sales into one row per role and account', () => {
      const settler = compileSettler(domainWithBia());
      expect(rowsOf(settler, [workedSale('s1'), workedSale('s2')])).toEqual([
        [null, 'platform', null, 2080n, 2],
        [null, 'affiliate', LEO, 6272n, 2],
        [null, 'cocreator', BIA, 1164n, 2],
        [null, 'main-creator', ANA, 10484n, 2],
      ]);
    });

    it('keeps one row per period when asked', () => {
      const settler = compileSettler(domainWithBia());
      const month = (s: Sale) => new Date(s.at).toISOString().slice(0, 7);
      const sales = [workedSale('s1'), workedSale('s2', '2026-04-01T00:00:00Z')];
      expect(rowsOf(settler, sales, month)).toEqual([
        ['2026-03', 'platform', null, 1040n, 1],
        ['2026-03', 'affiliate', LEO, 3136n, 1],
        ['2026-03', 'cocreator', BIA, 582n, 1],
        ['2026-03', 'main-creator', ANA, 5242n, 1],
        ['2026-04', 'platform', null, 1040n, 1],
        ['2026-04', 'affiliate', LEO, 3136n, 1],
        ['2026-04', 'cocreator', BIA, 582n, 1],
        ['2026-04', 'main-creator', ANA, 5242n, 1],
      ]);
    });

    it('counts none of two versions of one sale id, and lists them as a conflict', () => {
      const settler = compileSettler(domainWithBia());
      const other = { ...workedSale('s1'), price: { ...workedSale('s1').price, amount: 20000n } };
      const totals = settleTotals(settler, [workedSale('s1'), other, workedSale('s2')]);
      expect(totals._unsafeUnwrap().conflicts.map((c) => [c.saleId, c.versions.length])).toEqual([
        ['s1', 2],
      ]);
      expect(totals._unsafeUnwrap().rows.map((r) => r.settled)).toEqual([
        1040n,
        3136n,
        582n,
        5242n,
      ]);
    });
  });

  it('adds amounts past 2^53 exactly: three sales of 2^53 - 1 yen', () => {
    const settler = compileSettler(domainWithBia());
    const yen = (id: string) =>
      sale({
        id,
        productId: 'p1',
        at: '2025-12-01T00:00:00Z',
        price: { amount: String(2 ** 53 - 1), currency: 'JPY' },
      })._unsafeUnwrap();
    // Before Bia's contract: no fee, no cocreator, the main creator takes every yen.
    expect(rowsOf(settler, [yen('a'), yen('b'), yen('c')])).toEqual([
      [null, 'platform', null, 0n, 3],
      [null, 'main-creator', ANA, 27021597764222973n, 3],
    ]);
  });

  it('answers every sale of a settler compiled from an invalid domain with its errors', () => {
    const invalid = { ...domainWithBia(), product: { id: '', mainCreator: ANA } } as Domain;
    const settler = compileSettler(invalid);
    const errors = settler.settle(workedSale('s1'))._unsafeUnwrapErr();
    const totals = settleTotals(settler, [workedSale('s1'), workedSale('s2')])._unsafeUnwrap();
    expect(totals.refused).toEqual([
      { index: 0, errors },
      { index: 1, errors },
    ]);
    expect(totals.rows).toEqual([]);
  });

  it('compiles a settler it did not make from its domain, whatever its settle function says', () => {
    const domain = domainWithBia();
    const made = { domain, settle: () => ({}) } as unknown as Settler;
    expect(settleTotals(made, [workedSale('s1')])).toEqual(
      settleTotals(compileSettler(domain), [workedSale('s1')]),
    );
    const refused = settleTotals(null as unknown as Settler, [workedSale('s1')])._unsafeUnwrap();
    expect(refused.refused[0]?.errors[0]?.code).toBe('invalid_field');
  });

  describe('refuses', () => {
    const settler = compileSettler(domainWithBia());

    it('a batch that is not a list', () => {
      expect(settleTotals(settler, 's1' as never)._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [],
      });
    });

    it('a period option that is not a function', () => {
      const answer = settleTotals(settler, [], { period: '2026-03' as never });
      expect(answer._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: ['period'],
      });
    });

    it('the batch when the period function throws, at the index of the sale', () => {
      const bad = { ...workedSale('s0'), productId: 'p2' };
      const answer = settleTotals(settler, [bad, workedSale('s1')], {
        period: () => {
          throw new Error('no period');
        },
      });
      // The refused sale at 0 is never given to the period function. The words are those
      // docs/decisions.md quotes ("Never throwing").
      expect(answer._unsafeUnwrapErr()).toEqual([
        { code: 'invalid_field', message: 'the period function threw on this sale', path: [1] },
      ]);
    });

    it('the batch when the period function answers something else than a string', () => {
      const answer = settleTotals(settler, [workedSale('s1')], { period: () => 3 as never });
      expect(answer._unsafeUnwrapErr()[0]).toMatchObject({ code: 'invalid_field', path: [0] });
    });

    it('the batch when the period function throws on a repeated sale the second time round', () => {
      let calls = 0;
      const answer = settleTotals(settler, [workedSale('s1'), workedSale('s1')], {
        period: () => {
          calls += 1;
          if (calls > 2) throw new Error('impure');
          return '2026-03';
        },
      });
      expect(answer._unsafeUnwrapErr()[0]).toMatchObject({ code: 'invalid_field', path: [0] });
    });
  });
});

describe('floorDivides', () => {
  it('floors exactly at the edges of safe integers', () => {
    const cases: Array<[number, number]> = [
      [2 ** 53 - 1, 1],
      [2 ** 53 - 1, 2],
      [2 ** 53 - 1, 3],
      [2 ** 53 - 2, 2 ** 53 - 1],
      [2 ** 53 - 1, 2 ** 53 - 1],
      [2 ** 53 - 1, 10_000],
      [2 ** 53 - 2, 100_000_000],
      [0, 7],
    ];
    for (const [x, d] of cases) {
      expect(floorDivides(x, d)).toBe(Number(BigInt(x) / BigInt(d)));
    }
  });
});
