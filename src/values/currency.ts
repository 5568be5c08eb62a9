import { err, ok, type Result } from 'neverthrow';
import { notAPath, pathArgument } from '../_internal/unreadable';
import {
  asErrorList,
  type DomainError,
  type DomainErrors,
  domainError,
  type Path,
} from '../errors';
import type { Brand } from './brand';

/** An active ISO 4217 alphabetic code that has minor units, e.g. `'BRL'`. */
export type CurrencyCode = string & Brand<'CurrencyCode'>;

/**
 * A currency: its ISO 4217 code and exponent (the number of decimals of its minor unit).
 * Plain data, accepted for what it contains: a copy (`structuredClone`, the other module
 * format, another copy of the package) is as good as the value `currency()` returns.
 * Compare two currencies by `code`, never with `===`.
 */
export interface Currency {
  /** The ISO 4217 alphabetic code, upper case, e.g. `'BRL'`. */
  readonly code: CurrencyCode;
  /** Decimals of the minor unit: 2 for BRL (centavos), 0 for JPY, 3 for KWD (fils). */
  readonly exponent: number;
}

/*
 * ISO 4217 list one (current funds and currencies), minor units as published by the
 * maintenance agency (SIX), written out by hand and grouped by exponent so the exceptions
 * are easy to audit. Not derived from `Intl`, whose data differs between runtimes.
 *
 * Included: every active code whose minor unit is a number, funds codes included (BOV, CHE,
 * CHW, COU, MXV, USN, UYI, UYW, CLF) and X-codes that have minor units (XAF, XCD, XCG, XOF,
 * XPF, XAD). MGA and MRU are listed by ISO with 2 decimals (their 1/5 subdivisions are not
 * decimal and not used in payments).
 *
 * Excluded on purpose: codes whose minor unit is "N.A." (XAU, XAG, XPT, XPD, XDR, XSU, XUA,
 * XBA, XBB, XBC, XBD, XTS, XXX) are metals, units of account, testing and "no currency"
 * codes, not currencies a sale is paid in. Withdrawn codes (ANG, CUC, HRK, SLL, ZWL, ...)
 * are not active.
 */
const EXPONENT_0 = [
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
] as const;

const EXPONENT_3 = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;

const EXPONENT_4 = ['CLF', 'UYW'] as const;

// biome-ignore format: one row per initial letter keeps the table auditable
const EXPONENT_2 = [
  'AED', 'AFN', 'ALL', 'AMD', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN',
  'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD',
  'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK',
  'DKK', 'DOP', 'DZD',
  'EGP', 'ERN', 'ETB', 'EUR',
  'FJD', 'FKP',
  'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD',
  'HKD', 'HNL', 'HTG', 'HUF',
  'IDR', 'ILS', 'INR', 'IRR',
  'JMD',
  'KES', 'KGS', 'KHR', 'KPW', 'KYD', 'KZT',
  'LAK', 'LBP', 'LKR', 'LRD', 'LSL',
  'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN',
  'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD',
  'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN',
  'QAR',
  'RON', 'RSD', 'RUB',
  'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL',
  'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS',
  'UAH', 'USD', 'USN', 'UYU', 'UZS',
  'VED', 'VES',
  'WST',
  'XAD', 'XCD', 'XCG',
  'YER',
  'ZAR', 'ZMW', 'ZWG',
] as const;

function build(): ReadonlyMap<string, Currency> {
  const rows: Array<readonly [string, number]> = [
    ...EXPONENT_0.map((c) => [c, 0] as const),
    ...EXPONENT_2.map((c) => [c, 2] as const),
    ...EXPONENT_3.map((c) => [c, 3] as const),
    ...EXPONENT_4.map((c) => [c, 4] as const),
  ];
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const table = new Map<string, Currency>();
  for (const [code, exponent] of rows) {
    table.set(code, Object.freeze({ code: code as CurrencyCode, exponent }));
  }
  return table;
}

const TABLE = build();

/** The table's object {@link tableCurrency} last recognised by identity. */
let lastFound: Currency | undefined;
const ALL: ReadonlyArray<Currency> = Object.freeze([...TABLE.values()]);

