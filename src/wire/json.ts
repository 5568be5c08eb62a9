/**
 * The JSON wire format of specification §8: reading a `settle` document from untrusted data
 * (every problem reported, with its JSON path) and printing results as JSON-ready data whose
 * amounts, percents and instants are strings.
 */
import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  collectAll,
  deepFreeze,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  readEnum,
  readObject,
  required,
} from '../_internal/fields';
import { contract } from '../contracts/read';
import type {
  CocreationContract,
  CommissionRule,
  ContractEvent,
  TermsPatch,
} from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';
import { type Locale, type LocaleOptions, localizeErrors } from '../locales/locale';
import { DEFAULT_POLICY, type Policy, policy } from '../model/policy';
import { type Product, product } from '../model/product';
import { type Refund, refund, type Sale, sale } from '../model/sale';
import { refundAll, refundReadingIssues, refundRuleIssues } from '../refunds/refund';
import { exactShareText } from '../settle/lines';
import type {
  Reversal,
  ReversalLine,
  Role,
  Settlement,
  SettlementLine,
} from '../settle/settlement';
import { settleStages } from '../settle/stages';
import type { AccountId } from '../values/account';
import { accountIdOrError as accountId } from '../values/account';
import { type Currency, currencyOrError as currency } from '../values/currency';
import {
  formatInstant,
  type Instant,
  parseInstantOrError as parseInstant,
} from '../values/instant';
import { formatAmount, parseAmount } from '../values/money';
import {
  formatPercent,
  type Percent,
  parsePercentOrError as parsePercent,
} from '../values/percent';

// ---------------------------------------------------------------------------------------------
// Wire shapes
// ---------------------------------------------------------------------------------------------

/** A decimal on input: a string such as `"19.90"`, or a JSON number read as `String(n)`. */
export type DecimalJson = string | number;

/** Money on the wire: `{ "amount": "197.00", "currency": "BRL" }`. */
export interface MoneyJson {
  /** Non-negative, with at most the currency's decimals. */
  readonly amount: DecimalJson;
  /** An active ISO 4217 code, case-sensitive. */
  readonly currency: string;
}

/** A platform fee schedule on the wire (specification §2). */
export interface FeeScheduleJson {
  /** From 0 to 100; absent is 0. */
  readonly percent?: DecimalJson | null;
  /** Fixed fee per currency code, as an amount in that currency; absent is none. */
  readonly fixed?: Readonly<Record<string, DecimalJson>> | null;
}

/** A custom policy on the wire: with `extends` it overrides single fields of a preset. */
export interface PolicyObjectJson {
  /** The preset to start from; without it every field but `fee` is required. */
  readonly extends?: string | null;
  /** The part of the split base the main creator always keeps, `0 <= p < 100`. */
  readonly minRetainedPercent?: DecimalJson;
  /** Bounds on one contract's percent; with `extends`, either bound alone is merged. */
  readonly cocreatorPercent?: {
    /** The smallest contract percent, above 0. */
    readonly min?: DecimalJson;
    /** The largest contract percent, at most `100 - minRetainedPercent`. */
    readonly max?: DecimalJson;
  };
  /** Decimal places allowed in a contract percent, 0 to 6. */
  readonly percentDecimals?: number;
  /** Live contracts per product; `null` is no limit. */
  readonly maxCocreators?: number | null;
  /** Whether a sale that a contract covers may have an affiliate. */
  readonly affiliatesOnCocreatedProducts?: boolean;
  /** `"mutual"` or `"unilateral"`. */
  readonly cancellation?: string;
  /** `"cocreator-approval"` or `"immediate"`. */
  readonly amendments?: string;
  /** The platform's fee schedule, used when a sale names no fee. */
  readonly fee?: FeeScheduleJson | null;
}

/** A policy on the wire: a preset name (`"hotmart"`, `"kiwify"`, `"gumroad"`) or an object. */
export type PolicyJson = string | PolicyObjectJson;

/** A product on the wire. */
export interface ProductJson {
  /** Kept as written. */
  readonly id: string;
  /** The account that registered the product. */
  readonly mainCreator: string;
  /** The affiliate percent used when a sale names none, `0 < p <= 100`. */
  readonly affiliateCommission?: DecimalJson | null;
}

/** Contract terms on the wire: the invitation's (with `percent`) or an amendment's patch. */
export interface TermsJson {
  /** The cocreator's percent of the split base. */
  readonly percent?: DecimalJson;
  /** Which sales pay: `all-sales` (default), `direct-sales`, `affiliate-sales`, `managed-affiliate-sales`. */
  readonly appliesTo?: string;
  /** The end of the term (exclusive); `null` is unlimited. */
  readonly endsAt?: string | null;
  /** Whether the cocreator may also be the affiliate of a covered sale (default false). */
  readonly mayAlsoSellAsAffiliate?: boolean;
}

