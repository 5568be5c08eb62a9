import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../src/contracts/read';
import { isErrorCode } from '../src/errors';
import { POLICIES } from '../src/model/policy';
import { product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { sale } from '../src/model/sale';
import { settleSale } from '../src/settle/stages';
import {
  type ComparableLine,
  contractHistoryJson,
  diffSettlements,
  documentJson,
  malformedDocument,
  productJson,
  saleJson,
  validPolicyJson,
} from '../src/testing';
import { validateDomain } from '../src/validate/domain';
import { parseDocument } from '../src/wire/document';
import type { SettlementJson, SettleOutputJson } from '../src/wire/json';
import { settleText, settleToJson } from '../src/wire/oracle';
import { parseSettlementJson } from '../src/wire/read-output';
import { settleDocument } from '../src/wire/settle-document';
import { minimalDocument } from './support/spec-document';

type Settled = Extract<SettleOutputJson, { ok: true }>;

/** A fixed seed for the distribution checks, so that they are reproducible. */
const SEED = 20_260_301;

function settled(doc: unknown): Settled {
  const output = settleToJson(doc);
  if (!output.ok) throw new Error(`expected a settlement, got ${JSON.stringify(output.errors)}`);
  return output;
}

const SPEC_SETTLEMENT: SettlementJson = {
  saleId: 's1',
  productId: 'p1',
  at: '2026-03-01T12:00:00.000Z',
  currency: 'BRL',
  price: '197.00',
  platformFee: '20.50',
  net: '176.50',
  base: '105.90',
  lines: [
    { role: 'platform', account: null, amount: '20.50', exactShare: '20.50' },
    {
      role: 'affiliate',
      account: 'leo@example.com',
      percent: '40',
      amount: '70.60',
      exactShare: '70.60',
    },
    {
      role: 'cocreator',
      account: 'bia@example.com',
      contractId: 'c1',
      percent: '20',
      amount: '21.18',
      exactShare: '21.18',
    },
    { role: 'main-creator', account: 'ana@example.com', amount: '84.72', exactShare: '84.72' },
  ],
};

describe('documentJson', () => {
  for (const choice of ['any', 'hotmart', 'kiwify', 'gumroad', 'custom'] as const) {
    it(`draws documents that settle (policy: ${choice})`, () => {
      fc.assert(
        fc.property(documentJson({ policy: choice }), (doc) => {
          expect(settleToJson(doc)).toMatchObject({ ok: true });
        }),
        { numRuns: choice === 'any' ? 1000 : 300 },
      );
    });
  }

  it('draws plain JSON data that survives JSON.stringify unchanged', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });

  it('draws frozen values', () => {
    const [doc] = fc.sample(documentJson(), { numRuns: 1, seed: SEED });
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc?.sale)).toBe(true);
  });

  it('keeps within maxContracts and maxRefunds', () => {
    fc.assert(
      fc.property(documentJson({ maxContracts: 1, maxRefunds: 0 }), (doc) => {
        expect(doc.contracts.length).toBeLessThanOrEqual(1);
        expect(doc.refunds ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
    for (const maxContracts of [0, -1]) {
      const drawn = fc.sample(documentJson({ maxContracts }), { numRuns: 200, seed: SEED });
      expect(drawn.every((doc) => doc.contracts.length === 0)).toBe(true);
    }
  });

  it('reaches the cases that matter: cocreator lines, affiliates, refunds, fees, every event', () => {
    const docs = fc.sample(documentJson(), { numRuns: 2000, seed: SEED });
    const outputs = docs.map(settled);
    const count = (p: (o: Settled, i: number) => boolean) => outputs.filter(p).length;
    const roles = (o: Settled) => o.settlement.lines.map((l) => l.role);
    expect(count((o) => roles(o).includes('cocreator'))).toBeGreaterThan(200);
    expect(count((o) => roles(o).filter((r) => r === 'cocreator').length >= 2)).toBeGreaterThan(20);
    expect(count((o) => roles(o).includes('affiliate'))).toBeGreaterThan(400);
    expect(count((o) => o.refunds.length >= 2)).toBeGreaterThan(200);
    expect(count((o) => /[1-9]/.test(o.settlement.platformFee))).toBeGreaterThan(400);
    expect(count((o) => o.settlement.price === o.refunds.at(-1)?.amount)).toBeGreaterThan(10);
    const types = new Set(
      docs.flatMap((d) => d.contracts.flatMap((c) => c.events.map((e) => e.type))),
    );
    expect([...types].sort()).toEqual(
      [
        'accepted',
        'amended',
        'amendment-approved',
        'amendment-declined',
        'amendment-proposed',
        'amendment-withdrawn',
        'cancellation-approved',
        'cancellation-rejected',
        'cancellation-requested',
        'cancellation-withdrawn',
        'cancelled',
        'declined',
        'invited',
        'withdrawn',
      ].sort(),
    );
    const currencies = new Set(outputs.map((o) => o.settlement.currency));
    expect([...currencies].sort()).toEqual(['BRL', 'CLF', 'CLP', 'EUR', 'JPY', 'KWD', 'USD']);
  });
});

describe('validPolicyJson', () => {
  it('draws policies that specification §2 accepts', () => {
    fc.assert(
      fc.property(validPolicyJson(), (json) => {
        expect(policy(json).isOk()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('draws preset names, extends with overrides, and policies in full', () => {
    const drawn = fc.sample(validPolicyJson(), { numRuns: 500, seed: SEED });
    expect(drawn.some((p) => typeof p === 'string')).toBe(true);
    expect(drawn.some((p) => typeof p === 'object' && typeof p.extends === 'string')).toBe(true);
    expect(drawn.some((p) => typeof p === 'object' && p.extends === undefined)).toBe(true);
    expect(drawn.some((p) => typeof p === 'object' && p.fee !== undefined)).toBe(true);
    expect(
      drawn.some(
        (p) =>
          typeof p === 'object' &&
          p.cocreatorPercent !== undefined &&
          Object.keys(p.cocreatorPercent).length === 1,
      ),
    ).toBe(true);
  });
});

describe('productJson', () => {
  it('draws products that check', () => {
    fc.assert(
      fc.property(productJson(), (json) => {
        expect(product(json).isOk()).toBe(true);
      }),
    );
  });
});

describe('contractHistoryJson', () => {
  for (const name of ['hotmart', 'kiwify', 'gumroad'] as const) {
    it(`draws histories that replay without error under ${name}`, () => {
      const owner = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
      fc.assert(
        fc.property(contractHistoryJson({ policy: name }), (json) => {
          const checked = contract(json, ['contracts', 0])._unsafeUnwrap();
          const domain = validateDomain({
            policy: POLICIES[name],
            product: owner,
            contracts: [checked],
          });
          expect(domain.isOk()).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('uses the parties it is given', () => {
    const arbitrary = contractHistoryJson({
      id: 'k9',
      productId: 'p9',
      mainCreator: 'zé@example.com',
      cocreator: 'lu@example.com',
    });
    for (const json of fc.sample(arbitrary, { numRuns: 50, seed: SEED })) {
      expect([json.id, json.productId, json.cocreator.trim().toLowerCase()]).toEqual([
        'k9',
        'p9',
        'lu@example.com',
      ]);
      expect(json.events[0]?.by.trim().toLowerCase()).toBe('zé@example.com');
    }
  });
});

describe('saleJson', () => {
  it('draws sales that settle for a product without contracts', () => {
    const owner = product({ id: 'p1', mainCreator: 'ana@example.com' })._unsafeUnwrap();
    fc.assert(
      fc.property(saleJson(), (json) => {
        const checked = sale(json)._unsafeUnwrap();
        expect(settleSale(POLICIES.hotmart, owner, [], checked).isOk()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('malformedDocument', () => {
  const inside = (path: ReadonlyArray<string | number>, at: ReadonlyArray<string | number>) =>
    path.every((step, i) => at[i] === step);

  it('draws documents the parser refuses, with an error at or inside the corrupted path', () => {
    fc.assert(
      fc.property(malformedDocument(), ({ document, path }) => {
        const errors = parseDocument(document)._unsafeUnwrapErr();
        expect(errors.some((e) => inside(path, e.path))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the corruption when written out as text', () => {
    fc.assert(
      fc.property(malformedDocument(), ({ document, path }) => {
        const answer = JSON.parse(settleText(JSON.stringify(document)));
        expect(answer.ok).toBe(false);
        expect(answer.errors.every((e: { code: unknown }) => isErrorCode(e.code))).toBe(true);
        expect(answer.errors.some((e: { path: string[] }) => inside(path, e.path))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('removes only required fields, and reaches every required field of specification §8', () => {
    // Written from specification §8 (numbers in paths as #); the policy's own fields are
    // required only when it extends no preset.
    const required = [
      'product',
      'contracts',
      'sale',
      'product.id',
      'product.mainCreator',
      'sale.id',
      'sale.productId',
      'sale.at',
      'sale.price',
      'sale.price.amount',
      'sale.price.currency',
      'sale.platformFee.amount',
      'sale.platformFee.currency',
      'sale.affiliate.account',
      'policy.minRetainedPercent',
      'policy.cocreatorPercent',
      'policy.percentDecimals',
      'policy.maxCocreators',
      'policy.affiliatesOnCocreatedProducts',
      'policy.cancellation',
      'policy.amendments',
      'policy.cocreatorPercent.min',
      'policy.cocreatorPercent.max',
      'contracts.#.id',
      'contracts.#.productId',
      'contracts.#.cocreator',
      'contracts.#.events',
      'contracts.#.events.#.type',
      'contracts.#.events.#.at',
      'contracts.#.events.#.by',
      'contracts.#.events.#.terms',
      'contracts.#.events.#.terms.percent',
      'refunds.#.id',
      'refunds.#.at',
      'refunds.#.amount',
      'refunds.#.amount.amount',
      'refunds.#.amount.currency',
    ];
    const missing = fc
      .sample(malformedDocument(), { numRuns: 4000, seed: SEED })
      .filter((m) => m.corruption === 'missing');
    const removed = new Set(
      missing.map((m) => m.path.map((step) => (typeof step === 'number' ? '#' : step)).join('.')),
    );
    expect([...removed].sort()).toEqual([...required].sort());
    // Policies written in full, with fee schedules, have more objects to remove keys from.
    const custom = fc
      .sample(malformedDocument({ policy: 'custom' }), { numRuns: 4000, seed: SEED })
      .filter((m) => m.corruption === 'missing')
      .map((m) => m.path.map((step) => (typeof step === 'number' ? '#' : step)).join('.'));
    expect(custom.filter((family) => !required.includes(family))).toEqual([]);
    // Each removal is reported as that field missing, at its path.
    for (const { document, path } of missing) {
      const errors = parseDocument(document)._unsafeUnwrapErr();
      const key = path.at(-1);
      expect(errors).toContainEqual(
        expect.objectContaining({ code: 'invalid_field', message: `"${key}" is required`, path }),
      );
    }
  });

  it('draws every kind of corruption, reserved keys included', () => {
    const drawn = fc.sample(malformedDocument(), { numRuns: 400, seed: SEED });
    expect(new Set(drawn.map((m) => m.corruption))).toEqual(
      new Set(['missing', 'wrong-type', 'unknown-key', 'reserved-key']),
    );
    expect(drawn.some((m) => m.path.at(-1) === '__proto__')).toBe(true);
  });
});

describe('diffSettlements', () => {
  it('finds nothing between a settlement and itself', () => {
    expect(diffSettlements(SPEC_SETTLEMENT, SPEC_SETTLEMENT)).toEqual([]);
  });

  it('names the line, party and field that are off, with both values as written', () => {
    const actual = {
      ...SPEC_SETTLEMENT,
      lines: SPEC_SETTLEMENT.lines.map((l) =>
        l.role === 'cocreator'
          ? { ...l, amount: '21.19' }
          : l.role === 'main-creator'
            ? { ...l, amount: '84.71' }
            : l,
      ),
    };
    expect(diffSettlements(SPEC_SETTLEMENT, actual)).toEqual([
      {
        index: 2,
        role: 'cocreator',
        account: 'bia@example.com',
        field: 'amount',
        expected: '21.18',
        actual: '21.19',
      },
      {
        index: 3,
        role: 'main-creator',
        account: 'ana@example.com',
        field: 'amount',
        expected: '84.72',
        actual: '84.71',
      },
    ]);
  });

  it('compares amounts and percents by value, accounts canonically, lines in any order', () => {
    const platformLines = {
      lines: [
        { role: 'main-creator', account: ' ANA@example.com', amount: 84.72 },
        {
          role: 'cocreator',
          account: 'bia@example.com',
          contractId: 'c1',
          percent: '20.00',
          amount: '21.180',
        },
        { role: 'platform', account: null, amount: '20.5' },
        { role: 'affiliate', account: 'Leo@Example.com', percent: 40, amount: '70.6' },
      ],
    };
    expect(diffSettlements(SPEC_SETTLEMENT, platformLines)).toEqual([]);
  });

  it('reports a missing line and an extra line with null on the side that lacks it', () => {
    const lines = SPEC_SETTLEMENT.lines.filter((l) => l.role !== 'affiliate');
    const extra = {
      role: 'cocreator',
      account: 'caio@example.com',
      contractId: 'c2',
      percent: '1',
      amount: '0.00',
    };
    expect(diffSettlements(SPEC_SETTLEMENT, { lines: [...lines, extra] })).toEqual([
      {
        index: 1,
        role: 'affiliate',
        account: 'leo@example.com',
        field: 'line',
        expected: '70.60',
        actual: null,
      },
      {
        index: 3,
        role: 'cocreator',
        account: 'caio@example.com',
        field: 'line',
        expected: null,
        actual: '0.00',
      },
    ]);
  });

  it('reports extra lines in the order they come, and a non-decimal amount as written', () => {
    const extra = (account: string, contractId: string) => ({
      role: 'cocreator',
      account,
      contractId,
      percent: '1',
      amount: '0.00',
    });
    const lines = [
      ...SPEC_SETTLEMENT.lines,
      extra('eva@example.com', 'c3'),
      extra('caio@example.com', 'c2'),
    ];
    const differences = diffSettlements(SPEC_SETTLEMENT, { lines });
    expect(differences.map((d) => [d.index, d.account, d.field, d.expected, d.actual])).toEqual([
      [4, 'eva@example.com', 'line', null, '0.00'],
      [5, 'caio@example.com', 'line', null, '0.00'],
    ]);
    const garbled = SPEC_SETTLEMENT.lines.map((l) =>
      l.role === 'platform' ? { ...l, amount: 'n/a' } : l,
    );
    expect(diffSettlements(SPEC_SETTLEMENT, { lines: garbled })).toEqual([
      {
        index: 0,
        role: 'platform',
        account: null,
        field: 'amount',
        expected: '20.50',
        actual: 'n/a',
      },
    ]);
  });

  it('reports settlement fields only when both sides have them', () => {
    expect(diffSettlements(SPEC_SETTLEMENT, { ...SPEC_SETTLEMENT, base: '105.91' })).toEqual([
      {
        index: null,
        role: null,
        account: null,
        field: 'base',
        expected: '105.90',
        actual: '105.91',
      },
    ]);
    expect(
      diffSettlements(SPEC_SETTLEMENT, { ...SPEC_SETTLEMENT, at: '2026-03-01T09:00:00-03:00' }),
    ).toEqual([]);
  });

  it('shows an instant that differs as ISO text when given in epoch milliseconds, as written otherwise', () => {
    const at = (value: string | number) =>
      diffSettlements(SPEC_SETTLEMENT, { ...SPEC_SETTLEMENT, at: value }).map((d) => [
        d.field,
        d.expected,
        d.actual,
      ]);
    expect(at(Date.UTC(2026, 2, 1, 12, 0, 0, 1))).toEqual([
      ['at', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.001Z'],
    ]);
    expect(at(Date.UTC(2026, 2, 1, 12))).toEqual([]);
    expect(at('2026-03-01T12:00:01+00:00')).toEqual([
      ['at', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:01+00:00'],
    ]);
    // A Date holds ±8.64e15 ms: at the edge as ISO text, one past it as the number it is.
    expect(at(-8.64e15)).toEqual([
      ['at', '2026-03-01T12:00:00.000Z', '-271821-04-20T00:00:00.000Z'],
    ]);
    expect(at(-8640000000000001)).toEqual([
      ['at', '2026-03-01T12:00:00.000Z', '-8640000000000001'],
    ]);
    expect(at(Number.NaN)).toEqual([['at', '2026-03-01T12:00:00.000Z', 'NaN']]);
  });

  it('writes minor units in the currency decimals, zero decimals and negative amounts included', () => {
    const direct = (amount: string, currency: string) => {
      const doc = minimalDocument();
      const sale = { ...(doc.sale as Record<string, unknown>), price: { amount, currency } };
      return settleDocument(parseDocument({ ...doc, sale })._unsafeUnwrap())._unsafeUnwrap()
        .settlement;
    };
    const yen = direct('1000', 'JPY');
    const moved = yen.lines.map((l) => (l.role === 'main-creator' ? { ...l, amount: 1001n } : l));
    expect(diffSettlements(yen, { ...yen, lines: moved })).toEqual([
      {
        index: 1,
        role: 'main-creator',
        account: 'ana@example.com',
        field: 'amount',
        expected: '1000',
        actual: '1001',
      },
    ]);
    // A negative amount (only a forged settlement has one) is compared and shown with its sign.
    const reais = direct('10.00', 'BRL');
    const negative = { ...reais, lines: reais.lines.map((l) => ({ ...l, amount: -5n })) };
    expect(
      diffSettlements(negative, { ...negative, lines: reais.lines }).map((d) => d.expected),
    ).toEqual(['-0.05', '-0.05']);
  });

  it('reports a percent or contract that differs, and an exact share when both sides have one', () => {
    const lines = SPEC_SETTLEMENT.lines.map((l) =>
      l.role === 'cocreator' ? { ...l, contractId: 'c9', percent: '25', exactShare: '21.2' } : l,
    );
    expect(
      diffSettlements(SPEC_SETTLEMENT, { lines }).map((d) => [d.field, d.expected, d.actual]),
    ).toEqual([
      ['contractId', 'c1', 'c9'],
      ['percent', '20', '25'],
      ['exactShare', '21.18', '21.2'],
    ]);
  });

  it('accepts a whole settle output and Settlement values on either side', () => {
    const doc = fc.sample(documentJson(), { numRuns: 50, seed: SEED });
    for (const input of doc) {
      const output = settled(input);
      const values = settleDocument(parseDocument(input)._unsafeUnwrap())._unsafeUnwrap();
      const reread = parseSettlementJson(output.settlement)._unsafeUnwrap();
      expect(diffSettlements(output, values.settlement)).toEqual([]);
      expect(diffSettlements(values.settlement, reread)).toEqual([]);
    }
  });

  it('finds exactly the line moved by one minor unit', () => {
    fc.assert(
      fc.property(documentJson(), fc.nat(), (doc, pick) => {
        const { settlement } = settled(doc);
        const values = parseSettlementJson(settlement)._unsafeUnwrap();
        const index = pick % values.lines.length;
        const lines = values.lines.map((l, i) =>
          i === index ? { ...l, amount: l.amount + 1n } : l,
        );
        const differences = diffSettlements(settlement, { ...values, lines });
        expect(differences).toHaveLength(1);
        expect(differences[0]).toMatchObject({ index, field: 'amount' });
      }),
      { numRuns: 200 },
    );
  });

  it('reports extra lines by position, also when one party has several', () => {
    const extra = (account: string, amount: string) => ({ role: 'cocreator', account, amount });
    const lines = [
      ...SPEC_SETTLEMENT.lines,
      extra('bia@example.com', '1.00'),
      extra('caio@example.com', '2.00'),
      extra('bia@example.com', '3.00'),
    ];
    const differences = diffSettlements(SPEC_SETTLEMENT, { lines });
    expect(differences.map((d) => [d.index, d.account, d.actual])).toEqual([
      [4, 'bia@example.com', '1.00'],
      [5, 'caio@example.com', '2.00'],
      [6, 'bia@example.com', '3.00'],
    ]);
  });

  it('matches lines by role and account together, in any order', () => {
    const a = { role: 'cocreator', account: 'bia@example.com', amount: '1.00' };
    const b = { role: 'cocreator', account: 'caio@example.com', amount: '2.00' };
    const c = { role: 'affiliate', account: 'bia@example.com', amount: '3.00' };
    expect(diffSettlements({ lines: [a, b, c] }, { lines: [c, b, a] })).toEqual([]);
    expect(diffSettlements({ lines: [a] }, { lines: [c] }).map((d) => [d.role, d.field])).toEqual([
      ['cocreator', 'line'],
      ['affiliate', 'line'],
    ]);
  });

  it('compares settlement fields and exact shares only when both sides have them', () => {
    // A platform's own record without the settlement's fields or exact shares agrees.
    const bare = SPEC_SETTLEMENT.lines.map(({ exactShare: _, ...line }) => line);
    expect(diffSettlements(SPEC_SETTLEMENT, { lines: bare })).toEqual([]);
    expect(diffSettlements({ lines: bare }, SPEC_SETTLEMENT)).toEqual([]);
  });

  it('reads bigint amounts in the decimals of a currency given by code or as a value', () => {
    const line = (amount: string | bigint) => ({ role: 'platform', account: null, amount });
    for (const currency of ['BRL', { code: 'BRL', exponent: 2 }]) {
      expect(
        diffSettlements({ lines: [line('21.50')] }, { currency, lines: [line(2150n)] }),
      ).toEqual([]);
    }
    // A currency value without an exponent is read by its code; a code the library does not
    // know (whatever the other side names) reads bigints as whole minor units.
    expect(
      diffSettlements(
        { lines: [line('21.50')] },
        { currency: { code: 'BRL' } as never, lines: [line(2150n)] },
      ),
    ).toEqual([]);
    for (const unknown of ['XXX', 'brl', { code: 'ZZZ' }]) {
      expect(
        diffSettlements(
          { currency: 'BRL', lines: [line('2150')] },
          { currency: unknown as never, lines: [line(2150n)] },
        ).map((d) => d.field),
      ).toEqual(['currency']);
    }
    // A zero amount is shown without a sign.
    expect(
      diffSettlements({ currency: 'BRL', lines: [line(0n)] }, { lines: [line('0.01')] }).map(
        (d) => d.expected,
      ),
    ).toEqual(['0.00']);
  });

  it('compares currencies by code, whether given as a code or as a value', () => {
    const lines: ComparableLine[] = [];
    const brl = { code: 'BRL', exponent: 2 };
    expect(diffSettlements({ currency: brl, lines }, { currency: 'BRL', lines })).toEqual([]);
    expect(
      diffSettlements({ currency: brl, lines }, { currency: { code: 'USD', exponent: 2 }, lines }),
    ).toEqual([
      { index: null, role: null, account: null, field: 'currency', expected: 'BRL', actual: 'USD' },
    ]);
  });

  it('compares zero and minus zero as equal, and an empty amount as different from zero', () => {
    const line = (amount: string) => ({ role: 'platform', account: null, amount });
    expect(diffSettlements({ lines: [line('0.00')] }, { lines: [line('-0.0')] })).toEqual([]);
    expect(diffSettlements({ lines: [line('-0')] }, { lines: [line('0')] })).toEqual([]);
    expect(
      diffSettlements({ lines: [line('0')] }, { lines: [line('')] }).map((d) => d.actual),
    ).toEqual(['']);
  });

  it('reads a percent value only when it has bigint units and a number scale', () => {
    const line = (percent: unknown) => ({
      role: 'cocreator',
      account: 'bia@example.com',
      amount: '1',
      percent: percent as string,
    });
    expect(
      diffSettlements({ lines: [line({ units: 205n, scale: 1 })] }, { lines: [line('20.50')] }),
    ).toEqual([]);
    // Forged values are not percents: shown as absent (null) against the other side's.
    for (const forged of [
      { units: 205, scale: 1 },
      { units: 205n, scale: '1' },
    ]) {
      expect(
        diffSettlements({ lines: [line(forged)] }, { lines: [line('20.5')] }).map((d) => [
          d.field,
          d.expected,
          d.actual,
        ]),
      ).toEqual([['percent', null, '20.5']]);
    }
  });

  it('reads anything that is not a settlement as one without lines', () => {
    expect(diffSettlements({} as never, {} as never)).toEqual([]);
    expect(diffSettlements({ lines: 'none' } as never, null as never)).toEqual([]);
    expect(diffSettlements(SPEC_SETTLEMENT, { lines: {} } as never).map((d) => d.field)).toEqual([
      'line',
      'line',
      'line',
      'line',
    ]);
  });

  it('reads the bigint amounts of a side without a currency in the decimals of the other', () => {
    // A platform that records only its lines, in integer minor units, against the oracle.
    const mine = {
      lines: SPEC_SETTLEMENT.lines.map(({ role, account, contractId, percent, amount }) => ({
        role,
        account,
        ...(contractId === undefined ? {} : { contractId }),
        ...(percent === undefined ? {} : { percent }),
        amount: BigInt(amount.replace('.', '')),
      })),
    };
    expect(diffSettlements(SPEC_SETTLEMENT, mine)).toEqual([]);
    expect(diffSettlements(mine, SPEC_SETTLEMENT)).toEqual([]);
    // 21.18 BRL is 2118 centavos: one centavo off is one difference, in BRL's decimals.
    const off = {
      lines: mine.lines.map((l) => (l.role === 'cocreator' ? { ...l, amount: 2119n } : l)),
    };
    expect(
      diffSettlements(SPEC_SETTLEMENT, off).map((d) => [d.field, d.expected, d.actual]),
    ).toEqual([['amount', '21.18', '21.19']]);
  });

  it('agrees with any settlement on its lines in bigint minor units and no currency', () => {
    fc.assert(
      fc.property(documentJson({ policy: 'any' }), (doc) => {
        const output = settled(doc);
        const values = parseDocument(doc).andThen((d) => settleDocument(d));
        if (values.isErr()) throw new Error(values.error[0].message);
        const lines = values.value.settlement.lines.map((line) => ({
          role: line.role,
          account: line.account,
          amount: line.amount,
          ...('contractId' in line ? { contractId: line.contractId } : {}),
          ...('percent' in line ? { percent: line.percent } : {}),
        }));
        expect(diffSettlements(output, { lines })).toEqual([]);
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('reads a currency exponent or percent scale that no value can have as none, never printing it', () => {
    const line = (amount: unknown, percent?: unknown) => ({
      role: 'cocreator',
      account: 'bia@example.com',
      amount: amount as string,
      ...(percent === undefined ? {} : { percent: percent as string }),
    });
    for (const exponent of [1e9, -1, 1.5, Number.NaN]) {
      // An exponent no currency has is not read: the code says the decimals (BRL's two), and
      // an unknown code none, so 2150n is 21.50 or 2150 whatever the exponent claims.
      const mine = { currency: { code: 'BRL', exponent }, lines: [line(2150n)] };
      expect(diffSettlements({ lines: [line('21.50')] }, mine)).toEqual([]);
      const unknown = { currency: { code: 'ZZZ', exponent }, lines: [line(2150n)] };
      expect(diffSettlements({ lines: [line('2150')] }, unknown)).toEqual([]);
    }
    for (const scale of [1e9, -2, 0.5]) {
      const forged = { lines: [line('1', { units: 5n, scale })] };
      expect(
        diffSettlements(forged, { lines: [line('1', '5')] }).map((d) => [d.field, d.expected]),
      ).toEqual([['percent', null]]);
    }
  });

  it('never throws on values whose reading throws, or that cannot be made text', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const line = { role: 'platform', account: null, amount: '1.00' };
    const hostile: unknown[] = [
      throwing,
      revocable.proxy,
      { lines: throwing },
      {
        lines: new Proxy([line], {
          get: () => {
            throw new Error('boom');
          },
        }),
      },
      { settlement: throwing },
      { currency: throwing, lines: [line] },
      { lines: [throwing] },
      { lines: [{ role: Object.create(null), account: null, amount: '1.00' }] },
      {
        lines: [
          {
            ...line,
            get amount(): string {
              throw new Error('boom');
            },
          },
        ],
      },
      { lines: [{ ...line, percent: throwing }] },
    ];
    for (const value of hostile) {
      for (const [a, b] of [
        [value, { lines: [line] }],
        [{ lines: [line] }, value],
      ]) {
        expect(() => diffSettlements(a as never, b as never)).not.toThrow();
      }
    }
    // A side that cannot be read has no lines; a line that cannot be read is no line.
    expect(
      diffSettlements(throwing as never, { lines: [line] }).map((d) => [d.field, d.actual]),
    ).toEqual([['line', '1.00']]);
    expect(
      diffSettlements({ lines: [throwing] } as never, { lines: [] }).map((d) => [d.role, d.field]),
    ).toEqual([['undefined', 'line']]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        // biome-ignore lint/suspicious/noExplicitAny: the point is to pass what the types forbid
        const differences = diffSettlements(a as any, b as any);
        expect(Array.isArray(differences)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
