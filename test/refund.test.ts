import { describe, expect, it } from 'vitest';
import type { Refund } from '../src/model/sale';
import { dhondt, refundAll, refundSale } from '../src/refunds/refund';
import type { Settlement, SettlementLine } from '../src/settle/settlement';
import type { AccountId } from '../src/values/account';
import { type Instant, parseInstant } from '../src/values/instant';
import { cur, pct } from './arbitraries/settlement';

const BRL = cur('BRL');
const USD = cur('USD');
const t = (iso: string): Instant => parseInstant(iso)._unsafeUnwrap();

/** The settlement of specification §8: 197.00 BRL = 20.50 + 70.60 + 21.18 + 84.72. */
const spec8: Settlement = Object.freeze({
  saleId: 's1',
  productId: 'p1',
  at: t('2026-03-01T12:00:00Z'),
  currency: BRL,
  price: 19700n,
  platformFee: 2050n,
  feeOrigin: Object.freeze({ kind: 'sale' as const }),
  net: 17650n,
  base: 10590n,
  minRetainedPercent: pct(30),
  lines: Object.freeze<SettlementLine[]>([
    { role: 'platform', account: null, amount: 2050n, exactUnits: 2050n, exactScale: 2 },
    {
      role: 'affiliate',
      account: 'leo@example.com' as AccountId,
      percent: pct(40),
      amount: 7060n,
      exactUnits: 7060n,
      exactScale: 2,
    },
    {
      role: 'cocreator',
      account: 'bia@example.com' as AccountId,
      contractId: 'c1',
      percent: pct(20),
      amount: 2118n,
      exactUnits: 2118n,
      exactScale: 2,
    },
    {
      role: 'main-creator',
      account: 'ana@example.com' as AccountId,
      amount: 8472n,
      exactUnits: 8472n,
      exactScale: 2,
    },
  ]),
});

const refundOf = (id: string, iso: string, amount: bigint, currency = BRL): Refund =>
  Object.freeze({ id, at: t(iso), amount: Object.freeze({ amount, currency }) });

const amounts = (r: { lines: ReadonlyArray<{ amount: bigint }> }) => r.lines.map((l) => l.amount);