/** One event of a contract history on the wire. */
export interface ContractEventJson {
  /** One of specification §3's event types, e.g. `"invited"`. */
  readonly type: string;
  /** When it happened, with an offset. */
  readonly at: string;
  /** The account that made it. */
  readonly by: string;
  /** On `invited`, `amendment-proposed` and `amended` only. */
  readonly terms?: TermsJson | null;
}

/** A contract on the wire: its whole history, oldest first. */
export interface ContractJson {
  /** Unique in a document. */
  readonly id: string;
  /** The product it belongs to. */
  readonly productId: string;
  /** The account that holds the contract. */
  readonly cocreator: string;
  /** The history, oldest first, times non-decreasing. */
  readonly events: ReadonlyArray<ContractEventJson>;
}

/** A sale's affiliate on the wire. */
export interface SaleAffiliateJson {
  /** The account that sold. */
  readonly account: string;
  /** The affiliate's percent of the net; absent uses the product's `affiliateCommission`. */
  readonly percent?: DecimalJson | null;
  /** The affiliate manager, for `managed-affiliate-sales` contracts. */
  readonly managedBy?: string | null;
}

/** A sale on the wire. */
export interface SaleJson {
  /** Kept as written. */
  readonly id: string;
  /** The product sold. */
  readonly productId: string;
  /** When it was paid, with an offset. */
  readonly at: string;
  /** What the buyer paid, P. */
  readonly price: MoneyJson;
  /** The platform's fee as charged, in the price's currency; absent uses the policy's schedule. */
  readonly platformFee?: MoneyJson | null;
  /** Who sold it, when an affiliate did. */
  readonly affiliate?: SaleAffiliateJson | null;
}

/** A refund on the wire. */
export interface RefundJson {
  /** Unique within the sale. */
  readonly id: string;
  /** Not before the sale, nor before the refund before it. */
  readonly at: string;
  /** Above 0, in the sale's currency. */
  readonly amount: MoneyJson;
}

/** The input document of `cocreation settle` (specification §8). */
export interface SettleDocumentJson {
  /** Default `"hotmart"`. */
  readonly policy?: PolicyJson | null;
  /** The product sold. */
  readonly product: ProductJson;
  /** Every contract of the product, each with its whole history. */
  readonly contracts: ReadonlyArray<ContractJson>;
  /** The sale to settle. */
  readonly sale: SaleJson;
  /** The sale's refunds, in order; default none. */
  readonly refunds?: ReadonlyArray<RefundJson> | null;
}

/** A settlement line on output; `exactShare` is the line's exact, unrounded share. */
export interface SettlementLineJson {
  /** `platform`, `affiliate`, `cocreator` or `main-creator`. */
  readonly role: Role;
  /** Canonical; `null` for the platform. */
  readonly account: string | null;
  /** On cocreator lines. */
  readonly contractId?: string;
  /** On affiliate and cocreator lines, in shortest form. */
  readonly percent?: string;
  /** With exactly the currency's decimals. */
  readonly amount: string;
  /** The unrounded share, a decimal string (an extra field specification §8 allows). */
  readonly exactShare: string;
}

/** A settled sale on output (specification §8). */
export interface SettlementJson {
  /** The sale's id. */
  readonly saleId: string;
  /** The product's id. */
  readonly productId: string;
  /** The sale's instant, in UTC with milliseconds. */
  readonly at: string;
  /** The currency code. */
  readonly currency: string;
  /** P. */
  readonly price: string;
  /** F. */
  readonly platformFee: string;
  /** N = P − F. */
  readonly net: string;
  /** B = N − A. */
  readonly base: string;
  /** Platform, affiliate if any, cocreators in input order, main creator last. */
  readonly lines: ReadonlyArray<SettlementLineJson>;
}

/** A reversal line on output: the original line's identity with a negative (or zero) amount. */
export interface ReversalLineJson {
  /** As on the original line. */
  readonly role: Role;
  /** As on the original line. */
  readonly account: string | null;
  /** As on the original line. */
  readonly contractId?: string;
  /** As on the original line. */
  readonly percent?: string;
  /** Negative or zero, with exactly the currency's decimals. */
  readonly amount: string;
}

/** The reversal of one refund on output. */
export interface ReversalJson {
  /** The refund's id. */
  readonly refundId: string;
  /** The refund's instant, in UTC with milliseconds. */
  readonly at: string;
  /** R, the refunded amount (positive). */
  readonly amount: string;
  /** One per settlement line, in the same order, summing to −R. */
  readonly lines: ReadonlyArray<ReversalLineJson>;
}

/** An error on output: `{ code, message, path }` and the fields of its code. */
export type ErrorJson = DomainError;

/** The output of `cocreation settle` for a document that settled. */
export interface SettledOutputJson {
  /** `true`. */
  readonly ok: true;
  /** The settlement. */
  readonly settlement: SettlementJson;
  /** One reversal per refund, in input order; `[]` when there are none. */
  readonly refunds: ReadonlyArray<ReversalJson>;
}

