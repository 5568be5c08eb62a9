import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { contract } from '../src/contracts/read';
import type { CocreationContract } from '../src/contracts/types';
import type { DomainErrors } from '../src/errors';
import type { Policy, PolicyInput } from '../src/model/policy';
import { type Product, product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { refund, type Sale, sale } from '../src/model/sale';
import { refundAll } from '../src/refunds/refund';
import { compileSettler, compileWith } from '../src/settle/compile';
import { exactShareText } from '../src/settle/lines';
import type { Settlement } from '../src/settle/settlement';
import { settleSale, settleWithDomain } from '../src/settle/stages';
import { type Domain, validateDomain } from '../src/validate/domain';
import { formatAmount } from '../src/values/money';
import { formatPercent, percent } from '../src/values/percent';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const CAIO = 'caio@example.com';
const LEO = 'leo@example.com';

type TermsJson = Record<string, unknown>;

/** A contract of product p1 invited on Jan 1st and accepted on Jan 2nd, plus any later events. */
function accepted(
  id: string,
  cocreator: string,
  terms: TermsJson,
  later: ReadonlyArray<Record<string, unknown>> = [],
): CocreationContract {
  return contract({
    id,
    productId: 'p1',
    cocreator,
    events: [
      { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms },
      { type: 'accepted', at: '2026-01-02T00:00:00Z', by: cocreator },
      ...later,
    ],
  })._unsafeUnwrap();
}

function parts(
  contracts: ReadonlyArray<CocreationContract>,
  options: { policy?: PolicyInput; affiliateCommission?: string } = {},
): { policy: Policy; product: Product; contracts: ReadonlyArray<CocreationContract> } {
  return {
    policy: policy(options.policy ?? 'hotmart')._unsafeUnwrap(),
    product: product({
      id: 'p1',
      mainCreator: ANA,
      ...(options.affiliateCommission === undefined
        ? {}
        : { affiliateCommission: options.affiliateCommission }),
    })._unsafeUnwrap(),
    contracts,
  };
}

function saleOf(fields: Record<string, unknown>): Sale {
  return sale({ id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z', ...fields })._unsafeUnwrap();
}

const brl = (amount: string) => ({ amount, currency: 'BRL' });

/** Every way to settle: validate-and-settle, a validated domain, compiled with and without index. */
function settleAll(
  p: ReturnType<typeof parts>,
  s: Sale,
): ReadonlyArray<Result<Settlement, DomainErrors>> {
  const domain: Domain = validateDomain(p)._unsafeUnwrap();
  return [
    settleSale(p.policy, p.product, p.contracts, s),
    settleWithDomain(domain, s),
    compileSettler(domain).settle(s),
    compileWith(domain, 0).settle(s),
  ];
}

/** Settles every way, checks they agree, and returns the one result. */
function settle(p: ReturnType<typeof parts>, s: Sale): Result<Settlement, DomainErrors> {
  const [first, ...rest] = settleAll(p, s);
  for (const other of rest) expect(other).toEqual(first);
  return first as Result<Settlement, DomainErrors>;
}

/** `[role, account, contract, percent, amount, exact]` per line, printed. */
function table(settlement: Settlement): string[][] {
  return settlement.lines.map((l) => [
    l.role,
    l.account ?? '-',
    l.role === 'cocreator' ? l.contractId : '-',
    l.role === 'cocreator' || l.role === 'affiliate' ? formatPercent(l.percent) : '-',
    formatAmount(l.amount, settlement.currency),
    exactShareText(l),
  ]);
}

function errorsOf(result: Result<Settlement, DomainErrors>) {
  return result._unsafeUnwrapErr().map((e) => [e.code, e.path]);
}

describe('settleSale', () => {
  describe('the worked examples', () => {
    it('settles specification §8: 197.00 BRL, fee 20.50, affiliate 40 %, cocreator 20 %', () => {
      // N = 197.00 - 20.50 = 176.50; A = floor(176.50 x 0.40) = 70.60; B = 105.90;
      // C = floor(105.90 x 0.20) = 21.18 exactly; M = 105.90 - 21.18 = 84.72.
      const p = parts([accepted('c1', BIA, { percent: '20' })], { affiliateCommission: '40' });
      const s = saleOf({
        price: brl('197.00'),
        platformFee: brl('20.50'),
        affiliate: { account: LEO, percent: '40', managedBy: BIA },
      });
      const settlement = settle(p, s)._unsafeUnwrap();
      expect(table(settlement)).toEqual([
        ['platform', '-', '-', '-', '20.50', '20.50'],
        ['affiliate', LEO, '-', '40', '70.60', '70.60'],
        ['cocreator', BIA, 'c1', '20', '21.18', '21.18'],
        ['main-creator', ANA, '-', '-', '84.72', '84.72'],
      ]);
      expect([settlement.price, settlement.platformFee, settlement.net, settlement.base]).toEqual([
        19700n,
        2050n,
        17650n,
        10590n,
      ]);
      expect(settlement.feeOrigin).toEqual({ kind: 'sale' });
    });

    it('reverses the refund of specification §8 as -5.20, -17.92, -5.37, -21.51', () => {
      // D'Hondt of 5000 over (2050, 7060, 2118, 8472), P = 19700, is checked by hand in
      // test/refund.test.ts: floors (520, 1791, 537, 2150), then the affiliate and the main
      // creator take the two units left.
      const p = parts([accepted('c1', BIA, { percent: '20' })], { affiliateCommission: '40' });
      const s = saleOf({
        price: brl('197.00'),
        platformFee: brl('20.50'),
        affiliate: { account: LEO, percent: '40', managedBy: BIA },
      });
      const settlement = settle(p, s)._unsafeUnwrap();
      const r1 = refund({ id: 'r1', at: '2026-03-05T00:00:00Z', amount: brl('50.00') });
      const [reversal] = refundAll(settlement, [r1._unsafeUnwrap()])._unsafeUnwrap();
      expect(reversal?.lines.map((l) => formatAmount(l.amount, settlement.currency))).toEqual([
        '-5.20',
        '-17.92',
        '-5.37',
        '-21.51',
      ]);
    });

    it('settles specification §5: 100.00 USD, fee 10.40, affiliate 35 %, cocreator 10 %', () => {
      // N = 89.60; A = floor(89.60 x 0.35) = 31.36 exactly; B = 58.24;
      // C = floor(5.824) = 5.82; M = 58.24 - 5.82 = 52.42, exact 58.24 x 0.90 = 52.416.
      const p = parts([accepted('c1', BIA, { percent: '10' })]);
      const s = saleOf({
        price: { amount: '100.00', currency: 'USD' },
        platformFee: { amount: '10.40', currency: 'USD' },
        affiliate: { account: LEO, percent: '35' },
      });
      expect(table(settle(p, s)._unsafeUnwrap())).toEqual([
        ['platform', '-', '-', '-', '10.40', '10.40'],
        ['affiliate', LEO, '-', '35', '31.36', '31.36'],
        ['cocreator', BIA, 'c1', '10', '5.82', '5.824'],
        ['main-creator', ANA, '-', '-', '52.42', '52.416'],
      ]);
    });
  });

  describe('the platform fee', () => {
    const withFee = (fee: Record<string, unknown>) => ({ extends: 'hotmart' as const, fee });

    it('takes the schedule when the sale gives no fee: round_half_up(P x percent) + fixed', () => {
      // 10.00 x 4.99 % = 0.499 -> 0.50, + 1.00 fixed in BRL = 1.50.
      const p = parts([], { policy: withFee({ percent: '4.99', fixed: { BRL: '1.00' } }) });
      const settlement = settle(p, saleOf({ price: brl('10.00') }))._unsafeUnwrap();
      expect(settlement.platformFee).toBe(150n);
      expect(settlement.feeOrigin).toEqual({
        kind: 'schedule',
        percent: p.policy.fee?.percent,
        fixed: 100n,
      });
      expect(table(settlement).map((l) => l[4])).toEqual(['1.50', '8.50']);
    });

    it('rounds an exact half up', () => {
      // 0.05 BRL x 10 % = 0.005 -> 0.01; 0.04 x 10 % = 0.004 -> 0.00.
      const p = parts([], { policy: withFee({ percent: '10' }) });
      expect(settle(p, saleOf({ price: brl('0.05') }))._unsafeUnwrap().platformFee).toBe(1n);
      expect(settle(p, saleOf({ price: brl('0.04') }))._unsafeUnwrap().platformFee).toBe(0n);
    });

    it('charges no fixed part in a currency the schedule does not list', () => {
      const p = parts([], { policy: withFee({ percent: '1', fixed: { BRL: '1.00' } }) });
      // 10.00 USD x 1 % = 0.10, no USD fixed part.
      const s = saleOf({ price: { amount: '10.00', currency: 'USD' } });
      expect(settle(p, s)._unsafeUnwrap().platformFee).toBe(10n);
    });

    it('prefers the fee the sale gives over the schedule', () => {
      const p = parts([], { policy: withFee({ percent: '50' }) });
      const settlement = settle(p, saleOf({ price: brl('10.00'), platformFee: brl('0.10') }));
      expect(settlement._unsafeUnwrap().platformFee).toBe(10n);
    });

    it('charges nothing, with a platform line at 0, when there is neither', () => {
      const settlement = settle(parts([]), saleOf({ price: brl('10.00') }))._unsafeUnwrap();
      expect(settlement.feeOrigin).toEqual({ kind: 'none' });
      expect(table(settlement)[0]).toEqual(['platform', '-', '-', '-', '0.00', '0.00']);
    });

    it('refuses a given fee above the price, at the sale fee', () => {
      const result = settle(parts([]), saleOf({ price: brl('1.00'), platformFee: brl('1.01') }));
      expect(result._unsafeUnwrapErr()).toEqual([
        {
          code: 'fee_exceeds_price',
          message: expect.any(String),
          path: ['sale', 'platformFee', 'amount'],
          fee: '1.01',
          price: '1.00',
        },
      ]);
    });

    it('refuses a scheduled fee above the price, at the policy fee', () => {
      const p = parts([], { policy: withFee({ percent: '0', fixed: { BRL: '1.00' } }) });
      const result = settle(p, saleOf({ price: brl('0.99') }));
      expect(result._unsafeUnwrapErr()).toEqual([
        {
          code: 'fee_exceeds_price',
          message: expect.any(String),
          path: ['policy', 'fee'],
          fee: '1.00',
          price: '0.99',
        },
      ]);
    });

    it('accepts a fee equal to the price, leaving 0 to split', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })]);
      const result = settle(p, saleOf({ price: brl('1.00'), platformFee: brl('1.00') }));
      expect(table(result._unsafeUnwrap()).map((l) => l[4])).toEqual(['1.00', '0.00', '0.00']);
    });
  });

  describe('with an affiliate', () => {
    it('takes the product commission when the sale gives no percent', () => {
      const p = parts([], { affiliateCommission: '12.5' });
      const settlement = settle(p, saleOf({ price: brl('10.00'), affiliate: { account: LEO } }));
      // floor(1000 x 12.5 %) = floor(125) = 1.25
      expect(table(settlement._unsafeUnwrap())[1]).toEqual([
        'affiliate',
        LEO,
        '-',
        '12.5',
        '1.25',
        '1.25',
      ]);
    });

    it('takes the cocreator share from what remains after the affiliate', () => {
      const p = parts([accepted('c1', BIA, { percent: '50' })]);
      const s = saleOf({ price: brl('10.00'), affiliate: { account: LEO, percent: '33.333' } });
      // A = floor(1000 x 0.33333) = floor(333.33) = 333 (exact 3.3333); B = 667;
      // C = floor(333.5) = 333 (exact 3.335); M = 334 (exact 3.335).
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[4], l[5]])).toEqual([
        ['0.00', '0.00'],
        ['3.33', '3.3333'],
        ['3.33', '3.335'],
        ['3.34', '3.335'],
      ]);
    });

    it('lets a cocreator whose terms allow it earn both commissions', () => {
      const p = parts([accepted('c1', BIA, { percent: '20', mayAlsoSellAsAffiliate: true })]);
      const s = saleOf({ price: brl('100.00'), affiliate: { account: BIA, percent: '50' } });
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[0], l[1], l[4]])).toEqual([
        ['platform', '-', '0.00'],
        ['affiliate', BIA, '50.00'],
        ['cocreator', BIA, '10.00'],
        ['main-creator', ANA, '40.00'],
      ]);
    });

    it('gives the whole net to an affiliate at 100 %', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })]);
      const s = saleOf({ price: brl('9.99'), affiliate: { account: LEO, percent: '100' } });
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => l[4])).toEqual([
        '0.00',
        '9.99',
        '0.00',
        '0.00',
      ]);
    });

    it('refuses an affiliate with no percent in the sale nor the product', () => {
      const result = settle(parts([]), saleOf({ price: brl('1'), affiliate: { account: LEO } }));
      expect(errorsOf(result)).toEqual([['invalid_field', ['sale', 'affiliate', 'percent']]]);
      expect(result._unsafeUnwrapErr()[0]?.message).toBe(
        'the sale names an affiliate but no percent, and the product has no affiliateCommission',
      );
    });

    it('refuses the main creator as affiliate of their own product', () => {
      const s = saleOf({
        price: brl('1'),
        affiliate: { account: 'ANA@example.com', percent: '1' },
      });
      expect(settle(parts([]), s)._unsafeUnwrapErr()).toEqual([
        {
          code: 'self_affiliation',
          // The account as the library keeps it (lower-cased), and the product by its id.
          message: 'ana@example.com is the main creator of p1 and cannot be its affiliate',
          path: ['sale', 'affiliate', 'account'],
          account: ANA,
        },
      ]);
    });

    it('refuses a covering cocreator whose terms do not allow selling as affiliate', () => {
      // appliesTo does not matter: the contract covers the sale.
      const p = parts([accepted('c1', BIA, { percent: '20', appliesTo: 'direct-sales' })]);
      const s = saleOf({ price: brl('1'), affiliate: { account: BIA, percent: '1' } });
      expect(settle(p, s)._unsafeUnwrapErr()).toEqual([
        {
          code: 'affiliate_not_permitted',
          message:
            'bia@example.com is a cocreator under contract "c1", whose terms in force do not allow selling as an affiliate',
          path: ['sale', 'affiliate', 'account'],
          account: BIA,
        },
      ]);
    });

    it('lets a cocreator sell as affiliate before the contract covers any sale', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })]);
      const s = saleOf({
        at: '2026-01-01T23:59:59.999Z',
        price: brl('1'),
        affiliate: { account: BIA, percent: '1' },
      });
      expect(settle(p, s).isOk()).toBe(true);
    });

    it('refuses any affiliate on a covered sale when the policy forbids it (Gumroad)', () => {
      const gumroad = parts([accepted('c1', BIA, { percent: '20' })], { policy: 'gumroad' });
      const s = saleOf({ price: brl('1'), affiliate: { account: LEO, percent: '1' } });
      expect(errorsOf(settle(gumroad, s))).toEqual([
        ['affiliates_not_allowed', ['sale', 'affiliate']],
      ]);
      expect(settle(parts([], { policy: 'gumroad' }), s).isOk()).toBe(true);
    });

    it('reports every affiliate rule that applies, with the fee (rows 2d and 2e together)', () => {
      const gumroad = parts([accepted('c1', BIA, { percent: '20' })], { policy: 'gumroad' });
      const s = saleOf({
        price: brl('1'),
        platformFee: brl('2'),
        affiliate: { account: BIA, percent: '10' },
      });
      expect(errorsOf(settle(gumroad, s))).toEqual([
        ['fee_exceeds_price', ['sale', 'platformFee', 'amount']],
        ['affiliate_not_permitted', ['sale', 'affiliate', 'account']],
        ['affiliates_not_allowed', ['sale', 'affiliate']],
      ]);
    });

    it('reports an affiliate without a percent alone: it is stage 1, and stage 2 waits for it', () => {
      const gumroad = parts([accepted('c1', BIA, { percent: '20' })], { policy: 'gumroad' });
      const s = saleOf({ price: brl('1'), platformFee: brl('2'), affiliate: { account: BIA } });
      expect(errorsOf(settle(gumroad, s))).toEqual([
        ['invalid_field', ['sale', 'affiliate', 'percent']],
      ]);
    });
  });

  describe('which contracts are paid', () => {
    const appliesTo = (value: string) =>
      parts([accepted('c1', BIA, { percent: '10', appliesTo: value })]);
    const direct = saleOf({ price: brl('100') });
    const byLeo = saleOf({ price: brl('100'), affiliate: { account: LEO, percent: '50' } });
    const managed = saleOf({
      price: brl('100'),
      affiliate: { account: LEO, percent: '50', managedBy: BIA },
    });
    const managedByOther = saleOf({
      price: brl('100'),
      affiliate: { account: LEO, percent: '50', managedBy: CAIO },
    });
    const paid = (p: ReturnType<typeof parts>, s: Sale) =>
      settle(p, s)
        ._unsafeUnwrap()
        .lines.some((l) => l.role === 'cocreator');

    it('pays all-sales contracts on every sale', () => {
      const p = appliesTo('all-sales');
      expect([direct, byLeo, managed].map((s) => paid(p, s))).toEqual([true, true, true]);
    });

    it('pays direct-sales contracts only on sales with no affiliate', () => {
      const p = appliesTo('direct-sales');
      expect([direct, byLeo, managed].map((s) => paid(p, s))).toEqual([true, false, false]);
    });

    it('pays affiliate-sales contracts only on sales with an affiliate', () => {
      const p = appliesTo('affiliate-sales');
      expect([direct, byLeo, managed].map((s) => paid(p, s))).toEqual([false, true, true]);
    });

    it('pays managed-affiliate-sales contracts only when the sale names them as manager', () => {
      const p = appliesTo('managed-affiliate-sales');
      expect([direct, byLeo, managed, managedByOther].map((s) => paid(p, s))).toEqual([
        false,
        false,
        true,
        false,
      ]);
    });

    it('keeps a line at 0 for a covering contract whose share rounds to nothing', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })]);
      const settlement = settle(p, saleOf({ price: brl('0.01') }))._unsafeUnwrap();
      // floor(1 x 20 %) = 0, exact 0.002; the main creator keeps the cent, exact 0.008.
      expect(table(settlement).map((l) => [l[0], l[4], l[5]])).toEqual([
        ['platform', '0.00', '0.00'],
        ['cocreator', '0.00', '0.002'],
        ['main-creator', '0.01', '0.008'],
      ]);
    });

    it('lists cocreators in contract order, the main creator last', () => {
      const p = parts([
        accepted('c2', CAIO, { percent: '5' }),
        accepted('c1', BIA, { percent: '7.5' }),
      ]);
      const settlement = settle(p, saleOf({ price: brl('100') }))._unsafeUnwrap();
      expect(table(settlement).map((l) => [l[2], l[4]])).toEqual([
        ['-', '0.00'],
        ['c2', '5.00'],
        ['c1', '7.50'],
        ['-', '87.50'],
      ]);
    });

    describe('over time (intervals closed on the left)', () => {
      const p = parts([
        accepted('c1', BIA, { percent: '10', endsAt: '2026-06-01T00:00:00Z' }, [
          {
            type: 'amendment-proposed',
            at: '2026-02-01T00:00:00Z',
            by: ANA,
            terms: { percent: '30' },
          },
          { type: 'amendment-approved', at: '2026-03-01T00:00:00Z', by: BIA },
        ]),
        accepted('c2', CAIO, { percent: '10' }, [
          { type: 'cancellation-requested', at: '2026-04-01T00:00:00Z', by: CAIO },
          { type: 'cancellation-approved', at: '2026-04-15T00:00:00Z', by: ANA },
        ]),
      ]);
      const shares = (at: string) =>
        settle(p, saleOf({ at, price: brl('100') }))
          ._unsafeUnwrap()
          .lines.filter((l) => l.role === 'cocreator')
          .map((l) =>
            l.role === 'cocreator' ? `${l.contractId}:${formatPercent(l.percent)}` : '',
          );

      it('pays nothing before acceptance, from the acceptance instant on', () => {
        expect(shares('2026-01-01T23:59:59.999Z')).toEqual([]);
        expect(shares('2026-01-02T00:00:00Z')).toEqual(['c1:10', 'c2:10']);
      });

      it('keeps the old terms while an amendment is pending, the new from its approval', () => {
        expect(shares('2026-02-15T00:00:00Z')).toEqual(['c1:10', 'c2:10']);
        expect(shares('2026-02-28T23:59:59.999Z')).toEqual(['c1:10', 'c2:10']);
        expect(shares('2026-03-01T00:00:00Z')).toEqual(['c1:30', 'c2:10']);
      });

      it('pays while a cancellation is pending, nothing from its approval', () => {
        expect(shares('2026-04-14T23:59:59.999Z')).toEqual(['c1:30', 'c2:10']);
        expect(shares('2026-04-15T00:00:00Z')).toEqual(['c1:30']);
      });

      it('pays nothing from the instant the term ends', () => {
        expect(shares('2026-05-31T23:59:59.999Z')).toEqual(['c1:30']);
        expect(shares('2026-06-01T00:00:00Z')).toEqual([]);
      });
    });
  });

  describe('currencies and sizes', () => {
    it('splits a 0-decimal currency (JPY) in whole yen', () => {
      const p = parts([accepted('c1', BIA, { percent: '12.5' })]);
      const s = saleOf({ price: { amount: '1001', currency: 'JPY' } });
      // floor(1001 x 12.5 %) = floor(125.125) = 125; M = 876, exact 875.875.
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[4], l[5]])).toEqual([
        ['0', '0'],
        ['125', '125.125'],
        ['876', '875.875'],
      ]);
    });

    it('splits a 3-decimal currency (KWD) in fils', () => {
      const p = parts([accepted('c1', BIA, { percent: '33.33' })]);
      const s = saleOf({ price: { amount: '1', currency: 'KWD' } });
      // floor(1000 x 33.33 %) = floor(333.3) = 333 fils; M = 667, exact 0.6667.
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[4], l[5]])).toEqual([
        ['0.000', '0.000'],
        ['0.333', '0.3333'],
        ['0.667', '0.6667'],
      ]);
    });

    it('settles a price of 0 to all-zero lines', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })], { affiliateCommission: '10' });
      const s = saleOf({ price: brl('0'), affiliate: { account: LEO } });
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[4], l[5]])).toEqual([
        ['0.00', '0.00'],
        ['0.00', '0.00'],
        ['0.00', '0.00'],
        ['0.00', '0.00'],
      ]);
    });

    it('gives the single minor unit of a 1-unit sale to the main creator', () => {
      const p = parts([accepted('c1', BIA, { percent: '70' })]);
      const s = saleOf({ price: { amount: '1', currency: 'JPY' } });
      expect(table(settle(p, s)._unsafeUnwrap()).map((l) => [l[4], l[5]])).toEqual([
        ['0', '0'],
        ['0', '0.7'],
        ['1', '0.3'],
      ]);
    });

    it('stays exact past 2^53 minor units', () => {
      const p = parts([accepted('c1', BIA, { percent: '20' })]);
      // 2^60 = 1152921504606846976; / 5 = 230584300921369395.2 -> 230584300921369395;
      // M = 922337203685477581, exact 2^60 x 0.8 = 922337203685477580.8 minor units.
      const s = saleOf({ price: brl('11529215046068469.76') });
      const settlement = settle(p, s)._unsafeUnwrap();
      expect(settlement.lines.map((l) => [l.amount, exactShareText(l)])).toEqual([
        [0n, '0.00'],
        [230584300921369395n, '2305843009213693.952'],
        [922337203685477581n, '9223372036854775.808'],
      ]);
    });
  });

  describe('other refusals', () => {
    it('refuses a sale of another product, without the rules that need the product', () => {
      // Ana is p1's main creator: self_affiliation is p1's rule, not checked for a sale of p2.
      const s = sale({
        id: 's1',
        productId: 'p2',
        at: '2026-03-01T12:00:00Z',
        price: brl('1'),
        affiliate: { account: ANA, percent: '10' },
      })._unsafeUnwrap();
      expect(settle(parts([]), s)._unsafeUnwrapErr()).toEqual([
        {
          code: 'product_mismatch',
          message: expect.any(String),
          path: ['sale', 'productId'],
          expected: 'p1',
          actual: 'p2',
        },
      ]);
    });

    it('reports the domain problems, with their paths in the document', () => {
      const p = parts([
        accepted('c1', BIA, { percent: '40' }),
        accepted('c2', CAIO, { percent: '40' }),
      ]);
      const result = settleSale(p.policy, p.product, p.contracts, saleOf({ price: brl('1') }));
      expect(result._unsafeUnwrapErr().map((e) => [e.code, e.path])).toEqual([
        ['retention_floor_violated', ['contracts', 0, 'events', 0]],
        ['retention_floor_violated', ['contracts', 1, 'events', 0]],
      ]);
    });

    it('refuses a hand-built sale whose fee is in another currency, without throwing', () => {
      const good = saleOf({ price: brl('1') });
      const usd = saleOf({ price: { amount: '1', currency: 'USD' } }).price;
      const bad = { ...good, platformFee: usd };
      const domain = validateDomain(parts([]))._unsafeUnwrap();
      for (const result of [settleWithDomain(domain, bad), compileSettler(domain).settle(bad)]) {
        expect(errorsOf(result)).toEqual([
          ['currency_mismatch', ['sale', 'platformFee', 'currency']],
        ]);
      }
    });

    it('refuses a hand-built affiliate with a bad account, percent or manager, at each path', () => {
      const good = saleOf({ price: brl('1'), affiliate: { account: LEO, percent: '1' } });
      const bad = {
        ...good,
        affiliate: { account: '', percent: 40, managedBy: 7 },
      } as unknown as Sale;
      const domain = validateDomain(parts([]))._unsafeUnwrap();
      for (const result of [settleWithDomain(domain, bad), compileSettler(domain).settle(bad)]) {
        expect(errorsOf(result)).toEqual([
          ['invalid_field', ['sale', 'affiliate', 'account']],
          ['invalid_field', ['sale', 'affiliate', 'percent']],
          ['invalid_field', ['sale', 'affiliate', 'managedBy']],
        ]);
      }
    });

    it('refuses a value that is not a sale, without throwing', () => {
      const domain = validateDomain(parts([]))._unsafeUnwrap();
      for (const bad of [null, 42, {}, { ...saleOf({ price: brl('1') }), price: 5 }]) {
        const result = compileSettler(domain).settle(bad as unknown as Sale);
        expect(result.isErr()).toBe(true);
        expect(settleWithDomain(domain, bad as unknown as Sale)).toEqual(result);
      }
    });
  });

  it('freezes the settlement, its lines and the list', () => {
    const p = parts([accepted('c1', BIA, { percent: '20' })]);
    for (const result of settleAll(
      p,
      saleOf({ price: brl('10'), affiliate: { account: LEO, percent: '1' } }),
    )) {
      const settlement = result._unsafeUnwrap();
      expect(Object.isFrozen(settlement)).toBe(true);
      expect(Object.isFrozen(settlement.lines)).toBe(true);
      expect(settlement.lines.every((l) => Object.isFrozen(l))).toBe(true);
      expect(Object.isFrozen(settlement.feeOrigin)).toBe(true);
    }
  });
});