/**
 * {@link currency} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function currencyOrError(code: unknown, path: Path = []): Result<Currency, DomainError> {
  if (typeof code !== 'string') {
    return err(domainError('invalid_field', 'a currency code must be a string', path));
  }
  const found = TABLE.get(code);
  if (found === undefined) {
    return err(
      domainError(
        'unknown_currency',
        `${JSON.stringify(code)} is not an active ISO 4217 currency code with minor units`,
        path,
        { currency: code },
      ),
    );
  }
  return ok(found);
}

/**
 * Looks up an active ISO 4217 currency by its code. Codes are case-sensitive: `'brl'` is
 * unknown.
 *
 * @param code - the alphabetic code, e.g. `'BRL'`
 * @param path - where the code is in the input (default `[]`)
 * @returns the shared frozen {@link Currency}, `unknown_currency` for a string that is not an
 *   active code with minor units, or `invalid_field` when `code` is not a string
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency } from 'cocreation';
 *
 * const kwd = currency('KWD');
 * if (kwd.isErr()) throw new Error(kwd.error.map((e) => e.message).join('; '));
 * assert.equal(kwd.value.exponent, 3);
 *
 * const gold = currency('XAU', ['price', 'currency']);
 * if (gold.isOk()) throw new Error('expected an error');
 * assert.equal(gold.error[0].code, 'unknown_currency');
 * ```
 */
export function currency(code: unknown, path: Path = []): Result<Currency, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  // Only the argument's type is looked at (no property of the caller's is read), so nothing
  // can throw here: no catch.
  return currencyOrError(code, at).mapErr(asErrorList);
}

/**
 * Every currency the library knows, sorted by code.
 *
 * @returns the frozen table of active ISO 4217 currencies with minor units
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currencies } from 'cocreation';
 *
 * const jpy = currencies().find((c) => c.code === 'JPY');
 * assert.equal(jpy?.exponent, 0);
 * ```
 */
export function currencies(): ReadonlyArray<Currency> {
  return ALL;
}

/**
 * Tells whether a value is a currency of the table: an object whose `code` is an active code
 * and whose `exponent` is that code's. Decided by content, not identity: a `structuredClone`
 * of a currency, or one from the other module format, is a currency.
 *
 * @param value - anything
 * @returns `true` when `value` has the code and exponent of a {@link Currency} of the table
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency, isCurrency } from 'cocreation';
 *
 * const brl = currency('BRL');
 * if (brl.isErr()) throw new Error(brl.error.map((e) => e.message).join('; '));
 * assert.equal(isCurrency(brl.value), true);
 * assert.equal(isCurrency(structuredClone(brl.value)), true);
 * assert.equal(isCurrency({ code: 'BRL', exponent: 3 }), false);
 * assert.equal(isCurrency({ code: 'XAU', exponent: 0 }), false);
 * ```
 */
export function isCurrency(value: unknown): value is Currency {
  try {
    return tableCurrency(value) !== undefined;
  } catch {
    // A getter or a Proxy trap of the caller's threw: not a currency of the table.
    return false;
  }
}

/**
 * The table's own frozen object for a value that {@link isCurrency} accepts, else
 * `undefined`. Internal: constructors store it, so what they return never shares an object
 * with their input.
 *
 * @internal
 */
export function tableCurrency(value: unknown): Currency | undefined {
  // The table's object last found: a batch of sales in one currency skips the lookup. It is
  // the answer the lookup would give (a table object is its own entry, frozen).
  if (value === lastFound) return lastFound;
  if (typeof value !== 'object' || value === null) return undefined;
  const code: unknown = (value as { code?: unknown }).code;
  // A value that is not a string is no key of the table, whose get then answers undefined.
  const found = TABLE.get(code as string);
  if (found === value) {
    lastFound = found;
    return found;
  }
  return found !== undefined && (value as { exponent?: unknown }).exponent === found.exponent
    ? found
    : undefined;
}

/**
 * Whether two currencies are the same currency: by code, so that copies compare equal.
 * Internal.
 *
 * @internal
 */
export function sameCurrency(a: Currency, b: Currency): boolean {
  return a.code === b.code;
}
