/**
 * A hole of a sparse array reads as `undefined`. JavaScript has holes (`new Array(2)`,
 * `[, c]`) and JSON has none; `map` and `forEach` skip them, so a reader that mapped over its
 * input used to leave a contract (or a history's event) out without a word: a cocreator's
 * share went to the main creator. Every reader of a list now answers for a hole exactly what
 * it answers for an `undefined` in the same place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, settleSale, validateDomain } from '../src/index';
import { contractHistoryJson, documentJson } from '../src/testing/index';
import {
  parseDocument,
  parseLedgerJson,
  parseSettlementJson,
  parseStoredSettlementJson,
  settleDocument,
  settlementToJson,
  storedSettlementToJson,
} from '../src/wire/index';

/** `items` with a hole at `at` (the items from `at` on move one place up). */
function withHole<T>(items: ReadonlyArray<T>, at: number): T[] {
  const out = new Array<T>(items.length + 1);
  items.forEach((item, i) => {
    out[i < at ? i : i + 1] = item;
  });
  return out;
}

/** `items` with `undefined` at `at`, in the same place as {@link withHole}'s hole. */
function withUndefined<T>(items: ReadonlyArray<T>, at: number): Array<T | undefined> {
  return [...items.slice(0, at), undefined, ...items.slice(at)];
}

/** What a reader answered, comparable: the value or the errors' codes and paths. */
function answer(result: { isOk(): boolean; value?: unknown; error?: unknown }): unknown {
  if (result.isOk()) return { ok: result.value };
  return {
    errors: (result.error as Array<{ code: string; path: unknown }>).map((e) => [e.code, e.path]),
  };
}

