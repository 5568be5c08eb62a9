/**
 * specification §7's stages as properties: for valid documents broken in two different parts, what
 * stage 2 reports for one part does not change when the other part is broken as well, except
 * where the table's "when" column says that row waits. One property per row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACROSS,
  type Applied,
  badRefunds,
  CORRUPTIONS,
  COVERAGE,
  type Corruption,
  cocreatorAsAffiliate,
  copyOf,
  documentAndChoices,
  type ErrorKey,
  errorsOf,
  feeInAnotherCurrency,
  feeOverPrice,
  floorPushedOver,
  isHistoryError,
  isRefundError,
  otherProductContract,
  otherProductSale,
  othersThan,
  selfAffiliation,
  selfCocreation,
  strangerEvent,
} from './arbitraries/stages';

const RUNS = { numRuns: 80 };

/** Applies a corruption, or skips the run when it does not apply to this document. */
function surely(result: Applied | null): Applied {
  fc.pre(result !== null);
  return result as Applied;
}

function ownOf(result: Applied): ReadonlyArray<ErrorKey> {
  return result.own ?? [];
}

const sorted = (keys: ReadonlyArray<ErrorKey>) => keys.map((k) => JSON.stringify(k)).sort();
const withCode = (code: string) => (key: ErrorKey) => key.code === code;

