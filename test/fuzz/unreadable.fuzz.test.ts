/**
 * Values whose reading throws (docs/decisions.md, "Never throwing"): a JavaScript caller can
 * pass a Proxy whose traps throw, a revoked Proxy, or an object with a throwing getter, at the
 * top of an argument or deep inside an otherwise valid document, sale, policy, contract,
 * settlement or ledger. Every public function that reads input answers it (a Result, or its
 * own type for the total ones), never throws; the answer says "could not be read" exactly when
 * reading threw (a poison that was never read changes nothing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNREADABLE } from '../../src/_internal/unreadable';
import * as main from '../../src/index';
import { documentJson } from '../../src/testing';
import type { SettleDocumentJson } from '../../src/wire';
import * as wire from '../../src/wire/index';
import {
  deepFreeze,
  expectResult,
  fired,
  type PoisonKind,
  poisoned,
  poisonKindArb,
  runs,
  type Thrown,
  thrownArb,
  unreadableIn,
} from './support';

type AnyFn = (...args: unknown[]) => unknown;
const lib: Readonly<Record<string, unknown>> = { ...main, ...wire };

/** One valid world: a document that settles, read, settled and stored. */
interface World {
  readonly json: SettleDocumentJson;
  readonly doc: wire.SettleDocument;
  readonly outcome: wire.SettleOutcome;
  readonly domain: main.Domain;
}

function worldOf(json: SettleDocumentJson): World {
  const doc = wire.parseDocument(json)._unsafeUnwrap();
  const outcome = wire.settleDocument(doc)._unsafeUnwrap();
  const domain = main
    .validateDomain({ policy: doc.policy, product: doc.product, contracts: doc.contracts })
    ._unsafeUnwrap();
  return { json, doc, outcome, domain };
}

const worldArb: fc.Arbitrary<World> = documentJson({ maxContracts: 3, maxRefunds: 2 }).map(worldOf);

const SPARE_REFUND = {
  id: 'r-spare',
  at: '2026-03-05T00:00:00Z',
  amount: { amount: '1', currency: 'BRL' },
};

/** Valid arguments of each entry point, drawn from a world. */
const VALID: Readonly<Record<string, (w: World) => unknown[]>> = {
  accountId: (w) => [w.json.product.mainCreator],
  appliesTo: () => ['all-sales'],
  currency: (w) => [w.json.sale.price.currency],
  parseInstant: (w) => [w.json.sale.at],
  instant: (w) => [w.doc.sale.at],
  parsePercent: () => ['20.5'],
  percent: () => [205, 1],
  money: (w) => [w.doc.sale.price.amount, w.doc.sale.price.currency],
  parseMoney: (w) => [w.json.sale.price.amount, w.json.sale.price.currency],
  policy: (w) => [w.json.policy ?? 'hotmart'],
  product: (w) => [w.json.product],
  sale: (w) => [w.json.sale],
  refund: (w) => [w.json.refunds?.[0] ?? SPARE_REFUND],
  contract: (w) => [w.json.contracts[0] ?? {}],
  commissionRule: () => [{ percent: '12.5', appliesTo: 'direct-sales', endsAt: null }],
  validateDomain: (w) => [parts(w)],
  invite: (w) => [
    parts(w),
    {
      id: 'c-new',
      cocreator: 'new@example.com',
      terms: { percent: '1' },
      by: w.doc.product.mainCreator,
      at: '9000-01-01T00:00:00Z',
    },
  ],
  transition: (w) => [
    parts(w),
    w.doc.contracts[0] ?? null,
    { type: 'cancelled', by: w.doc.product.mainCreator, at: '9000-01-01T00:00:00Z' },
  ],
  validateRetentionFloor: (w) => [parts(w), w.doc.sale.at],
  validateAffiliatePermission: (w) => [parts(w), w.doc.sale],
  validateTermAt: (w) => [parts(w), w.doc.contracts[0]?.id ?? 'c1', w.doc.sale.at],
  parseDocument: (w) => [w.json],
  parseDocumentBytes: (w) => [new TextEncoder().encode(JSON.stringify(w.json))],
  parseDocumentText: (w) => [JSON.stringify(w.json)],
  parseSettlementJson: (w) => [wire.settlementToJson(w.outcome.settlement)],
  parseStoredSettlementJson: (w) => [wire.storedSettlementToJson(w.outcome.settlement)],
  parseStoredReversalJson: (w) => [
    w.outcome.reversals[0] === undefined
      ? wire.storedSettlementToJson(w.outcome.settlement)
      : wire.storedReversalToJson(w.outcome.reversals[0]),
  ],
  settleDocument: (w) => [w.doc],
  settleSale: (w) => [w.doc.policy, w.doc.product, w.doc.contracts, w.doc.sale],
  refundSale: (w) => [
    w.outcome.settlement,
    w.doc.refunds.slice(0, -1),
    w.doc.refunds.at(-1) ?? main.refund(SPARE_REFUND)._unsafeUnwrap(),
  ],
  refundAll: (w) => [w.outcome.settlement, w.doc.refunds],
  ledgerOf: (w) => [[w.outcome.settlement, ...w.outcome.reversals], { period: () => '2026-03' }],
  settleTotals: (w) => [main.compileSettler(w.domain), [w.doc.sale], { period: () => '2026-03' }],
  parseLedgerJson: (w) => [
    wire.ledgerToJson(main.ledgerOf([w.outcome.settlement])._unsafeUnwrap()),
  ],
  subtractPercents: (w) => [main.PERCENT_100, w.doc.policy.minRetainedPercent],
};

