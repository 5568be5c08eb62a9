/**
 * Languages for people: error messages and `explain` in English, Brazilian Portuguese and
 * Spanish. Codes, paths, extra fields and every JSON output stay the same in every locale.
 *
 * A message is rendered from the error's data (its `code`, `path` and the fields of its code)
 * by the locale's catalog (src/locales/*.ts), not written at the place the error is made: a
 * language is one catalog file. English is the library's own language: an error's `message`
 * is already English, detailed at the place it was found, and no catalog (or `en`) keeps it.
 *
 * This file holds the types and what the functions that take a `locale` call, with no
 * catalog and no translating in it: a catalog is a value the user imports from
 * `cocreation/locales` and passes (`{ locale: ptBR }`), and it carries its own functions
 * (made by `defineCatalog`, src/locales/define.ts), so that a bundle carries only the
 * languages it uses and, with none, none of the machinery (issue 17). `explain` imports
 * English, its default, which prints as the wire does and needs no machinery either.
 */
import type { DomainErrors, ErrorCode, ErrorOf } from '../errors';
import type { Role } from '../settle/settlement';

/**
 * The option of the functions that write for people.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { LocaleOptions } from 'cocreation';
 * import { es } from 'cocreation/locales';
 * import { parseDocument } from 'cocreation/wire';
 *
 * const options: LocaleOptions = { locale: es };
 * const result = parseDocument({ contracts: [] }, options);
 * if (result.isOk()) throw new Error('expected an error');
 * assert.equal(result.error[0].message, 'product: falta un campo obligatorio');
 * ```
 */
export interface LocaleOptions {
  /**
   * The language of messages and `explain`: a catalog of `cocreation/locales` (`ptBR`, `es`,
   * `en`) or one of your own. Default English, the library's own, which needs no catalog.
   * A catalog of your own never makes a function throw: whatever part of it is missing or
   * misbehaves (throws, answers no text) is English.
   */
  readonly locale?: Catalog | undefined;
}

/**
 * The kinds of `invalid_field` a catalog words apart. The kind is read from the error's
 * English message, which says it in a fixed form; a message in no such form is `'other'`.
 * `'unreadable'` is a value whose reading threw (a getter, a Proxy, built in JavaScript).
 */
export type FieldProblem =
  | 'required'
  | 'unknown'
  | 'misplaced'
  | 'reserved'
  | 'duplicate'
  | 'shape'
  | 'unreadable'
  | 'other';

/** The kinds of `invalid_policy` a catalog words apart. */
export type PolicyProblem = 'preset' | 'other';

/** Prints a decimal string (`'-1234.5'`) with the locale's separators. */
export type DecimalPrinter = (decimal: string) => string;

/** A message template: the text for an error of one code, from its fields. */
export type MessageTemplate<Code extends ErrorCode> = (
  error: ErrorOf<Code>,
  decimal: DecimalPrinter,
) => string;

/** A locale's messages: a template per code, and per kind where one code says several things. */
export type MessageCatalog = {
  readonly [Code in Exclude<ErrorCode, 'invalid_field' | 'invalid_policy'>]: MessageTemplate<Code>;
} & {
  /** `invalid_field`, by {@link FieldProblem}. */
  readonly invalid_field: { readonly [Kind in FieldProblem]: MessageTemplate<'invalid_field'> };
  /** `invalid_policy`, by {@link PolicyProblem}. */
  readonly invalid_policy: { readonly [Kind in PolicyProblem]: MessageTemplate<'invalid_policy'> };
};

/** The words of `explain`, with the numbers already printed in the locale. */
export interface ExplainWords {
  /** Said of a value that is not a settlement. */
  readonly notASettlement: string;
  /** Said of reversals that are not of this settlement. */
  readonly notReversals: string;
  /** The first line. */
  readonly title: (saleId: string, productId: string, at: string, currency: string) => string;
  /** The price step. */
  readonly price: string;
  /** The fee step under a fee schedule. */
  readonly feeSchedule: (percent: string, unrounded: string, fixed: string) => string;
  /** The fee step when the sale gives the fee. */
  readonly feeGiven: string;
  /** The fee step with no fee. */
  readonly feeNone: string;
  /** The net step. */
  readonly net: string;
  /** The affiliate step. */
  readonly affiliate: (percent: string, exact: string) => string;
  /** The base step without an affiliate. */
  readonly baseAlone: string;
  /** The base step with an affiliate. */
  readonly baseAfterAffiliate: string;
  /** A cocreator's step. */
  readonly cocreator: (
    account: string,
    contractId: string,
    percent: string,
    exact: string,
  ) => string;
  /** The main creator's step without cocreators. */
  readonly mainAlone: string;
  /** The main creator's step with cocreators. */
  readonly mainAfterCocreators: string;
  /** The header of the lines table. */
  readonly linesHeader: readonly [string, string, string, string, string, string, string];
  /** Each role's name in the tables. */
  readonly roles: Readonly<Record<Role, string>>;
  /** The "computed as" column: the fee's origin, the shares' formulas. */
  readonly how: {
    /** The sale gave the fee. */
    readonly feeGiven: string;
    /** The policy's fee schedule. */
    readonly feeSchedule: string;
    /** No fee. */
    readonly feeNone: string;
    /** An affiliate's share. */
    readonly affiliate: (percent: string) => string;
    /** A cocreator's share. */
    readonly cocreator: (percent: string) => string;
    /** The main creator's share. */
    readonly main: string;
  };
  /** The total row's first cell. */
  readonly total: string;
  /** The total row, when the lines add up to the price. */
  readonly equalsPrice: string;
  /** The total row, when they do not. */
  readonly differsFromPrice: string;
  /** The sentence on rounding remainders. */
  readonly remainder: (amount: string, exact: string) => string;
  /** The sentence on the retention floor. */
  readonly floor: (percent: string, exact: string, kept: string) => string;
  /** A refund's first line. */
  readonly refundTitle: (
    refundId: string,
    at: string,
    amount: string,
    refunded: string,
    price: string,
  ) => string;
  /** A refund's second line. */
  readonly refundRule: (refunded: string) => string;
  /** The header of a refund's table. */
  readonly reversalHeader: readonly [string, string, string, string, string, string, string];
}

