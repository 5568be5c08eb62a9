/**
 * the specification v2's stage 1, "reading" (sections 1, 2, 7 and 8): every bound at its edge, the
 * currency table, null entries, integers past 2^53 in policies, the checks across a document
 * that belong to reading (ids used twice, an affiliate with no percent), and the text: a
 * leading byte-order mark, invalid UTF-8.
 */
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors';
import { currencies, currency } from '../src/values/currency';
import {
  parseDocument,
  parseDocumentBytes,
  parseDocumentText,
  readDocumentBytes,
} from '../src/wire/document';
import { settleToJson } from '../src/wire/oracle';
import { minimalDocument, specDocument } from './support/spec-document';

type Doc = ReturnType<typeof specDocument>;

function codesAndPaths(errors: ReadonlyArray<DomainError>) {
  return errors.map((e) => [e.code, e.path]);
}

function refusal(input: unknown) {
  return codesAndPaths(parseDocument(input)._unsafeUnwrapErr());
}

function spec(change: (doc: Doc) => void): Doc {
  const doc = specDocument();
  change(doc);
  return doc;
}

const SALE = ['sale'] as const;

describe('bounds of specification §8', () => {
  it('reads an amount of 1000 characters and refuses 1001 with invalid_amount', () => {
    const price = (amount: string) =>
      minimalDocument({
        sale: {
          id: 's1',
          productId: 'p1',
          at: '2026-03-01T12:00:00Z',
          price: { amount, currency: 'JPY' },
        },
      });
    expect(parseDocument(price('9'.repeat(1000))).isOk()).toBe(true);
    // With its decimals: "1" + "." + 998 places is 1000 characters too (USD has 2, so precision
    // is refused first only past the length).
    expect(refusal(price('1'.repeat(1001)))).toEqual([
      ['invalid_amount', [...SALE, 'price', 'amount']],
    ]);
  });

  it('reads JSON numbers as String(n) prints them, refusing a printed exponent', () => {
    const priced = (amount: number) =>
      minimalDocument({
        sale: {
          id: 's1',
          productId: 'p1',
          at: '2026-03-01T12:00:00Z',
          price: { amount, currency: 'JPY' },
        },
      });
    // 1e20 prints as 100000000000000000000; 1e21 prints as "1e+21".
    expect(parseDocument(priced(1e20))._unsafeUnwrap().sale.price.amount).toBe(10n ** 20n);
    expect(refusal(priced(1e21))).toEqual([['invalid_amount', [...SALE, 'price', 'amount']]]);
    const affiliate = (percent: number) =>
      spec((d) => {
        (d.sale.affiliate as { percent: unknown }).percent = percent;
      });
    // 0.000001 prints as "0.000001"; 1e-7 prints as "1e-7".
    expect(parseDocument(affiliate(0.000001)).isOk()).toBe(true);
    expect(refusal(affiliate(1e-7))).toEqual([
      ['invalid_percent', [...SALE, 'affiliate', 'percent']],
    ]);
  });

  it('reads a percent of 1100 characters and refuses 1101, affiliate percents included', () => {
    // 100 characters of whole part (the value is 1), a point, 999 places: 1100 characters.
    const longest = `${'0'.repeat(99)}1.${'0'.repeat(998)}1`;
    expect(longest).toHaveLength(1100);
    const withPercent = (percent: string) =>
      spec((d) => {
        d.sale.affiliate.percent = percent;
      });
    expect(parseDocument(withPercent(longest)).isOk()).toBe(true);
    expect(refusal(withPercent(`0${longest}`))).toEqual([
      ['invalid_percent', [...SALE, 'affiliate', 'percent']],
    ]);
  });

  it('reads a percent of 1000 decimal places and refuses 1001, affiliate percents included', () => {
    const commission = (percent: string) =>
      spec((d) => {
        d.product.affiliateCommission = percent;
      });
    expect(parseDocument(commission(`40.${'0'.repeat(1000)}`)).isOk()).toBe(true);
    expect(refusal(commission(`40.${'0'.repeat(1001)}`))).toEqual([
      ['invalid_percent', ['product', 'affiliateCommission']],
    ]);
  });

  it('reads ids of 1 to 1000 UTF-16 code units, exactly as written', () => {
    // U+1F600 is two code units: 500 of them are 1000 units, 501 are 1002.
    const id = (value: string) =>
      spec((d) => {
        d.contracts[0] = { ...(d.contracts[0] as Doc['contracts'][number]), id: value };
      });
    expect(parseDocument(id('\u{1F600}'.repeat(500))).isOk()).toBe(true);
    expect(parseDocument(id('x'.repeat(1000))).isOk()).toBe(true);
    for (const bad of ['', 'x'.repeat(1001), '\u{1F600}'.repeat(501)]) {
      expect(refusal(id(bad))).toEqual([['invalid_field', ['contracts', 0, 'id']]]);
    }
  });

  it('keeps ids as written: no trimming and no case folding', () => {
    const doc = spec((d) => {
      d.refunds = [
        { id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '1.00', currency: 'BRL' } },
        { id: 'R1', at: '2026-03-05T00:00:00Z', amount: { amount: '1.00', currency: 'BRL' } },
        { id: ' r1', at: '2026-03-05T00:00:00Z', amount: { amount: '1.00', currency: 'BRL' } },
      ];
    });
    expect(
      parseDocument(doc)
        ._unsafeUnwrap()
        .refunds.map((r) => r.id),
    ).toEqual(['r1', 'R1', ' r1']);
  });

  it('trims accounts with trim() and lower-cases only A-Z, up to 320 code units after trimming', () => {
    const creator = (value: string) =>
      spec((d) => {
        d.product.mainCreator = value;
      });
    // U+00A0 and U+2028 are white space to trim(); É and İ are not ASCII and stay as they are.
    const read = parseDocument(creator('\u00A0\u2028 ÉLODIE.İ@Example.COM\t\n'));
    expect(read._unsafeUnwrap().product.mainCreator).toBe('Élodie.İ@example.com');
    expect(parseDocument(creator(` ${'A'.repeat(320)} `))._unsafeUnwrap().product.mainCreator).toBe(
      'a'.repeat(320),
    );
    for (const bad of ['', ' \t\n\u00A0', 'a'.repeat(321)]) {
      expect(refusal(creator(bad))).toEqual([['invalid_field', ['product', 'mainCreator']]]);
    }
  });

  it('reads instants at the edges of years, offsets and fraction digits', () => {
    const at = (value: string) =>
      spec((d) => {
        d.refunds = [{ id: 'r1', at: value, amount: { amount: '1.00', currency: 'BRL' } }];
      });
    for (const good of [
      '9999-12-31T23:59:59.999999999Z',
      '2026-03-05T00:00:00+23:59',
      '2026-03-05T00:00:00-23:59',
      '2026-03-05T00:00:00.1Z',
      '9999-12-31T23:59:59+00:00',
    ]) {
      expect(parseDocument(at(good)).isOk(), good).toBe(true);
    }
    for (const bad of [
      '2026-03-05T00:00:00+24:00',
      '2026-03-05T00:00:00-24:00',
      '2026-03-05T00:00:00.Z',
      '2026-03-05T00:00:00.1234567890Z',
      '2026-03-05t00:00:00Z',
      '2026-03-05T00:00:00z',
      '0000-12-31T23:59:59Z',
      '0001-01-01T00:00:00+00:01',
      '9999-12-31T23:59:59-00:01',
    ]) {
      expect(refusal(at(bad)), bad).toEqual([['invalid_instant', ['refunds', 0, 'at']]]);
    }
    // Year 0001 as written and in UTC.
    const earliest = parseDocument(
      spec((d) => {
        d.sale.at = '0001-01-01T00:00:00-00:01';
        d.contracts = [];
        d.refunds = [];
      }),
    );
    expect(earliest.isOk()).toBe(true);
  });
});

