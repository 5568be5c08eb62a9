/**
 * The library's catalogs by BCP 47 tag, for a program that receives the language as text (a
 * command line's `--locale pt-BR`, a page's language menu). A program that knows its
 * language imports that catalog alone (`import { ptBR } from 'cocreation/locales'`): a
 * bundler then leaves the others out.
 */
import { en } from './en';
import { es } from './es';
import type { Catalog } from './locale';
import { ptBR } from './pt-BR';

/**
 * The tags of the library's catalogs.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LOCALES } from 'cocreation/locales';
 *
 * assert.deepEqual(LOCALES, ['en', 'pt-BR', 'es']);
 * ```
 */
export const LOCALES = /* @__PURE__ */ Object.freeze(['en', 'pt-BR', 'es'] as const);

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * The library's catalogs by tag: what a `--locale` given as text maps to.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { explain } from 'cocreation';
 * import { CATALOGS, isLocale, ptBR } from 'cocreation/locales';
 *
 * const asked: string = 'pt-BR';
 * const locale = isLocale(asked) ? CATALOGS[asked] : undefined;
 * assert.equal(locale, ptBR);
 * // @ts-expect-error: not a settlement, on purpose (a JavaScript caller can pass anything)
 * assert.equal(explain({}, [], { locale }), 'não é uma liquidação');
 * ```
 */
export const CATALOGS: { readonly [L in Locale]: Catalog } = /* @__PURE__ */ Object.freeze({
  en,
  'pt-BR': ptBR,
  es,
});

/**
 * Tells whether a value is one of {@link LOCALES}.
 *
 * @param value - anything
 * @returns `true` for `'en'`, `'pt-BR'` and `'es'`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isLocale } from 'cocreation/locales';
 *
 * assert.equal(isLocale('pt-BR'), true);
 * assert.equal(isLocale('pt'), false);
 * ```
 */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as ReadonlyArray<unknown>).includes(value);
}
