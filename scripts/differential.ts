// Differential run of the CLI (`dist/cli.js settle --jsonl`, run `npm run build` first) against the Python reference on generated documents.
//
//   npx tsx scripts/differential.ts [seed] [documents per family]     (exit 1 on a disagreement)
//
// Families: valid documents (`documentJson`), malformed ones (`malformedDocument`), hostile
// values (wrong types, bad syntax, bounds at the edges, unknown currencies, null) at random
// fields of valid documents, the stage-2 corruptions of test/arbitraries/stages.ts one and two
// parts at once, and raw lines (invalid UTF-8, a BOM inside the input, empty, not JSON).
// Successes are compared whole; refusals as sets of (code, path), where the pairs the
// specification lets an implementation report with one code or both (section 7) are allowed to
// differ. Not part of `npm test`: a tool for changes to the validator or to the reference.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { documentJson, malformedDocument } from '../src/testing';
import { CORRUPTIONS, copyOf } from '../test/arbitraries/stages';

const ROOT = join(import.meta.dirname, '..');
const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 1000);
const random = fc.sample(fc.nat(), { numRuns: count * 20, seed: seed + 9 });
let next = 0;
const pick = <T>(items: ReadonlyArray<T>): T =>
  items[(random[next++ % random.length] as number) % items.length] as T;

const family: string[] = [];
const lines: Buffer[] = [];
const add = (name: string, line: unknown) => {
  family.push(name);
  lines.push(Buffer.isBuffer(line) ? line : Buffer.from(JSON.stringify(line), 'utf8'));
};

const zeros = (n: number) => '0'.repeat(n);
const HOSTILE: ReadonlyArray<unknown> = [
  ...[null, true, 0, -1, 1.5, 1e21, 1e-7, 1e-6, 2 ** 53, 7, [], {}, [null], { x: 1 }],
  ...['', ' ', 'abc', '-1', '1.', '.5', '1e2', '0', '0.000', '100.0001', '70.01', '0.009', '+1'],
  ...[`1${zeros(999)}`, `1${zeros(1000)}`, `0.${zeros(999)}1`, `0.${zeros(1000)}1`],
  ...[`${'1'.repeat(99)}.${zeros(1000)}`, `${'1'.repeat(100)}.${zeros(1000)}`],
  ...['2026-02-30T00:00:00Z', '0001-01-01T00:00:00+00:01', '9999-12-31T23:59:59-00:01'],
  ...['2026-01-01T00:00:00.1234567890Z', '2026-01-01T00:00:60Z', '2026-01-01T00:00:00+24:00'],
  ...['2026-01-01t00:00:00z', '2026-01-01T00:00:00-23:59', '2100-02-29T00:00:00Z'],
  ...['usd', 'XXX', 'XAU', 'ANG', 'BGN', 'CLF', 'KWD', 'JPY', 'Hotmart', 'gumroad', 'immediate'],
  ...['ana@example.com', 'a'.repeat(321), 'x'.repeat(1001), '\ufeff', 'managed-affiliate-sales'],
  ...[
    '10\n',
    '2026-01-01T00:00:00Z\n',
    'USD\n',
    '１0',
    '1_0',
    ' 10',
    '\u00a0ana@example.com\u2028',
  ],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;
function paths(value: Json, at: Step[] = [], into: Step[][] = []): Step[][] {
  if (at.length > 0) into.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...at, i], into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], into);
  }
  return into;
}
function replaced(root: Json, at: ReadonlyArray<Step>, value: unknown): Json {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const step of at.slice(0, -1)) {
    node = (node as Record<Step, unknown>)[step];
    if (node === null || typeof node !== 'object') return copy;
  }
  (node as Record<Step, unknown>)[at[at.length - 1] as Step] = value;
  return copy;
}

