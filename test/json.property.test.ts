import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors';
import { documentJson, malformedDocument } from '../src/testing';
import { formatPercent } from '../src/values/percent';
import { parseDocument, parseDocumentText } from '../src/wire/document';
import type { SettleOutputJson } from '../src/wire/json';
import { settleText, settleToJson } from '../src/wire/oracle';
import { reversalToJson, settlementToJson } from '../src/wire/print';
import { documentToJson } from '../src/wire/print-document';
import { type PrintedSettlement, parseSettlementJson } from '../src/wire/read-output';
import { settleDocument } from '../src/wire/settle-document';
import { expectDeepFrozen } from './fuzz/support';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every node of a JSON value with its path, root included. */
function nodes(value: Json, path: ReadonlyArray<string | number> = []): (string | number)[][] {
  const here = [[...path]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  }
  return here;
}

/** A copy of `doc` with the node at `path` replaced. */
function replaceAt(doc: Json, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(doc));
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/** A valid document with one node, anywhere, replaced by any JSON value. */
const mutatedDocument = fc
  .tuple(documentJson(), fc.nat(), fc.jsonValue())
  .map(([doc, pick, value]) => {
    const json = doc as unknown as Json;
    const all = nodes(json);
    return replaceAt(json, all[pick % all.length] ?? [], value);
  });

/** A printed settlement with each line's percent as its value, whatever its written places. */
function byValue(settlement: PrintedSettlement): unknown {
  return {
    ...settlement,
    lines: settlement.lines.map((line) =>
      'percent' in line ? { ...line, percent: formatPercent(line.percent) } : line,
    ),
  };
}

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** What every answer must be: the specification §8 shape, with codes from specification §7. */
function expectWellFormedAnswer(output: unknown): void {
  const answer = JSON.parse(JSON.stringify(output)) as SettleOutputJson;
  if (answer.ok) {
    expect(Object.keys(answer)).toEqual(['ok', 'settlement', 'refunds']);
    return;
  }
  expect(Object.keys(answer)).toEqual(['ok', 'errors']);
  expect(answer.errors.length).toBeGreaterThan(0);
  for (const error of answer.errors) {
    expect(CODES.has(error.code)).toBe(true);
    expect(typeof error.message).toBe('string');
    expect(error.path.every((s) => typeof s === 'string' || Number.isInteger(s))).toBe(true);
  }
}

describe('parseDocument and documentToJson', () => {
  it('prints a parsed document in a canonical form that is a fixed point', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const once = documentToJson(parseDocument(doc)._unsafeUnwrap());
        const twice = documentToJson(parseDocument(once)._unsafeUnwrap());
        expect(twice).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the canonical form back to the same checked values', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const parsed = parseDocument(doc)._unsafeUnwrap();
        expect(parseDocument(documentToJson(parsed))._unsafeUnwrap()).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it('settles the canonical form exactly as the document it came from', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const canonical = documentToJson(parseDocument(doc)._unsafeUnwrap());
        expect(settleToJson(canonical)).toEqual(settleToJson(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('answers the JSON text of a document exactly as the document itself', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        expect(settleText(JSON.stringify(doc))).toBe(JSON.stringify(settleToJson(doc)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('settlementToJson and parseSettlementJson', () => {
  it('reads a printed settlement back to the same settlement', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const { settlement } = settleDocument(parseDocument(doc)._unsafeUnwrap())._unsafeUnwrap();
        const { feeOrigin: _fee, minRetainedPercent: _floor, ...printed } = settlement;
        const reread = parseSettlementJson(settlementToJson(settlement))._unsafeUnwrap();
        // specification §8 prints percents in shortest form: "20.00" comes back as "20".
        expect(byValue(reread)).toEqual(byValue(printed));
      }),
      { numRuns: 300 },
    );
  });

  it('prints a read-back settlement exactly as before', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const output = settleToJson(doc);
        if (!output.ok) throw new Error('a drawn document must settle');
        const reread = parseSettlementJson(output.settlement)._unsafeUnwrap();
        expect(
          JSON.stringify(settlementToJson(reread as Parameters<typeof settlementToJson>[0])),
        ).toBe(JSON.stringify(output.settlement));
      }),
      { numRuns: 300 },
    );
  });

  it('prints every amount with exactly the currency decimals, frozen through, and reversals summing to −R', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const { settlement, reversals } = settleDocument(
          parseDocument(doc)._unsafeUnwrap(),
        )._unsafeUnwrap();
        const decimals = settlement.currency.exponent;
        const shape = decimals === 0 ? /^-?[0-9]+$/ : new RegExp(`^-?[0-9]+\\.[0-9]{${decimals}}$`);
        const json = settlementToJson(settlement);
        expectDeepFrozen(json, 'settlementToJson(settlement)');
        for (const amount of [json.price, json.platformFee, json.net, json.base]) {
          expect(amount).toMatch(shape);
        }
        for (const line of json.lines) expect(line.amount).toMatch(shape);
        for (const reversal of reversals) {
          const printed = reversalToJson(reversal);
          expect(printed.amount).toMatch(shape);
          for (const line of printed.lines) expect(line.amount).toMatch(shape);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing the parser', () => {
  it('never throws on any value, and answers in the specification shape with the specification codes', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true }), (input) => {
        expect(() => parseDocument(input)).not.toThrow();
        expectWellFormedAnswer(settleToJson(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expectWellFormedAnswer(JSON.parse(settleText(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers invalid_json, at the root, for any text that is not JSON', () => {
    const notJson = fc.string({ unit: 'binary' }).filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });
    fc.assert(
      fc.property(notJson, (text) => {
        const errors = parseDocumentText(text)._unsafeUnwrapErr();
        expect(errors.map((e) => [e.code, e.path])).toEqual([['invalid_json', []]]);
      }),
    );
  });

  it('never throws on a valid document with any node replaced by any JSON value', () => {
    fc.assert(
      fc.property(mutatedDocument, (doc) => {
        expectWellFormedAnswer(settleToJson(doc));
        expectWellFormedAnswer(JSON.parse(settleText(JSON.stringify(doc))));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every one-field corruption', () => {
    fc.assert(
      fc.property(malformedDocument(), ({ document }) => {
        const output = settleToJson(document);
        expectWellFormedAnswer(output);
        expect(output.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('answers on one line, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        expect(settleText(text)).not.toMatch(/[\n\r]/);
      }),
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(mutatedDocument, (doc) => {
        const before = JSON.stringify(doc);
        settleToJson(doc);
        expect(JSON.stringify(doc)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
