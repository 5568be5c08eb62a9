#!/usr/bin/env node
// `npm run bench`: bundles bench/*.ts into .bench/ (git-ignored) with `cocreation` left as an
// import, which Node resolves through the package's own `exports` to the built dist/ — so the
// library rows measure what users get — then runs the benchmark in a fresh process.
//
//   node scripts/bench.mjs [--quick] [--time=ms] [--warmup=ms] [--cli-documents=n] [--cli-runs=n]
//   node scripts/bench.mjs --profile [--row=compiled|settleSale] [--n=5] [--seconds=5]
//
// --profile runs bench/profile.ts under `node --cpu-prof` and prints the top frames by self time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.bench');
const args = process.argv.slice(2);
const profile = args.includes('--profile');
const passed = args.filter((a) => a !== '--profile');

if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
  process.exit(2);
}

mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { run: 'bench/run.ts', profile: 'bench/profile.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Resolved at run time from the package root: `cocreation` to dist/, the rest to node_modules.
  external: ['cocreation', 'cocreation/*', 'dinero.js', 'decimal.js', 'tinybench', 'esbuild'],
  logLevel: 'warning',
});

function run(nodeArgs) {
  const result = spawnSync(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!profile) {
  process.exit(run([join(out, 'run.mjs'), `--root=${root}`, ...passed]));
}

// Profile: one process settling in a loop, sampled every 100 µs.
const dir = join(out, 'prof');
rmSync(dir, { recursive: true, force: true });
const status = run([
  '--cpu-prof',
  `--cpu-prof-dir=${dir}`,
  '--cpu-prof-interval=100',
  join(out, 'profile.mjs'),
  ...passed,
]);
if (status !== 0) process.exit(status);
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node from the sample deltas, then aggregated per function (name + place).
const byId = new Map(nodes.map((n) => [n.id, n]));
const self = new Map();
samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0));
});
const parent = new Map();
for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const frameKey = (f) => {
  const place = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : '(native)';
  return `${f.functionName || '(anonymous)'}  ${place}`;
};
const frames = new Map();
const files = new Map();
let total = 0;
for (const [id, t] of self) {
  const { callFrame: f } = byId.get(id);
  const key = frameKey(f);
  frames.set(key, (frames.get(key) ?? 0) + t);
  const file = f.url ? f.url.replace(/^file:\/\//, '').replace(root, '') : f.functionName;
  files.set(file, (files.get(file) ?? 0) + t);
  total += t;
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
console.log(`\nprofile: ${file.replace(root, '')}, ${(total / 1e6).toFixed(2)} s sampled`);
console.log('top frames by self time:');
for (const [key, t] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${pct(t)}  ${key}`);
}
console.log('self time by file:');
for (const [key, t] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`  ${pct(t)}  ${key}`);
}

// Inclusive time of the package's own functions: a sample counts once for every distinct
// function of dist/ on its stack.
const distUrl = `file://${join(root, 'dist')}/`;
const inclusive = new Map();
for (const [id, t] of self) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame: f } = byId.get(at);
    if (!f.url.startsWith(distUrl)) continue;
    const key = frameKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + t);
  }
}
console.log('dist/ functions by total time (self + callees):');
for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`  ${pct(t)}  ${key}`);
}
