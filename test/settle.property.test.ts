import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { CocreationContract, ContractEvent } from '../src/contracts/types';
import type { DomainErrors } from '../src/errors';
import type { Sale } from '../src/model/sale';
import { compileSettler, compileWith } from '../src/settle/compile';
import { exactShareText } from '../src/settle/lines';
import type { Settlement } from '../src/settle/settlement';
import { settleSale, settleWithDomain } from '../src/settle/stages';
import { type Domain, validateDomain } from '../src/validate/domain';
import { percent } from '../src/values/percent';
import {
  affiliatePercentArb,
  breakpoints,
  coveredAt,
  domainAndSaleArb,
  domainArb,
  domainPartsArb,
  isValidSale,
  saleArb,
} from './arbitraries/settlement';
import { type ReferenceOutcome, referenceSettle } from './support/reference-settle';

const Exact = Decimal.clone({ precision: 2000 });

/** A settled valid sale: the domain, the sale and its settlement. */
const settledArb = domainAndSaleArb({ valid: true }).map(([domain, s]) => ({
  domain,
  sale: s,
  settlement: settleWithDomain(domain, s)._unsafeUnwrap(),
}));

/** A library result as the reference states it: the settlement, or each problem's code and path. */
function outcome(result: Result<Settlement, DomainErrors>): ReferenceOutcome {
  return result.isOk()
    ? { ok: true, settlement: result.value }
    : { ok: false, problems: result.error.map((e) => [e.code, e.path.map(String)] as const) };
}

const sum = (values: ReadonlyArray<bigint>) => values.reduce((a, b) => a + b, 0n);

