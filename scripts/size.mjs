#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
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
// Issue 17 targets ≤ 18 KB, not reached: main measured 34.22 KB on 2026-12-05 (over the 32.5 KB
// budget of the time), 34.52 KB with the exact shares as scaled integers. The budget is that
// measure plus a small margin, so that CI holds it there while the target stays open.
export const BUDGET_BYTES = 35 * 1024;

// Issue 17 targets ≤ 12 KB for the README quickstart's imports, not reached: measured 20.68 KB
// on 2026-12-05 (parseDocument reads every kind of value, and the whole settle path comes with
// settleDocument). The budget is that measure plus a small margin, until the target is met.
export const QUICKSTART_BUDGET_BYTES = 21 * 1024;

/** The README quickstart's import, exactly: what a user's bundler keeps of the package for it. */
export const QUICKSTART_IMPORTS = ['formatAmount', 'parseDocument', 'settleDocument'];

async function bundledSize(entry) {
  const result = await build({
    ...entry,
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

/** The whole main entry with its runtime dependency, minified and gzipped. */
export function measure() {
  return bundledSize({ entryPoints: ['dist/index.js'] });
}

/**
 * Only the README quickstart's imports, bundled and tree-shaken from the built entry (the
 * package is `sideEffects: false`), minified and gzipped: what a page that runs the
 * quickstart ships.
 */
export function measureQuickstart() {
  const names = QUICKSTART_IMPORTS.join(', ');
  return bundledSize({
    stdin: {
      contents: `export { ${names} } from './dist/index.js';`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      sourcefile: 'quickstart.js',
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  let failed = false;
  for (const [name, measured, budget] of [
    ['whole entry', await measure(), BUDGET_BYTES],
    [
      `quickstart (${QUICKSTART_IMPORTS.join(', ')})`,
      await measureQuickstart(),
      QUICKSTART_BUDGET_BYTES,
    ],
  ]) {
    const { minified, gzipped } = measured;
    console.log(
      `size, ${name}: ${kb(minified)} minified, ${kb(gzipped)} min+gzip (budget ${kb(budget)})`,
    );
    if (gzipped > budget) {
      console.error(`size, ${name}: over budget by ${kb(gzipped - budget)}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
}
