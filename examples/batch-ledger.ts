/**
 * Settling a batch: a day's export of sales and refunds for one product, settled with a
 * settler compiled once, then summed into a ledger per currency, month, role and account,
 * the statement each party is paid from. A bad row is refused with its errors; the rest
 * of the batch goes on.
 *
 * Run it with `npx tsx examples/batch-ledger.ts`. Every printed amount is asserted.
 */
import assert from 'node:assert/strict';
import {
  compileSettler,
  contract,
  currency,
  type DomainErrors,
  formatAmount,
  formatInstant,
  type LedgerEntry,
  ledgerOf,
  ledgerTotal,
  POLICIES,
  product,
  refund,
  refundSale,
  type Settlement,
  sale,
  validateDomain,
} from 'cocreation';
import type { Result } from 'neverthrow';

/** The value of a setup step, or an Error with every problem's message: the script stops. */
function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
  if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
  return result.value;
}

const course = valueOrThrow(
  product({
    id: 'course',
    mainCreator: 'ana@example.com',
    affiliateCommission: '40',
  }),
);
const bia = valueOrThrow(
  contract({
    id: 'c1',
    productId: 'course',
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
  }),
);
const settler = valueOrThrow(
  validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [bia] }).map(
    compileSettler,
  ),
);

// The batch, as a platform would export it (wire shapes, amounts as decimal strings).
const rows: unknown[] = [
  {
    id: 's1',
    productId: 'course',
    at: '2026-03-02T10:00:00Z',
    price: { amount: '97.00', currency: 'BRL' },
    platformFee: { amount: '10.37', currency: 'BRL' },
  },
  {
    id: 's2',
    productId: 'course',
    at: '2026-03-15T10:00:00Z',
    price: { amount: '197.00', currency: 'BRL' },
    platformFee: { amount: '20.50', currency: 'BRL' },
    affiliate: { account: 'leo@example.com' },
  },
  {
    id: 's3',
    productId: 'course',
    at: '2026-04-03T10:00:00Z',
    price: { amount: '97.00', currency: 'BRL' },
    platformFee: { amount: '10.37', currency: 'BRL' },
  },
  {
    id: 's4',
    productId: 'course',
    at: '2026-04-20T10:00:00Z',
    price: { amount: '49.00', currency: 'USD' },
    platformFee: { amount: '5.39', currency: 'USD' },
  },
  // A row with a fee above its price: refused, the rest of the batch goes on.
  {
    id: 's5',
    productId: 'course',
    at: '2026-04-21T10:00:00Z',
    price: { amount: '9.00', currency: 'BRL' },
    platformFee: { amount: '19.00', currency: 'BRL' },
  },
];

const settled: Settlement[] = [];
const refused: string[] = [];
for (const row of rows) {
  const result = sale(row).andThen((s) => settler.settle(s));
  if (result.isOk()) settled.push(result.value);
  else refused.push(...result.error.map((e) => `${e.code} at ${JSON.stringify(e.path)}`));
}
console.log(`Settled ${settled.length} sales; refused: ${refused.join('; ')}`);
assert.equal(settled.length, 4);
assert.deepEqual(refused, ['fee_exceeds_price at ["sale","platformFee","amount"]']);

// s2 is refunded in full on 5 April: its reversal counts in April.
const s2 = settled[1];
assert.ok(s2 !== undefined);
const reversal = refund({
  id: 'r1',
  at: '2026-04-05T09:00:00Z',
  amount: { amount: '197.00', currency: 'BRL' },
}).andThen((fullRefund) => refundSale(s2, [], fullRefund));
if (reversal.isErr()) throw new Error(reversal.error.map((e) => e.message).join('; '));

// Hand computation of each sale (Hotmart, Bia 20 % of every sale):
//   s1, s3  BRL P 97.00,  F 10.37, N = B = 86.63, Bia floor(17.326) = 17.32, Ana 69.31
//   s2      BRL P 197.00, F 20.50, N 176.50, Leo floor(70.60) = 70.60, B 105.90,
//           Bia floor(21.18) = 21.18, Ana 84.72
//   s4      USD P 49.00,  F 5.39,  N = B = 43.61, Bia floor(8.722) = 8.72, Ana 34.89
//   r1      the exact negation of s2: −20.50, −70.60, −21.18, −84.72
const entries: LedgerEntry[] = [...settled, reversal.value];
const summed = ledgerOf(entries, {
  period: (entry) => formatInstant(entry.at).slice(0, 7),
});
if (summed.isErr()) throw new Error(summed.error.map((e) => e.message).join('; '));
const ledger = summed.value;

// Rows come in canonical order: currency, period, role (platform, affiliate, cocreator,
// main creator), account.
//   BRL 2026-03  platform 10.37 + 20.50 = 30.87;  Leo 70.60;
//                Bia 17.32 + 21.18 = 38.50;        Ana 69.31 + 84.72 = 154.03
//   BRL 2026-04  platform 10.37 − 20.50 = −10.13; Leo 0.00 − 70.60 = −70.60;
//                Bia 17.32 − 21.18 = −3.86;        Ana 69.31 − 84.72 = −15.41
//   USD 2026-04  platform 5.39; Bia 8.72; Ana 34.89
const table = ledger.rows.map((row) => {
  const cur = valueOrThrow(currency(row.currency));
  return [
    row.currency,
    row.period ?? '-',
    row.role,
    row.account ?? '-',
    formatAmount(row.settled, cur),
    formatAmount(row.reversed, cur),
    formatAmount(row.net, cur),
  ];
});
console.log();
console.log('cur  month    role          account             settled  reversed      net');
for (const [cur, month, role, account, credit, debit, net] of table) {
  console.log(
    `${cur}  ${month}  ${role?.padEnd(12)}  ${account?.padEnd(16)}  ${credit?.padStart(9)}  ${debit?.padStart(8)}  ${net?.padStart(7)}`,
  );
}
assert.deepEqual(table, [
  ['BRL', '2026-03', 'platform', '-', '30.87', '0.00', '30.87'],
  ['BRL', '2026-03', 'affiliate', 'leo@example.com', '70.60', '0.00', '70.60'],
  ['BRL', '2026-03', 'cocreator', 'bia@example.com', '38.50', '0.00', '38.50'],
  ['BRL', '2026-03', 'main-creator', 'ana@example.com', '154.03', '0.00', '154.03'],
  ['BRL', '2026-04', 'platform', '-', '10.37', '-20.50', '-10.13'],
  ['BRL', '2026-04', 'affiliate', 'leo@example.com', '0.00', '-70.60', '-70.60'],
  ['BRL', '2026-04', 'cocreator', 'bia@example.com', '17.32', '-21.18', '-3.86'],
  ['BRL', '2026-04', 'main-creator', 'ana@example.com', '69.31', '-84.72', '-15.41'],
  ['USD', '2026-04', 'platform', '-', '5.39', '0.00', '5.39'],
  ['USD', '2026-04', 'cocreator', 'bia@example.com', '8.72', '0.00', '8.72'],
  ['USD', '2026-04', 'main-creator', 'ana@example.com', '34.89', '0.00', '34.89'],
]);

// What Bia is owed in BRL over both months: 38.50 − 3.86 = 34.64 = 2 × 17.32 (s2 refunded).
const biaBrl = ledgerTotal(ledger, { currency: 'BRL', account: bia.cocreator });
const brl = valueOrThrow(currency('BRL'));
console.log();
console.log(`Bia, BRL, March and April: ${formatAmount(biaBrl.net, brl)}`);
assert.equal(formatAmount(biaBrl.net, brl), '34.64');
