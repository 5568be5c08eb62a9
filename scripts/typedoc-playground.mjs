// A TypeDoc plugin: adds the playground to the documentation site. It links it from every
// page's sidebar and, once TypeDoc has written the site, bundles the library as one classic
// script (an IIFE defining `window.cocreation`, no ES module imports, so the page also works
// opened from file://), writes the examples as a script too, and copies site/playground/.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { JSX, RendererEvent } from 'typedoc';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'site', 'playground');

/** The conformance vectors the reader can pick, with a title each (first: the one shown). */
const EXAMPLES = [
  ['001', 'Hotmart in BRL: affiliate, cocreator and a refund (specification §8)'],
  ['002', 'Hotmart in USD: affiliate and cocreator (specification §5)'],
  ['012', 'Several cocreators: the remainders go to the main creator'],
  ['017', 'A fee schedule: percent plus fixed'],
  ['122', "Three refunds, reversed by D'Hondt"],
  ['011', 'Amounts far past 2^53 minor units'],
  ['140', 'Refused: an amount with too many decimals'],
  ['014', 'Refused: the retention floor'],
  ['151', 'Refused: every shape problem at once'],
];

function examples() {
  const dir = join(ROOT, 'test', 'vectors');
  const files = readdirSync(dir);
  return EXAMPLES.map(([number, title]) => {
    const file = files.find((f) => f.startsWith(`${number}-`));
    if (file === undefined) throw new Error(`no vector ${number} in test/vectors`);
    const vector = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const firstSentence = /^.*?\.(?=\s|$)/.exec(vector.description)?.[0] ?? vector.description;
    return { title, description: firstSentence, document: vector.document };
  });
}

/** Writes the playground into `out` (the site's directory). */
export function writePlayground(out) {
  const target = join(out, 'playground');
  mkdirSync(target, { recursive: true });
  buildSync({
    // The main entry, cocreation/wire and cocreation/locales, as one global: the page reads
    // documents as text, and its language menu gives a tag, mapped by CATALOGS.
    stdin: {
      contents: [
        "export * from './src/index.ts';",
        "export * from './src/wire/index.ts';",
        "export * from './src/locales/index.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'playground-entry.ts',
      loader: 'ts',
    },
    outfile: join(target, 'cocreation.js'),
    bundle: true,
    format: 'iife',
    globalName: 'cocreation',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const data = JSON.stringify(examples(), null, 1);
  writeFileSync(join(target, 'examples.js'), `window.PLAYGROUND_EXAMPLES = ${data};\n`);
  for (const file of readdirSync(SOURCE)) copyFileSync(join(SOURCE, file), join(target, file));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.hooks.on('sidebar.begin', (context) =>
    JSX.createElement(
      'nav',
      { class: 'tsd-navigation' },
      JSX.createElement(
        'a',
        { href: context.relativeURL('playground/index.html') },
        'Playground: settle a document in your browser',
      ),
    ),
  );
  app.renderer.on(RendererEvent.END, (event) => writePlayground(event.outputDirectory));
}
