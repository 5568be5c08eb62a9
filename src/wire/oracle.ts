/**
 * The oracle as functions: a `settle` document in (a value or JSON text), specification §8's
 * output out, never throwing. What `cocreation settle` does with one document.
 */
import { parseDocument, parseDocumentText } from './document';
import type { SettleOutputJson } from './json';
import { settleResultToJson } from './print';
import { settleDocument } from './settle-document';

/**
 * The oracle as a function: reads a `settle` document from untrusted data, settles it and
 * prints the specification §8 output object. Never throws.
 *
 * @param input - anything, usually the result of `JSON.parse`
 * @returns `{ ok: true, settlement, refunds }` or `{ ok: false, errors }`, frozen
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { settleToJson } from 'cocreation/wire';
 *
 * const output = settleToJson({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '1e21', currency: 'BRL' } },
 * });
 * assert.equal(output.ok, false);
 * if (!output.ok) assert.deepEqual(output.errors[0]?.path, ['sale', 'price', 'amount']);
 * ```
 */
export function settleToJson(input: unknown): SettleOutputJson {
  return settleResultToJson(parseDocument(input).andThen(settleDocument));
}

/**
 * The oracle on text: one JSON document in, one line of JSON out (no newline), exactly what
 * `cocreation settle` prints. Text that is not JSON is answered with `invalid_json`. Never
 * throws.
 *
 * @param text - the JSON text of one document
 * @returns the output object of specification §8 as one line of JSON
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { settleText } from 'cocreation/wire';
 *
 * const answer = JSON.parse(settleText(''));
 * assert.equal(answer.ok, false);
 * assert.equal(answer.errors[0].code, 'invalid_json');
 * assert.deepEqual(answer.errors[0].path, []);
 * ```
 */
export function settleText(text: string): string {
  return JSON.stringify(settleResultToJson(parseDocumentText(text).andThen(settleDocument)));
}
