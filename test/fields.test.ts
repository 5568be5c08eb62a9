import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import {
  collect,
  collectAll,
  deepFreeze,
  type Issues,
  nonEmpty,
  optional,
  raw,
  readBoolean,
  readEnum,
  readId,
  readObject,
  required,
} from '../src/_internal/fields';
import { type DomainErrors, domainError } from '../src/errors';

const problems = (issues: Issues) => issues.map((e) => [e.code, e.path, e.message]);

describe('readObject', () => {
  it('reads a plain object or one without prototype, whose keys are all allowed', () => {
    const issues: Issues = [];
    const plain = { id: 'p1' };
    const bare = Object.assign(Object.create(null) as object, { id: 'p1' });
    expect(readObject(plain, ['product'], ['id', 'mainCreator'], issues)).toBe(plain);
    expect(readObject(bare, ['product'], ['id'], issues)).toBe(bare);
    expect(issues).toEqual([]);
  });

  it('refuses what is not an object, naming what was expected, at the path', () => {
    for (const input of [null, undefined, 'p1', 5, ['id']]) {
      const issues: Issues = [];
      expect(readObject(input, ['sale'], ['id'], issues, 'a sale')).toBeUndefined();
      expect(problems(issues)).toEqual([['invalid_field', ['sale'], 'expected a sale']]);
    }
    const issues: Issues = [];
    readObject(5, [], ['id'], issues);
    expect(problems(issues)).toEqual([['invalid_field', [], 'expected an object']]);
  });

  it('refuses an object with another prototype, saying a plain object is expected', () => {
    for (const input of [new Date(0), new (class Sale {})(), Object.create({ id: 'p1' })]) {
      const issues: Issues = [];
      expect(readObject(input, ['sale'], ['id'], issues, 'a sale')).toBeUndefined();
      expect(problems(issues)).toEqual([
        ['invalid_field', ['sale'], 'expected a sale, a plain object'],
      ]);
    }
  });

  it('reports each reserved or unknown key at its own path, naming it', () => {
    const input = JSON.parse('{"id":"p1","__proto__":1,"constructor":2,"prototype":3,"extra":4}');
    const issues: Issues = [];
    expect(readObject(input, ['product'], ['id'], issues)).toBe(input);
    expect(problems(issues)).toEqual([
      ['invalid_field', ['product', '__proto__'], 'the key "__proto__" is not allowed'],
      ['invalid_field', ['product', 'constructor'], 'the key "constructor" is not allowed'],
      ['invalid_field', ['product', 'prototype'], 'the key "prototype" is not allowed'],
      ['invalid_field', ['product', 'extra'], 'unknown field "extra"'],
    ]);
  });

  it('refuses a reserved key even when the caller allows it', () => {
    const issues: Issues = [];
    readObject({ constructor: 1 }, [], ['constructor'], issues);
    expect(problems(issues)).toEqual([
      ['invalid_field', ['constructor'], 'the key "constructor" is not allowed'],
    ]);
  });
});

describe('optional, raw and required', () => {
  const fields = Object.assign(Object.create({ inherited: 1 }) as object, {
    a: 1,
    n: null,
    u: undefined,
  }) as Readonly<Record<string, unknown>>;

  it('optional reads an own field, null and an absent or inherited field as undefined', () => {
    expect([optional(fields, 'a'), optional(fields, 'n'), optional(fields, 'u')]).toEqual([
      1,
      undefined,
      undefined,
    ]);
    expect(optional(fields, 'inherited')).toBeUndefined();
    expect(optional(fields, 'toString')).toBeUndefined();
  });

  it('raw keeps null as written, and ignores inherited fields', () => {
    expect(raw(fields, 'n')).toBeNull();
    expect(raw(fields, 'a')).toBe(1);
    expect(raw(fields, 'inherited')).toBeUndefined();
  });

  it('required reports a field that is absent or null, naming it at its path', () => {
    const issues: Issues = [];
    expect(required(fields, 'a', ['x'], issues)).toBe(1);
    expect(issues).toEqual([]);
    expect(required(fields, 'n', ['x'], issues)).toBeUndefined();
    expect(required(fields, 'inherited', ['x'], issues)).toBeUndefined();
    expect(problems(issues)).toEqual([
      ['invalid_field', ['x', 'n'], '"n" is required'],
      ['invalid_field', ['x', 'inherited'], '"inherited" is required'],
    ]);
  });
});

