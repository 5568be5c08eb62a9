/**
 * Malformed documents: a valid document with exactly one field corrupted, and where.
 */
import fc from 'fast-check';
import { deepFreeze } from '../_internal/fields';
import type { Path } from '../errors';
import type { SettleDocumentJson } from '../wire/json';
import type { DocumentJsonOptions } from './arbitraries';
import { documentJson } from './arbitraries';
import { Tape, tapeValues } from './tape';

/** How a {@link MalformedDocument} was broken. */
export type Corruption = 'missing' | 'wrong-type' | 'unknown-key' | 'reserved-key';

/** A valid document with one field corrupted. */
export interface MalformedDocument {
  /** The corrupted document: plain JSON data (`JSON.stringify` writes it out faithfully). */
  readonly document: unknown;
  /**
   * Where the corruption is: the removed key, the replaced value, or the added key. The
   * parser reports at least one error at this path or inside it.
   */
  readonly path: Path;
  /** What was done to the valid document. */
  readonly corruption: Corruption;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TERMS_EVENTS = ['invited', 'amendment-proposed', 'amended'];
const MONEY = ['amount', 'currency'];

/**
 * The keys an object at `path` may not lack (specification §8), given the whole document. A
 * valid document has every one of them, so each is there to remove.
 */
function requiredKeys(path: Path, node: JsonObject, root: JsonObject): ReadonlyArray<string> {
  const [a, b, c] = path;
  const policy = root.policy;
  const fullPolicy = isObject(policy) && (policy.extends === undefined || policy.extends === null);
  switch (path.length) {
    case 0:
      return ['product', 'contracts', 'sale'];
    case 1:
      if (a === 'product') return ['id', 'mainCreator'];
      if (a === 'sale') return ['id', 'productId', 'at', 'price'];
      // The objects at this depth are the policy, the product and the sale.
      if (fullPolicy) {
        return [
          'minRetainedPercent',
          'cocreatorPercent',
          'percentDecimals',
          'maxCocreators',
          'affiliatesOnCocreatedProducts',
          'cancellation',
          'amendments',
        ];
      }
      return [];
    case 2:
      if (a === 'contracts') return ['id', 'productId', 'cocreator', 'events'];
      if (a === 'refunds') return ['id', 'at', 'amount'];
      // Each name below is found at this depth under one parent only (sale, sale, policy).
      if (b === 'price' || b === 'platformFee') return MONEY;
      if (b === 'affiliate') return ['account'];
      if (b === 'cocreatorPercent' && fullPolicy) return ['min', 'max'];
      return [];
    case 3:
      // refunds.i.amount; the only other object this deep is a fee's fixed amounts.
      return c === 'amount' ? MONEY : [];
    case 4: {
      // The only objects this deep are events (contracts.i.events.j).
      return TERMS_EVENTS.includes(node.type as string)
        ? ['type', 'at', 'by', 'terms']
        : ['type', 'at', 'by'];
    }
    default: {
      // The only objects deeper are terms (contracts.i.events.j.terms): nothing is deeper.
      const event = at(root, path.slice(0, 4)) as JsonObject;
      return event.type === 'invited' ? ['percent'] : [];
    }
  }
}

interface Site {
  readonly path: Path;
  readonly value: Json;
}

function walk(value: Json, path: Path, sites: Site[]): void {
  sites.push({ path, value });
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(item, [...path, index], sites);
    });
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) walk(value[key] as Json, [...path, key], sites);
  }
}

function at(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  // Only called with the path of a node that is there.
  for (const step of path) node = (node as Record<string | number, Json>)[step];
  return node;
}

