import fc from 'fast-check';
import type { Result } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../src/contracts/lifecycle';
import {
  coveringTerms,
  covers,
  isLive,
  reservedPercentAt,
  termsAt,
  termsHistory,
} from '../src/contracts/queries';
import { checkContract } from '../src/contracts/read';
import { replayContract } from '../src/contracts/replay';
import type {
  CocreationContract,
  CommissionRule,
  ContractEvent,
  ContractEventType,
  TermsPatch,
} from '../src/contracts/types';
import type { DomainError } from '../src/errors';
import { maxReservedPercent, POLICIES } from '../src/model/policy';
import type { EventInput, TransitionContext } from '../src/validate/append';
import { type Domain, validateDomain } from '../src/validate/domain';
import { liveContractsAt, totalReservedPercentAt } from '../src/validate/queries';
import {
  accept,
  amend,
  approveAmendment,
  approveCancellation,
  cancel,
  decline,
  declineAmendment,
  invite,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from '../src/validate/transitions';
import type { Instant } from '../src/values/instant';
import {
  addPercents,
  comparePercent,
  formatPercent,
  isPercentInRange,
  PERCENT_0,
  type Percent,
  percent,
  subtractPercents,
} from '../src/values/percent';

import {
  anyPolicy,
  COCREATORS,
  type GeneratedDomain,
  HOUR,
  MAIN_CREATOR,
  OUTSIDER,
  PRODUCT,
  START,
  validDomain,
} from './arbitraries/domain';

type Step = (
  context: TransitionContext,
  c: CocreationContract,
  input: EventInput & { readonly terms?: TermsPatch },
) => Result<CocreationContract, DomainError>;

const STEPS: Readonly<Record<Exclude<ContractEventType, 'invited'>, Step>> = {
  accepted: accept,
  declined: decline,
  withdrawn: withdraw,
  'amendment-proposed': (context, c, input) =>
    proposeAmendment(context, c, { ...input, terms: input.terms ?? {} }),
  'amendment-approved': approveAmendment,
  'amendment-declined': declineAmendment,
  'amendment-withdrawn': withdrawAmendment,
  amended: (context, c, input) => amend(context, c, { ...input, terms: input.terms ?? {} }),
  'cancellation-requested': requestCancellation,
  'cancellation-approved': approveCancellation,
  'cancellation-rejected': rejectCancellation,
  'cancellation-withdrawn': withdrawCancellation,
  cancelled: cancel,
};

/** Applies one event through its transition function. */
function apply(
  context: TransitionContext,
  id: string,
  cocreator: string,
  current: CocreationContract | undefined,
  event: ContractEvent,
): Result<CocreationContract, DomainError> {
  if (event.type === 'invited') {
    return invite(context, {
      id,
      cocreator,
      terms: event.terms,
      by: event.by,
      at: event.at,
    }).mapErr((errors) => errors[0]);
  }
  const input =
    'terms' in event
      ? { by: event.by, at: event.at, terms: event.terms }
      : { by: event.by, at: event.at };
  return STEPS[event.type](context, current as CocreationContract, input);
}

function domainOf(g: Pick<GeneratedDomain, 'policy' | 'product' | 'contracts'>): Domain {
  return validateDomain(g)._unsafeUnwrap();
}

function withEvents(
  c: CocreationContract,
  events: ReadonlyArray<ContractEvent>,
): CocreationContract {
  return checkContract({ ...c, events })._unsafeUnwrap();
}

/** Every instant where something may change, and its neighbours. */
function interestingInstants(g: {
  readonly contracts: ReadonlyArray<CocreationContract>;
}): Instant[] {
  const set = new Set<number>();
  for (const c of g.contracts) {
    for (const e of c.events) {
      for (const t of [e.at, 'terms' in e ? e.terms.endsAt : null]) {
        if (typeof t === 'number') {
          set.add(t - 1);
          set.add(t);
          set.add(t + 1);
        }
      }
    }
  }
  return [...set].sort((a, b) => a - b) as Instant[];
}

function codesAndPaths(errors: ReadonlyArray<DomainError>) {
  return errors.map((e) => ({ code: e.code, path: e.path }));
}

const MAIN_EVENTS: ReadonlySet<ContractEventType> = new Set([
  'invited',
  'withdrawn',
  'amendment-proposed',
  'amendment-withdrawn',
  'amended',
]);
const COCREATOR_EVENTS: ReadonlySet<ContractEventType> = new Set([
  'accepted',
  'declined',
  'amendment-approved',
  'amendment-declined',
]);

/** Someone specification §3 does not allow to make event `j` of `c` (the specification's table, read directly). */
function wrongActor(c: CocreationContract, j: number, pick: number): string {
  const event = c.events[j] as ContractEvent;
  if (MAIN_EVENTS.has(event.type)) return pick % 2 === 0 ? c.cocreator : OUTSIDER;
  if (COCREATOR_EVENTS.has(event.type)) return pick % 2 === 0 ? MAIN_CREATOR : OUTSIDER;
  if (event.type === 'cancellation-requested' || event.type === 'cancelled') return OUTSIDER;
  const request = [...c.events.slice(0, j)]
    .reverse()
    .find((e) => e.type === 'cancellation-requested') as ContractEvent;
  const other = request.by === MAIN_CREATOR ? c.cocreator : MAIN_CREATOR;
  if (pick % 2 === 1) return OUTSIDER;
  return event.type === 'cancellation-withdrawn' ? other : request.by;
}

/**
 * A domain with at least one event to corrupt, and the event chosen: first an event type
 * among those present (so that rare events are chosen as often as invitations), then one
 * event of that type.
 */
const withEvent = validDomain()
  .filter((g) => g.contracts.length > 0)
  .chain((g) => {
    const byType = new Map<ContractEventType, Array<readonly [number, number]>>();
    g.contracts.forEach((c, i) => {
      c.events.forEach((e, j) => {
        byType.set(e.type, [...(byType.get(e.type) ?? []), [i, j]]);
      });
    });
    const groups = [...byType.values()];
    return fc.record({
      g: fc.constant(g),
      at: fc.constantFrom(...groups).chain((group) => fc.constantFrom(...group)),
      pick: fc.nat(),
    });
  })
  .map(({ g, at: [i, j], pick }) => ({ g, i, j, pick }));

describe('validateDomain', () => {
  it('accepts every history built by the rules of specification §3', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const domain = validateDomain(g);
        expect(domain.isOk() ? [] : codesAndPaths(domain.error)).toEqual([]);
      }),
    );
  });

  it('agrees with the transition functions: replaying every event through them rebuilds the same contracts', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const built = new Map<number, CocreationContract>();
        for (const [i, j] of g.steps) {
          const target = g.contracts[i] as CocreationContract;
          const context = { policy: g.policy, product: g.product, contracts: [...built.values()] };
          const result = apply(
            context,
            target.id,
            target.cocreator,
            built.get(i),
            target.events[j] as ContractEvent,
          );
          expect(result.isOk() ? 'ok' : codesAndPaths([result.error])).toBe('ok');
          built.set(i, result._unsafeUnwrap());
        }
        expect(g.contracts.map((_, i) => built.get(i))).toEqual([...g.contracts]);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an event made by a party the table does not name, with not_authorized at its "by"', () => {
    fc.assert(
      fc.property(withEvent, ({ g, i, j, pick }) => {
        const c = g.contracts[i] as CocreationContract;
        const by = wrongActor(c, j, pick);
        const events = c.events.map((e, k) => (k === j ? { ...e, by } : e)) as ContractEvent[];
        const contracts = g.contracts.map((other, k) => (k === i ? withEvents(c, events) : other));
        const result = validateDomain({ ...g, contracts });
        expect(codesAndPaths(result._unsafeUnwrapErr())).toEqual([
          { code: 'not_authorized', path: ['contracts', i, 'events', j, 'by'] },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an event dated before the one it follows, with events_out_of_order at its "at"', () => {
    fc.assert(
      fc.property(
        withEvent.filter(({ g, i }) => (g.contracts[i] as CocreationContract).events.length > 1),
        fc.integer({ min: 1, max: 5 * HOUR }),
        ({ g, i, j: picked }, early) => {
          const c = g.contracts[i] as CocreationContract;
          const j = Math.max(1, picked);
          const previous = (c.events[j - 1] as ContractEvent).at;
          const events = c.events.map((e, k) =>
            k === j ? { ...e, at: (previous - early) as Instant } : e,
          ) as ContractEvent[];
          const contracts = g.contracts.map((other, k) =>
            k === i ? withEvents(c, events) : other,
          );
          expect(codesAndPaths(validateDomain({ ...g, contracts })._unsafeUnwrapErr())).toEqual([
            { code: 'events_out_of_order', path: ['contracts', i, 'events', j, 'at'] },
          ]);
        },
      ),
    );
  });

  it('refuses an event repeated in the state it created, with invalid_transition at the repeat', () => {
    fc.assert(
      fc.property(
        // `amended` may follow `amended`: every other event leaves a state that refuses itself.
        withEvent.filter(
          ({ g, i, j }) => (g.contracts[i] as CocreationContract).events[j]?.type !== 'amended',
        ),
        ({ g, i, j }) => {
          const c = g.contracts[i] as CocreationContract;
          const events = [
            ...c.events.slice(0, j + 1),
            c.events[j] as ContractEvent,
            ...c.events.slice(j + 1),
          ];
          const contracts = g.contracts.map((other, k) =>
            k === i ? withEvents(c, events) : other,
          );
          expect(codesAndPaths(validateDomain({ ...g, contracts })._unsafeUnwrapErr())).toEqual([
            { code: 'invalid_transition', path: ['contracts', i, 'events', j + 1, 'type'] },
          ]);
        },
      ),
    );
  });
});

/** A random next event: any type, any of the three accounts, any time near the end, any terms. */
const attempt = fc.record({
  target: fc.nat(),
  type: fc.constantFrom<ContractEventType>(
    'invited',
    'accepted',
    'declined',
    'withdrawn',
    'amendment-proposed',
    'amendment-approved',
    'amendment-declined',
    'amendment-withdrawn',
    'amended',
    'cancellation-requested',
    'cancellation-approved',
    'cancellation-rejected',
    'cancellation-withdrawn',
    'cancelled',
  ),
  actor: fc.nat({ max: 2 }),
  hours: fc.integer({ min: -3, max: 60 }),
  percent: fc.tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 3 })),
  ends: fc.option(fc.integer({ min: -2, max: 60 }), { nil: null }),
  cocreator: fc.constantFrom(
    'bia@example.com',
    'caio@example.com',
    'duda@example.com',
    'eva@example.com',
    MAIN_CREATOR,
  ),
});

