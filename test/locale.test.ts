import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DomainError, domainError, ERROR_CODES, type ErrorCode } from '../src/errors';
import { CATALOGS, isLocale, LOCALES } from '../src/locales/catalogs';
import {
  defineCatalog,
  fieldProblem,
  localDecimal,
  localizeError,
  localMoney,
  pathText,
  policyProblem,
} from '../src/locales/define';
import { en } from '../src/locales/en';
import { es } from '../src/locales/es';
import { type Catalog, localizeErrors } from '../src/locales/locale';
import { ptBR } from '../src/locales/pt-BR';
import { documentJson, malformedDocument } from '../src/testing';
import { currency } from '../src/values/currency';
import { formatAmount } from '../src/values/money';
import { parsePercent, subtractPercents } from '../src/values/percent';
import { parseDocument, parseDocumentBytes, parseDocumentText } from '../src/wire/document';
import { explain } from '../src/wire/explain';
import { settleDocument } from '../src/wire/settle-document';
import { settleDocumentSchema } from '../src/wire/standard-schema';
import { specDocument } from './support/spec-document';

const SEED = 20_260_418;

/** One error of each code, with fields of every kind its template may read. */
function sampleOf(code: ErrorCode, message = 'expected a string'): DomainError {
  const extra: Record<string, unknown> = {
    currency: 'JPY',
    maxDecimals: 0,
    min: '0.5',
    max: '99.5',
    expected: 'BRL',
    actual: 'USD',
    status: 'active',
    event: 'accepted',
    actor: 'eve@example.com',
    reservedPercent: '70.25',
    maxPercent: '70',
    maxCocreators: 50,
    account: 'bia@example.com',
    fee: '1234.5',
    price: '1000.00',
    refunded: '1000.01',
  };
  return Object.freeze({ code, message, path: ['sale', 'price'], ...extra }) as DomainError;
}

const TRANSLATED = LOCALES.filter((l) => CATALOGS[l].messages !== null);

describe('the catalogs', () => {
  it('are English (the errors own messages) and two translations', () => {
    expect(LOCALES).toEqual(['en', 'pt-BR', 'es']);
    expect(CATALOGS.en.messages).toBeNull();
    expect(TRANSLATED).toEqual(['pt-BR', 'es']);
  });

  it('give every code (and every kind of invalid_field and invalid_policy) a message in every translation', () => {
    for (const locale of TRANSLATED) {
      const messages = CATALOGS[locale].messages;
      if (messages === null) throw new Error('unreachable');
      expect(Object.keys(messages).sort()).toEqual([...ERROR_CODES].sort());
      expect(Object.keys(messages.invalid_field).sort()).toEqual(
        [
          'duplicate',
          'misplaced',
          'other',
          'required',
          'reserved',
          'shape',
          'unknown',
          'unreadable',
        ].sort(),
      );
      expect(Object.keys(messages.invalid_policy).sort()).toEqual(['other', 'preset']);
    }
  });

  it('render a message for every code that differs from the English one and between languages', () => {
    const messages = [
      '"id" is required',
      'only invited, amendment-proposed and amended events carry terms',
      'unknown field "x"',
      'the key "__proto__" is not allowed',
      'the contract id "c1" is used twice in this document',
      'expected a string',
      'odd',
    ];
    for (const code of ERROR_CODES) {
      const forms =
        code === 'invalid_field'
          ? messages
          : code === 'invalid_policy'
            ? ['unknown policy preset "x"; …', 'odd']
            : ['odd'];
      for (const form of forms) {
        const error = sampleOf(code, form);
        const texts = TRANSLATED.map((l) => localizeError(error, CATALOGS[l]).message);
        for (const text of texts) {
          expect(text.startsWith('sale.price: ')).toBe(true);
          expect(text.length).toBeGreaterThan('sale.price: '.length + 5);
          expect(text).not.toContain('undefined');
          expect(text).not.toBe(form);
        }
        expect(new Set(texts).size).toBe(texts.length);
      }
    }
  });

  it('give explain the same words in every language', () => {
    const keys = (o: object) => Object.keys(o).sort();
    for (const locale of LOCALES) {
      expect(keys(CATALOGS[locale].explain)).toEqual(keys(CATALOGS.en.explain));
      expect(keys(CATALOGS[locale].explain.how)).toEqual(keys(CATALOGS.en.explain.how));
      expect(keys(CATALOGS[locale].explain.roles)).toEqual(keys(CATALOGS.en.explain.roles));
    }
  });

  it('write the numbers in a message with the locale separators', () => {
    const fee = domainError('fee_exceeds_price', 'x', ['sale', 'platformFee'], {
      fee: '1234.50',
      price: '1000.00',
    });
    expect(localizeError(fee, ptBR).message).toBe(
      'sale.platformFee: a taxa da plataforma (1.234,50) é maior que o preço (1.000,00)',
    );
    expect(localizeError(fee, es).message).toBe(
      'sale.platformFee: la tarifa de la plataforma (1234,50) es mayor que el precio (1000,00)',
    );
  });
});