/** The exact share of a line as an independent decimal: x × p / 100 in major units. */
function exactOf(minor: bigint, p: { units: bigint; scale: number }, exponent: number): Decimal {
  return new Exact(minor.toString())
    .mul(new Exact(p.units.toString()).div(new Exact(10).pow(p.scale)))
    .div(100)
    .div(new Exact(10).pow(exponent));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('every settling path of the library', () => {
  const everyPath = (domain: Domain, s: Sale) => ({
    settleSale: settleSale(domain.policy, domain.product, domain.contracts, s),
    settleWithDomain: settleWithDomain(domain, s),
    compileSettler: compileSettler(domain).settle(s),
    'compileWith(domain, 0)': compileWith(domain, 0).settle(s),
  });

  it('equals the independent reference on any sale of a domain, problems included', () => {
    fc.assert(
      fc.property(domainAndSaleArb(), ([domain, s]) => {
        const expected = referenceSettle(domain, s);
        for (const [name, result] of Object.entries(everyPath(domain, s))) {
          expect(outcome(result), name).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('equals the independent reference on sales that pass every rule', () => {
    fc.assert(
      fc.property(domainAndSaleArb({ valid: true }), ([domain, s]) => {
        const expected = referenceSettle(domain, s);
        expect(expected.ok).toBe(true);
        for (const [name, result] of Object.entries(everyPath(domain, s))) {
          expect(outcome(result), name).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('settleSale', () => {
  it('builds only valid domains in its test arbitraries', () => {
    fc.assert(
      fc.property(domainPartsArb, (parts) => {
        expect(validateDomain(parts).isOk()).toBe(true);
      }),
    );
  });

  it('makes the lines sum to the price exactly', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement }) => {
        expect(sum(settlement.lines.map((l) => l.amount))).toBe(settlement.price);
      }),
    );
  });

  it('never makes a line negative', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement }) => {
        for (const line of settlement.lines) expect(line.amount >= 0n).toBe(true);
      }),
    );
  });

  it('pays exactly the contracts that cover the sale and whose appliesTo takes it, in order', () => {
    fc.assert(
      fc.property(settledArb, ({ domain, sale: s, settlement }) => {
        const a = s.affiliate;
        const expected = domain.timelines.flatMap((t) => {
          const terms = coveredAt(t, s.at);
          if (terms === null) return [];
          const who = t.contract.cocreator;
          const takes =
            terms.appliesTo === 'all-sales' ||
            (terms.appliesTo === 'direct-sales' && a === null) ||
            (terms.appliesTo === 'affiliate-sales' && a !== null) ||
            (terms.appliesTo === 'managed-affiliate-sales' && a?.managedBy === who);
          return takes ? [[t.contract.id, who, terms.percent]] : [];
        });
        const paid = settlement.lines.flatMap((l) =>
          l.role === 'cocreator' ? [[l.contractId, l.account, l.percent]] : [],
        );
        expect(paid).toEqual(expected);
      }),
    );
  });

  it('follows the steps: N = P − F, B = N − A, M = B − Σ C', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement: s }) => {
        const [platform, ...rest] = s.lines;
        const affiliate = rest.filter((l) => l.role === 'affiliate');
        const cocreators = rest.filter((l) => l.role === 'cocreator');
        const main = rest.at(-1);
        expect(platform?.role).toBe('platform');
        expect(platform?.amount).toBe(s.platformFee);
        expect(s.net).toBe(s.price - s.platformFee);
        expect(s.base).toBe(s.net - sum(affiliate.map((l) => l.amount)));
        expect(main?.role).toBe('main-creator');
        expect(main?.amount).toBe(s.base - sum(cocreators.map((l) => l.amount)));
        expect(rest.map((l) => l.role)).toEqual([
          ...affiliate.map(() => 'affiliate'),
          ...cocreators.map(() => 'cocreator'),
          'main-creator',
        ]);
      }),
    );
  });

  it('leaves the main creator at least minRetainedPercent of the base, exactly', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement: s }) => {
        const main = s.lines.at(-1)?.amount as bigint;
        const floor = s.minRetainedPercent;
        // M ≥ B × floor / 100  ⇔  M × 100 × 10^scale ≥ B × units
        expect(main * 100n * 10n ** BigInt(floor.scale) >= s.base * floor.units).toBe(true);
      }),
    );
  });

  it('pays each commissioned line within one minor unit below its exact share', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement: s }) => {
        for (const line of s.lines) {
          if (line.role !== 'affiliate' && line.role !== 'cocreator') continue;
          const basis = line.role === 'affiliate' ? s.net : s.base;
          const x = basis * line.percent.units;
          const whole = 100n * 10n ** BigInt(line.percent.scale);
          // amount ≤ exact < amount + 1, in minor units
          expect(line.amount * whole <= x && x < (line.amount + 1n) * whole).toBe(true);
        }
      }),
    );
  });

  it('prints each exact share as the exact decimal, with at least the currency decimals', () => {
    fc.assert(
      fc.property(settledArb, ({ settlement: s }) => {
        const e = s.currency.exponent;
        const cocreatorExact = s.lines
          .filter((l) => l.role === 'cocreator')
          .map((l) => (l.role === 'cocreator' ? exactOf(s.base, l.percent, e) : new Exact(0)));
        for (const line of s.lines) {
          let expected: Decimal;
          if (line.role === 'platform') expected = new Exact(s.platformFee.toString()).div(10 ** e);
          else if (line.role === 'affiliate') expected = exactOf(s.net, line.percent, e);
          else if (line.role === 'cocreator') expected = exactOf(s.base, line.percent, e);
          else {
            expected = cocreatorExact.reduce(
              (rest, c) => rest.sub(c),
              new Exact(s.base.toString()).div(new Exact(10).pow(e)),
            );
          }
          const text = exactShareText(line);
          expect(new Exact(text).equals(expected)).toBe(true);
          const [, fraction = ''] = text.split('.');
          expect(fraction.length >= e).toBe(true);
          if (fraction.length > e) expect(fraction.endsWith('0')).toBe(false);
          expect(text).toMatch(/^[0-9]+(\.[0-9]+)?$/);
        }
      }),
    );
  });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(domainAndSaleArb(), ([domain, s]) => {
        const p = domain;
        const first = settleSale(p.policy, p.product, p.contracts, s);
        const again = settleSale(p.policy, p.product, p.contracts, s);
        expect(again).toEqual(first);
        expect(first).toEqual(settleWithDomain(domain, s));
      }),
    );
  });

  it('refuses exactly the sales that break a sale-level rule', () => {
    fc.assert(
      fc.property(domainAndSaleArb(), ([domain, s]) => {
        expect(settleWithDomain(domain, s).isOk()).toBe(isValidSale(domain, s));
      }),
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(domainAndSaleArb(), ([domain, s]) => {
        // Frozen, any write would throw (modules are strict); the domain is frozen already.
        const frozen = deepFreeze(s);
        expect(Object.isFrozen(domain)).toBe(true);
        expect(compileSettler(domain).settle(frozen)).toEqual(settleWithDomain(domain, frozen));
      }),
    );
  });

  it("never lowers a cocreator's amount when their percent rises", () => {
    const raisedArb = domainPartsArb
      .filter((parts) => parts.contracts.length > 0)
      .chain((parts) =>
        fc.record({
          parts: fc.constant(parts),
          index: fc.nat({ max: parts.contracts.length - 1 }),
          raise: fc.bigInt({ min: 1n, max: 5000n }),
        }),
      )
      .chain(({ parts, index, raise }) => {
        const domain = validateDomain(parts)._unsafeUnwrap();
        const original = parts.contracts[index] as CocreationContract;
        const [invited, ...later] = original.events;
        if (invited?.type !== 'invited') throw new Error('a history starts with an invitation');
        const p = invited.terms.percent;
        const raised = percent(p.units + raise, p.scale)._unsafeUnwrap();
        const contract: CocreationContract = {
          ...original,
          events: [
            { ...invited, terms: { ...invited.terms, percent: raised } } as ContractEvent,
            ...later,
          ],
        };
        const contracts = parts.contracts.map((c, i) => (i === index ? contract : c));
        const higher = validateDomain({ ...parts, contracts });
        return saleArb(domain, { valid: true }).map((s) => ({
          domain,
          higher,
          s,
          id: original.id,
        }));
      });
    fc.assert(
      fc.property(raisedArb, ({ domain, higher, s, id }) => {
        fc.pre(higher.isOk());
        if (!higher.isOk()) return;
        const amountOf = (settlement: Settlement) =>
          settlement.lines.find((l) => l.role === 'cocreator' && l.contractId === id)?.amount ?? 0n;
        const before = settleWithDomain(domain, s)._unsafeUnwrap();
        const after = settleWithDomain(higher.value, s);
        expect(after.isOk()).toBe(true);
        expect(amountOf(after._unsafeUnwrap()) >= amountOf(before)).toBe(true);
      }),
    );
  });

  it("never lowers the affiliate's amount when the affiliate percent rises", () => {
    fc.assert(
      fc.property(
        domainAndSaleArb({ valid: true }),
        affiliatePercentArb,
        affiliatePercentArb,
        ([domain, s], a, b) => {
          fc.pre(s.affiliate !== null);
          const [low, high] = new Exact(a.units.toString())
            .div(10 ** a.scale)
            .lte(new Exact(b.units.toString()).div(10 ** b.scale))
            ? [a, b]
            : [b, a];
          const withPercent = (p: typeof a): Sale => ({
            ...s,
            affiliate: { ...(s.affiliate as NonNullable<Sale['affiliate']>), percent: p },
          });
          const amount = (p: typeof a) =>
            settleWithDomain(domain, withPercent(p))._unsafeUnwrap().lines[1]?.amount as bigint;
          expect(amount(high) >= amount(low)).toBe(true);
        },
      ),
    );
  });
});

