import { describe, expect, it } from 'vitest';
import { domainError, ERROR_CODES, isErrorCode } from '../src/errors';

describe('domainError', () => {
  it('builds plain data: code, message, path and the extra fields of its code', () => {
    expect(
      domainError('currency_mismatch', 'USD, not BRL', ['sale', 'price'], {
        expected: 'BRL',
        actual: 'USD',
      }),
    ).toStrictEqual({
      code: 'currency_mismatch',
      message: 'USD, not BRL',
      path: ['sale', 'price'],
      expected: 'BRL',
      actual: 'USD',
    });
    expect(domainError('invalid_field', 'no', [])).toStrictEqual({
      code: 'invalid_field',
      message: 'no',
      path: [],
    });
  });

  it('freezes the error and a copy of its path, so a later change to the path is not seen', () => {
    const path: Array<string | number> = ['contracts', 1];
    const error = domainError('invalid_field', 'no', path);
    path.push('events');
    expect(error.path).toEqual(['contracts', 1]);
    expect(Object.isFrozen(error)).toBe(true);
    expect(Object.isFrozen(error.path)).toBe(true);
  });
});

describe('isErrorCode', () => {
  it('accepts the 26 codes of specification §7', () => {
    expect(ERROR_CODES).toHaveLength(26);
    expect(ERROR_CODES.every(isErrorCode)).toBe(true);
  });

  it('refuses any other value, a code in another case or a name on every object included', () => {
    for (const value of [
      'INVALID_JSON',
      'invalid-json',
      '',
      'toString',
      'length',
      null,
      0,
      {},
      ['invalid_json'],
    ]) {
      expect(isErrorCode(value)).toBe(false);
    }
  });
});
