/**
 * Corruptions of valid `settle` documents for the tests of specification §7's stages: each breaks one
 * part of a document in a way whose stage-2 error is known in advance (worked out from the specification,
 * not from the library), on top of the valid documents of `documentJson`. A corruption adds
 * nothing that stage 1 refuses, so every corrupted document reaches stage 2.
 *
 * Each corruption works on a mutable copy of the document and says which errors it causes
 * itself (`own`, when they are known without settling) and how it moves the paths of errors
 * already there (`remap`: only an inserted contract moves anything).
 */
import fc from 'fast-check';
import { documentJson } from '../../src/testing';
import type { Percent } from '../../src/values/percent';
import { parseDocument } from '../../src/wire/document';
import type { SettleDocumentJson } from '../../src/wire/json';
import { settleToJson } from '../../src/wire/oracle';

/** An error as the tests compare it: its code and its path. */
export interface ErrorKey {
  readonly code: string;
  readonly path: ReadonlyArray<string | number>;
}

interface MoneyDoc {
  amount: string | number;
  currency: string;
}
interface EventDoc {
  type: string;
  at: string;
  by: string;
  terms?: unknown;
}
interface ContractDoc {
  id: string;
  productId: string;
  cocreator: string;
  events: EventDoc[];
}
interface SaleDoc {
  id: string;
  productId: string;
  at: string;
  price: MoneyDoc;
  platformFee?: MoneyDoc | null;
  affiliate?: { account: string; percent?: unknown; managedBy?: unknown } | null;
}
interface RefundDoc {
  id: string;
  at: string;
  amount: MoneyDoc;
}
/** A document being corrupted (a mutable copy of a valid one). */
export interface Doc {
  policy?: unknown;
  product: { id: string; mainCreator: string; affiliateCommission?: unknown };
  contracts: ContractDoc[];
  sale: SaleDoc;
  refunds?: RefundDoc[] | null;
}

/** Which part of the document a corruption touches: two corruptions of one part are not combined. */
export type Part =
  | 'history'
  | 'self-cocreation'
  | 'floor'
  | 'other-contract'
  | 'sale-product'
  | 'fee'
  | 'refunds'
  | 'affiliate';

/** What applying a corruption did. */
export interface Applied {
  /** The errors it causes itself, in the order they are reported; `null` when they depend on the document. */
  readonly own: ReadonlyArray<ErrorKey> | null;
  /** Where an error found before the corruption is found after it. */
  readonly remap: (key: ErrorKey) => ErrorKey;
}

/** A known break of one part of a document. */
export interface Corruption {
  /** Its name in the tests' messages. */
  readonly name: string;
  readonly part: Part;
  /** Breaks `doc` in place, using `choice` for its random decisions; `null` when it cannot. */
  readonly apply: (doc: Doc, choice: number) => Applied | null;
}

const same = (key: ErrorKey) => key;
const applied = (own: ReadonlyArray<ErrorKey> | null, remap = same): Applied => ({ own, remap });

/** An account that is party to nothing in any generated document. */
export const OUTSIDER = 'outsider@stage.test';
const BEFORE_EVERYTHING = '1990-01-01T00:00:00Z';
/** Generated documents have every instant between 2000 and 2100. */
const AFTER_EVERYTHING = '9999-01-01T00:00:00Z';

/** Another currency than `code`, known to the currency table. */
function otherCurrency(code: string): string {
  return code === 'USD' ? 'EUR' : 'USD';
}

/** A whole amount above the price (any currency takes a whole amount). */
function aboveThePrice(price: MoneyDoc): string {
  const whole = String(price.amount).split('.')[0] as string;
  return String(BigInt(whole) + 1n);
}

function refundsOf(doc: Doc): RefundDoc[] {
  if (!Array.isArray(doc.refunds)) doc.refunds = [];
  return doc.refunds;
}

/** Row 2b: an event of an existing contract made by a stranger (`not_authorized` at its `by`). */
export const strangerEvent: Corruption = {
  name: 'an event by a stranger',
  part: 'history',
  apply(doc, choice) {
    const count = doc.contracts.length;
    if (count === 0) return null;
    const i = choice % count;
    const events = (doc.contracts[i] as ContractDoc).events;
    const j = Math.floor(choice / count) % events.length;
    (events[j] as EventDoc).by = OUTSIDER;
    // Every check before the actor passed in the valid history, which is the same up to j.
    return applied([{ code: 'not_authorized', path: ['contracts', i, 'events', j, 'by'] }]);
  },
};

/**
 * Row 2b: a contract of this product held by its main creator, whose history would break
 * other rules if it were read (`self_cocreation` alone, at its `cocreator`).
 */
export const selfCocreation: Corruption = {
  name: 'a self-cocreation',
  part: 'self-cocreation',
  apply(doc) {
    const i = doc.contracts.length;
    doc.contracts.push({
      id: 'zz-self',
      productId: doc.product.id,
      cocreator: doc.product.mainCreator,
      events: [
        { type: 'accepted', at: BEFORE_EVERYTHING, by: OUTSIDER },
        {
          type: 'invited',
          at: '1989-01-01T00:00:00Z',
          by: OUTSIDER,
          terms: { percent: '99.9999' },
        },
      ],
    });
    return applied([{ code: 'self_cocreation', path: ['contracts', i, 'cocreator'] }]);
  },
};

