import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors';
import { type Refund, refund, type Sale, sale } from '../src/model/sale';
import { isSaleValue, refundValueIssues, saleValueIssues } from '../src/validate/handmade';
import { currency } from '../src/values/currency';
import { formatInstant, MAX_INSTANT, MIN_INSTANT } from '../src/values/instant';
import { formatPercent } from '../src/values/percent';

const base = {
  id: 's1',
  productId: 'p1',
  at: '2026-03-01T09:00:00-03:00',
  price: { amount: '197.00', currency: 'BRL' },
};

const codes = (result: ReturnType<typeof sale> | ReturnType<typeof refund>) =>
  result._unsafeUnwrapErr().map((e) => [e.code, e.path]);

describe('sale', () => {
  it('reads the sale of specification §8', () => {
    const s = sale(
      {
        ...base,
        platformFee: { amount: '20.50', currency: 'BRL' },
        affiliate: { account: ' Leo@Example.com ', percent: '40', managedBy: 'BIA@example.com' },
      },
      ['sale'],
    )._unsafeUnwrap();
    expect(formatInstant(s.at)).toBe('2026-03-01T12:00:00.000Z');
    expect(s.price.amount).toBe(19700n);
    expect(s.platformFee?.amount).toBe(2050n);
    expect(s.affiliate?.account).toBe('leo@example.com');
    expect(s.affiliate?.managedBy).toBe('bia@example.com');
    expect(formatPercent(s.affiliate?.percent ?? (null as never))).toBe('40');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.affiliate)).toBe(true);
  });

  it('reads absent and null optional fields as none', () => {
    const s = sale({ ...base, platformFee: null, affiliate: null })._unsafeUnwrap();
    expect([s.platformFee, s.affiliate]).toEqual([null, null]);
    const a = sale({
      ...base,
      affiliate: { account: 'leo@example.com', percent: null },
    })._unsafeUnwrap();
    expect(a.affiliate).toEqual({ account: 'leo@example.com', percent: null, managedBy: null });
  });

  it('accepts a price of 0 and affiliate percents with any number of places up to 100', () => {
    expect(sale({ ...base, price: { amount: '0', currency: 'JPY' } }).isOk()).toBe(true);
    for (const percent of ['100', '0.0000001', '99.999999999', 12.5]) {
      expect(sale({ ...base, affiliate: { account: 'leo@example.com', percent } }).isOk()).toBe(
        true,
      );
    }
  });

  it('reads a fee in another currency than the price as written: the mismatch is a rule of settling (specification §7, stage 2a)', () => {
    const result = sale({ ...base, platformFee: { amount: '1', currency: 'USD' } }, ['sale']);
    expect(result._unsafeUnwrap().platformFee).toEqual({
      amount: 100n,
      currency: currency('USD')._unsafeUnwrap(),
    });
  });

  it('refuses an affiliate percent of 0 or above 100', () => {
    for (const percent of ['0', '100.0001', '0.000']) {
      const result = sale({ ...base, affiliate: { account: 'leo@example.com', percent } }, [
        'sale',
      ]);
      expect(result._unsafeUnwrapErr()).toEqual([
        {
          code: 'percent_out_of_range',
          message: expect.any(String),
          path: ['sale', 'affiliate', 'percent'],
          min: '0',
          max: '100',
        },
      ]);
    }
  });

  it('reports every shape problem, each at its path', () => {
    const result = sale(
      {
        id: '',
        at: '2026-02-30T00:00:00Z',
        price: { amount: '1.001', currency: 'BRL' },
        platformFee: { amount: '-1', currency: 'XYZ' },
        affiliate: { percent: 'ten', managedBy: 7, extra: true },
      },
      ['sale'],
    );
    expect(codes(result)).toEqual([
      ['invalid_field', ['sale', 'id']],
      ['invalid_field', ['sale', 'productId']],
      ['invalid_instant', ['sale', 'at']],
      ['amount_precision', ['sale', 'price', 'amount']],
      ['unknown_currency', ['sale', 'platformFee', 'currency']],
      ['invalid_amount', ['sale', 'platformFee', 'amount']],
      ['invalid_field', ['sale', 'affiliate', 'extra']],
      ['invalid_field', ['sale', 'affiliate', 'account']],
      ['invalid_percent', ['sale', 'affiliate', 'percent']],
      ['invalid_field', ['sale', 'affiliate', 'managedBy']],
    ]);
  });

  it('checks the syntax of an amount even when its currency is missing or unknown', () => {
    // The syntax needs no currency; only the precision does (specification §7: every problem found).
    expect(codes(sale({ ...base, price: { amount: '-x' } }))).toEqual([
      ['invalid_field', ['price', 'currency']],
      ['invalid_amount', ['price', 'amount']],
    ]);
    expect(codes(sale({ ...base, price: { amount: '-x', currency: 'XYZ' } }))).toEqual([
      ['unknown_currency', ['price', 'currency']],
      ['invalid_amount', ['price', 'amount']],
    ]);
    // A well-formed amount cannot be judged further without its currency.
    expect(codes(sale({ ...base, price: { amount: '1.001', currency: 'XYZ' } }))).toEqual([
      ['unknown_currency', ['price', 'currency']],
    ]);
  });

  it('says in each message what it expected', () => {
    const messages = (value: unknown) =>
      sale(value)
        ._unsafeUnwrapErr()
        .map((e) => [e.path.join('.'), e.message]);
    expect(messages(7)).toEqual([['', 'expected a sale']]);
    expect(messages({ ...base, price: 'free', affiliate: 'leo' })).toEqual([
      ['price', 'expected an amount object'],
      ['affiliate', 'expected an affiliate'],
    ]);
    expect(messages({ ...base, at: 1 })).toEqual([
      ['at', 'expected an instant string such as "2026-03-01T12:00:00Z", got a number'],
    ]);
  });

  it('reports a missing instant once, as a missing field', () => {
    const { at: _, ...withoutInstant } = base;
    expect(sale(withoutInstant)._unsafeUnwrapErr()).toEqual([
      { code: 'invalid_field', message: '"at" is required', path: ['at'] },
    ]);
  });

  it('refuses a value that is not an object, and unknown keys', () => {
    expect(codes(sale([], ['sale']))).toEqual([['invalid_field', ['sale']]]);
    expect(codes(sale({ ...base, currency: 'BRL' }))).toEqual([['invalid_field', ['currency']]]);
    expect(codes(sale({ ...base, price: { amount: '1' } }))).toEqual([
      ['invalid_field', ['price', 'currency']],
    ]);
    expect(codes(sale({ ...base, price: { currency: 'XYZ' } }))).toEqual([
      ['invalid_field', ['price', 'amount']],
      ['unknown_currency', ['price', 'currency']],
    ]);
  });
});

