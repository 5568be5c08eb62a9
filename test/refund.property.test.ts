import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refund } from '../src/model/sale';
import { dhondt, refundAll, refundSale } from '../src/refunds/refund';
import type { Reversal, Settlement } from '../src/settle/settlement';
import { settleWithDomain } from '../src/settle/stages';
import { domainAndSaleArb, refundsArb, settlementArb } from './arbitraries/settlement';

/** Hand-shaped settlements, and real ones settled from random domains. */
const anySettlementArb: fc.Arbitrary<Settlement> = fc.oneof(
  settlementArb,
  domainAndSaleArb({ valid: true }).map(([d, s]) => settleWithDomain(d, s)._unsafeUnwrap()),
);

const withRefunds = (full: boolean) =>
  anySettlementArb.chain((s) => refundsArb(s, full).map((refunds) => ({ s, refunds })));

const sum = (values: ReadonlyArray<bigint>) => values.reduce((a, b) => a + b, 0n);

/** Cumulative reversal per line after each reversal. */
function cumulative(s: Settlement, reversals: ReadonlyArray<Reversal>): bigint[][] {
  const running = s.lines.map(() => 0n);
  return reversals.map((r) => {
    r.lines.forEach((l, i) => {
      running[i] = (running[i] as bigint) + l.amount;
    });
    return [...running];
  });
}

/** D'Hondt the slow way: hand out x units one by one from nothing. */
function dhondtOneByOne(weights: ReadonlyArray<bigint>, x: bigint): bigint[] {
  const a = weights.map(() => 0n);
  for (let unit = 0n; unit < x; unit++) {
    let best = -1;
    weights.forEach((w, i) => {
      if (w === 0n) return;
      if (best < 0) {
        best = i;
        return;
      }
      // w_i / (a_i + 1) > w_best / (a_best + 1); ties keep the earlier line.
      if (w * ((a[best] as bigint) + 1n) > (weights[best] as bigint) * ((a[i] as bigint) + 1n)) {
        best = i;
      }
    });
    a[best] = (a[best] as bigint) + 1n;
  }
  return a;
}

describe('refundSale', () => {
  it('makes every reversal line zero or negative, the lines summing to minus the refund', () => {
    fc.assert(
      fc.property(withRefunds(false), ({ s, refunds }) => {
        const reversals = refundAll(s, refunds)._unsafeUnwrap();
        reversals.forEach((r, i) => {
          for (const line of r.lines) expect(line.amount <= 0n).toBe(true);
          expect(sum(r.lines.map((l) => l.amount))).toBe(-(refunds[i] as Refund).amount.amount);
        });
      }),
    );
  });

  it('keeps each line reversed, so far, between 0 and what it was paid', () => {
    fc.assert(
      fc.property(withRefunds(false), ({ s, refunds }) => {
        for (const running of cumulative(s, refundAll(s, refunds)._unsafeUnwrap())) {
          running.forEach((reversed, i) => {
            expect(reversed <= 0n).toBe(true);
            expect(-reversed <= (s.lines[i]?.amount as bigint)).toBe(true);
          });
        }
      }),
    );
  });

  it('nets every party to exactly zero after refunds totalling the price', () => {
    fc.assert(
      fc.property(withRefunds(true), ({ s, refunds }) => {
        const reversals = refundAll(s, refunds)._unsafeUnwrap();
        const last = cumulative(s, reversals).at(-1) ?? s.lines.map(() => 0n);
        s.lines.forEach((line, i) => {
          expect(line.amount + (last[i] as bigint)).toBe(0n);
        });
      }),
    );
  });

  it('reverses a single full refund as the exact negation of the settlement', () => {
    fc.assert(
      fc.property(anySettlementArb, (s) => {
        fc.pre(s.price > 0n);
        const full = { id: 'r1', at: s.at, amount: { amount: s.price, currency: s.currency } };
        const reversal = refundSale(s, [], full)._unsafeUnwrap();
        expect(reversal.lines.map((l) => l.amount)).toEqual(s.lines.map((l) => -l.amount));
      }),
    );
  });

  it('gives the same reversals one refund at a time as all at once', () => {
    fc.assert(
      fc.property(withRefunds(false), ({ s, refunds }) => {
        const all = refundAll(s, refunds)._unsafeUnwrap();
        refunds.forEach((r, i) => {
          expect(refundSale(s, refunds.slice(0, i), r)._unsafeUnwrap()).toEqual(all[i]);
        });
      }),
    );
  });

  it('keeps the identity of every line', () => {
    fc.assert(
      fc.property(withRefunds(false), ({ s, refunds }) => {
        for (const r of refundAll(s, refunds)._unsafeUnwrap()) {
          expect(r.lines.map(({ amount: _, ...id }) => id)).toEqual(
            s.lines.map(({ amount: _, exactUnits: __, exactScale: ___, ...id }) => id),
          );
        }
      }),
    );
  });

  it('refuses any refund that would take the total past the price', () => {
    fc.assert(
      fc.property(
        withRefunds(false),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        ({ s, refunds }, extra) => {
          const refunded = sum(refunds.map((r) => r.amount.amount));
          const last = refunds.at(-1);
          const over = {
            id: 'over',
            at: last?.at ?? s.at,
            amount: { amount: s.price - refunded + extra, currency: s.currency },
          };
          expect(refundSale(s, refunds, over)._unsafeUnwrapErr()[0].code).toBe(
            'refund_exceeds_price',
          );
          expect(refundAll(s, [...refunds, over])._unsafeUnwrapErr()[0].code).toBe(
            'refund_exceeds_price',
          );
        },
      ),
    );
  });

  it('never throws, on any input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        expect(() => refundSale(a as never, b as never, c as never)).not.toThrow();
        expect(() => refundAll(a as never, b as never)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(anySettlementArb, fc.anything(), fc.anything(), (s, b, c) => {
        expect(() => refundSale(s, [], c as never)).not.toThrow();
        expect(() => refundAll(s, [b, c] as never)).not.toThrow();
      }),
    );
  });
});

describe('dhondt', () => {
  const weightsArb = fc.array(fc.bigInt({ min: 0n, max: 60n }), { minLength: 1, maxLength: 6 });

  it('matches D’Hondt handed out one unit at a time, ties to the earlier line', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) => fc.tuple(fc.constant(w), fc.bigInt({ min: 0n, max: sum(w) }))),
        ([weights, x]) => {
          expect(dhondt(weights, sum(weights), x)).toEqual(dhondtOneByOne(weights, x));
        },
      ),
    );
  });

  it('never takes a unit back when one more is handed out (house monotone)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 8 })
          .filter((w) => sum(w) > 0n)
          .chain((w) => fc.tuple(fc.constant(w), fc.bigInt({ min: 0n, max: sum(w) - 1n }))),
        ([weights, x]) => {
          const total = sum(weights);
          const now = dhondt(weights, total, x);
          const next = dhondt(weights, total, x + 1n);
          expect(sum(next)).toBe(x + 1n);
          next.forEach((a, i) => {
            expect(a >= (now[i] as bigint)).toBe(true);
            expect(a <= (weights[i] as bigint)).toBe(true);
          });
        },
      ),
    );
  });
});
