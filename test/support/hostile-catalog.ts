/**
 * Hostile catalogs, for the tests that every function taking a catalog answers whatever the
 * catalog does (test/hostile-catalog.property.test.ts, test/fuzz/entry-points.fuzz.test.ts).
 */
import fc from 'fast-check';
import type { DomainErrors } from '../../src/errors';
import { defineCatalog } from '../../src/locales/define';
import { en } from '../../src/locales/en';
import type { Catalog, CatalogWords } from '../../src/locales/locale';
import { ptBR } from '../../src/locales/pt-BR';

export const boom = (): never => {
  throw new Error('a catalog that throws');
};

/**
 * An object every read of which throws: a proxy whose getters, keys and descriptors throw
 * (`in` answers as the target does: fast-check asks every value it makes for a clone method).
 */
export function explosive(target: object = {}): object {
  return new Proxy(target, { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
}

/** Values that are no text, nor words: primitives, junk objects, an object that throws. */
export const notText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -1.5, Number.NaN, 12n, Symbol('x')),
  fc.constant(Object.create(null)),
  fc.constant({}),
  fc.constant([]),
  fc.constant(explosive()),
  fc.constant(explosive([])),
);

/** A function that throws, or answers anything but text. */
export const hostileFunction: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(boom),
  notText.map((answer) => () => answer),
);

/**
 * Words of English's shape (`english`) with every part hostile: a word that is no text, a
 * function that throws or answers no text, a list or record missing parts or unreadable.
 * `emptyIsHostile`: a template answering `''` (no message) counts too.
 */
export function hostileLike(english: unknown, emptyIsHostile = false): fc.Arbitrary<unknown> {
  const fn = emptyIsHostile
    ? fc.oneof(
        hostileFunction,
        fc.constant(() => ''),
      )
    : hostileFunction;
  if (typeof english === 'string') return fc.oneof(notText, fn);
  if (typeof english === 'function') return fc.oneof(notText, fc.string(), fn);
  const shape = english as Readonly<Record<string, unknown>>;
  const keys = Object.keys(shape);
  const parts = fc.tuple(
    ...keys.map((key) => fc.option(hostileLike(shape[key], emptyIsHostile), { nil: undefined })),
  );
  const built = parts.map((values) => {
    const out = (Array.isArray(english) ? [] : {}) as Record<string, unknown>;
    values.forEach((value, i) => {
      if (value !== undefined) out[keys[i] as string] = value;
    });
    return out;
  });
  return fc.oneof(notText, built);
}

/** A localize that throws, or answers anything but one error with a message for each. */
export const hostileLocalize: fc.Arbitrary<unknown> = fc.oneof(
  hostileFunction,
  fc.constant((errors: DomainErrors) => errors.slice(1)),
  fc.constant((errors: DomainErrors) => [...errors, ...errors]),
  fc.constant((errors: DomainErrors) => explosive([...errors])),
  fc
    .oneof(
      notText,
      fc.constant({ message: '' }),
      notText.map((message) => ({ message })),
      fc.constant(explosive({ message: 'x' })),
    )
    .map((element) => (errors: DomainErrors) => errors.map(() => element)),
);

/** Words for defineCatalog, every part hostile (a tag or a number style changes no English). */
export const hostileWords: fc.Arbitrary<unknown> = fc.oneof(
  notText,
  fc.record(
    {
      intl: fc.anything(),
      localNumbers: fc.anything().filter((v) => v !== true),
      messages: hostileLike(ptBR.messages, true),
      explain: hostileLike(en.explain),
    },
    { requiredKeys: [] },
  ),
);

/** A catalog made by hand with every part hostile, or a value that is no catalog at all. */
export const hostileCatalog: fc.Arbitrary<Catalog> = fc
  .oneof(
    notText,
    fc.constant('pt-BR'),
    hostileWords.map((words) => defineCatalog(words as CatalogWords)),
    fc.record(
      {
        intl: fc.anything(),
        localNumbers: fc.anything(),
        messages: fc.anything(),
        explain: hostileLike(en.explain),
        localize: hostileLocalize,
        decimal: fc.oneof(notText, hostileFunction),
        money: fc.oneof(notText, hostileFunction),
      },
      { requiredKeys: [] },
    ),
  )
  .map((catalog) => catalog as Catalog);
