import { type DomainError, refund, refundSale } from 'cocreation';
import {
  parseDocument,
  parseStoredReversalJson,
  parseStoredSettlementJson,
  type SettleOutcome,
  type StoredReversalJson,
  type StoredSettlementJson,
  settleDocument,
  storedReversalToJson,
  storedSettlementToJson,
} from 'cocreation/wire';
import { describe, expect, it } from 'vitest';
import { specDocument } from './support/spec-document';

const codesAndPaths = (errors: ReadonlyArray<DomainError>) => errors.map((e) => [e.code, e.path]);

function settle(doc: unknown): SettleOutcome {
  return settleDocument(parseDocument(doc)._unsafeUnwrap())._unsafeUnwrap();
}

/** specification §8's document, with the contract's percent written "20.00" and the affiliate's "40.0". */
function writtenWithPlaces() {
  const doc = specDocument();
  const [c] = doc.contracts;
  const terms = { ...c?.events[0]?.terms, percent: '20.00' };
  const events = [{ ...c?.events[0], terms }, c?.events[1]];
  return {
    ...doc,
    contracts: [{ ...c, events }],
    sale: { ...doc.sale, affiliate: { ...doc.sale.affiliate, percent: '40.0' } },
  };
}

const spec = settle(specDocument());
const stored: StoredSettlementJson = storedSettlementToJson(spec.settlement);
/** The stored settlement with some fields replaced, as plain data. */
const edited = (changes: Record<string, unknown>) => ({ ...stored, ...changes });
/** The stored lines with line `i` changed. */
const lineEdited = (changes: Record<number, Record<string, unknown>>) =>
  stored.lines.map((line, i) => ({ ...line, ...changes[i] }));

describe('storedSettlementToJson', () => {
  it('adds how the fee was reached and the retention floor to what the oracle prints', () => {
    expect(stored.feeOrigin).toEqual({ kind: 'sale' });
    expect(stored.minRetainedPercent).toBe('30');
    // specification §8's worked output, by hand: 20.50, 70.60, 21.18, 84.72.
    expect(stored.lines.map((l) => l.amount)).toEqual(['20.50', '70.60', '21.18', '84.72']);
    expect(stored.lines.some((l) => 'percentAsWritten' in l)).toBe(false);
  });

  it('keeps the places a percent was written with, beside its shortest form', () => {
    const s = storedSettlementToJson(settle(writtenWithPlaces()).settlement);
    expect(s.lines.map((l) => [l.percent, l.percentAsWritten])).toEqual([
      [undefined, undefined],
      ['40', '40.0'],
      ['20', '20.00'],
      [undefined, undefined],
    ]);
  });

  it('keeps a fee schedule with its percent as written and its fixed part in the currency', () => {
    const doc = {
      ...specDocument(),
      policy: { extends: 'hotmart', fee: { percent: '9.90', fixed: { BRL: '1' } } },
      sale: { ...specDocument().sale, platformFee: null },
    };
    const s = storedSettlementToJson(settle(doc).settlement);
    // round_half_up(197.00 × 9.9 %) = 19.50 (19.503), plus 1.00.
    expect(s.platformFee).toBe('20.50');
    expect(s.feeOrigin).toEqual({ kind: 'schedule', percent: '9.90', fixed: '1.00' });
  });

  it('is what a settlement needs to go through JSON.stringify, which refuses its bigints', () => {
    expect(() => JSON.stringify(spec.settlement)).toThrow(TypeError);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });
});

