/**
 * Values that travel (issue 15): the table of every kind of value the library returns, where
 * to find one, and the functions that accept it, over any copy of the library's API (the
 * sources, the ESM build, the CommonJS build). Used by test/travel.property.test.ts (a value
 * and its copies get the same answers) and test/builds.test.ts (both builds in one process).
 * To add a function or a kind, add a row to {@link kindsOf}.
 */

import type * as Cocreation from 'cocreation';
import type {
  CocreationContract,
  ContractTimeline,
  Currency,
  Domain,
  DomainErrors,
  Ledger,
  Money,
  Percent,
  Policy,
  Product,
  Refund,
  Reversal,
  Sale,
  Settlement,
} from 'cocreation';
import type * as Testing from 'cocreation/testing';
import { documentJson } from 'cocreation/testing';
import type * as Wire from 'cocreation/wire';
import type { PrintedSettlement, SettleDocument } from 'cocreation/wire';
import type fc from 'fast-check';

/**
 * One copy of the library: its main entry, `cocreation/wire`, and `diffSettlements` of
 * `cocreation/testing`.
 */
export type Api = typeof Cocreation & typeof Wire & Pick<typeof Testing, 'diffSettlements'>;

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

/** The world the library `api` makes of a parsed document. */
export function worldOf(api: Api, doc: SettleDocument): World {
  const domain = api.validateDomain(doc)._unsafeUnwrap();
  const { settlement, reversals } = api.settleDocument(doc)._unsafeUnwrap();
  return {
    doc,
    domain,
    timeline: domain.timelines[0],
    settlement,
    reversals,
    ledger: api
      .ledgerOf([settlement, ...reversals], {
        period: (e) => api.formatInstant(e.at).slice(0, 7),
      })
      ._unsafeUnwrap(),
    printed: api.parseSettlementJson(api.settlementToJson(settlement))._unsafeUnwrap(),
  };
}

/** Worlds made by `api` of random valid documents. */
export function worldArb(api: Api): fc.Arbitrary<World> {
  return documentJson().map((json) => worldOf(api, api.parseDocument(json)._unsafeUnwrap()));
}

/** A function that accepts a value of a kind; the world gives its other arguments. */
// biome-ignore lint/suspicious/noExplicitAny: each row reads the value as its own kind
type Use = (value: any, world: World) => unknown;

/** A kind of value the library returns, where to find one, and the functions that take it. */
export interface Kind {
  readonly name: string;
  /** A value of this kind in the world, or `undefined` when the world has none. */
  readonly pick: (world: World) => unknown;
  readonly uses: Readonly<Record<string, Use>>;
  /**
   * The kind's wire form, where the library has one: `print` gives JSON-ready data and `read`
   * reads it back, as a platform stores the value and loads it days later.
   */
  readonly wire?: {
    // biome-ignore lint/suspicious/noExplicitAny: each row reads the value as its own kind
    readonly print: (value: any, world: World) => unknown;
    readonly read: (json: unknown) => { _unsafeUnwrap(): unknown };
  };
}

const contractsOf = (w: World) => w.doc.contracts;
const context = (w: World) => ({
  policy: w.doc.policy,
  product: w.doc.product,
  contracts: w.doc.contracts,
});
/** An invitation of an account no generated document uses, a day after the sale. */
const invitation = (api: Api, w: World) => ({
  id: 'travel-c',
  cocreator: 'travel@example.com',
  by: w.doc.product.mainCreator,
  at: api.instant(w.doc.sale.at + 86_400_000)._unsafeUnwrap(),
  terms: { percent: '0.01' },
});
const later = (api: Api, w: World) => api.instant(w.doc.sale.at + 86_400_000)._unsafeUnwrap();

/** The values of a list of results, read as one result (each read must succeed). */
const all = (results: ReadonlyArray<{ _unsafeUnwrap(): unknown }>) => ({
  _unsafeUnwrap: () => results.map((result) => result._unsafeUnwrap()),
});