describe('the wording of the translations', () => {
  const say = (error: DomainError, locale: Catalog) => localizeError(error, locale).message;

  it('agree decimal places with their number: none, one, several', () => {
    const amount = (maxDecimals: number) =>
      domainError('amount_precision', 'x', [], { currency: 'JPY', maxDecimals });
    expect([0, 1, 2].map((n) => say(amount(n), ptBR))).toEqual([
      'um valor em JPY não admite casas decimais',
      'um valor em JPY tem no máximo 1 casa decimal',
      'um valor em JPY tem no máximo 2 casas decimais',
    ]);
    expect([0, 1, 3].map((n) => say(amount(n), es))).toEqual([
      'un importe en JPY no admite decimales',
      'un importe en JPY tiene como máximo 1 decimal',
      'un importe en JPY tiene como máximo 3 decimales',
    ]);
    const percent = (maxDecimals: number) =>
      domainError('percent_precision', 'x', [], { maxDecimals });
    expect(say(percent(0), ptBR)).toBe('um percentual não admite casas decimais nesta política');
    expect(say(percent(1), es)).toBe('un porcentaje tiene como máximo 1 decimal en esta política');
  });

  it("say an affiliate's percent is above 0, which it excludes, and other bounds inclusive", () => {
    const range = (min: string, max: string) =>
      domainError('percent_out_of_range', 'x', [], { min, max });
    expect(say(range('0', '100'), ptBR)).toBe(
      'o percentual deve ser maior que 0 e não passar de 100',
    );
    expect(say(range('0', '100'), es)).toBe('el porcentaje debe ser mayor que 0 y no superar 100');
    // subtractPercents' minimum of 0 is allowed: its translation says what went wrong instead.
    const negative = parsePercent('10').andThen((ten) =>
      parsePercent('12.5').andThen((more) => subtractPercents(ten, more)),
    );
    if (negative.isOk()) throw new Error('expected an error');
    expect(say(negative.error[0], ptBR)).toBe(
      'não é possível subtrair mais que 10: um percentual nunca é negativo',
    );
    expect(say(negative.error[0], es)).toBe(
      'no se puede restar más de 10: un porcentaje nunca es negativo',
    );
    expect(say(range('1', '80.5'), ptBR)).toBe('o percentual deve estar entre 1 e 80,5, inclusive');
    expect(say(range('1', '80.5'), es)).toBe(
      'el porcentaje debe estar entre 1 y 80,5, ambos incluidos',
    );
  });

  it('agree the limit of cocreators with its number', () => {
    const limit = (maxCocreators: number) =>
      domainError('max_cocreators_reached', 'x', [], { maxCocreators });
    expect(say(limit(1), ptBR)).toMatch(
      /^a política permite no máximo 1 contrato de coprodução vigente por produto,/,
    );
    expect(say(limit(2), ptBR)).toMatch(
      /^a política permite no máximo 2 contratos de coprodução vigentes por produto,/,
    );
    expect(say(limit(1), es)).toMatch(
      /^la política permite como máximo 1 contrato de coproducción vigente por producto,/,
    );
    expect(say(limit(2), es)).toMatch(
      /^la política permite como máximo 2 contratos de coproducción vigentes por producto,/,
    );
  });

  it("use the platforms' words, the same in the messages and in explain", () => {
    // Hotmart's: produtor / coprodutor / afiliado / taxa in Portuguese, productor /
    // coproductor / afiliado / tarifa in Spanish ("comisión" is the affiliate's).
    const texts = (locale: Catalog) => {
      const errors = ERROR_CODES.map((code) => say(sampleOf(code, 'odd'), locale));
      return [
        ...errors,
        JSON.stringify(locale.explain),
        ...Object.values(locale.explain)
          .filter((w): w is (...a: string[]) => string => typeof w === 'function')
          .map((w) => w('1', '2', '3', '4', '5')),
      ].join('\n');
    };
    const pt = texts(ptBR);
    const spanish = texts(es);
    expect(pt).toContain('produtor principal');
    expect(pt).toContain('coprodutor');
    expect(pt).toContain('taxa da plataforma');
    expect(pt).not.toMatch(/criador|comissão/);
    expect(spanish).toContain('productor principal');
    expect(spanish).toContain('coproductor');
    expect(spanish).toContain('tarifa de la plataforma');
    expect(spanish).not.toMatch(/creador|comisión/);
  });
});

