import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors';
import { checkAffiliatePercent, product } from '../src/model/product';
import { formatPercent, type Percent, parsePercent } from '../src/values/percent';

const problems = (errors: ReadonlyArray<DomainError>) =>
  errors.map((e) => ({ code: e.code, path: e.path }));

describe('product', () => {
  it('keeps the id as written and puts the main creator in canonical form', () => {
    const course = product({ id: ' P1 ', mainCreator: '  Ana@Example.COM ' })._unsafeUnwrap();
    expect(course).toEqual({
      id: ' P1 ',
      mainCreator: 'ana@example.com',
      affiliateCommission: null,
    });
    expect(Object.isFrozen(course)).toBe(true);
  });

  it('reads a default affiliate commission, and null as none', () => {
    const withCommission = product({
      id: 'p1',
      mainCreator: 'ana@example.com',
      affiliateCommission: 40.5,
    });
    expect(formatPercent(withCommission._unsafeUnwrap().affiliateCommission as Percent)).toBe(
      '40.5',
    );
    const without = product({
      id: 'p1',
      mainCreator: 'ana@example.com',
      affiliateCommission: null,
    });
    expect(without._unsafeUnwrap().affiliateCommission).toBe(null);
  });

  it('requires id and mainCreator, reporting both at their paths', () => {
    expect(problems(product({}, ['product'])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: ['product', 'id'] },
      { code: 'invalid_field', path: ['product', 'mainCreator'] },
    ]);
  });

  it('refuses an empty id, a blank main creator and an unknown key with invalid_field', () => {
    const input = { id: '', mainCreator: '   ', price: 1 };
    expect(problems(product(input, ['product'])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: ['product', 'price'] },
      { code: 'invalid_field', path: ['product', 'id'] },
      { code: 'invalid_field', path: ['product', 'mainCreator'] },
    ]);
  });

  it('refuses a commission that is not a percent with invalid_percent', () => {
    const input = { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40%' };
    expect(problems(product(input, ['product'])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_percent', path: ['product', 'affiliateCommission'] },
    ]);
  });

  it.each(['0', '100.0001', '250'])(
    'refuses a commission of %s with percent_out_of_range (0 < p <= 100)',
    (commission) => {
      const input = { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: commission };
      const [error] = product(input, ['product'])._unsafeUnwrapErr();
      expect(error).toMatchObject({
        code: 'percent_out_of_range',
        path: ['product', 'affiliateCommission'],
        min: '0',
        max: '100',
      });
    },
  );

  it('accepts 100 and any number of places', () => {
    for (const commission of ['100', '100.000', '0.000001']) {
      expect(
        product({
          id: 'p1',
          mainCreator: 'ana@example.com',
          affiliateCommission: commission,
        }).isOk(),
      ).toBe(true);
    }
  });

  it('refuses what is not an object with invalid_field at the product', () => {
    expect(problems(product('p1', ['product'])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: ['product'] },
    ]);
  });
});

describe('checkAffiliatePercent', () => {
  it('is 0 < p <= 100', () => {
    const check = (s: string) => checkAffiliatePercent(parsePercent(s)._unsafeUnwrap()).isOk();
    expect([check('0'), check('0.0001'), check('100'), check('100.01')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('checkAffiliatePercent on a value forged around the type system', () => {
  it('refuses it with invalid_percent at the path instead of throwing', () => {
    for (const value of [undefined, '40', { units: 40, scale: 0 }]) {
      expect(
        checkAffiliatePercent(value as unknown as Percent, ['affiliate'])._unsafeUnwrapErr(),
      ).toMatchObject({ code: 'invalid_percent', path: ['affiliate'] });
    }
  });
});

describe('the errors of product and checkAffiliatePercent', () => {
  it('are at the root by default', () => {
    expect(problems(product(null)._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: [] },
    ]);
    const zero = parsePercent('0')._unsafeUnwrap();
    expect(checkAffiliatePercent(zero)._unsafeUnwrapErr().path).toEqual([]);
  });

  it('name the range in the message of an affiliate percent out of range', () => {
    const error = checkAffiliatePercent(parsePercent('100.01')._unsafeUnwrap())._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'percent_out_of_range', min: '0', max: '100' });
    expect(error.message).toContain('100');
  });
});