for (const doc of fc.sample(documentJson(), { numRuns: count, seed })) add('valid', doc);
for (const m of fc.sample(malformedDocument(), { numRuns: count, seed: seed + 1 })) {
  add(`malformed ${m.corruption}`, m.document);
}
const small = documentJson({ maxContracts: 3, maxRefunds: 2 });
for (const doc of fc.sample(small, { numRuns: count, seed: seed + 2 })) {
  const json = doc as unknown as Json;
  const all = paths(json);
  add('hostile value', replaced(json, pick(all), pick(HOSTILE)));
  add(
    'two hostile values',
    replaced(replaced(json, pick(all), pick(HOSTILE)), pick(all), pick(HOSTILE)),
  );
  add(
    'hostile policy',
    replaced(json, ['policy'], {
      extends: pick(['hotmart', 'kiwify', 'gumroad', 'shopify', 7, null]),
      [pick(['minRetainedPercent', 'maxCocreators', 'percentDecimals', 'fee'])]: pick(HOSTILE),
      cocreatorPercent: { [pick(['min', 'max'])]: pick(HOSTILE) },
    }),
  );
}
for (const doc of fc.sample(small, { numRuns: count, seed: seed + 3 })) {
  const first = pick(CORRUPTIONS);
  const broken = copyOf(doc);
  if (first.apply(broken, pick(random)) === null) continue;
  const second = pick(CORRUPTIONS.filter((c) => c.part !== first.part));
  const both = pick([false, true]) && second.apply(broken, pick(random)) !== null;
  add(both ? `stage 2: ${first.name} + ${second.name}` : `stage 2: ${first.name}`, broken);
}
const sample = Buffer.from(JSON.stringify(fc.sample(documentJson(), { numRuns: 1, seed })[0]));
for (const raw of [
  Buffer.alloc(0),
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]),
  Buffer.concat([sample.subarray(0, 9), Buffer.from([0xff]), sample.subarray(9)]),
  Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
  Buffer.from('[]'),
  Buffer.concat([sample, Buffer.from('\r')]),
]) {
  add('raw line', raw);
}

const input = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
const run = (command: string, args: string[]) => {
  const out = spawnSync(command, args, { input, maxBuffer: 1 << 30, cwd: ROOT });
  return out.stdout
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l));
};
const library = run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'settle', '--jsonl']);
const reference = run('python3', [join(ROOT, 'scripts', 'reference', 'settle.py'), '--jsonl']);
if (library.length !== lines.length || reference.length !== lines.length) {
  throw new Error(`${lines.length} documents, ${library.length} / ${reference.length} answers`);
}

// Section 7: one problem, "one or both codes" (a refund before the sale and out of order, a
// percent breaking precision and range, an affiliate refused by both rules of 4.6).
const EITHER: Record<string, string> = {
  refund_before_sale: 'events_out_of_order',
  events_out_of_order: 'refund_before_sale',
  percent_precision: 'percent_out_of_range',
  percent_out_of_range: 'percent_precision',
  affiliate_not_permitted: 'affiliates_not_allowed',
  affiliates_not_allowed: 'affiliate_not_permitted',
};
interface Output {
  ok: boolean;
  errors?: Array<{ code: string; path: Step[] }>;
}
const pairs = (o: Output) =>
  new Set((o.errors ?? []).map((e) => `${e.code} ${JSON.stringify(e.path)}`));
const kinds = new Map<string, number[]>();
let allowed = 0;
library.forEach((a: Output, i) => {
  const b = reference[i] as Output;
  let kind: string | null = null;
  if (a.ok !== b.ok) kind = a.ok ? 'settled by the library only' : 'settled by the reference only';
  else if (a.ok) kind = JSON.stringify(a) === JSON.stringify(b) ? null : 'different settlements';
  else {
    const [x, y] = [pairs(a), pairs(b)];
    const onlyA = [...x].filter((p) => !y.has(p));
    const onlyB = [...y].filter((p) => !x.has(p));
    const codes = (ps: string[]) => ps.map((p) => p.split(' ')[0] as string);
    const shared = new Set(codes([...x].filter((p) => y.has(p))));
    const explained = [...codes(onlyA), ...codes(onlyB)].every((c) => shared.has(EITHER[c] ?? ''));
    if (onlyA.length + onlyB.length > 0) {
      if (explained) allowed++;
      else kind = `library only [${codes(onlyA)}], reference only [${codes(onlyB)}]`;
    }
  }
  if (kind !== null) kinds.set(kind, [...(kinds.get(kind) ?? []), i]);
});
console.log(
  `${lines.length} documents compared; ${allowed} differ only where section 7 allows one code or both`,
);
for (const [kind, at] of kinds) {
  const i = at[0] as number;
  console.log(
    `\n${at.length} × ${kind} (e.g. a ${family[i]}):\n  ${lines[i]?.toString('utf8').slice(0, 600)}`,
  );
  console.log(`  library:   ${JSON.stringify(library[i]).slice(0, 400)}`);
  console.log(`  reference: ${JSON.stringify(reference[i]).slice(0, 400)}`);
}
process.exitCode = kinds.size === 0 ? 0 : 1;
