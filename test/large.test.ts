/**
 * Inputs past the room a call has for arguments (about 125,000 in V8 here): a settlement of
 * 250,000 lines, which a custom policy allows (250,000 contracts of 0.0001 %) and
 * `settleDocument` prints, and a document with 135,000 problems. `Math.max(...xs)` and
 * `push(...xs)` throw a `RangeError` there; the library loops instead. Seconds per run, so
 * the mutation suite leaves this file out (vitest.mutation.config.ts): the loops it holds
 * are in files CI's mutation subset does not mutate.
 */
import { describe, expect, it } from 'vitest';
import { UNREADABLE } from '../src/_internal/unreadable';
import * as main from '../src/index';
import { refund } from '../src/model/sale';
import { refundAll } from '../src/refunds/refund';
import { explain } from '../src/wire/explain';
import * as wire from '../src/wire/index';
import { parseStoredSettlementJson } from '../src/wire/read-stored';
import { specDocument } from './support/spec-document';

/**
 * The stored row of a 1,000,000.00 USD sale with no fee split between `n` cocreators at
 * 0.0001 % and the main creator. Checked by hand: the base is 100,000,000 cents; each
 * cocreator's 0.0001 % of it is exactly 100 cents (1.00); the main creator keeps
 * 100,000,000 − 250,000 × 100 = 75,000,000 cents (750000.00) for n = 250,000, above 30 %.
 */
function storedRow(n: number) {
  const cocreators = Array.from({ length: n }, (_, i) => ({
    role: 'cocreator',
    account: `c${i}@example.com`,
    contractId: `c${i}`,
    percent: '0.0001',
    amount: '1.00',
    exactShare: '1.00',
  }));
  const main = `${1_000_000 - n}.00`;
  return {
    saleId: 's1',
    productId: 'p1',
    at: '2026-03-01T12:00:00.000Z',
    currency: 'USD',
    price: '1000000.00',
    platformFee: '0.00',
    net: '1000000.00',
    base: '1000000.00',
    lines: [
      { role: 'platform', account: null, amount: '0.00', exactShare: '0.00' },
      ...cocreators,
      { role: 'main-creator', account: 'ana@example.com', amount: main, exactShare: main },
    ],
    feeOrigin: { kind: 'none' },
    minRetainedPercent: '30',
  };
}

describe('a settlement of 250,000 lines', () => {
  const n = 250_000;
  const read = parseStoredSettlementJson(storedRow(n));

  it('is read back from its stored row (no false refusal of its exact shares)', () => {
    expect(read.isOk() ? read.value.lines.length : read.error).toBe(n + 2);
  });

  it('is explained, with a refund, without throwing', () => {
    const s = read._unsafeUnwrap();
    const r = refund({
      id: 'r1',
      at: '2026-03-05T00:00:00Z',
      amount: { amount: '333.33', currency: 'USD' },
    })._unsafeUnwrap();
    const text = explain(s, refundAll(s, [r])._unsafeUnwrap());
    expect(text).toMatch(/^main creator M = B - sum of cocreators +750000\.00$/m);
    expect(text).toMatch(/^total +1000000\.00 +-333\.33 +-333\.33 +999666\.67$/m);
    expect(text).toMatch(/^total +.*= price P +1000000\.00$/m);
  });
});

describe('a document with 135,000 problems', () => {
  it('is answered with all of them, never as a value that could not be read', () => {
    // 45,000 events that are not events, three problems each (type, at and by are required).
    const events = Array.from({ length: 45_000 }, () => ({}));
    const doc = specDocument();
    const contracts = [{ ...doc.contracts[0], events }];
    for (const answer of [
      wire.parseDocument({ ...doc, contracts }),
      main.validateDomain({
        policy: main.POLICIES.hotmart,
        product: main.product(doc.product)._unsafeUnwrap(),
        contracts: contracts as never,
      }),
    ]) {
      const errors = answer._unsafeUnwrapErr();
      expect(errors).toHaveLength(135_000);
      expect(errors.every((e) => !e.message.startsWith(UNREADABLE))).toBe(true);
      expect(errors[0]).toMatchObject({ code: 'invalid_field', message: '"type" is required' });
    }
  });
});
