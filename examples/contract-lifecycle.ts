/**
 * One contract's life on Hotmart: Ana invites Bia at 20 % until 1 July, Bia accepts, Ana
 * proposes 25 %, Bia approves, and the term expires on its own. Sales of R$ 99.90 at each
 * stage show who is paid: nothing before acceptance, the old terms while the amendment is
 * pending, the new ones after approval, nothing from the expiry instant on.
 *
 * Run it with `npx tsx examples/contract-lifecycle.ts`. Every printed value is asserted.
 */
import assert from 'node:assert/strict';
import {
  type DomainErrors,
  formatAmount,
  formatPercent,
  invite,
  POLICIES,
  parseInstant,
  product,
  reservedPercentAt,
  sale,
  settleSale,
  statusAt,
  timelineOf,
  transition,
  validateDomain,
} from 'cocreation';
import type { Result } from 'neverthrow';

/** The value of a setup step, or an Error with every problem's message: the script stops. */
function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
  if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
  return result.value;
}

const course = valueOrThrow(product({ id: 'course', mainCreator: 'ana@example.com' }));
const context = { policy: POLICIES.hotmart, product: course, contracts: [] };
const ana = 'ana@example.com';
const bia = 'bia@example.com';

// Each transition checks who acts, the state, the policy and the retention floor, and
// returns the contract with one more event, or the errors: chained with andThen, the first
// refused step ends the chain.
const proposing = invite(context, {
  id: 'bia-course',
  cocreator: bia,
  terms: { percent: '20', endsAt: '2026-07-01T00:00:00Z' },
  by: ana,
  at: '2026-01-01T00:00:00Z',
})
  .andThen((invited) =>
    transition(context, invited, { type: 'accepted', by: bia, at: '2026-01-03T00:00:00Z' }),
  )
  .andThen((accepted) =>
    transition(context, accepted, {
      type: 'amendment-proposed',
      terms: { percent: '25' },
      by: ana,
      at: '2026-03-01T00:00:00Z',
    }),
  );
if (proposing.isErr()) throw new Error(proposing.error.map((e) => e.message).join('; '));
const proposed = proposing.value;

// Only the cocreator may approve an amendment.
const byTheWrongParty = transition(context, proposed, {
  type: 'amendment-approved',
  by: ana,
  at: '2026-03-02T00:00:00Z',
});
if (byTheWrongParty.isOk()) throw new Error('expected Ana to be refused');
console.log(`Ana approving her own proposal: ${byTheWrongParty.error[0].code}`);
assert.equal(byTheWrongParty.error[0].code, 'not_authorized');

const approving = transition(context, proposed, {
  type: 'amendment-approved',
  by: bia,
  at: '2026-03-05T00:00:00Z',
});
if (approving.isErr()) throw new Error(approving.error.map((e) => e.message).join('; '));
const amended = approving.value;

// After the term's end the contract is over: no event may follow, not even an amendment.
const tooLate = transition(context, amended, {
  type: 'amendment-proposed',
  terms: { endsAt: null },
  by: ana,
  at: '2026-08-01T00:00:00Z',
});
if (tooLate.isOk()) throw new Error('expected the amendment to be refused');
console.log(`Amending after the expiry: ${tooLate.error[0].code}`);
assert.equal(tooLate.error[0].code, 'invalid_transition');

console.log(`History: ${amended.events.map((e) => e.type).join(' → ')}`);
assert.deepEqual(
  amended.events.map((e) => e.type),
  ['invited', 'accepted', 'amendment-proposed', 'amendment-approved'],
);

const domain = validateDomain({ ...context, contracts: [amended] });
if (domain.isErr()) throw new Error(domain.error.map((e) => e.message).join('; '));
const timeline = timelineOf(domain.value, 'bia-course');
assert.ok(timeline !== undefined);

/** What Bia and Ana receive from a R$ 99.90 direct sale at `at` (or why it cannot settle). */
function payAt(at: string): Result<{ bia: string; ana: string }, DomainErrors> {
  return sale({
    id: `sale-${at}`,
    productId: 'course',
    at,
    price: { amount: '99.90', currency: 'BRL' },
  })
    .andThen((order) => settleSale(POLICIES.hotmart, course, [amended], order))
    .map((settlement) => {
      const amountOf = (role: string) => {
        const line = settlement.lines.find((l) => l.role === role);
        return line === undefined ? '-' : formatAmount(line.amount, settlement.currency);
      };
      return { bia: amountOf('cocreator'), ana: amountOf('main-creator') };
    });
}

// Hand computation, price P = 99.90, no fee, no affiliate, so B = 99.90:
//   20 %: floor(19.98) = 19.98, Ana 99.90 − 19.98 = 79.92
//   25 %: floor(24.975) = 24.97, Ana 99.90 − 24.97 = 74.93 (Ana absorbs the 0.005)
// While the amendment is pending, the old 20 % is paid but 25 % is reserved against the
// 70 % that Hotmart lets cocreators hold together.
const stages: Array<[string, string, string, string, string, string]> = [
  ['2026-01-02T00:00:00Z', 'pending', '20', '-', '99.90', 'invited, not yet accepted'],
  ['2026-02-01T00:00:00Z', 'active', '20', '19.98', '79.92', 'the invitation terms'],
  ['2026-03-03T00:00:00Z', 'active', '25', '19.98', '79.92', 'amendment pending: old terms'],
  ['2026-04-01T00:00:00Z', 'active', '25', '24.97', '74.93', 'amendment approved'],
  ['2026-07-01T00:00:00Z', 'expired', '0', '-', '99.90', 'the term ends (exclusive)'],
];

console.log();
console.log(
  `${'instant'.padEnd(20)}  ${'status'.padEnd(8)}  ${'reserved'.padStart(8)}  ${'Bia'.padStart(6)}  ${'Ana'.padStart(7)}  why`,
);
for (const [at, status, reserved, biaAmount, anaAmount, why] of stages) {
  const t = valueOrThrow(parseInstant(at));
  const paid = payAt(at);
  if (paid.isErr()) throw new Error(paid.error.map((e) => e.message).join('; '));
  const row: { status: string | null; reserved: string; bia: string; ana: string } = {
    status: statusAt(timeline, t),
    reserved: formatPercent(reservedPercentAt(timeline, t)),
    ...paid.value,
  };
  console.log(
    `${at}  ${String(row.status).padEnd(8)}  ${`${row.reserved} %`.padStart(8)}  ${row.bia.padStart(6)}  ${row.ana.padStart(7)}  ${why}`,
  );
  assert.deepEqual(row, { status, reserved, bia: biaAmount, ana: anaAmount });
}
