/**
 * A value whose reading throws (docs/decisions.md, "Never throwing"): a getter or a Proxy trap
 * of a JavaScript caller's that throws is answered with `invalid_field` at the argument's path,
 * "the value could not be read: reading it threw (Name: message)", never thrown. The fuzz suite
 * (test/fuzz/unreadable.fuzz.test.ts) puts such values anywhere; these are the named cases and
 * the message's rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CAUSE_LENGTH, UNREADABLE, unreadable } from '../src/_internal/unreadable';
import * as main from '../src/index';
import { es, ptBR } from '../src/locales/index';
import * as wire from '../src/wire/index';
import { expectDeepFrozen } from './fuzz/support';
import { specDocument } from './support/spec-document';

const boom = () => {
  throw new Error('boom');
};

/** A Proxy every trap of which throws `new Error('boom')`. */
function throwingProxy(target: object = {}): never {
  return new Proxy(target, {
    get: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
    isExtensible: boom,
    preventExtensions: boom,
  }) as never;
}

/** A Proxy that throws a TypeError on any operation (Array.isArray included). */
function revoked(): never {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy as never;
}

/** The error every case below expects, `Error: boom` thrown. */
function boomAt(path: ReadonlyArray<string | number>) {
  return [{ code: 'invalid_field', message: `${UNREADABLE} (Error: boom)`, path }];
}

function withGetter<T extends object>(node: T, key: string): T {
  Object.defineProperty(node, key, { get: boom, enumerable: true, configurable: true });
  return node;
}

describe('the "could not be read" error', () => {
  it('names the thrown Error by its name and message', () => {
    const [e] = unreadable(new TypeError('no'));
    expect(e).toEqual({
      code: 'invalid_field',
      message: 'the value could not be read: reading it threw (TypeError: no)',
      path: [],
    });
    expectDeepFrozen(unreadable(new TypeError('no')));
  });

  it('names only the name of an Error without a message', () => {
    expect(unreadable(new RangeError())[0].message).toBe(`${UNREADABLE} (RangeError)`);
  });

  it('names nothing for a thrown value that is not an Error, or whose message cannot be read', () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', { get: boom });
    for (const thrown of ['a string', 42, null, undefined, { message: 'not an Error' }, hostile]) {
      expect(unreadable(thrown)[0].message).toBe(UNREADABLE);
    }
    expect(unreadable(throwingProxy())[0].message).toBe(UNREADABLE);
    expect(unreadable(revoked())[0].message).toBe(UNREADABLE);
  });

  it(`keeps at most ${MAX_CAUSE_LENGTH} characters of what the Error said, then an ellipsis`, () => {
    const long = unreadable(new Error('a'.repeat(1000)))[0].message;
    const said = `Error: ${'a'.repeat(MAX_CAUSE_LENGTH - 'Error: '.length)}`;
    expect(long).toBe(`${UNREADABLE} (${said}…)`);
    const exact = unreadable(new Error('a'.repeat(MAX_CAUSE_LENGTH - 'Error: '.length)))[0];
    expect(exact.message).toBe(`${UNREADABLE} (${said})`);
  });

  it('never cuts a surrogate pair in two', () => {
    // 'Error: ' is 7 characters, then pairs: character 199 (index) is a high surrogate.
    const message = unreadable(new Error(`${'x'.repeat(MAX_CAUSE_LENGTH - 8)}🙂🙂`))[0].message;
    const said = message.slice(UNREADABLE.length + 2, -1);
    expect(said).toBe(`Error: ${'x'.repeat(MAX_CAUSE_LENGTH - 8)}…`);
  });

  it("is at the argument's path, or at [] when the path cannot be read or is not a path", () => {
    expect(unreadable(new Error('x'), ['sale', 0])[0].path).toEqual(['sale', 0]);
    for (const path of [revoked(), throwingProxy([]), ['a', 1.5], [{}], 'sale', null]) {
      expect(unreadable(new Error('x'), path)[0].path).toEqual([]);
    }
  });
});