describe('compileSettler', () => {
  it('settles many sales with one settler, each as settleWithDomain does (no instant index)', () => {
    const p = parts([accepted('c1', BIA, { percent: '20' })], { affiliateCommission: '40' });
    const domain = validateDomain(p)._unsafeUnwrap();
    const settler = compileSettler(domain);
    expect(settler.domain).toBe(domain);
    for (const amount of ['0', '0.01', '1.99', '197.00', '90071992547409.93']) {
      const s = saleOf({ price: brl(amount), affiliate: { account: LEO } });
      expect(settler.settle(s)).toEqual(settleWithDomain(domain, s));
    }
  });

  it('answers every sale with an error when compiled from something that is not a domain', () => {
    const settler = compileSettler(null as unknown as Domain);
    expect(settler.settle(saleOf({ price: brl('1') }))._unsafeUnwrapErr()).toEqual([
      { code: 'invalid_field', message: 'expected { policy, product, contracts }', path: [] },
    ]);
  });
});

// A Domain is only made by validateDomain; JavaScript callers (or another copy of the library,
// as when both its ESM and CommonJS builds are loaded) can hand over anything typed as one.
// Such a value is validated from its policy, product and contracts, never trusted.
describe('a domain not made by validateDomain', () => {
  const p = parts([accepted('c1', BIA, { percent: '20' })]);
  const domain = validateDomain(p)._unsafeUnwrap();
  const s = saleOf({ price: brl('100.00') });
  const settlers = [
    ['settleWithDomain', (d: Domain) => settleWithDomain(d, s)],
    ['a compiled settler', (d: Domain) => compileSettler(d).settle(s)],
  ] as const;

  it.each(settlers)('is settled from its contracts, not its timelines, by %s', (_, settleIn) => {
    const forged = { ...domain, timelines: [] } as unknown as Domain;
    // Bia's 20 % is paid although the forged timelines say no contract is live.
    expect(table(settleIn(forged)._unsafeUnwrap()).slice(1)).toEqual([
      ['cocreator', BIA, 'c1', '20', '20.00', '20.00'],
      ['main-creator', ANA, '-', '-', '80.00', '80.00'],
    ]);
    expect(settleIn(forged)).toEqual(settleIn(domain));
  });

  it.each(settlers)('is refused with the errors validateDomain finds, by %s', (_, settleIn) => {
    const forged = { ...domain, product: { ...domain.product, id: [0n] } } as unknown as Domain;
    const expected = validateDomain(forged)._unsafeUnwrapErr();
    expect(expected.map((e) => [e.code, e.path])).toEqual([['invalid_field', ['product', 'id']]]);
    expect(settleIn(forged)._unsafeUnwrapErr()).toEqual(expected);
  });
});

