/**
 * The settle-document reader as a Standard Schema v1 validator (https://standardschema.dev):
 * any framework that accepts one (tRPC, Hono, TanStack Form, …) checks documents with the
 * library's own rules, messages and paths. The interface is written out here, as the standard
 * asks, so the package needs no dependency for it.
 */
import type { DomainError, Issue, Path } from '../errors';
import { type LocaleOptions, localizeErrors } from '../locales/locale';
import { parseDocument } from './document';
import type { SettleDocument } from './json';
import { settleDocument } from './settle-document';

/** One problem as Standard Schema reports it: the library's `message` and `path`, and its `code`. */
export interface SchemaIssue {
  /** The library's message (in the schema's locale). */
  readonly message: string;
  /** Where the problem is in the document, as in {@link Issue.path}. */
  readonly path: Path;
  /** The library's error code (specification §7), for code that branches on it. */
  readonly code: DomainError['code'];
}

/** What {@link SettleDocumentSchema}'s `validate` returns: the value, or the issues. */
export type SchemaResult =
  | {
      /** The checked document, as {@link parseDocument} returns it. */
      readonly value: SettleDocument;
      /** Absent on success, as the standard asks. */
      readonly issues?: undefined;
    }
  | {
      /** Every problem found, each with the library's message and path. */
      readonly issues: ReadonlyArray<SchemaIssue>;
    };

/**
 * A Standard Schema v1 validator of settle documents (specification §8): its input is the
 * document's JSON value, its output the checked {@link SettleDocument}.
 */
export interface SettleDocumentSchema {
  /** The Standard Schema properties. */
  readonly '~standard': {
    /** The standard's version: 1. */
    readonly version: 1;
    /** The library that made the schema: `'cocreation'`. */
    readonly vendor: 'cocreation';
    /** Checks a value; never throws and never returns a promise. */
    readonly validate: (value: unknown) => SchemaResult;
    /** The input and output types, for frameworks that infer them (no value at run time). */
    readonly types?:
      | {
          /** What the schema accepts: any value, since it is checked. */
          readonly input: unknown;
          /** What it gives back. */
          readonly output: SettleDocument;
        }
      | undefined;
  };
}

/**
 * Makes a Standard Schema v1 validator of settle documents. `validate` reads the value as
 * {@link parseDocument} does, then settles it as {@link settleDocument} does, so a document it
 * accepts is one that settles: the issues are the library's errors (every reading problem, or
 * the rules across parts), each with its `message`, `path` and `code`. The output is the
 * checked document.
 *
 * @param options - `locale` for the issues' messages, a catalog of `cocreation/locales`
 *   (default English, the library's own)
 * @returns the schema; one value, reusable for every document
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { StandardSchemaV1 } from '@standard-schema/spec';
 * import { ptBR } from 'cocreation/locales';
 * import { settleDocumentSchema } from 'cocreation/wire';
 *
 * // What a framework (tRPC, Hono, TanStack Form, …) does with any Standard Schema.
 * function check<T>(schema: StandardSchemaV1<unknown, T>, value: unknown) {
 *   const result = schema['~standard'].validate(value);
 *   if (result instanceof Promise) throw new Error('this example validates synchronously');
 *   return result;
 * }
 *
 * const schema = settleDocumentSchema();
 * const good = check(schema, {
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '197.00', currency: 'BRL' } },
 * });
 * assert.equal(good.issues, undefined);
 * assert.equal(good.issues === undefined && good.value.sale.price.amount, 19700n);
 *
 * const bad = check(settleDocumentSchema({ locale: ptBR }), {
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '197.001', currency: 'BRL' } },
 * });
 * assert.deepEqual(bad.issues?.map((i) => i.path), [['sale', 'price', 'amount']]);
 * assert.equal(bad.issues?.[0]?.message,
 *   'sale.price.amount: um valor em BRL tem no máximo 2 casas decimais');
 * ```
 */
export function settleDocumentSchema(options: LocaleOptions = {}): SettleDocumentSchema {
  let locale: LocaleOptions['locale'];
  try {
    locale = options?.locale;
  } catch {
    // Options whose getter throws: English, as for a catalog that throws.
  }
  const validate = (value: unknown): SchemaResult => {
    const result = parseDocument(value).andThen((doc) => settleDocument(doc).map(() => doc));
    if (result.isOk()) return Object.freeze({ value: result.value });
    const issues = localizeErrors(result.error, locale).map((e) =>
      Object.freeze({ message: e.message, path: e.path, code: e.code }),
    );
    return Object.freeze({ issues: Object.freeze(issues) });
  };
  return Object.freeze({
    '~standard': Object.freeze({ version: 1, vendor: 'cocreation', validate }),
  });
}