describe('readId', () => {
  it('reads a string of 1 to 1000 characters as written', () => {
    const issues: Issues = [];
    const longest = 'x'.repeat(1000);
    expect([readId('a', [], issues), readId(longest, [], issues), readId(' ', [], issues)]).toEqual(
      ['a', longest, ' '],
    );
    expect(issues).toEqual([]);
  });

  it('refuses the empty string, 1001 characters and non-strings; absent is not its problem', () => {
    for (const value of ['', 'x'.repeat(1001), 5, null, ['a']]) {
      const issues: Issues = [];
      expect(readId(value, ['sale', 'id'], issues)).toBeUndefined();
      expect(problems(issues)).toEqual([
        ['invalid_field', ['sale', 'id'], 'expected a non-empty string of at most 1000 characters'],
      ]);
    }
    const issues: Issues = [];
    expect(readId(undefined, ['sale', 'id'], issues)).toBeUndefined();
    expect(issues).toEqual([]);
  });
});

describe('readBoolean', () => {
  it('reads true and false, refuses anything else but absent', () => {
    const issues: Issues = [];
    expect([readBoolean(true, [], issues), readBoolean(false, [], issues)]).toEqual([true, false]);
    expect(readBoolean(undefined, [], issues)).toBeUndefined();
    expect(issues).toEqual([]);
    for (const value of ['true', 0, 1, null]) readBoolean(value, ['flag'], issues);
    expect(problems(issues)).toEqual(
      Array.from({ length: 4 }, () => ['invalid_field', ['flag'], 'expected a boolean']),
    );
  });
});

describe('readEnum', () => {
  const allowed = ['mutual', 'unilateral'] as const;

  it('reads one of the allowed strings', () => {
    const issues: Issues = [];
    expect(readEnum('unilateral', allowed, [], issues)).toBe('unilateral');
    expect(readEnum(undefined, allowed, [], issues)).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('refuses any other value with invalid_field, or the code asked for, listing the values', () => {
    const issues: Issues = [];
    readEnum('Mutual', allowed, ['cancellation'], issues);
    readEnum(1, allowed, ['cancellation'], issues, 'invalid_policy');
    expect(problems(issues)).toEqual([
      ['invalid_field', ['cancellation'], 'expected one of "mutual", "unilateral"'],
      ['invalid_policy', ['cancellation'], 'expected one of "mutual", "unilateral"'],
    ]);
  });
});

describe('collect, collectAll and nonEmpty', () => {
  const e1 = domainError('invalid_field', 'one', ['a']);
  const e2 = domainError('invalid_amount', 'two', ['b']);

  it('collect answers the value of an Ok, and adds the error of an Err', () => {
    const issues: Issues = [];
    expect(collect(ok(1), issues)).toBe(1);
    expect(collect(err(e1), issues)).toBeUndefined();
    expect(issues).toEqual([e1]);
  });

  it('collectAll adds every error of an Err, in order', () => {
    const issues: Issues = [e1];
    expect(collectAll(ok('v'), issues)).toBe('v');
    expect(collectAll(err([e2, e1] as unknown as DomainErrors), issues)).toBeUndefined();
    expect(issues).toEqual([e1, e2, e1]);
  });

  it('nonEmpty answers undefined for no issue, else a frozen copy of them all', () => {
    expect(nonEmpty([])).toBeUndefined();
    const issues = [e1, e2];
    const all = nonEmpty(issues);
    expect(all).toEqual([e1, e2]);
    expect(all).not.toBe(issues);
    expect(Object.isFrozen(all)).toBe(true);
  });
});

describe('deepFreeze', () => {
  it('freezes an object and everything in it, and answers the same value', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
  });

  it('does not walk into a value already frozen, so it never changes what it did not build', () => {
    // A frozen value is taken as the caller's: deepFreeze does not reach past it.
    const inner = { c: 1 };
    const outer = Object.freeze({ inner });
    deepFreeze(outer);
    expect(Object.isFrozen(inner)).toBe(false);
  });

  it('answers primitives and null unchanged', () => {
    expect([deepFreeze(1), deepFreeze('a'), deepFreeze(null), deepFreeze(undefined)]).toEqual([
      1,
      'a',
      null,
      undefined,
    ]);
  });
});
