import { describe, expect, it } from 'vitest';
import type { DomainErrors } from '../src/errors';
import { exactShareText } from '../src/settle/lines';
import { parseDocument, parseDocumentText } from '../src/wire/document';
import type { SettleOutputJson } from '../src/wire/json';
import { settleText, settleToJson } from '../src/wire/oracle';
import { errorToJson, reversalToJson, settlementToJson } from '../src/wire/print';
import { documentToJson } from '../src/wire/print-document';
import { parseSettlementJson } from '../src/wire/read-output';
import { settleDocument } from '../src/wire/settle-document';
import { minimalDocument, specDocument } from './support/spec-document';

/** specification §8's input document, verbatim. */
const SPEC_DOCUMENT = specDocument();

/**
 * specification §8's output, verbatim, plus `exactShare` on each settlement line, checked by
 * hand: fee 20.50 as charged; affiliate 40 % of 176.50 = 70.60 exactly; cocreator 20 % of
 * 105.90 = 21.18 exactly; main 105.90 − 21.18 = 84.72.
 */
const SPEC_OUTPUT_TEXT =
  '{"ok":true,"settlement":{"saleId":"s1","productId":"p1","at":"2026-03-01T12:00:00.000Z","currency":"BRL",' +
  '"price":"197.00","platformFee":"20.50","net":"176.50","base":"105.90","lines":[' +
  '{"role":"platform","account":null,"amount":"20.50","exactShare":"20.50"},' +
  '{"role":"affiliate","account":"leo@example.com","percent":"40","amount":"70.60","exactShare":"70.60"},' +
  '{"role":"cocreator","account":"bia@example.com","contractId":"c1","percent":"20","amount":"21.18","exactShare":"21.18"},' +
  '{"role":"main-creator","account":"ana@example.com","amount":"84.72","exactShare":"84.72"}]},' +
  '"refunds":[{"refundId":"r1","at":"2026-03-05T00:00:00.000Z","amount":"50.00","lines":[' +
  '{"role":"platform","account":null,"amount":"-5.20"},' +
  '{"role":"affiliate","account":"leo@example.com","percent":"40","amount":"-17.92"},' +
  '{"role":"cocreator","account":"bia@example.com","contractId":"c1","percent":"20","amount":"-5.37"},' +
  '{"role":"main-creator","account":"ana@example.com","amount":"-21.51"}]}]}';

/** specification §8's document with another percent in the invitation's terms. */
function withContractPercent(percent: string): typeof SPEC_DOCUMENT {
  const text = JSON.stringify(SPEC_DOCUMENT);
  expect(text.split('"percent":"20"')).toHaveLength(2);
  return JSON.parse(text.replace('"percent":"20"', `"percent":"${percent}"`));
}

function codesAndPaths(errors: DomainErrors | ReadonlyArray<{ code: string; path: unknown }>) {
  return errors.map((e) => [e.code, e.path]);
}