describe('refundSale', () => {
  describe('the worked example of specification §8', () => {
    it('reverses 50.00 of 197.00 as -5.20, -17.92, -5.37, -21.51', () => {
      // By hand, D'Hondt of X = 5000 over w = (2050, 7060, 2118, 8472), P = 19700:
      //   floors w·X/P: 10250000/19700 = 520.30 -> 520; 35300000/19700 = 1791.88 -> 1791;
      //                 10590000/19700 = 537.56 -> 537; 42360000/19700 = 2150.25 -> 2150
      //   sum 4998, 2 units left. Priorities w/(a+1):
      //     2050/521 = 3.93474, 7060/1792 = 3.93973, 2118/538 = 3.93680, 8472/2151 = 3.93863
      //   unit 1 -> affiliate (3.93973); its next is 7060/1793 = 3.93753
      //   unit 2 -> main creator (3.93863 beats 3.93753, 3.93680, 3.93474)
      //   a = (520, 1792, 537, 2151), sum 5000.
      const reversal = refundSale(spec8, [], refundOf('r1', '2026-03-05T00:00:00Z', 5000n));
      expect(amounts(reversal._unsafeUnwrap())).toEqual([-520n, -1792n, -537n, -2151n]);
    });

    it('keeps each line identity: role, account, contract id and percent', () => {
      const reversal = refundSale(spec8, [], refundOf('r1', '2026-03-05T00:00:00Z', 5000n));
      expect(reversal._unsafeUnwrap()).toEqual({
        refundId: 'r1',
        saleId: 's1',
        at: t('2026-03-05T00:00:00Z'),
        currency: BRL,
        amount: 5000n,
        refundedTotal: 5000n,
        lines: [
          { role: 'platform', account: null, amount: -520n },
          { role: 'affiliate', account: 'leo@example.com', percent: pct(40), amount: -1792n },
          {
            role: 'cocreator',
            account: 'bia@example.com',
            contractId: 'c1',
            percent: pct(20),
            amount: -537n,
          },
          { role: 'main-creator', account: 'ana@example.com', amount: -2151n },
        ],
      });
    });

    it('reverses the rest of the sale exactly with a second refund of 147.00', () => {
      const first = refundOf('r1', '2026-03-05T00:00:00Z', 5000n);
      const second = refundSale(spec8, [first], refundOf('r2', '2026-03-06T00:00:00Z', 14700n));
      // What the first refund left on each line: 2050-520, 7060-1792, 2118-537, 8472-2151.
      expect(amounts(second._unsafeUnwrap())).toEqual([-1530n, -5268n, -1581n, -6321n]);
      expect(second._unsafeUnwrap().refundedTotal).toBe(19700n);
    });
  });

  it('reverses a full refund as the exact negation of the settlement', () => {
    const reversal = refundSale(spec8, [], refundOf('r1', '2026-03-01T12:00:00Z', 19700n));
    expect(amounts(reversal._unsafeUnwrap())).toEqual([-2050n, -7060n, -2118n, -8472n]);
  });

  it('gives a unit to the earlier line when two lines tie', () => {
    expect(dhondt([100n, 100n], 200n, 1n)).toEqual([1n, 0n]);
    // floors 1 and 1, then 100/2 = 100/2: the earlier line again.
    expect(dhondt([100n, 100n], 200n, 3n)).toEqual([2n, 1n]);
  });

  it('may give one line several of the units left after the floors (D’Hondt, not quota)', () => {
    // w = (97, 1, 1, 1), P = 100, X = 4: floors (3, 0, 0, 0), 1 unit left, priorities
    // 97/4 = 24.25 against 1/1: the large line takes it, 4 = ceil(3.88) + 0.
    expect(dhondt([97n, 1n, 1n, 1n], 100n, 4n)).toEqual([4n, 0n, 0n, 0n]);
    // w = (5, 5, 90), P = 100, X = 10: floors (0, 0, 9), 1 left: 5/1 = 5 against 90/10 = 9.
    expect(dhondt([5n, 5n, 90n], 100n, 10n)).toEqual([0n, 0n, 10n]);
  });

  it('never touches a zero line', () => {
    expect(dhondt([0n, 3n, 0n], 3n, 2n)).toEqual([0n, 2n, 0n]);
    // floors (0, 2, 0, 0), 1 left: 3/3 = 1/1 tie, the earlier line; the zeros never.
    expect(dhondt([0n, 3n, 0n, 1n], 4n, 3n)).toEqual([0n, 3n, 0n, 0n]);
  });

  describe('refuses', () => {
    it('a refund that takes the total past the price, at the refund amount', () => {
      const previous = [refundOf('r1', '2026-03-05T00:00:00Z', 19000n)];
      const result = refundSale(spec8, previous, refundOf('r2', '2026-03-06T00:00:00Z', 701n), [
        'refunds',
        1,
      ]);
      expect(result._unsafeUnwrapErr()[0]).toEqual({
        code: 'refund_exceeds_price',
        message: expect.any(String),
        path: ['refunds', 1, 'amount', 'amount'],
        refunded: '197.01',
        price: '197.00',
      });
    });

    it('a refund dated before the sale', () => {
      const result = refundSale(spec8, [], refundOf('r1', '2026-03-01T11:59:59.999Z', 100n));
      expect(result._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'refund_before_sale',
        path: ['at'],
      });
    });

    it('a refund dated before the refund before it', () => {
      const previous = [refundOf('r1', '2026-03-05T00:00:00Z', 100n)];
      const result = refundSale(spec8, previous, refundOf('r2', '2026-03-04T00:00:00Z', 100n));
      expect(result._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'events_out_of_order',
        path: ['at'],
      });
    });

    it('a refund in another currency', () => {
      const result = refundSale(spec8, [], refundOf('r1', '2026-03-05T00:00:00Z', 100n, USD));
      expect(result._unsafeUnwrapErr()[0]).toEqual({
        code: 'currency_mismatch',
        message: expect.any(String),
        path: ['amount', 'currency'],
        expected: 'BRL',
        actual: 'USD',
      });
    });

    it('a refund of nothing', () => {
      const result = refundSale(spec8, [], refundOf('r1', '2026-03-05T00:00:00Z', 0n));
      expect(result._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_amount',
        path: ['amount', 'amount'],
      });
    });

    it('a refund id already used for the sale', () => {
      const previous = [refundOf('r1', '2026-03-05T00:00:00Z', 100n)];
      const result = refundSale(spec8, previous, refundOf('r1', '2026-03-06T00:00:00Z', 100n));
      expect(result._unsafeUnwrapErr()[0]).toMatchObject({ code: 'invalid_field', path: ['id'] });
    });

    it('a value that is not a settlement, without throwing', () => {
      const result = refundSale(
        null as unknown as Settlement,
        [],
        refundOf('r1', '2026-03-05T00:00:00Z', 1n),
      );
      expect(result._unsafeUnwrapErr()[0].code).toBe('invalid_field');
    });

    it('a settlement whose line identity is forged, which its reversal would copy', () => {
      const forge = (index: number, patch: Record<string, unknown>) =>
        ({
          ...spec8,
          lines: spec8.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)),
        }) as unknown as Settlement;
      const refund1 = refundOf('r1', '2026-03-05T00:00:00Z', 1n);
      const roles = spec8.lines.map((line) => line.role);
      const at = (role: string) => roles.indexOf(role as never);
      for (const forged of [
        forge(at('platform'), { account: 'x@example.com' }),
        forge(at('affiliate'), { percent: '40' }),
        forge(at('cocreator'), { account: ['bia@example.com'] }),
        forge(at('cocreator'), { contractId: 1 }),
        forge(at('main-creator'), { account: null }),
      ]) {
        expect(refundSale(forged, [], refund1)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
      }
    });
  });

  it('accepts a refund at the instant of the sale, and two refunds at one instant', () => {
    const first = refundOf('r1', '2026-03-01T12:00:00Z', 100n);
    expect(refundSale(spec8, [], first).isOk()).toBe(true);
    expect(refundSale(spec8, [first], refundOf('r2', '2026-03-01T12:00:00Z', 100n)).isOk()).toBe(
      true,
    );
  });
});

