import { describe, expect, it } from 'vitest';
import { APPLIES_TO, appliesTo, appliesToSale } from '../src/model/commission';
import type { SaleAffiliate } from '../src/model/sale';
import { type AccountId, accountId } from '../src/values/account';

const account = (s: string): AccountId => accountId(s)._unsafeUnwrap();
const bia = account('bia@example.com');
const leo = account('leo@example.com');
const direct = { affiliate: null };
const byAffiliate = (managedBy: AccountId | null) => ({
  affiliate: { account: leo, percent: null, managedBy } satisfies SaleAffiliate,
});

describe('appliesTo', () => {
  it('accepts the four values of specification §3', () => {
    expect(APPLIES_TO.map((v) => appliesTo(v)._unsafeUnwrap())).toEqual([
      'all-sales',
      'direct-sales',
      'affiliate-sales',
      'managed-affiliate-sales',
    ]);
  });

  it('refuses any other value with invalid_field at its path', () => {
    for (const value of ['All-Sales', '', null, 1]) {
      const error = appliesTo(value, ['terms', 'appliesTo'])._unsafeUnwrapErr();
      expect({ code: error[0].code, path: error[0].path }).toEqual({
        code: 'invalid_field',
        path: ['terms', 'appliesTo'],
      });
    }
  });
});

describe('appliesToSale', () => {
  it('pays all-sales on every sale', () => {
    expect(
      [direct, byAffiliate(null), byAffiliate(bia)].map((s) => appliesToSale('all-sales', bia, s)),
    ).toEqual([true, true, true]);
  });

  it('pays direct-sales only on sales with no affiliate', () => {
    expect(
      [direct, byAffiliate(null), byAffiliate(bia)].map((s) =>
        appliesToSale('direct-sales', bia, s),
      ),
    ).toEqual([true, false, false]);
  });

  it('pays affiliate-sales on sales by any affiliate', () => {
    expect(
      [direct, byAffiliate(null), byAffiliate(bia)].map((s) =>
        appliesToSale('affiliate-sales', bia, s),
      ),
    ).toEqual([false, true, true]);
  });

  it('pays managed-affiliate-sales only when the sale names this cocreator as manager', () => {
    const rule = 'managed-affiliate-sales';
    expect(
      [direct, byAffiliate(null), byAffiliate(bia)].map((s) => appliesToSale(rule, bia, s)),
    ).toEqual([false, false, true]);
    expect(appliesToSale(rule, account('caio@example.com'), byAffiliate(bia))).toBe(false);
  });
});

describe('the error of appliesTo', () => {
  it('is at the root by default and lists the four accepted values in its message', () => {
    const error = appliesTo('some-sales')._unsafeUnwrapErr();
    expect(error[0].path).toEqual([]);
    for (const value of APPLIES_TO) expect(error[0].message).toContain(`"${value}"`);
    // One value after another, readable: separated by a comma.
    expect(error[0].message).toContain('"all-sales", "direct-sales"');
  });
});
