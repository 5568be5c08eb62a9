/**
 * Malformed documents: a valid document with exactly one field corrupted, and where.
 */
import fc from 'fast-check';
import { deepFreeze } from '../_internal/fields';
import type { Path } from '../errors';
import { type Field, isRequired, SETTLE_DOCUMENT, type Shape, shapeOf } from '../model/shapes';
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

/**
 * The keys an object at `path` may not lack (specification §8), given the whole document: the
 * required keys of its shape, found by following `path` down the description of the wire
 * shapes (model/shapes.ts). A valid document has every one of them, so each is there to
 * remove. A policy that extends a preset lacks nothing: the preset supplies every field.
 */
function requiredKeys(path: Path, node: JsonObject, root: JsonObject): ReadonlyArray<string> {
  const found = shapeAt(path, root);
  if (found === undefined) return [];
  const inPreset = found.inPreset || extendsPreset(found.shape, node);
  return Object.entries(found.shape.fields)
    .filter(([, f]) => isRequired(f, node, inPreset))
    .map(([key]) => key);
}

/** Whether an object of this shape names a preset it extends (a policy with `extends`). */
function extendsPreset(shape: Shape, node: JsonObject): boolean {
  return (
    Object.hasOwn(shape.fields, 'extends') && node.extends !== undefined && node.extends !== null
  );
}

/**
 * The shape of the object at `path` in a valid document, and whether it is inside a policy
 * that extends a preset; `undefined` for an object the description does not shape (a fee's
 * table of fixed amounts, whose keys are data).
 */
function shapeAt(
  path: Path,
  root: JsonObject,
): { readonly shape: Shape; readonly inPreset: boolean } | undefined {
  let shape: Shape = SETTLE_DOCUMENT;
  let node = root;
  let inPreset = false;
  for (let i = 0; i < path.length; i += 1) {
    const f = shape.fields[path[i] as string] as Field;
    const next = shapeOf(f, node);
    if (next === undefined) return undefined;
    inPreset ||= extendsPreset(shape, node);
    let child = node[path[i] as string] as Json;
    // A list's items are its shape's objects: the index is one more step.
    if (f.kind === 'list') {
      i += 1;
      child = (child as Json[])[path[i] as number] as Json;
    }
    shape = next;
    node = child as JsonObject;
  }
  return { shape, inPreset };
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
 *     // A test, where neverthrow keeps its unsafe unwraps: this one throws, failing the
 *     // property, if the document is accepted.
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
