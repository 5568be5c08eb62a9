/**
 * Settling a checked `settle` document: specification §7's stage 2 over the whole document,
 * then the sale (specification §5) and its refunds in order (specification §6).
 */
import { err, type Result } from 'neverthrow';
import { type DomainError, type DomainErrors, domainError } from '../errors';
import type { LocaleOptions } from '../locales/locale';
import { refundAll, refundReadingIssues, refundRuleIssues } from '../refunds/refund';
import { settleStages } from '../settle/stages';
import { inLocale, unreadableIn } from './in-locale';
import type { SettleDocument, SettleOutcome } from './json';

/**
 * Settles a checked document: validates the contracts against the policy and the product,
 * settles the sale (specification §5) and reverses its refunds in order (specification §6), in
 * the stages of specification §7. A document from {@link parseDocument} has passed stage 1
 * (a value built by hand is read again, and its stage-1 problems are reported alone); then
 * every problem of stage 2 is reported together, in this order: row 2a (each contract of
 * another product, then the sale's product and fee currency), 2b (each history), 2c (the
 * rules across contracts), 2d (the fee, self-affiliation), 2e (the affiliate rules over the
 * covering contracts), then the refunds, refund by refund (a refund's currency, row 2a, and
 * row 2f). The refunds are checked whatever the rest holds; they are reversed only when
 * nothing is wrong.
 *
 * @param doc - a document from {@link parseDocument}
 * @param options - `locale`: the language of the errors' messages, a catalog of
 *   `cocreation/locales` (default English; codes, paths and fields never change with it)
 * @returns the settlement and its reversals, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const result = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z',
 *               amount: { amount: '4.00', currency: 'USD' } }],
 * }).andThen(settleDocument);
 * if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 * const { settlement, reversals } = result.value;
 * assert.deepEqual(settlement.lines.map((l) => l.amount), [0n, 1000n]);
 * assert.deepEqual(reversals[0]?.lines.map((l) => l.amount), [0n, -400n]);
 * ```
 */
export function settleDocument(
  doc: SettleDocument,
  options?: LocaleOptions,
): Result<SettleOutcome, DomainErrors> {
  try {
    return inLocale(settleRead(doc), options);
  } catch (cause) {
    return unreadableIn(cause, options);
  }
}

/** {@link settleDocument} in English. */
function settleRead(doc: SettleDocument): Result<SettleOutcome, DomainErrors> {
  if (typeof doc !== 'object' || doc === null) {
    const why = 'expected a document from parseDocument()';
    return err(Object.freeze([domainError('invalid_field', why, [])]) as DomainErrors);
  }
  const stages = settleStages(doc.policy, doc.product, doc.contracts, doc.sale);
  const refundReading = refundReadingIssues(doc.refunds, ['refunds']);
  if (stages.reading || refundReading.length > 0) {
    return err(frozenErrors([...(stages.reading ? stages.problems : []), ...refundReading]));
  }
  // Stage 1 passed, so the sale was read: its instant, price and currency are all row 2f needs.
  const sold = doc.sale;
  const refundProblems = refundRuleIssues(
    { at: sold.at, currency: sold.price.currency, price: sold.price.amount },
    doc.refunds,
    ['refunds'],
  );
  const settlement = stages.settlement;
  if (settlement === null || refundProblems.length > 0) {
    return err(frozenErrors([...stages.problems, ...refundProblems]));
  }
  return refundAll(settlement, doc.refunds, ['refunds']).map((reversals) =>
    Object.freeze({ settlement, reversals }),
  );
}

function frozenErrors(problems: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...problems]) as unknown as DomainErrors;
}
