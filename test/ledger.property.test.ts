import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineLedgers,
  EMPTY_LEDGER,
  type LedgerEntry,
  ledgerOf,
  ledgerTotal,
} from '../src/ledger';
import { refundAll } from '../src/refund';
import { refundsArb, settlementArb } from './arbitraries/settlement';

/** A sale's settlement followed by the reversals of its refunds. */
const saleEntriesArb: fc.Arbitrary<LedgerEntry[]> = settlementArb.chain((s) =>
  refundsArb(s).map((refunds) => [s, ...refundAll(s, refunds)._unsafeUnwrap()]),
);

/** Entries of several sales, shuffled so a reversal may come before its settlement. */
const entriesArb: fc.Arbitrary<LedgerEntry[]> = fc
  .array(saleEntriesArb, { maxLength: 5 })
  .chain((groups) => fc.shuffledSubarray(groups.flat(), { minLength: groups.flat().length }));

/** A period per day of the entry's instant. */
const options = fc.constantFrom(
  {},
  { period: (e: LedgerEntry) => String(Math.floor(e.at / 86_400_000)) },
);

const ledger = (entries: LedgerEntry[], o: object) => ledgerOf(entries, o)._unsafeUnwrap();

describe('combineLedgers', () => {
  it('is associative', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, entriesArb, options, (a, b, c, o) => {
        const [x, y, z] = [ledger(a, o), ledger(b, o), ledger(c, o)];
        expect(combineLedgers(x, combineLedgers(y, z))).toEqual(
          combineLedgers(combineLedgers(x, y), z),
        );
      }),
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, options, (a, b, o) => {
        const [x, y] = [ledger(a, o), ledger(b, o)];
        expect(combineLedgers(x, y)).toEqual(combineLedgers(y, x));
      }),
    );
  });

  it('has the empty ledger as identity', () => {
    fc.assert(
      fc.property(entriesArb, options, (a, o) => {
        const x = ledger(a, o);
        expect(combineLedgers(x, EMPTY_LEDGER)).toEqual(x);
        expect(combineLedgers(EMPTY_LEDGER, x)).toEqual(x);
      }),
    );
  });
});

describe('ledgerOf', () => {
  it('summarises a concatenation as the combination of the summaries', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, options, (a, b, o) => {
        expect(ledger([...a, ...b], o)).toEqual(combineLedgers(ledger(a, o), ledger(b, o)));
      }),
    );
  });

  it('does not depend on the order of the entries', () => {
    fc.assert(
      fc.property(entriesArb, options, (a, o) => {
        expect(ledger([...a].reverse(), o)).toEqual(ledger(a, o));
      }),
    );
  });

  it('totals exactly the sum of the lines, per currency, role and account', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
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