describe('the currency table of specification §8', () => {
  const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ');
  const THREE = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');
  const FOUR = 'CLF UYW'.split(' ');

  it('has the 165 codes of ISO 4217 list one in force on 2026-01-01 with a minor unit, and BGN', () => {
    expect(currencies()).toHaveLength(166);
    const byExponent = (n: number) =>
      currencies()
        .filter((c) => c.exponent === n)
        .map((c) => c.code);
    expect(byExponent(0)).toEqual(ZERO);
    expect(byExponent(3)).toEqual(THREE);
    expect(byExponent(4)).toEqual(FOUR);
    expect(byExponent(2)).toHaveLength(166 - ZERO.length - THREE.length - FOUR.length);
    expect(currencies().every((c) => [0, 2, 3, 4].includes(c.exponent))).toBe(true);
  });

  it('has the codes introduced up to 2026 with 2 decimals, MGA and MRU included', () => {
    // ZWG (2024), XCG (2025, replacing ANG), XAD (2025), SLE, VED, and BGN kept for refunds.
    for (const code of ['ZWG', 'XCG', 'XAD', 'SLE', 'VED', 'VES', 'BGN', 'MGA', 'MRU', 'EUR']) {
      expect(currency(code)._unsafeUnwrap().exponent, code).toBe(2);
    }
  });

  it('refuses withdrawn codes and codes without a numeric minor unit with unknown_currency', () => {
    const refused = [
      ...['ANG', 'CUC', 'HRK', 'SLL', 'ZWL', 'MRO', 'STD', 'VEF', 'BYR', 'LTL', 'USS', 'ZWD'],
      ...[
        'XAU',
        'XAG',
        'XPT',
        'XPD',
        'XDR',
        'XSU',
        'XUA',
        'XBA',
        'XBB',
        'XBC',
        'XBD',
        'XTS',
        'XXX',
      ],
      ...['brl', 'Brl', 'BRL ', ''],
    ];
    for (const code of refused) {
      expect(currency(code, ['c'])._unsafeUnwrapErr()[0], code).toMatchObject({
        code: 'unknown_currency',
        path: ['c'],
      });
    }
  });
});

