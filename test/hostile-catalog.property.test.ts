/**
 * A catalog is the caller's code when it is made by hand: whatever it does, the functions that
 * take one (the readers and settleDocument of cocreation/wire, its Standard Schema validator,
 * explain, localizeErrors, defineCatalog) answer without throwing, and English fills in
 * whatever the catalog cannot give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DomainErrors, domainError, ERROR_CODES } from '../src/errors';
import { defineCatalog, localizeError } from '../src/locales/define';
import { en } from '../src/locales/en';
import { es } from '../src/locales/es';
import type { Catalog, CatalogWords } from '../src/locales/locale';
import { localizeErrors } from '../src/locales/locale';
import { ptBR } from '../src/locales/pt-BR';
import { documentJson, malformedDocument } from '../src/testing';
import { parseDocument, parseDocumentBytes, parseDocumentText } from '../src/wire/document';
import { explain } from '../src/wire/explain';
import { settleDocument } from '../src/wire/settle-document';
import { settleDocumentSchema } from '../src/wire/standard-schema';
import { boom, explosive, hostileCatalog, hostileWords, notText } from './support/hostile-catalog';
import { specDocument } from './support/spec-document';

const SEED = 20_261_205;

/** Two settled documents: §8's (an affiliate, a cocreator, a refund) and a direct sale. */
const settled = [
  specDocument(),
  {
    product: { id: 'p1', mainCreator: 'ana@example.com' },
    contracts: [],
    sale: {
      id: 's2',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '1234567.89', currency: 'BRL' },
    },
  },
].map((doc) => parseDocument(doc).andThen(settleDocument)._unsafeUnwrap());

/** A document the readers accept that settleDocument refuses. */
const unsettleable = parseDocument({
  product: { id: 'p1', mainCreator: 'ana@example.com' },
  contracts: [],
  sale: {
    id: 's1',
    productId: 'p2',
    at: '2026-03-01T12:00:00Z',
    price: { amount: '10.00', currency: 'BRL' },
  },
})._unsafeUnwrap();

function issueMessages(catalog: Catalog | undefined, value: unknown): ReadonlyArray<string> {
  const result = settleDocumentSchema({ locale: catalog })['~standard'].validate(value);
  return (result as { issues: ReadonlyArray<{ message: string }> }).issues.map((i) => i.message);
}