/** The output of `cocreation settle` for a document that was refused. */
export interface RefusedOutputJson {
  /** `false`. */
  readonly ok: false;
  /** Every problem found, at least one. */
  readonly errors: ReadonlyArray<ErrorJson>;
}

/** The whole output of `cocreation settle` for one document (specification §8). */
export type SettleOutputJson = SettledOutputJson | RefusedOutputJson;

// ---------------------------------------------------------------------------------------------
// Reading a document
// ---------------------------------------------------------------------------------------------

/** A checked `settle` document: every part parsed, nothing validated across parts yet. */
export interface SettleDocument {
  /** The policy, `hotmart` when the document names none. */
  readonly policy: Policy;
  /** The product. */
  readonly product: Product;
  /** The contracts, in input order. */
  readonly contracts: ReadonlyArray<CocreationContract>;
  /** The sale. */
  readonly sale: Sale;
  /** The refunds, in input order. */
  readonly refunds: ReadonlyArray<Refund>;
}

/** A settled document: the settlement and one reversal per refund, in input order. */
export interface SettleOutcome {
  /** The settled sale. */
  readonly settlement: Settlement;
  /** One per refund, in input order. */
  readonly reversals: ReadonlyArray<Reversal>;
}

const DOCUMENT_KEYS = ['policy', 'product', 'contracts', 'sale', 'refunds'] as const;

function readArray(value: unknown, path: Path, issues: Issues): ReadonlyArray<unknown> | undefined {
  if (Array.isArray(value)) return value;
  if (value !== undefined) issues.push(domainError('invalid_field', 'expected an array', path));
  return undefined;
}

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
 * @param options - `locale`: the language of the errors' messages (default English; codes,
 *   paths and fields never change with it)
 * @returns the checked, frozen {@link SettleDocument}, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '197.00', currency: 'BRL' } },
 * });
 * assert.equal(doc._unsafeUnwrap().sale.price.amount, 19700n);
 * assert.equal(doc._unsafeUnwrap().policy.name, 'hotmart');
 *
 * const bad = parseDocument({ product: {}, contracts: [], sale: {}, extra: 1 });
 * assert.deepEqual(bad._unsafeUnwrapErr()[0], {
 *   code: 'invalid_field', message: 'unknown field "extra"', path: ['extra'],
 * });
 *
 * const emPortugues = parseDocument({ product: {}, contracts: [], sale: {}, extra: 1 },
 *   { locale: 'pt-BR' });
 * assert.equal(emPortugues._unsafeUnwrapErr()[0].code, 'invalid_field');
 * assert.deepEqual(emPortugues._unsafeUnwrapErr()[0].path, ['extra']);
 * assert.notEqual(emPortugues._unsafeUnwrapErr()[0].message, 'unknown field "extra"');
 * ```
 */
export function parseDocument(
  input: unknown,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
  return inLocale(readDocument(input), options);
}

/**
 * A result whose errors' messages are in the options' locale (English, the library's own,
 * when none is given): codes, paths and fields stay as they are.
 */
function inLocale<T>(
  result: Result<T, DomainErrors>,
  options: LocaleOptions | undefined,
): Result<T, DomainErrors> {
  // Read as anything: a JavaScript caller may pass a value that is not an options object.
  const locale = (options as { readonly locale?: unknown } | null | undefined)?.locale;
  if (locale === undefined || locale === 'en') return result;
  return result.mapErr((errors) => localizeErrors(errors, locale as Locale));
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

  const saleInput = required(fields, 'sale', [], issues);
  const parsedSale =
    saleInput === undefined ? undefined : collectAll(sale(saleInput, ['sale']), issues);
  reportAffiliateWithoutPercent(productInput, saleInput, issues);

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
 * @returns the checked document, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocumentText } from 'cocreation/wire';
 *
 * const bad = parseDocumentText('{"product": ');
 * assert.equal(bad._unsafeUnwrapErr()[0].code, 'invalid_json');
 * assert.deepEqual(bad._unsafeUnwrapErr()[0].path, []);
 *
 * const withBom = parseDocumentText('\uFEFF{"product": {}, "contracts": [], "sale": {}}');
 * assert.equal(withBom._unsafeUnwrapErr()[0].code, 'invalid_field');
 * ```
 */