function errorsOf(input: unknown) {
  return codesAndPaths(parseDocument(input)._unsafeUnwrapErr());
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

describe('parseDocument', () => {
  it('reads specification §8 example into checked values', () => {
    const doc = parseDocument(SPEC_DOCUMENT)._unsafeUnwrap();
    expect(doc.policy.name).toBe('hotmart');
    expect(doc.sale.price.amount).toBe(19700n);
    expect(doc.sale.platformFee?.amount).toBe(2050n);
    expect(doc.contracts).toHaveLength(1);
    expect(doc.refunds[0]?.amount.amount).toBe(5000n);
  });

  it('uses hotmart when the policy is absent or null, and no refunds when they are', () => {
    for (const input of [minimalDocument(), minimalDocument({ policy: null, refunds: null })]) {
      const doc = parseDocument(input)._unsafeUnwrap();
      expect(doc.policy.name).toBe('hotmart');
      expect(doc.refunds).toEqual([]);
    }
  });

  it('refuses a document that is not a plain object, at the root', () => {
    for (const input of [null, [], 'doc', 42, true, undefined, new Date(0)]) {
      expect(errorsOf(input)).toEqual([['invalid_field', []]]);
    }
    expect(parseDocument(42)._unsafeUnwrapErr()[0]?.message).toBe(
      'expected a settle document object',
    );
  });

  it('reports each unknown top-level key at its own path', () => {
    expect(errorsOf(minimalDocument({ extra: 1, Sale: {} }))).toEqual([
      ['invalid_field', ['extra']],
      ['invalid_field', ['Sale']],
    ]);
  });

  it('refuses __proto__, constructor and prototype keys wherever they are', () => {
    const text = JSON.stringify(minimalDocument()).replace(
      '"contracts":[]',
      '"contracts":[],"__proto__":{"x":1},"constructor":1',
    );
    expect(codesAndPaths(parseDocumentText(text)._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['__proto__']],
      ['invalid_field', ['constructor']],
    ]);
    const inSale = JSON.parse(
      JSON.stringify(minimalDocument()).replace('"id":"s1"', '"id":"s1","prototype":null'),
    );
    expect(errorsOf(inSale)).toEqual([['invalid_field', ['sale', 'prototype']]]);
  });

  it('reports each missing required part at its path', () => {
    expect(errorsOf({})).toEqual([
      ['invalid_field', ['product']],
      ['invalid_field', ['contracts']],
      ['invalid_field', ['sale']],
    ]);
  });

  it('reads null on a required part as missing', () => {
    expect(errorsOf(minimalDocument({ product: null }))).toEqual([['invalid_field', ['product']]]);
  });

  it('refuses contracts and refunds that are not arrays', () => {
    expect(errorsOf(minimalDocument({ contracts: {}, refunds: 'r1' }))).toEqual([
      ['invalid_field', ['contracts']],
      ['invalid_field', ['refunds']],
    ]);
  });

  it('reports every problem in every part, each at its JSON path', () => {
    const input = minimalDocument({
      product: { id: '', mainCreator: 'ana@example.com' },
      contracts: [
        {
          id: 'c1',
          productId: 'p1',
          cocreator: 'bia@example.com',
          events: [
            {
              type: 'invited',
              at: '2026-01-01T00:00:00',
              by: 'ana@example.com',
              terms: { percent: '20' },
            },
          ],
        },
      ],
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: '10.001', currency: 'USD' },
      },
      refunds: [{ id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '1', currency: 'XYZ' } }],
    });
    expect(errorsOf(input)).toEqual([
      ['invalid_field', ['product', 'id']],
      ['invalid_instant', ['contracts', 0, 'events', 0, 'at']],
      ['amount_precision', ['sale', 'price', 'amount']],
      ['unknown_currency', ['refunds', 0, 'amount', 'currency']],
    ]);
  });

  it('reads JSON numbers as JavaScript prints them and refuses a printed exponent', () => {
    const asNumbers = minimalDocument({
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: 1e2, currency: 'USD' },
      },
    });
    expect(parseDocument(asNumbers)._unsafeUnwrap().sale.price.amount).toBe(10000n);
    const huge = minimalDocument({
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: 1e21, currency: 'USD' },
      },
    });
    expect(errorsOf(huge)).toEqual([['invalid_amount', ['sale', 'price', 'amount']]]);
    const tiny = minimalDocument({
      product: { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: 1e-7 },
    });
    expect(errorsOf(tiny)).toEqual([['invalid_percent', ['product', 'affiliateCommission']]]);
  });

  it('names the currency and its decimals when an amount has too many', () => {
    const input = minimalDocument({
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: '1.5', currency: 'JPY' },
      },
    });
    const [error] = parseDocument(input)._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'amount_precision', currency: 'JPY', maxDecimals: 0 });
  });

  it('refuses instants without an offset and out of range', () => {
    const at = (value: string) =>
      errorsOf(
        minimalDocument({
          sale: { id: 's1', productId: 'p1', at: value, price: { amount: '1', currency: 'USD' } },
        }),
      );
    expect(at('2026-03-01T12:00:00')).toEqual([['invalid_instant', ['sale', 'at']]]);
    expect(at('0001-01-01T00:00:00+00:01')).toEqual([['invalid_instant', ['sale', 'at']]]);
    expect(at('10000-01-01T00:00:00Z')).toEqual([['invalid_instant', ['sale', 'at']]]);
  });

  it('reads a platform fee in another currency than the price: settling reports it (row 2a)', () => {
    const input = minimalDocument({
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T12:00:00Z',
        price: { amount: '10', currency: 'USD' },
        platformFee: { amount: '1', currency: 'BRL' },
      },
    });
    const doc = parseDocument(input)._unsafeUnwrap();
    // With a reading problem elsewhere, stage 2 never runs: no currency_mismatch beside it.
    const unread = parseDocument(
      minimalDocument({ sale: { ...(input.sale as Record<string, unknown>), id: '' } }),
    );
    expect(codesAndPaths(unread._unsafeUnwrapErr())).toEqual([['invalid_field', ['sale', 'id']]]);
    const [error, ...others] = settleDocument(doc)._unsafeUnwrapErr();
    expect(others).toEqual([]);
    expect(error).toEqual({
      code: 'currency_mismatch',
      message: 'the platform fee is in BRL, the price in USD',
      path: ['sale', 'platformFee', 'currency'],
      expected: 'USD',
      actual: 'BRL',
    });
  });

  it('returns a frozen document and leaves its input alone', () => {
    const input = deepFreeze(structuredClone(SPEC_DOCUMENT));
    const doc = parseDocument(input)._unsafeUnwrap();
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.contracts)).toBe(true);
    expect(Object.isFrozen(doc.refunds)).toBe(true);
    expect(input).toEqual(SPEC_DOCUMENT);
  });
});

