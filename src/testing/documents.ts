/**
 * Interpreters from a tape of choices to wire-shaped documents that are valid by
 * construction (specification §§2–6, 8), with their own model of the rules, written from the specification
 * rather than from the library, so that the library is tested against an independent reading.
 *
 * How validity is guaranteed:
 * - retention floor: each contract gets a budget, the budgets sum to at most
 *   `100 - minRetainedPercent`, and every percent a contract ever reserves (in force or
 *   pending) is within its budget, so no instant can break the floor;
 * - `maxCocreators` / duplicates / self-cocreation: at most `maxCocreators` contracts, each
 *   with a distinct cocreator who is not the main creator;
 * - histories: a small state machine offers only the events specification §3 allows, by the
 *   party it names, at non-decreasing instants before the terms in force expire;
 * - the sale's affiliate is never the main creator, is a covering cocreator only when the
 *   terms in force allow it, and is absent when the policy forbids affiliates on covered sales;
 * - the fee never exceeds the price; refunds come after the sale, in order, and total at
 *   most the price.
 * Internal: the public arbitraries are in ./arbitraries.
 */
import type { AppliesTo } from '../model/commission';
import type { PolicyName } from '../model/policy';
import { formatDecimal } from '../values/decimal';
import type {
  ContractEventJson,
  ContractJson,
  DecimalJson,
  FeeScheduleJson,
  MoneyJson,
  PolicyJson,
  PolicyObjectJson,
  ProductJson,
  RefundJson,
  SaleAffiliateJson,
  SaleJson,
  SettleDocumentJson,
  TermsJson,
} from '../wire/json';
import type { Tape } from './tape';

/** Percents are modelled as integers of millionths of a percent (6 places, the specification's maximum). */
const SCALE = 6;
const ONE_PERCENT = 10n ** BigInt(SCALE);
const HUNDRED = 100n * ONE_PERCENT;
const MS_PER_DAY = 86_400_000;
const MAX_OFFSET_MINUTES = 23 * 60 + 59;

/** Currencies drawn, with their ISO 4217 exponents (one of each exponent at least). */
const CURRENCIES: readonly [readonly [string, number], ...(readonly [string, number])[]] = [
  ['BRL', 2],
  ['USD', 2],
  ['JPY', 0],
  ['KWD', 3],
  ['EUR', 2],
  ['CLP', 0],
  ['CLF', 4],
];

/** `all-sales` twice: most contracts in the wild pay on every sale. */
const APPLIES_TO: readonly [AppliesTo, ...AppliesTo[]] = [
  'all-sales',
  'all-sales',
  'direct-sales',
  'affiliate-sales',
  'managed-affiliate-sales',
];

/** The effective rules of a policy, as the generator needs them. */
export interface PolicyModel {
  readonly name: PolicyName | null;
  readonly minRetained: bigint;
  readonly cocMin: bigint;
  readonly cocMax: bigint;
  readonly decimals: number;
  readonly maxCocreators: number | null;
  readonly affiliatesOnCocreated: boolean;
  readonly cancellation: 'mutual' | 'unilateral';
  readonly amendments: 'cocreator-approval' | 'immediate';
  /** Percent in millionths; fixed fees in minor units by currency code. */
  readonly fee: { readonly percent: bigint; readonly fixed: ReadonlyMap<string, bigint> } | null;
}

/** specification §2's table, copied by hand (not imported: the kit checks the library). */
const PRESETS: Readonly<Record<PolicyName, PolicyModel>> = {
  hotmart: {
    name: 'hotmart',
    minRetained: 30n * ONE_PERCENT,
    cocMin: ONE_PERCENT / 100n,
    cocMax: 70n * ONE_PERCENT,
    decimals: 2,
    maxCocreators: null,
    affiliatesOnCocreated: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
    fee: null,
  },
  kiwify: {
    name: 'kiwify',
    minRetained: 20n * ONE_PERCENT,
    cocMin: ONE_PERCENT,
    cocMax: 80n * ONE_PERCENT,
    decimals: 0,
    maxCocreators: null,
    affiliatesOnCocreated: true,
    cancellation: 'mutual',
    amendments: 'cocreator-approval',
    fee: null,
  },
  gumroad: {
    name: 'gumroad',
    minRetained: 50n * ONE_PERCENT,
    cocMin: ONE_PERCENT,
    cocMax: 50n * ONE_PERCENT,
    decimals: 2,
    maxCocreators: 1,
    affiliatesOnCocreated: false,
    cancellation: 'unilateral',
    amendments: 'immediate',
    fee: null,
  },
};