describe('refund', () => {
  const r = { id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '50.00', currency: 'BRL' } };

  it('reads a refund', () => {
    const parsed = refund(r)._unsafeUnwrap();
    expect(parsed).toEqual({
      id: 'r1',
      at: parsed.at,
      amount: { amount: 5000n, currency: parsed.amount.currency },
    });
    expect(formatInstant(parsed.at)).toBe('2026-03-05T00:00:00.000Z');
    expect(Object.isFrozen(parsed)).toBe(true);
  });

  it('refuses an amount of 0', () => {
    expect(
      refund({ ...r, amount: { amount: '0.00', currency: 'BRL' } }, [
        'refunds',
        2,
      ])._unsafeUnwrapErr(),
    ).toEqual([
      {
        code: 'invalid_amount',
        message: 'a refund amount is above 0',
        path: ['refunds', 2, 'amount', 'amount'],
      },
    ]);
  });

  it('reports a missing amount once, as a missing field', () => {
    expect(refund({ id: 'r1', at: r.at })._unsafeUnwrapErr()).toEqual([
      { code: 'invalid_field', message: '"amount" is required', path: ['amount'] },
    ]);
    expect(refund('r1')._unsafeUnwrapErr()[0]?.message).toBe('expected a refund');
  });

  it('reports every shape problem', () => {
    expect(codes(refund({ at: 'yesterday', amount: 5, note: 'x' }, ['refunds', 0]))).toEqual([
      ['invalid_field', ['refunds', 0, 'note']],
      ['invalid_field', ['refunds', 0, 'id']],
      ['invalid_instant', ['refunds', 0, 'at']],
      ['invalid_field', ['refunds', 0, 'amount']],
    ]);
    expect(codes(refund(null))).toEqual([['invalid_field', []]]);
  });
});

