/**
 * The one description of the wire's input shapes (src/model/shapes.ts) against what the
 * library reads and prints: a valid document, read and printed back, has at every object only
 * the keys of its shape and every key its shape requires; and each printer, given a value
 * with every field, writes every key of its shape (so a printer that forgets a field fails
 * here, as a reader that forgets a key fails the malformed-document properties).
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ContractEventType } from '../src/contracts/types';
import {
  COCREATOR_PERCENT,
  CONTRACT,
  CONTRACT_EVENT,
  EVENT_TYPES,
  type EventTypeName,
  FEE_SCHEDULE,
  INVITATION_TERMS,
  isRequired,
  keysOf,
  MONEY,
  POLICY,
  PRODUCT,
  REFUND,
  SALE,
  SALE_AFFILIATE,
  SETTLE_DOCUMENT,
  type Shape,
  shapeOf,
  TERMS_PATCH,
} from '../src/model/shapes';
import { documentJson } from '../src/testing';
import {
  contractToJson,
  documentToJson,
  parseDocument,
  policyToJson,
  productToJson,
  refundToJson,
} from '../src/wire';
import type { ContractEventJson } from '../src/wire/json';

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every way `value` departs from `shape`, by path: unknown keys and missing required ones. */
function departures(value: unknown, shape: Shape, path: string, inPreset = false): string[] {
  if (!isObject(value)) return [];
  const out: string[] = [];
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape.fields, key)) out.push(`${path}.${key}: not in the shape`);
  }
  const preset = inPreset || (Object.hasOwn(shape.fields, 'extends') && value.extends != null);
  for (const [key, f] of Object.entries(shape.fields)) {
    const child = value[key];
    if (isRequired(f, value, preset) && child === undefined) out.push(`${path}.${key}: missing`);
    const inner = shapeOf(f, value);
    if (inner === undefined || child === undefined || child === null) continue;
    const items = f.kind === 'list' ? (child as unknown[]) : [child];
    items.forEach((item, i) => {
      const at = f.kind === 'list' ? `${path}.${key}[${i}]` : `${path}.${key}`;
      out.push(...departures(item, inner, at, preset));
    });
  }
  return out;
}

