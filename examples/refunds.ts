/**
 * Refunds: the sale of specification §8 (R$ 197.00, platform fee 20.50, Leo as affiliate at
 * 40 %, Bia as cocreator at 20 %) refunded in three parts: 50.00, 30.00, then the rest.
 * Every refund is reversed line by line, no party is ever credited by a refund, and once
 * the whole price is refunded every party nets exactly zero.
 *
 * Run it with `npx tsx examples/refunds.ts`. Every printed amount is asserted.
 */
import assert from 'node:assert/strict';
import { explain, formatAmount, ledgerOf, type Reversal } from 'cocreation';
import { parseDocument, settleDocument } from 'cocreation/wire';

const refund = (id: string, at: string, amount: string) => ({
  id,
  at,
  amount: { amount, currency: 'BRL' },
});

const document = {
  policy: 'hotmart',
  product: { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40' },
  contracts: [
    {
      id: 'c1',
      productId: 'p1',
      cocreator: 'bia@example.com',
      events: [
        {
          type: 'invited',
          at: '2026-01-01T00:00:00Z',
          by: 'ana@example.com',
          terms: { percent: '20' },
        },
        { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
      ],
    },
  ],
  sale: {
    id: 's1',
    productId: 'p1',
    at: '2026-03-01T12:00:00Z',
    price: { amount: '197.00', currency: 'BRL' },
    platformFee: { amount: '20.50', currency: 'BRL' },
    affiliate: { account: 'leo@example.com', percent: '40', managedBy: 'bia@example.com' },
  },
  refunds: [
    refund('r1', '2026-03-05T00:00:00Z', '50.00'),
    refund('r2', '2026-03-09T00:00:00Z', '30.00'),
    refund('r3', '2026-03-20T00:00:00Z', '117.00'),
  ],
};

const settled = parseDocument(document).andThen(settleDocument);
if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
const { settlement, reversals } = settled.value;
const money = (minor: bigint) => formatAmount(minor, settlement.currency);
console.log(explain(settlement, reversals));

// The settlement (specification §5): P = 197.00, F = 20.50, N = 176.50, A = floor(70.60) = 70.60,
// B = 105.90, Bia = floor(21.18) = 21.18, Ana = 105.90 − 21.18 = 84.72.
// Line amounts w (in centavos) = [2050, 7060, 2118, 8472], P = 19700.
assert.deepEqual(
  settlement.lines.map((l) => money(l.amount)),
  ['20.50', '70.60', '21.18', '84.72'],
);

// Each refund reverses the D'Hondt allocation of the cumulative refunded amount X over w,
// less what earlier refunds reversed (specification §6). By hand, in centavos:
//
// X = 5000: floor(w × 5000 / 19700) = [520, 1791, 537, 2150] (sum 4998; 2 units left)
//   quotients w / (a + 1): 2050/521 = 3.9347, 7060/1792 = 3.9397, 2118/538 = 3.9368,
//   8472/2151 = 3.9386 → one unit to the affiliate (1792); then 7060/1793 = 3.9375, so
//   the next goes to Ana (3.9386) → a(5000) = [520, 1792, 537, 2151]
// X = 8000: floor(w × 8000 / 19700) = [832, 2867, 860, 3440] (sum 7999; 1 unit left)
//   quotients: 2050/833 = 2.4610, 7060/2868 = 2.4616, 2118/861 = 2.4599,
//   8472/3441 = 2.4621 → to Ana → a(8000) = [832, 2867, 860, 3441]
// X = 19700 = P: a = w = [2050, 7060, 2118, 8472]
//
// r1 = −a(5000)           = [−520, −1792, −537, −2151]     (sum −5000)
// r2 = −(a(8000) − a(5000)) = [−312, −1075, −323, −1290]   (sum −3000)
// r3 = −(w − a(8000))     = [−1218, −4193, −1258, −5031]   (sum −11700)
const reversed = (r: Reversal | undefined) => r?.lines.map((l) => money(l.amount));
assert.deepEqual(reversed(reversals[0]), ['-5.20', '-17.92', '-5.37', '-21.51']);
assert.deepEqual(reversed(reversals[1]), ['-3.12', '-10.75', '-3.23', '-12.90']);
assert.deepEqual(reversed(reversals[2]), ['-12.18', '-41.93', '-12.58', '-50.31']);

// After refunds totalling the price, every party nets exactly zero.
const summed = ledgerOf([settlement, ...reversals]);
if (summed.isErr()) throw new Error(summed.error.map((e) => e.message).join('; '));
const ledger = summed.value;
console.log();
console.log('After the three refunds:');
for (const row of ledger.rows) {
  console.log(
    `  ${row.role.padEnd(13)} ${(row.account ?? '-').padEnd(16)} paid ${money(row.settled).padStart(6)}  reversed ${money(row.reversed).padStart(7)}  keeps ${money(row.net)}`,
  );
}
assert.deepEqual(
  ledger.rows.map((row) => [row.role, money(row.settled), money(row.reversed), money(row.net)]),
  [
    ['platform', '20.50', '-20.50', '0.00'],
    ['affiliate', '70.60', '-70.60', '0.00'],
    ['cocreator', '21.18', '-21.18', '0.00'],
    ['main-creator', '84.72', '-84.72', '0.00'],
  ],
);

// One cent more than the price is refused, and the error says which refund and field.
const tooMuch = parseDocument({
  ...document,
  refunds: [...document.refunds, refund('r4', '2026-03-21T00:00:00Z', '0.01')],
}).andThen(settleDocument);
if (tooMuch.isOk()) throw new Error('expected the fourth refund to be refused');
const [error] = tooMuch.error;
console.log();
console.log(`A fourth refund of 0.01: ${error.code} at ${JSON.stringify(error.path)}`);
assert.equal(error.code, 'refund_exceeds_price');
assert.deepEqual(error.path, ['refunds', 3, 'amount', 'amount']);
