#!/usr/bin/env node
// The size budget: the ESM entry bundled with its runtime dependency (neverthrow, as a
// user's bundler would ship it), minified and gzipped. Exits 1 past the
// budget so that growth is a decision, not an accident. Run after `npm run build`.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// Issue 7 targets 18 KB; the library measured 23.4 KB on its first full build (see
// contributing/performance.md), so the budget holds it near there while the target stays open.
// Raised from 24 KB to 24.5 KB on purpose, for one change: reporting the sale's rules beside
// a refused contract (specification §7 validates the whole document) took the bundle to 24.06 KB.
// Raised from 24.5 KB on purpose, for issues 15 and 18, measured together after merging them:
// storing every value as JSON and reading it back equal (src/wire/store.ts, +1.6 KB), ledgers that
// count each entry once with their JSON (+1.44 KB), and the pt-BR and es catalogs of messages
// and explain words with the Standard Schema validator (+3.9 KB). Moving each catalog to its own
// subpath entry would win most of the last back; issue 17 (≤ 18 KB) is still open.
// Measured after the merge: 32.27 KB.
export const BUDGET_BYTES = 32.5 * 1024;

export async function measure() {
  const result = await build({
    entryPoints: ['dist/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzipped } = await measure();
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  console.log(
    `size: ${kb(minified)} minified, ${kb(gzipped)} min+gzip (budget ${kb(BUDGET_BYTES)})`,
  );
  if (gzipped > BUDGET_BYTES) {
    console.error(`size: over budget by ${kb(gzipped - BUDGET_BYTES)}`);
    process.exit(1);
  }
}
