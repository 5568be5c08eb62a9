import { describe, expect, it } from 'vitest';
import { formatInstant } from '../src/instant';
import { formatPercent } from '../src/percent';
import { refund, sale } from '../src/sale';

const base = {
  id: 's1',
  productId: 'p1',
  at: '2026-03-01T09:00:00-03:00',
  price: { amount: '197.00', currency: 'BRL' },
};

const codes = (result: ReturnType<typeof sale> | ReturnType<typeof refund>) =>
  result._unsafeUnwrapErr().map((e) => [e.code, e.path]);

describe('sale', () => {
  it('reads the sale of SPEC section 8', () => {
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

  it('refuses a fee in another currency than the price', () => {
    const result = sale({ ...base, platformFee: { amount: '1', currency: 'USD' } }, ['sale']);
    expect(result._unsafeUnwrapErr()).toEqual([
      {
        code: 'currency_mismatch',
        message: expect.any(String),
        path: ['sale', 'platformFee', 'currency'],
        expected: 'BRL',
        actual: 'USD',
      },
    ]);
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
    // The syntax needs no currency; only the precision does (SPEC 7: every problem found).
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
      codes(refund({ ...r, amount: { amount: '0.00', currency: 'BRL' } }, ['refunds', 2])),
    ).toEqual([['invalid_amount', ['refunds', 2, 'amount', 'amount']]]);
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
