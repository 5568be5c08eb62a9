import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineLedgers } from '../src/ledger/combine';
import { type LedgerOptions, ledgerOf } from '../src/ledger/entries';
import { EMPTY_LEDGER, type Ledger, type LedgerEntry } from '../src/ledger/ledger';
import { ledgerTotal } from '../src/ledger/totals';
import { documentJson } from '../src/testing/arbitraries';
import { formatInstant } from '../src/values/instant';
import { parseDocument } from '../src/wire/document';
import { ledgerToJson, parseLedgerJson } from '../src/wire/ledger-json';
import { settleDocument } from '../src/wire/settle-document';
import {
  collidingEntriesArb,
  distinctEntriesArb,
  entriesArb,
  ledgerOptionsArb,
  partitionsArb,
  withOtherLines,
} from './arbitraries/ledger';

const ledger = (entries: ReadonlyArray<LedgerEntry>, o: LedgerOptions = {}) =>
  ledgerOf(entries, o)._unsafeUnwrap();
const combineAll = (ledgers: ReadonlyArray<Ledger>) => ledgers.reduce(combineLedgers, EMPTY_LEDGER);
const idOf = (e: LedgerEntry) => ('refundId' in e ? `${e.saleId}/${e.refundId}` : e.saleId);

describe('combineLedgers', () => {
  it('is associative, conflicts included', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, entriesArb, ledgerOptionsArb, (a, b, c, o) => {
        const [x, y, z] = [ledger(a, o), ledger(b, o), ledger(c, o)];
        expect(combineLedgers(x, combineLedgers(y, z))).toEqual(
          combineLedgers(combineLedgers(x, y), z),
        );
      }),
    );
  });

  it('is commutative, conflicts included', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, ledgerOptionsArb, (a, b, o) => {
        const [x, y] = [ledger(a, o), ledger(b, o)];
        expect(combineLedgers(x, y)).toEqual(combineLedgers(y, x));
      }),
    );
  });

  it('is idempotent: a ledger combined with itself, or with a part of itself, is unchanged', () => {
    fc.assert(
      fc.property(
        entriesArb.chain((a) => fc.tuple(fc.constant(a), fc.subarray(a))),
        ledgerOptionsArb,
        ([a, part], o) => {
          const x = ledger(a, o);
          expect(combineLedgers(x, x)).toEqual(x);
          expect(combineLedgers(x, ledger(part, o))).toEqual(x);
          expect(combineLedgers(ledger(part, o), x)).toEqual(x);
        },
      ),
    );
  });

  it('has the empty ledger as identity', () => {
    fc.assert(
      fc.property(entriesArb, ledgerOptionsArb, (a, o) => {
        const x = ledger(a, o);
        expect(combineLedgers(x, EMPTY_LEDGER)).toEqual(x);
        expect(combineLedgers(EMPTY_LEDGER, x)).toEqual(x);
      }),
    );
  });

  it('combines structured clones (what crosses a worker boundary) as it combines the originals', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, ledgerOptionsArb, (a, b, o) => {
        const [x, y] = [ledger(a, o), ledger(b, o)];
        expect(structuredClone(x)).toEqual(x);
        expect(combineLedgers(structuredClone(x), structuredClone(y))).toEqual(
          combineLedgers(x, y),
        );
      }),
    );
  });
});

