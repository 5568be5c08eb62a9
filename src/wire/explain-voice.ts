/**
 * What `explain` writes with: a catalog's words and number printers, with English filling in
 * whatever the catalog cannot give. A catalog may be made by hand (its words and functions
 * are the caller's), so nothing of it is used unread: a word missing or of another type than
 * English's is English's, and a function of the catalog that throws or answers anything but
 * text is answered by English's for that call. So `explain` never throws on a catalog, and
 * a catalog made for an older version, without a word added since, still writes its own
 * language everywhere else.
 */
import { en } from '../locales/en';
import type { Catalog, LocaleOptions } from '../locales/locale';

/** The words and printers of a catalog, every one of them usable: `en` is one. */
export type Voice = Pick<Catalog, 'explain' | 'decimal' | 'money'>;

type AnyFunction = (...args: never[]) => unknown;

/** A part of a value, or `undefined` when it has none or reading it throws (a getter's). */
function part(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The catalog's function, answered by English's for a call where it throws or gives no text. */
function guarded<F extends AnyFunction>(given: unknown, english: F): F {
  if (typeof given !== 'function') return english;
  return ((...args: Parameters<F>) => {
    try {
      const text: unknown = given(...args);
      if (typeof text === 'string') return text;
    } catch {
      // The English text below.
    }
    return english(...args);
  }) as F;
}

/**
 * Words of English's shape (strings, functions that answer text, lists and records of them),
 * each taken from `given` where it is of English's type, else English's.
 */
function conform<T>(given: unknown, english: T): T {
  if (typeof english === 'string') return (typeof given === 'string' ? given : english) as T;
  if (typeof english === 'function') return guarded(given, english as AnyFunction) as T;
  const words = english as Readonly<Record<string, unknown>>;
  const out = (Array.isArray(english) ? [] : {}) as Record<string, unknown>;
  for (const key of Object.keys(words)) out[key] = conform(part(given, key), words[key]);
  return out as T;
}

/**
 * The voice of the options' locale: `en` for none or `en`; else the catalog's words and
 * printers, each checked, English's where the catalog cannot give one (a value that is not a
 * catalog at all, a tag given as text, gives none; options that cannot be read give none).
 */
export function voiceOf(options: LocaleOptions | undefined): Voice {
  const locale = part(options, 'locale');
  if (locale === undefined || locale === en) return en;
  return {
    explain: conform(part(locale, 'explain'), en.explain),
    decimal: guarded(part(locale, 'decimal'), en.decimal),
    money: guarded(part(locale, 'money'), en.money),
  };
}
