/**
 * the specification v2 section 7, "type before syntax", over every field of the document: generated from a
 * description of the wire format (each field's kind, known by its key and where it is), not
 * from a hand-written list of cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors';
import { documentJson } from '../src/testing';
import { parseDocument } from '../src/wire/document';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;
type JsonType = 'boolean' | 'number' | 'string' | 'array' | 'object';

/** What a field holds on the wire (specification §8), which decides its JSON types. */
type Kind =
  | 'amount'
  | 'percent'
  | 'instant'
  | 'id'
  | 'account'
  | 'currency'
  | 'enum'
  | 'boolean'
  | 'integer'
  | 'integer-or-null'
  | 'policy'
  | 'object'
  | 'array';

/** The JSON types each kind may have; every other type is `invalid_field` (specification §7). */
const TYPES: Readonly<Record<Kind, ReadonlyArray<JsonType>>> = {
  amount: ['string', 'number'],
  percent: ['string', 'number'],
  instant: ['string'],
  id: ['string'],
  account: ['string'],
  currency: ['string'],
  enum: ['string'],
  boolean: ['boolean'],
  integer: ['number'],
  'integer-or-null': ['number'],
  policy: ['string', 'object'],
  object: ['object'],
  array: ['array'],
};

/** The codes of a value of the right type whose text breaks the grammar or a bound. */
const SYNTAX_CODES: ReadonlySet<string> = new Set([
  'invalid_amount',
  'invalid_percent',
  'invalid_instant',
]);

const BY_KEY: Readonly<Record<string, Kind>> = {
  policy: 'policy',
  product: 'object',
  contracts: 'array',
  sale: 'object',
  refunds: 'array',
  extends: 'enum',
  minRetainedPercent: 'percent',
  cocreatorPercent: 'object',
  min: 'percent',
  max: 'percent',
  percentDecimals: 'integer',
  maxCocreators: 'integer-or-null',
  affiliatesOnCocreatedProducts: 'boolean',
  cancellation: 'enum',
  amendments: 'enum',
  fee: 'object',
  fixed: 'object',
  percent: 'percent',
  affiliateCommission: 'percent',
  id: 'id',
  productId: 'id',
  mainCreator: 'account',
  cocreator: 'account',
  by: 'account',
  account: 'account',
  managedBy: 'account',
  events: 'array',
  type: 'enum',
  at: 'instant',
  endsAt: 'instant',
  terms: 'object',
  appliesTo: 'enum',
  mayAlsoSellAsAffiliate: 'boolean',
  price: 'object',
  platformFee: 'object',
  affiliate: 'object',
  currency: 'currency',
};

/**
 * The kind of the field at `path`, from its key; the three places where the key alone does
 * not tell: the items of the arrays (contracts, events, refunds: objects), a refund's
 * `amount` (a money object, where a money object's own `amount` is an amount), and the keys
 * of `fee.fixed` (currency codes whose values are amounts).
 */
function kindOf(path: ReadonlyArray<Step>): Kind {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof key === 'number') return 'object';
  if (parent === 'fixed') return 'amount';
  if (key === 'amount') return path.length === 3 && path[0] === 'refunds' ? 'object' : 'amount';
  const kind = BY_KEY[key as string];
  if (kind === undefined) throw new Error(`no kind for ${JSON.stringify(path)}`);
  return kind;
}

function fieldPaths(value: Json, path: Step[] = []): Step[][] {
  const here = path.length === 0 ? [] : [path];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((item, i) => fieldPaths(item, [...path, i]))];
  }
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => fieldPaths(v, [...path, k]))];
  }
  return here;
}

function replaceAt(doc: Json, path: ReadonlyArray<Step>, value: Json): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  let node = copy as Record<Step, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<Step, Json>;
  node[path[path.length - 1] as Step] = value;
  return copy;
}

/** Values of each JSON type, a few of each (`null` is absent on an optional field: not here). */
const VALUES_OF: Readonly<Record<JsonType, ReadonlyArray<Json>>> = {
  boolean: [true, false],
  number: [0, 42, 19.9],
  string: ['', 'x', '2026-03-01T12:00:00Z', '10'],
  array: [[], ['10'], [{}]],
  object: [{}, { amount: '10', currency: 'BRL' }],
};

function wrongValues(kind: Kind): Json[] {
  const allowed = TYPES[kind];
  return (Object.keys(VALUES_OF) as JsonType[])
    .filter((t) => !allowed.includes(t))
    .flatMap((t) => VALUES_OF[t]);
}