describe('null entries and integers of specification §§2 and 8', () => {
  const withPolicy = (policy: unknown) => spec((d) => Object.assign(d, { policy }));

  it('reads a fee.fixed entry whose value is null as absent', () => {
    const doc = parseDocument(
      withPolicy({ extends: 'hotmart', fee: { fixed: { BRL: null, USD: '0.99' } } }),
    );
    expect(doc._unsafeUnwrap().policy.fee?.fixed).toEqual({ USD: 99n });
  });

  it('refuses a fee.fixed key that is no known currency, whatever its value', () => {
    for (const value of [null, '1', true, {}]) {
      expect(refusal(withPolicy({ extends: 'hotmart', fee: { fixed: { ANG: value } } }))).toEqual([
        ['unknown_currency', ['policy', 'fee', 'fixed', 'ANG']],
      ]);
    }
  });

  it('reads maxCocreators up to 2^53 − 1 and refuses 2^53 and 1e21 with invalid_policy', () => {
    const limit = (maxCocreators: unknown) => withPolicy({ extends: 'hotmart', maxCocreators });
    expect(parseDocument(limit(2 ** 53 - 1))._unsafeUnwrap().policy.maxCocreators).toBe(
      2 ** 53 - 1,
    );
    expect(parseDocument(limit(null))._unsafeUnwrap().policy.maxCocreators).toBe(null);
    for (const bad of [2 ** 53, 1e21, 0, -1, 1.5]) {
      expect(refusal(limit(bad)), String(bad)).toEqual([
        ['invalid_policy', ['policy', 'maxCocreators']],
      ]);
    }
    expect(refusal(limit('1'))).toEqual([['invalid_field', ['policy', 'maxCocreators']]]);
  });

  it('reads percentDecimals as an integer from 0 to 6', () => {
    const places = (percentDecimals: unknown) =>
      withPolicy({ extends: 'hotmart', percentDecimals });
    expect(parseDocument(places(0)).isOk()).toBe(true);
    expect(parseDocument(places(6)).isOk()).toBe(true);
    for (const bad of [7, -1, 1.5, 1e21]) {
      expect(refusal(places(bad)), String(bad)).toEqual([
        ['invalid_policy', ['policy', 'percentDecimals']],
      ]);
    }
    for (const wrongType of ['2', true, [2]]) {
      expect(refusal(places(wrongType))).toEqual([
        ['invalid_field', ['policy', 'percentDecimals']],
      ]);
    }
  });

  it('gives a policy field the type or syntax code before invalid_policy', () => {
    expect(refusal(withPolicy({ extends: 'hotmart', minRetainedPercent: true }))).toEqual([
      ['invalid_field', ['policy', 'minRetainedPercent']],
    ]);
    expect(refusal(withPolicy({ extends: 'hotmart', minRetainedPercent: '30 %' }))).toEqual([
      ['invalid_percent', ['policy', 'minRetainedPercent']],
    ]);
    expect(refusal(withPolicy({ extends: 'hotmart', cancellation: 1 }))).toEqual([
      ['invalid_field', ['policy', 'cancellation']],
    ]);
    expect(refusal(withPolicy({ extends: 'hotmart', cancellation: 'Mutual' }))).toEqual([
      ['invalid_policy', ['policy', 'cancellation']],
    ]);
    expect(refusal(withPolicy({ extends: 7 }))).toEqual([['invalid_field', ['policy', 'extends']]]);
    expect(refusal(withPolicy('Hotmart'))).toEqual([['invalid_policy', ['policy']]]);
  });

  it("points the policy's own invariants at the bound the rule is written on", () => {
    // min above max: at min.
    expect(
      refusal(withPolicy({ extends: 'hotmart', cocreatorPercent: { min: '50', max: '40' } })),
    ).toEqual([['invalid_policy', ['policy', 'cocreatorPercent', 'min']]]);
    // Gumroad's max of 50 is above 100 − 60 once minRetainedPercent is 60: at max, though the
    // max comes from the preset.
    expect(refusal(withPolicy({ extends: 'gumroad', minRetainedPercent: '60' }))).toEqual([
      ['invalid_policy', ['policy', 'cocreatorPercent', 'max']],
    ]);
  });
});