describe('a hostile catalog', () => {
  it('leaves the errors of localizeErrors, the readers, settleDocument and the Standard Schema in English', () => {
    fc.assert(
      fc.property(malformedDocument(), hostileCatalog, ({ document }, locale) => {
        const english = parseDocument(document)._unsafeUnwrapErr();
        const localized = localizeErrors(english, locale);
        expect(localized).toEqual(english);
        expect(Object.isFrozen(localized)).toBe(true);
        expect(parseDocument(document, { locale })._unsafeUnwrapErr()).toEqual(english);
        const text = JSON.stringify(document);
        expect(parseDocumentText(text, { locale })._unsafeUnwrapErr()).toEqual(
          parseDocumentText(text)._unsafeUnwrapErr(),
        );
        const bytes = new TextEncoder().encode(text);
        expect(parseDocumentBytes(bytes, { locale })._unsafeUnwrapErr()).toEqual(
          parseDocumentBytes(bytes)._unsafeUnwrapErr(),
        );
        expect(settleDocument(unsettleable, { locale })._unsafeUnwrapErr()).toEqual(
          settleDocument(unsettleable)._unsafeUnwrapErr(),
        );
        expect(issueMessages(locale, document)).toEqual(english.map((e) => e.message));
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('leaves the breakdown of explain in English', () => {
    const english = settled.map(({ settlement, reversals }) => explain(settlement, reversals));
    fc.assert(
      fc.property(hostileCatalog, (locale) => {
        settled.forEach(({ settlement, reversals }, i) => {
          expect(explain(settlement, reversals, { locale })).toBe(english[i]);
        });
        expect(explain({} as never, [], { locale })).toBe('not a settlement');
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('made by defineCatalog of hostile words is a catalog whose functions never throw and write English', () => {
    const error = domainError('invalid_json', 'the input is not JSON: oops', ['x']);
    fc.assert(
      fc.property(hostileWords, fc.string(), fc.anything(), (words, text, junk) => {
        const made = defineCatalog(words as CatalogWords);
        expect(Object.isFrozen(made)).toBe(true);
        expect(made.localize([error])).toEqual([error]);
        expect(localizeErrors([error], made)).toEqual([error]);
        expect(made.decimal(text)).toBe(text);
        expect(made.money(text, 'BRL')).toBe(text);
        expect(typeof made.decimal(junk as never)).toBe('string');
        expect(typeof made.money(junk as never, junk as never)).toBe('string');
        const localized = made.localize(junk as never);
        if (Array.isArray(junk)) expect(localized).toEqual(junk);
        else expect(localized).toBe(junk);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

describe('a catalog with some parts broken', () => {
  /** The paths to every word of English's explain: strings and functions, in lists and records. */
  function leaves(value: unknown, path: ReadonlyArray<string> = []): string[][] {
    if (typeof value !== 'object' || value === null) return [[...path]];
    return Object.entries(value).flatMap(([key, part]) => leaves(part, [...path, key]));
  }
  const paths = leaves(en.explain);

  /** A deep copy of `words` with the word at `path` set to `value` (deleted for `MISSING`). */
  const MISSING = Symbol('missing');
  function withWord(words: unknown, path: ReadonlyArray<string>, value: unknown): unknown {
    const [key, ...rest] = path as [string, ...string[]];
    const copy = (Array.isArray(words) ? [...words] : { ...(words as object) }) as Record<
      string,
      unknown
    >;
    if (rest.length > 0) copy[key] = withWord(copy[key], rest, value);
    else if (value === MISSING) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  function wordAt(words: unknown, path: ReadonlyArray<string>): unknown {
    return path.reduce<unknown>((w, key) => (w as Record<string, unknown>)[key], words);
  }

  it("writes explain's words it can use in the catalog's language and English's in place of the others", () => {
    const breakage = fc.oneof(
      fc.constant<unknown>(MISSING),
      fc.constant<unknown>(boom),
      fc.constant<unknown>(() => 42),
      fc.constant<unknown>(null),
      fc.constant<unknown>(7),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(ptBR, es),
        fc.array(fc.tuple(fc.constantFrom(...paths), breakage), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (catalog, broken, brokenDecimal, brokenMoney) => {
          let words: unknown = catalog.explain;
          let repaired: unknown = catalog.explain;
          for (const [path, value] of broken) {
            // A word of the other type than English's: a string for a function, and the other way.
            const wrong =
              value === 7 && typeof wordAt(en.explain, path) === 'function' ? 'text' : value;
            words = withWord(words, path, wrong);
            repaired = withWord(repaired, path, wordAt(en.explain, path));
          }
          const brokenCatalog = {
            ...catalog,
            explain: words,
            ...(brokenDecimal ? { decimal: boom } : {}),
            ...(brokenMoney ? { money: () => undefined } : {}),
          } as unknown as Catalog;
          const repairedCatalog = {
            ...catalog,
            explain: repaired,
            ...(brokenDecimal ? { decimal: en.decimal } : {}),
            ...(brokenMoney ? { money: en.money } : {}),
          } as Catalog;
          for (const { settlement, reversals } of settled) {
            expect(explain(settlement, reversals, { locale: brokenCatalog })).toBe(
              explain(settlement, reversals, { locale: repairedCatalog }),
            );
          }
        },
      ),
      { numRuns: 150, seed: SEED },
    );
  });

  it('takes the messages localize answers for some errors and keeps the English message of the others', () => {
    fc.assert(
      fc.property(
        malformedDocument(),
        fc.infiniteStream(fc.oneof(fc.string({ minLength: 1 }), notText, fc.constant(''))),
        ({ document }, answers) => {
          const english = parseDocument(document)._unsafeUnwrapErr();
          const messages = [...answers.take(english.length)];
          // The answer also changes codes, paths and fields: only its messages are taken.
          const localize = (errors: DomainErrors) =>
            errors.map((_, i) => ({
              code: 'invalid_json',
              path: ['elsewhere'],
              message: messages[i],
            }));
          const locale = { ...ptBR, localize } as unknown as Catalog;
          const localized = localizeErrors(english, locale);
          expect(Object.isFrozen(localized)).toBe(true);
          expect(localized).toHaveLength(english.length);
          english.forEach((error, i) => {
            const message = messages[i];
            if (typeof message === 'string' && message !== '') {
              expect(localized[i]).toEqual({ ...error, message });
              expect(Object.isFrozen(localized[i])).toBe(true);
            } else {
              expect(localized[i]).toBe(error);
            }
          });
          expect(parseDocument(document, { locale })._unsafeUnwrapErr()).toEqual(localized);
        },
      ),
      { numRuns: 100, seed: SEED },
    );
  });
});

describe("the library's catalogs' functions", () => {
  it('answer text for any value, a string as before and anything else as String(value)', () => {
    const catalogs = [en, ptBR, es];
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (value) => {
        for (const catalog of catalogs) {
          const decimal = catalog.decimal(value as never);
          const money = catalog.money(value as never, value as never);
          expect(typeof decimal).toBe('string');
          expect(typeof money).toBe('string');
          const localized = catalog.localize(value as never);
          if (Array.isArray(value)) expect(localized).toEqual(value);
          else expect(localized).toBe(value);
        }
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('print a value that is not a string as String(value), with the locale around it', () => {
    expect(ptBR.money(undefined as never, 'BRL')).toBe('R$ undefined');
    expect(ptBR.money(1234567n as never, 'BRL')).toBe('R$ 1.234.567');
    expect(ptBR.decimal(1234.5 as never)).toBe('1.234,5');
    expect(es.money('12.5', 7 as never)).toBe('7 12,5');
    expect(en.decimal(null as never)).toBe('null');
    expect(en.money(12n as never, 'USD')).toBe('12');
    // A value with no text (a null-prototype object, a proxy that throws) prints as nothing.
    expect(ptBR.decimal(Object.create(null))).toBe('');
    expect(en.money(explosive() as never, 'USD')).toBe('');
    expect(ptBR.money('1.5', Object.create(null))).toBe(' 1,5');
  });

  it('localize a list that cannot be walked as it is, and an error whose fields throw as it is', () => {
    const list = explosive([]) as unknown as DomainErrors;
    expect(ptBR.localize(list)).toBe(list);
    const error = explosive({ code: 'invalid_json' }) as never;
    expect(ptBR.localize([error])[0]).toBe(error);
    expect(localizeError(error, ptBR)).toBe(error);
  });
});

describe('the catalog parts each function uses', () => {
  it('are read through getters that throw as parts the catalog lacks: English', () => {
    const getters = Object.defineProperties(
      {},
      Object.fromEntries(
        ['intl', 'localNumbers', 'messages', 'explain', 'localize', 'decimal', 'money'].map(
          (key) => [key, { get: boom, enumerable: true }],
        ),
      ),
    ) as Catalog;
    const { settlement, reversals } = settled[0] as (typeof settled)[number];
    expect(explain(settlement, reversals, { locale: getters })).toBe(
      explain(settlement, reversals),
    );
    const english = parseDocument({})._unsafeUnwrapErr();
    expect(localizeErrors(english, getters)).toBe(english);
    // defineCatalog cannot copy such words: it makes a catalog of none, which writes English.
    const made = defineCatalog(getters);
    expect(made.intl).toBe('en');
    expect(localizeErrors(english, made)).toEqual(english);
    expect(explain(settlement, reversals, { locale: made })).toBe(explain(settlement, reversals));
  });

  it('cover every code: each template that throws or answers no text keeps that message in English', () => {
    const messages = ptBR.messages as NonNullable<Catalog['messages']>;
    for (const code of ERROR_CODES) {
      const error = domainError(code, 'expected a string', ['sale']);
      for (const template of [boom, () => 5, () => '']) {
        const broken =
          code === 'invalid_field' || code === 'invalid_policy'
            ? { ...messages, [code]: { shape: template, other: template } }
            : { ...messages, [code]: template };
        const catalog = defineCatalog({ ...ptBR, messages: broken as never });
        expect(localizeErrors([error], catalog)).toEqual([error]);
      }
    }
  });

  it('keeps the other languages working for the documents the readers refuse, with one word broken', () => {
    const { intl, localNumbers, messages } = ptBR;
    const oneBroken = defineCatalog({
      intl,
      localNumbers,
      messages,
      explain: { ...ptBR.explain, title: boom as never },
    });
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const result = parseDocument(doc).andThen(settleDocument);
        if (result.isErr()) return;
        const { settlement, reversals } = result.value;
        const lines = explain(settlement, reversals, { locale: oneBroken }).split('\n');
        const portuguese = explain(settlement, reversals, { locale: ptBR }).split('\n');
        const english = explain(settlement, reversals).split('\n');
        expect(lines[0]).toBe(english[0]);
        expect(lines.slice(1)).toEqual(portuguese.slice(1));
      }),
      { numRuns: 30, seed: SEED },
    );
  });
});

describe('options whose locale getter throws', () => {
  it('are read as no locale: English, by the readers, settleDocument, the Standard Schema and explain', () => {
    const options = explosive() as never;
    const english = parseDocument({})._unsafeUnwrapErr();
    expect(parseDocument({}, options)._unsafeUnwrapErr()).toEqual(english);
    expect(settleDocument(unsettleable, options)._unsafeUnwrapErr()).toEqual(
      settleDocument(unsettleable)._unsafeUnwrapErr(),
    );
    const validate = settleDocumentSchema(options)['~standard'].validate;
    expect(validate({})).toEqual(settleDocumentSchema()['~standard'].validate({}));
    const { settlement, reversals } = settled[0] as (typeof settled)[number];
    expect(explain(settlement, reversals, options)).toBe(explain(settlement, reversals));
  });
});