describe('fieldProblem', () => {
  it('reads the kind of each English form the readers write', () => {
    expect(fieldProblem('"percent" is required')).toBe('required');
    expect(fieldProblem('unknown field "extra"')).toBe('unknown');
    expect(fieldProblem('the key "__proto__" is not allowed')).toBe('reserved');
    expect(fieldProblem('the contract id "c1" is used twice in this document')).toBe('duplicate');
    expect(fieldProblem('the refund id "r1" is already used by another refund of this sale')).toBe(
      'duplicate',
    );
    expect(fieldProblem('expected an array')).toBe('shape');
    expect(fieldProblem('not an object')).toBe('shape');
    expect(fieldProblem('"x" is not one of "a", "b"')).toBe('shape');
    expect(fieldProblem('an account id has at most 1000 characters, got 1001')).toBe('shape');
    expect(fieldProblem('an account id must be a string')).toBe('shape');
    expect(fieldProblem('unknown event type; expected one of "invited"')).toBe('shape');
    expect(fieldProblem('only invited, amendment-proposed and amended events carry terms')).toBe(
      'misplaced',
    );
    expect(fieldProblem('the value could not be read: reading it threw (Error: x)')).toBe(
      'unreadable',
    );
    expect(fieldProblem('the value could not be read: reading it threw')).toBe('unreadable');
    expect(fieldProblem('lines must be: platform, affiliate')).toBe('other');
    expect(policyProblem('unknown policy preset "x"; expected "hotmart"')).toBe('preset');
    expect(policyProblem('minRetainedPercent is below 100')).toBe('other');
  });
});

describe('the kinds of invalid_field', () => {
  it('cover every message the readers write for a malformed document (a new form needs a kind)', () => {
    const unread = new Set<string>();
    for (const { document } of fc.sample(malformedDocument(), { numRuns: 1500, seed: SEED })) {
      for (const e of parseDocument(document).match(
        () => [],
        (errors) => errors,
      )) {
        if (e.code === 'invalid_field' && fieldProblem(e.message) === 'other')
          unread.add(e.message);
      }
    }
    expect([...unread]).toEqual([]);
  });
});

describe('pathText', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(pathText([])).toBe('');
    expect(pathText(['contracts', 0, 'events', 12, 'by'])).toBe('contracts[0].events[12].by');
    expect(pathText([3, 'a'])).toBe('[3].a');
  });
});