/**
 * The words of a language, what a translator writes: `defineCatalog` of `cocreation/locales`
 * makes a {@link Catalog} of them.
 */
export interface CatalogWords {
  /** The BCP 47 tag whose separators and currency symbols `Intl` gives. */
  readonly intl: string;
  /**
   * Whether `explain` writes amounts as the locale writes money (`R$ 1.234,56`); `false`
   * keeps the wire's form (`1234.56`), as English always printed.
   */
  readonly localNumbers: boolean;
  /**
   * The messages, or `null` for English: the errors' own messages, which say more than a
   * template can (the value found, the values allowed).
   */
  readonly messages: MessageCatalog | null;
  /** The words of `explain`. */
  readonly explain: ExplainWords;
}

/**
 * A language: the value passed as `locale`. The library's are in `cocreation/locales`
 * (`en`, `ptBR`, `es`); `defineCatalog` there makes one of your own words. Besides its
 * words it carries the functions that write with them, so that a program that passes no
 * catalog carries none of them. Each function that takes a catalog uses the parts it needs
 * (`localize` for messages; `explain`, `decimal` and `money` for `explain`), and English for
 * a part that is missing or misbehaves (docs/languages.md).
 */
export interface Catalog extends CatalogWords {
  /**
   * The errors with their messages in this language, as {@link localizeErrors} answers.
   * English (`messages: null`) returns them as they are.
   */
  readonly localize: (errors: DomainErrors) => DomainErrors;
  /** Prints an exact decimal string as `explain` does in this language (`'1.234,5'`). */
  readonly decimal: (decimal: string) => string;
  /**
   * Prints an amount (an exact decimal string in major units) of a currency (its ISO 4217
   * code) as `explain` does in this language (`'R$ 1.234,56'`).
   */
  readonly money: (decimal: string, currency: string) => string;
}

/**
 * Any value as text, for a catalog's printers given something other than the strings the
 * library passes them (a JavaScript caller's `undefined`, a number): a string as it is, else
 * `String(value)`, or `''` for a value that has no text (a null-prototype object).
 */
export function printed(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '';
  }
}

/**
 * Every error of a list with its `message` in another language, as the readers of
 * `cocreation/wire` write them with a `locale` option: for the errors of any other function.
 * Everything else (`code`, `path`, the fields of its code) is kept as it is. A translated
 * message is rendered from the error's data, so it names the field by its path:
 * `sale.price.amount: …`. English (no catalog, `en`, or anything that is not a catalog)
 * returns the errors as they are: their own messages are English, and say most.
 *
 * A catalog made by hand is the caller's code, and never makes this throw: one whose
 * `localize` throws, or answers anything but a list of one error for each, keeps the errors
 * as they are; an error it answers with no message (not a non-empty string) keeps its own.
 * Only the messages of its answer are taken.
 *
 * @param errors - the errors of a failed parse, validation or settling
 * @param locale - the language's catalog, from `cocreation/locales` (default English, the
 *   errors' own messages)
 * @returns a frozen list of the same length, in the same order
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { localizeErrors, product } from 'cocreation';
 * import { es } from 'cocreation/locales';
 *
 * const result = product({ id: 'p1' }).mapErr((errors) => localizeErrors(errors, es));
 * if (result.isOk()) throw new Error('expected an error');
 * assert.deepEqual(result.error.map((e) => e.message), ['mainCreator: falta un campo obligatorio']);
 * ```
 */
export function localizeErrors(errors: DomainErrors, locale?: Catalog): DomainErrors {
  // Only a catalog's localize is called, in the try: a value that is not a catalog (a tag
  // given as text, null) has none and means English, as a catalog whose code throws does. Of
  // its answer only the messages are taken, so codes, paths and fields stay the library's;
  // an answer that is the list itself (English) is the very same list.
  try {
    const localized = (locale === undefined ? errors : locale.localize(errors)) as ReadonlyArray<{
      readonly message?: unknown;
    }>;
    return localized === errors || localized.length !== errors.length
      ? errors
      : (Object.freeze(
          errors.map((error, i) => {
            const message = localized[i]?.message;
            return typeof message === 'string' && message
              ? Object.freeze({ ...error, message })
              : error;
          }),
        ) as unknown as DomainErrors);
  } catch {
    return errors;
  }
}