function parts(w: World) {
  return { policy: w.doc.policy, product: w.doc.product, contracts: w.doc.contracts };
}

/** The total functions that read input, each with its valid arguments and its answer's type. */
const TOTAL: Readonly<Record<string, [(w: World) => unknown[], (answer: unknown) => boolean]>> = {
  isCurrency: [(w) => [w.doc.sale.price.currency], (a) => typeof a === 'boolean'],
  can: [
    (w) => [
      w.doc.product.mainCreator,
      'view-sales-history',
      w.doc.product,
      w.domain.timelines,
      w.doc.sale.at,
    ],
    (a) => typeof a === 'boolean',
  ],
  settleToJson: [(w) => [w.json], (a) => typeof a === 'object' && a !== null && 'ok' in a],
  settleDocumentSchema: [
    () => [{}],
    (a) => typeof (a as wire.SettleDocumentSchema)['~standard'].validate === 'function',
  ],
};

/** The poison to put in one argument of a call, as plain data fast-check can print. */
const poisonArb = fc.record({
  arg: fc.nat(),
  node: fc.nat(),
  kind: poisonKindArb,
  thrown: thrownArb,
});

interface Poison {
  readonly arg: number;
  readonly node: number;
  readonly kind: PoisonKind;
  readonly thrown: Thrown;
}

/**
 * Calls `fn` with `valid` arguments, one of them poisoned, counting the poison's throws; a
 * revoked Proxy throws without a trap, so it is never counted.
 */
function callPoisoned(fn: AnyFn, valid: unknown[], p: Poison) {
  const args = [...valid];
  const i = p.arg % args.length;
  args[i] = poisoned(args[i], p.node, p.kind, p.thrown).value;
  deepFreeze(args);
  fired.count = 0;
  const answer = fn(...args);
  return { answer, fired: fired.count, counted: p.kind !== 'revoked' };
}

/**
 * The answer says "could not be read" when a poison threw while the function read its input,
 * and never when none did (a revoked Proxy throws with no trap to count it: only the first
 * half holds for it); each such message is bounded.
 */
function expectReadingHonest(answer: unknown, threw: number, counted: boolean): void {
  const said = unreadableIn(answer);
  if (counted && threw === 0) expect(said).toEqual([]);
  if (threw > 0) expect(said.length).toBeGreaterThan(0);
  for (const message of said) {
    expect(message.length).toBeLessThan(UNREADABLE.length + 300);
  }
}

describe('a value whose reading throws, at the top of an argument or deep inside it', () => {
  for (const [name, valid] of Object.entries(VALID)) {
    it(`${name} answers a Result, "could not be read" exactly when reading threw, never throwing`, () => {
      const fn = lib[name] as AnyFn;
      fc.assert(
        fc.property(worldArb, poisonArb, (w, p) => {
          const { answer, fired: threw, counted } = callPoisoned(fn, valid(w), p);
          expectResult(answer, true, true);
          expectReadingHonest(answer, threw, counted);
          if (threw > 0) {
            const settled = answer as {
              isErr(): boolean;
              value?: { refused: ReadonlyArray<{ index: number }> };
            };
            // settleTotals refuses a sale that threw before any of it reached the totals inside
            // its answer (its `refused`); one that threw after, and every other function, refuse
            // the call.
            if (name === 'settleTotals' && !settled.isErr()) {
              expect(settled.value?.refused.map((r) => r.index)).toEqual([0]);
            } else {
              expect(settled.isErr()).toBe(true);
            }
          }
        }),
        runs(0.5),
      );
    });
  }

  for (const [name, [valid, isAnswer]] of Object.entries(TOTAL)) {
    it(`${name} answers a value of its type, never throwing`, () => {
      const fn = lib[name] as AnyFn;
      fc.assert(
        fc.property(worldArb, poisonArb, (w, p) => {
          const { answer, fired: threw, counted } = callPoisoned(fn, valid(w), p);
          expect(isAnswer(answer)).toBe(true);
          if (name === 'settleToJson') expectReadingHonest(answer, threw, counted);
        }),
        runs(0.5),
      );
    });
  }

  it('a compiled settler answers a poisoned sale, and a poisoned domain, with a Result', () => {
    fc.assert(
      fc.property(worldArb, poisonArb, fc.boolean(), (w, p, inDomain) => {
        const settle: AnyFn = inDomain
          ? (domain, sale) => main.compileSettler(domain as main.Domain).settle(sale as main.Sale)
          : (_, sale) => main.compileSettler(w.domain).settle(sale as main.Sale);
        const valid = [w.domain, w.doc.sale];
        const {
          answer,
          fired: threw,
          counted,
        } = callPoisoned(settle, valid, {
          ...p,
          arg: inDomain ? 0 : 1,
        });
        expectResult(answer, true, true);
        expectReadingHonest(answer, threw, counted);
        if (threw > 0) expect((answer as { isErr(): boolean }).isErr()).toBe(true);
      }),
      runs(),
    );
  });

  it("the Standard Schema's validate answers issues for a poisoned document, never throwing", () => {
    const { validate } = wire.settleDocumentSchema()['~standard'];
    fc.assert(
      fc.property(worldArb, poisonArb, (w, p) => {
        const { answer, fired: threw, counted } = callPoisoned(validate as AnyFn, [w.json], p);
        const result = answer as wire.SchemaResult;
        if (threw > 0) expect(result.issues?.length).toBeGreaterThan(0);
        expectReadingHonest(answer, threw, counted);
      }),
      runs(),
    );
  });
});
