import type { StandardSchemaV1 } from '@standard-schema/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localizeErrors } from '../src/locales/locale';
import { ptBR } from '../src/locales/pt-BR';
import { documentJson, malformedDocument } from '../src/testing';
import { parseDocument } from '../src/wire/document';
import type { SettleDocument } from '../src/wire/json';
import { settleDocument } from '../src/wire/settle-document';
import { settleDocumentSchema } from '../src/wire/standard-schema';
import { specDocument } from './support/spec-document';

const SEED = 20_260_419;

/** What a framework sees: the schema typed only as the standard's interface. */
const schema: StandardSchemaV1<unknown, SettleDocument> = settleDocumentSchema();

function validate(s: StandardSchemaV1<unknown, SettleDocument>, value: unknown) {
  const result = s['~standard'].validate(value);
  if (result instanceof Promise) throw new Error('expected a synchronous result');
  return result;
}

describe('settleDocumentSchema', () => {
  it('is a Standard Schema v1 of vendor cocreation', () => {
    expect(schema['~standard'].version).toBe(1);
    expect(schema['~standard'].vendor).toBe('cocreation');
    expect(Object.isFrozen(schema)).toBe(true);
  });

  it('gives the document parseDocument reads, for a document that settles', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        const result = validate(schema, doc);
        const parsed = parseDocument(doc);
        const settles = parsed.andThen(settleDocument).isOk();
        if (settles) {
          expect(result.issues).toBeUndefined();
          expect((result as { value: unknown }).value).toEqual(parsed._unsafeUnwrap());
        } else {
          expect(result.issues?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('reports the errors parseDocument reports, with their messages, paths and codes', () => {
    fc.assert(
      fc.property(malformedDocument(), ({ document }) => {
        const errors = parseDocument(document)._unsafeUnwrapErr();
        expect(validate(schema, document).issues).toEqual(
          errors.map((e) => ({ message: e.message, path: e.path, code: e.code })),
        );
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('reports the rules across parts too: a document it accepts settles', () => {
    const doc = specDocument();
    doc.refunds = [
      { id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '500.00', currency: 'BRL' } },
    ];
    const [error] = parseDocument(doc).andThen(settleDocument)._unsafeUnwrapErr();
    expect(error.code).toBe('refund_exceeds_price');
    expect(validate(schema, doc).issues).toEqual([
      { message: error.message, path: error.path, code: 'refund_exceeds_price' },
    ]);
  });

  it('writes the messages in its locale, and only the messages', () => {
    const pt = settleDocumentSchema({ locale: ptBR });
    fc.assert(
      fc.property(malformedDocument(), ({ document }) => {
        const errors = localizeErrors(parseDocument(document)._unsafeUnwrapErr(), ptBR);
        expect(validate(pt, document).issues).toEqual(
          errors.map((e) => ({ message: e.message, path: e.path, code: e.code })),
        );
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validate(schema, value);
        expect(result.issues === undefined || result.issues.length > 0).toBe(true);
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(validate(schema, 'text').issues?.[0]?.path).toEqual([]);
  });
});