/** Right type, broken text: the grammar or specification §8's bounds, with the code it gets. */
const BROKEN: Partial<Record<Kind, { readonly code: string; readonly values: Json[] }>> = {
  amount: {
    code: 'invalid_amount',
    values: ['', '-1', '1,50', '1e2', ' 1', '.5', '1.', 1e21, 1e-7, '1'.repeat(1001)],
  },
  percent: {
    code: 'invalid_percent',
    values: [
      '',
      '-1',
      '12,5',
      '1e2',
      '12.5%',
      1e21,
      1e-7,
      `1.${'0'.repeat(1001)}`,
      '1'.repeat(1101),
    ],
  },
  instant: {
    code: 'invalid_instant',
    values: [
      '',
      '2026-03-01',
      '2026-03-01t12:00:00Z',
      '2026-03-01T12:00:00z',
      '2026-02-29T00:00:00Z',
      '2026-03-01T12:00:00.1234567890Z',
      '2026-03-01T12:00:00+24:00',
      '0000-12-31T23:59:59Z',
      '0001-01-01T00:00:00+00:01',
      '9999-12-31T23:59:59-00:01',
    ],
  },
};

const documentAndField = documentJson().chain((doc) => {
  const paths = fieldPaths(doc as unknown as Json);
  return fc.tuple(fc.constant(doc as unknown as Json), fc.constantFrom(...paths));
});

const samePath = (error: DomainError, path: ReadonlyArray<Step>) =>
  error.path.length === path.length && error.path.every((step, i) => step === path[i]);

describe('reading a document (specification §7, stage 1)', () => {
  it('knows the kind of every field a valid document has', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        for (const path of fieldPaths(doc as unknown as Json))
          expect(() => kindOf(path)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('meets every field of the wire format in the documents it starts from', () => {
    // So that "every field" above is every field: each key of the description, and a fee's
    // fixed amounts, appear in some generated document.
    const seen = new Set<string>();
    for (const doc of fc.sample(documentJson(), { numRuns: 400, seed: 14 })) {
      for (const path of fieldPaths(doc as unknown as Json)) {
        const key = path[path.length - 1];
        if (typeof key === 'string') seen.add(path[path.length - 2] === 'fixed' ? 'fixed:' : key);
      }
    }
    expect([...Object.keys(BY_KEY), 'amount', 'fixed:'].filter((k) => !seen.has(k))).toEqual([]);
  });

  it('refuses a value of the wrong JSON type with invalid_field at its path, never a syntax code', () => {
    fc.assert(
      fc.property(
        documentAndField.chain(([doc, path]) =>
          fc.tuple(
            fc.constant(doc),
            fc.constant(path),
            fc.constantFrom(...wrongValues(kindOf(path))),
          ),
        ),
        ([doc, path, value]) => {
          const errors = parseDocument(replaceAt(doc, path, value))._unsafeUnwrapErr();
          const here = errors.filter((e) => samePath(e, path));
          expect(here.map((e) => e.code)).toContain('invalid_field');
          expect(here.filter((e) => SYNTAX_CODES.has(e.code))).toEqual([]);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('refuses a value of the right type whose text breaks the grammar or a bound with its syntax code', () => {
    const syntaxField = documentAndField.filter(([, path]) => BROKEN[kindOf(path)] !== undefined);
    fc.assert(
      fc.property(
        syntaxField.chain(([doc, path]) => {
          const broken = BROKEN[kindOf(path)] as { code: string; values: Json[] };
          return fc.tuple(
            fc.constant(doc),
            fc.constant(path),
            fc.constant(broken.code),
            fc.constantFrom(...broken.values),
          );
        }),
        ([doc, path, code, value]) => {
          const errors = parseDocument(replaceAt(doc, path, value))._unsafeUnwrapErr();
          const here = errors.filter((e) => samePath(e, path)).map((e) => e.code);
          expect(here).toEqual([code]);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reports nothing but reading problems: stage 2 never runs beside them', () => {
    const stage1 = new Set([
      'invalid_json',
      'invalid_field',
      'invalid_amount',
      'amount_precision',
      'invalid_percent',
      'percent_out_of_range',
      'unknown_currency',
      'invalid_instant',
      'invalid_policy',
    ]);
    fc.assert(
      fc.property(
        documentAndField.chain(([doc, path]) =>
          fc.tuple(
            fc.constant(doc),
            fc.constant(path),
            fc.constantFrom(...wrongValues(kindOf(path))),
          ),
        ),
        ([doc, path, value]) => {
          const errors = parseDocument(replaceAt(doc, path, value))._unsafeUnwrapErr();
          expect(errors.filter((e) => !stage1.has(e.code))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