const PRESET_NAMES: readonly [PolicyName, ...PolicyName[]] = ['hotmart', 'kiwify', 'gumroad'];

/** Which policies to draw. */
export type PolicyChoice = PolicyName | 'custom' | 'any';

// ---------------------------------------------------------------------------------------------
// Decimals, instants and accounts, each written in one of its valid spellings
// ---------------------------------------------------------------------------------------------

function minBig(a: bigint, b: bigint): bigint {
  // Stryker disable next-line EqualityOperator: equal values are the same value (contributing/mutation.md)
  return a < b ? a : b;
}

/**
 * `units / 10^scale` (never negative: the generators draw no negative amount or percent)
 * with exactly `places` decimals (`places` at least the needed ones).
 */
function decimal(units: bigint, scale: number, places: number): string {
  return formatDecimal(units, scale, places);
}

/** `units / 10^scale` in shortest form. */
function shortest(units: bigint, scale: number): string {
  return formatDecimal(units, scale, 0);
}

function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** A JSON number when `String(n)` prints the text back exactly (no exponent, no lost digit). */
function asNumberIfExact(text: string): DecimalJson {
  const n = Number(text);
  // Stryker disable next-line ConditionalExpression: every text drawn (at most 10^15 minor units, or a percent of at most 9 digits) prints back exactly from a double; the check keeps the helper right for longer ones (contributing/mutation.md)
  return String(n) === text ? n : text;
}

/** A percent (millionths) in a valid spelling with at most `maxPlaces` places. */
function spellPercent(tape: Tape, units: bigint, maxPlaces: number): DecimalJson {
  const text = shortest(units, SCALE);
  const places = placesOf(text);
  switch (tape.below(4)) {
    case 1:
      return maxPlaces > places ? decimal(units, SCALE, tape.int(places + 1, maxPlaces)) : text;
    case 2:
      return asNumberIfExact(text);
    default:
      return text;
  }
}

/** An amount (minor units) in a valid spelling: all decimals, fewer, or a JSON number. */
function spellAmount(tape: Tape, minor: bigint, exponent: number): DecimalJson {
  switch (tape.below(4)) {
    case 1:
      return shortest(minor, exponent);
    case 2:
      return asNumberIfExact(shortest(minor, exponent));
    default:
      return decimal(minor, exponent, exponent);
  }
}

