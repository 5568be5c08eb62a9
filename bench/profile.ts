/**
 * A profiling target: settles the N = 5 fixture's sales in a loop for a few seconds with one
 * library row, nothing else in the process. `node scripts/bench.mjs --profile` runs it under
 * `node --cpu-prof` and prints where the time goes.
 */
import { makeFixture } from './fixtures';
import { libraryRows } from './library';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k, v] as const;
  }),
);
const seconds = Number(args.get('seconds') ?? 5);
const row = args.get('row') === 'settleSale' ? 'settleSale' : 'compiled';
const n = Number(args.get('n') ?? 5);

/** Written on every call so that no result is dead code. */
export let sink: unknown;

const rows = libraryRows(makeFixture(n));
const settle = rows[row];
const sales = rows.sales;
const end = performance.now() + seconds * 1000;
let settled = 0;
while (performance.now() < end) {
  for (let i = 0; i < sales.length; i++) sink = settle(sales[i] as (typeof sales)[number]);
  settled += sales.length;
}
console.log(
  `profile: ${row}, N = ${n}: ${Math.round(settled / seconds).toLocaleString('en-US')} sales/s`,
);