describe('refundAll', () => {
  it('applies refunds in order, each on the cumulative total', () => {
    const reversals = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 5000n),
      refundOf('r2', '2026-03-06T00:00:00Z', 14700n),
    ])._unsafeUnwrap();
    expect(reversals.map(amounts)).toEqual([
      [-520n, -1792n, -537n, -2151n],
      [-1530n, -5268n, -1581n, -6321n],
    ]);
    expect(reversals.map((r) => r.refundedTotal)).toEqual([5000n, 19700n]);
  });

  it('returns no reversal for no refund', () => {
    expect(refundAll(spec8, [])._unsafeUnwrap()).toEqual([]);
  });

  it('reports a repeated id alone: it is stage 1, and the rules of the refunds wait for it', () => {
    const errors = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 10000n),
      refundOf('r1', '2026-03-06T00:00:00Z', 100n),
      refundOf('r3', '2026-02-01T00:00:00Z', 100n),
    ])._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([['invalid_field', ['refunds', 1, 'id']]]);
  });

  it('reports every problem, each at its refund, and leaves refunds with their own error out of the running total', () => {
    // The sale: 2026-03-01T12:00Z, 197.00 BRL.
    const errors = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 10000n), // counted: 100.00
      refundOf('r2', '2026-02-01T00:00:00Z', 100n), // before the sale: left out
      refundOf('r3', '2026-03-04T00:00:00Z', 100n), // before r1: left out
      refundOf('r4', '2026-03-07T00:00:00Z', 100n, USD), // another currency: left out
      refundOf('r5', '2026-03-07T00:00:00Z', 9700n), // counted: 197.00, not past the price
      refundOf('r6', '2026-03-08T00:00:00Z', 1n), // counted: 197.01
      refundOf('r7', '2026-03-09T00:00:00Z', 1n), // counted: 197.02
    ])._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['refund_before_sale', ['refunds', 1, 'at']],
      ['events_out_of_order', ['refunds', 2, 'at']],
      ['currency_mismatch', ['refunds', 3, 'amount', 'currency']],
      ['refund_exceeds_price', ['refunds', 5, 'amount', 'amount']],
      ['refund_exceeds_price', ['refunds', 6, 'amount', 'amount']],
    ]);
    expect(errors[3]).toMatchObject({ refunded: '197.01', price: '197.00' });
    expect(errors[4]).toMatchObject({ refunded: '197.02', price: '197.00' });
  });

  it('reads a refund as out of order against every refund listed before it, errors and all', () => {
    // r2 is in another currency (left out of the total) but still sets the order.
    const errors = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 100n),
      refundOf('r2', '2026-03-07T00:00:00Z', 100n, USD),
      refundOf('r3', '2026-03-06T00:00:00Z', 100n),
    ])._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['currency_mismatch', ['refunds', 1, 'amount', 'currency']],
      ['events_out_of_order', ['refunds', 2, 'at']],
    ]);
  });

  it('puts refunds under the path it is given', () => {
    const errors = refundAll(
      spec8,
      [refundOf('r1', '2026-03-05T00:00:00Z', 19701n)],
      ['sales', 3, 'refunds'],
    )._unsafeUnwrapErr();
    expect(errors[0].path).toEqual(['sales', 3, 'refunds', 0, 'amount', 'amount']);
  });

  it('freezes every reversal and line', () => {
    const [reversal] = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 5000n),
    ])._unsafeUnwrap();
    expect(Object.isFrozen(reversal)).toBe(true);
    expect(Object.isFrozen(reversal?.lines)).toBe(true);
    expect(reversal?.lines.every((l) => Object.isFrozen(l))).toBe(true);
  });
});