describe('parseDocumentText', () => {
  it('answers text that is not JSON with invalid_json at the root', () => {
    for (const text of [
      '',
      ' ',
      '{',
      '{"a":1}x',
      "{'a':1}",
      'NaN',
      '\uFEFF\uFEFF{}',
      ' \uFEFF{}',
    ]) {
      expect(codesAndPaths(parseDocumentText(text)._unsafeUnwrapErr())).toEqual([
        ['invalid_json', []],
      ]);
    }
  });

  it("says where the text stops being JSON, in JSON.parse's words", () => {
    let reason = '';
    try {
      JSON.parse('{"product": ');
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(reason).not.toBe('');
    expect(parseDocumentText('{"product": ')._unsafeUnwrapErr()[0]?.message).toBe(
      `the input is not JSON: ${reason}`,
    );
  });

  it('answers a value that is not a string with invalid_json', () => {
    expect(parseDocumentText(42 as unknown as string)._unsafeUnwrapErr()[0].code).toBe(
      'invalid_json',
    );
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    const text = JSON.stringify(minimalDocument()).replace('"id":"s1"', '"id":"s0","id":"s1"');
    expect(parseDocumentText(text)._unsafeUnwrap().sale.id).toBe('s1');
  });
});

describe('settleDocument', () => {
  it('settles the sale and reverses each refund in order', () => {
    const { settlement, reversals } = settleDocument(
      parseDocument(SPEC_DOCUMENT)._unsafeUnwrap(),
    )._unsafeUnwrap();
    expect(settlement.lines.map((l) => l.amount)).toEqual([2050n, 7060n, 2118n, 8472n]);
    expect(reversals.map((r) => r.lines.map((l) => l.amount))).toEqual([
      [-520n, -1792n, -537n, -2151n],
    ]);
  });

  it('checks refunds against the sale', () => {
    const input = minimalDocument({
      refunds: [
        { id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '6', currency: 'USD' } },
        { id: 'r2', at: '2026-03-03T00:00:00Z', amount: { amount: '4.01', currency: 'USD' } },
      ],
    });
    const errors = settleDocument(parseDocument(input)._unsafeUnwrap())._unsafeUnwrapErr();
    expect(errors.map((e) => e.code)).toEqual(['refund_exceeds_price']);
    expect(errors[0].path.slice(0, 2)).toEqual(['refunds', 1]);
  });

  it('reports a refund in another currency than the sale', () => {
    const input = minimalDocument({
      refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '1', currency: 'EUR' } }],
    });
    const errors = settleDocument(parseDocument(input)._unsafeUnwrap())._unsafeUnwrapErr();
    expect(codesAndPaths(errors)).toEqual([
      ['currency_mismatch', ['refunds', 0, 'amount', 'currency']],
    ]);
  });

  describe('on a document built by hand (stage 1 is read again)', () => {
    const doc = () => parseDocument(SPEC_DOCUMENT)._unsafeUnwrap();
    const refund = doc().refunds[0] as NonNullable<ReturnType<typeof doc>['refunds'][0]>;
    const brokenContract = () => {
      const [c1] = doc().contracts;
      const events = c1?.events ?? [];
      return { ...c1, events: [events[0], { ...events[1], by: 'leo@example.com' }] } as never;
    };

    it('reports refunds that are not a list alone, not the history that stage 2 would refuse', () => {
      const errors = settleDocument({
        ...doc(),
        contracts: [brokenContract()],
        refunds: 7 as never,
      })._unsafeUnwrapErr();
      expect(codesAndPaths(errors)).toEqual([['invalid_field', ['refunds']]]);
    });

    it("reports a repeated refund id with the sale's stage-1 problems, and nothing of stage 2", () => {
      const { sale } = doc();
      const errors = settleDocument({
        ...doc(),
        contracts: [brokenContract()],
        sale: { ...sale, affiliate: { ...sale.affiliate, percent: null } } as never,
        product: { ...doc().product, affiliateCommission: null },
        refunds: [refund, refund],
      })._unsafeUnwrapErr();
      expect(codesAndPaths(errors)).toEqual([
        ['invalid_field', ['sale', 'affiliate', 'percent']],
        ['invalid_field', ['refunds', 1, 'id']],
      ]);
    });

    it('reports the stage-2 problems of the contracts and of the refunds together', () => {
      const early = { ...refund, at: doc().sale.at - 1 };
      const errors = settleDocument({
        ...doc(),
        contracts: [brokenContract()],
        refunds: [early],
      } as never)._unsafeUnwrapErr();
      expect(codesAndPaths(errors)).toEqual([
        ['not_authorized', ['contracts', 0, 'events', 1, 'by']],
        ['refund_before_sale', ['refunds', 0, 'at']],
      ]);
    });
  });

  it('refuses what is not a document with invalid_field at the root instead of throwing', () => {
    for (const value of [undefined, null, 'doc']) {
      expect(codesAndPaths(settleDocument(value as never)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', []],
      ]);
    }
  });
});