/** The kinds of value the library returns, with the functions of `api` that accept each. */
export function kindsOf(api: Api): ReadonlyArray<Kind> {
  return [
    {
      name: 'policy',
      wire: { print: (p: Policy) => api.policyToJson(p), read: (j) => api.policy(j) },
      pick: (w) => w.doc.policy,
      uses: {
        validateDomain: (p: Policy, w) => api.validateDomain({ ...context(w), policy: p }),
        settleSale: (p: Policy, w) => api.settleSale(p, w.doc.product, contractsOf(w), w.doc.sale),
        maxReservedPercent: (p: Policy) => api.maxReservedPercent(p),
        allowedActions: (p: Policy, w) =>
          api.allowedActions(
            w.doc.product.mainCreator,
            w.doc.product,
            w.domain.timelines,
            later(api, w),
            p,
          ),
        invite: (p: Policy, w) => api.invite({ ...context(w), policy: p }, invitation(api, w)),
        validateRetentionFloor: (p: Policy, w) =>
          api.validateRetentionFloor({ ...context(w), policy: p }, w.doc.sale.at),
        validateAffiliatePermission: (p: Policy, w) =>
          api.validateAffiliatePermission({ ...context(w), policy: p }, w.doc.sale),
      },
    },
    {
      name: 'product',
      wire: { print: (p: Product) => api.productToJson(p), read: (j) => api.product(j) },
      pick: (w) => w.doc.product,
      uses: {
        validateDomain: (p: Product, w) => api.validateDomain({ ...context(w), product: p }),
        settleSale: (p: Product, w) => api.settleSale(w.doc.policy, p, contractsOf(w), w.doc.sale),
        can: (p: Product, w) =>
          api.can(
            p.mainCreator,
            'invite-cocreator',
            p,
            w.domain.timelines,
            later(api, w),
            w.doc.policy,
          ),
        invite: (p: Product, w) => api.invite({ ...context(w), product: p }, invitation(api, w)),
        validateTermAt: (p: Product, w) =>
          api.validateTermAt(
            { ...context(w), product: p },
            w.timeline?.contract.id ?? 'none',
            w.doc.sale.at,
          ),
      },
    },
    {
      name: 'contract history',
      wire: {
        print: (c: CocreationContract) => api.contractToJson(c),
        read: (j) => api.contract(j),
      },
      pick: (w) => w.doc.contracts[0],
      uses: {
        validateRetentionFloor: (c: CocreationContract, w) =>
          api.validateRetentionFloor(
            { ...context(w), contracts: [c, ...w.doc.contracts.slice(1)] },
            w.doc.sale.at,
          ),
        validateTermAt: (c: CocreationContract, w) =>
          api.validateTermAt(
            { ...context(w), contracts: [c, ...w.doc.contracts.slice(1)] },
            c.id,
            w.doc.sale.at,
          ),
        validateDomain: (c: CocreationContract, w) =>
          api.validateDomain({ ...context(w), contracts: [c, ...w.doc.contracts.slice(1)] }),
        settleSale: (c: CocreationContract, w) =>
          api.settleSale(w.doc.policy, w.doc.product, [c, ...w.doc.contracts.slice(1)], w.doc.sale),
        accept: (c: CocreationContract, w) =>
          api.transition(context(w), c, { type: 'accepted', by: c.cocreator, at: later(api, w) }),
        withdraw: (c: CocreationContract, w) =>
          api.transition(context(w), c, {
            type: 'withdrawn',
            by: w.doc.product.mainCreator,
            at: later(api, w),
          }),
      },
    },
    {
      name: 'contract timeline',
      pick: (w) => w.timeline,
      uses: {
        termsAt: (t: ContractTimeline, w) => api.termsAt(t, w.doc.sale.at),
        statusAt: (t: ContractTimeline, w) => api.statusAt(t, w.doc.sale.at),
        isLive: (t: ContractTimeline, w) => api.isLive(t, w.doc.sale.at),
        reservedPercentAt: (t: ContractTimeline, w) => api.reservedPercentAt(t, w.doc.sale.at),
        pendingAmendmentAt: (t: ContractTimeline, w) => api.pendingAmendmentAt(t, w.doc.sale.at),
        pendingCancellationAt: (t: ContractTimeline, w) =>
          api.pendingCancellationAt(t, w.doc.sale.at),
        termsHistory: (t: ContractTimeline) => api.termsHistory(t),
        allowedActions: (t: ContractTimeline, w) =>
          api.allowedActions(t.contract.cocreator, w.doc.product, [t], w.doc.sale.at, w.doc.policy),
      },
    },
    {
      name: 'domain',
      pick: (w) => w.domain,
      uses: {
        validateDomain: (d: Domain) => api.validateDomain(d),
        compileSettler: (d: Domain, w) => api.compileSettler(d).settle(w.doc.sale),
        liveContractsAt: (d: Domain, w) => api.liveContractsAt(d, w.doc.sale.at),
        contractsCovering: (d: Domain, w) => api.contractsCovering(d, w.doc.sale),
        totalReservedPercentAt: (d: Domain, w) => api.totalReservedPercentAt(d, w.doc.sale.at),
        availablePercentAt: (d: Domain, w) => api.availablePercentAt(d, w.doc.sale.at),
        timelineOf: (d: Domain, w) => api.timelineOf(d, w.timeline?.contract.id ?? 'none'),
      },
    },
    {
      name: 'sale',
      wire: {
        print: (v: Sale, w) => api.documentToJson({ ...w.doc, sale: v }).sale,
        read: (j) => api.sale(j),
      },
      pick: (w) => w.doc.sale,
      uses: {
        settleSale: (s: Sale, w) => api.settleSale(w.doc.policy, w.doc.product, contractsOf(w), s),
        validateAffiliatePermission: (s: Sale, w) => api.validateAffiliatePermission(w.doc, s),
        compileSettler: (s: Sale, w) => api.compileSettler(w.domain).settle(s),
        contractsCovering: (s: Sale, w) => api.contractsCovering(w.domain, s),
      },
    },
    {
      name: 'refunds',
      wire: {
        print: (r: ReadonlyArray<Refund>) => r.map((one) => api.refundToJson(one)),
        read: (j) => all((j as unknown[]).map((one) => api.refund(one))),
      },
      pick: (w) => w.doc.refunds,
      uses: {
        refundAll: (r: ReadonlyArray<Refund>, w) => api.refundAll(w.settlement, r),
        refundSale: (r: ReadonlyArray<Refund>, w) =>
          r.length === 0
            ? null
            : api.refundSale(w.settlement, r.slice(0, -1), r[r.length - 1] as Refund),
      },
    },
    {
      name: 'settlement',
      wire: {
        print: (v: Settlement) => api.storedSettlementToJson(v),
        read: (j) => api.parseStoredSettlementJson(j),
      },
      pick: (w) => w.settlement,
      uses: {
        refundAll: (s: Settlement, w) => api.refundAll(s, w.doc.refunds),
        refundSale: (s: Settlement, w) =>
          w.doc.refunds.length === 0 ? null : api.refundSale(s, [], w.doc.refunds[0] as Refund),
        explain: (s: Settlement) => api.explain(s),
        explainWithReversals: (s: Settlement, w) => api.explain(s, w.reversals),
        settlementToJson: (s: Settlement) => api.settlementToJson(s),
        ledgerOf: (s: Settlement, w) => api.ledgerOf([s, ...w.reversals]),
        diffSettlements: (s: Settlement, w) => api.diffSettlements(w.printed, s),
      },
    },
    {
      name: 'reversals',
      wire: {
        print: (r: ReadonlyArray<Reversal>) => r.map((one) => api.storedReversalToJson(one)),
        read: (j) => all((j as unknown[]).map((one) => api.parseStoredReversalJson(one))),
      },
      pick: (w) => w.reversals,
      uses: {
        explain: (r: ReadonlyArray<Reversal>, w) => api.explain(w.settlement, r),
        reversalToJson: (r: ReadonlyArray<Reversal>) => r.map(api.reversalToJson),
        ledgerOf: (r: ReadonlyArray<Reversal>, w) => api.ledgerOf([w.settlement, ...r]),
      },
    },
    {
      name: 'ledger',
      wire: { print: (l: Ledger) => api.ledgerToJson(l), read: (j) => api.parseLedgerJson(j) },
      pick: (w) => w.ledger,
      uses: {
        combineLedgers: (l: Ledger, w) => api.combineLedgers(l, w.ledger),
        combineWithEmpty: (l: Ledger) => api.combineLedgers(api.EMPTY_LEDGER, l),
        ledgerTotal: (l: Ledger, w) => api.ledgerTotal(l, { currency: w.settlement.currency.code }),
      },
    },
    {
      name: 'printed settlement',
      pick: (w) => w.printed,
      uses: {
        diffSettlements: (p: PrintedSettlement, w) => api.diffSettlements(p, w.settlement),
      },
    },
    {
      name: 'money',
      pick: (w) => w.doc.sale.price,
      uses: {
        formatAmount: (m: Money) => api.formatAmount(m.amount, m.currency),
        money: (m: Money) => api.money(m.amount, m.currency),
      },
    },
    {
      name: 'currency',
      pick: (w) => w.settlement.currency,
      uses: {
        isCurrency: (c: Currency) => api.isCurrency(c),
        money: (c: Currency) => api.money(100n, c),
        formatAmount: (c: Currency) => api.formatAmount(-12345n, c),
      },
    },
    {
      name: 'percent',
      pick: (w) => w.timeline?.terms[0]?.terms.percent ?? w.settlement.minRetainedPercent,
      uses: {
        formatPercent: (p: Percent) => api.formatPercent(p),
        comparePercent: (p: Percent) => api.comparePercent(p, api.PERCENT_0),
        subtractPercents: (p: Percent) => api.subtractPercents(api.PERCENT_100, p),
        percentOfAmount: (p: Percent) => api.percentOfAmount(1_234_567n, p, 'down'),
      },
    },
    {
      name: 'instant',
      pick: (w) => w.doc.sale.at,
      uses: {
        formatInstant: (t: number) => api.formatInstant(t as Sale['at']),
        instant: (t: number) => api.instant(t),
        liveContractsAt: (t: number, w) => api.liveContractsAt(w.domain, t as Sale['at']),
        validateRetentionFloor: (t: number, w) =>
          api.validateRetentionFloor(w.domain, t as Sale['at']),
      },
    },
    {
      name: 'parsed document',
      wire: {
        print: (d: SettleDocument) => api.documentToJson(d),
        read: (j) => api.parseDocument(j),
      },
      pick: (w) => w.doc,
      uses: {
        settleDocument: (d: SettleDocument) => api.settleDocument(d),
        documentToJson: (d: SettleDocument) => api.documentToJson(d),
        validateDomain: (d: SettleDocument) => api.validateDomain(d),
      },
    },
    {
      name: 'list of errors',
      // A refusal: the sale is of another product.
      pick: (w) =>
        api
          .settleSale(w.doc.policy, w.doc.product, w.doc.contracts, {
            ...w.doc.sale,
            productId: `${w.doc.product.id}-other`,
          })
          .match(
            () => undefined,
            (errors) => errors,
          ),
      uses: {
        errorToJson: (errors: DomainErrors) => errors.map((e) => api.errorToJson(e)),
      },
    },
  ];
}

/** Freezes a value and everything in it (plain objects and arrays). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Whether a value and everything in it is frozen (primitives are). */
export function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

function isResult(value: unknown): value is { isOk(): boolean; value?: unknown; error?: unknown } {
  return typeof value === 'object' && value !== null && 'isOk' in value;
}

/** The value a call made, when it returned a Result (a constructor), else `undefined`. */
export function made(value: unknown): unknown {
  if (!isResult(value)) return undefined;
  return value.isOk() ? value.value : value.error;
}

/**
 * What a call answered, comparable across copies and builds (each build may load its own
 * neverthrow): a Result's side and content, else the value.
 */
export function outcome(value: unknown): unknown {
  if (!isResult(value)) return value;
  return value.isOk() ? { ok: value.value } : { err: value.error };
}