export function parseDocumentText(
  text: string,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
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
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
 * assert.equal(doc._unsafeUnwrap().sale.price.amount, 1000n);
 *
 * const latin1 = parseDocumentBytes(new Uint8Array([0x22, 0xe9, 0x22])); // "é" in Latin-1
 * assert.deepEqual(latin1._unsafeUnwrapErr().map((e) => [e.code, e.path]), [['invalid_json', []]]);
 * ```
 */
export function parseDocumentBytes(
  bytes: Uint8Array,
  options?: LocaleOptions,
): Result<SettleDocument, DomainErrors> {
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

/**
 * Settles a checked document: validates the contracts against the policy and the product,
 * settles the sale (specification §5) and reverses its refunds in order (specification §6), in
 * the stages of specification §7. A document from {@link parseDocument} has passed stage 1
 * (a value built by hand is read again, and its stage-1 problems are reported alone); then
 * every problem of stage 2 is reported together, in this order: row 2a (each contract of
 * another product, then the sale's product and fee currency), 2b (each history), 2c (the
 * rules across contracts), 2d (the fee, self-affiliation), 2e (the affiliate rules over the
 * covering contracts), then the refunds, refund by refund (a refund's currency, row 2a, and
 * row 2f). The refunds are checked whatever the rest holds; they are reversed only when
 * nothing is wrong.
 *
 * @param doc - a document from {@link parseDocument}
 * @returns the settlement and its reversals, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z',
 *               amount: { amount: '4.00', currency: 'USD' } }],
 * })._unsafeUnwrap();
 * const { settlement, reversals } = settleDocument(doc)._unsafeUnwrap();
 * assert.deepEqual(settlement.lines.map((l) => l.amount), [0n, 1000n]);
 * assert.deepEqual(reversals[0]?.lines.map((l) => l.amount), [0n, -400n]);
 * ```
 */
export function settleDocument(
  doc: SettleDocument,
  options?: LocaleOptions,
): Result<SettleOutcome, DomainErrors> {
  return inLocale(settleRead(doc), options);
}

/** {@link settleDocument} in English. */
function settleRead(doc: SettleDocument): Result<SettleOutcome, DomainErrors> {
  if (typeof doc !== 'object' || doc === null) {
    const why = 'expected a document from parseDocument()';
    return err(Object.freeze([domainError('invalid_field', why, [])]) as DomainErrors);
  }
  const stages = settleStages(doc.policy, doc.product, doc.contracts, doc.sale);
  const refundReading = refundReadingIssues(doc.refunds, ['refunds']);
  if (stages.reading || refundReading.length > 0) {
    return err(frozenErrors([...(stages.reading ? stages.problems : []), ...refundReading]));
  }
  // Stage 1 passed, so the sale was read: its instant, price and currency are all row 2f needs.
  const sold = doc.sale;
  const refundProblems = refundRuleIssues(
    { at: sold.at, currency: sold.price.currency, price: sold.price.amount },
    doc.refunds,
    ['refunds'],
  );
  const settlement = stages.settlement;
  if (settlement === null || refundProblems.length > 0) {
    return err(frozenErrors([...stages.problems, ...refundProblems]));
  }
  return refundAll(settlement, doc.refunds, ['refunds']).map((reversals) =>
    Object.freeze({ settlement, reversals }),
  );
}

function frozenErrors(problems: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...problems]) as unknown as DomainErrors;
}

// ---------------------------------------------------------------------------------------------
// Printing results
// ---------------------------------------------------------------------------------------------

function lineIdentity(line: SettlementLine | ReversalLine): {
  contractId?: string;
  percent?: string;
} {
  switch (line.role) {
    case 'cocreator':
      return { contractId: line.contractId, percent: formatPercent(line.percent) };
    case 'affiliate':
      return { percent: formatPercent(line.percent) };
    // Stryker disable next-line ConditionalExpression: spreading the undefined of an emptied case adds nothing, as {} does
    default:
      return {};
  }
}