/** `p` in units of `10^-scale`. */
function unitsAt(p: Percent, scale: number): bigint {
  return p.units * 10n ** BigInt(scale - p.scale);
}

/**
 * Row 2c: pending invitations, before every other event, each of the largest percent the
 * policy allows on its grid, enough of them to reserve more than the retention floor leaves
 * (`retention_floor_violated` at each of them, and at later checkpoints; with a
 * `maxCocreators` possibly `max_cocreators_reached` too). Pending contracts cover no sale, so
 * nothing else changes.
 */
export const floorPushedOver: Corruption = {
  name: 'contracts pushing the floor over',
  part: 'floor',
  apply(doc) {
    const read = parseDocument(doc);
    if (read.isErr()) return null;
    const rules = read.value.policy;
    const { min, max } = rules.cocreatorPercent;
    const decimals = rules.percentDecimals;
    const scale = Math.max(decimals, min.scale, max.scale, rules.minRetainedPercent.scale);
    const grid = 10n ** BigInt(scale - decimals);
    const largest = (unitsAt(max, scale) / grid) * grid;
    if (largest === 0n || largest < unitsAt(min, scale)) return null;
    const cap = 100n * 10n ** BigInt(scale) - unitsAt(rules.minRetainedPercent, scale);
    const count = cap / largest + 1n;
    if (count > 6n) return null;
    const onGrid = largest / grid;
    const unit = 10n ** BigInt(decimals);
    const text =
      decimals === 0
        ? String(onGrid)
        : `${onGrid / unit}.${String(onGrid % unit).padStart(decimals, '0')}`;
    for (let k = 1n; k <= count; k++) {
      doc.contracts.push({
        id: `zz-floor-${k}`,
        productId: doc.product.id,
        cocreator: `floor${k}@stage.test`,
        events: [
          {
            type: 'invited',
            at: BEFORE_EVERYTHING,
            by: doc.product.mainCreator,
            terms: { percent: text },
          },
        ],
      });
    }
    return applied(null);
  },
};

/** The id of the product a corrupted contract or sale names instead. */
export function otherProduct(doc: Doc): string {
  return `${doc.product.id}-other`;
}

/**
 * Row 2a: a contract of another product, inserted anywhere, whose history and cocreator would
 * break this product's rules if it counted (`product_mismatch` alone, at its `productId`).
 */
export const otherProductContract: Corruption = {
  name: 'a contract of another product',
  part: 'other-contract',
  apply(doc, choice) {
    const at = choice % (doc.contracts.length + 1);
    doc.contracts.splice(at, 0, {
      id: 'zz-other',
      productId: otherProduct(doc),
      cocreator: doc.product.mainCreator,
      events: [
        { type: 'accepted', at: AFTER_EVERYTHING, by: OUTSIDER },
        { type: 'invited', at: BEFORE_EVERYTHING, by: OUTSIDER, terms: { percent: '99.9999' } },
      ],
    });
    const remap = (key: ErrorKey): ErrorKey => {
      const [root, index, ...rest] = key.path;
      return root === 'contracts' && typeof index === 'number' && index >= at
        ? { code: key.code, path: [root, index + 1, ...rest] }
        : key;
    };
    return applied([{ code: 'product_mismatch', path: ['contracts', at, 'productId'] }], remap);
  },
};

/** Row 2a: the sale names another product (`product_mismatch` at its `productId`). */
export const otherProductSale: Corruption = {
  name: 'a sale of another product',
  part: 'sale-product',
  apply(doc) {
    doc.sale.productId = otherProduct(doc);
    return applied([{ code: 'product_mismatch', path: ['sale', 'productId'] }]);
  },
};

/** Row 2d: a given fee above the price (`fee_exceeds_price` at its amount). */
export const feeOverPrice: Corruption = {
  name: 'a fee over the price',
  part: 'fee',
  apply(doc) {
    doc.sale.platformFee = {
      amount: aboveThePrice(doc.sale.price),
      currency: doc.sale.price.currency,
    };
    return applied([{ code: 'fee_exceeds_price', path: ['sale', 'platformFee', 'amount'] }]);
  },
};

/** Row 2a: a fee in another currency (`currency_mismatch` at its currency), above the price too. */
export const feeInAnotherCurrency: Corruption = {
  name: 'a fee in another currency',
  part: 'fee',
  apply(doc) {
    // Above the price: a fee in another currency is not compared with it.
    doc.sale.platformFee = {
      amount: aboveThePrice(doc.sale.price),
      currency: otherCurrency(doc.sale.price.currency),
    };
    return applied([{ code: 'currency_mismatch', path: ['sale', 'platformFee', 'currency'] }]);
  },
};

