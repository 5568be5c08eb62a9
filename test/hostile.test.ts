/**
 * Hostile input (issue 8): prototype keys, huge strings and arrays, deep nesting, lone
 * surrogates, NaN/Infinity/-0, amounts of 10^30 and instants past the year 9999. Each is
 * answered with a clear error (or the correct result) within a bounded time, every input is
 * deep-frozen so that any mutation would throw, and no prototype is polluted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkContract, contract } from '../src/contracts/read';
import { product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { sale } from '../src/model/sale';
import { validateDomain } from '../src/validate/domain';
import { accountId } from '../src/values/account';
import { currency } from '../src/values/currency';
import { instant, parseInstant } from '../src/values/instant';
import { money, parseAmount } from '../src/values/money';
import { parsePercent } from '../src/values/percent';
import { parseDocument, parseDocumentText } from '../src/wire/document';
import { settleText, settleToJson } from '../src/wire/oracle';
import { deepFreeze, expectDeepFrozen } from './fuzz/support';
import { specDocument } from './support/spec-document';

/**
 * Runs `work` and returns its answer. The bound on its time is the test's timeout (60 s,
 * vitest.config.ts), not an assertion: the inputs here are sized so that anything worse than
 * linear in them takes hours, and a benchmark, not a test, says how fast the linear road is.
 */
function bounded<T>(work: () => T): T {
  return work();
}

/** The codes and paths of a refused `settleToJson` answer. */
function refusal(input: unknown): Array<[string, ReadonlyArray<string | number>]> {
  const answer = settleToJson(deepFreeze(input));
  expect(answer.ok).toBe(false);
  return answer.ok ? [] : answer.errors.map((e) => [e.code, e.path]);
}

function withAt(
  doc: Record<string, unknown>,
  path: ReadonlyArray<string | number>,
  value: unknown,
) {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  const node = doc as Record<string | number, unknown>;
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  copy[step] = withAt(node[step] as Record<string, unknown>, rest, value);
  return copy;
}

const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

afterAll(() => {
  // Nothing any test below fed the library has reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
});

