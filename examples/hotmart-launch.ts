/**
 * A Hotmart launch: Ana's course is co-produced by Bia (20 % of every sale) and by Caio, the
 * affiliate manager, who earns 10 % of the sales made by the affiliates he manages. Leo, one
 * of Caio's affiliates, sells with a 40 % commission. The platform charges 9.9 % + R$ 1.00.
 *
 * Run it with `npm run example`. Every amount printed is asserted against a hand computation.
 */
import assert from 'node:assert/strict';
import {
  contract,
  type DomainErrors,
  explain,
  formatAmount,
  policy,
  product,
  type Settlement,
  sale,
  settleSale,
} from 'cocreation';
import type { Result } from 'neverthrow';

/** The value of a setup step, or an Error with every problem's message: the script stops. */
function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
  if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
  return result.value;
}

const rules = valueOrThrow(
  policy({
    extends: 'hotmart',
    fee: { percent: '9.9', fixed: { BRL: '1.00' } },
  }),
);

const course = valueOrThrow(
  product({
    id: 'launch-course',
    mainCreator: 'ana@example.com',
    affiliateCommission: '40',
  }),
);

const contracts = [
  contract({
    id: 'bia-20',
    productId: 'launch-course',
    cocreator: 'bia@example.com',
    events: [
      {
        type: 'invited',
        at: '2026-01-05T12:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '20', appliesTo: 'all-sales' },
      },
      { type: 'accepted', at: '2026-01-06T09:30:00Z', by: 'bia@example.com' },
    ],
  }),
  contract({
    id: 'caio-managed-10',
    productId: 'launch-course',
    cocreator: 'caio@example.com',
    events: [
      {
        type: 'invited',
        at: '2026-01-05T12:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '10', appliesTo: 'managed-affiliate-sales' },
      },
      { type: 'accepted', at: '2026-01-07T18:00:00Z', by: 'caio@example.com' },
    ],
  }),
].map(valueOrThrow);

/** Each line as `[role, account, amount]`, the amount printed in the sale's currency. */
function split(settlement: Settlement): Array<[string, string, string]> {
  return settlement.lines.map((line) => [
    line.role,
    line.account ?? '-',
    formatAmount(line.amount, settlement.currency),
  ]);
}

// 1. A sale by Leo, whom Caio manages.
//    P = 497.00
//    F = round_half_up(497.00 × 9.9 %) + 1.00 = round_half_up(49.203) + 1.00 = 49.20 + 1.00 = 50.20
//    N = 497.00 − 50.20 = 446.80
//    A = floor(446.80 × 40 %) = floor(178.72) = 178.72
//    B = 446.80 − 178.72 = 268.08
//    Bia  = floor(268.08 × 20 %) = floor(53.616) = 53.61
//    Caio = floor(268.08 × 10 %) = floor(26.808) = 26.80
//    Ana  = 268.08 − 53.61 − 26.80 = 187.67  (≥ 30 % of 268.08 = 80.424)
//    Check: 50.20 + 178.72 + 53.61 + 26.80 + 187.67 = 497.00
const byAffiliate = sale({
  id: 'order-1001',
  productId: 'launch-course',
  at: '2026-02-10T20:15:00-03:00',
  price: { amount: '497.00', currency: 'BRL' },
  affiliate: { account: 'leo@example.com', managedBy: 'caio@example.com' },
}).andThen((order) => settleSale(rules, course, contracts, order));
if (byAffiliate.isErr()) throw new Error(byAffiliate.error.map((e) => e.message).join('; '));

console.log(explain(byAffiliate.value));
console.log();
assert.deepEqual(split(byAffiliate.value), [
  ['platform', '-', '50.20'],
  ['affiliate', 'leo@example.com', '178.72'],
  ['cocreator', 'bia@example.com', '53.61'],
  ['cocreator', 'caio@example.com', '26.80'],
  ['main-creator', 'ana@example.com', '187.67'],
]);

// 2. A direct sale (no affiliate): Caio's contract does not apply, so he has no line.
//    F = 50.20, N = B = 446.80
//    Bia = floor(446.80 × 20 %) = 89.36
//    Ana = 446.80 − 89.36 = 357.44
//    Check: 50.20 + 89.36 + 357.44 = 497.00
const direct = sale({
  id: 'order-1002',
  productId: 'launch-course',
  at: '2026-02-10T20:16:00-03:00',
  price: { amount: '497.00', currency: 'BRL' },
}).andThen((order) => settleSale(rules, course, contracts, order));
if (direct.isErr()) throw new Error(direct.error.map((e) => e.message).join('; '));

console.log('Direct sale order-1002:');
for (const [role, account, amount] of split(direct.value)) {
  console.log(`  ${role.padEnd(13)} ${account.padEnd(17)} ${amount.padStart(7)}`);
}
assert.deepEqual(split(direct.value), [
  ['platform', '-', '50.20'],
  ['cocreator', 'bia@example.com', '89.36'],
  ['main-creator', 'ana@example.com', '357.44'],
]);
