/**
 * fast-check arbitraries for ledgers: the entries of whole sales (a settlement and the
 * reversals of its refunds) with distinct sale ids, entries whose ids collide (so that
 * combining meets conflicts), and ways to spread entries over partitions, redelivery included.
 */
import fc from 'fast-check';
import type { LedgerOptions } from '../../src/ledger/entries';
import type { LedgerEntry } from '../../src/ledger/ledger';
import { refundAll } from '../../src/refunds/refund';
import type { Reversal, Settlement } from '../../src/settle/settlement';
import { refundsArb, settlementArb } from './settlement';

/** A sale's settlement, renamed `saleId`, followed by the reversals of its refunds. */
export function saleEntriesArb(saleId: string): fc.Arbitrary<LedgerEntry[]> {
  return settlementArb
    .map((s): Settlement => Object.freeze({ ...s, saleId }))
    .chain((s) => refundsArb(s).map((refunds) => [s, ...refundAll(s, refunds)._unsafeUnwrap()]));
}

/** Entries of up to `max` sales with distinct ids (`sale-0`, `sale-1`, ...): no conflicts. */
export function distinctEntriesArb(max = 6): fc.Arbitrary<LedgerEntry[]> {
  return fc
    .integer({ min: 0, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => saleEntriesArb(`sale-${i}`))))
    .map((groups) => groups.flat());
}

/**
 * Entries of several sales whose ids come from `s1`–`s3` (the hand-shaped settlements'), so
 * that two different sales often share an id: the conflicts combining must keep apart.
 */
export const collidingEntriesArb: fc.Arbitrary<LedgerEntry[]> = fc
  .array(
    settlementArb.chain((s) =>
      refundsArb(s).map((refunds) => [s, ...refundAll(s, refunds)._unsafeUnwrap()]),
    ),
    { maxLength: 4 },
  )
  .chain((groups) => fc.shuffledSubarray(groups.flat(), { minLength: groups.flat().length }));

/** Either kind of entries. */
export const entriesArb: fc.Arbitrary<LedgerEntry[]> = fc.oneof(
  distinctEntriesArb(4),
  collidingEntriesArb,
);

/** No periods, or a period per day of the entry's instant. */
export const ledgerOptionsArb: fc.Arbitrary<LedgerOptions> = fc.constantFrom(
  {},
  { period: (e: LedgerEntry) => String(Math.floor(e.at / 86_400_000)) },
);

/**
 * `entries` spread over 1–`workers` partitions, each entry delivered to at least one and
 * possibly several (at-least-once delivery), each partition in a shuffled order.
 */
export function partitionsArb(
  entries: ReadonlyArray<LedgerEntry>,
  workers = 4,
): fc.Arbitrary<LedgerEntry[][]> {
  return fc.integer({ min: 1, max: workers }).chain((k) =>
    fc
      .tuple(
        ...entries.map(() =>
          fc.uniqueArray(fc.integer({ min: 0, max: k - 1 }), { minLength: 1, maxLength: k }),
        ),
      )
      .chain((targets) => {
        const parts: LedgerEntry[][] = Array.from({ length: k }, () => []);
        targets.forEach((to, i) => {
          for (const j of to) parts[j]?.push(entries[i] as LedgerEntry);
        });
        return fc.tuple(...parts.map((p) => fc.shuffledSubarray(p, { minLength: p.length })));
      }),
  );
}

/** The same reversal or settlement with one line's amount changed by one minor unit. */
export function withOtherLines<E extends Settlement | Reversal>(entry: E, line: number): E {
  const i = line % entry.lines.length;
  return Object.freeze({
    ...entry,
    lines: entry.lines.map((l, j) => (j === i ? { ...l, amount: l.amount - 1n } : l)),
  }) as unknown as E;
}
