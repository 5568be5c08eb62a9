/**
 * fast-check arbitraries for policies, products and valid contract histories.
 *
 * {@link validDomain} is an interpreter over random choices: it walks forward in time and, at
 * each step, picks one event among those specification §3 allows in a small model of its own
 * (statuses, pending amendments and requests, expiry, the retention floor, `maxCocreators`,
 * one live contract per cocreator). It never calls the library's replay, so the validator
 * and the transition functions can be tested against it. Shrinking works on the choices.
 */
import fc from 'fast-check';
import { contract } from '../../src/contracts/read';
import type { CocreationContract } from '../../src/contracts/types';
import {
  type AmendmentRule,
  type CancellationRule,
  maxReservedPercent,
  POLICIES,
  type Policy,
} from '../../src/model/policy';
import { type Product, product } from '../../src/model/product';
import { policy } from '../../src/model/read-policy';
import { formatInstant } from '../../src/values/instant';
import {
  comparePercent,
  formatPercent,
  type Percent,
  parsePercent,
  subtractPercents,
} from '../../src/values/percent';

/** The main creator of every generated product. */
export const MAIN_CREATOR = 'ana@example.com';
/** The accounts invited as cocreators. */
export const COCREATORS: ReadonlyArray<string> = Object.freeze([
  'bia@example.com',
  'caio@example.com',
  'duda@example.com',
  'eva@example.com',
]);
/** An account that is party to no contract. */
export const OUTSIDER = 'zed@example.com';
/** The first instant of every generated history: 2026-01-01T00:00:00Z. */
export const START = Date.UTC(2026, 0, 1);
/** The time grid: generated instants and ends are whole hours, so ties and exact ends happen often. */
export const HOUR = 3_600_000;

const APPLIES = [
  'all-sales',
  'direct-sales',
  'affiliate-sales',
  'managed-affiliate-sales',
] as const;

/** A policy written from scratch (no `extends`) that satisfies specification §2 by construction. */
export function customPolicy(): fc.Arbitrary<Policy> {
  return fc
    .record({
      minRetained: fc.constantFrom('0', '20', '30', '50', '62.5', '99.5'),
      decimals: fc.integer({ min: 0, max: 4 }),
      maxCocreators: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      wideMax: fc.boolean(),
      cancellation: fc.constantFrom<CancellationRule>('mutual', 'unilateral'),
      amendments: fc.constantFrom<AmendmentRule>('cocreator-approval', 'immediate'),
      affiliates: fc.boolean(),
    })
    .map((r) => {
      const cap = subtractPercents(
        parsePercent('100')._unsafeUnwrap(),
        parsePercent(r.minRetained)._unsafeUnwrap(),
      )._unsafeUnwrap();
      const smallest = r.decimals === 0 ? '1' : `0.${'0'.repeat(r.decimals - 1)}1`;
      const min =
        comparePercent(parsePercent(smallest)._unsafeUnwrap(), cap) <= 0
          ? smallest
          : formatPercent(cap);
      // Half the cap, cut to the policy's decimals, but never below the minimum.
      const half = truncate({ units: cap.units * 5n, scale: cap.scale + 1 }, r.decimals);
      const max =
        r.wideMax || comparePercent(half, parsePercent(min)._unsafeUnwrap()) < 0
          ? formatPercent(cap)
          : formatPercent(half);
      return policy({
        minRetainedPercent: r.minRetained,
        cocreatorPercent: { min, max },
        percentDecimals: r.decimals,
        maxCocreators: r.maxCocreators,
        affiliatesOnCocreatedProducts: r.affiliates,
        cancellation: r.cancellation,
        amendments: r.amendments,
      })._unsafeUnwrap();
    });
}

/** One of the presets, or a custom policy. */
export function anyPolicy(): fc.Arbitrary<Policy> {
  return fc.oneof(
    fc.constantFrom(POLICIES.hotmart, POLICIES.kiwify, POLICIES.gumroad),
    customPolicy(),
  );
}

/** The product every generated domain is about: `p1`, by {@link MAIN_CREATOR}. */
export const PRODUCT: Product = product({ id: 'p1', mainCreator: MAIN_CREATOR })._unsafeUnwrap();

function truncate(p: { units: bigint; scale: number }, decimals: number): Percent {
  const units =
    p.scale > decimals
      ? p.units / 10n ** BigInt(p.scale - decimals)
      : p.units * 10n ** BigInt(decimals - p.scale);
  return parsePercent(write(units, decimals))._unsafeUnwrap();
}

