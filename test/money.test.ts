import { describe, expect, it } from 'vitest';
import { type Currency, currency } from '../src/values/currency';
import { formatAmount, formatMoney, money, parseAmount, parseMoney } from '../src/values/money';

const cur = (code: string): Currency => currency(code)._unsafeUnwrap();
const BRL = cur('BRL');
const JPY = cur('JPY');
const KWD = cur('KWD');
const CLF = cur('CLF');

describe('money', () => {
  it('makes frozen money from bigint or safe-integer minor units, negatives included', () => {
    const m = money(-520, BRL)._unsafeUnwrap();
    expect(m).toEqual({ amount: -520n, currency: BRL });
    expect(Object.isFrozen(m)).toBe(true);
    expect(money(2n ** 80n, BRL)._unsafeUnwrap().amount).toBe(2n ** 80n);
    expect(money(-0, BRL)._unsafeUnwrap().amount).toBe(0n);
  });

  it.each([0.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the number %d as invalid_amount with the path',
    (n) => {
      expect(money(n, BRL, ['price'])._unsafeUnwrapErr()[0]).toEqual({
        code: 'invalid_amount',
        message: expect.any(String),
        path: ['price'],
      });
    },
  );

  it("refuses a currency whose exponent is not its code's as invalid_field", () => {
    const wrong = { code: 'BRL', exponent: 3 } as unknown as Currency;
    expect(money(1n, wrong, ['x'])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      path: ['x'],
    });
  });

  it('accepts a copy of a currency and returns the same money as with the original, frozen', () => {
    const copy = { code: 'BRL', exponent: 2 } as unknown as Currency;
    const made = money(1n, copy)._unsafeUnwrap();
    expect(made).toStrictEqual(money(1n, BRL)._unsafeUnwrap());
    expect(made.currency).toBe(BRL);
    expect(Object.isFrozen(made.currency)).toBe(true);
  });
});

describe('parseAmount', () => {
  it('reads an amount of 1000 characters exactly, and refuses 1001 with invalid_amount', () => {
    const longest = `${'9'.repeat(997)}.99`;
    expect(parseAmount(longest, BRL)._unsafeUnwrap()).toBe(10n ** 999n - 1n);
    expect(parseAmount(`0${longest}`, BRL, ['price'])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['price'],
    });
    const tooLong = parseAmount('1'.repeat(1001), JPY)._unsafeUnwrapErr();
    expect(tooLong.code).toBe('invalid_amount');
    expect(tooLong.message).toContain('at most 1000 characters, got 1001');
  });

  it.each([
    ['197.00', BRL, 19700n],
    ['197', BRL, 19700n],
    ['19.9', BRL, 1990n],
    ['0.01', BRL, 1n],
    ['0', BRL, 0n],
    ['007.50', BRL, 750n],
    ['1234', JPY, 1234n],
    ['0.005', KWD, 5n],
    ['1.2', KWD, 1200n],
    ['1.2345', CLF, 12345n],
  ] as const)('reads %s %s as %s minor units', (text, c, minor) => {
    expect(parseAmount(text, c)._unsafeUnwrap()).toBe(minor);
  });

  it('reads amounts of any length exactly', () => {
    expect(parseAmount('123456789012345678901234567890.12', BRL)._unsafeUnwrap()).toBe(
      12345678901234567890123456789012n,
    );
    expect(parseAmount('1000000000000000.01', BRL)._unsafeUnwrap()).toBe(100000000000000001n);
  });

  it('reads a number as JavaScript prints it', () => {
    expect(parseAmount(100, BRL)._unsafeUnwrap()).toBe(10000n);
    expect(parseAmount(19.9, BRL)._unsafeUnwrap()).toBe(1990n);
    expect(parseAmount(1e2, JPY)._unsafeUnwrap()).toBe(100n);
    expect(parseAmount(1e20, JPY)._unsafeUnwrap()).toBe(100000000000000000000n);
    expect(parseAmount(0.000001, CLF)._unsafeUnwrapErr().code).toBe('amount_precision');
  });

  it('reads -0 as 0, since String(-0) is "0"', () => {
    expect(parseAmount(-0, BRL)._unsafeUnwrap()).toBe(0n);
  });

  it.each([
    '-1',
    '-0',
    '+1',
    '1.',
    '.5',
    '',
    ' 1',
    '1 ',
    '1,00',
    '1e2',
    '0x10',
    'NaN',
    'Infinity',
    '１',
  ])('refuses the string %j as invalid_amount with the path', (text) => {
    expect(parseAmount(text, BRL, ['sale', 'price', 'amount'])._unsafeUnwrapErr()).toEqual({
      code: 'invalid_amount',
      message: expect.any(String),
      path: ['sale', 'price', 'amount'],
    });
  });

  it.each([1e21, 1e-7, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses the number %d as invalid_amount',
    (n) => {
      expect(parseAmount(n, BRL, ['a'])._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_amount',
        path: ['a'],
      });
    },
  );

  it.each([null, undefined, true, 10n, {}, ['1']])(
    'refuses the non-string, non-number %s as invalid_field (type before syntax)',
    (v) => {
      expect(parseAmount(v, BRL)._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_field',
        path: [],
      });
    },
  );

  it('refuses more decimals than the currency as amount_precision with the currency', () => {
    expect(
      parseAmount('1.001', BRL, ['refunds', 0, 'amount', 'amount'])._unsafeUnwrapErr(),
    ).toEqual({
      code: 'amount_precision',
      message: expect.any(String),
      path: ['refunds', 0, 'amount', 'amount'],
      currency: 'BRL',
      maxDecimals: 2,
    });
    expect(parseAmount('1.0', JPY)._unsafeUnwrapErr()).toMatchObject({
      code: 'amount_precision',
      currency: 'JPY',
      maxDecimals: 0,
    });
    expect(parseAmount('0.0001', KWD)._unsafeUnwrapErr()).toMatchObject({ maxDecimals: 3 });
  });
});