const at = '2026-01-01T00:00:00.000Z';
/** A document in which every optional field of every shape is given. */
const FULL = {
  policy: {
    extends: 'hotmart',
    minRetainedPercent: '30',
    cocreatorPercent: { min: '1', max: '60' },
    percentDecimals: 2,
    maxCocreators: 3,
    affiliatesOnCocreatedProducts: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
    fee: { percent: '9.9', fixed: { BRL: '1.00' } },
  },
  product: { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40' },
  contracts: [
    {
      id: 'c1',
      productId: 'p1',
      cocreator: 'bia@example.com',
      events: [
        {
          type: 'invited',
          at,
          by: 'ana@example.com',
          terms: {
            percent: '20',
            appliesTo: 'all-sales',
            endsAt: '2027-01-01T00:00:00.000Z',
            mayAlsoSellAsAffiliate: true,
          },
        },
        { type: 'accepted', at, by: 'bia@example.com' },
        {
          type: 'amendment-proposed',
          at,
          by: 'ana@example.com',
          terms: {
            percent: '25',
            appliesTo: 'direct-sales',
            endsAt: null,
            mayAlsoSellAsAffiliate: false,
          },
        },
      ],
    },
  ],
  sale: {
    id: 's1',
    productId: 'p1',
    at: '2026-03-01T00:00:00.000Z',
    price: { amount: '100.00', currency: 'BRL' },
    platformFee: { amount: '10.00', currency: 'BRL' },
    affiliate: { account: 'leo@example.com', percent: '30', managedBy: 'gil@example.com' },
  },
  refunds: [
    { id: 'r1', at: '2026-03-02T00:00:00.000Z', amount: { amount: '5.00', currency: 'BRL' } },
  ],
};

describe('the wire shape description', () => {
  it('fits every valid document, and every document read and printed back', () => {
    fc.assert(
      fc.property(documentJson(), (doc) => {
        expect(departures(doc, SETTLE_DOCUMENT, '$')).toEqual([]);
        const printed = documentToJson(parseDocument(doc)._unsafeUnwrap());
        expect(departures(printed, SETTLE_DOCUMENT, '$')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('finds a key that is not in the shape, and a required key that is missing', () => {
    const { id: _, ...noId } = FULL.product;
    expect(departures({ ...FULL, product: { ...noId, x: 1 } }, SETTLE_DOCUMENT, '$')).toEqual([
      '$.product.x: not in the shape',
      '$.product.id: missing',
    ]);
  });

  it('makes a policy that extends a preset lack nothing, and one that does not lack every preset field', () => {
    const full = { ...FULL, policy: { fee: null } };
    expect(departures(full, SETTLE_DOCUMENT, '$')).toEqual(
      keysOf(POLICY)
        .filter((k) => k !== 'extends' && k !== 'fee')
        .map((k) => `$.policy.${k}: missing`),
    );
    expect(departures({ ...FULL, policy: { extends: 'kiwify' } }, SETTLE_DOCUMENT, '$')).toEqual(
      [],
    );
  });

  it('requires terms on the events that carry them, percent only on an invitation', () => {
    const event = CONTRACT_EVENT.fields.terms;
    expect(isRequired(event, { type: 'invited' }, false)).toBe(true);
    expect(isRequired(event, { type: 'amended' }, false)).toBe(true);
    expect(isRequired(event, { type: 'accepted' }, false)).toBe(false);
    expect(shapeOf(event, { type: 'invited' })).toBe(INVITATION_TERMS);
    expect(shapeOf(event, { type: 'amendment-proposed' })).toBe(TERMS_PATCH);
    expect(shapeOf(event, { type: 7 })).toBeUndefined();
    expect(keysOf(INVITATION_TERMS)).toEqual(keysOf(TERMS_PATCH));
  });

  it("names an event's type by the same union as the contract's events, one list for both", () => {
    // Type-level (checked by tsc over the tests): a new event type added to one side only fails.
    expectTypeOf<EventTypeName>().toEqualTypeOf<ContractEventType>();
    expectTypeOf<ContractEventJson['type']>().toEqualTypeOf<ContractEventType>();
    expect(new Set(EVENT_TYPES).size).toBe(14);
    expect(Object.isFrozen(EVENT_TYPES)).toBe(true);
  });
});

describe('the printers', () => {
  const doc = parseDocument(FULL)._unsafeUnwrap();
  const printed = documentToJson(doc);

  it('write every key of each shape when the value has every field', () => {
    const [contract] = printed.contracts;
    const [invited, , proposed] = contract?.events ?? [];
    const [refund] = printed.refunds ?? [];
    const policy = printed.policy as Fields;
    const sale = printed.sale;
    const cases: ReadonlyArray<readonly [unknown, Shape]> = [
      [printed, SETTLE_DOCUMENT],
      [policy, POLICY],
      [policy.cocreatorPercent, COCREATOR_PERCENT],
      [policy.fee, FEE_SCHEDULE],
      [printed.product, PRODUCT],
      [contract, CONTRACT],
      [invited, CONTRACT_EVENT],
      [invited?.terms, INVITATION_TERMS],
      [proposed?.terms, TERMS_PATCH],
      [sale, SALE],
      [sale.price, MONEY],
      [sale.platformFee, MONEY],
      [sale.affiliate, SALE_AFFILIATE],
      [refund, REFUND],
      [refund?.amount, MONEY],
      [policyToJson(doc.policy), POLICY],
      [productToJson(doc.product), PRODUCT],
      [contractToJson(doc.contracts[0] as (typeof doc.contracts)[0]), CONTRACT],
      [refundToJson(doc.refunds[0] as (typeof doc.refunds)[0]), REFUND],
    ];
    for (const [value, shape] of cases) {
      expect(Object.keys(value as object)).toEqual(keysOf(shape));
    }
  });
});
