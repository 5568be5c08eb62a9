/**
 * Errors in the caller's language: what the wire functions that take `LocaleOptions` do with
 * their English errors before they answer.
 */
import { type Err, err, type Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import type { DomainErrors } from '../errors';
import { type Catalog, type LocaleOptions, localizeErrors } from '../locales/locale';

/**
 * A result whose errors' messages are in the options' locale (English, the library's own,
 * when none is given, or when reading the options or the catalog throws): codes, paths and
 * fields stay as they are. Never throws.
 */
export function inLocale<T>(
  result: Result<T, DomainErrors>,
  options: LocaleOptions | undefined,
): Result<T, DomainErrors> {
  if (result.isOk()) return result;
  try {
    // Read as anything: a JavaScript caller may pass a value that is not an options object.
    const locale = (options as { readonly locale?: unknown } | null | undefined)?.locale;
    if (locale === undefined) return result;
    return err(localizeErrors(result.error, locale as Catalog));
  } catch {
    // Options or a catalog of the caller's whose getters, Proxy traps or `localize` throw:
    // the errors stay in English.
    return result;
  }
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