describe('a fee schedule at exactly half a minor unit', () => {
  it('rounds half up in every settler, past 2^53 too', () => {
    // 0.5 % of 100,000,000,000,001.00 BRL (10^16 + 100 minor units) is 50,000,000,000,000.5
    // minor units: half up gives 50,000,000,000,001 (checked by hand). Past 2^53 the compiled
    // settler computes the fee in bigint.
    const p = parts([], { policy: { extends: 'hotmart', fee: { percent: '0.5' } } });
    const [first, ...rest] = settleAll(p, saleOf({ price: brl('100000000000001.00') }));
    expect(first?._unsafeUnwrap().platformFee).toBe(50_000_000_000_001n);
    for (const other of rest) expect(other).toEqual(first);
  });
});

describe('a percent written with trailing zeros', () => {
  it('pays its whole value in the compiled settler too: 5.50 % of 100.00 is 5.50', () => {
    // The compiled settler divides every percent by one common power of ten; "5.50" is
    // 5.5 % at one decimal, never 5 % (percents print in shortest form).
    const p = parts([accepted('c1', BIA, { percent: '5.50' })]);
    const settlement = settle(p, saleOf({ price: brl('100.00') }))._unsafeUnwrap();
    expect(table(settlement).slice(1)).toEqual([
      ['cocreator', BIA, 'c1', '5.5', '5.50', '5.50'],
      ['main-creator', ANA, '-', '-', '94.50', '94.50'],
    ]);
  });
});