describe('the checks across a document that are reading (specification §7, stage 1)', () => {
  it('reports a contract id used twice beside an amount with too many decimals', () => {
    const doc = spec((d) => {
      d.contracts.push(structuredClone(d.contracts[0] as Doc['contracts'][number]));
      d.sale.price.amount = '197.001';
    });
    expect(refusal(doc)).toEqual([
      ['invalid_field', ['contracts', 1, 'id']],
      ['amount_precision', [...SALE, 'price', 'amount']],
    ]);
  });

  it('reports every later use of an id, at its id, and each refund amount that is not above 0', () => {
    const refund = (id: string, amount: string) => ({
      id,
      at: '2026-03-05T00:00:00Z',
      amount: { amount, currency: 'BRL' },
    });
    const doc = spec((d) => {
      d.refunds = [
        refund('r1', '1.00'),
        refund('r1', '0'),
        refund('r2', '1'),
        refund('r1', '0.00'),
      ];
    });
    expect(refusal(doc)).toEqual([
      ['invalid_amount', ['refunds', 1, 'amount', 'amount']],
      ['invalid_amount', ['refunds', 3, 'amount', 'amount']],
      ['invalid_field', ['refunds', 1, 'id']],
      ['invalid_field', ['refunds', 3, 'id']],
    ]);
  });

  it('refuses an affiliate with no percent in the sale nor in the product at the sale affiliate percent', () => {
    const doc = spec((d) => {
      d.product.affiliateCommission = null as unknown as string;
      d.sale.affiliate.percent = null as unknown as string;
    });
    expect(refusal(doc)).toEqual([['invalid_field', [...SALE, 'affiliate', 'percent']]]);
    // Beside another reading problem, and even in a sale of another product (stage 1 always runs).
    const elsewhere = spec((d) => {
      delete (d.product as { affiliateCommission?: string }).affiliateCommission;
      delete (d.sale.affiliate as { percent?: string }).percent;
      d.sale.productId = 'p2';
      d.sale.at = '2026-03-01';
    });
    expect(refusal(elsewhere)).toEqual([
      ['invalid_instant', [...SALE, 'at']],
      ['invalid_field', [...SALE, 'affiliate', 'percent']],
    ]);
  });

  it('does not call a percent that is there but broken missing', () => {
    const doc = spec((d) => {
      d.product.affiliateCommission = 'x';
      delete (d.sale.affiliate as { percent?: string }).percent;
    });
    expect(refusal(doc)).toEqual([['invalid_percent', ['product', 'affiliateCommission']]]);
  });

  it('reports no rule of stage 2 beside a reading problem', () => {
    const doc = spec((d) => {
      d.sale.productId = 'p2'; // product_mismatch, stage 2a
      d.sale.platformFee.currency = 'USD'; // currency_mismatch, stage 2a
      d.refunds[0] = { ...(d.refunds[0] as Doc['refunds'][number]), at: '2020-01-01T00:00:00Z' };
      d.sale.price.amount = '197.001';
    });
    expect(settleToJson(doc)).toMatchObject({
      ok: false,
      errors: [{ code: 'amount_precision', path: [...SALE, 'price', 'amount'] }],
    });
    expect(refusal(doc)).toHaveLength(1);
  });
});