describe('settleToJson', () => {
  it('prints specification §8 output exactly, key order included', () => {
    expect(JSON.stringify(settleToJson(SPEC_DOCUMENT))).toBe(SPEC_OUTPUT_TEXT);
  });

  it('prints refusals as { ok: false, errors } with code, message and path first', () => {
    const output = settleToJson(minimalDocument({ extra: true }));
    expect(output).toEqual({
      ok: false,
      errors: [{ code: 'invalid_field', message: 'unknown field "extra"', path: ['extra'] }],
    });
  });

  it('prints an empty refunds list when there are none', () => {
    const output = settleToJson(minimalDocument()) as Extract<SettleOutputJson, { ok: true }>;
    expect(output.refunds).toEqual([]);
  });

  it('prints amounts with exactly the currency decimals (JPY 0, KWD 3)', () => {
    const jpy = settleToJson(
      minimalDocument({
        sale: {
          id: 's1',
          productId: 'p1',
          at: '2026-03-01T12:00:00Z',
          price: { amount: 500, currency: 'JPY' },
        },
      }),
    ) as Extract<SettleOutputJson, { ok: true }>;
    expect(jpy.settlement.price).toBe('500');
    expect(jpy.settlement.lines.map((l) => l.amount)).toEqual(['0', '500']);
    const kwd = settleToJson(
      minimalDocument({
        sale: {
          id: 's1',
          productId: 'p1',
          at: '2026-03-01T12:00:00Z',
          price: { amount: '1.5', currency: 'KWD' },
        },
      }),
    ) as Extract<SettleOutputJson, { ok: true }>;
    expect(kwd.settlement.price).toBe('1.500');
    expect(kwd.settlement.net).toBe('1.500');
  });

  it('prints the instant in UTC with milliseconds, whatever offset it was written with', () => {
    const output = settleToJson(
      minimalDocument({
        sale: {
          id: 's1',
          productId: 'p1',
          at: '2026-03-01T09:00:00.123456789-03:00',
          price: { amount: '1', currency: 'USD' },
        },
      }),
    ) as Extract<SettleOutputJson, { ok: true }>;
    expect(output.settlement.at).toBe('2026-03-01T12:00:00.123Z');
  });

  it('prints percents in shortest form and accounts canonical', () => {
    const doc = structuredClone(SPEC_DOCUMENT);
    doc.sale.affiliate = {
      account: '  LEO@example.com',
      percent: '40.000',
      managedBy: 'bia@example.com',
    };
    const output = settleToJson(doc) as Extract<SettleOutputJson, { ok: true }>;
    expect(output.settlement.lines[1]).toMatchObject({ account: 'leo@example.com', percent: '40' });
  });

  it('returns frozen output', () => {
    const output = settleToJson(SPEC_DOCUMENT) as Extract<SettleOutputJson, { ok: true }>;
    expect(Object.isFrozen(output)).toBe(true);
    expect(Object.isFrozen(output.settlement.lines[0])).toBe(true);
    expect(Object.isFrozen(output.refunds[0]?.lines)).toBe(true);
  });
});

