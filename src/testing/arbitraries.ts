/**
 * fast-check arbitraries of valid wire-shaped inputs (specification §8), for the library's own
 * tests and for downstream test suites that check their split against the oracle.
 */
import type fc from 'fast-check';
import { deepFreeze } from '../_internal/fields';
import type { PolicyName } from '../model/policy';
import type {
  ContractJson,
  PolicyJson,
  ProductJson,
  SaleJson,
  SettleDocumentJson,
} from '../wire/json';
import { type DocumentOptions, genDocument } from './generate/document';
import { genContract } from './generate/history';
import { genPolicyModel, type PolicyChoice, PRESET_MODELS, policyJson } from './generate/policy';
import { genProduct } from './generate/product';
import { genSale } from './generate/sale';
import { Tape, tapeValues } from './tape';

/** Options of {@link documentJson}. */
export interface DocumentJsonOptions {
  /**
   * Which policies to draw: a preset name, `'custom'` (presets with overrides and policies
   * written from scratch, some with a fee schedule) or `'any'` (default: all of them).
   */
  readonly policy?: PolicyName | 'custom' | 'any';
  /** The most contracts a product holds (default 4; the policy may allow fewer). */
  readonly maxContracts?: number;
  /** The most refunds a sale has (default 3). */
  readonly maxRefunds?: number;
}

/** Options of {@link contractHistoryJson}. */
export interface ContractHistoryOptions {
  /** The preset whose rules the history follows (default `'hotmart'`). */
  readonly policy?: PolicyName;
  /** Default `'c1'`. */
  readonly id?: string;
  /** Default `'p1'`. */
  readonly productId?: string;
  /** Default `'ana@example.com'`. */
  readonly mainCreator?: string;
  /** Default `'bia@example.com'`; must not be the main creator. */
  readonly cocreator?: string;
}

/** Options of {@link saleJson}. */
export interface SaleJsonOptions {
  /** Default `'p1'`. */
  readonly productId?: string;
}

function fromTape<T>(build: (tape: Tape) => T): fc.Arbitrary<T> {
  return tapeValues().map((values) => deepFreeze(build(new Tape(values))));
}

/** The choice asked for; anything else (from JavaScript) is `'any'`, the default. */
function choiceOf(value: unknown): PolicyChoice {
  return value === 'hotmart' || value === 'kiwify' || value === 'gumroad' || value === 'custom'
    ? value
    : 'any';
}

/**
 * Valid policies as written on the wire: preset names, `{ "extends": ... }` with overrides
 * (a partial `cocreatorPercent` included) and policies written in full, some with a fee
 * schedule. Every one satisfies specification §2's invariants.
 *
 * @param options - `policy` narrows the draw as in {@link documentJson}
 * @returns an arbitrary of frozen policy JSON values
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { policy } from 'cocreation';
 * import { validPolicyJson } from 'cocreation/testing';
 *
 * fc.assert(fc.property(validPolicyJson(), (json) => policy(json).isOk()), { numRuns: 50 });
 * ```
 */
export function validPolicyJson(
  options: { readonly policy?: PolicyName | 'custom' | 'any' } = {},
): fc.Arbitrary<PolicyJson> {
  const choice = choiceOf(options.policy);
  return fromTape((tape) => policyJson(tape, genPolicyModel(tape, choice)));
}

/**
 * Valid products: an id, a main creator (in any case, with stray spaces) and sometimes a
 * default affiliate commission (0 < p <= 100, any number of places).
 *
 * @returns an arbitrary of frozen product JSON values
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { product } from 'cocreation';
 * import { productJson } from 'cocreation/testing';
 *
 * fc.assert(fc.property(productJson(), (json) => product(json).isOk()), { numRuns: 50 });
 * ```
 */
export function productJson(): fc.Arbitrary<ProductJson> {
  return fromTape((tape) => genProduct(tape, 'ana@example.com').json);
}

