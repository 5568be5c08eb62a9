/**
 * Storing values as JSON text and reading them back gives equal values: deep-equal to the
 * original, and every function that takes the value gives the same result on the copy.
 */

import {
  contract,
  explain,
  ledgerOf,
  maxReservedPercent,
  policy,
  product,
  refund,
  refundAll,
  refundSale,
  settleSale,
} from 'cocreation';
import {
  contractToJson,
  parseDocument,
  parseSettlementJson,
  parseStoredReversalJson,
  parseStoredSettlementJson,
  policyToJson,
  productToJson,
  refundToJson,
  reversalToJson,
  type SettleDocument,
  type SettleOutcome,
  settleDocument,
  settlementToJson,
  storedReversalToJson,
  storedSettlementToJson,
} from 'cocreation/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleWithDomain } from '../src/settle/stages';
import { documentJson } from '../src/testing';
import { domainAndSaleArb, refundsArb } from './arbitraries/settlement';

/** Through JSON text, as a database column or a file would keep it. */
const viaText = (json: unknown): unknown => JSON.parse(JSON.stringify(json));

/** Documents that settle, with what settling them gives. */
const settled: fc.Arbitrary<{ doc: SettleDocument; outcome: SettleOutcome }> = documentJson().map(
  (json) => {
    const doc = parseDocument(json)._unsafeUnwrap();
    return { doc, outcome: settleDocument(doc)._unsafeUnwrap() };
  },
);

const RUNS = { numRuns: 200 };