describe('refunds against the refunds before them', () => {
  it('refundSale reads the order from the latest previous refund, not the first', () => {
    const previous = [
      refundOf('r1', '2026-03-03T00:00:00Z', 100n),
      refundOf('r2', '2026-03-05T00:00:00Z', 100n),
    ];
    expect(
      refundSale(
        spec8,
        previous,
        refundOf('r3', '2026-03-04T00:00:00Z', 100n),
      )._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'events_out_of_order', path: ['at'] });
    expect(refundSale(spec8, previous, refundOf('r3', '2026-03-05T00:00:00Z', 100n)).isOk()).toBe(
      true,
    );
  });

  it('refundSale refuses previous refunds that are not refunds, and an id one of them used', () => {
    const good = refundOf('r1', '2026-03-03T00:00:00Z', 100n);
    const bad = { ...good, amount: { amount: '1.00', currency: BRL } } as unknown as Refund;
    expect(
      refundSale(spec8, [bad], refundOf('r2', '2026-03-04T00:00:00Z', 100n))._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'invalid_field', path: [] });
    expect(
      refundSale(spec8, [good], refundOf('r1', '2026-03-04T00:00:00Z', 100n))._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'invalid_field', path: ['id'] });
  });

  it('refundAll keeps refunds before 1970 in order (instants below 0)', () => {
    const old = { ...spec8, at: t('1960-03-01T12:00:00Z') };
    const refunds = [
      refundOf('r1', '1960-03-02T00:00:00Z', 100n),
      refundOf('r2', '1960-03-03T00:00:00Z', 100n),
    ];
    expect(refundAll(old, refunds).isOk()).toBe(true);
    expect(refundSale(old, refunds.slice(0, 1), refunds[1] as Refund).isOk()).toBe(true);
  });

  it('refundAll does not count a refund in another currency toward the price', () => {
    const refunds = [
      refundOf('r1', '2026-03-05T00:00:00Z', 100n, USD),
      refundOf('r2', '2026-03-06T00:00:00Z', spec8.price),
    ];
    const errors = refundAll(spec8, refunds)._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['currency_mismatch', ['refunds', 0, 'amount', 'currency']],
    ]);
  });
});