describe('settleText', () => {
  it('answers one document with one line of JSON', () => {
    expect(settleText(JSON.stringify(SPEC_DOCUMENT))).toBe(SPEC_OUTPUT_TEXT);
  });

  it('answers text that is not JSON with invalid_json at the root', () => {
    const answer = JSON.parse(settleText('{"policy": "hotmart", '));
    expect(answer.ok).toBe(false);
    expect(codesAndPaths(answer.errors)).toEqual([['invalid_json', []]]);
    expect(typeof answer.errors[0].message).toBe('string');
  });

  it('never prints a newline inside its answer', () => {
    const text = JSON.stringify(minimalDocument({ 'a\nb': 1 }));
    expect(settleText(text)).not.toContain('\n');
  });
});

describe('settlementToJson and reversalToJson', () => {
  const outcome = settleDocument(parseDocument(SPEC_DOCUMENT)._unsafeUnwrap())._unsafeUnwrap();

  it('gives each settlement line its exact unrounded share', () => {
    const doc = withContractPercent('10');
    doc.sale.platformFee.amount = '10.40';
    doc.sale.price.amount = '100.00';
    doc.sale.affiliate.percent = '35';
    doc.refunds = [];
    const json = settlementToJson(
      settleDocument(parseDocument(doc)._unsafeUnwrap())._unsafeUnwrap().settlement,
    );
    // specification §5's worked example: 10 % of 58.24 is 5.824, paid 5.82.
    expect(json.lines.map((l) => [l.amount, l.exactShare])).toEqual([
      ['10.40', '10.40'],
      ['31.36', '31.36'],
      ['5.82', '5.824'],
      ['52.42', '52.416'],
    ]);
  });

  it('prints reversal lines without an exact share', () => {
    const [reversal] = outcome.reversals;
    expect(reversal).toBeDefined();
    if (reversal === undefined) return;
    const json = reversalToJson(reversal);
    expect(Object.keys(json)).toEqual(['refundId', 'at', 'amount', 'lines']);
    for (const line of json.lines) expect(line).not.toHaveProperty('exactShare');
  });

  it('orders line keys as specification §8 shows them', () => {
    const json = settlementToJson(outcome.settlement);
    expect(json.lines.map((l) => Object.keys(l))).toEqual([
      ['role', 'account', 'amount', 'exactShare'],
      ['role', 'account', 'percent', 'amount', 'exactShare'],
      ['role', 'account', 'contractId', 'percent', 'amount', 'exactShare'],
      ['role', 'account', 'amount', 'exactShare'],
    ]);
  });
});

describe('errorToJson', () => {
  it('puts code, message and path first, then the fields of the code', () => {
    const doc = structuredClone(SPEC_DOCUMENT);
    doc.sale.platformFee.amount = '197.01';
    const output = settleToJson(doc);
    expect(output.ok).toBe(false);
    if (output.ok) return;
    expect(Object.keys(output.errors[0] ?? {})).toEqual([
      'code',
      'message',
      'path',
      'fee',
      'price',
    ]);
    expect(output.errors[0]).toMatchObject({
      code: 'fee_exceeds_price',
      fee: '197.01',
      price: '197.00',
    });
  });

  it('copies the path, so the printed error shares nothing with the original', () => {
    const [error] = parseDocument([])._unsafeUnwrapErr();
    const json = errorToJson(error);
    expect(json).toEqual(error);
    expect(json.path).not.toBe(error.path);
    expect(Object.isFrozen(json)).toBe(true);
  });
});