function money(tape: Tape, minor: bigint, code: string, exponent: number): MoneyJson {
  return { amount: spellAmount(tape, minor, exponent), currency: code };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant (epoch ms) in a valid spelling: `Z` or an offset, 0 to 9 fraction digits. */
function spellInstant(tape: Tape, t: number): string {
  let offset = 0;
  let suffix = 'Z';
  const form = tape.below(4);
  if (form === 1) suffix = '+00:00';
  if (form >= 2) {
    offset = tape.int(-MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES);
    const magnitude = Math.abs(offset);
    suffix = `${offset < 0 ? '-' : '+'}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`;
  }
  const local = new Date(t + offset * 60_000).toISOString();
  const millis = local.slice(20, 23);
  let fraction: string;
  switch (tape.below(3)) {
    case 1:
      fraction = `.${millis}`;
      break;
    case 2:
      fraction = `.${millis}${String(tape.int(0, 999_999)).padStart(tape.int(1, 6), '0')}`;
      break;
    default:
      fraction = millis === '000' ? '' : `.${millis.replace(/0+$/, '')}`;
  }
  return `${local.slice(0, 19)}${fraction}${suffix}`;
}

const NAMES: readonly [string, ...string[]] = [
  'ana',
  'bia',
  'leo',
  'caio',
  'duda',
  'joão',
  'zoë',
  'élodie',
  'max',
  'yuki',
];
const DOMAINS: readonly [string, ...string[]] = ['example.com', 'example.org', 'mail.example.net'];

/** A canonical account id, distinct for distinct `index`. */
function makeAccount(tape: Tape, index: number): string {
  return `${tape.pick(NAMES)}${index === 0 ? '' : index}@${tape.pick(DOMAINS)}`;
}

function upperAscii(text: string): string {
  return text.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** An account id as a person might type it: case and surrounding spaces do not matter. */
function spellAccount(tape: Tape, canonical: string): string {
  switch (tape.below(5)) {
    case 1:
      return upperAscii(canonical);
    case 2:
      return upperAscii(canonical.slice(0, 1)) + canonical.slice(1);
    case 3:
      return `  ${canonical}\t`;
    default:
      return canonical;
  }
}

// ---------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------

function gridOf(p: PolicyModel): bigint {
  return 10n ** BigInt(SCALE - p.decimals);
}

function capOf(p: PolicyModel): bigint {
  return HUNDRED - p.minRetained;
}

/** The smallest contract percent the policy allows (a multiple of its grid). */
function lowestPercent(p: PolicyModel): bigint {
  const grid = gridOf(p);
  return ((p.cocMin + grid - 1n) / grid) * grid;
}

function highestPercent(p: PolicyModel): bigint {
  const grid = gridOf(p);
  return (minBig(p.cocMax, capOf(p)) / grid) * grid;
}

/**
 * Whether a preset with fields taken from a drawn policy is still valid. Each source keeps
 * `0 <= minRetained < 100` and `cocMin > 0`; what a mix can break is the order of the bounds,
 * the cap and the grid.
 */
function isUsable(p: PolicyModel): boolean {
  // lowestPercent <= highestPercent also orders the bounds: cocMin <= lowest, highest <= cocMax.
  return p.cocMax <= capOf(p) && lowestPercent(p) <= highestPercent(p);
}

function genFee(tape: Tape): PolicyModel['fee'] {
  const fixed = new Map<string, bigint>();
  for (const [code, exponent] of CURRENCIES) {
    if (tape.oneIn(3)) fixed.set(code, tape.bigint(0n, 5n * 10n ** BigInt(exponent)));
  }
  return { percent: BigInt(tape.int(0, 3000)) * 10_000n, fixed };
}

/** A policy written from scratch that satisfies every invariant of specification §2. */
function genCustomPolicy(tape: Tape): PolicyModel {
  const decimals = tape.int(0, 6);
  const grid = 10n ** BigInt(SCALE - decimals);
  let minRetained: bigint;
  switch (tape.below(3)) {
    case 1:
      minRetained = BigInt(tape.int(0, 9899)) * 10_000n;
      break;
    case 2:
      minRetained = tape.pick([0n, 20n, 30n, 50n, 90n]) * ONE_PERCENT;
      break;
    default:
      minRetained = BigInt(tape.int(0, 90)) * ONE_PERCENT;
  }
  const steps = (HUNDRED - minRetained) / grid;
  const cocMax =
    grid * (tape.oneIn(2) ? BigInt(tape.int(1, Number(minBig(steps, 1_000_000n)))) : steps);
  const cocMin = grid * (tape.oneIn(2) ? tape.bigint(1n, cocMax / grid) : 1n);
  return {
    name: null,
    minRetained,
    cocMin,
    cocMax,
    decimals,
    maxCocreators: tape.below(3) === 0 ? null : tape.int(1, 4),
    affiliatesOnCocreated: !tape.oneIn(3),
    cancellation: tape.pick(['mutual', 'unilateral']),
    amendments: tape.pick(['cocreator-approval', 'immediate']),
    fee: tape.oneIn(2) ? genFee(tape) : null,
  };
}

/** A preset with some fields re-drawn, when the result is still a valid policy. */
function genTweakedPreset(tape: Tape): PolicyModel {
  const base = PRESETS[tape.pick(PRESET_NAMES)];
  const other = genCustomPolicy(tape);
  const take = <K extends keyof PolicyModel>(key: K): PolicyModel[K] =>
    tape.oneIn(2) ? other[key] : base[key];
  const tweaked: PolicyModel = {
    name: base.name,
    minRetained: take('minRetained'),
    cocMin: take('cocMin'),
    cocMax: take('cocMax'),
    decimals: take('decimals'),
    maxCocreators: take('maxCocreators'),
    affiliatesOnCocreated: take('affiliatesOnCocreated'),
    cancellation: take('cancellation'),
    amendments: take('amendments'),
    fee: take('fee'),
  };
  return isUsable(tweaked) ? tweaked : base;
}

/** The effective rules of a drawn policy. */
export function genPolicyModel(tape: Tape, choice: PolicyChoice): PolicyModel {
  if (choice === 'hotmart' || choice === 'kiwify' || choice === 'gumroad') return PRESETS[choice];
  const kind = choice === 'custom' ? tape.int(3, 4) : tape.below(5);
  switch (kind) {
    case 1:
      return PRESETS.kiwify;
    case 2:
      return PRESETS.gumroad;
    case 3:
      return genTweakedPreset(tape);
    case 4:
      return genCustomPolicy(tape);
    default:
      return PRESETS.hotmart;
  }
}

function feeJson(tape: Tape, fee: NonNullable<PolicyModel['fee']>): FeeScheduleJson {
  const fixed: Record<string, DecimalJson> = {};
  for (const [code, exponent] of CURRENCIES) {
    const minor = fee.fixed.get(code);
    if (minor !== undefined) fixed[code] = spellAmount(tape, minor, exponent);
  }
  return {
    ...(fee.percent === 0n && tape.oneIn(2) ? {} : { percent: spellPercent(tape, fee.percent, 6) }),
    ...(fee.fixed.size === 0 && tape.oneIn(2) ? {} : { fixed }),
  };
}

/** A policy model written as the wire shape: a preset name, `extends` plus overrides, or in full. */
export function policyJson(tape: Tape, p: PolicyModel): PolicyJson {
  // Stryker disable next-line ConditionalExpression: PRESETS has no entry for null, and undefined reads as null below (contributing/mutation.md)
  const base = p.name === null ? null : PRESETS[p.name];
  const restate = () => tape.oneIn(4);
  const write = <T>(key: string, differs: boolean, value: () => T): Record<string, T> =>
    differs || restate() ? { [key]: value() } : {};
  // Without a preset every field differs from it (`undefined`), so each is written.
  const minDiffers = base?.cocMin !== p.cocMin;
  const maxDiffers = base?.cocMax !== p.cocMax;
  const bounds = {
    ...(minDiffers || restate() ? { min: spellPercent(tape, p.cocMin, 6) } : {}),
    ...(maxDiffers || restate() ? { max: spellPercent(tape, p.cocMax, 6) } : {}),
  };
  const object: PolicyObjectJson = {
    ...(p.name !== null ? { extends: p.name } : tape.oneIn(4) ? { extends: null } : {}),
    ...write('minRetainedPercent', base?.minRetained !== p.minRetained, () =>
      spellPercent(tape, p.minRetained, 6),
    ),
    ...(Object.keys(bounds).length > 0 ? { cocreatorPercent: bounds } : {}),
    ...write('percentDecimals', base?.decimals !== p.decimals, () => p.decimals),
    ...write('maxCocreators', base?.maxCocreators !== p.maxCocreators, () => p.maxCocreators),
    ...write(
      'affiliatesOnCocreatedProducts',
      base?.affiliatesOnCocreated !== p.affiliatesOnCocreated,
      () => p.affiliatesOnCocreated,
    ),
    ...write('cancellation', base?.cancellation !== p.cancellation, () => p.cancellation),
    ...write('amendments', base?.amendments !== p.amendments, () => p.amendments),
    // No preset has a fee: a policy with one always writes it.
    ...(p.fee === null ? {} : { fee: feeJson(tape, p.fee) }),
  };
  // Only `extends` written: the preset as it is (a policy in full writes every field).
  const isPreset = Object.keys(object).length === 1;
  return isPreset && tape.below(3) !== 1 ? (p.name as PolicyName) : object;
}

// ---------------------------------------------------------------------------------------------
// Contracts
// ---------------------------------------------------------------------------------------------

interface TermsModel {
  readonly percent: bigint;
  readonly appliesTo: AppliesTo;
  readonly endsAt: number | null;
  readonly mayAlso: boolean;
}

/** A generated contract and what its history proves. */
export interface ContractModel {
  readonly json: ContractJson;
  readonly cocreator: string;
  readonly acceptedAt: number | null;
  /** The ending event or the expiry, whichever came first; `null` while it runs. */
  readonly endedAt: number | null;
  readonly periods: ReadonlyArray<{ readonly from: number; readonly terms: TermsModel }>;
  /** Every instant where something changes, to draw sales right at the boundaries. */
  readonly instants: ReadonlyArray<number>;
  readonly lastAt: number;
}

/** The terms under which a contract covers a sale at `t` (specification §3), else `null`. */
export function coveringTerms(c: ContractModel, t: number): TermsModel | null {
  if (c.acceptedAt === null || t < c.acceptedAt) return null;
  // specification §3's "before the endsAt in force" included: terms change only before they expire, so
  // the endsAt in force at t is expired exactly when the last one is, which `endedAt` holds.
  if (c.endedAt !== null && t >= c.endedAt) return null;
  // The first period starts at the invitation, before any acceptance.
  let terms = c.periods[0]?.terms as TermsModel;
  for (const period of c.periods) if (period.from <= t) terms = period.terms;
  return terms;
}

/** A time step: often 0 (events at the same instant) or 1 ms, sometimes days. */
function gap(tape: Tape): number {
  switch (tape.below(5)) {
    case 1:
      return 1;
    case 2:
      return tape.int(1, 3_600_000);
    case 3:
      return tape.int(1, 30) * MS_PER_DAY + timeOfDay(tape);
    case 4:
      return tape.int(1, 10) * MS_PER_DAY;
    default:
      return 0;
  }
}

/** A time of day in milliseconds. */
function timeOfDay(tape: Tape): number {
  // Stryker disable next-line ArithmeticOperator: a bound two milliseconds later changes nothing a test can tell (contributing/mutation.md)
  return tape.int(0, MS_PER_DAY - 1);
}

function positiveGap(tape: Tape): number {
  return Math.max(1, gap(tape));
}

export interface ContractContext {
  readonly policy: PolicyModel;
  readonly productId: string;
  readonly mainCreator: string;
  readonly cocreator: string;
  readonly id: string;
  readonly start: number;
  /** The most this contract may ever reserve (a multiple of the policy's grid). */
  readonly budget: bigint;
}

interface Patch {
  readonly terms: Partial<TermsModel>;
  readonly json: TermsJson;
}

/** A valid history for one contract (specification §3), by the state machine of its table. */
export function genContract(tape: Tape, ctx: ContractContext): ContractModel {
  const { policy: pol, mainCreator: main, cocreator } = ctx;
  const grid = gridOf(pol);
  const lo = lowestPercent(pol);
  const hi = (minBig(ctx.budget, highestPercent(pol)) / grid) * grid;
  const drawPercent = () => lo + grid * tape.bigint(0n, (hi - lo) / grid);
  const drawEnd = (t: number): number | null =>
    tape.below(3) === 2 ? t + positiveGap(tape) : null;

  const events: ContractEventJson[] = [];
  const instants: number[] = [];
  const push = (type: string, at: number, by: string, terms?: TermsJson) => {
    events.push({
      type,
      at: spellInstant(tape, at),
      by: spellAccount(tape, by),
      ...(terms !== undefined ? { terms } : tape.oneIn(8) ? { terms: null } : {}),
    });
    instants.push(at);
  };
  const percentJson = (p: bigint) => spellPercent(tape, p, pol.decimals);
  const endJson = (endsAt: number | null) => (endsAt === null ? null : spellInstant(tape, endsAt));

  let t = ctx.start;
  const invitation: TermsModel = {
    percent: drawPercent(),
    appliesTo: tape.pick(APPLIES_TO),
    endsAt: drawEnd(t),
    mayAlso: tape.oneIn(3),
  };
  push('invited', t, main, {
    percent: percentJson(invitation.percent),
    ...(invitation.appliesTo !== 'all-sales' || tape.oneIn(3)
      ? { appliesTo: invitation.appliesTo }
      : {}),
    ...(invitation.endsAt !== null || tape.oneIn(3) ? { endsAt: endJson(invitation.endsAt) } : {}),
    ...(invitation.mayAlso || tape.oneIn(3) ? { mayAlsoSellAsAffiliate: invitation.mayAlso } : {}),
  });
  if (invitation.endsAt !== null) instants.push(invitation.endsAt);

  const drawPatch = (at: number): Patch => {
    const mask = tape.int(1, 15);
    const terms: { -readonly [K in keyof TermsModel]?: TermsModel[K] } = {};
    const json: { -readonly [K in keyof TermsJson]?: TermsJson[K] } = {};
    if (mask & 1) {
      terms.percent = drawPercent();
      json.percent = percentJson(terms.percent);
    }
    if (mask & 2) {
      terms.appliesTo = tape.pick(APPLIES_TO);
      json.appliesTo = terms.appliesTo;
    }
    if (mask & 4) {
      terms.endsAt = tape.oneIn(2) ? at + positiveGap(tape) : null;
      json.endsAt = endJson(terms.endsAt);
    }
    if (mask & 8) {
      terms.mayAlso = tape.oneIn(2);
      json.mayAlsoSellAsAffiliate = terms.mayAlso;
    }
    return { terms, json };
  };

  // Assertions, not annotations: the closures below change these, so no narrowing here.
  let status = 'pending' as 'pending' | 'active' | 'ended';
  let current = invitation;
  let pending = null as Patch | null;
  let requester = null as string | null;
  let acceptedAt = null as number | null;
  let endedAt = null as number | null;
  const periods: { from: number; terms: TermsModel }[] = [{ from: t, terms: invitation }];
  const apply = (patch: Partial<TermsModel>) => {
    current = { ...current, ...patch };
    periods.push({ from: t, terms: current });
    if (patch.endsAt !== undefined && patch.endsAt !== null) instants.push(patch.endsAt);
  };
  const end = () => {
    status = 'ended';
    endedAt = t;
  };
  const other = (who: string) => (who === main ? cocreator : main);

  const steps = tape.int(1, 7);
  for (let step = 0; step < steps && status !== 'ended'; step += 1) {
    const next = t + gap(tape);
    if (current.endsAt !== null && next >= current.endsAt) break;
    t = next;
    const options: Array<() => void> = [];
    if (status === 'pending') {
      const accept = () => {
        // Stryker disable next-line StringLiteral: only 'pending' and 'ended' are ever compared (contributing/mutation.md)
        status = 'active';
        acceptedAt = t;
        push('accepted', t, cocreator);
      };
      // Acceptance three times out of five: contracts that cover sales are the interesting ones.
      options.push(
        accept,
        accept,
        accept,
        () => {
          push('declined', t, cocreator);
          end();
        },
        () => {
          push('withdrawn', t, main);
          end();
        },
      );
    } else if (pending !== null) {
      const patch: Patch = pending;
      const endsAt = patch.terms.endsAt;
      if (endsAt === undefined || endsAt === null || t < endsAt) {
        options.push(() => {
          push('amendment-approved', t, cocreator);
          apply(patch.terms);
          pending = null;
        });
      }
      options.push(
        () => {
          push('amendment-declined', t, cocreator);
          pending = null;
        },
        () => {
          push('amendment-withdrawn', t, main);
          pending = null;
        },
      );
    } else if (requester !== null) {
      const who: string = requester;
      options.push(
        () => {
          push('cancellation-approved', t, other(who));
          end();
        },
        () => {
          push('cancellation-rejected', t, other(who));
          requester = null;
        },
        () => {
          push('cancellation-withdrawn', t, who);
          requester = null;
        },
      );
    } else {
      const change =
        pol.amendments === 'cocreator-approval'
          ? () => {
              pending = drawPatch(t);
              push('amendment-proposed', t, main, pending.json);
            }
          : () => {
              const patch = drawPatch(t);
              push('amended', t, main, patch.json);
              apply(patch.terms);
            };
      options.push(change, change);
      if (pol.cancellation === 'mutual') {
        options.push(() => {
          requester = tape.pick([main, cocreator]);
          push('cancellation-requested', t, requester);
        });
      } else {
        options.push(() => {
          push('cancelled', t, tape.pick([main, cocreator]));
          end();
        });
      }
    }
    // Every state offers at least two events.
    const [first, ...rest] = options;
    tape.pick([first as () => void, ...rest])();
  }
  const finalEnd: number | null = endedAt ?? current.endsAt;
  return {
    json: {
      id: ctx.id,
      productId: ctx.productId,
      cocreator: spellAccount(tape, cocreator),
      events,
    },
    cocreator,
    acceptedAt,
    endedAt: finalEnd,
    periods,
    instants,
    lastAt: t,
  };
}

/** A budget per contract: each within the policy's bounds, together within the floor. */
export function genBudgets(tape: Tape, pol: PolicyModel, count: number): bigint[] {
  const grid = gridOf(pol);
  const lo = lowestPercent(pol);
  const budgets: bigint[] = [];
  let used = 0n;
  for (let i = 0; i < count; i += 1) {
    const room = capOf(pol) - used - BigInt(count - 1 - i) * lo;
    const hi = (minBig(room, highestPercent(pol)) / grid) * grid;
    const budget = tape.oneIn(2) ? hi : lo + grid * tape.bigint(0n, (hi - lo) / grid);
    budgets.push(budget);
    used += budget;
  }
  return budgets;
}

/** How many contracts the policy lets one product hold, at most `wanted` (at least 0). */
export function roomForContracts(pol: PolicyModel, wanted: number): number {
  const byFloor = Number(capOf(pol) / lowestPercent(pol));
  return Math.min(wanted, pol.maxCocreators ?? wanted, byFloor);
}

// ---------------------------------------------------------------------------------------------
// Sales and refunds
// ---------------------------------------------------------------------------------------------

function genPrice(tape: Tape, exponent: number): bigint {
  const unit = 10n ** BigInt(exponent);
  switch (tape.below(4)) {
    case 1:
      return tape.bigint(0n, 1_000_000n * unit);
    case 2:
      return tape.bigint(0n, 10n ** 15n);
    case 3:
      return 0n;
    default:
      return tape.bigint(0n, 1000n * unit);
  }
}

/** An affiliate percent: 0 < p <= 100, any number of places. */
function genAffiliatePercent(tape: Tape): bigint {
  switch (tape.below(3)) {
    case 1:
      return BigInt(tape.int(1, 10_000)) * 10_000n;
    case 2:
      return tape.bigint(1n, HUNDRED);
    default:
      return BigInt(tape.int(1, 100)) * ONE_PERCENT;
  }
}

function halfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The fee specification §5 step 2 charges when the sale names none. */
function scheduledFee(pol: PolicyModel, price: bigint, code: string): bigint {
  if (pol.fee === null) return 0n;
  return halfUp(price * pol.fee.percent, HUNDRED) + (pol.fee.fixed.get(code) ?? 0n);
}

export interface SaleContext {
  readonly policy: PolicyModel;
  readonly productId: string;
  readonly productCommission: boolean;
  readonly contracts: ReadonlyArray<ContractModel>;
  readonly at: number;
  readonly fresh: () => string;
}

export interface SaleModel {
  readonly json: SaleJson;
  readonly price: bigint;
  readonly code: string;
  readonly exponent: number;
}

/** A sale that the product, policy and contracts allow (specification §§4.6 and 5). */
export function genSale(tape: Tape, ctx: SaleContext): SaleModel {
  const [code, exponent] = tape.pick(CURRENCIES);
  const price = genPrice(tape, exponent);
  const scheduled = scheduledFee(ctx.policy, price, code);
  const explicitFee = scheduled > price || tape.oneIn(3);
  let fee: bigint | null = null;
  if (explicitFee) {
    fee = tape.oneIn(2) ? price / BigInt(tape.int(1, 20)) : tape.bigint(0n, price);
  }
  const covering = ctx.contracts.filter((c) => coveringTerms(c, ctx.at) !== null);
  const mayHaveAffiliate = ctx.policy.affiliatesOnCocreated || covering.length === 0;
  let affiliate: SaleAffiliateJson | null = null;
  if (mayHaveAffiliate && tape.oneIn(2)) {
    const eligible = ctx.contracts
      .filter((c) => coveringTerms(c, ctx.at)?.mayAlso !== false)
      .map((c) => c.cocreator);
    const [firstEligible, ...otherEligible] = eligible;
    const account =
      firstEligible !== undefined && tape.oneIn(3)
        ? tape.pick([firstEligible, ...otherEligible])
        : ctx.fresh();
    const percent = !ctx.productCommission || tape.oneIn(2) ? genAffiliatePercent(tape) : null;
    const [firstCocreator, ...otherCocreators] = ctx.contracts.map((c) => c.cocreator);
    const manager = tape.below(3);
    const managedBy =
      manager === 1 && firstCocreator !== undefined
        ? tape.pick([firstCocreator, ...otherCocreators])
        : manager === 2
          ? ctx.fresh()
          : null;
    affiliate = {
      account: spellAccount(tape, account),
      ...(percent !== null
        ? { percent: spellPercent(tape, percent, SCALE) }
        : tape.oneIn(3)
          ? { percent: null }
          : {}),
      ...(managedBy !== null
        ? { managedBy: spellAccount(tape, managedBy) }
        : tape.oneIn(4)
          ? { managedBy: null }
          : {}),
    };
  }
  return {
    json: {
      id: tape.pick(['s1', 'sale-0001', 'ch_3PqX9', 'Venda nº 7']),
      productId: ctx.productId,
      at: spellInstant(tape, ctx.at),
      price: money(tape, price, code, exponent),
      ...(fee !== null
        ? { platformFee: money(tape, fee, code, exponent) }
        : tape.oneIn(4)
          ? { platformFee: null }
          : {}),
      ...(affiliate !== null ? { affiliate } : tape.oneIn(4) ? { affiliate: null } : {}),
    },
    price,
    code,
    exponent,
  };
}

/** Refunds in order, after the sale, totalling at most the price (specification §6). */
export function genRefunds(
  tape: Tape,
  sale: SaleModel,
  saleAt: number,
  maxRefunds: number,
): RefundJson[] {
  const refunds: RefundJson[] = [];
  let refunded = 0n;
  let at = saleAt;
  const count = tape.int(0, maxRefunds);
  for (let i = 0; i < count && refunded < sale.price; i += 1) {
    const rest = sale.price - refunded;
    const amount = tape.oneIn(3) ? rest : tape.bigint(1n, rest);
    at += gap(tape);
    refunds.push({
      id: `r${i + 1}`,
      at: spellInstant(tape, at),
      amount: money(tape, amount, sale.code, sale.exponent),
    });
    refunded += amount;
  }
  return refunds;
}

// ---------------------------------------------------------------------------------------------
// Whole documents
// ---------------------------------------------------------------------------------------------

/** Options of the document generator. */
export interface DocumentOptions {
  readonly policy: PolicyChoice;
  readonly maxContracts?: number | undefined;
  readonly maxRefunds?: number | undefined;
}

const YEAR_2000 = Date.UTC(2000, 0, 1);

/** A product. */
export function genProduct(
  tape: Tape,
  mainCreator: string,
): { readonly json: ProductJson; readonly commission: boolean } {
  const commission = tape.oneIn(2);
  return {
    json: {
      id: tape.pick(['p1', 'course-2026', 'Curso de Fotografia', 'prod_01HZX']),
      mainCreator: spellAccount(tape, mainCreator),
      ...(commission
        ? { affiliateCommission: spellPercent(tape, genAffiliatePercent(tape), SCALE) }
        : tape.oneIn(4)
          ? { affiliateCommission: null }
          : {}),
    },
    commission,
  };
}

/** A whole `settle` document that settles (specification §8). */
export function genDocument(tape: Tape, options: DocumentOptions): SettleDocumentJson {
  const pol = genPolicyModel(tape, options.policy);
  const writtenPolicy = policyJson(tape, pol);
  let accounts = 0;
  const fresh = () => {
    const account = makeAccount(tape, accounts);
    accounts += 1;
    return account;
  };
  const main = fresh();
  const prod = genProduct(tape, main);
  const room = roomForContracts(pol, Math.max(0, options.maxContracts ?? 4));
  const count = room === 0 || tape.below(5) === 1 ? 0 : tape.int(1, room);
  const budgets = genBudgets(tape, pol, count);
  const start = YEAR_2000 + tape.int(0, 365 * 90) * MS_PER_DAY + timeOfDay(tape);
  const idStyle = tape.pick(['c', 'contract-', 'K']);
  const contracts = budgets.map((budget, index) =>
    genContract(tape, {
      policy: pol,
      productId: prod.json.id,
      mainCreator: main,
      cocreator: fresh(),
      id: `${idStyle}${index + 1}`,
      start: start + (index === 0 ? 0 : gap(tape)),
      budget,
    }),
  );
  const boundaries = [start, ...contracts.flatMap((c) => c.instants)];
  const last = Math.max(...boundaries, ...contracts.map((c) => c.lastAt));
  const [firstActive, ...otherActive] = contracts.filter((c) => c.acceptedAt !== null);
  let saleAt: number;
  switch (tape.below(6)) {
    case 1:
      saleAt = tape.int(start - MS_PER_DAY, last + 30 * MS_PER_DAY);
      break;
    case 2:
      saleAt = last + gap(tape);
      break;
    case 3:
    case 4:
    case 5:
      if (firstActive !== undefined) {
        // Inside a contract's active window, where it most likely covers the sale.
        const active = tape.pick([firstActive, ...otherActive]);
        const from = active.acceptedAt ?? start;
        const until = active.endedAt ?? last + 30 * MS_PER_DAY;
        saleAt = tape.int(from, Math.max(from, until - 1));
        break;
      }
      // Stryker disable next-line ArithmeticOperator: -1, 0 or 1 ms off either way is the same draw (contributing/mutation.md)
      saleAt = tape.pick([start, ...boundaries]) + tape.int(-1, 1);
      break;
    default:
      // Stryker disable next-line ArithmeticOperator: -1, 0 or 1 ms off either way is the same draw (contributing/mutation.md)
      saleAt = tape.pick([start, ...boundaries]) + tape.int(-1, 1);
  }
  const s = genSale(tape, {
    policy: pol,
    productId: prod.json.id,
    productCommission: prod.commission,
    contracts,
    at: saleAt,
    fresh,
  });
  const refunds = genRefunds(tape, s, saleAt, Math.max(0, options.maxRefunds ?? 3));
  const omitPolicy = writtenPolicy === 'hotmart' && tape.oneIn(3);
  return {
    ...(omitPolicy ? (tape.oneIn(2) ? { policy: null } : {}) : { policy: writtenPolicy }),
    product: prod.json,
    contracts: contracts.map((c) => c.json),
    sale: s.json,
    ...(refunds.length > 0 || tape.oneIn(2) ? { refunds } : tape.oneIn(2) ? { refunds: null } : {}),
  };
}

export { PRESETS as PRESET_MODELS };