describe('a batch spread over partitions', () => {
  it('combines to the sequential ledger, whatever the partition and redelivery', () => {
    fc.assert(
      fc.property(
        distinctEntriesArb(8).chain((entries) =>
          fc.tuple(fc.constant(entries), partitionsArb(entries)),
        ),
        ledgerOptionsArb,
        ([entries, parts], o) => {
          const sequential = ledger(entries, o);
          expect(combineAll(parts.map((p) => ledger(p, o)))).toEqual(sequential);
          // Combined in the other order, as a consumer group's results may arrive.
          expect(combineAll(parts.map((p) => ledger(p, o)).reverse())).toEqual(sequential);
          expect(sequential.conflicts).toEqual([]);
        },
      ),
    );
  });

  it('combines settled documents sent as JSON to the sequential ledger, by month', () => {
    // Valid documents of every policy, each sale renamed so that the sales are distinct.
    const settledArb = fc.array(documentJson(), { maxLength: 5 }).map((docs) =>
      docs.flatMap((doc, i) => {
        const renamed = { ...doc, sale: { ...doc.sale, id: `sale-${i}` } };
        const { settlement, reversals } = settleDocument(
          parseDocument(renamed)._unsafeUnwrap(),
        )._unsafeUnwrap();
        return [settlement, ...reversals] as LedgerEntry[];
      }),
    );
    const byMonth = { period: (e: LedgerEntry) => formatInstant(e.at).slice(0, 7) };
    fc.assert(
      fc.property(
        settledArb.chain((entries) => fc.tuple(fc.constant(entries), partitionsArb(entries))),
        ([entries, parts]) => {
          const received = parts.map((p) =>
            parseLedgerJson(
              JSON.parse(JSON.stringify(ledgerToJson(ledger(p, byMonth)))),
            )._unsafeUnwrap(),
          );
          expect(combineAll(received)).toEqual(ledger(entries, byMonth));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('counts an entry delivered to two partitions once', () => {
    fc.assert(
      fc.property(
        distinctEntriesArb(6).filter((e) => e.length > 0),
        fc.nat(),
        (entries, pick) => {
          const again = entries[pick % entries.length] as LedgerEntry;
          const left = ledger(entries);
          const right = ledger([again]);
          expect(combineLedgers(left, right)).toEqual(left);
          expect(ledger([...entries, again])).toEqual(left);
        },
      ),
    );
  });
});

describe('conflicts', () => {
  it('reports an id seen with other lines, with both versions, and never sums either', () => {
    fc.assert(
      fc.property(
        distinctEntriesArb(6).filter((e) => e.length > 0),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (entries, pick, line, split) => {
          const original = entries[pick % entries.length] as LedgerEntry;
          const other = withOtherLines(original, line);
          const rest = entries.filter((e) => e !== original);
          const l = split
            ? combineLedgers(ledger(entries), ledger([other]))
            : ledger([...entries, other]);
          // Neither version is counted: the rows are those of the other entries.
          expect(l.rows).toEqual(ledger(rest).rows);
          expect(l.entries).toEqual(ledger(rest).entries);
          expect(l.conflicts).toHaveLength(1);
          const [conflict] = l.conflicts;
          expect(conflict?.saleId).toBe(original.saleId);
          expect(conflict?.refundId).toBe('refundId' in original ? original.refundId : null);
          expect(conflict?.kind).toBe('refundId' in original ? 'reversal' : 'settlement');
          const amounts = conflict?.versions.map((v) => v.lines.map((x) => x.amount));
          expect(amounts).toHaveLength(2);
          expect(amounts).toEqual(
            expect.arrayContaining([
              original.lines.map((x) => x.amount),
              other.lines.map((x) => x.amount),
            ]),
          );
        },
      ),
    );
  });

  it('reports as a conflict the same entry counted in two different periods', () => {
    fc.assert(
      fc.property(
        distinctEntriesArb(4).filter((e) => e.length > 0),
        (entries) => {
          const a = ledger(entries, { period: () => 'a' });
          const b = ledger(entries, { period: () => 'b' });
          const both = combineLedgers(a, b);
          expect(both.rows).toEqual([]);
          expect(both.conflicts.map((c) => c.versions.map((v) => v.period))).toEqual(
            entries.map(() => ['a', 'b']),
          );
        },
      ),
    );
  });
});

describe('ledgerOf', () => {
  it('summarises a concatenation as the combination of the summaries', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, ledgerOptionsArb, (a, b, o) => {
        expect(ledger([...a, ...b], o)).toEqual(combineLedgers(ledger(a, o), ledger(b, o)));
      }),
    );
  });

  it('does not depend on the order of the entries, nor on repeats', () => {
    fc.assert(
      fc.property(collidingEntriesArb, ledgerOptionsArb, (a, o) => {
        expect(ledger([...a].reverse(), o)).toEqual(ledger(a, o));
        expect(ledger([...a, ...a], o)).toEqual(ledger(a, o));
      }),
    );
  });

  it('keeps every id once: in the entries or in the conflicts', () => {
    fc.assert(
      fc.property(entriesArb, (a) => {
        const l = ledger(a);
        const ids = [
          ...l.entries.map((e) => (e.refundId === null ? e.saleId : `${e.saleId}/${e.refundId}`)),
          ...l.conflicts.map((c) => (c.refundId === null ? c.saleId : `${c.saleId}/${c.refundId}`)),
        ];
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(a.map(idOf)));
      }),
    );
  });

  it('totals exactly the sum of the lines of distinct entries, per currency, role and account', () => {
    fc.assert(
      fc.property(distinctEntriesArb(5), (entries) => {
        const l = ledger(entries, {});
        const lines = entries.flatMap((e) =>
          e.lines.map((line) => ({ currency: e.currency.code, reversal: 'refundId' in e, line })),
        );
        for (const currency of new Set(lines.map((x) => x.currency))) {
          for (const role of ['platform', 'affiliate', 'cocreator', 'main-creator'] as const) {
            const mine = lines.filter((x) => x.currency === currency && x.line.role === role);
            const settled = mine.filter((x) => !x.reversal).reduce((s, x) => s + x.line.amount, 0n);
            const reversed = mine.filter((x) => x.reversal).reduce((s, x) => s + x.line.amount, 0n);
            expect(ledgerTotal(l, { currency, role })).toEqual({
              settled,
              reversed,
              net: settled + reversed,
            });
          }
          for (const account of new Set(lines.map((x) => x.line.account))) {
            const net = lines
              .filter((x) => x.currency === currency && x.line.account === account)
              .reduce((s, x) => s + x.line.amount, 0n);
            expect(ledgerTotal(l, { currency, account }).net).toBe(net);
          }
        }
      }),
    );
  });

  it('never throws, on any input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(() => ledgerOf(a as never, b as never)).not.toThrow();
        expect(() => ledgerOf([a] as never)).not.toThrow();
      }),
    );
  });
});