describe('the errors of a sale, word for word', () => {
  it('names where a fee above the price comes from: the sale or the policy schedule', () => {
    const given = settle(parts([]), saleOf({ price: brl('1.00'), platformFee: brl('1.01') }));
    expect(given._unsafeUnwrapErr()[0]?.message).toBe(
      'the platform fee charges 1.01, more than the price 1.00',
    );
    const scheduled = settle(
      parts([], { policy: { extends: 'hotmart', fee: { percent: '0', fixed: { BRL: '1.00' } } } }),
      saleOf({ price: brl('0.99') }),
    );
    expect(scheduled._unsafeUnwrapErr()[0]?.message).toBe(
      "the policy's fee schedule charges 1.00, more than the price 0.99",
    );
  });

  it('lists every covering contract when the policy allows no affiliate on a cocreated product', () => {
    const p = parts(
      [accepted('c1', BIA, { percent: '10' }), accepted('c2', CAIO, { percent: '10' })],
      { policy: { extends: 'hotmart', affiliatesOnCocreatedProducts: false } },
    );
    const result = settle(
      p,
      saleOf({ price: brl('10.00'), affiliate: { account: LEO, percent: '10' } }),
    );
    expect(result._unsafeUnwrapErr()).toEqual([
      {
        code: 'affiliates_not_allowed',
        message:
          'the policy allows no affiliate on a sale that a cocreation contract covers ("c1", "c2")',
        path: ['sale', 'affiliate'],
      },
    ]);
  });
});

