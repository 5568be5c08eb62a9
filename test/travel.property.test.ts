/**
 * Values that travel (issue 15): every value the library returns is plain data, accepted for
 * what it contains. A copy of it (a `structuredClone`, as `postMessage` to a worker makes; a
 * deep-frozen copy) gets exactly the same answer from every function as the original, and no
 * function mutates it.
 *
 * The test is a table: each {@link Kind} names a kind of value, how to pick one from a world
 * (a random valid document, settled, refunded and put in a ledger), and the functions that
 * accept it. {@link COPIES} names the ways a value travels. To add a way (the wire format's
 * JSON round trip, say), add a copy; to add a function or a kind, add a row.
 */

import {
  accept,
  addPercents,
  allowedActions,
  availablePercentAt,
  type CocreationContract,
  type ContractTimeline,
  type Currency,
  can,
  checkAffiliatePercent,
  checkCocreatorPercent,
  checkContract,
  checkPercentPrecision,
  combineLedgers,
  commissionTerms,
  comparePercent,
  compileSettler,
  contractsCovering,
  coveringTerms,
  covers,
  type Domain,
  documentToJson,
  EMPTY_LEDGER,
  explain,
  formatAmount,
  formatInstant,
  formatMoney,
  formatPercent,
  instant,
  invite,
  isCurrency,
  isLive,
  isPercentInRange,
  type Ledger,
  ledgerOf,
  ledgerTotal,
  liveContractsAt,
  type Money,
  maxReservedPercent,
  money,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  type Policy,
  type PrintedSettlement,
  type Product,
  parseAmount,
  parseDocument,
  parseSettlementJson,
  pendingAmendmentAt,
  pendingCancellationAt,
  percentDecimals,
  percentOfAmount,
  type Refund,
  type Reversal,
  refundAll,
  refundSale,
  replayContract,
  reservedPercentAt,
  reversalToJson,
  type Sale,
  type SettleDocument,
  type Settlement,
  settleDocument,
  settlementToJson,
  settleSale,
  settleWithDomain,
  statusAt,
  subtractPercents,
  termsAt,
  termsHistory,
  timelineOf,
  totalReservedPercentAt,
  validateDomain,
  withdraw,
} from 'cocreation';
import { diffSettlements, documentJson } from 'cocreation/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** One random valid document and everything the library makes of it. */
export interface World {
  readonly doc: SettleDocument;
  readonly domain: Domain;
  readonly timeline: ContractTimeline | undefined;
  readonly settlement: Settlement;
  readonly reversals: ReadonlyArray<Reversal>;
  readonly ledger: Ledger;
  readonly printed: PrintedSettlement;
}

function worldOf(doc: SettleDocument): World {
  const domain = validateDomain(doc)._unsafeUnwrap();
  const { settlement, reversals } = settleDocument(doc)._unsafeUnwrap();
  return {
    doc,
    domain,
    timeline: domain.timelines[0],
    settlement,
    reversals,
    ledger: ledgerOf([settlement, ...reversals], {
      period: (e) => formatInstant(e.at).slice(0, 7),
    })._unsafeUnwrap(),
    printed: parseSettlementJson(settlementToJson(settlement))._unsafeUnwrap(),
  };
}

export const worldArb: fc.Arbitrary<World> = documentJson().map((json) =>
  worldOf(parseDocument(json)._unsafeUnwrap()),
);

/** A function that accepts a value of a kind; the world gives its other arguments. */
// biome-ignore lint/suspicious/noExplicitAny: each row reads the value as its own kind
type Use = (value: any, world: World) => unknown;

/** A kind of value the library returns, where to find one, and the functions that take it. */
export interface Kind {
  readonly name: string;
  /** A value of this kind in the world, or `undefined` when the world has none. */
  readonly pick: (world: World) => unknown;
  readonly uses: Readonly<Record<string, Use>>;
}