/**
 * Row 2f (and 2a for a refund's currency): refunds appended after the valid ones, one of four
 * kinds: before the sale, past the price, in another currency, out of order (two refunds in
 * another currency, the second earlier than the first).
 */
export const badRefunds: Corruption = {
  name: 'bad refunds',
  part: 'refunds',
  apply(doc, choice) {
    const refunds = refundsOf(doc);
    const n = refunds.length;
    const currency = doc.sale.price.currency;
    const other = otherCurrency(currency);
    switch (choice % 4) {
      case 0:
        refunds.push({ id: 'zz-r1', at: BEFORE_EVERYTHING, amount: { amount: '1', currency } });
        return applied([{ code: 'refund_before_sale', path: ['refunds', n, 'at'] }]);
      case 1:
        // The valid refunds total at most the price: this one takes the total past it.
        refunds.push({
          id: 'zz-r1',
          at: AFTER_EVERYTHING,
          amount: { amount: aboveThePrice(doc.sale.price), currency },
        });
        return applied([
          { code: 'refund_exceeds_price', path: ['refunds', n, 'amount', 'amount'] },
        ]);
      case 2:
        refunds.push({
          id: 'zz-r1',
          at: AFTER_EVERYTHING,
          amount: { amount: '1', currency: other },
        });
        return applied([{ code: 'currency_mismatch', path: ['refunds', n, 'amount', 'currency'] }]);
      default:
        refunds.push(
          { id: 'zz-r1', at: '9999-01-02T00:00:00Z', amount: { amount: '1', currency: other } },
          { id: 'zz-r2', at: AFTER_EVERYTHING, amount: { amount: '1', currency: other } },
        );
        return applied([
          { code: 'currency_mismatch', path: ['refunds', n, 'amount', 'currency'] },
          { code: 'currency_mismatch', path: ['refunds', n + 1, 'amount', 'currency'] },
          { code: 'events_out_of_order', path: ['refunds', n + 1, 'at'] },
        ]);
    }
  },
};

/**
 * Row 2e: the sale made by an affiliate who is one of the cocreators (or a stranger), so that
 * the affiliate rules of 4.6 may refuse it, depending on which contracts cover the sale.
 */
export const cocreatorAsAffiliate: Corruption = {
  name: 'a cocreator as the affiliate',
  part: 'affiliate',
  apply(doc, choice) {
    const accounts = [...doc.contracts.map((c) => c.cocreator), OUTSIDER];
    doc.sale.affiliate = { account: accounts[choice % accounts.length] as string, percent: '10' };
    return applied(null);
  },
};

/** Row 2d: the main creator as the affiliate (`self_affiliation` at its account, maybe with 2e's). */
export const selfAffiliation: Corruption = {
  name: 'the main creator as the affiliate',
  part: 'affiliate',
  apply(doc) {
    doc.sale.affiliate = { account: doc.product.mainCreator, percent: '10' };
    return applied(null);
  },
};

/** Every corruption. */
export const CORRUPTIONS: ReadonlyArray<Corruption> = [
  strangerEvent,
  selfCocreation,
  floorPushedOver,
  otherProductContract,
  otherProductSale,
  feeOverPrice,
  feeInAnotherCurrency,
  badRefunds,
  cocreatorAsAffiliate,
  selfAffiliation,
];

/** The corruptions of another part than `part`. */
export function othersThan(part: Part): ReadonlyArray<Corruption> {
  return CORRUPTIONS.filter((c) => c.part !== part);
}

/** A valid document (small) and numbers for the corruptions' choices. */
export const documentAndChoices = fc.record({
  document: documentJson({ maxContracts: 3, maxRefunds: 2 }),
  first: fc.nat(),
  second: fc.nat(),
});

/** A mutable copy of a (frozen) generated document. */
export function copyOf(document: SettleDocumentJson | Doc): Doc {
  return structuredClone(document) as unknown as Doc;
}

/** What settling the document reports: its errors as keys, in order; `[]` when it settles. */
export function errorsOf(doc: Doc): ErrorKey[] {
  const output = settleToJson(doc);
  return output.ok ? [] : output.errors.map((e) => ({ code: e.code, path: [...e.path] }));
}

/** The codes of the rules across contracts (row 2c). */
export const ACROSS: ReadonlySet<string> = new Set([
  'retention_floor_violated',
  'max_cocreators_reached',
  'duplicate_cocreator',
]);
/** The codes of the affiliate rules over the covering contracts (row 2e). */
export const COVERAGE: ReadonlySet<string> = new Set([
  'affiliate_not_permitted',
  'affiliates_not_allowed',
]);

/** Row 2b's errors: a history's, or a self-cocreation. */
export function isHistoryError(key: ErrorKey): boolean {
  return key.path[0] === 'contracts' && key.code !== 'product_mismatch' && !ACROSS.has(key.code);
}

/** The errors of the refunds (rows 2a and 2f). */
export function isRefundError(key: ErrorKey): boolean {
  return key.path[0] === 'refunds';
}
