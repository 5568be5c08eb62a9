/**
 * Which contracts cover a sale, for the compiled settler: each terms period of each contract
 * as an {@link Entry} (its percent as an integer factor at one common scale for the whole
 * domain), and a lookup from an instant to the entries that cover it, by binary search over
 * the instants where coverage changes (or, when that index would cost too much to build, by
 * asking each contract's history).
 */
import { coveringTerms } from '../contracts/queries';
import type { CommissionRule, ContractTimeline } from '../contracts/types';
import type { AppliesTo } from '../model/commission';
import type { Instant } from '../values/instant';
import { type Percent, pow10 } from '../values/percent';
import type { Cover } from './rules';
import { MAX_SAFE, MAX_SAFE_BIG } from './safe';

/**
 * One terms period of one contract, precomputed for the hot path. Not part of the package
 * API.
 *
 * @internal
 */
export interface Entry extends Cover {
  readonly percent: Percent;
  readonly appliesTo: AppliesTo;
  /** The percent at the domain's common scale S: value = units / 10^S; safe when `numeric`. */
  readonly units: number;
  readonly unitsBig: bigint;
  /** The largest base whose product with `units` is a safe integer. */
  readonly maxBase: number;
  /** A small integer, different for each entry of one settler: an index for callers' tables. */
  readonly ordinal: number;
}

/** Which entries cover a sale at an instant (appliesTo aside), in contract order. @internal */
export type CoverLookup = (at: number) => ReadonlyArray<Entry>;

/**
 * A domain's contracts compiled for the split: the common scale S of every contract percent,
 * so that every share divides by one `whole` = 100 × 10^S, and the lookup of covering entries.
 * Not part of the package API.
 *
 * @internal
 */
export interface Covers {
  readonly scale: number;
  readonly wholeBig: bigint;
  /** `wholeBig` as a number, exact when `numeric`. */
  readonly whole: number;
  /** Whether `whole` and every entry's `units` are safe integers: the number road is open. */
  readonly numeric: boolean;
  readonly lookup: CoverLookup;
}

const EMPTY: ReadonlyArray<Entry> = /* @__PURE__ */ Object.freeze([]);

/**
 * Builds the lookup over a domain's live contracts (accepted at some point) from `coverAt`,
 * which asks each one's history. Not part of the package API.
 *
 * @internal
 */
export type LookupBuilder = (
  live: ReadonlyArray<ContractTimeline>,
  coverAt: CoverLookup,
) => CoverLookup;

/** The lookup of one sale: asking each contract's history, no index to build. @internal */
export const scanLookup: LookupBuilder = (_live, coverAt) => coverAt;

/**
 * The lookup of a settler: the instant index, unless it would cost more than `maxWork`
 * (breakpoints × contracts) to build; then the scan. Not part of the package API.
 *
 * @internal
 */
export function indexedLookup(maxWork: number): LookupBuilder {
  return (live, coverAt) => {
    const points = breakpointsOf(live);
    // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: chooses between the index and the scan, which agree
    if (points.size * live.length > maxWork) return coverAt;
    return binarySearch(points, coverAt);
  };
}

/**
 * Compiles a domain's timelines into {@link Covers}, their lookup built by `lookupOf`. Not
 * part of the package API.
 *
 * @internal
 */
export function compileCovers(
  timelines: ReadonlyArray<ContractTimeline>,
  lookupOf: LookupBuilder,
): Covers {
  // Index loops: the timelines and their terms are frozen arrays, which for...of and
  // filter iterate slower (it shows when settleSale compiles a domain for one sale).
  let scale = 0;
  for (let i = 0; i < timelines.length; i++) {
    const terms = (timelines[i] as ContractTimeline).terms;
    for (let k = 0; k < terms.length; k++) {
      scale = Math.max(scale, normalizedScale((terms[k] as (typeof terms)[number]).terms.percent));
    }
  }
  const wholeBig = 100n * pow10(scale);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  const numeric = wholeBig <= MAX_SAFE_BIG;
  const entryOf = entryMaker(scale, numeric);
  const lookup = buildLookup(timelines, entryOf, lookupOf);
  return { scale, wholeBig, whole: Number(wholeBig), numeric, lookup };
}

