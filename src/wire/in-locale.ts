/**
 * Errors in the caller's language: what the wire functions that take `LocaleOptions` do with
 * their English errors before they answer.
 */
import type { Err, Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import type { DomainErrors } from '../errors';
import { type Catalog, type LocaleOptions, localizeErrors } from '../locales/locale';

/**
 * A result whose errors' messages are in the options' locale (English, the library's own,
 * when none is given): codes, paths and fields stay as they are.
 */
export function inLocale<T>(
  result: Result<T, DomainErrors>,
  options: LocaleOptions | undefined,
): Result<T, DomainErrors> {
  // Read as anything: a JavaScript caller may pass a value that is not an options object, or
  // one whose getter throws (English, then, as for a catalog that throws).
  let locale: unknown;
  try {
    locale = (options as { readonly locale?: unknown } | null | undefined)?.locale;
  } catch {
    return result;
  }
  if (locale === undefined) return result;
  return result.mapErr((errors) => localizeErrors(errors, locale as Catalog));
}

/**
 * The answer of a wire function whose reading threw (a getter or a Proxy of the caller's):
 * the `invalid_field` of `unreadable`, in the options' locale (English when they cannot be
 * read either).
 */
export function unreadableIn(
  cause: unknown,
  options: LocaleOptions | undefined,
): Err<never, DomainErrors> {
  return inLocale(unreadableErr(cause), options) as Err<never, DomainErrors>;
}
