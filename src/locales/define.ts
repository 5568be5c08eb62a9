/**
 * The machinery of translation: what a catalog of `cocreation/locales` carries besides its
 * words. Only the catalogs import this file (and `defineCatalog`, for a catalog of the
 * user's), so that a bundle with no catalog carries none of it (issue 17).
 *
 * Numbers are exact strings from the library; only the separators and symbols come from
 * `Intl`. A message is rendered from the error's data (its `code`, `path` and the fields of
 * its code) by the catalog's template for the code.
 */
import { frozenCopy } from '../_internal/fields';
import { UNREADABLE } from '../_internal/unreadable';
import { type DomainError, type DomainErrors, type ErrorCode, isErrorCode } from '../errors';
import type {
  Catalog,
  CatalogWords,
  DecimalPrinter,
  FieldProblem,
  MessageCatalog,
  MessageTemplate,
  PolicyProblem,
} from './locale';
import { printed } from './locale';

/** The separators and currency affixes of a locale, read once from `Intl`. */
interface NumberStyle {
  readonly decimal: string;
  readonly group: string;
  /** Integer parts shorter than this many digits + 3 are not grouped (Spanish: 2, so 1234). */
  readonly minGrouping: number;
}

const styles = new Map<string, NumberStyle>();

function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** English marks: for a tag `Intl` does not take (a catalog of the user's, mistyped). */
const ENGLISH_STYLE: NumberStyle = { decimal: '.', group: ',', minGrouping: 1 };

function numberStyle(tag: string): NumberStyle {
  const known = styles.get(tag);
  if (known !== undefined) return known;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  } catch {
    return ENGLISH_STYLE;
  }
  const part = (type: string, fallback: string) =>
    spaces(parts.find((p) => p.type === type)?.value ?? fallback);
  const fourDigits = new Intl.NumberFormat(tag).formatToParts(1234);
  const style = {
    decimal: part('decimal', '.'),
    group: part('group', ','),
    minGrouping: fourDigits.some((p) => p.type === 'group') ? 1 : 2,
  };
  styles.set(tag, style);
  return style;
}

/**
 * Prints an exact decimal string with the locale's separators: `'-1234567.5'` is
 * `'-1.234.567,5'` in pt-BR. Only the separators come from `Intl`; the digits are the
 * string's own, so no amount is ever rounded through a float. Anything but a decimal string
 * is printed as it is (as `String(value)` when not a string).
 */
export function localDecimal(decimal: string, tag: string): string {
  const style = numberStyle(tag);
  const text = printed(decimal);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign = '', int = '', frac] = match;
  let grouped = int;
  if (int.length >= 3 + style.minGrouping) {
    grouped = int.replace(/\B(?=(\d{3})+$)/g, style.group);
  }
  return `${sign}${grouped}${frac === undefined ? '' : style.decimal + frac}`;
}

/** The affixes of money by tag and currency, read once from `Intl` (a formatter costs ~25 µs). */
const affixesByKey = new Map<string, readonly [string, string] | undefined>();

/** Past this many, the table starts again: tags and codes may come from a caller's catalog. */
const MAX_AFFIXES = 256;

/**
 * What the locale writes before and after the digits of an amount in `code` (`'R$ '` and `''`
 * in pt-BR for BRL), or `undefined` when `Intl` does not know the tag or the currency.
 */
function moneyAffixes(tag: string, code: string): readonly [string, string] | undefined {
  // A tag that is not a string (a hand-made catalog's) is not a key: read, not kept.
  if (typeof tag !== 'string') return readAffixes(tag, code);
  const key = `${tag}\u0000${code}`;
  if (affixesByKey.has(key)) return affixesByKey.get(key);
  const found = readAffixes(tag, code);
  if (affixesByKey.size >= MAX_AFFIXES) affixesByKey.clear();
  affixesByKey.set(key, found);
  return found;
}