describe('a hand-built sale whose affiliate percent only exact arithmetic can place', () => {
  // sale() refuses these percents; a sale built by hand reaches the settlement's own check.
  // Past 13 decimals, or with units past 2^53, the percent is compared in bigint.
  const withAffiliatePercent = (units: bigint, scale: number): Sale => {
    const base = saleOf({ price: brl('10.00'), affiliate: { account: LEO, percent: '10' } });
    const affiliate = { account: base.affiliate?.account, managedBy: null };
    return Object.freeze({
      ...base,
      affiliate: Object.freeze({ ...affiliate, percent: percent(units, scale)._unsafeUnwrap() }),
    }) as Sale;
  };

  it('refuses one just above 100 % with percent_out_of_range between 0 and 100', () => {
    // 100.00000000000001 %: 14 decimals.
    const result = settle(parts([]), withAffiliatePercent(10_000_000_000_000_001n, 14));
    expect(result._unsafeUnwrapErr()).toEqual([
      {
        code: 'percent_out_of_range',
        message: 'an affiliate percent is above 0 and at most 100',
        path: ['sale', 'affiliate', 'percent'],
        min: '0',
        max: '100',
      },
    ]);
  });

  it('pays exactly 100 % written with 17 places (units past 2^53): the whole net', () => {
    const settlement = settle(parts([]), withAffiliatePercent(10n ** 19n, 17))._unsafeUnwrap();
    // N = 10.00, A = 10.00, B = 0: the main creator gets nothing.
    expect(settlement.lines.map((l) => [l.role, l.amount])).toEqual([
      ['platform', 0n],
      ['affiliate', 1000n],
      ['main-creator', 0n],
    ]);
  });
});