describe('refundAll on a sparse list', () => {
  it('refuses refunds that are not a list, at the path of the list', () => {
    const errors = refundAll(spec8, 'r1' as never)._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([['invalid_field', ['refunds']]]);
  });

  it('refuses each hole as a refund that is missing, instead of throwing', () => {
    const holes = new Array<Refund>(2);
    holes[1] = refundOf('r1', '2026-03-05T00:00:00Z', 100n);
    const errors = refundAll(spec8, holes)._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path])).toEqual([['invalid_field', ['refunds', 0]]]);
  });
});

describe('the settlement a refund is checked against', () => {
  const refund1 = refundOf('r1', '2026-03-05T00:00:00Z', 1n);
  const forged = (patch: Record<string, unknown>) =>
    ({ ...spec8, ...patch }) as unknown as Settlement;
  const withLine = (index: number, line: unknown) =>
    forged({ lines: spec8.lines.map((l, i) => (i === index ? line : l)) });

  it('is refused when its sale id, instant or price is not of its type, at the root', () => {
    for (const settlement of [
      forged({ saleId: 1 }),
      forged({ saleId: undefined }),
      forged({ at: '2026-03-01T12:00:00Z' }),
      forged({ at: 1n }),
    ]) {
      expect(refundSale(settlement, [], refund1)._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [],
      });
      expect(refundAll(settlement, [refund1])._unsafeUnwrapErr()).toEqual([
        expect.objectContaining({ code: 'invalid_field', path: [] }),
      ]);
    }
  });

  it('is refused, without throwing, when a line is not an object or its amount not a bigint', () => {
    for (const settlement of [
      withLine(0, null),
      withLine(1, 7060),
      withLine(1, { ...spec8.lines[1], amount: 7060 }),
      withLine(1, { ...spec8.lines[1], amount: '70.60' }),
      // A function carrying the fields of a line is not a line.
      withLine(
        0,
        Object.assign(() => 0, spec8.lines[0]),
      ),
    ]) {
      expect(refundSale(settlement, [], refund1)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
      expect(refundAll(settlement, [refund1])._unsafeUnwrapErr()[0]?.code).toBe('invalid_field');
    }
  });

  it('is refused when a line is negative, even if the lines still sum to the price', () => {
    // 9120 - 10 + 2118 + 8472 = 19700: the sum holds, but no party is ever paid below 0.
    const settlement = forged({
      lines: [
        { ...spec8.lines[0], amount: 9120n },
        { ...spec8.lines[1], amount: -10n },
        spec8.lines[2],
        spec8.lines[3],
      ],
    });
    expect(refundSale(settlement, [], refund1)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
  });
});

describe('reversal lines', () => {
  it('carry exactly the fields of their role, no other key', () => {
    const reversal = refundSale(
      spec8,
      [],
      refundOf('r1', '2026-03-05T00:00:00Z', 5000n),
    )._unsafeUnwrap();
    expect(reversal.lines.map((l) => Object.keys(l).sort())).toEqual([
      ['account', 'amount', 'role'],
      ['account', 'amount', 'percent', 'role'],
      ['account', 'amount', 'contractId', 'percent', 'role'],
      ['account', 'amount', 'role'],
    ]);
  });
});

describe('refundSale against previous refunds', () => {
  it('refuses previous refunds that are not a list, without throwing', () => {
    for (const previous of [null, undefined, 5, {}]) {
      const error = refundSale(
        spec8,
        previous as never,
        refundOf('r1', '2026-03-05T00:00:00Z', 100n),
      )._unsafeUnwrapErr()[0];
      expect(error).toMatchObject({ code: 'invalid_field', path: [] });
      expect(error.message).toContain('previous refunds');
    }
  });

  it('orders a refund after the latest previous refund even when they are given unsorted', () => {
    // The previous refunds are trusted, not checked for order: the latest is 03-05 whatever
    // its position, so a refund on 03-04 comes before a refund already applied.
    const previous = [
      refundOf('r1', '2026-03-05T00:00:00Z', 100n),
      refundOf('r2', '2026-03-03T00:00:00Z', 100n),
    ];
    expect(
      refundSale(
        spec8,
        previous,
        refundOf('r3', '2026-03-04T00:00:00Z', 100n),
      )._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'events_out_of_order', path: ['at'] });
  });
});

