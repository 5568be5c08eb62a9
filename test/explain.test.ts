import { describe, expect, it } from 'vitest';
import { contract } from '../src/contract';
import { explain } from '../src/explain';
import { policy } from '../src/policy';
import { product } from '../src/product';
import { refundAll } from '../src/refund';
import { refund, sale } from '../src/sale';
import { settleSale } from '../src/settle';
import type { Settlement } from '../src/settlement';

const bia = contract({
  id: 'c1',
  productId: 'p1',
  cocreator: 'bia@example.com',
  events: [
    {
      type: 'invited',
      at: '2026-01-01T00:00:00Z',
      by: 'ana@example.com',
      terms: { percent: '10' },
    },
    { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
  ],
})._unsafeUnwrap();

function settled(
  policyInput: Parameters<typeof policy>[0],
  saleInput: Record<string, unknown>,
): Settlement {
  return settleSale(
    policy(policyInput)._unsafeUnwrap(),
    product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap(),
    [bia],
    sale({ id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z', ...saleInput })._unsafeUnwrap(),
  )._unsafeUnwrap();
}

describe('explain', () => {
  it('shows every step, the lines with their exact shares, the floor and each refund', () => {
    const s = settled(
      { extends: 'hotmart', fee: { percent: '4.99', fixed: { USD: '0.30' } } },
      {
        price: { amount: '100.00', currency: 'USD' },
        affiliate: { account: 'leo@example.com', percent: '35' },
      },
    );
    const reversals = refundAll(s, [
      refund({
        id: 'r1',
        at: '2026-03-05T00:00:00Z',
        amount: { amount: '30', currency: 'USD' },
      })._unsafeUnwrap(),
    ])._unsafeUnwrap();
    // Checked by hand:
    //   F = round_half_up(10000 x 4.99 %) + 30 = 499 + 30 = 529; N = 9471;
    //   A = floor(3314.85) = 3314; B = 6157; C = floor(615.7) = 615; M = 5542 (exact 5541.3);
    //   30 % of B = 1847.1. Refund of 3000 over (529, 3314, 615, 5542): floors
    //   (158, 994, 184, 1662) = 2998; 5542/1663 = 3.33253 wins, then 3314/995 = 3.33065
    //   beats 5542/1664 = 3.33053: (158, 995, 184, 1663).
    expect(explain(s, reversals)).toBe(
      [
        'Settlement of sale s1 (product p1) at 2026-03-01T12:00:00.000Z, in USD',
        '',
        'price P                                                        100.00',
        'platform fee F = round_half_up(P x 4.99% = 4.99) + fixed 0.30    5.29',
        'net N = P - F                                                   94.71',
        'affiliate A = floor(N x 35% = 33.1485)                          33.14',
        'base B = N - A                                                  61.57',
        'cocreator bia@example.com (c1) = floor(B x 10% = 6.157)          6.15',
        'main creator M = B - sum of cocreators                          55.42',
        '',
        'role          account          contract  percent  computed as            exact  amount',
        '------------  ---------------  --------  -------  -------------------  -------  ------',
        'platform      -                -               -  policy fee schedule     5.29    5.29',
        'affiliate     leo@example.com  -             35%  floor(N x 35%)       33.1485   33.14',
        'cocreator     bia@example.com  c1            10%  floor(B x 10%)         6.157    6.15',
        'main-creator  ana@example.com  -               -  B - cocreators        55.413   55.42',
        '------------  ---------------  --------  -------  -------------------  -------  ------',
        'total                                             = price P                     100.00',
        '',
        'The main creator absorbs every rounding remainder: 55.42 against an exact 55.413.',
        'Retention floor: at least 30% of B = 18.471; kept 55.42.',
        '',
        'Refund r1 at 2026-03-05T00:00:00.000Z: 30.00, refunded so far 30.00 of 100.00',
        "Each line's reversal so far is the D'Hondt allocation of 30.00 over the line amounts.",
        '',
        'role          account          contract    paid  reversed now  reversed so far   kept',
        '------------  ---------------  --------  ------  ------------  ---------------  -----',
        'platform      -                -           5.29         -1.58            -1.58   3.71',
        'affiliate     leo@example.com  -          33.14         -9.95            -9.95  23.19',
        'cocreator     bia@example.com  c1          6.15         -1.84            -1.84   4.31',
        'main-creator  ana@example.com  -          55.42        -16.63           -16.63  38.79',
        '------------  ---------------  --------  ------  ------------  ---------------  -----',
        'total                                    100.00        -30.00           -30.00  70.00',
      ].join('\n'),
    );
  });

  it('says where the fee came from when the sale gives it or there is none', () => {
    const given = explain(
      settled('hotmart', {
        price: { amount: '10', currency: 'BRL' },
        platformFee: { amount: '1', currency: 'BRL' },
      }),
    );
    expect(given).toMatch(/platform fee F, given by the sale +1\.00/);
    expect(given).toContain('base B = N (no affiliate)');
    const none = explain(settled('hotmart', { price: { amount: '10', currency: 'BRL' } }));
    expect(none).toContain('platform fee F, none');
    expect(none).toMatch(/platform\s+-\s+-\s+-\s+no fee\s+0\.00\s+0\.00/);
  });

  it('adds each refund to what was reversed so far', () => {
    const s = settled('hotmart', { price: { amount: '10', currency: 'BRL' } });
    const reversals = refundAll(s, [
      refund({
        id: 'r1',
        at: '2026-03-05T00:00:00Z',
        amount: { amount: '4', currency: 'BRL' },
      })._unsafeUnwrap(),
      refund({
        id: 'r2',
        at: '2026-03-06T00:00:00Z',
        amount: { amount: '6', currency: 'BRL' },
      })._unsafeUnwrap(),
    ])._unsafeUnwrap();
    const text = explain(s, reversals);
    // Lines (0, 100, 900): r1 reverses (0, 40, 360), r2 the rest (0, 60, 540).
    expect(text).toMatch(/main-creator\s+ana@example\.com\s+-\s+9\.00\s+-3\.60\s+-3\.60\s+5\.40/);
    expect(text).toMatch(/main-creator\s+ana@example\.com\s+-\s+9\.00\s+-5\.40\s+-9\.00\s+0\.00/);
  });

  it('does not throw on a value that is not a settlement', () => {
    expect(explain(null as never)).toBe('not a settlement');
  });
});
