import { describe, expect, it } from 'vitest';
import { accountId } from '../src/values/account';

describe('accountId', () => {
  it('trims and lower-cases ASCII letters', () => {
    expect(accountId('  Ana@Example.COM \n')._unsafeUnwrap()).toBe('ana@example.com');
  });

  it('lower-cases only A to Z, leaving other letters as written', () => {
    expect(accountId('ÉLODIE@X.COM')._unsafeUnwrap()).toBe('Élodie@x.com');
    expect(accountId('İSTANBUL')._unsafeUnwrap()).toBe('İstanbul');
    expect(accountId('ΣΟΦΙΑ')._unsafeUnwrap()).toBe('ΣΟΦΙΑ');
  });

  it('trims every whitespace JavaScript trim() removes', () => {
    expect(accountId('\u00a0\ufeff\u2003bia\u3000\t')._unsafeUnwrap()).toBe('bia');
  });

  it('accepts 320 UTF-16 code units after trimming', () => {
    const id = `${'a'.repeat(320)}`;
    expect(accountId(`  ${id}  `)._unsafeUnwrap()).toBe(id);
    expect(accountId('😀'.repeat(160))._unsafeUnwrap()).toHaveLength(320);
  });

  it('refuses more than 320 UTF-16 code units as invalid_field with the path', () => {
    expect(accountId('a'.repeat(321), ['product', 'mainCreator'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'invalid_field',
      message: expect.any(String),
      path: ['product', 'mainCreator'],
    });
    expect(accountId(`${'😀'.repeat(160)}a`)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
  });

  it.each(['', '   ', '\n\t'])('refuses %j, empty after trimming, as invalid_field', (s) => {
    expect(accountId(s, ['contracts', 0, 'cocreator'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'invalid_field',
      message: expect.any(String),
      path: ['contracts', 0, 'cocreator'],
    });
  });

  it.each([null, undefined, 42, {}, ['a']])('refuses the non-string %j as invalid_field', (v) => {
    expect(accountId(v)._unsafeUnwrapErr()[0]).toMatchObject({ code: 'invalid_field', path: [] });
  });
});

describe('the errors of accountId', () => {
  it('say why in their message, one message per problem', () => {
    const messages = [42, '  ', 'a'.repeat(321)].map(
      (v) => accountId(v)._unsafeUnwrapErr()[0].message,
    );
    for (const message of messages) expect(message.trim()).not.toBe('');
    expect(new Set(messages).size).toBe(3);
    expect(messages[2]).toContain('321');
  });
});