/** A value of a type the field cannot have. */
function wrongValue(tape: Tape, value: Json): Json {
  // Stryker disable next-line StringLiteral,BooleanLiteral,ArrayDeclaration: another value of the same JSON type is as wrong (contributing/mutation.md)
  if (typeof value === 'boolean') return tape.pick<Json>(['yes', 1, []]);
  // A field that may be null (absent) takes a string, number, array or object somewhere
  // (`policy`, `affiliateCommission`, `refunds`, `terms`): only a boolean is wrong for all.
  // Stryker disable next-line BooleanLiteral: false is as much a boolean (contributing/mutation.md)
  if (value === null) return true;
  // Stryker disable next-line StringLiteral,BooleanLiteral,ArrayDeclaration: another value of the same JSON type is as wrong (contributing/mutation.md)
  if (Array.isArray(value)) return tape.pick<Json>([true, {}, 'x']);
  // Stryker disable next-line StringLiteral,BooleanLiteral,ArrayDeclaration: another value of the same JSON type is as wrong (contributing/mutation.md)
  if (typeof value === 'object') return tape.pick<Json>([true, [], 42]);
  // Stryker disable next-line StringLiteral,BooleanLiteral,ArrayDeclaration: another value of the same JSON type is as wrong (contributing/mutation.md)
  return tape.pick<Json>([true, [], {}]);
}

function corrupt(doc: SettleDocumentJson, tape: Tape): MalformedDocument {
  const root = JSON.parse(JSON.stringify(doc)) as JsonObject;
  const sites: Site[] = [];
  walk(root, [], sites);
  const objects = sites.filter((s) => isObject(s.value));
  const missing = objects.flatMap((s) =>
    requiredKeys(s.path, s.value as JsonObject, root).map((key) => [...s.path, key]),
  );
  const fields = sites.filter((s) => s.path.length > 0);
  const corruption = tape.pick<Corruption>([
    'wrong-type',
    'missing',
    'unknown-key',
    'reserved-key',
  ]);

  // The root always has required keys (product, contracts, sale), so `missing` is never empty.
  if (corruption === 'missing') {
    const path = missing[tape.below(missing.length)] as Path;
    const parent = at(root, path.slice(0, -1)) as JsonObject;
    delete parent[path[path.length - 1] as string];
    return { document: root, path, corruption };
  }
  if (corruption === 'unknown-key' || corruption === 'reserved-key') {
    const site = objects[tape.below(objects.length)] as Site;
    const key =
      corruption === 'unknown-key'
        ? tape.pick(['comment', 'x-unknown', 'Price', ''])
        : tape.pick(['__proto__', 'constructor', 'prototype']);
    // defineProperty, since assigning `__proto__` would change the prototype instead (the
    // document is frozen before it is handed out, so writable and configurable stay false).
    Object.defineProperty(site.value, key, {
      // Never null: on an optional field null means absent, and `fee.fixed` keys are fields.
      // Stryker disable next-line StringLiteral: any other text is as unknown a value (contributing/mutation.md)
      value: tape.pick<Json>([{}, 1, 'x']),
      enumerable: true,
    });
    return { document: root, path: [...site.path, key], corruption };
  }
  const site = fields[tape.below(fields.length)] as Site;
  const parent = at(root, site.path.slice(0, -1)) as Record<string | number, Json>;
  parent[site.path[site.path.length - 1] as string | number] = wrongValue(tape, site.value);
  return { document: root, path: site.path, corruption };
}

/**
 * Documents that must be refused: a valid document (from {@link documentJson}) with exactly
 * one field corrupted — a required key removed, a value replaced by one of a type the field
 * cannot have, or an unknown or reserved (`__proto__`, `constructor`, `prototype`) key added.
 * The record says where, so that a test can check that the error points there.
 *
 * @param options - the documents to start from, as in {@link documentJson}
 * @returns an arbitrary of frozen {@link MalformedDocument}s
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import fc from 'fast-check';
 * import { parseDocument } from 'cocreation/wire';
 * import { malformedDocument } from 'cocreation/testing';
 *
 * fc.assert(
 *   fc.property(malformedDocument(), ({ document, path }) => {
 *     const errors = parseDocument(document)._unsafeUnwrapErr();
 *     const inside = (p: ReadonlyArray<string | number>) => path.every((step, i) => p[i] === step);
 *     assert.ok(errors.some((e) => inside(e.path)));
 *   }),
 *   { numRuns: 50 },
 * );
 * ```
 */
export function malformedDocument(
  options: DocumentJsonOptions = {},
): fc.Arbitrary<MalformedDocument> {
  return fc
    .tuple(documentJson(options), tapeValues())
    .map(([doc, values]) => deepFreeze(corrupt(doc, new Tape(values))));
}
