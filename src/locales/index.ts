/**
 * `cocreation/locales`: the languages of error messages and of `explain`, one catalog each,
 * to pass as the `locale` option of the document readers, `settleDocument` and
 * `settleDocumentSchema` (`cocreation/wire`), of `explain`, and as the second argument of
 * `localizeErrors` (`cocreation`). English is the default and needs none.
 *
 * A catalog is a value the program imports, so that a bundle carries only the languages it
 * uses: `import { ptBR } from 'cocreation/locales'`, then `{ locale: ptBR }`. `CATALOGS`
 * maps a tag given as text (`'pt-BR'`) to its catalog, and brings all of them.
 * `defineCatalog` makes a catalog of a language's words, for a language of your own.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ptBR } from 'cocreation/locales';
 * import { parseDocument } from 'cocreation/wire';
 *
 * const result = parseDocument({ contracts: [] }, { locale: ptBR });
 * if (result.isOk()) throw new Error('expected an error');
 * assert.equal(result.error[0].message, 'product: campo obrigatório ausente');
 * ```
 *
 * @packageDocumentation
 */

export type { Locale } from './catalogs';
export { CATALOGS, isLocale, LOCALES } from './catalogs';
export { defineCatalog } from './define';
export { en } from './en';
export { es } from './es';
export type { Catalog, CatalogWords } from './locale';
export { ptBR } from './pt-BR';
