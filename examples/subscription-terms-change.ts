/**
 * A subscription whose terms change mid-way, under Gumroad's rules (one cocreator at most,
 * the creator keeps at least 50 %, amendments apply at once, either party may cancel alone).
 * Ana's newsletter costs US$ 29.90 a month; the platform takes 10 % + US$ 0.50 of each
 * charge. Bia co-writes it for 30 %; on 15 March Ana raises her to 35 %; on 20 May Bia
 * cancels. Each monthly charge is a sale, settled on its own at its own instant.
 *
 * Run it with `npx tsx examples/subscription-terms-change.ts`. Every printed value is asserted.
 */
import assert from 'node:assert/strict';
import {
  compileSettler,
  contract,
  currency,
  type DomainErrors,
  formatAmount,
  formatInstant,
  formatPercent,
  ledgerOf,
  ledgerTotal,
  policy,
  product,
  type Settlement,
  sale,
  validateDomain,
} from 'cocreation';
import { Result } from 'neverthrow';

/** The value of a setup step, or an Error with every problem's message: the script stops. */
function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
  if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
  return result.value;
}

const rules = valueOrThrow(
  policy({
    extends: 'gumroad',
    fee: { percent: '10', fixed: { USD: '0.50' } },
  }),
);
const newsletter = valueOrThrow(product({ id: 'newsletter', mainCreator: 'ana@example.com' }));
const coWriter = valueOrThrow(
  contract({
    id: 'bia-newsletter',
    productId: 'newsletter',
    cocreator: 'bia@example.com',
    events: [
      {
        type: 'invited',
        at: '2026-01-01T00:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '30' },
      },
      { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
      // Gumroad: `amended` applies at once, no approval step.
      {
        type: 'amended',
        at: '2026-03-15T00:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '35' },
      },
      // Gumroad: either party ends the contract alone.
      { type: 'cancelled', at: '2026-05-20T00:00:00Z', by: 'bia@example.com' },
    ],
  }),
);

// Validate once, then settle every charge with the compiled settler.
const compiled = validateDomain({ policy: rules, product: newsletter, contracts: [coWriter] });
if (compiled.isErr()) throw new Error(compiled.error.map((e) => e.message).join('; '));
const settler = compileSettler(compiled.value);

const months = ['01', '02', '03', '04', '05', '06'];
const charged = Result.combine(
  months.map((month) =>
    sale({
      id: `charge-2026-${month}`,
      productId: 'newsletter',
      at: `2026-${month}-10T08:00:00Z`,
      price: { amount: '29.90', currency: 'USD' },
    }).andThen((charge) => settler.settle(charge)),
  ),
);
if (charged.isErr()) throw new Error(charged.error.map((e) => e.message).join('; '));
const charges: Settlement[] = charged.value;

// Hand computation for every charge: P = 29.90
//   F = round_half_up(29.90 × 10 %) + 0.50 = 2.99 + 0.50 = 3.49; N = B = 29.90 − 3.49 = 26.41
//   30 % (January to March, charged before the amendment of 15 March):
//     Bia floor(26.41 × 30 %) = floor(7.923) = 7.92, Ana 26.41 − 7.92 = 18.49
//   35 % (April and May):
//     Bia floor(26.41 × 35 %) = floor(9.2435) = 9.24, Ana 26.41 − 9.24 = 17.17
//   June, after Bia's cancellation of 20 May: no cocreator line, Ana 26.41
const expected: Array<[string, string, string, string, string]> = [
  ['2026-01-10', '3.49', '30', '7.92', '18.49'],
  ['2026-02-10', '3.49', '30', '7.92', '18.49'],
  ['2026-03-10', '3.49', '30', '7.92', '18.49'],
  ['2026-04-10', '3.49', '35', '9.24', '17.17'],
  ['2026-05-10', '3.49', '35', '9.24', '17.17'],
  ['2026-06-10', '3.49', '-', '-', '26.41'],
];

console.log('charge      platform  Bia %    Bia    Ana');
charges.forEach((charge, i) => {
  const usd = (minor: bigint) => formatAmount(minor, charge.currency);
  const platform = charge.lines.find((l) => l.role === 'platform');
  const cocreator = charge.lines.find((l) => l.role === 'cocreator');
  const main = charge.lines.find((l) => l.role === 'main-creator');
  const row: [string, string, string, string, string] = [
    formatInstant(charge.at).slice(0, 10),
    platform === undefined ? '-' : usd(platform.amount),
    cocreator?.role === 'cocreator' ? formatPercent(cocreator.percent) : '-',
    cocreator === undefined ? '-' : usd(cocreator.amount),
    main === undefined ? '-' : usd(main.amount),
  ];
  console.log(
    `${row[0]}  ${row[1].padStart(8)}  ${row[2].padStart(5)}  ${row[3].padStart(5)}  ${row[4].padStart(5)}`,
  );
  assert.deepEqual(row, expected[i]);
});

// Six months in one ledger:
//   Bia   3 × 7.92 + 2 × 9.24          = 23.76 + 18.48          = 42.24
//   Ana   3 × 18.49 + 2 × 17.17 + 26.41 = 55.47 + 34.34 + 26.41 = 116.22
//   fees  6 × 3.49                                              = 20.94
//   total 42.24 + 116.22 + 20.94 = 179.40 = 6 × 29.90
const summed = ledgerOf(charges);
if (summed.isErr()) throw new Error(summed.error.map((e) => e.message).join('; '));
const ledger = summed.value;
const usd = valueOrThrow(currency('USD'));
const total = (query: Parameters<typeof ledgerTotal>[1]) =>
  formatAmount(ledgerTotal(ledger, query).net, usd);
const totals = {
  bia: total({ currency: 'USD', role: 'cocreator' }),
  ana: total({ currency: 'USD', role: 'main-creator' }),
  platform: total({ currency: 'USD', role: 'platform' }),
  all: total({ currency: 'USD' }),
};
console.log();
console.log(
  `Six months: Bia ${totals.bia}, Ana ${totals.ana}, platform ${totals.platform}, total ${totals.all}`,
);
assert.deepEqual(totals, { bia: '42.24', ana: '116.22', platform: '20.94', all: '179.40' });