describe('a hole of a sparse array reads as undefined', () => {
  it('in a document: its contracts and refunds (parseDocument, then settleDocument)', () => {
    fc.assert(
      fc.property(documentJson(), fc.nat(), fc.boolean(), (doc, seed, inRefunds) => {
        const record = doc as unknown as Record<string, unknown>;
        const key = inRefunds ? 'refunds' : 'contracts';
        const list = (record[key] as unknown[] | undefined) ?? [];
        const at = seed % (list.length + 1);
        const settle = (items: unknown[]) =>
          answer(parseDocument({ ...record, [key]: items }).andThen(settleDocument));
        const holed = settle(withHole(list, at));
        expect(holed).toEqual(settle(withUndefined(list, at)));
        expect(holed).toHaveProperty(
          'errors',
          expect.arrayContaining([['invalid_field', [key, at]]]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("in a contract's history (contract)", () => {
    fc.assert(
      fc.property(contractHistoryJson(), fc.nat(), (history, seed) => {
        const c = history as unknown as Record<string, unknown>;
        const events = c.events as unknown[];
        const at = seed % (events.length + 1);
        const holed = answer(contract({ ...c, events: withHole(events, at) }));
        expect(holed).toEqual(answer(contract({ ...c, events: withUndefined(events, at) })));
        expect(holed).toHaveProperty('errors', [['invalid_field', ['events', at]]]);
      }),
      { numRuns: 100 },
    );
  });

  it('in the contracts given to validateDomain and settleSale', () => {
    fc.assert(
      fc.property(documentJson(), fc.nat(), (doc, seed) => {
        const parsed = parseDocument(doc);
        fc.pre(parsed.isOk());
        const { policy, product, contracts, sale } = parsed._unsafeUnwrap();
        const at = seed % (contracts.length + 1);
        const holed = withHole(contracts, at);
        const undef = withUndefined(contracts, at) as typeof contracts;
        const domain = (list: typeof contracts) =>
          answer(validateDomain({ policy, product, contracts: list }));
        expect(domain(holed)).toEqual(domain(undef));
        expect(domain(holed)).toHaveProperty('errors', [['invalid_field', ['contracts', at]]]);
        expect(answer(settleSale(policy, product, holed, sale))).toEqual(
          answer(settleSale(policy, product, undef, sale)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("in a stored ledger's entries (parseLedgerJson)", () => {
    const entry = { saleId: 's1' };
    const holed = answer(parseLedgerJson({ version: 1, entries: withHole([entry], 0) }));
    expect(holed).toEqual(
      answer(parseLedgerJson({ version: 1, entries: withUndefined([entry], 0) })),
    );
    expect(holed).toHaveProperty(
      'errors',
      expect.arrayContaining([['invalid_field', ['entries', 0]]]),
    );
  });

  it("in a settlement's lines, printed or stored (parseSettlementJson, parseStoredSettlementJson)", () => {
    fc.assert(
      fc.property(documentJson(), fc.nat(), (doc, seed) => {
        const settled = parseDocument(doc).andThen(settleDocument);
        fc.pre(settled.isOk());
        const { settlement } = settled._unsafeUnwrap();
        for (const [json, read] of [
          [settlementToJson(settlement), parseSettlementJson],
          [storedSettlementToJson(settlement), parseStoredSettlementJson],
        ] as const) {
          const lines = json.lines as ReadonlyArray<unknown>;
          const at = seed % (lines.length + 1);
          const holed = answer(read({ ...json, lines: withHole(lines, at) }));
          expect(holed).toEqual(answer(read({ ...json, lines: withUndefined(lines, at) })));
          expect(holed).toHaveProperty(
            'errors',
            expect.arrayContaining([['invalid_field', ['lines', at]]]),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** A contract of product p1, with one invitation at 10 % (it reads; it may repeat an id). */
function contractJson(id: string, events: ReadonlyArray<unknown> = [INVITED]) {
  return { id, productId: 'p1', cocreator: 'bia@example.com', events };
}

const INVITED = {
  type: 'invited',
  at: '2026-01-01T00:00:00Z',
  by: 'ana@example.com',
  terms: { percent: '10' },
};

/** A document of product p1 with these contracts and a sale of USD 1.00. */
function documentWith(contracts: ReadonlyArray<unknown>) {
  return {
    product: { id: 'p1', mainCreator: 'ana@example.com' },
    contracts,
    sale: {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '1.00', currency: 'USD' },
    },
  };
}

/** validateDomain over these contracts (as given), with the document's policy and product. */
function domainWith(contracts: ReadonlyArray<unknown>) {
  const { policy, product } = parseDocument(documentWith([]))._unsafeUnwrap();
  return validateDomain({ policy, product, contracts: contracts as never });
}

describe('a contract id used twice', () => {
  it("is reported at the later contract's own index, whatever failed to read before it", () => {
    const [c1] = parseDocument(documentWith([contractJson('c1')]))._unsafeUnwrap().contracts;
    // By hand: index 0 is not a contract, index 1 reads, index 2 repeats index 1's id; the
    // duplicate is the contract at index 2 (specification §7: "at the later one's id").
    expect(answer(domainWith([42, c1, c1]))).toEqual({
      errors: [
        ['invalid_field', ['contracts', 0]],
        ['invalid_field', ['contracts', 2, 'id']],
      ],
    });
  });
});

describe('validateDomain and the document reader', () => {
  it('list the problems of a list of contracts in the same order: each contract, then the ids used twice', () => {
    // A valid contract with an id from a small pool (so ids repeat), or one with no event
    // (invalid_field at its events) under an id no other contract has.
    const item = fc.oneof(
      fc.constantFrom('c1', 'c2').map((id) => ({ id, valid: true })),
      fc.constant({ id: '', valid: false }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const contracts = items.map(({ id, valid }, i) =>
          valid ? contractJson(id) : contractJson(`bad${i}`, []),
        );
        const doc = parseDocument(documentWith(contracts));
        // The document reader's order is the one to match: every contract's own problems in
        // document order, then each id used twice at the later contract's index.
        // (A document that reads may still break a rule, which only validateDomain checks.)
        if (doc.isErr()) expect(answer(domainWith(contracts))).toEqual(answer(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('lists an id used twice after a later contract that does not read', () => {
    const c1 = contractJson('c1');
    // By hand: index 1 repeats index 0's id, index 2 is not a contract; 0.1.0 listed the
    // contract that does not read first, and so does the document reader.
    expect(answer(domainWith([c1, c1, 42]))).toEqual({
      errors: [
        ['invalid_field', ['contracts', 2]],
        ['invalid_field', ['contracts', 1, 'id']],
      ],
    });
  });
});