describe('parseStoredSettlementJson', () => {
  it('reads a stored settlement that refundSale refunds as it refunds the original', () => {
    const back = parseStoredSettlementJson(JSON.parse(JSON.stringify(stored)))._unsafeUnwrap();
    const r1 = refund({
      id: 'r1',
      at: '2026-03-05T00:00:00Z',
      amount: { amount: '50.00', currency: 'BRL' },
    })._unsafeUnwrap();
    const reversal = refundSale(back, [], r1)._unsafeUnwrap();
    // specification §8's worked refund: −5.20, −17.92, −5.37, −21.51.
    expect(reversal.lines.map((l) => l.amount)).toEqual([-520n, -1792n, -537n, -2151n]);
    expect(reversal).toEqual(spec.reversals[0]);
  });

  it('reads the percents back with the places they were written with', () => {
    const original = settle(writtenWithPlaces()).settlement;
    const back = parseStoredSettlementJson(storedSettlementToJson(original))._unsafeUnwrap();
    expect(back.lines.map((l) => ('percent' in l ? l.percent.scale : null))).toEqual([
      null,
      1,
      2,
      null,
    ]);
    expect(back).toEqual(original);
  });

  it('ignores fields it does not know', () => {
    const lines = lineEdited({ 0: { note: 'x' } });
    expect(parseStoredSettlementJson(edited({ note: 'x', lines })).isOk()).toBe(true);
  });

  it('refuses what the oracle prints alone, which lacks the fee origin and the floor', () => {
    const { feeOrigin, minRetainedPercent, ...printed } = stored;
    expect(codesAndPaths(parseStoredSettlementJson(printed)._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['feeOrigin']],
      ['invalid_field', ['minRetainedPercent']],
    ]);
  });

  it('reports the problems of the printed fields and of the added ones together', () => {
    const lines = lineEdited({ 2: { amount: 'x', percentAsWritten: '2O' } });
    const errors = parseStoredSettlementJson(
      edited({ lines, feeOrigin: { kind: 'gift' }, minRetainedPercent: -1 }),
    )._unsafeUnwrapErr();
    expect(codesAndPaths(errors)).toEqual([
      ['invalid_amount', ['lines', 2, 'amount']],
      ['invalid_field', ['feeOrigin', 'kind']],
      ['invalid_percent', ['minRetainedPercent']],
      ['invalid_percent', ['lines', 2, 'percentAsWritten']],
    ]);
  });

  it('reports each broken part of a fee schedule at its path', () => {
    expect(
      codesAndPaths(
        parseStoredSettlementJson(edited({ feeOrigin: { kind: 'schedule' } }))._unsafeUnwrapErr(),
      ),
    ).toEqual([
      ['invalid_field', ['feeOrigin', 'percent']],
      ['invalid_field', ['feeOrigin', 'fixed']],
    ]);
    const origin = { kind: 'schedule', percent: 'x', fixed: '1.001' };
    expect(
      codesAndPaths(parseStoredSettlementJson(edited({ feeOrigin: origin }))._unsafeUnwrapErr()),
    ).toEqual([
      ['invalid_percent', ['feeOrigin', 'percent']],
      ['amount_precision', ['feeOrigin', 'fixed']],
    ]);
    expect(
      codesAndPaths(parseStoredSettlementJson(edited({ feeOrigin: [] }))._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['feeOrigin']]]);
  });

  it('refuses a fee origin that does not give the platform fee', () => {
    const none = edited({ feeOrigin: { kind: 'none' } });
    expect(codesAndPaths(parseStoredSettlementJson(none)._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['feeOrigin']],
    ]);
    // round_half_up(197.00 × 9.9 %) + 1.00 = 20.50; 9.91 % gives 19.52 + 1.00.
    const schedule = (percent: string) =>
      edited({ feeOrigin: { kind: 'schedule', percent, fixed: '1.00' } });
    expect(parseStoredSettlementJson(schedule('9.9')).isOk()).toBe(true);
    expect(codesAndPaths(parseStoredSettlementJson(schedule('9.91'))._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['feeOrigin']],
    ]);
  });

  it('refuses an affiliate line that is not floor(net × percent), and a base that is not net less it', () => {
    // 70.61 instead of 70.60, the main creator 84.71: the lines still sum to the price.
    const lines = lineEdited({ 1: { amount: '70.61' }, 3: { amount: '84.71' } });
    expect(codesAndPaths(parseStoredSettlementJson(edited({ lines }))._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['base']],
      ['invalid_field', ['lines', 1, 'amount']],
    ]);
  });

  it('refuses a cocreator line that is not floor(base × percent)', () => {
    const lines = lineEdited({ 2: { amount: '21.19' }, 3: { amount: '84.71' } });
    expect(codesAndPaths(parseStoredSettlementJson(edited({ lines }))._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['lines', 2, 'amount']],
    ]);
  });

  it('refuses an exactShare that is not the line exact share (specification §8), at its path', () => {
    // The README's sale: net 97.00 − 10.37 = 86.63; Bia 20 % of it is exactly 17.326 (paid
    // 17.32); Ana's exact share is 86.63 − 17.326 = 69.304 (paid 69.31).
    const quick = storedSettlementToJson(
      settle({
        product: { id: 'course', mainCreator: 'ana@example.com' },
        contracts: [
          {
            id: 'c1',
            productId: 'course',
            cocreator: 'bia@example.com',
            events: [
              {
                type: 'invited',
                at: '2026-01-01T00:00:00Z',
                by: 'ana@example.com',
                terms: { percent: '20' },
              },
              { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
            ],
          },
        ],
        sale: {
          id: 's1',
          productId: 'course',
          at: '2026-03-01T12:00:00Z',
          price: { amount: '97.00', currency: 'BRL' },
          platformFee: { amount: '10.37', currency: 'BRL' },
        },
      }).settlement,
    );
    expect(quick.lines.map((l) => l.exactShare)).toEqual(['10.37', '17.326', '69.304']);
    const withShares = (...shares: string[]) => ({
      ...quick,
      lines: quick.lines.map((line, i) => ({ ...line, exactShare: shares[i] })),
    });
    // The same values with other places are the same shares.
    expect(parseStoredSettlementJson(withShares('10.370', '17.3260', '69.30400')).isOk()).toBe(
      true,
    );
    // The paid amount is not the exact share, nor is the fee one unit off.
    const refused = parseStoredSettlementJson(withShares('10.36', '17.32', '69.31'));
    expect(codesAndPaths(refused._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['lines', 0, 'exactShare']],
      ['invalid_field', ['lines', 1, 'exactShare']],
      ['invalid_field', ['lines', 2, 'exactShare']],
    ]);
  });

  it('refuses a main creator below the retention floor, and takes one exactly at it', () => {
    // 80 % of the base 105.90 is 84.72, the main creator's line exactly.
    expect(parseStoredSettlementJson(edited({ minRetainedPercent: '80' })).isOk()).toBe(true);
    expect(
      codesAndPaths(
        parseStoredSettlementJson(edited({ minRetainedPercent: '80.01' }))._unsafeUnwrapErr(),
      ),
    ).toEqual([['invalid_field', ['lines', 3, 'amount']]]);
    expect(
      codesAndPaths(
        parseStoredSettlementJson(edited({ minRetainedPercent: '100' }))._unsafeUnwrapErr(),
      ),
    ).toEqual([['invalid_field', ['minRetainedPercent']]]);
  });

  it('refuses a percentAsWritten that is not the line percent, or on a line without one', () => {
    const other = lineEdited({ 2: { percentAsWritten: '20.01' } });
    expect(
      codesAndPaths(parseStoredSettlementJson(edited({ lines: other }))._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['lines', 2, 'percentAsWritten']]]);
    const onPlatform = lineEdited({ 0: { percentAsWritten: '1' } });
    expect(
      codesAndPaths(parseStoredSettlementJson(edited({ lines: onPlatform }))._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['lines', 0, 'percentAsWritten']]]);
    const same = lineEdited({ 2: { percentAsWritten: '20.000' } });
    const back = parseStoredSettlementJson(edited({ lines: same }))._unsafeUnwrap();
    expect(back.lines[2]).toMatchObject({ percent: { units: 20000n, scale: 3 } });
  });

  it('refuses lines that are not an array, once', () => {
    expect(
      codesAndPaths(parseStoredSettlementJson(edited({ lines: {} }))._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['lines']]]);
  });

  it('refuses what is not an object, once, at the root', () => {
    for (const input of ['x', null, [], 1]) {
      expect(codesAndPaths(parseStoredSettlementJson(input)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', []],
      ]);
    }
  });

  it('skips line entries that are not objects when looking for percentAsWritten (the printed reader reports them)', () => {
    const lines = [...stored.lines.slice(0, 3), 'x', null];
    expect(codesAndPaths(parseStoredSettlementJson(edited({ lines }))._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['lines', 3]],
      ['invalid_field', ['lines', 4]],
    ]);
  });
});