describe('refundSale: the running total of the previous refunds', () => {
  it('counts the previous refunds as refundAll does: not one before the sale, out of order or in another currency', () => {
    // The sale is 197.00 BRL on 2026-03-01T12:00Z.
    const previous = [
      refundOf('r1', '2026-03-03T00:00:00Z', 1000n), // counted: 10.00
      refundOf('r2', '2026-02-01T00:00:00Z', 10000n), // before the sale
      refundOf('r3', '2026-03-04T00:00:00Z', 10000n, USD), // another currency
      refundOf('r4', '2026-03-02T00:00:00Z', 10000n), // out of order
    ];
    const rest = refundOf('r5', '2026-03-05T00:00:00Z', 18700n);
    expect(refundSale(spec8, previous, rest)._unsafeUnwrap().refundedTotal).toBe(19700n);
    expect(
      refundSale(
        spec8,
        previous,
        refundOf('r5', '2026-03-05T00:00:00Z', 18701n),
      )._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'refund_exceeds_price', path: ['amount', 'amount'] });
    const all = refundAll(spec8, [...previous, rest])._unsafeUnwrapErr();
    expect(all.map((e) => e.path[1])).toEqual([1, 2, 3]);
  });

  it('reports a refund amount of 0 and an id used before as stage 1, before the rules of the sale', () => {
    const zero = {
      ...refundOf('r1', '2026-02-01T00:00:00Z', 1n, USD),
      amount: { amount: 0n, currency: USD },
    };
    expect(refundSale(spec8, [], zero)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_amount',
      path: ['amount', 'amount'],
    });
    expect(
      refundAll(spec8, [zero])
        ._unsafeUnwrapErr()
        .map((e) => e.code),
    ).toEqual(['invalid_amount']);
  });
});

describe('the errors of a refund', () => {
  it('say in their message what is wrong, naming the values involved', () => {
    const message = (previous: Refund[], r: Refund) =>
      refundSale(spec8, previous, r)._unsafeUnwrapErr()[0].message;
    const mismatch = message([], refundOf('r1', '2026-03-05T00:00:00Z', 100n, USD));
    expect(mismatch).toContain('USD');
    expect(mismatch).toContain('BRL');
    const reused = message(
      [refundOf('r1', '2026-03-05T00:00:00Z', 100n)],
      refundOf('r1', '2026-03-06T00:00:00Z', 100n),
    );
    expect(reused).toContain('"r1"');
    const over = message(
      [refundOf('r1', '2026-03-05T00:00:00Z', 19000n)],
      refundOf('r2', '2026-03-06T00:00:00Z', 701n),
    );
    // 190.00 + 7.01 = 197.01, over the price of 197.00.
    expect(over).toContain('197.01');
    expect(over).toContain('197.00');
    for (const text of [
      message([], refundOf('r1', '2026-03-05T00:00:00Z', 0n)),
      message([], refundOf('r1', '2026-03-01T11:00:00Z', 100n)),
      message(
        [refundOf('r1', '2026-03-05T00:00:00Z', 100n)],
        refundOf('r2', '2026-03-04T00:00:00Z', 100n),
      ),
    ]) {
      expect(text.trim()).not.toBe('');
    }
    expect(
      refundSale(
        null as never,
        [],
        refundOf('r1', '2026-03-05T00:00:00Z', 1n),
      )._unsafeUnwrapErr()[0].path,
    ).toEqual([]);
  });

  it('do not compare with the price an amount in another currency', () => {
    // 999.99 USD is not more than 197.00 BRL: the amounts are not comparable, so the only
    // problem is the currency.
    const errors = refundAll(spec8, [
      refundOf('r1', '2026-03-05T00:00:00Z', 99999n, USD),
    ])._unsafeUnwrapErr();
    expect(errors.map((e) => e.code)).toEqual(['currency_mismatch']);
    expect(
      refundSale(
        spec8,
        [],
        refundOf('r1', '2026-03-05T00:00:00Z', 99999n, USD),
      )._unsafeUnwrapErr()[0].code,
    ).toBe('currency_mismatch');
  });
});
