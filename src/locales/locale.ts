/**
 * Languages for people: error messages and `explain` in English, Brazilian Portuguese and
 * Spanish. Codes, paths, extra fields and every JSON output stay the same in every locale.
 *
 * A message is rendered from the error's data (its `code`, `path` and the fields of its code)
 * by the locale's catalog (src/locales/*.ts), not written at the place the error is made: a
 * language is one catalog file. English is the library's own language: an error's `message`
 * is already English, detailed at the place it was found, and no catalog (or `en`) keeps it.
 *
 * This file is the machinery, with no catalog in it: a catalog is a value the user imports
 * from `cocreation/locales` and passes (`{ locale: ptBR }`), so that a bundle carries only
 * the languages it uses (issue 17). `explain` imports English, its default.
 */
import {
  type DomainError,
  type DomainErrors,
  type ErrorCode,
  type ErrorOf,
  isErrorCode,
} from '../errors';
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
 * const errors = parseDocument({ contracts: [] }, options)._unsafeUnwrapErr();
 * assert.equal(errors[0]?.message, 'product: falta un campo obligatorio');
 * ```
 */
export interface LocaleOptions {
  /**
   * The language of messages and `explain`: a catalog of `cocreation/locales` (`ptBR`, `es`,
   * `en`) or one of your own. Default English, the library's own, which needs no catalog.
   */
  readonly locale?: Catalog | undefined;
}

/**
 * The kinds of `invalid_field` a catalog words apart. The kind is read from the error's
 * English message, which says it in a fixed form; a message in no such form is `'other'`.
 */
export type FieldProblem =
  | 'required'
  | 'unknown'
  | 'misplaced'
  | 'reserved'
  | 'duplicate'
  | 'shape'
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
 * A language: the value passed as `locale`. The library's are in `cocreation/locales`, one
 * file each in src/locales/; a catalog of your own, of this type, works the same.
 */
export interface Catalog {
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
 * Tells whether a value has a catalog's shape: what the functions that take a `locale` check
 * before using it, so that any other value (a JavaScript caller's `'pt-BR'`, from before
 * 0.2.0) means English, the default.
 */
export function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== 'object' || value === null) return false;
  const { intl, localNumbers, messages, explain } = value as Record<string, unknown>;
  return (
    typeof intl === 'string' &&
    typeof localNumbers === 'boolean' &&
    typeof messages === 'object' &&
    typeof explain === 'object' &&
    explain !== null
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers: exact strings from the library, only the separators and symbols from Intl
// ---------------------------------------------------------------------------------------------

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

/** The wire's own marks: for a tag `Intl` does not take (a catalog of the user's, mistyped). */
const WIRE_STYLE: NumberStyle = { decimal: '.', group: ',', minGrouping: 1 };

function numberStyle(tag: string): NumberStyle {
  const known = styles.get(tag);
  if (known !== undefined) return known;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  } catch {
    return WIRE_STYLE;
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
 * string's own, so no amount is ever rounded through a float.
 */
export function localDecimal(decimal: string, tag: string): string {
  const style = numberStyle(tag);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (match === null) return decimal;
  const [, sign = '', int = '', frac] = match;
  let grouped = int;
  if (int.length >= 3 + style.minGrouping) {
    grouped = int.replace(/\B(?=(\d{3})+$)/g, style.group);
  }
  return `${sign}${grouped}${frac === undefined ? '' : style.decimal + frac}`;
}

/**
 * Prints an amount (an exact decimal string in major units) as the locale writes money:
 * `'1234.56'` in BRL is `'R$ 1.234,56'` in pt-BR. The symbol and its place come from `Intl`.
 */
export function localMoney(decimal: string, currency: string, tag: string): string {
  const negative = decimal.startsWith('-');
  const digits = localDecimal(negative ? decimal.slice(1) : decimal, tag);
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(tag, { style: 'currency', currency }).formatToParts(1);
  } catch {
    return `${negative ? '-' : ''}${currency} ${digits}`;
  }
  const first = parts.findIndex((p) => p.type === 'integer');
  let last = first;
  parts.forEach((p, i) => {
    if (p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal') last = i;
  });
  const prefix = spaces(
    parts
      .slice(0, first)
      .map((p) => p.value)
      .join(''),
  );
  const suffix = spaces(
    parts
      .slice(last + 1)
      .map((p) => p.value)
      .join(''),
  );
  return `${negative ? '-' : ''}${prefix}${digits}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** Reads which kind of `invalid_field` an error is from its English message. */
export function fieldProblem(message: string): FieldProblem {
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
 * The same error with its `message` in another language. Everything else (`code`, `path`,
 * the fields of its code) is kept as it is. English (no catalog, `en`, or anything that is
 * not a catalog) returns the error itself: its own message is English, and says most. A
 * message is rendered from the error's data, so it names the field by its path:
 * `sale.price.amount: …`.
 *
 * @param error - an error of the library
 * @param locale - the language's catalog (default English)
 * @returns the error, frozen, with its message in `locale`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function localizeError<E extends DomainError>(error: E, locale?: Catalog): E {
  if (!isCatalog(locale) || locale.messages === null) return error;
  if (typeof error !== 'object' || error === null) return error;
  if (!isErrorCode(error.code) || !Array.isArray(error.path)) return error;
  if (typeof error.message !== 'string') return error;
  const messages = locale.messages;
  const decimal = (d: string) => localDecimal(d, locale.intl);
  try {
    const text = render(messages, error, decimal);
    const where = pathText(error.path);
    return Object.freeze({
      ...error,
      message: where === '' ? text : `${where}: ${text}`,
    }) as unknown as E;
  } catch {
    // Only a value forged around the types gets here (a field that cannot become text, a
    // catalog without the template of a code).
    return error;
  }
}

/**
 * Every error of a list with its `message` in another language, as the readers of
 * `cocreation/wire` write them with a `locale` option: for the errors of any other function.
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
 * const errors = product({ id: 'p1' })
 *   .mapErr((e) => localizeErrors(e, es))
 *   ._unsafeUnwrapErr();
 * assert.deepEqual(errors.map((e) => e.message), ['mainCreator: falta un campo obligatorio']);
 * ```
 */
export function localizeErrors(errors: DomainErrors, locale?: Catalog): DomainErrors {
  if (!Array.isArray(errors)) return errors;
  return Object.freeze(errors.map((e) => localizeError(e, locale))) as unknown as DomainErrors;
}