describe('the transition functions', () => {
  it('accept exactly the events validateDomain accepts, and keep the retention floor at every instant', () => {
    fc.assert(
      fc.property(validDomain({ maxSteps: 20 }), attempt, (g, a) => {
        const last = Math.max(0, ...g.contracts.flatMap((c) => c.events.map((e) => e.at)));
        const at = ((last === 0 ? Date.UTC(2026, 0, 1) : last) + a.hours * HOUR) as Instant;
        const [units, scale] = a.percent;
        const written = percent(BigInt(units), scale)._unsafeUnwrap();
        const endsAt = a.ends === null ? null : ((at + a.ends * HOUR) as Instant);
        const context = { policy: g.policy, product: g.product, contracts: g.contracts };
        const target =
          g.contracts.length === 0 ? undefined : g.contracts[a.target % g.contracts.length];
        const useInvite = a.type === 'invited' || target === undefined;
        const by = useInvite
          ? ([MAIN_CREATOR, a.cocreator, OUTSIDER][a.actor] as string)
          : ([MAIN_CREATOR, target.cocreator, OUTSIDER][a.actor] as string);
        let result: Result<CocreationContract, DomainError>;
        let candidate: CocreationContract;
        let others: ReadonlyArray<CocreationContract>;
        if (useInvite) {
          const id = `c${g.contracts.length + 1}`;
          const terms = { percent: written, endsAt };
          result = invite(context, { id, cocreator: a.cocreator, terms, by, at }).mapErr(
            (errors) => errors[0],
          );
          candidate = checkContract({
            id,
            productId: g.product.id,
            cocreator: a.cocreator,
            events: [
              {
                type: 'invited',
                at,
                by,
                terms: { ...terms, appliesTo: 'all-sales', mayAlsoSellAsAffiliate: false },
              },
            ],
          })._unsafeUnwrap();
          others = g.contracts;
        } else {
          const withTerms = a.type === 'amendment-proposed' || a.type === 'amended';
          const terms: TermsPatch = { percent: written, endsAt };
          const event = (
            withTerms ? { type: a.type, at, by, terms } : { type: a.type, at, by }
          ) as ContractEvent;
          result = apply(context, target.id, target.cocreator, target, event);
          candidate = withEvents(target, [...target.events, event]);
          others = g.contracts.filter((c) => c !== target);
        }
        const direct = validateDomain({ ...g, contracts: [...others, candidate] });
        expect(result.isOk()).toBe(direct.isOk());
        if (result.isErr()) {
          expect(direct._unsafeUnwrapErr().map((e) => e.code)).toContain(result.error.code);
          return;
        }
        expect(result.value).toEqual(candidate);
        const domain = direct._unsafeUnwrap();
        const cap = maxReservedPercent(g.policy);
        for (const t of interestingInstants({ ...g, contracts: domain.contracts })) {
          expect(comparePercent(totalReservedPercentAt(domain, t), cap)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the retention floor', () => {
  it('holds at every instant: the live contracts reserve at most 100 - minRetainedPercent, under every policy', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const domain = domainOf(g);
        const cap = maxReservedPercent(g.policy);
        for (const t of interestingInstants(g)) {
          const total = totalReservedPercentAt(domain, t);
          expect(formatPercent(total)).toBe(formatPercent(oracleTotal(g, t)));
          expect(
            comparePercent(total, cap),
            `${formatPercent(total)} > ${formatPercent(cap)}`,
          ).toBeLessThanOrEqual(0);
          if (g.policy.maxCocreators !== null) {
            expect(liveContractsAt(domain, t).length).toBeLessThanOrEqual(g.policy.maxCocreators);
          }
          const cocreators = liveContractsAt(domain, t).map((tl) => tl.contract.cocreator);
          expect(new Set(cocreators).size).toBe(cocreators.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** What specification §3 says of a contract at `t`, read directly from its raw history. */
interface Facts {
  readonly terms: CommissionRule | null;
  readonly covered: boolean;
  readonly live: boolean;
  readonly reserved: Percent;
  readonly accepted: boolean;
  readonly pendingAmendment: boolean;
  readonly pendingRequestBy: string | null;
}

function oracle(c: CocreationContract, t: number): Facts {
  let terms: CommissionRule | null = null;
  let pending: TermsPatch | null = null;
  let requestBy: string | null = null;
  let accepted = false;
  let ended = false;
  for (const e of c.events) {
    if (e.at > t) break;
    switch (e.type) {
      case 'invited':
        terms = e.terms;
        break;
      case 'accepted':
        accepted = true;
        break;
      case 'declined':
      case 'withdrawn':
      case 'cancellation-approved':
      case 'cancelled':
        ended = true;
        break;
      case 'amendment-proposed':
        pending = e.terms;
        break;
      case 'amendment-approved':
        terms = applyPatch(terms as CommissionRule, pending as TermsPatch);
        pending = null;
        break;
      case 'amendment-declined':
      case 'amendment-withdrawn':
        pending = null;
        break;
      case 'amended':
        terms = applyPatch(terms as CommissionRule, e.terms);
        break;
      case 'cancellation-requested':
        requestBy = e.by;
        break;
      case 'cancellation-rejected':
      case 'cancellation-withdrawn':
        requestBy = null;
        break;
    }
  }
  const running = terms !== null && !ended && (terms.endsAt === null || t < terms.endsAt);
  const proposed = pending?.percent;
  const inForce = terms?.percent ?? PERCENT_0;
  return {
    terms,
    covered: running && accepted,
    live: running,
    reserved: !running
      ? PERCENT_0
      : proposed !== undefined && comparePercent(proposed, inForce) > 0
        ? proposed
        : inForce,
    accepted,
    pendingAmendment: running && pending !== null,
    pendingRequestBy: running ? requestBy : null,
  };
}

function oracleTotal(g: GeneratedDomain, t: number): Percent {
  return g.contracts.reduce((sum, c) => addPercents(sum, oracle(c, t).reserved), PERCENT_0);
}

describe('coverage', () => {
  it('is half-open: covers t iff accepted at or before t, not ended at or before t, and t before the endsAt in force', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const domain = domainOf(g);
        for (const timeline of domain.timelines) {
          for (const t of interestingInstants(g)) {
            const expected = oracle(timeline.contract, t);
            expect(covers(timeline, { productId: g.product.id, at: t })).toBe(expected.covered);
            expect(termsAt(timeline, t)).toEqual(expected.terms);
            expect(isLive(timeline, t)).toBe(expected.live);
            expect(formatPercent(reservedPercentAt(timeline, t))).toBe(
              formatPercent(expected.reserved),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not change until approved: a pending amendment or cancellation request leaves coverage and terms as they were', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const domain = domainOf(g);
        for (const timeline of domain.timelines) {
          const events = timeline.contract.events;
          events.forEach((event, j) => {
            if (event.type !== 'amendment-proposed' && event.type !== 'cancellation-requested')
              return;
            const family = event.type === 'amendment-proposed' ? 'amendment-' : 'cancellation-';
            const k = events.findIndex(
              (e, n) => n > j && e.type.startsWith(family) && e.type !== event.type,
            );
            const until = k < 0 ? Number.POSITIVE_INFINITY : (events[k] as ContractEvent).at;
            const kept = events.filter((_, n) => n !== j && (k < 0 || n < k));
            const without = replayContract(
              withEvents(timeline.contract, kept),
              g.policy,
              g.product,
            )._unsafeUnwrap();
            for (const t of interestingInstants(g)) {
              if (t >= until) continue;
              expect(coveringTerms(timeline, t)).toEqual(coveringTerms(without, t));
            }
          });
        }
      }),
    );
  });
});

/** `floor(p × 10^d)`: the units of the largest `d`-place percent at most `p`. */
function floorUnits(p: Percent, d: number): bigint {
  return d >= p.scale ? p.units * 10n ** BigInt(d - p.scale) : p.units / 10n ** BigInt(p.scale - d);
}

/**
 * Two valid domains under one policy, merged: every history stays valid, and the rules across
 * contracts are often broken (too much reserved, too many live contracts, one cocreator twice).
 */
const merged = anyPolicy().chain((rules) =>
  fc
    .tuple(
      validDomain({ policy: rules, maxSteps: 15 }),
      validDomain({ policy: rules, maxSteps: 15 }),
    )
    .map(([a, b]) => ({
      ...a,
      contracts: [
        ...a.contracts,
        ...b.contracts.map((c) => checkContract({ ...c, id: `b-${c.id}` })._unsafeUnwrap()),
      ],
    })),
);

describe('the history of terms', () => {
  it('is a run of half-open periods, each in force at its start, none past the end of the contract', () => {
    fc.assert(
      fc.property(validDomain(), (g) => {
        const domain = validateDomain(g)._unsafeUnwrap();
        for (const timeline of domain.timelines) {
          const history = termsHistory(timeline);
          history.forEach((entry, index) => {
            expect(termsAt(timeline, entry.from)).toBe(entry.terms);
            if (entry.until !== null) expect(entry.from).toBeLessThan(entry.until);
            if (timeline.endedAt !== null) {
              expect(entry.until).not.toBeNull();
              expect(entry.until as number).toBeLessThanOrEqual(timeline.endedAt);
            }
            const next = history[index + 1];
            if (next !== undefined) expect(entry.until).toBe(next.from);
          });
        }
      }),
    );
  });
});

describe('the rules across contracts', () => {
  it('are reported exactly as checking every contract at every invited, amendment-proposed and amended instant would', () => {
    fc.assert(
      fc.property(merged, (g) => {
        const expected: Array<{ code: string; path: ReadonlyArray<string | number> }> = [];
        const cap = maxReservedPercent(g.policy);
        g.contracts.forEach((c, i) => {
          c.events.forEach((e, j) => {
            if (e.type !== 'invited' && e.type !== 'amendment-proposed' && e.type !== 'amended')
              return;
            const path = ['contracts', i, 'events', j];
            const live = g.contracts.filter((other) => oracle(other, e.at).live);
            if (comparePercent(oracleTotal(g, e.at), cap) > 0)
              expected.push({ code: 'retention_floor_violated', path });
            if (e.type !== 'invited' || !oracle(c, e.at).live) return;
            if (g.policy.maxCocreators !== null && live.length > g.policy.maxCocreators) {
              expected.push({ code: 'max_cocreators_reached', path });
            }
            if (live.some((other) => other !== c && other.cocreator === c.cocreator)) {
              expected.push({ code: 'duplicate_cocreator', path });
            }
          });
        });
        const result = validateDomain(g);
        expect(result.isOk() ? [] : codesAndPaths(result.error)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the retention floor, at an invitation', () => {
  it('accepts an invitation that exactly fills 100 - minRetainedPercent and refuses one unit more with retention_floor_violated', () => {
    fc.assert(
      fc.property(validDomain(), fc.integer({ min: 0, max: 3 }), (g, hours) => {
        const last = Math.max(START, ...g.contracts.flatMap((c) => c.events.map((e) => e.at)));
        const t = (last + hours * HOUR) as Instant;
        const live = g.contracts.filter((c) => oracle(c, t).live);
        const cocreator = COCREATORS.find((a) => !live.some((c) => c.cocreator === a));
        fc.pre(cocreator !== undefined);
        fc.pre(g.policy.maxCocreators === null || live.length < g.policy.maxCocreators);
        const room = subtractPercents(
          maxReservedPercent(g.policy),
          oracleTotal(g, t),
        )._unsafeUnwrap();
        const d = g.policy.percentDecimals;
        const { min, max } = g.policy.cocreatorPercent;
        const context = { policy: g.policy, product: g.product, contracts: g.contracts };
        const at = (p: Percent) =>
          invite(context, {
            id: 'new',
            cocreator: cocreator as string,
            terms: { percent: p },
            by: MAIN_CREATOR,
            at: t,
          });
        const fill = percent(floorUnits(room, d), d)._unsafeUnwrap();
        const over = percent(floorUnits(room, d) + 1n, d)._unsafeUnwrap();
        if (isPercentInRange(fill, min, max)) expect(at(fill).isOk()).toBe(true);
        if (isPercentInRange(over, min, max)) {
          const [refused] = at(over)._unsafeUnwrapErr();
          expect({ code: refused.code, path: refused.path }).toEqual({
            code: 'retention_floor_violated',
            path: [],
          });
        }
      }),
    );
  });
  it('refuses an invitation of an account whose contract is live with duplicate_cocreator, and one beyond maxCocreators with max_cocreators_reached', () => {
    fc.assert(
      fc.property(validDomain(), fc.nat(), fc.integer({ min: 0, max: 3 }), (g, pick, hours) => {
        const last = Math.max(START, ...g.contracts.flatMap((c) => c.events.map((e) => e.at)));
        const t = (last + hours * HOUR) as Instant;
        const live = g.contracts.filter((c) => oracle(c, t).live);
        fc.pre(live.length > 0);
        const full = g.policy.maxCocreators !== null && live.length >= g.policy.maxCocreators;
        const taken = (live[pick % live.length] as CocreationContract).cocreator;
        const free = COCREATORS.find((a) => !live.some((c) => c.cocreator === a));
        const cocreator = full && free !== undefined && pick % 2 === 0 ? free : taken;
        const invitation = checkContract({
          id: 'new',
          productId: g.product.id,
          cocreator,
          events: [
            {
              type: 'invited',
              at: t,
              by: MAIN_CREATOR,
              terms: { percent: g.policy.cocreatorPercent.min },
            },
          ],
        })._unsafeUnwrap();
        const codes = codesAndPaths(
          validateDomain({ ...g, contracts: [...g.contracts, invitation] })._unsafeUnwrapErr(),
        );
        const path = ['contracts', g.contracts.length, 'events', 0];
        if (cocreator === taken)
          expect(codes).toContainEqual({ code: 'duplicate_cocreator', path });
        if (full) expect(codes).toContainEqual({ code: 'max_cocreators_reached', path });
        const expected = new Set([
          'duplicate_cocreator',
          'max_cocreators_reached',
          'retention_floor_violated',
        ]);
        expect(codes.filter((e) => !expected.has(e.code))).toEqual([]);
      }),
    );
  });
});

describe('expiry', () => {
  it('ends a contract at the endsAt in force with no event: any later event is refused, one just before is not', () => {
    fc.assert(
      fc.property(validDomain(), fc.nat(), fc.integer({ min: 0, max: 3 }), (g, pick, hours) => {
        const candidates = g.contracts
          .map((c, i) => ({ c, i, last: (c.events[c.events.length - 1] as ContractEvent).at }))
          .filter(({ c, last }) => {
            const facts = oracle(c, last);
            return facts.live && facts.terms?.endsAt !== null;
          });
        fc.pre(candidates.length > 0);
        const { c, i, last } = candidates[pick % candidates.length] as (typeof candidates)[number];
        const facts = oracle(c, last);
        const end = (facts.terms as CommissionRule).endsAt as number;
        const make = (at: number): ContractEvent => {
          const t = at as Instant;
          if (!facts.accepted) return { type: 'accepted', at: t, by: c.cocreator as never };
          const by = MAIN_CREATOR as never;
          const terms = { mayAlsoSellAsAffiliate: true };
          if (g.policy.amendments === 'immediate') return { type: 'amended', at: t, by, terms };
          return facts.pendingAmendment
            ? { type: 'amendment-withdrawn', at: t, by }
            : { type: 'amendment-proposed', at: t, by, terms };
        };
        const withLast = (event: ContractEvent) =>
          validateDomain({
            ...g,
            contracts: g.contracts.map((o, k) =>
              k === i ? withEvents(c, [...c.events, event]) : o,
            ),
          });
        expect(withLast(make(Math.max(last, end - 1))).isOk()).toBe(true);
        const refused = withLast(make(end + hours * HOUR))._unsafeUnwrapErr();
        expect(codesAndPaths(refused)).toEqual([
          {
            code: facts.accepted ? 'invalid_transition' : 'term_already_expired',
            path: ['contracts', i, 'events', c.events.length, facts.accepted ? 'type' : 'at'],
          },
        ]);
      }),
    );
  });
});

function isDeepFrozen(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every((v) => isDeepFrozen(v, seen));
}

describe('immutability', () => {
  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(validDomain({ maxSteps: 15 }), (g) => {
        // Unfrozen deep copies: a mutation would go through silently, so compare afterwards.
        const copy = structuredClone({
          policy: g.policy,
          product: g.product,
          contracts: g.contracts,
        });
        const snapshot = structuredClone(copy);
        validateDomain(copy);
        const built: CocreationContract[] = [];
        for (const [i, j] of g.steps) {
          const target = g.contracts[i] as CocreationContract;
          const context = structuredClone({
            policy: g.policy,
            product: g.product,
            contracts: built,
          });
          const contextSnapshot = structuredClone(context);
          const event = structuredClone(target.events[j] as ContractEvent);
          const eventSnapshot = structuredClone(event);
          const current = built.find((c) => c.id === target.id);
          const result = apply(context, target.id, target.cocreator, current, event);
          expect(context).toEqual(contextSnapshot);
          expect(event).toEqual(eventSnapshot);
          const next = result._unsafeUnwrap();
          const index = built.findIndex((c) => c.id === target.id);
          if (index < 0) built.push(next);
          else built[index] = next;
        }
        expect(copy).toEqual(snapshot);
      }),
      { numRuns: 40 },
    );
  });

  it('returns frozen values: the domain, its timelines and every contract a transition makes', () => {
    fc.assert(
      fc.property(validDomain({ maxSteps: 15 }), (g) => {
        const domain = domainOf(
          structuredClone({ policy: g.policy, product: g.product, contracts: g.contracts }),
        );
        expect(isDeepFrozen(domain)).toBe(true);
        const built = new Map<number, CocreationContract>();
        for (const [i, j] of g.steps) {
          const target = g.contracts[i] as CocreationContract;
          const context = { policy: g.policy, product: g.product, contracts: [...built.values()] };
          const next = apply(
            context,
            target.id,
            target.cocreator,
            built.get(i),
            target.events[j] as ContractEvent,
          );
          expect(isDeepFrozen(next._unsafeUnwrap())).toBe(true);
          built.set(i, next._unsafeUnwrap());
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('robustness', () => {
  const anything = fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withObjectString: true,
  });

  it('never throws: validateDomain and the transitions answer any input with a Result', () => {
    fc.assert(
      fc.property(validDomain({ maxSteps: 8 }), anything, anything, (g, junk, more) => {
        const inputs = [
          junk,
          { policy: junk, product: g.product, contracts: g.contracts },
          { policy: g.policy, product: junk, contracts: g.contracts },
          { policy: g.policy, product: g.product, contracts: [...g.contracts, junk] },
          { policy: g.policy, product: g.product, contracts: junk },
        ];
        for (const input of inputs) {
          expect(typeof validateDomain(input as never).isOk()).toBe('boolean');
        }
        const context = { policy: g.policy, product: g.product, contracts: g.contracts };
        expect(typeof invite(context, junk as never).isOk()).toBe('boolean');
        expect(typeof invite(junk as never, more as never).isOk()).toBe('boolean');
        for (const c of g.contracts) {
          expect(typeof accept(context, c, junk as never).isOk()).toBe('boolean');
          expect(
            typeof amend(context, c, {
              by: MAIN_CREATOR,
              at: c.events[0]?.at as Instant,
              terms: junk as never,
            }).isOk(),
          ).toBe('boolean');
        }
        expect(typeof cancel(context, junk as never, more as never).isOk()).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a cyclic hand-built policy alone instead of looping', () => {
    const fixed: Record<string, unknown> = {};
    fixed.self = fixed;
    const cyclic = { ...POLICIES.hotmart, fee: { percent: PERCENT_0, fixed } };
    expect(
      typeof validateDomain({ policy: cyclic as never, product: PRODUCT, contracts: [] }).isOk(),
    ).toBe('boolean');
  });
});