describe('a platform fee in another currency than the price (specification §7, row 2a)', () => {
  it('is refused the same way by every settler, and not compared with the price', () => {
    const s = saleOf({ price: brl('10.00'), platformFee: { amount: '20.00', currency: 'USD' } });
    expect(settle(parts([]), s)._unsafeUnwrapErr()).toEqual([
      {
        code: 'currency_mismatch',
        message: 'the platform fee is in USD, the price in BRL',
        path: ['sale', 'platformFee', 'currency'],
        expected: 'BRL',
        actual: 'USD',
      },
    ]);
  });

  it('is reported with the affiliate rules of the covering contracts', () => {
    const p = parts([accepted('c1', BIA, { percent: '20' })]);
    const s = saleOf({
      price: brl('10.00'),
      platformFee: { amount: '1.00', currency: 'USD' },
      affiliate: { account: BIA, percent: '10' },
    });
    expect(errorsOf(settle(p, s))).toEqual([
      ['currency_mismatch', ['sale', 'platformFee', 'currency']],
      ['affiliate_not_permitted', ['sale', 'affiliate', 'account']],
    ]);
  });
});

describe('settleSale: the stages of specification §7', () => {
  it('checks the affiliate rules when only the rules across contracts fail (2e without 2c)', () => {
    const p = parts([
      accepted('c1', BIA, { percent: '20' }),
      contract({
        id: 'c2',
        productId: 'p1',
        cocreator: CAIO,
        events: [
          { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms: { percent: '60' } },
        ],
      })._unsafeUnwrap(),
    ]);
    const s = saleOf({ price: brl('10.00'), affiliate: { account: BIA, percent: '10' } });
    expect(errorsOf(settleSale(p.policy, p.product, p.contracts, s))).toEqual([
      ['retention_floor_violated', ['contracts', 0, 'events', 0]],
      ['retention_floor_violated', ['contracts', 1, 'events', 0]],
      ['affiliate_not_permitted', ['sale', 'affiliate', 'account']],
    ]);
  });

  it('leaves a contract of another product out of coverage', () => {
    const other = contract({
      id: 'c2',
      productId: 'p2',
      cocreator: CAIO,
      events: [
        { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms: { percent: '20' } },
        { type: 'accepted', at: '2026-01-02T00:00:00Z', by: CAIO },
      ],
    })._unsafeUnwrap();
    const p = parts([other], { policy: 'gumroad' });
    const s = saleOf({ price: brl('10.00'), affiliate: { account: CAIO, percent: '10' } });
    expect(errorsOf(settleSale(p.policy, p.product, p.contracts, s))).toEqual([
      ['product_mismatch', ['contracts', 0, 'productId']],
    ]);
  });

  it('reads the affiliate percent against a product built by hand only when it is an object', () => {
    const p = parts([]);
    const s = saleOf({ price: brl('10.00'), affiliate: { account: LEO } });
    expect(errorsOf(settleSale(p.policy, 7 as never, [], s))).toEqual([
      ['invalid_field', ['product']],
    ]);
  });
});

