/**
 * The catalogs are values a program imports (issue 17): a bundle carries only the languages
 * it names. Each case bundles a few imports from the built entries (`dist/`, as a user's
 * bundler reads the package, which is `sideEffects: false`) with esbuild, and looks for a
 * sentence each catalog alone holds.
 */
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/built-package';

beforeAll(() => ensureBuilt(), 180_000);

const FILES = {
  cocreation: 'dist/index.js',
  'cocreation/wire': 'dist/wire/index.js',
  'cocreation/locales': 'dist/locales/index.js',
} as const;

/** Words of each catalog, found in no other; ASCII, as esbuild escapes the rest. */
const SENTENCES = {
  en: 'Settlement of sale',
  'pt-BR': 'campo obrigat',
  es: 'falta un campo obligatorio',
} as const;

/** The catalogs whose sentence is in the minified bundle of `imports`. */
async function catalogsIn(imports: Partial<Record<keyof typeof FILES, string[]>>) {
  const contents = Object.entries(imports)
    .map(
      ([entry, names]) =>
        `export { ${names.join(', ')} } from './${FILES[entry as keyof typeof FILES]}';`,
    )
    .join('\n');
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = new TextDecoder().decode(result.outputFiles[0]?.contents);
  return Object.entries(SENTENCES)
    .filter(([, sentence]) => code.includes(sentence))
    .map(([tag]) => tag);
}

describe('a bundle', () => {
  it('of the README quickstart carries no catalog (the readers write English themselves)', async () => {
    expect(
      await catalogsIn({
        cocreation: ['formatAmount'],
        'cocreation/wire': ['parseDocument', 'settleDocument', 'settleDocumentSchema'],
      }),
    ).toEqual([]);
  });

  it('with localizeErrors and the Portuguese catalog carries that one alone', async () => {
    expect(
      await catalogsIn({
        cocreation: ['localizeErrors'],
        'cocreation/wire': ['parseDocument'],
        'cocreation/locales': ['ptBR'],
      }),
    ).toEqual(['pt-BR']);
  });

  it('with explain carries English, its default, and a catalog only when imported', async () => {
    expect(await catalogsIn({ cocreation: ['explain'] })).toEqual(['en']);
    expect(await catalogsIn({ cocreation: ['explain'], 'cocreation/locales': ['es'] })).toEqual([
      'en',
      'es',
    ]);
  });

  it('with CATALOGS, which maps a tag given as text, carries all three', async () => {
    expect(await catalogsIn({ 'cocreation/locales': ['CATALOGS'] })).toEqual(['en', 'pt-BR', 'es']);
  });
});
