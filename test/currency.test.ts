import { describe, expect, it } from 'vitest';
import { currencies, currency, isCurrency } from '../src/values/currency';

describe('currency', () => {
  describe('has the ISO 4217 minor units', () => {
    // Checked by hand against ISO 4217 list one (SIX), not against this module.
    const expected: ReadonlyArray<readonly [string, number]> = [
      ['BRL', 2],
      ['USD', 2],
      ['EUR', 2],
      ['IQD', 3],
      ['HUF', 2],
      ['IDR', 2],
      ['COP', 2],
      ['PKR', 2],
      ['CLF', 4],
      ['UYW', 4],
      ['KWD', 3],
      ['JPY', 0],
      ['ISK', 0],
      ['KRW', 0],
      ['VND', 0],
      ['BHD', 3],
      ['TND', 3],
      ['JOD', 3],
      ['OMR', 3],
      ['LYD', 3],
      ['UGX', 0],
      ['MGA', 2],
      ['MRU', 2],
      ['UYI', 0],
      ['CLP', 0],
      ['PYG', 0],
      ['XAF', 0],
      ['XOF', 0],
      ['XPF', 0],
      ['BOV', 2],
      ['CHE', 2],
      ['CHW', 2],
      ['COU', 2],
      ['MXV', 2],
      ['USN', 2],
      ['XCD', 2],
      ['XCG', 2],
      ['ZWG', 2],
      ['SLE', 2],
      ['VES', 2],
      ['VED', 2],
    ];
    it.each(expected)('%s has %i decimals', (code, exponent) => {
      expect(currency(code)._unsafeUnwrap().exponent).toBe(exponent);
    });
  });

  it('returns one shared frozen object per code', () => {
    const a = currency('BRL')._unsafeUnwrap();
    expect(currency('BRL')._unsafeUnwrap()).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toEqual({ code: 'BRL', exponent: 2 });
  });

  it('refuses a lower-case code as unknown_currency with the code and path', () => {
    expect(currency('brl', ['sale', 'price', 'currency'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'unknown_currency',
      message: expect.any(String),
      path: ['sale', 'price', 'currency'],
      currency: 'brl',
    });
  });

  it.each([
    'XAU',
    'XAG',
    'XPT',
    'XPD',
    'XDR',
    'XTS',
    'XXX',
    'XBA',
    'XBB',
    'XBC',
    'XBD',
    'XSU',
    'XUA',
  ])('refuses %s, whose minor unit ISO lists as N.A., as unknown_currency', (code) => {
    expect(currency(code, ['c'])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'unknown_currency',
      path: ['c'],
      currency: code,
    });
  });

  it.each(['ANG', 'HRK', 'CUC', 'SLL', 'ZWL', 'VEF', 'MRO', 'STD', 'BYR', 'LTL'])(
    'refuses the withdrawn code %s as unknown_currency',
    (code) => {
      expect(currency(code)._unsafeUnwrapErr()[0].code).toBe('unknown_currency');
    },
  );

  it.each(['', 'BRL ', 'constructor', '__proto__', 'toString'])(
    'refuses %j as unknown_currency',
    (code) => {
      expect(currency(code)._unsafeUnwrapErr()[0].code).toBe('unknown_currency');
    },
  );

  it.each([null, undefined, 986, {}, ['BRL']])(
    'refuses the non-string %j as invalid_field with the path',
    (code) => {
      expect(currency(code, ['fee', 'fixed'])._unsafeUnwrapErr()[0]).toEqual({
        code: 'invalid_field',
        message: expect.any(String),
        path: ['fee', 'fixed'],
      });
    },
  );

  it('defaults the path to []', () => {
    expect(currency('ZZZ')._unsafeUnwrapErr()[0].path).toEqual([]);
  });
});

describe('currencies', () => {
  it('lists every code once, sorted, frozen, each the shared object', () => {
    const all = currencies();
    expect(Object.isFrozen(all)).toBe(true);
    const codes = all.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of all) {
      expect(c.code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(c.exponent);
      expect(currency(c.code)._unsafeUnwrap()).toBe(c);
      expect(Object.isFrozen(c)).toBe(true);
    }
  });

  it('holds the 166 active ISO 4217 codes with minor units', () => {
    expect(currencies()).toHaveLength(166);
  });

  it('agrees with dinero.js, except MGA and MRU which ISO lists with 2 decimals', async () => {
    const dinero: Record<string, { code: string; exponent: number }> = await import(
      'dinero.js/currencies'
    );
    const theirs = Object.values(dinero)
      .filter((c) => typeof c === 'object' && c !== null && 'code' in c)
      .map((c) => [c.code, c.code === 'MGA' || c.code === 'MRU' ? 2 : c.exponent] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    expect(currencies().map((c) => [c.code, c.exponent])).toEqual(theirs);
  });
});

describe('isCurrency', () => {
  it('accepts a currency by its content: a copy with the code and exponent of the table', () => {
    expect(isCurrency(currency('USD')._unsafeUnwrap())).toBe(true);
    expect(isCurrency({ code: 'USD', exponent: 2 })).toBe(true);
    expect(isCurrency(structuredClone(currency('KWD')._unsafeUnwrap()))).toBe(true);
  });

  it("refuses a code that is not in the table, an exponent that is not its code's, and non-objects", () => {
    expect(isCurrency({ code: 'USD', exponent: 3 })).toBe(false);
    expect(isCurrency({ code: 'USD', exponent: '2' })).toBe(false);
    expect(isCurrency({ code: 'USD' })).toBe(false);
    expect(isCurrency({ code: 'usd', exponent: 2 })).toBe(false);
    expect(isCurrency({ code: 'XAU', exponent: 0 })).toBe(false);
    expect(isCurrency({ code: ['USD'], exponent: 2 })).toBe(false);
    expect(isCurrency('USD')).toBe(false);
    expect(isCurrency(null)).toBe(false);
  });
});