describe('settleSale beside a refused domain', () => {
  const refused = contract({
    id: 'c1',
    productId: 'p1',
    cocreator: BIA,
    events: [
      { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms: { percent: '10' } },
      { type: 'accepted', at: '2026-01-02T00:00:00Z', by: ANA },
    ],
  })._unsafeUnwrap();
  const HISTORY = ['not_authorized', ['contracts', 0, 'events', 1, 'by']];

  it('leaves the rules about covering contracts for valid histories, even with no affiliates allowed', () => {
    const p = parts([refused], {
      policy: { extends: 'hotmart', affiliatesOnCocreatedProducts: false },
    });
    const s = saleOf({ price: brl('10.00'), affiliate: { account: LEO, percent: '10' } });
    expect(errorsOf(settleSale(p.policy, p.product, p.contracts, s))).toEqual([HISTORY]);
  });

  it('reports no sale rule when the policy itself is refused, whose fee it would read', () => {
    const p = parts([refused]);
    const broken = { ...p.policy, minRetainedPercent: percent(100n, 0)._unsafeUnwrap() };
    const shapeless = { id: 'c2', productId: 'p1', cocreator: CAIO, events: [] };
    const s = saleOf({ price: brl('1.00'), platformFee: brl('2.00') });
    const result = settleSale(broken, p.product, [refused, shapeless as never], s);
    expect(errorsOf(result)).toEqual([
      ['invalid_policy', ['policy']],
      ['invalid_field', ['contracts', 1, 'events']],
    ]);
  });

  it('reports only the shape of a malformed sale (stage 1), not the history nor rules read from the sale (stage 2)', () => {
    const p = parts([refused]);
    const good = saleOf({ price: brl('1.00'), platformFee: brl('2.00') });
    const malformed = { ...good, price: { ...good.price, amount: -1n } } as Sale;
    const result = settleSale(p.policy, p.product, p.contracts, malformed);
    expect(errorsOf(result)).toEqual([['invalid_field', ['sale', 'price']]]);
  });
});