describe('the text of a document (specification §8)', () => {
  const TEXT = JSON.stringify(specDocument());
  const bytes = (...parts: Array<string | number[]>) =>
    new Uint8Array(
      parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
    );
  const BOM = [0xef, 0xbb, 0xbf];

  it('ignores one leading byte-order mark, in text and in bytes', () => {
    const plain = parseDocumentText(TEXT)._unsafeUnwrap();
    expect(parseDocumentText(`\uFEFF${TEXT}`)._unsafeUnwrap()).toEqual(plain);
    expect(parseDocumentBytes(bytes(BOM, TEXT))._unsafeUnwrap()).toEqual(plain);
    expect(parseDocumentBytes(bytes(TEXT))._unsafeUnwrap()).toEqual(plain);
  });

  it('refuses a second byte-order mark, or one after white space, with invalid_json', () => {
    for (const input of [bytes(BOM, BOM, TEXT), bytes(' ', BOM, TEXT), bytes(TEXT, BOM)]) {
      expect(codesAndPaths(parseDocumentBytes(input)._unsafeUnwrapErr())).toEqual([
        ['invalid_json', []],
      ]);
    }
  });

  it('refuses bytes that are not UTF-8 with invalid_json at [], never repairing them', () => {
    const cut = TEXT.indexOf('"ana@example.com"');
    const [open, close] = [TEXT.slice(0, cut), TEXT.slice(cut + '"ana@example.com"'.length)];
    for (const bad of [
      [0xe9], // Latin-1 é
      [0xc3], // a sequence cut short
      [0xc0, 0xaf], // an overlong "/"
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate, encoded
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xff],
    ]) {
      const answer = parseDocumentBytes(bytes(open, '"ana', bad, '@example.com"', close));
      expect(codesAndPaths(answer._unsafeUnwrapErr())).toEqual([['invalid_json', []]]);
      expect(answer._unsafeUnwrapErr()[0]?.message).toBe('the input is not valid UTF-8');
    }
    // The same text with é in UTF-8 reads.
    const utf8 = parseDocumentBytes(bytes(open, '"anaé@example.com"', close));
    expect(utf8._unsafeUnwrap().product.mainCreator).toBe('anaé@example.com');
  });

  it('ignores a byte-order mark only at the start of the input (a later --jsonl line has none)', () => {
    const plain = parseDocumentText(TEXT)._unsafeUnwrap();
    expect(readDocumentBytes(bytes(BOM, TEXT), true)._unsafeUnwrap()).toEqual(plain);
    expect(readDocumentBytes(bytes(TEXT), false)._unsafeUnwrap()).toEqual(plain);
    const later = readDocumentBytes(bytes(BOM, TEXT), false)._unsafeUnwrapErr();
    expect(later).toEqual([
      {
        code: 'invalid_json',
        message: 'a byte-order mark is ignored only at the start of the input',
        path: [],
      },
    ]);
  });

  it('answers a value that is not bytes with invalid_json', () => {
    for (const value of ['{}', null, [123, 125], {}]) {
      expect(parseDocumentBytes(value as unknown as Uint8Array)._unsafeUnwrapErr()[0]?.code).toBe(
        'invalid_json',
      );
    }
  });
});