function settlementLineToJson(line: SettlementLine, cur: Currency): SettlementLineJson {
  // lineIdentity's keys written out in its order (and the same order of evaluation): no
  // intermediate object to spread per line.
  switch (line.role) {
    case 'cocreator':
      return Object.freeze({
        role: line.role,
        account: line.account,
        contractId: line.contractId,
        percent: formatPercent(line.percent),
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
    case 'affiliate':
      return Object.freeze({
        role: line.role,
        account: line.account,
        percent: formatPercent(line.percent),
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
    default:
      return Object.freeze({
        role: line.role,
        account: line.account,
        amount: formatAmount(line.amount, cur),
        exactShare: exactShareText(line),
      });
  }
}

function reversalLineToJson(line: ReversalLine, cur: Currency): ReversalLineJson {
  return {
    role: line.role,
    account: line.account,
    ...lineIdentity(line),
    amount: formatAmount(line.amount, cur),
  };
}

/**
 * Prints a settlement as specification §8 shows it: amounts with exactly the currency's
 * decimals, the instant in UTC with milliseconds, percents in shortest form, lines in
 * settlement order, each with its exact unrounded share as `exactShare`.
 *
 * @param settlement - a settlement
 * @returns frozen JSON-ready data (strings only, no `bigint`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, settleDocument, settlementToJson } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'Ana@Example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T09:00:00-03:00',
 *           price: { amount: 197, currency: 'BRL' } },
 * })._unsafeUnwrap();
 * const json = settlementToJson(settleDocument(doc)._unsafeUnwrap().settlement);
 * assert.equal(json.at, '2026-03-01T12:00:00.000Z');
 * assert.equal(json.price, '197.00');
 * assert.deepEqual(json.lines.map((l) => [l.role, l.account, l.amount]), [
 *   ['platform', null, '0.00'],
 *   ['main-creator', 'ana@example.com', '197.00'],
 * ]);
 * ```
 */
export function settlementToJson(settlement: Settlement): SettlementJson {
  const cur = settlement.currency;
  // Every object is frozen as it is built: nothing to walk afterwards.
  return Object.freeze({
    saleId: settlement.saleId,
    productId: settlement.productId,
    at: formatInstant(settlement.at),
    currency: cur.code,
    price: formatAmount(settlement.price, cur),
    platformFee: formatAmount(settlement.platformFee, cur),
    net: formatAmount(settlement.net, cur),
    base: formatAmount(settlement.base, cur),
    lines: Object.freeze(settlement.lines.map((line) => settlementLineToJson(line, cur))),
  });
}

/**
 * Prints the reversal of one refund as specification §8 shows it (`refundId`, `at`, `amount`,
 * `lines`), with negative (or zero) line amounts.
 *
 * @param reversal - a reversal
 * @returns frozen JSON-ready data
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseDocument, reversalToJson, settleDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '2.5', currency: 'USD' } }],
 * })._unsafeUnwrap();
 * const [reversal] = settleDocument(doc)._unsafeUnwrap().reversals;
 * assert.ok(reversal !== undefined);
 * assert.deepEqual(reversalToJson(reversal), {
 *   refundId: 'r1', at: '2026-03-02T00:00:00.000Z', amount: '2.50',
 *   lines: [
 *     { role: 'platform', account: null, amount: '0.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '-2.50' },
 *   ],
 * });
 * ```
 */
export function reversalToJson(reversal: Reversal): ReversalJson {
  const cur = reversal.currency;
  return deepFreeze({
    refundId: reversal.refundId,
    at: formatInstant(reversal.at),
    amount: formatAmount(reversal.amount, cur),
    lines: reversal.lines.map((line) => reversalLineToJson(line, cur)),
  });
}

/**
 * Prints an error as specification §8 shows it: `code`, `message`, `path`, then the fields of
 * its code, in that order.
 *
 * @param error - a domain error
 * @returns a frozen plain copy, ready for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { currency } from 'cocreation';
 * import { errorToJson } from 'cocreation/wire';
 *
 * const [error] = currency('XYZ', ['sale', 'price', 'currency'])._unsafeUnwrapErr();
 * assert.equal(
 *   JSON.stringify(errorToJson(error)),
 *   '{"code":"unknown_currency","message":"\\"XYZ\\" is not an active ISO 4217 currency code with minor units","path":["sale","price","currency"],"currency":"XYZ"}',
 * );
 * ```
 */
export function errorToJson(error: DomainError): ErrorJson {
  const { code, message, path, ...extra } = error;
  return deepFreeze({ code, message, path: [...path], ...extra }) as ErrorJson;
}

/**
 * Prints the result of settling a document as the whole specification §8 output object.
 *
 * @param result - the result of {@link settleDocument} (or any settling step)
 * @returns `{ ok: true, settlement, refunds }` or `{ ok: false, errors }`, frozen
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function settleResultToJson(result: Result<SettleOutcome, DomainErrors>): SettleOutputJson {
  if (result.isErr()) {
    return Object.freeze({ ok: false, errors: Object.freeze(result.error.map(errorToJson)) });
  }
  const { settlement, reversals } = result.value;
  return Object.freeze({
    ok: true,
    settlement: settlementToJson(settlement),
    refunds: Object.freeze(reversals.map(reversalToJson)),
  });
}

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

// ---------------------------------------------------------------------------------------------
// Printing a document (the canonical form of an input)
// ---------------------------------------------------------------------------------------------

/**
 * Prints a percent with its places as written (`"20.00"` stays `"20.00"`). Internal: shared
 * with the stored forms of store.ts.
 *
 * @internal
 */
export function percentAsWritten(p: Percent): string {
  if (p.scale === 0) return p.units.toString();
  const digits = p.units.toString().padStart(p.scale + 1, '0');
  const cut = digits.length - p.scale;
  return `${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/**
 * Prints a policy on the wire (specification §2) in canonical form: every field written out,
 * `extends` naming the preset it is or extends, percents with their places as written. This
 * is how a platform stores its policy; {@link policy} reads the result back into a policy
 * equal to the original (deep-equal, so every function gives the same result on it).
 *
 * @param p - a policy from {@link policy} (or a preset); not checked
 * @returns frozen JSON-ready data, for `JSON.stringify`
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, policy } from 'cocreation';
 * import { policyToJson } from 'cocreation/wire';
 *
 * const json = policyToJson(POLICIES.gumroad);
 * assert.equal(json.extends, 'gumroad');
 * assert.equal(json.maxCocreators, 1);
 * const stored = JSON.stringify(json);
 * assert.deepEqual(policy(JSON.parse(stored))._unsafeUnwrap(), POLICIES.gumroad);
 * ```
 */
export function policyToJson(p: Policy): PolicyObjectJson {
  const fee: FeeScheduleJson | null =
    p.fee === null
      ? null
      : {
          percent: percentAsWritten(p.fee.percent),
          fixed: Object.fromEntries(
            Object.entries(p.fee.fixed).flatMap(([code, minor]) => {
              const cur = currency(code);
              // Stryker disable next-line ConditionalExpression,LogicalOperator: a Policy's fee table has only known currencies and bigint amounts (policy() and validateDomain check both); the test only keeps a forged one from throwing
              return cur.isOk() && typeof minor === 'bigint'
                ? [[code, formatAmount(minor, cur.value)]]
                : // Stryker disable next-line ArrayDeclaration: reached only with a forged table, as above
                  [];
            }),
          ),
        };
  return deepFreeze({
    ...(p.name === null ? {} : { extends: p.name }),
    minRetainedPercent: percentAsWritten(p.minRetainedPercent),
    cocreatorPercent: {
      min: percentAsWritten(p.cocreatorPercent.min),
      max: percentAsWritten(p.cocreatorPercent.max),
    },
    percentDecimals: p.percentDecimals,
    maxCocreators: p.maxCocreators,
    affiliatesOnCocreatedProducts: p.affiliatesOnCocreatedProducts,
    cancellation: p.cancellation,
    amendments: p.amendments,
    ...(fee === null ? {} : { fee }),
  });
}

function termsToJson(terms: CommissionRule | TermsPatch): TermsJson {
  return {
    ...(terms.percent === undefined ? {} : { percent: percentAsWritten(terms.percent) }),
    ...(terms.appliesTo === undefined ? {} : { appliesTo: terms.appliesTo }),
    ...(terms.endsAt === undefined
      ? {}
      : { endsAt: terms.endsAt === null ? null : formatInstant(terms.endsAt) }),
    ...(terms.mayAlsoSellAsAffiliate === undefined
      ? {}
      : { mayAlsoSellAsAffiliate: terms.mayAlsoSellAsAffiliate }),
  };
}

/**
 * Prints one contract event on the wire. Internal: shared with store.ts's `contractToJson`.
 *
 * @internal
 */
export function eventToJson(event: ContractEvent): ContractEventJson {
  return {
    type: event.type,
    at: formatInstant(event.at),
    by: event.by,
    ...('terms' in event ? { terms: termsToJson(event.terms) } : {}),
  };
}

/**
 * Prints an amount and its currency on the wire. Internal: shared with store.ts.
 *
 * @internal
 */
export function moneyToJson(m: {
  readonly amount: bigint;
  readonly currency: Currency;
}): MoneyJson {
  return { amount: formatAmount(m.amount, m.currency), currency: m.currency.code };
}

/**
 * Prints a checked document in canonical form: every policy field written out (with
 * `extends` when it has a preset), accounts canonical, instants in UTC with milliseconds,
 * amounts with the currency's decimals, percents with their places as written (which
 * precision rules count). Reading the result gives the same document back.
 *
 * @param doc - a document from {@link parseDocument}
 * @returns frozen JSON-ready data
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { documentToJson, parseDocument } from 'cocreation/wire';
 *
 * const doc = parseDocument({
 *   policy: 'hotmart',
 *   product: { id: 'p1', mainCreator: ' ANA@example.com', affiliateCommission: 40 },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T09:00:00-03:00',
 *           price: { amount: '197', currency: 'BRL' } },
 * })._unsafeUnwrap();
 * const json = documentToJson(doc);
 * assert.deepEqual(json.product, { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40' });
 * assert.deepEqual(json.sale.price, { amount: '197.00', currency: 'BRL' });
 * assert.equal(json.sale.at, '2026-03-01T12:00:00.000Z');
 * assert.deepEqual(parseDocument(json)._unsafeUnwrap(), doc);
 * ```
 */
export function documentToJson(doc: SettleDocument): SettleDocumentJson {
  const { policy: pol, product: prod, sale: s } = doc;
  return deepFreeze({
    policy: policyToJson(pol),
    product: {
      id: prod.id,
      mainCreator: prod.mainCreator,
      ...(prod.affiliateCommission === null
        ? {}
        : { affiliateCommission: percentAsWritten(prod.affiliateCommission) }),
    },
    contracts: doc.contracts.map((c) => ({
      id: c.id,
      productId: c.productId,
      cocreator: c.cocreator,
      events: c.events.map(eventToJson),
    })),
    sale: {
      id: s.id,
      productId: s.productId,
      at: formatInstant(s.at),
      price: moneyToJson(s.price),
      ...(s.platformFee === null ? {} : { platformFee: moneyToJson(s.platformFee) }),
      ...(s.affiliate === null
        ? {}
        : {
            affiliate: {
              account: s.affiliate.account,
              ...(s.affiliate.percent === null
                ? {}
                : { percent: percentAsWritten(s.affiliate.percent) }),
              ...(s.affiliate.managedBy === null ? {} : { managedBy: s.affiliate.managedBy }),
            },
          }),
    },
    refunds: doc.refunds.map((r) => ({
      id: r.id,
      at: formatInstant(r.at),
      amount: moneyToJson(r.amount),
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a printed settlement back
// ---------------------------------------------------------------------------------------------

/**
 * What a printed settlement holds: a {@link Settlement} without the fields specification §8
 * does not print (`feeOrigin`, `minRetainedPercent`).
 */
export type PrintedSettlement = Omit<Settlement, 'feeOrigin' | 'minRetainedPercent'>;

const EXACT = /^-?[0-9]+(?:\.[0-9]+)?$/;

/** A decimal string EXACT accepts as a scaled integer: its digits and its number of decimals. */
function scaledFromText(text: string): [bigint, number] {
  const dot = text.indexOf('.');
  if (dot < 0) return [BigInt(text), 0];
  return [BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1];
}
const ROLES: ReadonlyArray<Role> = ['platform', 'affiliate', 'cocreator', 'main-creator'];

/**
 * A lenient object reader: specification §8 readers ignore fields they do not know. Internal:
 * shared with the stored forms of store.ts.
 *
 * @internal
 */
export function readLenient(value: unknown, path: Path, issues: Issues): Fields | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  issues.push(domainError('invalid_field', 'expected an object', path));
  return undefined;
}

/**
 * A required non-empty string field of a lenient object. Internal: shared with store.ts.
 *
 * @internal
 */
export function readString(
  fields: Fields,
  key: string,
  path: Path,
  issues: Issues,
): string | undefined {
  const value = required(fields, key, path, issues);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0) return value;
  issues.push(domainError('invalid_field', 'expected a non-empty string', [...path, key]));
  return undefined;
}

function readLine(
  value: unknown,
  path: Path,
  cur: Currency | undefined,
  issues: Issues,
): SettlementLine | undefined {
  const before = issues.length;
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const role = readEnum(required(fields, 'role', path, issues), ROLES, [...path, 'role'], issues);
  let account: AccountId | null | undefined = null;
  if (role === 'platform') {
    if (optional(fields, 'account') !== undefined) {
      issues.push(
        domainError('invalid_field', 'the platform line has no account', [...path, 'account']),
      );
    }
  } else {
    const accountValue = required(fields, 'account', path, issues);
    account =
      accountValue === undefined
        ? undefined
        : collect(accountId(accountValue, [...path, 'account']), issues);
  }
  const contractId =
    role === 'cocreator' ? readString(fields, 'contractId', path, issues) : undefined;
  let linePercent: Percent | undefined;
  if (role === 'cocreator' || role === 'affiliate') {
    const p = required(fields, 'percent', path, issues);
    linePercent =
      p === undefined ? undefined : collect(parsePercent(p, [...path, 'percent']), issues);
  }
  const amountValue = required(fields, 'amount', path, issues);
  const amount =
    amountValue === undefined || cur === undefined
      ? undefined
      : collect(parseAmount(amountValue, cur, [...path, 'amount']), issues);
  const exactValue = required(fields, 'exactShare', path, issues);
  let exactShare: string | undefined;
  if (typeof exactValue === 'string' && EXACT.test(exactValue)) exactShare = exactValue;
  else if (exactValue !== undefined) {
    issues.push(domainError('invalid_field', 'expected a decimal string', [...path, 'exactShare']));
  }
  // The amount is left unread (with no problem on this line) when the currency is broken.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a line is used only when no problem was reported anywhere, and an undefined role or amount always comes with one; the guard only narrows the types
  if (issues.length > before || role === undefined || amount === undefined) return undefined;
  // With no problem reported on this line, every field its role needs was read: each reader
  // above reports what it cannot read, and only the platform line has no account.
  const [exactUnits, exactScale] = scaledFromText(exactShare as string);
  const party = account as AccountId;
  switch (role) {
    case 'platform':
      return { role, account: null, amount, exactUnits, exactScale };
    case 'affiliate':
      return {
        role,
        account: party,
        percent: linePercent as Percent,
        amount,
        exactUnits,
        exactScale,
      };
    case 'cocreator': {
      const id = contractId as string;
      const percent = linePercent as Percent;
      return { role, account: party, contractId: id, percent, amount, exactUnits, exactScale };
    }
    default:
      return { role: 'main-creator', account: party, amount, exactUnits, exactScale };
  }
}

const ROLE_RANK: Readonly<Record<Role, number>> = {
  platform: 0,
  affiliate: 1,
  cocreator: 2,
  'main-creator': 3,
};

function checkLines(
  lines: ReadonlyArray<SettlementLine>,
  price: bigint,
  fee: bigint,
  issues: Issues,
): void {
  const roles = lines.map((l) => l.role);
  const count = (r: Role) => roles.filter((x) => x === r).length;
  const ordered = roles.every((r, i) => i === 0 || ROLE_RANK[roles[i - 1] as Role] <= ROLE_RANK[r]);
  // In rank order with one platform line and one main-creator line, the platform line is
  // first and the main creator's last.
  if (
    !ordered ||
    count('platform') !== 1 ||
    count('main-creator') !== 1 ||
    count('affiliate') > 1
  ) {
    issues.push(
      domainError(
        'invalid_field',
        'lines must be: platform, affiliate (at most one), cocreators, main creator',
        ['lines'],
      ),
    );
  }
  if (lines[0]?.role === 'platform' && lines[0].amount !== fee) {
    issues.push(
      domainError('invalid_field', 'the platform line must equal the platform fee', [
        'lines',
        0,
        'amount',
      ]),
    );
  }
  const total = lines.reduce((sum, l) => sum + l.amount, 0n);
  if (total !== price) {
    issues.push(domainError('invalid_field', 'the lines must sum to the price', ['lines']));
  }
}

/**
 * Reads a settlement printed in specification §8's shape (as {@link settlementToJson} prints it)
 * back into values, checking that it is one: lines in settlement order (platform first, main
 * creator last), the platform line equal to the fee, `net = price − platformFee`, and lines
 * that sum to the price. Unknown fields are ignored, as specification §8 asks of readers.
 * A printed settlement lacks what refunding and explaining need: to keep a whole
 * {@link Settlement}, print it with {@link storedSettlementToJson} and read it with
 * {@link parseStoredSettlementJson}.
 *
 * @param input - a printed settlement (for instance the `settlement` of a `settle` output)
 * @returns the frozen {@link PrintedSettlement}, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseSettlementJson } from 'cocreation/wire';
 *
 * const s = parseSettlementJson({
 *   saleId: 's1', productId: 'p1', at: '2026-03-01T12:00:00.000Z', currency: 'USD',
 *   price: '10.00', platformFee: '1.00', net: '9.00', base: '9.00',
 *   lines: [
 *     { role: 'platform', account: null, amount: '1.00', exactShare: '1.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '9.00', exactShare: '9.00' },
 *   ],
 * });
 * assert.equal(s._unsafeUnwrap().net, 900n);
 * assert.equal(parseSettlementJson({}).isErr(), true);
 * ```
 */
export function parseSettlementJson(input: unknown): Result<PrintedSettlement, DomainErrors> {
  const issues: Issues = [];
  const fields = readLenient(input, [], issues);
  if (fields === undefined) return err(nonEmpty(issues) as DomainErrors);
  const saleId = readString(fields, 'saleId', [], issues);
  const productId = readString(fields, 'productId', [], issues);
  const atValue = required(fields, 'at', [], issues);
  const at: Instant | undefined =
    atValue === undefined ? undefined : collect(parseInstant(atValue, ['at']), issues);
  const codeValue = required(fields, 'currency', [], issues);
  const cur =
    codeValue === undefined ? undefined : collect(currency(codeValue, ['currency']), issues);
  const amountOf = (key: string): bigint | undefined => {
    const value = required(fields, key, [], issues);
    return value === undefined || cur === undefined
      ? undefined
      : collect(parseAmount(value, cur, [key]), issues);
  };
  const price = amountOf('price');
  const platformFee = amountOf('platformFee');
  const net = amountOf('net');
  const base = amountOf('base');
  const linesValue = readArray(required(fields, 'lines', [], issues), ['lines'], issues);
  // A line that could not be read is undefined here, and its problem was reported.
  const lines = (linesValue ?? []).map((line, index) =>
    Object.freeze(readLine(line, ['lines', index], cur, issues)),
  ) as SettlementLine[];
  // With no problem reported, every field was read: each reader reports what it cannot read.
  // The rules across fields are checked only then.
  if (issues.length === 0) {
    if (net !== (price as bigint) - (platformFee as bigint)) {
      issues.push(domainError('invalid_field', 'net must equal price − platformFee', ['net']));
    }
    checkLines(lines, price as bigint, platformFee as bigint, issues);
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(
    Object.freeze({
      saleId: saleId as string,
      productId: productId as string,
      at: at as Instant,
      currency: cur as Currency,
      price: price as bigint,
      platformFee: platformFee as bigint,
      net: net as bigint,
      base: base as bigint,
      lines: Object.freeze(lines),
    }),
  );
}