describe('localizeError', () => {
  it('keeps code, path and every field of the code, and changes only the message', () => {
    fc.assert(
      fc.property(malformedDocument(), fc.constantFrom(...LOCALES), ({ document }, locale) => {
        const errors = parseDocument(document)._unsafeUnwrapErr();
        const localized = localizeErrors(errors, CATALOGS[locale]);
        expect(localized).toHaveLength(errors.length);
        errors.forEach((error, i) => {
          const { message: _a, ...rest } = error;
          const { message, ...localRest } = localized[i] as DomainError;
          expect(localRest).toEqual(rest);
          expect(Object.isFrozen(localized[i])).toBe(true);
          if (locale === 'en') expect(localized[i]).toBe(error);
          else {
            const where = pathText(error.path);
            expect(message.startsWith(where === '' ? '' : `${where}: `)).toBe(true);
            expect(message).not.toBe(error.message);
          }
        });
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('returns English, and values that are not errors, as they are', () => {
    const error = domainError('invalid_json', 'the input is not JSON: oops', []);
    expect(localizeError(error)).toBe(error);
    expect(localizeError(error, en)).toBe(error);
    expect(localizeError(error, ptBR).message).toBe('o texto não é um JSON válido');
    // A tag, as a JavaScript caller passed it before 0.2.0, is no catalog: English.
    expect(localizeError(error, 'pt-BR' as never)).toBe(error);
    expect(localizeError(error, 'xx' as never)).toBe(error);
    const forged = { code: 'nope', message: 'm', path: [] } as unknown as DomainError;
    expect(localizeError(forged, es)).toBe(forged);
    const noPath = { code: 'invalid_json', message: 'm' } as unknown as DomainError;
    expect(localizeError(noPath, es)).toBe(noPath);
    expect(localizeError(null as unknown as DomainError, es)).toBeNull();
    const noMessage = { code: 'invalid_json', message: 1, path: [] } as unknown as DomainError;
    expect(localizeError(noMessage, es)).toBe(noMessage);
    const badPath = Object.freeze({
      code: 'invalid_json',
      message: 'm',
      path: [Object.create(null)],
    }) as unknown as DomainError;
    expect(localizeError(badPath, es)).toBe(badPath);
    expect(localizeErrors('nope' as never, es)).toBe('nope');
  });

  it('tells locales apart', () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    for (const v of ['pt', 'pt-br', 'EN', '', null, 1]) expect(isLocale(v)).toBe(false);
  });

  it('use each part of a value given as a catalog, English for a part it lacks', () => {
    expect(LOCALES.map((l) => CATALOGS[l])).toEqual([en, ptBR, es]);
    const error = domainError('invalid_json', 'the input is not JSON: oops', []);
    const spanish = localizeErrors([error], es);
    expect(spanish.map((e) => e.message)).toEqual(['el texto no es un JSON válido']);
    const { intl, localNumbers, messages, explain: words } = es;
    // Without localize: English messages; the words and printers it has are still used.
    const wordsOnly = { intl, localNumbers, messages, explain: words } as unknown as Catalog;
    expect(localizeErrors([error], wordsOnly)).toEqual([error]);
    expect(explain({} as never, [], { locale: wordsOnly })).toBe('no es una liquidación');
    for (const value of ['pt-BR', null, 1, {}, { ...es, localize: 'x' }]) {
      expect(localizeErrors([error], value as never)).toEqual([error]);
    }
    for (const value of ['pt-BR', null, 1, {}, { ...es, explain: null }, { ...es, explain: 'x' }]) {
      expect(explain({} as never, [], { locale: value as never })).toBe('not a settlement');
    }
    // Only localize is needed for the messages: a catalog's other parts are explain's.
    for (const value of [
      { ...es, decimal: null },
      { ...es, money: {} },
      { localize: es.localize },
    ]) {
      expect(localizeErrors([error], value as never)).toEqual(spanish);
    }
  });

  it('are frozen, and English is what defineCatalog makes of its words', () => {
    // Deeply: a catalog is shared by every caller, so none can change another's words.
    const frozenThrough = (value: unknown): boolean =>
      typeof value !== 'object' ||
      value === null ||
      (Object.isFrozen(value) && Object.values(value).every(frozenThrough));
    for (const catalog of [en, ptBR, es, defineCatalog(es)]) {
      expect(frozenThrough(catalog)).toBe(true);
    }
    // defineCatalog freezes a copy: the words given are left as they were.
    const mine = { ...es, explain: { ...es.explain } };
    expect(frozenThrough(defineCatalog(mine))).toBe(true);
    expect(Object.isFrozen(mine.explain)).toBe(false);
    const { localize: _l, decimal: _d, money: _m, ...words } = en;
    const made = defineCatalog(words);
    fc.assert(
      fc.property(malformedDocument(), fc.string(), ({ document }, text) => {
        const errors = parseDocument(document)._unsafeUnwrapErr();
        expect(en.localize(errors)).toEqual(made.localize(errors));
        expect(en.decimal(text)).toBe(made.decimal(text));
        expect(en.money(text, 'BRL')).toBe(made.money(text, 'BRL'));
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('make nothing of a value that is not words: no messages, wire numbers', () => {
    for (const value of [null, undefined, 'es', 1]) {
      const made = defineCatalog(value as never);
      const error = domainError('invalid_json', 'the input is not JSON: oops', []);
      expect(made.localize([error])).toEqual([error]);
      expect(made.localize('nope' as never)).toBe('nope');
      expect(made.money('1234.5', 'EUR')).toBe('1234.5');
      expect(made.decimal('1234.5')).toBe('1234.5');
      expect(explain({} as never, [], { locale: made })).toBe('not a settlement');
    }
  });

  it('writes with a catalog of the user’s own, made by defineCatalog', () => {
    const messages = es.messages as NonNullable<Catalog['messages']>;
    const fr = defineCatalog({
      ...es,
      intl: 'fr',
      messages: { ...messages, invalid_json: () => 'le texte n’est pas du JSON' },
      explain: { ...es.explain, notASettlement: 'pas un règlement' },
    });
    const error = domainError('invalid_json', 'the input is not JSON: oops', []);
    expect(localizeErrors([error], fr).map((e) => e.message)).toEqual([
      'le texte n’est pas du JSON',
    ]);
    expect(explain({} as never, [], { locale: fr })).toBe('pas un règlement');
    // French groups with a narrow no-break space, written as a space.
    expect(localDecimal('1234567.5', 'fr')).toBe('1 234 567,5');
  });

  it('leaves a message in English with a catalog that lacks its template', () => {
    const error = domainError('invalid_json', 'the input is not JSON: oops', []);
    const lacking = defineCatalog({ ...es, messages: {} } as never);
    expect(localizeErrors([error], lacking)).toEqual([error]);
    expect(localizeError(error, { ...es, messages: 'x' } as never)).toBe(error);
  });
});

/** The amount with the locale's marks taken out, read back as the wire's decimal. */
function unlocalized(text: string, tag: string): string {
  const sep = tag === 'pt-BR' || tag === 'es' ? { group: '.', decimal: ',' } : null;
  if (sep === null) throw new Error(tag);
  return text
    .replace(/[^\d.,-]/g, '')
    .split(sep.group)
    .join('')
    .replace(sep.decimal, '.');
}

describe('localMoney and localDecimal', () => {
  const minor = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });

  it('print exactly the digits of the amount, any size, in BRL, USD and JPY', () => {
    fc.assert(
      fc.property(
        minor,
        fc.constantFrom('BRL', 'USD', 'JPY'),
        fc.constantFrom('pt-BR', 'es'),
        (m, code, tag) => {
          const cur = currency(code)._unsafeUnwrap();
          const wire = formatAmount(m, cur);
          expect(unlocalized(localMoney(wire, code, tag), tag)).toBe(wire);
          expect(unlocalized(localDecimal(wire, tag), tag)).toBe(wire);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  it('agree with Intl.NumberFormat where a float is still exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.constantFrom('pt-BR', 'es'),
        (m, tag) => {
          const cur = currency('BRL')._unsafeUnwrap();
          const intl = new Intl.NumberFormat(tag, { style: 'currency', currency: 'BRL' })
            .format(Number(m) / 100)
            .replace(/[\u00a0\u202f]/g, ' ')
            .replace('\u2212', '-');
          // Intl writes -0,00 for a negative zero; the library has no negative zero.
          expect(localMoney(formatAmount(m, cur), 'BRL', tag)).toBe(intl);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
  });

  it('write R$ 1.234,56 in pt-BR and group four digits only from five in Spanish', () => {
    expect(localMoney('1234.56', 'BRL', 'pt-BR')).toBe('R$ 1.234,56');
    expect(localMoney('-0.05', 'BRL', 'pt-BR')).toBe('-R$ 0,05');
    expect(localMoney('1234.56', 'EUR', 'es')).toBe('1234,56 €');
    expect(localMoney('12345.6', 'EUR', 'es')).toBe('12.345,6 €');
    expect(localMoney('123456789012345678901.23', 'BRL', 'pt-BR')).toBe(
      'R$ 123.456.789.012.345.678.901,23',
    );
    expect(localMoney('5', 'XYZ!', 'pt-BR')).toBe('XYZ! 5');
    expect(localDecimal('not a number', 'pt-BR')).toBe('not a number');
  });

  it('print with English marks for a tag Intl does not take (a catalog of the user’s, mistyped)', () => {
    expect(localDecimal('-1234567.5', 'not a tag!')).toBe('-1,234,567.5');
    expect(localMoney('1234.56', 'BRL', 'not a tag!')).toBe('BRL 1,234.56');
  });
});

describe('explain in a locale', () => {
  const outcome = settleDocument(parseDocument(specDocument())._unsafeUnwrap())._unsafeUnwrap();

  it('prints exactly today’s English without a locale and with locale en', () => {
    const today = explain(outcome.settlement, outcome.reversals);
    expect(explain(outcome.settlement, outcome.reversals, { locale: en })).toBe(today);
    expect(explain(outcome.settlement, outcome.reversals, {})).toBe(today);
    expect(today).toContain('affiliate A = floor(N x 40% = 70.60)');
  });

  it('writes Portuguese words and R$ amounts (the specification §8 example, checked by hand)', () => {
    const text = explain(outcome.settlement, outcome.reversals, { locale: ptBR });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Liquidação da venda s1 (produto p1) em 2026-03-01T12:00:00.000Z, em BRL',
    );
    expect(lines).toContain('preço P                                                   R$ 197,00');
    expect(lines).toContain('afiliado A = floor(N x 40% = 70,60)                        R$ 70,60');
    expect(text).toContain(
      'Retenção mínima: pelo menos 30% de B = 31,77; o produtor principal fica com R$ 84,72.',
    );
    expect(text).toMatch(/produtor principal\s+ana@example\.com\s+-\s+R\$ 84,72\s+-R\$ 21,51/);
    expect(text).toMatch(/total\s+R\$ 197,00\s+-R\$ 50,00\s+-R\$ 50,00\s+R\$ 147,00$/);
  });

  it('writes Spanish words', () => {
    const text = explain(outcome.settlement, outcome.reversals, { locale: es });
    expect(text).toContain('Liquidación de la venta s1');
    expect(text).toContain('neto N = P - F');
    expect(text).toContain('176,50');
  });

  it('says a forged value is not a settlement, in the locale', () => {
    expect(explain({} as never, [], { locale: ptBR })).toBe('não é uma liquidação');
    expect(explain(outcome.settlement, [{}] as never, { locale: es })).toBe(
      'no es una lista de reversiones de esta liquidación',
    );
  });

  it('has the lines of the English breakdown, each amount in the locale, for any document', () => {
    fc.assert(
      fc.property(
        documentJson(),
        fc.constantFrom('pt-BR' as const, 'es' as const),
        (doc, locale) => {
          const settled = parseDocument(doc).andThen(settleDocument);
          if (settled.isErr()) return;
          const { settlement, reversals } = settled.value;
          const english = explain(settlement, reversals).split('\n');
          const local = explain(settlement, reversals, { locale: CATALOGS[locale] }).split('\n');
          expect(local).toHaveLength(english.length);
          expect(local.map((l) => l === '')).toEqual(english.map((l) => l === ''));
          const tag = CATALOGS[locale].intl;
          const cur = settlement.currency;
          for (const line of settlement.lines) {
            const amount = localMoney(formatAmount(line.amount, cur), cur.code, tag);
            expect(local.some((l) => l.endsWith(amount))).toBe(true);
          }
        },
      ),
      { numRuns: 100, seed: SEED },
    );
  });

  it('prints English for a locale that is not a catalog (a tag, as before 0.2.0)', () => {
    const today = explain(outcome.settlement, outcome.reversals);
    for (const locale of ['pt-BR', null, 1, {}]) {
      expect(explain(outcome.settlement, outcome.reversals, { locale } as never)).toBe(today);
    }
  });

  it('reads a null options as none', () => {
    expect(explain(outcome.settlement, outcome.reversals, null as never)).toBe(
      explain(outcome.settlement, outcome.reversals),
    );
  });
});

describe('the locale option of the wire readers', () => {
  const refused = { product: {}, contracts: [], sale: {}, extra: 1 };
  const english = parseDocument(refused)._unsafeUnwrapErr();

  it('keeps the English errors when a hand-made catalog localizes to anything but one error each', () => {
    for (const answer of [5, null, [], english.slice(1), 'x']) {
      const odd = { ...ptBR, localize: () => answer } as unknown as Catalog;
      expect(localizeErrors(english, odd)).toBe(english);
      expect(parseDocument(refused, { locale: odd })._unsafeUnwrapErr()).toEqual(english);
      const issues = settleDocumentSchema({ locale: odd })['~standard'].validate(refused);
      expect(
        (issues as { issues: ReadonlyArray<{ message: string }> }).issues.map((i) => i.message),
      ).toEqual(english.map((e) => e.message));
    }
  });

  it("writes a catalog's numbers with English marks when it names no Intl tag, whatever the host's locale", () => {
    const { intl: _, ...words } = ptBR;
    const untagged = defineCatalog({ ...words, localNumbers: true } as never);
    expect(untagged.intl).toBe('en');
    const english = defineCatalog({ ...words, intl: 'en', localNumbers: true });
    expect(untagged.decimal('1234.5')).toBe(english.decimal('1234.5'));
    expect(untagged.money('1234.5', 'EUR')).toBe(english.money('1234.5', 'EUR'));
  });

  it('writes the errors of parseDocument, parseDocumentText and parseDocumentBytes in the locale, codes and paths unchanged', () => {
    const text = JSON.stringify(refused);
    for (const locale of [ptBR, es]) {
      const expected = localizeErrors(english, locale);
      expect(parseDocument(refused, { locale })._unsafeUnwrapErr()).toEqual(expected);
      expect(parseDocumentText(text, { locale })._unsafeUnwrapErr()).toEqual(expected);
      const bytes = new TextEncoder().encode(text);
      expect(parseDocumentBytes(bytes, { locale })._unsafeUnwrapErr()).toEqual(expected);
      expect(expected.map((e) => [e.code, e.path])).toEqual(english.map((e) => [e.code, e.path]));
      expect(expected.map((e) => e.message)).not.toEqual(english.map((e) => e.message));
    }
  });

  it('writes the errors of settleDocument in the locale', () => {
    const doc = parseDocument({
      product: { id: 'p1', mainCreator: 'ana@example.com' },
      contracts: [],
      sale: {
        id: 's1',
        productId: 'p2',
        at: '2026-03-01T12:00:00Z',
        price: { amount: '10.00', currency: 'BRL' },
      },
    })._unsafeUnwrap();
    const inEnglish = settleDocument(doc)._unsafeUnwrapErr();
    expect(inEnglish.map((e) => e.code)).toEqual(['product_mismatch']);
    expect(settleDocument(doc, { locale: ptBR })._unsafeUnwrapErr()).toEqual(
      localizeErrors(inEnglish, ptBR),
    );
  });

  it('keeps English, the very same answer, with no option or locale en', () => {
    expect(parseDocument(refused, {})._unsafeUnwrapErr()).toEqual(english);
    expect(parseDocument(refused, { locale: en })._unsafeUnwrapErr()).toEqual(english);
  });

  it('reads a value that is not a catalog (a tag, as before 0.2.0) as English', () => {
    for (const locale of ['pt-BR', 'es', null, 1, {}]) {
      const options = { locale } as never;
      expect(parseDocument(refused, options)._unsafeUnwrapErr()).toEqual(english);
    }
  });
});