/**
 * Valid contract histories under a preset: `invited`, then any path its state machine
 * allows (acceptance or refusal, amendments proposed and answered — or applied at once under
 * `immediate` —, cancellations requested and answered, or unilateral), by the right party,
 * at non-decreasing instants written with any offset, before the terms in force expire,
 * with every percent within the policy's bounds, places and retention floor.
 *
 * @param options - the policy and the parties (see {@link ContractHistoryOptions})
 * @returns an arbitrary of frozen contract JSON values
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import fc from 'fast-check';
 * import { contract } from 'cocreation';
 * import { contractHistoryJson } from 'cocreation/testing';
 *
 * fc.assert(
 *   fc.property(contractHistoryJson({ policy: 'kiwify' }), (json) => {
 *     assert.equal(json.events[0]?.type, 'invited');
 *     return contract(json).isOk();
 *   }),
 *   { numRuns: 50 },
 * );
 * ```
 */
export function contractHistoryJson(
  options: ContractHistoryOptions = {},
): fc.Arbitrary<ContractJson> {
  const choice = choiceOf(options.policy);
  const pol = PRESET_MODELS[choice === 'custom' || choice === 'any' ? 'hotmart' : choice];
  return fromTape((tape) => {
    const start = Date.UTC(2000, 0, 1) + tape.int(0, 365 * 90) * 86_400_000;
    return genContract(tape, {
      policy: pol,
      productId: options.productId ?? 'p1',
      mainCreator: options.mainCreator ?? 'ana@example.com',
      cocreator: options.cocreator ?? 'bia@example.com',
      id: options.id ?? 'c1',
      start,
      // The whole: genContract keeps every percent within the policy's own bounds and floor.
      budget: 100n * 10n ** 6n,
    }).json;
  });
}

/**
 * Valid sales of a product without contracts and without a default affiliate commission
 * (under the default policy): any currency, prices from 0 to 10^15 minor units written as
 * strings or exact numbers, a platform fee at most the price, sometimes an affiliate with
 * its own percent and manager.
 *
 * @param options - the product the sales are of
 * @returns an arbitrary of frozen sale JSON values
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { sale } from 'cocreation';
 * import { saleJson } from 'cocreation/testing';
 *
 * fc.assert(fc.property(saleJson(), (json) => sale(json).isOk()), { numRuns: 50 });
 * ```
 */
export function saleJson(options: SaleJsonOptions = {}): fc.Arbitrary<SaleJson> {
  return fromTape((tape) => {
    let accounts = 1;
    const fresh = () => {
      accounts += 1;
      return `buyer-side${accounts}@example.com`;
    };
    return genSale(tape, {
      policy: PRESET_MODELS.hotmart,
      productId: options.productId ?? 'p1',
      productCommission: false,
      contracts: [],
      at: Date.UTC(2000, 0, 1) + tape.int(0, 365 * 90) * 86_400_000,
      fresh,
    }).json;
  });
}

/**
 * Whole `settle` documents (specification §8) that settle: a policy, a product, contract
 * histories that keep every invariant of specification §4 across contracts (the retention
 * floor, `maxCocreators`, one contract per cocreator), a sale at any instant (often exactly
 * at, or 1 ms around, an event or an expiry) with an allowed affiliate, and refunds in order
 * totalling at most the price. Values are written in every valid spelling (offsets, fraction
 * digits, fewer decimals, JSON numbers, account case and spaces, `null` for absent).
 *
 * @param options - see {@link DocumentJsonOptions}
 * @returns an arbitrary of frozen documents
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import fc from 'fast-check';
 * import { settleToJson } from 'cocreation/wire';
 * import { documentJson } from 'cocreation/testing';
 *
 * fc.assert(
 *   fc.property(documentJson({ policy: 'gumroad' }), (doc) => {
 *     const output = settleToJson(doc);
 *     assert.equal(output.ok, true);
 *   }),
 *   { numRuns: 50 },
 * );
 * ```
 */
export function documentJson(options: DocumentJsonOptions = {}): fc.Arbitrary<SettleDocumentJson> {
  const settings: DocumentOptions = {
    policy: choiceOf(options.policy),
    maxContracts: options.maxContracts,
    maxRefunds: options.maxRefunds,
  };
  return fromTape((tape) => genDocument(tape, settings));
}