describe('stored values', () => {
  it('reads a stored policy back equal, and settling with it gives the same settlement', () => {
    fc.assert(
      fc.property(settled, ({ doc }) => {
        const back = policy(viaText(policyToJson(doc.policy)))._unsafeUnwrap();
        expect(back).toStrictEqual(doc.policy);
        expect(maxReservedPercent(back)).toStrictEqual(maxReservedPercent(doc.policy));
        expect(settleSale(back, doc.product, doc.contracts, doc.sale)).toStrictEqual(
          settleSale(doc.policy, doc.product, doc.contracts, doc.sale),
        );
      }),
      RUNS,
    );
  });

  it('reads a stored product back equal, and settling with it gives the same settlement', () => {
    fc.assert(
      fc.property(settled, ({ doc }) => {
        const back = product(viaText(productToJson(doc.product)))._unsafeUnwrap();
        expect(back).toStrictEqual(doc.product);
        expect(settleSale(doc.policy, back, doc.contracts, doc.sale)).toStrictEqual(
          settleSale(doc.policy, doc.product, doc.contracts, doc.sale),
        );
      }),
      RUNS,
    );
  });

  it('reads every stored contract history back equal, and settling with them gives the same settlement', () => {
    fc.assert(
      fc.property(settled, ({ doc }) => {
        const back = doc.contracts.map((c) => contract(viaText(contractToJson(c)))._unsafeUnwrap());
        expect(back).toStrictEqual(doc.contracts);
        expect(settleSale(doc.policy, doc.product, back, doc.sale)).toStrictEqual(
          settleSale(doc.policy, doc.product, doc.contracts, doc.sale),
        );
      }),
      RUNS,
    );
  });

  it('reads stored refunds back equal, and they reverse the same', () => {
    fc.assert(
      fc.property(settled, ({ doc, outcome }) => {
        const back = doc.refunds.map((r) => refund(viaText(refundToJson(r)))._unsafeUnwrap());
        expect(back).toStrictEqual(doc.refunds);
        expect(refundAll(outcome.settlement, back)).toStrictEqual(
          refundAll(outcome.settlement, doc.refunds),
        );
      }),
      RUNS,
    );
  });

  it('reads a stored settlement back equal, and refunds, explanations and ledgers are the same on it', () => {
    fc.assert(
      fc.property(settled, ({ doc, outcome }) => {
        const { settlement, reversals } = outcome;
        const back = parseStoredSettlementJson(viaText(storedSettlementToJson(settlement)));
        expect(back._unsafeUnwrap()).toStrictEqual(settlement);
        const copy = back._unsafeUnwrap();
        expect(refundAll(copy, doc.refunds)).toStrictEqual(refundAll(settlement, doc.refunds));
        doc.refunds.forEach((r, i) => {
          const before = doc.refunds.slice(0, i);
          expect(refundSale(copy, before, r)).toStrictEqual(refundSale(settlement, before, r));
        });
        expect(explain(copy, reversals)).toBe(explain(settlement, reversals));
        expect(ledgerOf([copy])).toStrictEqual(ledgerOf([settlement]));
      }),
      RUNS,
    );
  });

  it('refuses a stored settlement whose exactShare of any line is one unit of its last place off', () => {
    const edits = settled.chain(({ outcome }) =>
      fc.record({
        stored: fc.constant(storedSettlementToJson(outcome.settlement)),
        line: fc.nat({ max: outcome.settlement.lines.length - 1 }),
        up: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(edits, ({ stored, line, up }) => {
        const share = stored.lines[line]?.exactShare as string;
        const places = share.split('.')[1]?.length ?? 0;
        const units = BigInt(share.replace('.', ''));
        // One unit off, and never below zero (a negative share is no exactShare at all).
        const moved = up || units === 0n ? units + 1n : units - 1n;
        const digits = moved.toString().padStart(places + 1, '0');
        const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
        const lines = stored.lines.map((l, i) => (i === line ? { ...l, exactShare: text } : l));
        const read = parseStoredSettlementJson(viaText({ ...stored, lines }));
        expect(read.isErr() && read.error.map((e) => [e.code, e.path])).toEqual([
          ['invalid_field', ['lines', line, 'exactShare']],
        ]);
      }),
      RUNS,
    );
  });

  it('reads back equal the settlements of hand-built domains too (amounts past 2^53, JPY, KWD, CLF)', () => {
    const settlements = domainAndSaleArb({ valid: true }).map(([domain, s]) =>
      settleWithDomain(domain, s)._unsafeUnwrap(),
    );
    fc.assert(
      fc.property(
        settlements.chain((settlement) =>
          refundsArb(settlement).map((refunds) => ({ settlement, refunds })),
        ),
        ({ settlement, refunds }) => {
          const back = parseStoredSettlementJson(viaText(storedSettlementToJson(settlement)));
          expect(back._unsafeUnwrap()).toStrictEqual(settlement);
          const reversals = refundAll(back._unsafeUnwrap(), refunds);
          expect(reversals).toStrictEqual(refundAll(settlement, refunds));
          for (const r of reversals.isOk() ? reversals.value : []) {
            expect(
              parseStoredReversalJson(viaText(storedReversalToJson(r)))._unsafeUnwrap(),
            ).toStrictEqual(r);
          }
        },
      ),
      RUNS,
    );
  });

  it('stores a settlement as the oracle prints it, plus fields a wire reader ignores', () => {
    fc.assert(
      fc.property(settled, ({ outcome }) => {
        const { settlement } = outcome;
        const { feeOrigin, minRetainedPercent, lines, ...rest } =
          storedSettlementToJson(settlement);
        const printed = settlementToJson(settlement);
        expect({
          ...rest,
          lines: lines.map(({ percentAsWritten, ...line }) => line),
        }).toStrictEqual(printed);
        expect(parseSettlementJson(viaText(storedSettlementToJson(settlement)))).toStrictEqual(
          parseSettlementJson(printed),
        );
      }),
      RUNS,
    );
  });

  it('reads stored reversals back equal, and explanations and ledgers are the same on them', () => {
    fc.assert(
      fc.property(settled, ({ outcome }) => {
        const { settlement, reversals } = outcome;
        const back = reversals.map((r) =>
          parseStoredReversalJson(viaText(storedReversalToJson(r)))._unsafeUnwrap(),
        );
        expect(back).toStrictEqual(reversals);
        expect(explain(settlement, back)).toBe(explain(settlement, reversals));
        expect(ledgerOf([settlement, ...back])).toStrictEqual(ledgerOf([settlement, ...reversals]));
        back.forEach((r, i) => {
          const { saleId, currency, refundedTotal, lines, ...rest } = storedReversalToJson(r);
          const wire = { ...rest, lines: lines.map(({ percentAsWritten, ...line }) => line) };
          expect(wire).toStrictEqual(reversalToJson(reversals[i] as (typeof reversals)[number]));
        });
      }),
      RUNS,
    );
  });

  it('gives values that structuredClone copies equal (plain data, no methods)', () => {
    fc.assert(
      fc.property(settled, ({ outcome }) => {
        const back = parseStoredSettlementJson(
          viaText(storedSettlementToJson(outcome.settlement)),
        )._unsafeUnwrap();
        expect(structuredClone(back)).toStrictEqual(back);
        expect(Object.isFrozen(back) && Object.isFrozen(back.lines)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  /** A stored value with the field at one path replaced by any JSON value. */
  function corrupted(json: unknown, keys: ReadonlyArray<number>, replacement: unknown): unknown {
    if (typeof json !== 'object' || json === null || keys.length === 0) return replacement;
    const entries = Object.keys(json);
    const [pick = 0, ...rest] = keys;
    const key = entries[pick % Math.max(entries.length, 1)];
    if (key === undefined) return replacement;
    const copy = (Array.isArray(json) ? [...json] : { ...json }) as Record<string, unknown>;
    copy[key] = corrupted((json as Record<string, unknown>)[key], rest, replacement);
    return copy;
  }

  it('never throws, on anything or on a stored value with one field replaced by any JSON value', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(parseStoredSettlementJson(input).isErr()).toBe(true);
        expect(parseStoredReversalJson(input).isErr()).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        settled,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.jsonValue(),
        ({ outcome }, keys, replacement) => {
          const stored = viaText(storedSettlementToJson(outcome.settlement));
          const read = parseStoredSettlementJson(corrupted(stored, keys, replacement));
          for (const error of read.isErr() ? read.error : []) {
            expect(Array.isArray(error.path)).toBe(true);
          }
          const [reversal] = outcome.reversals;
          if (reversal !== undefined) {
            const json = viaText(storedReversalToJson(reversal));
            parseStoredReversalJson(corrupted(json, keys, replacement));
          }
        },
      ),
      RUNS,
    );
  });
});