function readAffixes(tag: string, code: string): readonly [string, string] | undefined {
  try {
    const parts = new Intl.NumberFormat(tag, { style: 'currency', currency: code }).formatToParts(
      1,
    );
    const first = parts.findIndex((p) => p.type === 'integer');
    let last = first;
    parts.forEach((p, i) => {
      if (p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal') last = i;
    });
    const joined = (from: number, to?: number) =>
      spaces(
        parts
          .slice(from, to)
          .map((p) => p.value)
          .join(''),
      );
    return Object.freeze([joined(0, first), joined(last + 1)] as const);
  } catch {
    return undefined;
  }
}

/**
 * Prints an amount (an exact decimal string in major units) as the locale writes money:
 * `'1234.56'` in BRL is `'R$ 1.234,56'` in pt-BR. The symbol and its place come from `Intl`.
 * Total: an amount or a code that is not a string is printed as `String(value)`, and a code
 * `Intl` does not take is written before the digits.
 */
export function localMoney(decimal: string, currency: string, tag: string): string {
  const text = printed(decimal);
  const code = printed(currency);
  const negative = text.startsWith('-');
  const digits = localDecimal(negative ? text.slice(1) : text, tag);
  const affixes = moneyAffixes(tag, code);
  if (affixes === undefined) return `${negative ? '-' : ''}${code} ${digits}`;
  const [prefix, suffix] = affixes;
  return `${negative ? '-' : ''}${prefix}${digits}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** Reads which kind of `invalid_field` an error is from its English message. */
export function fieldProblem(message: string): FieldProblem {
  if (message.startsWith(UNREADABLE)) return 'unreadable';
  if (/ is required$/.test(message)) return 'required';
  if (/^unknown field /.test(message)) return 'unknown';
  if (/^the key .* is not allowed$/.test(message)) return 'reserved';
  if (/ carry terms$/.test(message)) return 'misplaced';
  if (/ is used twice| is already used/.test(message)) return 'duplicate';
  if (
    /^expected |^not an object$| is not one of |has at most| must be an? |^unknown .*; expected /.test(
      message,
    )
  ) {
    return 'shape';
  }
  return 'other';
}

/**
 * What a "could not be read" message quotes of the thrown error, as its English message
 * ends: ` (TypeError: no)`, or `''` when it quotes nothing. The thrown error's own words are
 * the caller's, so a translation repeats them as they are.
 */
export function thrownText(message: string): string {
  return message.startsWith(UNREADABLE) ? message.slice(UNREADABLE.length) : '';
}

/**
 * Which bound a `percent_out_of_range` speaks of, as a translation words it: `'between'`
 * `min` and `max`, both allowed (a contract's percent); `'above-zero'`, the affiliate's,
 * whose `min` of 0 is excluded (a percent of nothing is no affiliate); `'subtraction'`,
 * `subtractPercents`' (its English message says so), whose `max` is the percent subtracted
 * from.
 */
export function rangeProblem(error: {
  readonly min: string;
  readonly message: string;
}): 'between' | 'above-zero' | 'subtraction' {
  if (error.min !== '0') return 'between';
  return error.message.startsWith('cannot subtract ') ? 'subtraction' : 'above-zero';
}

/** Reads which kind of `invalid_policy` an error is from its English message. */
export function policyProblem(message: string): PolicyProblem {
  return /^unknown policy preset /.test(message) ? 'preset' : 'other';
}

/** Writes a path as a reader finds it in the document: `contracts[0].events[1].by`. */
export function pathText(path: ReadonlyArray<string | number>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? key : `.${key}`;
  }
  return text;
}

function render(messages: MessageCatalog, error: DomainError, decimal: DecimalPrinter): string {
  switch (error.code) {
    case 'invalid_field':
      return messages.invalid_field[fieldProblem(error.message)](error, decimal);
    case 'invalid_policy':
      return messages.invalid_policy[policyProblem(error.message)](error, decimal);
    default: {
      const template = messages[error.code] as MessageTemplate<ErrorCode>;
      return template(error, decimal);
    }
  }
}

/**
 * The same error with its `message` in the language of `words`, as a catalog's `localize`
 * writes it. English (`messages: null`), and a value that is not an error of the library,
 * are returned as they are.
 *
 * @param error - an error of the library
 * @param words - the language
 * @returns the error, frozen, with its message in the language
 */
export function localizeError<E extends DomainError>(error: E, words?: CatalogWords): E {
  // Read as anything, in the try: the words of a catalog of the user's and an error forged
  // around the types (a field that cannot become text, a getter that throws, a template
  // missing or answering no text) leave the error as it is.
  try {
    const { intl, messages } = (words ?? {}) as Partial<CatalogWords>;
    if (typeof messages !== 'object' || messages === null) return error;
    if (typeof error !== 'object' || error === null) return error;
    if (!isErrorCode(error.code) || !Array.isArray(error.path)) return error;
    if (typeof error.message !== 'string') return error;
    const text: unknown = render(messages, error, (d: string) =>
      localDecimal(d, typeof intl === 'string' ? intl : 'en'),
    );
    if (typeof text !== 'string' || text === '') return error;
    const where = pathText(error.path);
    return Object.freeze({
      ...error,
      message: where === '' ? text : `${where}: ${text}`,
    }) as unknown as E;
  } catch {
    return error;
  }
}

/**
 * Makes a catalog of a language's words: what `ptBR` and `es` are made with, and how a
 * program writes a language of its own (or changes a word of the library's) and passes it
 * as `locale`, as it passes the library's. The words are copied and deeply frozen: a later
 * change to the caller's objects does not reach the catalog, and those objects are left as
 * they are.
 *
 * It refuses no words: a catalog is checked part by part where it is used (one made by hand,
 * without this function, too), and whatever part it cannot give (a word missing or of
 * another type, a template that throws) is English, so that a catalog written for an older
 * version, without the words added since, still writes its language everywhere else. The
 * catalog's functions never throw: `localize` answers anything but a list as it is, and
 * `decimal` and `money` print anything but a string as `String(value)`.
 *
 * @param words - the language: its `Intl` tag, whether `explain` writes its amounts the
 *   locale's way, a message template per error code (or `null` for the errors' own English
 *   messages) and the words of `explain`
 * @returns the catalog, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { explain, localizeErrors, product } from 'cocreation';
 * import { defineCatalog, es } from 'cocreation/locales';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * // Spanish, with two words of its own; a language of its own writes every word.
 * const mine = defineCatalog({
 *   ...es,
 *   explain: { ...es.explain, price: 'precio de lista P' },
 *   messages: es.messages && { ...es.messages,
 *     invalid_field: { ...es.messages.invalid_field, required: () => 'falta' } },
 * });
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z', price: { amount: '97', currency: 'BRL' } },
 * }).andThen(settleDocument);
 * if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 * assert.match(explain(settled.value.settlement, [], { locale: mine }), /precio de lista P\s+97,00 BRL/);
 * const refused = product({ id: 'p1' });
 * if (refused.isOk()) throw new Error('expected an error');
 * const errors = localizeErrors(refused.error, mine);
 * assert.deepEqual(errors.map((e) => e.message), ['mainCreator: falta']);
 * assert.equal(mine.money('1234.5', 'EUR'), '1234,5 €');
 * ```
 */
export function defineCatalog(words: CatalogWords): Catalog {
  // Read as anything: a JavaScript caller may pass a value that is not words, or words whose
  // getters throw (none, then: English). The words are kept as a deeply frozen copy: a
  // catalog is shared by every caller, and the caller's own objects are left alone.
  let given = {} as CatalogWords;
  try {
    if (typeof words === 'object' && words !== null) given = frozenCopy(words);
  } catch {
    // Words that cannot be read: a catalog of none, which writes English.
  }
  const { localNumbers } = given;
  // Without a tag of its own, English marks: never the host's locale, which would make the
  // output depend on the machine.
  const intl = typeof given.intl === 'string' ? given.intl : 'en';
  const local = localNumbers === true;
  const translated = typeof given.messages === 'object' && given.messages !== null;
  return Object.freeze({
    ...given,
    intl,
    localize: (errors: DomainErrors): DomainErrors => {
      // English (no messages) answers the very list, as `en` does. Total: anything but a
      // list, and a list that cannot be walked (a proxy's), is answered as it is.
      if (!translated || !Array.isArray(errors)) return errors;
      try {
        return Object.freeze(errors.map((e) => localizeError(e, given))) as unknown as DomainErrors;
      } catch {
        return errors;
      }
    },
    decimal: local ? (d: string) => localDecimal(d, intl) : printed,
    money: local
      ? (d: string, currency: string) => localMoney(d, currency, intl)
      : (d: string) => printed(d),
  });
}
