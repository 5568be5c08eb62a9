/**
 * Reading a `settle` document (specification §8) from a value (the result of `JSON.parse`),
 * from JSON text or from raw bytes: specification §7's stage 1, every problem reported with
 * its JSON path. The shapes read are declared in ./json.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  collectAll,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  readArray,
  readObject,
  required,
} from '../_internal/fields';
import { contract } from '../contracts/read';
import type { CocreationContract } from '../contracts/types';
import { type DomainErrors, domainError, type Path } from '../errors';
import type { LocaleOptions } from '../locales/locale';
import { DEFAULT_POLICY, type Policy } from '../model/policy';
import { type Product, product } from '../model/product';
import { policy } from '../model/read-policy';
import { type Refund, refund, type Sale, sale } from '../model/sale';
import { keysOf, SETTLE_DOCUMENT } from '../model/shapes';
import { inLocale, unreadableIn } from './in-locale';
import type { SettleDocument } from './json';

/** The keys of a settle document (specification §8), from the shape description. */
const DOCUMENT_KEYS = keysOf(SETTLE_DOCUMENT);

function isPlainRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an id that reads (specification §1): its own problems are reported apart. */
function isReadableId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 1000;
}

/**
 * Reports each id of `items` already used by an earlier item, at the later one's `id` (specification
 * §7). Ids are compared exactly; an item or id that does not read is skipped here,
 * its own problem is reported by its reader.
 */
function reportDuplicateIds(
  items: ReadonlyArray<unknown>,
  path: Path,
  message: (id: string) => string,
  issues: Issues,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!isPlainRecord(item)) return;
    const id = optional(item, 'id');
    if (!isReadableId(id)) return;
    if (seen.has(id))
      issues.push(domainError('invalid_field', message(id), [...path, index, 'id']));
    seen.add(id);
  });
}

/**
 * An affiliate with no percent in the sale nor in the product is a reading problem (specification §7,
 * stage 1), at the sale's `affiliate.percent`. Reported only when both the sale's affiliate
 * and the product are objects that name no percent (`null` is absent): a percent that is
 * there but broken has its own problem.
 */
function reportAffiliateWithoutPercent(productInput: unknown, saleInput: unknown, issues: Issues) {
  if (!isPlainRecord(productInput) || !isPlainRecord(saleInput)) return;
  const affiliate = optional(saleInput, 'affiliate');
  if (!isPlainRecord(affiliate)) return;
  if (optional(affiliate, 'percent') !== undefined) return;
  if (optional(productInput, 'affiliateCommission') !== undefined) return;
  issues.push(
    domainError(
      'invalid_field',
      'the sale names an affiliate but no percent, and the product has no affiliateCommission',
      ['sale', 'affiliate', 'percent'],
    ),
  );
}

/**
 * Reads a `settle` document (specification §8) from untrusted data, such as the result of
 * `JSON.parse`: specification §7's stage 1, "reading", over the whole document. Every reading
 * problem is reported with its JSON path, none hiding another: wrong types (`invalid_field`
 * before any syntax code), missing fields, unknown and reserved keys, the syntax and bounds of
 * amounts, percents, instants, ids and accounts, unknown currencies, `amount_precision`, the
 * policy's own invariants, affiliate percent ranges, an affiliate with no percent in the sale
 * nor in the product, contract ids and refund ids used twice, refund amounts that are not
 * above 0. The rules between parts (product, histories, the retention floor, the fee and the
 * refunds against the sale) are {@link settleDocument}'s, which runs only on a document that
 * reads.
 *
 * @param input - anything
 * @param options - `locale`: the language of the errors' messages, a catalog of
 *   `cocreation/locales` (default English; codes, paths and fields never change with it)
 * @returns the checked, frozen {@link SettleDocument}, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ptBR } from 'cocreation/locales';
 * import { parseDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '197.00', currency: 'BRL' } },
 * });
 * if (doc.isErr()) throw new Error(doc.error.map((e) => e.message).join('; '));
 * assert.equal(doc.value.sale.price.amount, 19700n);
 * assert.equal(doc.value.policy.name, 'hotmart');
 *
 * const bad = parseDocument({ product: {}, contracts: [], sale: {}, extra: 1 });
 * if (bad.isOk()) throw new Error('expected an error');
 * assert.deepEqual(bad.error[0], {
 *   code: 'invalid_field', message: 'unknown field "extra"', path: ['extra'],
 * });
 *
 * const emPortugues = parseDocument({ product: {}, contracts: [], sale: {}, extra: 1 },
 *   { locale: ptBR });
 * if (emPortugues.isOk()) throw new Error('expected an error');
 * const [erro] = emPortugues.error;
 * assert.equal(erro.code, 'invalid_field');
 * assert.deepEqual(erro.path, ['extra']);
 * assert.notEqual(erro.message, 'unknown field "extra"');
 * ```
 */
