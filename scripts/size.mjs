#!/usr/bin/env node
// The size budget: the ESM entry bundled with its runtime dependency (neverthrow, as a
// user's bundler would ship it), minified and gzipped. Exits 1 past the
// budget so that growth is a decision, not an accident. Run after `npm run build`.
//
//   node scripts/size.mjs                      the two measures against their budgets
//   node scripts/size.mjs --by-file [--top=N]  and where the bytes come from, by source file
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Issue 17 targets ≤ 18 KB for the whole main entry, not reached. History: 23.4 KB on the first
// full build; 24.24 KB before issues 15 and 18, which added storage, ledger entries and their
// JSON, the pt-BR and es catalogs and the Standard Schema validator (32.27 KB); bulk payouts and
// scaled exact shares took it to 34.5 KB; issue 16 moved the wire format, storage and Standard
// Schema to `cocreation/wire`: 29.24 KB on 2026-12-05. The same day the catalogs became values
// imported from `cocreation/locales`, each carrying the code that translates: 25.97 KB; the
// wire shapes' description and the split written once (issue 16) took it to 26.39 KB. The
// budget is that measure plus a small margin, so that CI holds it there while the target stays
// open; `--by-file` shows what is left (the settle path, neverthrow, policies, contracts).
// 27.20 KB the same evening: no public function throws on a value whose reading throws (a
// try/catch at the top of each, `_internal/unreadable.ts`), a `path` argument is checked, and a
// catalog never makes the library throw (`wire/explain-voice.ts`): the never-throw rule is worth
// its 0.8 KB.
export const BUDGET_BYTES = 27.5 * 1024;

// Issue 17 targets ≤ 12 KB for the README quickstart's imports, not reached: 21.65 KB on
// 2026-12-05, when every catalog came with the readers; 17.88 KB once the catalogs became
// values the program imports (none for English) and three unused module-level values were
// marked pure. What is left is used: parseDocument reads every kind of value (policies,
// contracts and their lifecycle, refunds), and the whole settle path comes with
// settleDocument. The budget is that measure plus a small margin, until the target is met.
// 19.90 KB once settleDocument settles through the compiled settler's split (issue 16: the
// split is written once in src/, with its number road, bigint road and rule checks, instead of
// a smaller bigint-only reference of its own): the trade of one split for about 1.6 KB.
// 20.40 KB once parseDocument and settleDocument answer a value whose reading throws (a getter,
// a Proxy) with an error instead of throwing it, and the readers check their `path` argument.
export const QUICKSTART_BUDGET_BYTES = 20.75 * 1024;

/** The package's entries: the built file a user's bundler reads, and its source. */
export const ENTRIES = {
  cocreation: { built: 'dist/index.js', source: 'src/index.ts' },
  'cocreation/wire': { built: 'dist/wire/index.js', source: 'src/wire/index.ts' },
};

/** The README quickstart's imports, exactly, by entry: what a user's bundler keeps of it. */
export const QUICKSTART_IMPORTS = {
  cocreation: ['formatAmount'],
  'cocreation/wire': ['parseDocument', 'settleDocument'],
};
const quickstartNames = Object.values(QUICKSTART_IMPORTS).flat().join(', ');

const OPTIONS = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
  logLevel: 'silent',
};

async function bundledSize(entry) {
  const result = await build({ ...entry, ...OPTIONS });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/**
 * A one-module entry that re-exports `imports` (`{ entry: names }`, or `'*'` for all its names)
 * from each entry's `file` (`'built'` or `'source'`).
 */
function reexports(imports, file) {
  const contents = Object.entries(imports)
    .map(([entry, names]) => {
      const what = names === '*' ? '*' : `{ ${names.join(', ')} }`;
      return `export ${what} from './${ENTRIES[entry][file]}';`;
    })
    .join('\n');
  return { contents, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' };
}

/** The whole main entry with its runtime dependency, minified and gzipped. */
export function measure() {
  return bundledSize({ entryPoints: [ENTRIES.cocreation.built], absWorkingDir: ROOT });
}

/**
 * Only the README quickstart's imports, bundled and tree-shaken from the built entry (the
 * package is `sideEffects: false`), minified and gzipped: what a page that runs the
 * quickstart ships.
 */
export function measureQuickstart() {
  return bundledSize({ stdin: reexports(QUICKSTART_IMPORTS, 'built') });
}

/**
 * Where the bytes of a bundle come from: the same bundle built from the sources (src/*.ts,
 * so that each file keeps its name; within a few hundred bytes of the built one), with the
 * minified bytes esbuild's metafile counts for each input file, largest first. Gzip does not
 * split by file: the shares of the minified bytes are the guide.
 */
export async function byFile(imports) {
  const result = await build({
    ...OPTIONS,
    stdin: reexports(imports, 'source'),
    outfile: 'bundle.js',
    metafile: true,
  });
  const [output] = Object.values(result.metafile.outputs);
  const files = Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  const code = result.outputFiles[0].contents;
  return { files, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

async function printByFile(name, imports, top) {
  const { files, minified, gzipped } = await byFile(imports);
  console.log(`\n${name}, from the sources: ${kb(minified)} minified, ${kb(gzipped)} min+gzip`);
  const shown = files.slice(0, top);
  for (const { file, bytes } of shown) {
    const share = `${((bytes / minified) * 100).toFixed(1)} %`;
    console.log(`  ${kb(bytes).padStart(9)}  ${share.padStart(6)}  ${file}`);
  }
  const rest = files.slice(top);
  if (rest.length > 0) {
    const bytes = rest.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`  ${kb(bytes).padStart(9)}          ${rest.length} more files`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const topArg = args.find((a) => a.startsWith('--top='));
  const top = topArg === undefined ? Number.POSITIVE_INFINITY : Number(topArg.slice(6));
  let failed = false;
  for (const [name, measured, budget] of [
    ['whole entry', await measure(), BUDGET_BYTES],
    [`quickstart (${quickstartNames})`, await measureQuickstart(), QUICKSTART_BUDGET_BYTES],
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
  if (args.includes('--by-file')) {
    await printByFile('whole entry', { cocreation: '*' }, top);
    await printByFile('quickstart', QUICKSTART_IMPORTS, top);
  }
  if (failed) process.exit(1);
}