describe('a public function given a value whose reading throws', () => {
  it('parseDocument answers a throwing getter on sale.price at the sale, never throwing', () => {
    const doc = specDocument();
    withGetter(doc.sale, 'price');
    expect(wire.parseDocument(doc)._unsafeUnwrapErr()).toEqual(boomAt(['sale']));
    const out = wire.settleToJson(doc);
    expect(out).toEqual({ ok: false, errors: boomAt(['sale']) });
  });

  it("parseDocument answers at the part's path when the part's reader met the throw, at [] when the document reader did", () => {
    // By hand, from docs/decisions.md: a contract's events and a refund's at are read only by
    // the part's own reader (its path); a contract's or refund's id is also read by the scan
    // for ids used twice, and the sale's affiliate by the check of an affiliate without a
    // percent, both of the whole document ([]).
    const cases: ReadonlyArray<
      readonly [(doc: ReturnType<typeof specDocument>) => void, unknown[]]
    > = [
      [(doc) => withGetter(doc.contracts[0] as object, 'events'), ['contracts', 0]],
      [(doc) => withGetter(doc.refunds[0] as object, 'at'), ['refunds', 0]],
      [(doc) => withGetter(doc.sale, 'id'), ['sale']],
      [(doc) => withGetter(doc.contracts[0] as object, 'id'), []],
      [(doc) => withGetter(doc.refunds[0] as object, 'id'), []],
      [(doc) => withGetter(doc.sale, 'affiliate'), []],
    ];
    for (const [poison, path] of cases) {
      const doc = specDocument();
      poison(doc);
      expect(wire.parseDocument(doc)._unsafeUnwrapErr()).toEqual(boomAt(path as never));
    }
  });

  it("a compiled settler answers a throwing Proxy sale, and leaves the settler's next sale alone", () => {
    const doc = wire.parseDocument(specDocument())._unsafeUnwrap();
    const settler = main.compileSettler(
      main
        .validateDomain({ policy: doc.policy, product: doc.product, contracts: doc.contracts })
        ._unsafeUnwrap(),
    );
    const answer = settler.settle(throwingProxy());
    expect(answer._unsafeUnwrapErr()).toEqual(boomAt([]));
    expectDeepFrozen(answer._unsafeUnwrapErr());
    expect(settler.settle(doc.sale)).toEqual(
      main.settleSale(doc.policy, doc.product, doc.contracts, doc.sale),
    );
  });

  it('sale() answers a throwing Proxy at its path', () => {
    expect(main.sale(throwingProxy())._unsafeUnwrapErr()).toEqual(boomAt([]));
    expect(main.sale(throwingProxy(), ['sales', 3])._unsafeUnwrapErr()).toEqual(
      boomAt(['sales', 3]),
    );
    const s = withGetter({ ...specDocument().sale }, 'at');
    expect(main.sale(s)._unsafeUnwrapErr()).toEqual(boomAt([]));
  });

  it('a revoked Proxy (a TypeError on any operation) is answered the same way', () => {
    const [e] = main.policy(revoked())._unsafeUnwrapErr();
    expect(e?.code).toBe('invalid_field');
    expect(e?.message.startsWith(`${UNREADABLE} (TypeError: `)).toBe(true);
  });

  it('every checking function reaches its catch and answers the error (a throwing value or path)', () => {
    const doc = wire.parseDocument(specDocument())._unsafeUnwrap();
    const P = throwingProxy();
    const calls: ReadonlyArray<readonly [string, () => unknown]> = [
      ['money', () => main.money(1n, P)],
      ['subtractPercents', () => main.subtractPercents(P, main.PERCENT_0)],
      ['policy', () => main.policy(P)],
      ['product', () => main.product(P)],
      ['sale', () => main.sale(P)],
      ['refund', () => main.refund(P)],
      ['contract', () => main.contract(P)],
      ['commissionRule', () => main.commissionRule(P)],
      ['validateDomain', () => main.validateDomain(P)],
      ['invite', () => main.invite(P, P)],
      ['transition', () => main.transition(P, P, P)],
      ['validateRetentionFloor', () => main.validateRetentionFloor(P, doc.sale.at)],
      ['validateAffiliatePermission', () => main.validateAffiliatePermission(P, doc.sale)],
      ['validateTermAt', () => main.validateTermAt(P, 'c1', doc.sale.at)],
      ['parseDocument', () => wire.parseDocument(P)],
      ['parseSettlementJson', () => wire.parseSettlementJson(P)],
      ['parseStoredSettlementJson', () => wire.parseStoredSettlementJson(P)],
      ['parseStoredReversalJson', () => wire.parseStoredReversalJson(P)],
      ['parseLedgerJson', () => wire.parseLedgerJson(P)],
      ['settleDocument', () => wire.settleDocument(P)],
      ['settleSale', () => main.settleSale(P, P, P, P)],
      ['refundSale', () => main.refundSale(P, [], P)],
      ['refundAll', () => main.refundAll(P, [])],
      ['ledgerOf', () => main.ledgerOf([P])],
      ['settleTotals', () => main.settleTotals(P, [])],
    ];
    for (const [name, call] of calls) {
      const answer = call() as { isErr(): boolean; error?: unknown };
      expect(answer.isErr(), name).toBe(true);
      expect(answer.error, name).toEqual(boomAt([]));
    }
    // accountId, appliesTo, currency, instant and percent look at their arguments' types only
    // and have no catch; these readers of text look further, and a revoked Proxy throws there.
    const R = revoked();
    const readers: ReadonlyArray<readonly [string, () => unknown]> = [
      ['parseInstant', () => main.parseInstant(R)],
      ['parsePercent', () => main.parsePercent(R)],
      ['parseMoney', () => main.parseMoney(R, 'BRL')],
    ];
    for (const [name, call] of readers) {
      const answer = call() as {
        isErr(): boolean;
        error: ReadonlyArray<{ message: string; path: unknown }>;
      };
      expect(answer.isErr(), name).toBe(true);
      expect(answer.error[0]?.message.startsWith(UNREADABLE), name).toBe(true);
      expect(answer.error[0]?.path, name).toEqual([]);
    }
  });

  it('a path argument that is not a list of keys and indexes is answered as such, before anything is read', () => {
    const notAPath = [
      { code: 'invalid_field', message: 'expected a path: a list of keys and indexes', path: [] },
    ];
    const doc = wire.parseDocument(specDocument())._unsafeUnwrap();
    // Valid first arguments: a bad path is refused even where nothing else is wrong (it used to
    // throw "path is not iterable", or be caught as a value that could not be read).
    const withPath: ReadonlyArray<readonly [string, (path: never) => unknown]> = [
      ['accountId', (p) => main.accountId('ana@example.com', p)],
      ['appliesTo', (p) => main.appliesTo('all-sales', p)],
      ['currency', (p) => main.currency('BRL', p)],
      ['parseInstant', (p) => main.parseInstant('2026-03-01T00:00:00Z', p)],
      ['instant', (p) => main.instant(0, p)],
      ['parsePercent', (p) => main.parsePercent('10', p)],
      ['percent', (p) => main.percent(10, 0, p)],
      ['money', (p) => main.money(1n, doc.sale.price.currency, p)],
      ['parseMoney', (p) => main.parseMoney('1.00', 'BRL', p)],
      ['subtractPercents', (p) => main.subtractPercents(main.PERCENT_100, main.PERCENT_0, p)],
      ['policy', (p) => main.policy('hotmart', p)],
      ['product', (p) => main.product({ id: 'p1', mainCreator: 'ana@example.com' }, p)],
      ['sale', (p) => main.sale(specDocument().sale, p)],
      [
        'refund',
        (p) =>
          main.refund(
            { id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '1.00', currency: 'BRL' } },
            p,
          ),
      ],
      ['contract', (p) => main.contract(specDocument().contracts[0], p)],
      ['commissionRule', (p) => main.commissionRule({ percent: '12.5' }, p)],
      ['validateDomain', (p) => main.validateDomain(doc, p)],
    ];
    const sparse = ['a'];
    sparse[2] = 'b';
    for (const [name, call] of withPath) {
      for (const bad of [
        5,
        null,
        'sale',
        {},
        ['a', -1],
        ['a', 1.5],
        [{}],
        sparse,
        revoked(),
        throwingProxy([]),
      ]) {
        const answer = call(bad as never) as { isErr(): boolean; error?: unknown };
        expect(answer.isErr(), name).toBe(true);
        expect(answer.error, name).toEqual(notAPath);
      }
      // A path of keys and indexes is accepted (and undefined means []).
      for (const good of [undefined, [], ['document', 0]]) {
        const answer = call(good as never) as { isErr(): boolean };
        expect(answer.isErr(), `${name} ${JSON.stringify(good)}`).toBe(false);
      }
    }
  });

  it('any path argument: refused as not a path, or the same answer as a plain copy of it (property)', () => {
    const isPath = (p: unknown): p is ReadonlyArray<string | number> =>
      Array.isArray(p) &&
      Array.from(p).every((s) => typeof s === 'string' || (Number.isInteger(s) && s >= 0));
    const calls: ReadonlyArray<(path: never) => unknown> = [
      (p) =>
        main.product({ id: 'p1', mainCreator: 'Ana@Example.com ', affiliateCommission: '120' }, p),
      (p) => main.sale({ ...specDocument().sale, price: { amount: 'x', currency: 'BRL' } }, p),
      (p) => main.parsePercent('1.234.5', p),
      (p) => main.validateDomain({ policy: 'hotmart', product: {}, contracts: [42] } as never, p),
    ];
    const pathArb = fc.oneof(
      fc.anything(),
      fc.array(fc.oneof(fc.string(), fc.nat(), fc.integer(), fc.double(), fc.constant(null))),
    );
    fc.assert(
      fc.property(pathArb, fc.nat(calls.length - 1), (path, k) => {
        const call = calls[k] as (path: never) => unknown;
        const answer = call(path as never);
        // undefined is the default, [].
        if (path === undefined) expect(answer).toEqual(call([] as never));
        else if (isPath(path)) expect(answer).toEqual(call(Array.from(path) as never));
        else
          expect((answer as { error?: unknown }).error).toEqual([
            {
              code: 'invalid_field',
              message: 'expected a path: a list of keys and indexes',
              path: [],
            },
          ]);
      }),
    );
  });

  it('settleTotals refuses a sale it cannot read like any refused sale, and settles the others', () => {
    const doc = wire.parseDocument(specDocument())._unsafeUnwrap();
    const settler = main.compileSettler(
      main
        .validateDomain({ policy: doc.policy, product: doc.product, contracts: doc.contracts })
        ._unsafeUnwrap(),
    );
    const second = { ...doc.sale, id: 's2' };
    const alone = main.settleTotals(settler, [doc.sale, second])._unsafeUnwrap();
    for (const poisoned of [withGetter({ ...doc.sale }, 'price'), throwingProxy(), revoked()]) {
      const totals = main.settleTotals(settler, [doc.sale, poisoned, second]);
      expect(totals.isOk()).toBe(true);
      const { rows, refused, conflicts } = totals._unsafeUnwrap();
      // The sale at index 1 is refused with what settle answers for it; the two others are
      // the totals of those two alone.
      expect(refused.map((r) => r.index)).toEqual([1]);
      expect(refused[0]?.errors).toEqual(settler.settle(poisoned)._unsafeUnwrapErr());
      expect(refused[0]?.errors[0]?.message.startsWith(UNREADABLE)).toBe(true);
      expect(rows).toEqual(alone.rows);
      expect(conflicts).toEqual([]);
    }
  });

  it('the predicates answer false', () => {
    expect(main.isCurrency(throwingProxy())).toBe(false);
    const doc = wire.parseDocument(specDocument())._unsafeUnwrap();
    expect(main.can('ana@example.com', 'edit-product', throwingProxy(), [], doc.sale.at)).toBe(
      false,
    );
  });
});