export function parseDocument(
  input: unknown,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
  try {
    return inLocale(readDocument(input), options);
  } catch (cause) {
    return unreadableIn(cause, options);
  }
}

/** {@link parseDocument} in English. */
function readDocument(input: unknown): Result<SettleDocument, DomainErrors> {
  const issues: Issues = [];
  const fields = readObject(input, [], DOCUMENT_KEYS, issues, 'a settle document object');
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);

  const policyInput = optional(fields, 'policy');
  const parsedPolicy =
    policyInput === undefined
      ? DEFAULT_POLICY
      : collectAll(policy(policyInput, ['policy']), issues);

  const productInput = required(fields, 'product', [], issues);
  const parsedProduct =
    productInput === undefined ? undefined : collectAll(product(productInput, ['product']), issues);

  const contracts = readContracts(fields, issues);

  const saleInput = required(fields, 'sale', [], issues);
  const parsedSale =
    saleInput === undefined ? undefined : collectAll(sale(saleInput, ['sale']), issues);
  reportAffiliateWithoutPercent(productInput, saleInput, issues);

  const refunds = readRefunds(fields, issues);

  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  // With no problem reported every part was read (each reader reports what it cannot read), so
  // no part is undefined and no contract or refund was left out.
  return ok(
    Object.freeze({
      policy: parsedPolicy as Policy,
      product: parsedProduct as Product,
      contracts: Object.freeze(contracts as CocreationContract[]),
      sale: parsedSale as Sale,
      refunds: Object.freeze(refunds as Refund[]),
    }),
  );
}

/** The document's contracts (each `undefined` when it does not read), ids used twice reported. */
function readContracts(fields: Fields, issues: Issues): Array<CocreationContract | undefined> {
  const contractsInput = readArray(
    required(fields, 'contracts', [], issues),
    ['contracts'],
    issues,
  );
  const contracts = (contractsInput ?? []).map((item, index) =>
    collectAll(contract(item, ['contracts', index]), issues),
  );
  reportDuplicateIds(
    contractsInput ?? [],
    ['contracts'],
    (id) => `the contract id ${JSON.stringify(id)} is used twice in this document`,
    issues,
  );
  return contracts;
}

/** The document's refunds (each `undefined` when it does not read), ids used twice reported. */
function readRefunds(fields: Fields, issues: Issues): Array<Refund | undefined> {
  const refundsInput = readArray(optional(fields, 'refunds'), ['refunds'], issues);
  const refunds = (refundsInput ?? []).map((item, index) =>
    collectAll(refund(item, ['refunds', index]), issues),
  );
  reportDuplicateIds(
    refundsInput ?? [],
    ['refunds'],
    (id) => `the refund id ${JSON.stringify(id)} is already used by another refund of this sale`,
    issues,
  );
  return refunds;
}

/** The one error of a text that is not JSON, frozen like every list of errors. */
function invalidJson(message: string): DomainErrors {
  return Object.freeze([domainError('invalid_json', message, [])]) as DomainErrors;
}

