/** Combining ledgers: the union of the records they counted. */
import { type Ledger, type LedgerRecord, ledgerOfRecords } from './ledger';

/**
 * Combines two ledgers: the union of their entries, each counted once. Associative,
 * commutative and idempotent per entry (an entry in both is counted once; `combineLedgers(x,
 * x)` equals `x`), with {@link EMPTY_LEDGER} as identity: `ledgerOf(a.concat(b))` equals
 * `combineLedgers(ledgerOf(a), ledgerOf(b))`. An id with different records in the two (other
 * lines, currency or period) becomes a conflict and is counted in neither.
 *
 * @param a - a ledger (a structured clone of one is as good)
 * @param b - another ledger, built with the same kind of periods
 * @returns the frozen combined {@link Ledger}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { combineLedgers, ledgerOf, ledgerTotal } from 'cocreation';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const ledger = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 * }).andThen(settleDocument).andThen(({ settlement }) => ledgerOf([settlement]));
 * if (ledger.isErr()) throw new Error(ledger.error.map((e) => e.message).join('; '));
 * // The same sale delivered to two partitions is counted once when they are combined.
 * const left = ledger.value;
 * const right = structuredClone(left);
 * const both = combineLedgers(left, right);
 * assert.equal(ledgerTotal(both, { currency: 'USD' }).net, 1000n);
 * assert.deepEqual(both, left);
 * ```
 */
export function combineLedgers(a: Ledger, b: Ledger): Ledger {
  return ledgerOfRecords(recordsOf(a).concat(recordsOf(b)));
}

/** Every record a ledger holds: its entries and the versions of its conflicts. */
function recordsOf(ledger: Ledger): LedgerRecord[] {
  return [...ledger.entries, ...ledger.conflicts.flatMap((c) => c.versions)];
}