const contractsOf = (w: World) => w.doc.contracts;
const context = (w: World) => ({
  policy: w.doc.policy,
  product: w.doc.product,
  contracts: w.doc.contracts,
});
/** An invitation of an account no generated document uses, a day after the sale. */
const invitation = (w: World) => ({
  id: 'travel-c',
  cocreator: 'travel@example.com',
  by: w.doc.product.mainCreator,
  at: instant(w.doc.sale.at + 86_400_000)._unsafeUnwrap(),
  terms: { percent: '0.01' },
});
const later = (w: World) => instant(w.doc.sale.at + 86_400_000)._unsafeUnwrap();

export const KINDS: ReadonlyArray<Kind> = [
  {
    name: 'policy',
    pick: (w) => w.doc.policy,
    uses: {
      validateDomain: (p: Policy, w) => validateDomain({ ...context(w), policy: p }),
      settleSale: (p: Policy, w) => settleSale(p, w.doc.product, contractsOf(w), w.doc.sale),
      maxReservedPercent: (p: Policy) => maxReservedPercent(p),
      checkCocreatorPercent: (p: Policy, w) =>
        checkCocreatorPercent(w.settlement.minRetainedPercent, p),
      allowedActions: (p: Policy, w) =>
        allowedActions(w.doc.product.mainCreator, w.doc.product, w.domain.timelines, later(w), p),
      invite: (p: Policy, w) => invite({ ...context(w), policy: p }, invitation(w)),
    },
  },
  {
    name: 'product',
    pick: (w) => w.doc.product,
    uses: {
      validateDomain: (p: Product, w) => validateDomain({ ...context(w), product: p }),
      settleSale: (p: Product, w) => settleSale(w.doc.policy, p, contractsOf(w), w.doc.sale),
      can: (p: Product, w) =>
        can(p.mainCreator, 'invite-cocreator', p, w.domain.timelines, later(w), w.doc.policy),
      invite: (p: Product, w) => invite({ ...context(w), product: p }, invitation(w)),
    },
  },
  {
    name: 'contract history',
    pick: (w) => w.doc.contracts[0],
    uses: {
      checkContract: (c: CocreationContract) => checkContract(c),
      replayContract: (c: CocreationContract, w) => replayContract(c, w.doc.policy, w.doc.product),
      validateDomain: (c: CocreationContract, w) =>
        validateDomain({ ...context(w), contracts: [c, ...w.doc.contracts.slice(1)] }),
      settleSale: (c: CocreationContract, w) =>
        settleSale(w.doc.policy, w.doc.product, [c, ...w.doc.contracts.slice(1)], w.doc.sale),
      accept: (c: CocreationContract, w) =>
        accept(context(w), c, { by: c.cocreator, at: later(w) }),
      withdraw: (c: CocreationContract, w) =>
        withdraw(context(w), c, { by: w.doc.product.mainCreator, at: later(w) }),
    },
  },
  {
    name: 'contract timeline',
    pick: (w) => w.timeline,
    uses: {
      termsAt: (t: ContractTimeline, w) => termsAt(t, w.doc.sale.at),
      coveringTerms: (t: ContractTimeline, w) => coveringTerms(t, w.doc.sale.at),
      covers: (t: ContractTimeline, w) => covers(t, w.doc.sale),
      commissionTerms: (t: ContractTimeline, w) => commissionTerms(t, w.doc.sale),
      statusAt: (t: ContractTimeline, w) => statusAt(t, w.doc.sale.at),
      isLive: (t: ContractTimeline, w) => isLive(t, w.doc.sale.at),
      reservedPercentAt: (t: ContractTimeline, w) => reservedPercentAt(t, w.doc.sale.at),
      pendingAmendmentAt: (t: ContractTimeline, w) => pendingAmendmentAt(t, w.doc.sale.at),
      pendingCancellationAt: (t: ContractTimeline, w) => pendingCancellationAt(t, w.doc.sale.at),
      termsHistory: (t: ContractTimeline) => termsHistory(t),
      allowedActions: (t: ContractTimeline, w) =>
        allowedActions(t.contract.cocreator, w.doc.product, [t], w.doc.sale.at, w.doc.policy),
    },
  },
  {
    name: 'domain',
    pick: (w) => w.domain,
    uses: {
      validateDomain: (d: Domain) => validateDomain(d),
      settleWithDomain: (d: Domain, w) => settleWithDomain(d, w.doc.sale),
      compileSettler: (d: Domain, w) => compileSettler(d).settle(w.doc.sale),
      liveContractsAt: (d: Domain, w) => liveContractsAt(d, w.doc.sale.at),
      contractsCovering: (d: Domain, w) => contractsCovering(d, w.doc.sale),
      totalReservedPercentAt: (d: Domain, w) => totalReservedPercentAt(d, w.doc.sale.at),
      availablePercentAt: (d: Domain, w) => availablePercentAt(d, w.doc.sale.at),
      timelineOf: (d: Domain, w) => timelineOf(d, w.timeline?.contract.id ?? 'none'),
    },
  },
  {
    name: 'sale',
    pick: (w) => w.doc.sale,
    uses: {
      settleSale: (s: Sale, w) => settleSale(w.doc.policy, w.doc.product, contractsOf(w), s),
      settleWithDomain: (s: Sale, w) => settleWithDomain(w.domain, s),
      compileSettler: (s: Sale, w) => compileSettler(w.domain).settle(s),
      contractsCovering: (s: Sale, w) => contractsCovering(w.domain, s),
    },
  },
  {
    name: 'refunds',
    pick: (w) => w.doc.refunds,
    uses: {
      refundAll: (r: ReadonlyArray<Refund>, w) => refundAll(w.settlement, r),
      refundSale: (r: ReadonlyArray<Refund>, w) =>
        r.length === 0 ? null : refundSale(w.settlement, r.slice(0, -1), r[r.length - 1] as Refund),
    },
  },
  {
    name: 'settlement',
    pick: (w) => w.settlement,
    uses: {
      refundAll: (s: Settlement, w) => refundAll(s, w.doc.refunds),
      refundSale: (s: Settlement, w) =>
        w.doc.refunds.length === 0 ? null : refundSale(s, [], w.doc.refunds[0] as Refund),
      explain: (s: Settlement) => explain(s),
      explainWithReversals: (s: Settlement, w) => explain(s, w.reversals),
      settlementToJson: (s: Settlement) => settlementToJson(s),
      ledgerOf: (s: Settlement, w) => ledgerOf([s, ...w.reversals]),
      diffSettlements: (s: Settlement, w) => diffSettlements(w.printed, s),
    },
  },
  {
    name: 'reversals',
    pick: (w) => w.reversals,
    uses: {
      explain: (r: ReadonlyArray<Reversal>, w) => explain(w.settlement, r),
      reversalToJson: (r: ReadonlyArray<Reversal>) => r.map(reversalToJson),
      ledgerOf: (r: ReadonlyArray<Reversal>, w) => ledgerOf([w.settlement, ...r]),
    },
  },
  {
    name: 'ledger',
    pick: (w) => w.ledger,
    uses: {
      combineLedgers: (l: Ledger, w) => combineLedgers(l, w.ledger),
      combineWithEmpty: (l: Ledger) => combineLedgers(EMPTY_LEDGER, l),
      ledgerTotal: (l: Ledger, w) => ledgerTotal(l, { currency: w.settlement.currency.code }),
    },
  },
  {
    name: 'printed settlement',
    pick: (w) => w.printed,
    uses: {
      diffSettlements: (p: PrintedSettlement, w) => diffSettlements(p, w.settlement),
    },
  },
  {
    name: 'money',
    pick: (w) => w.doc.sale.price,
    uses: {
      formatMoney: (m: Money) => formatMoney(m),
      money: (m: Money) => money(m.amount, m.currency),
      parseAmount: (m: Money) => parseAmount('1', m.currency),
    },
  },
  {
    name: 'currency',
    pick: (w) => w.settlement.currency,
    uses: {
      isCurrency: (c: Currency) => isCurrency(c),
      money: (c: Currency) => money(100n, c),
      parseAmount: (c: Currency) => parseAmount('12', c),
      formatAmount: (c: Currency) => formatAmount(-12345n, c),
    },
  },
  {
    name: 'percent',
    pick: (w) => w.timeline?.terms[0]?.terms.percent ?? w.settlement.minRetainedPercent,
    uses: {
      formatPercent: (p: Percent) => formatPercent(p),
      comparePercent: (p: Percent) => comparePercent(p, PERCENT_0),
      addPercents: (p: Percent) => addPercents(p, PERCENT_0),
      subtractPercents: (p: Percent) => subtractPercents(PERCENT_100, p),
      percentDecimals: (p: Percent) => percentDecimals(p),
      checkPercentPrecision: (p: Percent) => checkPercentPrecision(p, 2),
      isPercentInRange: (p: Percent) => isPercentInRange(p, PERCENT_0, PERCENT_100),
      percentOfAmount: (p: Percent) => percentOfAmount(1_234_567n, p, 'down'),
      checkAffiliatePercent: (p: Percent) => checkAffiliatePercent(p),
      checkCocreatorPercent: (p: Percent, w) => checkCocreatorPercent(p, w.doc.policy),
    },
  },
  {
    name: 'instant',
    pick: (w) => w.doc.sale.at,
    uses: {
      formatInstant: (t: number) => formatInstant(t as Sale['at']),
      instant: (t: number) => instant(t),
      liveContractsAt: (t: number, w) => liveContractsAt(w.domain, t as Sale['at']),
    },
  },
  {
    name: 'parsed document',
    pick: (w) => w.doc,
    uses: {
      settleDocument: (d: SettleDocument) => settleDocument(d),
      documentToJson: (d: SettleDocument) => documentToJson(d),
      validateDomain: (d: SettleDocument) => validateDomain(d),
    },
  },
];

