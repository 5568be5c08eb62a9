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
const start = performance.now();
const end = start + seconds * 1000;
let settled = 0;
let i = 0;
while (performance.now() < end) {
  for (let k = 0; k < 256; k++, i = i + 1 === sales.length ? 0 : i + 1) {
    sink = settle(sales[i] as (typeof sales)[number]);
  }
  settled += 256;
}
const perSec = (settled * 1000) / (performance.now() - start);
console.log(`profile: ${row}, N = ${n}: ${Math.round(perSec).toLocaleString('en-US')} sales/s`);