describe('documentToJson', () => {
  it('writes a document in canonical form', () => {
    const input = minimalDocument({
      product: { id: 'p1', mainCreator: '  ANA@example.com ', affiliateCommission: 12.5 },
      sale: {
        id: 's1',
        productId: 'p1',
        at: '2026-03-01T09:00:00-03:00',
        price: { amount: 10, currency: 'KWD' },
        affiliate: { account: 'Leo@example.com', percent: '10.50', managedBy: null },
      },
    });
    const json = documentToJson(parseDocument(input)._unsafeUnwrap());
    expect(json.product).toEqual({
      id: 'p1',
      mainCreator: 'ana@example.com',
      affiliateCommission: '12.5',
    });
    expect(json.sale).toEqual({
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00.000Z',
      price: { amount: '10.000', currency: 'KWD' },
      affiliate: { account: 'leo@example.com', percent: '10.50' },
    });
    expect(json.refunds).toEqual([]);
  });

  it('writes only the fields an amendment changes, with no key left undefined', () => {
    const doc = structuredClone(SPEC_DOCUMENT) as unknown as {
      contracts: Array<{ events: unknown[] }>;
    };
    doc.contracts[0]?.events.push(
      {
        type: 'amendment-proposed',
        at: '2026-02-01T00:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '25' },
      },
      {
        type: 'amendment-proposed',
        at: '2026-02-02T00:00:00Z',
        by: 'ana@example.com',
        terms: { appliesTo: 'direct-sales', mayAlsoSellAsAffiliate: true },
      },
    );
    const events = documentToJson(parseDocument(doc)._unsafeUnwrap()).contracts[0]?.events ?? [];
    expect(events.map((e) => Object.keys(e.terms ?? {}))).toEqual([
      ['percent', 'appliesTo', 'endsAt', 'mayAlsoSellAsAffiliate'],
      [],
      ['percent'],
      ['appliesTo', 'mayAlsoSellAsAffiliate'],
    ]);
  });

  it('writes every policy field, with extends when the policy has a preset', () => {
    const json = documentToJson(
      parseDocument(minimalDocument({ policy: 'kiwify' }))._unsafeUnwrap(),
    );
    expect(json.policy).toEqual({
      extends: 'kiwify',
      minRetainedPercent: '20',
      cocreatorPercent: { min: '1', max: '80' },
      percentDecimals: 0,
      maxCocreators: null,
      affiliatesOnCocreatedProducts: true,
      cancellation: 'mutual',
      amendments: 'cocreator-approval',
    });
  });

  it('writes a fee schedule with amounts in each currency decimals', () => {
    const policy = {
      minRetainedPercent: '25',
      cocreatorPercent: { min: '0.5', max: '75' },
      percentDecimals: 1,
      maxCocreators: 3,
      affiliatesOnCocreatedProducts: false,
      cancellation: 'unilateral',
      amendments: 'immediate',
      fee: { percent: 9.9, fixed: { USD: '0.5', JPY: 50 } },
    };
    const json = documentToJson(parseDocument(minimalDocument({ policy }))._unsafeUnwrap());
    expect(json.policy).toEqual({
      ...policy,
      fee: { percent: '9.9', fixed: { USD: '0.50', JPY: '50' } },
    });
  });

  it('writes percents with the places they were written with, which precision rules count', () => {
    const doc = withContractPercent('20.00');
    const json = documentToJson(parseDocument(doc)._unsafeUnwrap());
    expect(json.contracts[0]?.events[0]?.terms?.percent).toBe('20.00');
  });
});