/** Freezes a value and everything in it (plain objects and arrays). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Ways a value travels: each copy must get the same answers as the original. */
export const COPIES: Readonly<Record<string, (value: unknown, kind: Kind) => unknown>> = {
  structuredClone: (value) => structuredClone(value),
  'deep-frozen structuredClone': (value) => deepFreeze(structuredClone(value)),
};

/** Whether a value and everything in it is frozen (primitives are). */
function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

/** The value a call made, when it returned a Result (a constructor), else `undefined`. */
function made(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'isOk' in value) {
    const result = value as { isOk(): boolean; value?: unknown; error?: unknown };
    return result.isOk() ? result.value : result.error;
  }
  return undefined;
}

/** What a call answered, comparable across copies: a Result's side and content, else the value. */
function outcome(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'isOk' in value) {
    const result = value as { isOk(): boolean; value?: unknown; error?: unknown };
    return result.isOk() ? { ok: result.value } : { err: result.error };
  }
  return value;
}

describe('values that travel', () => {
  for (const kind of KINDS) {
    describe(`a ${kind.name}`, () => {
      for (const [copyName, copy] of Object.entries(COPIES)) {
        it(`gets the same answer from every function as a ${copyName} of it, which none mutates, and what they build is as frozen`, () => {
          fc.assert(
            fc.property(worldArb, (world) => {
              const original = kind.pick(world);
              fc.pre(original !== undefined);
              const travelled = copy(original, kind);
              const before = structuredClone(travelled);
              for (const [name, use] of Object.entries(kind.uses)) {
                const fromOriginal = use(original, world);
                const fromCopy = use(travelled, world);
                expect(outcome(fromCopy), name).toStrictEqual(outcome(fromOriginal));
                // What a constructor builds from a copy is as frozen as what it builds from the
                // original: it holds no unfrozen piece of its input.
                expect(isDeepFrozen(made(fromCopy)), name).toBe(isDeepFrozen(made(fromOriginal)));
              }
              expect(travelled).toStrictEqual(before);
            }),
            { numRuns: 25 },
          );
        });
      }
    });
  }
});
