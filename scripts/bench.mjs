#!/usr/bin/env node
// `npm run bench`: bundles bench/*.ts into .bench/ (git-ignored) with `cocreation` left as an
// import, which Node resolves through the package's own `exports` to the built dist/ — so the
// library rows measure what users get — then runs the benchmark in a fresh process.
//
//   node scripts/bench.mjs [--quick] [--time=ms] [--warmup=ms] [--cli-documents=n] [--cli-runs=n]
//   node scripts/bench.mjs --profile [--row=compiled|settleSale] [--n=5] [--seconds=5]
//   node scripts/bench.mjs --profile-cli [--cli-documents=10000]
//
// --profile runs bench/profile.ts (one library row settling in a loop) under `node --cpu-prof`;
// --profile-cli runs dist/cli.js `settle --jsonl --jobs 1` on generated documents under it (one
// thread: the profiler follows the main thread only, and worker threads would hide the work). Both print
// the top frames by self time, self time by file, and dist/ functions by total time.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.bench');
const args = process.argv.slice(2);
const mode = args.includes('--profile-cli')
  ? 'profile-cli'
  : args.includes('--profile')
    ? 'profile'
    : 'bench';
const passed = args.filter((a) => a !== '--profile' && a !== '--profile-cli');
const option = (name, fallback) =>
  passed.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
  process.exit(2);
}

mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'bench/run.ts',
    profile: 'bench/profile.ts',
    documents: 'bench/documents.ts',
  },
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

function run(nodeArgs, stdio = 'inherit') {
  const result = spawnSync(process.execPath, nodeArgs, { cwd: root, stdio });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (mode === 'bench') {
  process.exit(run(['--expose-gc', join(out, 'run.mjs'), `--root=${root}`, ...passed]));
}

// Profiles: sampled every 100 µs into .bench/prof/.
const dir = join(out, 'prof');
rmSync(dir, { recursive: true, force: true });
const profiler = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'];
let status;
if (mode === 'profile') {
  status = run([...profiler, join(out, 'profile.mjs'), ...passed]);
} else {
  const documents = option('cli-documents', '10000');
  const input = join(out, 'profile-cli-input.jsonl');
  status = run([join(out, 'documents.mjs'), `--documents=${documents}`, `--out=${input}`]);
  if (status === 0) {
    const stdin = openSync(input, 'r');
    const stdout = openSync(join(out, 'profile-cli-output.jsonl'), 'w');
    const started = performance.now();
    status = run(
      [...profiler, join(root, 'dist', 'cli.js'), 'settle', '--jsonl', '--jobs', '1'],
      [stdin, stdout, 'inherit'],
    );
    const seconds = (performance.now() - started) / 1000;
    closeSync(stdin);
    closeSync(stdout);
    console.log(
      `profile: cocreation settle --jsonl --jobs 1, ${documents} documents in ${seconds.toFixed(2)} s ` +
        `under the profiler (${Math.round(Number(documents) / seconds)} documents/s)`,
    );
  }
}
if (status !== 0) process.exit(status);
summarize(
  readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0],
);

/** Prints where the time went in one .cpuprofile. */
function summarize(file) {
  const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Self time per node from the sample deltas.
  const self = new Map();
  samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0));
  });
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
    const where = f.url ? f.url.replace(/^file:\/\//, '').replace(root, '') : f.functionName;
    files.set(where, (files.get(where) ?? 0) + t);
    total += t;
  }

  // Total time of the package's own functions: a sample counts once for every distinct
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

  const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
  const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log(`\nprofile: ${file.replace(root, '')}, ${(total / 1e6).toFixed(2)} s sampled`);
  console.log('top frames by self time:');
  for (const [key, t] of top(frames, 25)) console.log(`  ${pct(t)}  ${key}`);
  console.log('self time by file:');
  for (const [key, t] of top(files, 8)) console.log(`  ${pct(t)}  ${key}`);
  console.log('dist/ functions by total time (self + callees):');
  for (const [key, t] of top(inclusive, 25)) console.log(`  ${pct(t)}  ${key}`);
}