describe('storedReversalToJson and parseStoredReversalJson', () => {
  const reversal = spec.reversals[0];
  if (reversal === undefined) throw new Error('the the specification document has a refund');
  const storedReversal: StoredReversalJson = storedReversalToJson(reversal);
  const editedReversal = (changes: Record<string, unknown>) => ({ ...storedReversal, ...changes });
  const reversalLines = (changes: Record<number, Record<string, unknown>>) =>
    storedReversal.lines.map((line, i) => ({ ...line, ...changes[i] }));
  const errorsOf = (input: unknown) =>
    codesAndPaths(parseStoredReversalJson(input)._unsafeUnwrapErr());

  it('adds the sale, the currency and the refunded total to what the oracle prints', () => {
    expect(storedReversal).toMatchObject({
      refundId: 'r1',
      saleId: 's1',
      currency: 'BRL',
      amount: '50.00',
      refundedTotal: '50.00',
    });
    expect(storedReversal.lines.map((l) => l.amount)).toEqual([
      '-5.20',
      '-17.92',
      '-5.37',
      '-21.51',
    ]);
  });

  it('reads it back equal, percents with their places as written included', () => {
    const doc = writtenWithPlaces();
    const [original] = settle(doc).reversals;
    const json = storedReversalToJson(original as NonNullable<typeof original>);
    expect(json.lines.map((l) => l.percentAsWritten)).toEqual([
      undefined,
      '40.0',
      '20.00',
      undefined,
    ]);
    expect(parseStoredReversalJson(JSON.parse(JSON.stringify(json)))._unsafeUnwrap()).toEqual(
      original,
    );
  });

  it('reads a zero line written with a minus sign as zero', () => {
    const zero = { role: 'platform', account: null, amount: '-0.00' };
    const lines = [zero, ...storedReversal.lines.slice(1)];
    const input = editedReversal({ lines, amount: '44.80', refundedTotal: '44.80' });
    expect(parseStoredReversalJson(input)._unsafeUnwrap().lines[0]?.amount).toBe(0n);
  });

  it('refuses a positive line, at its amount', () => {
    expect(errorsOf(editedReversal({ lines: reversalLines({ 1: { amount: '17.92' } }) }))).toEqual([
      ['invalid_amount', ['lines', 1, 'amount']],
    ]);
  });

  it('refuses lines that do not sum to −amount, or out of settlement order', () => {
    expect(errorsOf(editedReversal({ amount: '50.01', refundedTotal: '50.01' }))).toEqual([
      ['invalid_field', ['lines']],
    ]);
    const [a, b, c, d] = storedReversal.lines;
    expect(errorsOf(editedReversal({ lines: [b, a, c, d] }))).toEqual([
      ['invalid_field', ['lines']],
    ]);
    expect(errorsOf(editedReversal({ lines: [a, b, b, c, d] }))).toContainEqual([
      'invalid_field',
      ['lines'],
    ]);
  });

  it('refuses a refunded total below the amount, and a zero amount', () => {
    expect(errorsOf(editedReversal({ refundedTotal: '49.99' }))).toEqual([
      ['invalid_field', ['refundedTotal']],
    ]);
    const zeros = storedReversal.lines.map((l) => ({ ...l, amount: '0.00' }));
    expect(errorsOf(editedReversal({ amount: '0', lines: zeros }))).toEqual([
      ['invalid_amount', ['amount']],
    ]);
  });

  it('reports every missing or malformed field at its path', () => {
    expect(errorsOf({})).toEqual([
      ['invalid_field', ['refundId']],
      ['invalid_field', ['saleId']],
      ['invalid_field', ['at']],
      ['invalid_field', ['currency']],
      ['invalid_field', ['amount']],
      ['invalid_field', ['refundedTotal']],
      ['invalid_field', ['lines']],
    ]);
    expect(
      errorsOf(editedReversal({ refundId: '', at: 'noon', currency: 'brl', lines: {} })),
    ).toEqual([
      ['invalid_field', ['refundId']],
      ['invalid_instant', ['at']],
      ['unknown_currency', ['currency']],
      ['invalid_field', ['lines']],
    ]);
    expect(errorsOf('x')).toEqual([['invalid_field', []]]);
  });

  it('reads amounts written as JSON numbers, as specification §8 reads them', () => {
    const lines = reversalLines({ 0: { amount: -5.2 }, 3: { amount: 0 } });
    const back = parseStoredReversalJson(
      editedReversal({ lines, amount: 28.49, refundedTotal: 50 }),
    );
    expect(back._unsafeUnwrap().lines.map((l) => l.amount)).toEqual([-520n, -1792n, -537n, 0n]);
    expect(back._unsafeUnwrap().amount).toBe(2849n);
  });

  it('refuses a line amount that is neither a string nor a number, at its path', () => {
    const lines = reversalLines({ 0: { amount: true } });
    const errors = parseStoredReversalJson(editedReversal({ lines }))._unsafeUnwrapErr();
    expect(errors.map((e) => e.path)).toEqual([['lines', 0, 'amount']]);
  });

  it('refuses a percentAsWritten that is not a percent', () => {
    expect(
      errorsOf(editedReversal({ lines: reversalLines({ 1: { percentAsWritten: 'x' } }) })),
    ).toEqual([['invalid_percent', ['lines', 1, 'percentAsWritten']]]);
  });

  it('reports each malformed line field at its path', () => {
    const lines = reversalLines({
      0: { account: 'x@example.com' },
      1: { account: '', percent: 'x' },
      2: { contractId: 1, percentAsWritten: '21' },
      3: { role: 'creator' },
    });
    expect(errorsOf(editedReversal({ lines: [...lines, 'x'] }))).toEqual([
      ['invalid_field', ['lines', 0, 'account']],
      ['invalid_field', ['lines', 1, 'account']],
      ['invalid_percent', ['lines', 1, 'percent']],
      ['invalid_field', ['lines', 2, 'contractId']],
      ['invalid_field', ['lines', 2, 'percentAsWritten']],
      ['invalid_field', ['lines', 3, 'role']],
      ['invalid_field', ['lines', 4]],
    ]);
    const missing = [{ role: 'cocreator' }, { role: 'main-creator', account: 'ana@example.com' }];
    expect(errorsOf(editedReversal({ lines: missing }))).toEqual([
      ['invalid_field', ['lines', 0, 'account']],
      ['invalid_field', ['lines', 0, 'contractId']],
      ['invalid_field', ['lines', 0, 'percent']],
      ['invalid_field', ['lines', 0, 'amount']],
      ['invalid_field', ['lines', 1, 'amount']],
    ]);
  });
});