describe('parseMoney', () => {
  it('reads an amount and a currency code into frozen money', () => {
    const m = parseMoney('197.00', 'BRL')._unsafeUnwrap();
    expect(m).toEqual({ amount: 19700n, currency: BRL });
    expect(m.currency).toBe(BRL);
    expect(Object.isFrozen(m)).toBe(true);
  });

  it('points an amount error at [...path, "amount"]', () => {
    expect(parseMoney('1.5', 'JPY', ['sale', 'price'])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'amount_precision',
      path: ['sale', 'price', 'amount'],
      currency: 'JPY',
      maxDecimals: 0,
    });
    expect(parseMoney('abc', 'BRL', ['sale', 'price'])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_amount',
      path: ['sale', 'price', 'amount'],
    });
  });

  it('points a currency error at [...path, "currency"], checking the currency first', () => {
    expect(parseMoney('abc', 'XYZ', ['sale', 'price'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'unknown_currency',
      message: expect.any(String),
      path: ['sale', 'price', 'currency'],
      currency: 'XYZ',
    });
    expect(parseMoney('1', 986, ['p'])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      path: ['p', 'currency'],
    });
  });
});

describe('formatAmount', () => {
  it.each([
    [-520n, BRL, '-5.20'],
    [5n, KWD, '0.005'],
    [7n, JPY, '7'],
    [-7n, JPY, '-7'],
    [0n, BRL, '0.00'],
    [1n, BRL, '0.01'],
    [-1n, BRL, '-0.01'],
    [19700n, BRL, '197.00'],
    [12345n, CLF, '1.2345'],
    [100000000000000001n, BRL, '1000000000000000.01'],
  ] as const)('prints %s minor units of %s as %s', (minor, c, text) => {
    expect(formatAmount(minor, c)).toBe(text);
  });
});

describe('formatMoney', () => {
  it('prints the amount with exactly the currency decimals', () => {
    expect(formatMoney(parseMoney('19.9', 'BRL')._unsafeUnwrap())).toBe('19.90');
    expect(formatMoney(parseMoney('1', 'KWD')._unsafeUnwrap())).toBe('1.000');
  });
});

describe('the errors of money, parseAmount and parseMoney', () => {
  it('say what was given, quoting a string and naming any other type', () => {
    const message = (input: unknown) => parseAmount(input, BRL)._unsafeUnwrapErr().message;
    expect(message('1,50')).toContain('"1,50"');
    expect(message(Number.NaN)).toContain('NaN');
    expect(message(null)).toContain('null');
    expect(message([1])).toContain('an array');
    expect(message({})).toContain('a value of type object');
    expect(message(true)).toContain('a value of type boolean');
  });

  it('name the currency and its decimals when an amount has too many', () => {
    const error = parseAmount('1.001', BRL)._unsafeUnwrapErr();
    expect(error.message).toContain('BRL');
    expect(error.message).toContain('2 decimals');
    expect(error.message).toContain('got 3');
  });

  it('are at the root by default', () => {
    expect(money(1.5, BRL)._unsafeUnwrapErr()[0].path).toEqual([]);
    expect(parseAmount('x', BRL)._unsafeUnwrapErr().path).toEqual([]);
    expect(parseMoney('x', 'BRL')._unsafeUnwrapErr()[0].path).toEqual(['amount']);
    expect(parseMoney('1', 'XYZ')._unsafeUnwrapErr()[0].path).toEqual(['currency']);
  });

  it('refuse minor units that are neither a bigint nor a safe integer, a numeric string included', () => {
    expect(money('5' as never, BRL)._unsafeUnwrapErr()[0].code).toBe('invalid_amount');
    expect(money(2 ** 53, BRL)._unsafeUnwrapErr()[0].message).toContain('safe integer');
    expect(money(5, BRL)._unsafeUnwrap().amount).toBe(5n);
  });

  it("refuse a currency whose exponent is not its code's", () => {
    const forged = { code: 'BRL', exponent: 0 } as never;
    expect(parseAmount('1', forged, ['price'])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_field',
      path: ['price'],
    });
    expect(money(1n, forged)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
  });
});