describe('options or a catalog whose reading throws', () => {
  const broken = { ...specDocument(), sale: 'not a sale' };
  const english = wire.parseDocument(broken)._unsafeUnwrapErr();

  it('leave the errors in English', () => {
    const options = withGetter({}, 'locale');
    expect(wire.parseDocument(broken, options)._unsafeUnwrapErr()).toEqual(english);
    const catalog = { ...es, localize: boom };
    expect(wire.parseDocument(broken, { locale: catalog })._unsafeUnwrapErr()).toEqual(english);
  });

  it('localize the "could not be read" error like any other when they can be read', () => {
    const doc = specDocument();
    withGetter(doc.sale, 'price');
    const [e] = wire.parseDocument(doc, { locale: es })._unsafeUnwrapErr();
    expect(e?.code).toBe('invalid_field');
    expect(e?.path).toEqual(['sale']);
    // Its own words, not the generic "campo no válido", and the thrown error's text as it was.
    expect(e?.message).toBe(
      'sale: no se pudo leer el valor: su lectura lanzó un error (Error: boom)',
    );
    const [pt] = wire.parseDocument(doc, { locale: ptBR })._unsafeUnwrapErr();
    expect(pt?.message).toBe(
      'sale: o valor não pôde ser lido: a leitura lançou um erro (Error: boom)',
    );
  });

  it('localize a "could not be read" error that quotes nothing without an empty quote', () => {
    const doc = specDocument();
    Object.defineProperty(doc.sale, 'price', {
      get: () => {
        throw 'not an Error';
      },
      enumerable: true,
    });
    const [e] = wire.parseDocument(doc, { locale: ptBR })._unsafeUnwrapErr();
    expect(e?.message).toBe('sale: o valor não pôde ser lido: a leitura lançou um erro');
  });

  it("leave the Standard Schema's issues in English", () => {
    const issues = english.map((e) => ({ message: e.message, path: e.path, code: e.code }));
    const withBrokenOptions = wire.settleDocumentSchema(withGetter({}, 'locale'));
    expect(withBrokenOptions['~standard'].validate(broken)).toEqual({ issues });
    const withBrokenCatalog = wire.settleDocumentSchema({ locale: { ...es, localize: boom } });
    expect(withBrokenCatalog['~standard'].validate(broken)).toEqual({ issues });
  });

  it("make the Standard Schema's validate answer a poisoned document with the error", () => {
    const doc = specDocument();
    withGetter(doc.product, 'id');
    const { validate } = wire.settleDocumentSchema()['~standard'];
    expect(validate(doc)).toEqual({
      issues: [
        { message: `${UNREADABLE} (Error: boom)`, path: ['product'], code: 'invalid_field' },
      ],
    });
  });
});