describe('hostile input', () => {
  describe('__proto__, constructor and prototype keys', () => {
    const places: ReadonlyArray<ReadonlyArray<string | number>> = [
      [],
      ['product'],
      ['sale'],
      ['sale', 'price'],
      ['sale', 'affiliate'],
      ['contracts', 0],
      ['contracts', 0, 'events', 0],
      ['contracts', 0, 'events', 0, 'terms'],
      ['refunds', 0],
      ['refunds', 0, 'amount'],
    ];

    it('refuses each one, in the JSON text, with invalid_field at its path, and pollutes nothing', () => {
      for (const place of places) {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          const inner = place.reduce<unknown>(
            (node, step) => (node as Record<string | number, unknown>)[step],
            specDocument(),
          ) as Record<string, unknown>;
          // The key is written into the text so that JSON.parse makes it an own property.
          const objectText = JSON.stringify(inner).replace(
            /^\{/,
            `{"${key}":{"polluted":true,"isAdmin":true},`,
          );
          const text = JSON.stringify(withAt(specDocument(), place, '@@HERE@@')).replace(
            '"@@HERE@@"',
            objectText,
          );
          const answer = JSON.parse(settleText(text));
          expect(answer.ok, `${key} at ${place.join('.')}`).toBe(false);
          expect(answer.errors).toContainEqual(
            expect.objectContaining({ code: 'invalid_field', path: [...place, key] }),
          );
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        }
      }
    });

    it('refuses them as keys of the policy and of its fee table', () => {
      const bad = JSON.parse(
        '{"extends":"hotmart","__proto__":{"polluted":1},"fee":{"fixed":{"__proto__":"1","BRL":"1"}}}',
      );
      const errors = policy(deepFreeze(bad), ['policy'])._unsafeUnwrapErr();
      expect(errors.map((e) => [e.code, e.path])).toEqual([
        ['invalid_field', ['policy', '__proto__']],
        ['invalid_field', ['policy', 'fee', 'fixed', '__proto__']],
      ]);
    });

    it('refuses an object whose prototype is not Object.prototype', () => {
      const forged = Object.create({ id: 'p1', mainCreator: 'ana@example.com' });
      expect(
        product(forged)
          ._unsafeUnwrapErr()
          .map((e) => e.code),
      ).toEqual(['invalid_field']);
    });
  });

  describe('10 MB strings', () => {
    const huge = 'a'.repeat(10 * 1024 * 1024);
    const hugeDigits = '1'.repeat(10 * 1024 * 1024);

    it('refuses a 10 MB account id, id, currency, instant and percent quickly', () => {
      bounded(() => {
        expect(accountId(huge)._unsafeUnwrapErr()[0].code).toBe('invalid_field');
        expect(currency(huge)._unsafeUnwrapErr()[0].code).toBe('unknown_currency');
        expect(parseInstant(huge)._unsafeUnwrapErr()[0].code).toBe('invalid_instant');
        expect(product({ id: huge, mainCreator: 'ana@example.com' }).isErr()).toBe(true);
      });
    });

    it('refuses a 10 MB amount of digits with invalid_amount at once, and its document too', () => {
      const brl = currency('BRL')._unsafeUnwrap();
      // Digits only: a decimal, but exact arithmetic on it would take minutes (money.ts).
      bounded(() => {
        expect(parseAmount(hugeDigits, brl)._unsafeUnwrapErr().code).toBe('invalid_amount');
        expect(parsePercent(`1.${hugeDigits}`)._unsafeUnwrapErr()[0].code).toBe('invalid_percent');
      });
      const doc = withAt(specDocument(), ['sale', 'price', 'amount'], hugeDigits);
      expect(bounded(() => refusal(doc))).toEqual([
        ['invalid_amount', ['sale', 'price', 'amount']],
      ]);
    });

    it('answers 10 MB of text that is not JSON with invalid_json at the root', () => {
      const answer = bounded(() => JSON.parse(settleText(`{${huge}`)));
      expect(answer.errors.map((e: { code: string }) => e.code)).toEqual(['invalid_json']);
    });

    it('refuses a 10 MB string in every string field of the document', () => {
      for (const place of [
        ['product', 'id'],
        ['product', 'mainCreator'],
        ['sale', 'id'],
        ['sale', 'at'],
        ['sale', 'price', 'amount'],
        ['sale', 'price', 'currency'],
        ['contracts', 0, 'cocreator'],
        ['contracts', 0, 'events', 0, 'terms', 'percent'],
      ]) {
        const errors = bounded(() => refusal(withAt(specDocument(), place, huge)));
        expect(errors.map(([, path]) => path)).toContainEqual(place);
      }
    });
  });

  describe('arrays of a million elements', () => {
    it('answers a million contracts that are not contracts in bounded time', () => {
      const contracts = new Array<number>(1_000_000).fill(7);
      const errors = bounded(() => refusal({ ...specDocument(), contracts }));
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toEqual(['invalid_field', ['contracts', 0]]);
    });

    it('answers a million refunds that are not refunds, and 100,000 valid ones, in bounded time', () => {
      const junk = new Array<string>(1_000_000).fill('r');
      const junkErrors = bounded(() => refusal({ ...specDocument(), refunds: junk }));
      expect(junkErrors[0]).toEqual(['invalid_field', ['refunds', 0]]);
      const one = {
        id: 'r',
        at: '2026-03-05T00:00:00Z',
        amount: { amount: '0.01', currency: 'BRL' },
      };
      const refunds = Array.from({ length: 100_000 }, (_, i) => ({ ...one, id: `r${i}` }));
      const errors = bounded(() => refusal({ ...specDocument(), refunds }));
      // 19,700 refunds of 0.01 pay the price back; the next one passes it.
      expect(errors).toContainEqual([
        'refund_exceeds_price',
        ['refunds', 19_700, 'amount', 'amount'],
      ]);
    });
  });

  describe('deep nesting', () => {
    it('answers JSON text nested a million levels deep with invalid_json or invalid_field', () => {
      const depth = 1_000_000;
      const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const answer = bounded(() => parseDocumentText(text));
      expect(['invalid_json', 'invalid_field']).toContain(answer._unsafeUnwrapErr()[0]?.code);
    });

    it('refuses a deeply nested value in any field without following it forever', () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 100_000; i++) deep = { deep };
      const errors = bounded(() => refusal(withAt(specDocument(), ['product', 'id'], deep)));
      expect(errors).toEqual([['invalid_field', ['product', 'id']]]);
      const extra = {
        ...specDocument(),
        contracts: [{ ...(specDocument().contracts as object[])[0], deep }],
      };
      expect(bounded(() => refusal(extra))).toEqual([['invalid_field', ['contracts', 0, 'deep']]]);
    });
  });

  describe('lone surrogates', () => {
    it('carries a lone surrogate in an id through to output that is still valid JSON', () => {
      const doc = withAt(specDocument(), ['sale', 'id'], 's\uD800');
      const text = settleText(JSON.stringify(doc));
      // Escaped as \ud800 (well-formed JSON.stringify): no raw surrogate in the output text.
      expect(/[\uD800-\uDFFF]/.test(text)).toBe(false);
      const answer = JSON.parse(text);
      expect(answer.ok).toBe(true);
      expect(answer.settlement.saleId).toBe('s\uD800');
    });

    it('refuses a lone surrogate where only digits or a code belong', () => {
      expect(refusal(withAt(specDocument(), ['sale', 'price', 'amount'], '1\uDC00'))).toEqual([
        ['invalid_amount', ['sale', 'price', 'amount']],
      ]);
      expect(refusal(withAt(specDocument(), ['sale', 'price', 'currency'], 'BR\uD800'))).toEqual([
        ['unknown_currency', ['sale', 'price', 'currency']],
      ]);
      expect(parseInstant('2026-01-01T00:00:00\uD800Z')._unsafeUnwrapErr()[0].code).toBe(
        'invalid_instant',
      );
    });
  });

  describe('NaN, Infinity and -0', () => {
    const brl = currency('BRL')._unsafeUnwrap();

    it('refuses NaN and ±Infinity as amounts, percents, instants and policy numbers', () => {
      for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(parseAmount(n, brl)._unsafeUnwrapErr().code).toBe('invalid_amount');
        expect(money(n as never, brl).isErr()).toBe(true);
        expect(parsePercent(n)._unsafeUnwrapErr()[0].code).toBe('invalid_percent');
        expect(instant(n)._unsafeUnwrapErr()[0].code).toBe('invalid_instant');
        for (const field of ['percentDecimals', 'maxCocreators']) {
          const errors = policy({ extends: 'hotmart', [field]: n })._unsafeUnwrapErr();
          expect(errors.map((e) => [e.code, e.path])).toEqual([['invalid_policy', [field]]]);
        }
      }
    });

    it('reads -0 as the zero it prints as, and refuses the text "-0"', () => {
      expect(parseAmount(-0, brl)._unsafeUnwrap()).toBe(0n);
      expect(parseAmount('-0', brl)._unsafeUnwrapErr().code).toBe('invalid_amount');
      expect(Object.is(instant(-0)._unsafeUnwrap(), 0)).toBe(true);
      const zeroDecimals = policy({ extends: 'hotmart', percentDecimals: -0 })._unsafeUnwrap();
      expect(Object.is(zeroDecimals.percentDecimals, 0)).toBe(true);
      expect(policy({ extends: 'hotmart', maxCocreators: -0 }).isErr()).toBe(true);
    });
  });

  describe('amounts of 10^30', () => {
    it('settles a price of 10^30 minor units exactly, the lines summing to it', () => {
      const price = `1${'0'.repeat(28)}.00`;
      const doc = withAt(specDocument(), ['sale', 'price', 'amount'], price);
      const answer = settleToJson(deepFreeze(doc));
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      const total = answer.settlement.lines.reduce(
        (sum, line) => sum + BigInt(line.amount.replace('.', '')),
        0n,
      );
      expect(total).toBe(10n ** 30n);
      // 10^30 − 20.50 net; affiliate 40 % floored; cocreator 20 % of the base floored.
      const net = 10n ** 30n - 2050n;
      const affiliate = (net * 40n) / 100n;
      const base = net - affiliate;
      expect(answer.settlement.lines.map((l) => BigInt(l.amount.replace('.', '')))).toEqual([
        2050n,
        affiliate,
        (base * 20n) / 100n,
        base - (base * 20n) / 100n,
      ]);
    });

    it('refuses 10^30 written as a JSON number, which prints with an exponent', () => {
      expect(refusal(withAt(specDocument(), ['sale', 'price', 'amount'], 1e30))).toEqual([
        ['invalid_amount', ['sale', 'price', 'amount']],
      ]);
    });
  });

  describe('instants in the year 275760 and beyond', () => {
    it('refuses them as text, as epoch milliseconds and inside a contract', () => {
      for (const text of [
        '275760-09-13T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '+275761-01-01T00:00:00Z',
        '10000-01-01T00:00:00Z',
      ]) {
        expect(parseInstant(text)._unsafeUnwrapErr()[0].code).toBe('invalid_instant');
        expect(refusal(withAt(specDocument(), ['sale', 'at'], text))).toEqual([
          ['invalid_instant', ['sale', 'at']],
        ]);
      }
      for (const ms of [8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE]) {
        expect(instant(ms)._unsafeUnwrapErr()[0].code).toBe('invalid_instant');
      }
      const c = contract(deepFreeze((specDocument().contracts as object[])[0]))._unsafeUnwrap();
      const late = { ...c, events: [{ ...c.events[0], at: 8.64e15 }] };
      expect(
        checkContract(late)
          ._unsafeUnwrapErr()
          .map((e) => [e.code, e.path]),
      ).toEqual([['invalid_instant', ['events', 0, 'at']]]);
    });
  });

  describe('what comes back', () => {
    it('is frozen through, and the frozen input is left as it was', () => {
      const doc = deepFreeze(specDocument());
      const before = JSON.stringify(doc);
      const parsed = parseDocument(doc)._unsafeUnwrap();
      expectDeepFrozen(parsed);
      expectDeepFrozen(settleToJson(doc));
      expectDeepFrozen(
        validateDomain({
          policy: parsed.policy,
          product: parsed.product,
          contracts: parsed.contracts,
        })._unsafeUnwrap(),
      );
      expectDeepFrozen(sale(doc.sale)._unsafeUnwrap());
      expect(JSON.stringify(doc)).toBe(before);
    });
  });
});