/** The scale of a percent with its trailing zeros dropped. */
function normalizedScale(p: Percent): number {
  let scale = p.scale;
  let units = p.units;
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: a larger common scale is a factor both sides of every division share
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    // Stryker disable next-line AssignmentOperator: see the loop condition above
    scale -= 1;
  }
  return scale;
}

/** The entry of each terms period, made once on first use, at the common `scale`. */
function entryMaker(
  scale: number,
  numeric: boolean,
): (timeline: ContractTimeline, terms: CommissionRule) => Entry {
  const entries = new Map<CommissionRule, Entry>();
  return (timeline, terms) => {
    let entry = entries.get(terms);
    // Stryker disable next-line ConditionalExpression: a cache: recomputing gives an equal value (contributing/mutation.md)
    if (entry === undefined) {
      const contract = timeline.contract;
      const p = terms.percent;
      const unitsBig = (p.units * pow10(scale)) / pow10(p.scale);
      const units = Number(unitsBig);
      // Not frozen: an entry never leaves the settler (sinks read it), and freezing costs.
      entry = {
        account: contract.cocreator,
        contractId: contract.id,
        mayAlsoSellAsAffiliate: terms.mayAlsoSellAsAffiliate,
        percent: p,
        appliesTo: terms.appliesTo,
        units,
        unitsBig,
        // Stryker disable next-line ConditionalExpression,UnaryOperator: maxBase is read only on the number road, taken only when numeric
        maxBase: numeric ? (units === 0 ? MAX_SAFE : Math.floor(MAX_SAFE / units)) : -1,
        ordinal: entries.size,
      };
      entries.set(terms, entry);
    }
    return entry;
  };
}

function buildLookup(
  timelines: ReadonlyArray<ContractTimeline>,
  entryOf: (timeline: ContractTimeline, terms: CommissionRule) => Entry,
  lookupOf: LookupBuilder,
): CoverLookup {
  const live: ContractTimeline[] = [];
  for (let i = 0; i < timelines.length; i++) {
    const t = timelines[i] as ContractTimeline;
    // Stryker disable next-line ConditionalExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
    if (t.acceptedAt !== null) live.push(t);
  }
  // Stryker disable next-line ConditionalExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
  if (live.length === 0) return () => EMPTY;
  const coverAt = (at: number): ReadonlyArray<Entry> => {
    const found: Entry[] = [];
    for (const t of live) {
      const terms = coveringTerms(t, at as Instant);
      if (terms !== null) found.push(entryOf(t, terms));
    }
    // Not frozen (freezing costs, and a frozen array iterates slower): the list never leaves
    // the settler, and nothing in it writes to it.
    // Stryker disable next-line ConditionalExpression: a fresh empty array is as empty as EMPTY
    return found.length === 0 ? EMPTY : found;
  };
  return lookupOf(live, coverAt);
}

/** The instants where the coverage or the terms of a live contract may change. */
function breakpointsOf(live: ReadonlyArray<ContractTimeline>): Set<number> {
  const points = new Set<number>();
  for (const t of live) {
    points.add(t.acceptedAt as number);
    // Stryker disable next-line ConditionalExpression: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
    if (t.endedAt !== null) points.add(t.endedAt);
    for (const period of t.terms) {
      points.add(period.from);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the instant index: any breakpoint set gives the same covers (contributing/mutation.md)
      if (period.terms.endsAt !== null) points.add(period.terms.endsAt);
    }
  }
  return points;
}

/**
 * The lookup by binary search: coverage and terms change only at `points` (intervals are
 * closed on the left), so what covers a segment's first instant covers the whole segment.
 */
function binarySearch(points: Set<number>, coverAt: CoverLookup): CoverLookup {
  const starts = Float64Array.from(points).sort();
  const segments = Array.from(starts, (start) => coverAt(start));
  return (at) => {
    let lo = 0;
    // Stryker disable next-line ArithmeticOperator: a read past a Float64Array is undefined, which compares false
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? EMPTY : (segments[found] as ReadonlyArray<Entry>);
  };
}
