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

/** An account id in canonical form: trimmed, ASCII A–Z lower-cased (specification §1). */
export type AccountId = string & Brand<'AccountId'>;

/**
 * The longest account id, in UTF-16 code units after trimming (the longest e-mail address).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { accountId, MAX_ACCOUNT_ID_LENGTH } from 'cocreation';
 *
 * assert.equal(accountId('a'.repeat(MAX_ACCOUNT_ID_LENGTH)).isOk(), true);
 * const tooLong = accountId('a'.repeat(MAX_ACCOUNT_ID_LENGTH + 1));
 * if (tooLong.isOk()) throw new Error('expected an error');
 * assert.equal(tooLong.error[0].code, 'invalid_field');
 * ```
 */
export const MAX_ACCOUNT_ID_LENGTH = 320;

/**
 * {@link accountId} with its one error as it is: what the readers of this library collect.
 *
 * @internal
 */
export function accountIdOrError(input: unknown, path: Path = []): Result<AccountId, DomainError> {
  if (typeof input !== 'string') {
    return err(domainError('invalid_field', 'an account id must be a string', path));
  }
  const trimmed = input.trim();
  if (trimmed.length === 0) {
    return err(domainError('invalid_field', 'an account id must not be empty', path));
  }
  if (trimmed.length > MAX_ACCOUNT_ID_LENGTH) {
    return err(
      domainError(
        'invalid_field',
        `an account id has at most ${MAX_ACCOUNT_ID_LENGTH} characters, got ${trimmed.length}`,
        path,
      ),
    );
  }
  return ok(
    trimmed.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) as AccountId,
  );
}

/**
 * Checks an account id and puts it in canonical form: JavaScript's `trim()`, then only the
 * ASCII letters A–Z lower-cased (`'É'` stays as it is, unlike `toLowerCase()`), so ids compare
 * with `===`.
 *
 * @param input - the id as written, usually an e-mail address
 * @param path - where the id is in the input (default `[]`)
 * @returns the canonical {@link AccountId}, or `invalid_field` when `input` is not a string,
 *   or is empty or longer than {@link MAX_ACCOUNT_ID_LENGTH} after trimming
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { accountId } from 'cocreation';
 *
 * for (const [input, canonical] of [['  Ana@Example.COM ', 'ana@example.com'], ['ÉLODIE', 'Élodie']]) {
 *   const id = accountId(input);
 *   if (id.isErr()) throw new Error(id.error.map((e) => e.message).join('; '));
 *   assert.equal(id.value, canonical);
 * }
 *
 * const blank = accountId('   ', ['sale', 'affiliate', 'account']);
 * if (blank.isOk()) throw new Error('expected an error');
 * assert.equal(blank.error[0].code, 'invalid_field');
 * ```
 */
export function accountId(input: unknown, path: Path = []): Result<AccountId, DomainErrors> {
  const at = pathArgument(path);
  if (at === undefined) return notAPath();
  // Only the argument's type is looked at (no property of the caller's is read), so nothing
  // can throw here: no catch.
  return accountIdOrError(input, at).mapErr(asErrorList);
}