describe('the corruptions used below', () => {
  it('each report exactly their own errors on a valid document', () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...CORRUPTIONS), (drawn, corruption) => {
        const doc = copyOf(drawn.document);
        expect(errorsOf(doc)).toEqual([]);
        const result = surely(corruption.apply(doc, drawn.first));
        if (result.own !== null) expect(errorsOf(doc)).toEqual(result.own);
        else
          expect(errorsOf(doc).every((k) => ACROSS.has(k.code) || k.path[0] === 'sale')).toBe(true);
      }),
      RUNS,
    );
  });

  it('push the floor over with the floor corruption, and refuse the affiliate sometimes', () => {
    let coverage = 0;
    let floors = 0;
    fc.assert(
      fc.property(documentAndChoices, (drawn) => {
        const covered = copyOf(drawn.document);
        cocreatorAsAffiliate.apply(covered, drawn.first);
        if (errorsOf(covered).some((k) => COVERAGE.has(k.code))) coverage += 1;
        const floor = copyOf(drawn.document);
        if (floorPushedOver.apply(floor, 0) !== null) {
          floors += 1;
          expect(errorsOf(floor).filter((k) => ACROSS.has(k.code)).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
    expect(coverage).toBeGreaterThan(0);
    expect(floors).toBeGreaterThan(20);
  });
});

describe('stage 2 (specification §7): each row runs when its "when" column says', () => {
  it('2a: a contract of another product is reported once and changes nothing else', () => {
    fc.assert(
      fc.property(
        documentAndChoices,
        fc.constantFrom(...othersThan('other-contract')),
        (drawn, other: Corruption) => {
          const doc = copyOf(drawn.document);
          surely(other.apply(doc, drawn.first));
          const before = errorsOf(doc);
          const added = surely(otherProductContract.apply(doc, drawn.second));
          // Row 2a's contract errors come first; everything else only moves with the insertion.
          expect(errorsOf(doc)).toEqual([...ownOf(added), ...before.map(added.remap)]);
        },
      ),
      RUNS,
    );
  });

  it('2a: a fee in another currency is reported, not compared with the price, and changes nothing else', () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...othersThan('fee')), (drawn, other) => {
        const doc = copyOf(drawn.document);
        surely(other.apply(doc, drawn.first));
        const before = errorsOf(doc);
        const fee = surely(feeInAnotherCurrency.apply(doc, drawn.second));
        expect(sorted(errorsOf(doc))).toEqual(sorted([...before, ...ownOf(fee)]));
      }),
      RUNS,
    );
  });

  it('2a: a sale of another product is reported; only self_affiliation and the coverage rules wait for it', () => {
    fc.assert(
      fc.property(
        documentAndChoices,
        fc.constantFrom(...othersThan('sale-product')),
        (drawn, other) => {
          const doc = copyOf(drawn.document);
          surely(other.apply(doc, drawn.first));
          const before = errorsOf(doc);
          const sale = surely(otherProductSale.apply(doc, drawn.second));
          const kept = before.filter((k) => k.code !== 'self_affiliation' && !COVERAGE.has(k.code));
          expect(sorted(errorsOf(doc))).toEqual(sorted([...kept, ...ownOf(sale)]));
        },
      ),
      RUNS,
    );
  });

  it("2b: a history's first bad event is reported whatever the other contracts, the sale and the refunds hold", () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...othersThan('history')), (drawn, other) => {
        const doc = copyOf(drawn.document);
        const broken = surely(strangerEvent.apply(doc, drawn.first));
        expect(errorsOf(doc).filter(isHistoryError)).toEqual(ownOf(broken));
        const added = surely(other.apply(doc, drawn.second));
        const alsoSelf = other === selfCocreation ? ownOf(added) : [];
        expect(errorsOf(doc).filter(isHistoryError)).toEqual([
          ...ownOf(broken).map(added.remap),
          ...alsoSelf,
        ]);
      }),
      RUNS,
    );
  });

  it("2c: the rules across contracts hold or fail whatever the sale, the refunds and other products' contracts hold, and wait for this product's histories", () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...othersThan('floor')), (drawn, other) => {
        const doc = copyOf(drawn.document);
        surely(floorPushedOver.apply(doc, 0));
        const across = errorsOf(doc).filter((k) => ACROSS.has(k.code));
        expect(across.length).toBeGreaterThan(0);
        const added = surely(other.apply(doc, drawn.second));
        const waits = other === strangerEvent || other === selfCocreation;
        expect(errorsOf(doc).filter((k) => ACROSS.has(k.code))).toEqual(
          waits ? [] : across.map(added.remap),
        );
      }),
      RUNS,
    );
  });

  it('2d: fee_exceeds_price is reported whatever else is wrong', () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...othersThan('fee')), (drawn, other) => {
        const doc = copyOf(drawn.document);
        const fee = surely(feeOverPrice.apply(doc, drawn.first));
        surely(other.apply(doc, drawn.second));
        expect(errorsOf(doc).filter(withCode('fee_exceeds_price'))).toEqual(ownOf(fee));
      }),
      RUNS,
    );
  });

  it('2d: self_affiliation is reported whatever else is wrong, when the sale is for this product', () => {
    const expected = [{ code: 'self_affiliation', path: ['sale', 'affiliate', 'account'] }];
    fc.assert(
      fc.property(
        documentAndChoices,
        fc.constantFrom(...othersThan('affiliate')),
        (drawn, other) => {
          const doc = copyOf(drawn.document);
          surely(selfAffiliation.apply(doc, drawn.first));
          expect(errorsOf(doc).filter(withCode('self_affiliation'))).toEqual(expected);
          surely(other.apply(doc, drawn.second));
          expect(errorsOf(doc).filter(withCode('self_affiliation'))).toEqual(
            other === otherProductSale ? [] : expected,
          );
        },
      ),
      RUNS,
    );
  });

  it('2e: the affiliate rules over the covering contracts are the same whether or not the rules across contracts fail, and wait only for histories and the product', () => {
    fc.assert(
      fc.property(
        documentAndChoices,
        fc.constantFrom(...othersThan('affiliate')),
        (drawn, other) => {
          const doc = copyOf(drawn.document);
          surely(cocreatorAsAffiliate.apply(doc, drawn.first));
          const coverage = errorsOf(doc).filter((k) => COVERAGE.has(k.code));
          surely(other.apply(doc, drawn.second));
          const waits =
            other === strangerEvent || other === selfCocreation || other === otherProductSale;
          expect(errorsOf(doc).filter((k) => COVERAGE.has(k.code))).toEqual(waits ? [] : coverage);
        },
      ),
      RUNS,
    );
  });

  it("2f: the refunds' errors are the same whatever rows 2a to 2e find", () => {
    fc.assert(
      fc.property(documentAndChoices, fc.constantFrom(...othersThan('refunds')), (drawn, other) => {
        const doc = copyOf(drawn.document);
        const refunds = surely(badRefunds.apply(doc, drawn.first));
        expect(errorsOf(doc)).toEqual(ownOf(refunds));
        surely(other.apply(doc, drawn.second));
        expect(errorsOf(doc).filter(isRefundError)).toEqual(ownOf(refunds));
      }),
      RUNS,
    );
  });
});