describe('parseSettlementJson', () => {
  const printed = (settleToJson(SPEC_DOCUMENT) as Extract<SettleOutputJson, { ok: true }>)
    .settlement;

  it('reads a printed settlement back into values', () => {
    const s = parseSettlementJson(printed)._unsafeUnwrap();
    expect(s.price).toBe(19700n);
    expect(s.currency.code).toBe('BRL');
    expect(s.lines.map((l) => l.amount)).toEqual([2050n, 7060n, 2118n, 8472n]);
  });

  it('ignores fields it does not know, as specification §8 asks of readers', () => {
    expect(parseSettlementJson({ ...printed, note: 'x' }).isOk()).toBe(true);
  });

  it('refuses lines that do not sum to the price', () => {
    const lines = printed.lines.map((l, i) => (i === 3 ? { ...l, amount: '84.71' } : l));
    expect(codesAndPaths(parseSettlementJson({ ...printed, lines })._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['lines']],
    ]);
  });

  it('refuses lines out of settlement order', () => {
    const lines = [printed.lines[1], printed.lines[0], printed.lines[2], printed.lines[3]];
    const errors = parseSettlementJson({ ...printed, lines })._unsafeUnwrapErr();
    expect(errors.map((e) => e.code)).toContain('invalid_field');
    expect(errors[0].path).toEqual(['lines']);
  });

  it('refuses a net that is not price less fee', () => {
    expect(
      codesAndPaths(parseSettlementJson({ ...printed, net: '176.49' })._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['net']]]);
  });

  it('reports each malformed field at its path', () => {
    const lines = printed.lines.map((l, i) =>
      i === 2 ? { ...l, percent: 'x', exactShare: 1 } : l,
    );
    expect(
      codesAndPaths(
        parseSettlementJson({ ...printed, at: 'noon', currency: 'brl', lines })._unsafeUnwrapErr(),
      ),
    ).toEqual([
      ['invalid_instant', ['at']],
      ['unknown_currency', ['currency']],
      ['invalid_percent', ['lines', 2, 'percent']],
      ['invalid_field', ['lines', 2, 'exactShare']],
    ]);
  });

  it('refuses what is not an object', () => {
    expect(codesAndPaths(parseSettlementJson('x')._unsafeUnwrapErr())).toEqual([
      ['invalid_field', []],
    ]);
  });

  // Every error as [code, path joined by dots, message].
  const problems = (input: unknown) =>
    parseSettlementJson(input)
      ._unsafeUnwrapErr()
      .map((e) => [e.code, e.path.join('.'), e.message]);
  type Line = Record<string, unknown>;
  const withLines = (lines: Line[], rest: Record<string, unknown> = {}) => ({
    ...printed,
    ...rest,
    lines,
  });
  const [platform, affiliate, cocreator, main] = printed.lines as unknown as Line[] as [
    Line,
    Line,
    Line,
    Line,
  ];

  it('reads every line back with its role, party and percent, frozen', () => {
    const s = parseSettlementJson(printed)._unsafeUnwrap();
    expect(
      s.lines.map((l) => [
        l.role,
        l.account,
        'percent' in l ? l.percent : null,
        'contractId' in l ? l.contractId : null,
        exactShareText(l),
      ]),
    ).toEqual([
      ['platform', null, null, null, '20.50'],
      ['affiliate', 'leo@example.com', { units: 40n, scale: 0 }, null, '70.60'],
      ['cocreator', 'bia@example.com', { units: 20n, scale: 0 }, 'c1', '21.18'],
      ['main-creator', 'ana@example.com', null, null, '84.72'],
    ]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.lines)).toBe(true);
    for (const line of s.lines) expect(Object.isFrozen(line)).toBe(true);
  });

  it('reports each missing field once, at its own path', () => {
    const fields = ['saleId', 'productId', 'at', 'currency', 'price', 'platformFee', 'net'];
    expect(problems({})).toEqual(
      [...fields, 'base', 'lines'].map((f) => ['invalid_field', f, `"${f}" is required`]),
    );
  });
  it('reports a missing amount once, also when the currency is known', () => {
    const { price: _, ...noPrice } = printed;
    expect(problems(noPrice)).toEqual([['invalid_field', 'price', '"price" is required']]);
  });

  it('refuses ids that are empty or not strings, amounts at their field, lines not in a list', () => {
    expect(
      problems({ ...printed, saleId: '', productId: ['p1'], price: '197.001', lines: {} }),
    ).toEqual([
      ['invalid_field', 'saleId', 'expected a non-empty string'],
      ['invalid_field', 'productId', 'expected a non-empty string'],
      ['amount_precision', 'price', expect.stringContaining('BRL')],
      ['invalid_field', 'lines', 'expected an array'],
    ]);
  });

  it('checks the rules across fields only when every field could be read', () => {
    // The cocreator line cannot be read, so the lines left would not sum to the price: that
    // is not reported on top of the line's own problem.
    expect(
      problems(withLines([platform, affiliate, { ...cocreator, percent: 'x' }, main])),
    ).toEqual([['invalid_percent', 'lines.2.percent', expect.any(String)]]);
  });

  it('reports each missing or malformed field of a line once, at its path', () => {
    const { account: _a, ...noAccount } = cocreator;
    const { percent: _p, ...noPercent } = affiliate;
    const { amount: _m, ...noAmount } = main;
    const { exactShare: _e, ...noExact } = main;
    const { contractId: _c, ...noContract } = cocreator;
    expect(problems(withLines([platform, affiliate, noAccount, main]))).toEqual([
      ['invalid_field', 'lines.2.account', '"account" is required'],
    ]);
    expect(problems(withLines([platform, noPercent, cocreator, main]))).toEqual([
      ['invalid_field', 'lines.1.percent', '"percent" is required'],
    ]);
    expect(problems(withLines([platform, affiliate, cocreator, noAmount]))).toEqual([
      ['invalid_field', 'lines.3.amount', '"amount" is required'],
    ]);
    expect(problems(withLines([platform, affiliate, cocreator, noExact]))).toEqual([
      ['invalid_field', 'lines.3.exactShare', '"exactShare" is required'],
    ]);
    expect(problems(withLines([platform, affiliate, noContract, main]))).toEqual([
      ['invalid_field', 'lines.2.contractId', '"contractId" is required'],
    ]);
    expect(
      problems(
        withLines([
          { ...platform, account: 'x@example.com' },
          { ...affiliate, account: '' },
          { ...cocreator, amount: '21.1x' },
          { ...main, exactShare: '84,72' },
        ]),
      ),
    ).toEqual([
      ['invalid_field', 'lines.0.account', 'the platform line has no account'],
      ['invalid_field', 'lines.1.account', 'an account id must not be empty'],
      ['invalid_amount', 'lines.2.amount', expect.any(String)],
      ['invalid_field', 'lines.3.exactShare', 'expected a decimal string'],
    ]);
  });

  describe('refuses lines that are not one settlement', () => {
    const ORDER = 'lines must be: platform, affiliate (at most one), cocreators, main creator';
    const at = (line: Line, amount: string) => ({ ...line, amount, exactShare: amount });
    const zero = { price: '0.00', platformFee: '0.00', net: '0.00', base: '0.00' };
    it.each([
      ['no lines at all', withLines([], zero)],
      ['an affiliate after a cocreator', withLines([platform, cocreator, affiliate, main])],
      ['no platform line', withLines([at(affiliate, '91.10'), cocreator, main])],
      ['two platform lines', withLines([platform, at(platform, '0.00'), at(main, '176.50')])],
      ['no main-creator line', withLines([platform, at(affiliate, '176.50')])],
      ['two main-creator lines', withLines([platform, at(main, '100.00'), at(main, '76.50')])],
      [
        'two affiliate lines',
        withLines([platform, affiliate, at(affiliate, '0.00'), cocreator, main]),
      ],
    ])('with %s, in the order specification §5 writes them', (_, input) => {
      expect(problems(input)).toEqual([['invalid_field', 'lines', ORDER]]);
    });

    it('with a platform line that is not the fee, or lines that do not sum to the price', () => {
      expect(
        problems(withLines([at(platform, '20.49'), affiliate, cocreator, at(main, '84.73')])),
      ).toEqual([
        ['invalid_field', 'lines.0.amount', 'the platform line must equal the platform fee'],
      ]);
      expect(problems(withLines([platform, affiliate, cocreator, at(main, '84.71')]))).toEqual([
        ['invalid_field', 'lines', 'the lines must sum to the price'],
      ]);
      expect(problems({ ...printed, net: '176.49' })).toEqual([
        ['invalid_field', 'net', 'net must equal price − platformFee'],
      ]);
    });
  });
});