// Sales and refunds built in code, or in JavaScript around the types, are checked before use
// (settleSale, the compiled settler, refundSale): isSaleValue is the allocation-free guard,
// saleValueIssues and refundValueIssues say what is wrong and where.
describe('the checks of sale and refund values built by hand', () => {
  const BRL = currency('BRL')._unsafeUnwrap();
  const USD = currency('USD')._unsafeUnwrap();
  const valid: Sale = sale({
    ...base,
    platformFee: { amount: '10.00', currency: 'BRL' },
    affiliate: { account: 'leo@example.com', percent: '40', managedBy: 'ana@example.com' },
  })._unsafeUnwrap();
  const affiliate = valid.affiliate as NonNullable<Sale['affiliate']>;
  const brief = (issues: readonly DomainError[]) =>
    issues.map((e) => [e.code, e.path.join('.'), e.message]);

  it('accepts a sale read from the wire, and its edge values', () => {
    const accepted: unknown[] = [
      valid,
      { ...valid, platformFee: null, affiliate: null },
      { ...valid, at: MIN_INSTANT },
      { ...valid, at: MAX_INSTANT },
      { ...valid, price: { amount: 0n, currency: BRL } },
      { ...valid, affiliate: { ...affiliate, percent: null, managedBy: null } },
    ];
    for (const value of accepted) {
      expect(isSaleValue(value)).toBe(true);
      expect(saleValueIssues(value, ['sale'])).toEqual([]);
    }
  });

  const cases: ReadonlyArray<readonly [string, unknown, ReadonlyArray<readonly string[]>]> = [
    ['a sale that is not an object', [valid], [['invalid_field', 'sale', 'expected a sale']]],
    ['a null sale', null, [['invalid_field', 'sale', 'expected a sale']]],
    [
      'an empty id',
      { ...valid, id: '' },
      [['invalid_field', 'sale.id', 'expected a non-empty string']],
    ],
    [
      'a product id that is not a string',
      { ...valid, productId: 7 },
      [['invalid_field', 'sale.productId', 'expected a non-empty string']],
    ],
    [
      'an instant that is not a whole number',
      { ...valid, at: 1.5 },
      [['invalid_instant', 'sale.at', 'expected an Instant']],
    ],
    [
      'an instant before the year 1',
      { ...valid, at: MIN_INSTANT - 1 },
      [['invalid_instant', 'sale.at', 'expected an Instant']],
    ],
    [
      'an instant after the year 9999',
      { ...valid, at: MAX_INSTANT + 1 },
      [['invalid_instant', 'sale.at', 'expected an Instant']],
    ],
    [
      'an instant written as text',
      { ...valid, at: '2026-03-01T12:00:00Z' },
      [['invalid_instant', 'sale.at', 'expected an Instant']],
    ],
    [
      'a negative price',
      { ...valid, price: { amount: -1n, currency: BRL } },
      [['invalid_field', 'sale.price', 'expected money of at least 0']],
    ],
    [
      'a price whose amount is a number',
      { ...valid, platformFee: null, price: { amount: 100, currency: BRL } },
      [['invalid_field', 'sale.price', 'expected money of at least 0']],
    ],
    [
      'a price whose currency is only a code',
      { ...valid, platformFee: null, price: { amount: 100n, currency: 'BRL' } },
      [['invalid_field', 'sale.price', 'expected money of at least 0']],
    ],
    [
      'a fee that is not money',
      { ...valid, platformFee: 10n },
      [['invalid_field', 'sale.platformFee', 'expected null or money of at least 0']],
    ],
    [
      'an affiliate that is not an object',
      { ...valid, affiliate: 'leo@example.com' },
      [['invalid_field', 'sale.affiliate', 'expected null or an affiliate']],
    ],
    [
      'an affiliate without an account',
      { ...valid, affiliate: { ...affiliate, account: '' } },
      [['invalid_field', 'sale.affiliate.account', 'expected an account id']],
    ],
    [
      'an affiliate percent that is not a percent',
      { ...valid, affiliate: { ...affiliate, percent: { units: -1n, scale: 0 } } },
      [['invalid_field', 'sale.affiliate.percent', 'expected null or a percent']],
    ],
    [
      'an affiliate manager that is not an account id',
      { ...valid, affiliate: { ...affiliate, managedBy: '' } },
      [['invalid_field', 'sale.affiliate.managedBy', 'expected null or an account id']],
    ],
    [
      'everything at once',
      { id: 1, productId: '', at: null, price: null, platformFee: 'x', affiliate: [] },
      [
        ['invalid_field', 'sale.id', 'expected a non-empty string'],
        ['invalid_field', 'sale.productId', 'expected a non-empty string'],
        ['invalid_instant', 'sale.at', 'expected an Instant'],
        ['invalid_field', 'sale.price', 'expected money of at least 0'],
        ['invalid_field', 'sale.platformFee', 'expected null or money of at least 0'],
        ['invalid_field', 'sale.affiliate', 'expected null or an affiliate'],
      ],
    ],
  ];

  it.each(cases)('refuses %s, saying what and where', (_, value, expected) => {
    expect(isSaleValue(value)).toBe(false);
    expect(brief(saleValueIssues(value, ['sale']))).toEqual(expected);
  });

  it('takes a fee in another currency for a sale value: settling reports the mismatch', () => {
    const other = { ...valid, platformFee: { amount: 1n, currency: USD } };
    expect(isSaleValue(other)).toBe(true);
    expect(saleValueIssues(other, [])).toEqual([]);
  });

  it('accepts a refund read from the wire, and refuses each field that is not what it reads', () => {
    const r: Refund = refund({
      id: 'r1',
      at: '2026-03-05T00:00:00Z',
      amount: { amount: '50.00', currency: 'BRL' },
    })._unsafeUnwrap();
    expect(refundValueIssues(r, ['refunds', 0])).toEqual([]);
    expect(brief(refundValueIssues('r1', ['refunds', 0]))).toEqual([
      ['invalid_field', 'refunds.0', 'expected a refund'],
    ]);
    expect(brief(refundValueIssues({ ...r, id: '' }, ['refunds', 0]))).toEqual([
      ['invalid_field', 'refunds.0.id', 'expected a non-empty string'],
    ]);
    expect(brief(refundValueIssues({ ...r, at: MAX_INSTANT + 1 }, ['refunds', 0]))).toEqual([
      ['invalid_instant', 'refunds.0.at', 'expected an Instant'],
    ]);
    expect(brief(refundValueIssues({ ...r, amount: 5000n }, ['refunds', 0]))).toEqual([
      ['invalid_field', 'refunds.0.amount', 'expected money'],
    ]);
  });
});