describe('compileSettler', () => {
  it('settles every sale as settleSale does, errors included', () => {
    fc.assert(
      fc.property(domainAndSaleArb(), ([domain, s]) => {
        const expected = settleSale(domain.policy, domain.product, domain.contracts, s);
        expect(compileSettler(domain).settle(s)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('settles valid sales as settleSale does, with and without its instant index', () => {
    fc.assert(
      fc.property(domainAndSaleArb({ valid: true }), ([domain, s]) => {
        const expected = settleWithDomain(domain, s);
        expect(compileSettler(domain).settle(s)).toEqual(expected);
        expect(compileWith(domain, 0).settle(s)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('settles sales at every instant where coverage changes as the reference does', () => {
    fc.assert(
      fc.property(
        domainArb.filter((d) => breakpoints(d).length > 0),
        fc.nat(),
        fc.constantFrom(-1, 0, 1),
        (domain, pick, delta) => {
          const points = breakpoints(domain);
          const at = ((points[pick % points.length] as number) + delta) as Sale['at'];
          const settler = compileSettler(domain);
          fc.assert(
            fc.property(saleArb(domain), (s) => {
              const moved = { ...s, at };
              expect(outcome(settler.settle(moved))).toEqual(referenceSettle(domain, moved));
            }),
            { numRuns: 5 },
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps one settler pure across sales: settling in any order gives the same results', () => {
    fc.assert(
      fc.property(
        domainArb.chain((d) => fc.tuple(fc.constant(d), fc.array(saleArb(d), { maxLength: 8 }))),
        ([domain, sales]) => {
          const settler = compileSettler(domain);
          const forward = sales.map((s) => settler.settle(s));
          const backward = [...sales].reverse().map((s) => settler.settle(s));
          expect(backward.reverse()).toEqual(forward);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('settling on any input', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        expect(() => settleSale(a as never, b as never, c as never, d as never)).not.toThrow();
        expect(() => compileSettler(a as never).settle(d as never)).not.toThrow();
        expect(() => settleWithDomain(a as never, d as never)).not.toThrow();
      }),
    );
  });

  it('never throws on a real domain and any sale', () => {
    fc.assert(
      fc.property(domainArb, fc.anything(), (domain, s) => {
        const result = compileSettler(domain).settle(s as never);
        expect(result.isErr()).toBe(true);
        expect(settleWithDomain(domain, s as never)).toEqual(result);
      }),
    );
  });
});