describe('settleToJson on a document with a refused contract', () => {
  // Bia's contract is "accepted" by Caio, so its history is refused (not_authorized).
  const refusedContract = {
    id: 'c1',
    productId: 'p1',
    cocreator: 'bia@example.com',
    events: [
      {
        type: 'invited',
        at: '2026-01-01T00:00:00Z',
        by: 'ana@example.com',
        terms: { percent: '20', mayAlsoSellAsAffiliate: false },
      },
      { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'caio@example.com' },
    ],
  };
  const documentWith = (sale: Record<string, unknown>) => ({
    product: { id: 'p1', mainCreator: 'ana@example.com' },
    contracts: [refusedContract],
    sale: {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '100.00', currency: 'BRL' },
      ...sale,
    },
  });
  const problems = (output: SettleOutputJson) =>
    output.ok ? [] : output.errors.map((e) => [e.code, e.path.join('.')]);
  const HISTORY = ['not_authorized', 'contracts.0.events.1.by'];

  it('still reports the sale rules that do not depend on coverage (specification §7: the whole document)', () => {
    expect(
      problems(
        settleToJson(
          documentWith({
            productId: 'p9',
            platformFee: { amount: '200.00', currency: 'BRL' },
          }),
        ),
      ),
    ).toEqual([
      ['product_mismatch', 'sale.productId'],
      HISTORY,
      ['fee_exceeds_price', 'sale.platformFee.amount'],
    ]);
    expect(
      problems(
        settleToJson(documentWith({ affiliate: { account: 'ANA@example.com', percent: '10' } })),
      ),
    ).toEqual([HISTORY, ['self_affiliation', 'sale.affiliate.account']]);
  });

  it('waits for valid histories before the rules that depend on coverage', () => {
    // Bia selling as affiliate without permission would be affiliate_not_permitted if her
    // contract covered the sale, but coverage means nothing for a refused history.
    expect(
      problems(
        settleToJson(documentWith({ affiliate: { account: 'bia@example.com', percent: '10' } })),
      ),
    ).toEqual([HISTORY]);
  });
});