/** Writes units at a scale with exactly `scale` decimals ("20.50"), as a user would. */
function write(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** `p × 10^scale` rounded up (`ceil`) or down. */
function atScale(p: Percent, scale: number, up: boolean): bigint {
  if (scale >= p.scale) return p.units * 10n ** BigInt(scale - p.scale);
  const divisor = 10n ** BigInt(p.scale - scale);
  const q = p.units / divisor;
  return up && q * divisor !== p.units ? q + 1n : q;
}

/**
 * A percent in `[lo, hi]` with at most `decimals` places, written with a chosen number of
 * places (trailing zeros included), or `undefined` when the interval holds none.
 */
function pickPercent(
  lo: Percent,
  hi: Percent,
  decimals: number,
  choice: number,
): string | undefined {
  const first = choice % (decimals + 1);
  for (const scale of [first, decimals]) {
    const a = atScale(lo, scale, true);
    const b = atScale(hi, scale, false);
    if (a <= b) return write(a + (BigInt(choice) % (b - a + 1n)), scale);
  }
  return undefined;
}

/** One random step: how far time moves, and numbers the interpreter turns into decisions. */
interface Choice {
  readonly hours: number;
  readonly action: number;
  readonly a: number;
  readonly b: number;
  readonly ends: number | null;
}

const choice: fc.Arbitrary<Choice> = fc.record({
  hours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
  action: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  ends: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
});

/** Wire-shaped terms as the interpreter writes them. */
interface WireTerms {
  percent?: string;
  appliesTo?: string;
  endsAt?: string | null;
  mayAlsoSellAsAffiliate?: boolean;
}

interface WireEvent {
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly terms?: WireTerms;
}

interface ModelContract {
  readonly id: string;
  readonly cocreator: string;
  readonly events: WireEvent[];
  status: 'pending' | 'active' | 'ended';
  percent: Percent;
  endsAt: number | null;
  pending: { readonly percent: Percent | null; readonly endsAt: number | null | undefined } | null;
  requester: string | null;
}

/** A valid domain built by the interpreter, with the order its events were made in. */
export interface GeneratedDomain {
  readonly policy: Policy;
  readonly product: Product;
  readonly contracts: ReadonlyArray<CocreationContract>;
  /** `[contract index, event index]` of every event, in the order they were made (time order). */
  readonly steps: ReadonlyArray<readonly [number, number]>;
}

function reserved(c: ModelContract): Percent {
  const proposed = c.pending?.percent ?? null;
  return proposed !== null && comparePercent(proposed, c.percent) > 0 ? proposed : c.percent;
}

function sum(values: ReadonlyArray<Percent>): Percent {
  return values.reduce((acc, p) => {
    const scale = Math.max(acc.scale, p.scale);
    const units =
      acc.units * 10n ** BigInt(scale - acc.scale) + p.units * 10n ** BigInt(scale - p.scale);
    return parsePercent(write(units, scale))._unsafeUnwrap();
  }, parsePercent('0')._unsafeUnwrap());
}

/** Runs the choices through the model and returns the histories it made. */
function interpret(rules: Policy, choices: ReadonlyArray<Choice>): GeneratedDomain {
  const cap = maxReservedPercent(rules);
  const model: ModelContract[] = [];
  const steps: Array<readonly [number, number]> = [];
  let now = START;
  for (const step of choices) {
    now += step.hours * HOUR;
    const at = formatInstant(now as never);
    // Expiry needs no event: a term whose end has come ends the contract.
    for (const c of model) {
      if (c.status !== 'ended' && c.endsAt !== null && c.endsAt <= now) c.status = 'ended';
    }
    const live = model.filter((c) => c.status !== 'ended');
    const total = sum(live.map(reserved));
    const endsAt = step.ends === null ? null : now + step.ends * HOUR;
    const options: Array<() => void> = [];
    const push = (c: ModelContract, event: WireEvent) => {
      c.events.push(event);
      steps.push([model.indexOf(c), c.events.length - 1]);
    };

    const free = COCREATORS.filter((account) => !live.some((c) => c.cocreator === account));
    const roomLeft = subtractPercents(cap, total);
    const invitePercent = roomLeft.isOk()
      ? pickPercent(
          rules.cocreatorPercent.min,
          comparePercent(roomLeft.value, rules.cocreatorPercent.max) < 0
            ? roomLeft.value
            : rules.cocreatorPercent.max,
          rules.percentDecimals,
          step.a,
        )
      : undefined;
    if (
      free.length > 0 &&
      invitePercent !== undefined &&
      (rules.maxCocreators === null || live.length < rules.maxCocreators)
    ) {
      options.push(() => {
        const cocreator = free[step.b % free.length] as string;
        const terms: WireTerms = {
          percent: invitePercent,
          appliesTo: APPLIES[step.b % APPLIES.length] as string,
          endsAt: endsAt === null ? null : formatInstant(endsAt as never),
          mayAlsoSellAsAffiliate: step.a % 2 === 0,
        };
        const c: ModelContract = {
          id: `c${model.length + 1}`,
          cocreator,
          events: [],
          status: 'pending',
          percent: parsePercent(invitePercent)._unsafeUnwrap(),
          endsAt,
          pending: null,
          requester: null,
        };
        model.push(c);
        push(c, { type: 'invited', at, by: MAIN_CREATOR, terms });
      });
    }

    for (const c of live) {
      const event = (type: string, by: string, terms?: WireTerms) => () =>
        push(c, terms === undefined ? { type, at, by } : { type, at, by, terms });
      if (c.status === 'pending') {
        // Weighted toward acceptance, so that most histories go on to amendments and cancellations.
        const acceptance = () => {
          c.status = 'active';
          event('accepted', c.cocreator)();
        };
        options.push(acceptance, acceptance, acceptance, acceptance);
        options.push(() => {
          c.status = 'ended';
          event('declined', c.cocreator)();
        });
        options.push(() => {
          c.status = 'ended';
          event('withdrawn', MAIN_CREATOR)();
        });
        continue;
      }
      // Active: amendments. A new percent fits when the others' reservations leave room for it.
      const others = sum(live.filter((o) => o !== c).map(reserved));
      const room = subtractPercents(cap, others);
      const patch = ():
        | { terms: WireTerms; percent: Percent | null; ends: number | null | undefined }
        | undefined => {
        const fields = (step.b % 15) + 1; // a non-empty subset of the four fields
        const terms: WireTerms = {};
        let newPercent: Percent | null = null;
        let ends: number | null | undefined;
        if (fields & 1) {
          if (!room.isOk()) return undefined;
          const hi =
            comparePercent(room.value, rules.cocreatorPercent.max) < 0
              ? room.value
              : rules.cocreatorPercent.max;
          const written = pickPercent(
            rules.cocreatorPercent.min,
            hi,
            rules.percentDecimals,
            step.a,
          );
          if (written === undefined) return undefined;
          terms.percent = written;
          newPercent = parsePercent(written)._unsafeUnwrap();
        }
        if (fields & 2) terms.appliesTo = APPLIES[step.a % APPLIES.length] as string;
        if (fields & 4) {
          ends = endsAt;
          terms.endsAt = endsAt === null ? null : formatInstant(endsAt as never);
        }
        if (fields & 8) terms.mayAlsoSellAsAffiliate = step.b % 2 === 0;
        return { terms, percent: newPercent, ends };
      };
      if (rules.amendments === 'cocreator-approval') {
        if (c.pending === null) {
          const proposal = patch();
          if (proposal !== undefined) {
            const propose = () => {
              c.pending = { percent: proposal.percent, endsAt: proposal.ends };
              event('amendment-proposed', MAIN_CREATOR, proposal.terms)();
            };
            options.push(propose, propose);
          }
        } else {
          const pending = c.pending;
          const newEnd = pending.endsAt === undefined ? c.endsAt : pending.endsAt;
          if (newEnd === null || newEnd > now) {
            const approve = () => {
              c.percent = pending.percent ?? c.percent;
              c.endsAt = newEnd;
              c.pending = null;
              event('amendment-approved', c.cocreator)();
            };
            options.push(approve, approve);
          }
          options.push(() => {
            c.pending = null;
            event('amendment-declined', c.cocreator)();
          });
          options.push(() => {
            c.pending = null;
            event('amendment-withdrawn', MAIN_CREATOR)();
          });
        }
      } else {
        const change = patch();
        if (change !== undefined) {
          const amendNow = () => {
            c.percent = change.percent ?? c.percent;
            if (change.ends !== undefined) c.endsAt = change.ends;
            event('amended', MAIN_CREATOR, change.terms)();
          };
          options.push(amendNow, amendNow);
        }
      }
      // Cancellation.
      const parties = [MAIN_CREATOR, c.cocreator];
      const party = parties[step.a % 2] as string;
      if (rules.cancellation === 'unilateral') {
        options.push(() => {
          c.status = 'ended';
          event('cancelled', party)();
        });
      } else if (c.requester === null) {
        options.push(() => {
          c.requester = party;
          event('cancellation-requested', party)();
        });
      } else {
        const requester = c.requester;
        const other = requester === MAIN_CREATOR ? c.cocreator : MAIN_CREATOR;
        options.push(() => {
          c.status = 'ended';
          event('cancellation-approved', other)();
        });
        options.push(() => {
          c.requester = null;
          event('cancellation-rejected', other)();
        });
        options.push(() => {
          c.requester = null;
          event('cancellation-withdrawn', requester)();
        });
      }
    }
    if (options.length > 0) (options[step.action % options.length] as () => void)();
  }
  const contracts = model.map((c, i) =>
    contract({ id: c.id, productId: PRODUCT.id, cocreator: c.cocreator, events: c.events }, [
      'contracts',
      i,
    ])._unsafeUnwrap(),
  );
  return { policy: rules, product: PRODUCT, contracts, steps };
}

/**
 * A valid product, policy and contract set, with the order its events were made in.
 *
 * @param options - `policy` to fix the policy (default: any preset or custom policy);
 *   `maxSteps` bounds the number of random steps (default 30)
 */
export function validDomain(
  options: { readonly policy?: Policy; readonly maxSteps?: number } = {},
): fc.Arbitrary<GeneratedDomain> {
  const rules = options.policy === undefined ? anyPolicy() : fc.constant(options.policy);
  return fc
    .tuple(rules, fc.array(choice, { maxLength: options.maxSteps ?? 30 }))
    .map(([r, choices]) => interpret(r, choices));
}