/**
 * Reads a `settle` document from JSON text: `invalid_json` (path `[]`) when the text is not
 * JSON, else as {@link parseDocument}. One leading byte-order mark (U+FEFF) is ignored (specification
 * §8); a second one is not JSON. Duplicate keys: the last wins, as in `JSON.parse`.
 *
 * @param text - the JSON text of one document
 * @param options - `locale`, as for {@link parseDocument}
 * @returns the checked document, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocumentText } from 'cocreation/wire';
 *
 * const bad = parseDocumentText('{"product": ');
 * if (bad.isOk()) throw new Error('expected an error');
 * const [first] = bad.error;
 * assert.equal(first.code, 'invalid_json');
 * assert.deepEqual(first.path, []);
 *
 * const withBom = parseDocumentText('\uFEFF{"product": {}, "contracts": [], "sale": {}}');
 * if (withBom.isOk()) throw new Error('expected an error');
 * assert.equal(withBom.error[0].code, 'invalid_field');
 * ```
 */
export function parseDocumentText(
  text: string,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
  // Text and bytes are never a value whose reading throws, and inLocale never throws.
  return inLocale(readDocumentText(text), options);
}

/** {@link parseDocumentText} in English. */
function readDocumentText(text: string): Result<SettleDocument, DomainErrors> {
  if (typeof text !== 'string') {
    return err(invalidJson('expected JSON text (a string)'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    // JSON.parse of a string throws only a SyntaxError, whose message says what is wrong where.
    return err(invalidJson(`the input is not JSON: ${(cause as SyntaxError).message}`));
  }
  return readDocument(value);
}

/**
 * Decodes UTF-8 strictly: the text, or `null` when the bytes are not valid UTF-8 (never
 * repaired with U+FFFD, specification §8). A byte-order mark is kept, for the text reader to
 * ignore once.
 */
const UTF8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // Without { stream: true } every call starts afresh: one decoder serves every line.
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Reads a `settle` document from the raw bytes of a file or a stream: bytes that are not
 * valid UTF-8 are `invalid_json` (path `[]`), never repaired with replacement characters; one
 * leading byte-order mark is ignored; the text is then read as {@link parseDocumentText}
 * reads it. This is what `cocreation settle` does with its input.
 *
 * @param bytes - the document's bytes, e.g. a `Buffer` from `readFileSync`
 * @param options - `locale`, as for {@link parseDocument}
 * @returns the checked document, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocumentBytes } from 'cocreation/wire';
 *
 * const text = JSON.stringify({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10', currency: 'USD' } },
 * });
 * const bom = [0xef, 0xbb, 0xbf];
 * const doc = parseDocumentBytes(new Uint8Array([...bom, ...new TextEncoder().encode(text)]));
 * if (doc.isErr()) throw new Error(doc.error.map((e) => e.message).join('; '));
 * assert.equal(doc.value.sale.price.amount, 1000n);
 *
 * const latin1 = parseDocumentBytes(new Uint8Array([0x22, 0xe9, 0x22])); // "é" in Latin-1
 * if (latin1.isOk()) throw new Error('expected an error');
 * assert.deepEqual(latin1.error.map((e) => [e.code, e.path]), [['invalid_json', []]]);
 * ```
 */
export function parseDocumentBytes(
  bytes: Uint8Array,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
  // Text and bytes are never a value whose reading throws, and inLocale never throws.
  return inLocale(readDocumentBytes(bytes, true), options);
}

/**
 * {@link parseDocumentBytes}, with the leading byte-order mark ignored only when `atStart`:
 * the CLI's `--jsonl` reads every line but the input's first with `atStart` false (specification
 * §9). Internal.
 */
export function readDocumentBytes(
  bytes: Uint8Array,
  atStart: boolean,
): Result<SettleDocument, DomainErrors> {
  // ArrayBuffer.isView, not instanceof: bytes from another realm (a vm, a worker) are bytes too.
  if (!ArrayBuffer.isView(bytes)) return err(invalidJson('expected bytes (a Uint8Array)'));
  const text = decodeUtf8(bytes);
  if (text === null) return err(invalidJson('the input is not valid UTF-8'));
  if (!atStart && text.charCodeAt(0) === 0xfeff) {
    return err(invalidJson('a byte-order mark is ignored only at the start of the input'));
  }
  return parseDocumentText(text);
}
