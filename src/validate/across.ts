import { isLive, reservedPercentAt } from '../contracts/queries';
import type { ContractEvent, ContractEventType, ContractTimeline } from '../contracts/types';
import { type DomainError, domainError, type Path } from '../errors';
import { maxReservedPercent, type Policy } from '../model/policy';
import type { Instant } from '../values/instant';
import { formatPercent, type Percent, percent, pow10 } from '../values/percent';

type Timelines = ReadonlyArray<ContractTimeline>;

const CHECKPOINTS: ReadonlySet<ContractEventType> = new Set([
  'invited',
  'amendment-proposed',
  'amended',
]);

/** What the product's contracts reserve together, and how many are live, at one instant. */
interface Snapshot {
  /** The sum of the reserved percents, in units of `10^-scale` percent. */
  readonly reserved: bigint;
  readonly live: number;
}

/**
 * The state of the product after every event at or before each of `instants`, by a sweep
 * over the instants where some contract's reservation or liveness changes (so validation is
 * `O(n log n)` in the number of events, not quadratic in the number of contracts). Each
 * contract's values are piecewise constant between its own change points, which are read
 * with the same queries (`reservedPercentAt`, `isLive`) as everywhere else.
 */
function snapshots(
  timelines: ReadonlyArray<ContractTimeline>,
  instants: ReadonlyArray<number>,
  scale: number,
): ReadonlyMap<number, Snapshot> {
  const changes: Array<{ readonly at: number; readonly reserved: bigint; readonly live: number }> =
    [];
  for (const timeline of timelines) {
    // Stryker disable next-line ArrayDeclaration: the first terms period starts at invitedAt, so the set holds it anyway
    const bounds = new Set<number>([timeline.invitedAt]);
    // `endedAt` includes expiry: in a valid history no term runs out before the contract ends.
    for (const period of timeline.terms) bounds.add(period.from);
    for (const amendment of timeline.amendments) {
      bounds.add(amendment.proposedAt);
      // Stryker disable next-line ConditionalExpression: a null instant compares as 0, and an extra breakpoint only finds the state in force there (no change)
      if (amendment.resolvedAt !== null) bounds.add(amendment.resolvedAt);
    }
    // Stryker disable next-line ConditionalExpression: a null instant compares as 0, and an extra breakpoint only finds the state in force there (no change)
    if (timeline.endedAt !== null) bounds.add(timeline.endedAt);
    let reserved = 0n;
    let live = 0;
    for (const at of [...bounds].sort((a, b) => a - b)) {
      const p = reservedPercentAt(timeline, at as Instant);
      const nowReserved = p.units * pow10(scale - p.scale);
      const nowLive = isLive(timeline, at as Instant) ? 1 : 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero change adds nothing, and a contract reserves more than 0 exactly while it is live
      if (nowReserved !== reserved || nowLive !== live) {
        changes.push({ at, reserved: nowReserved - reserved, live: nowLive - live });
      }
      reserved = nowReserved;
      live = nowLive;
    }
  }
  changes.sort((a, b) => a.at - b.at);
  const result = new Map<number, Snapshot>();
  let next = 0;
  let reserved = 0n;
  let live = 0;
  for (const t of [...instants].sort((a, b) => a - b)) {
    for (
      let change = changes[next];
      change !== undefined && change.at <= t;
      change = changes[++next]
    ) {
      reserved += change.reserved;
      live += change.live;
    }
    result.set(t, { reserved, live });
  }
  return result;
}

/**
 * Whether the rules across contracts hold at every instant by bounds alone: no more contracts
 * than `maxCocreators`, no cocreator with two contracts, and the contracts' largest
 * reservations (each the largest percent among its terms and its proposed amendments, which
 * `reservedPercentAt` never exceeds) summing to at most the cap. Then no checkpoint can find a
 * problem and the sweep is not needed; most products are far from every limit. Percents are
 * in units of `10^-scale` percent, the scale of every percent and of the cap.
 */
// Stryker disable next-line BlockStatement: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
function withinBounds(rules: Policy, timelines: Timelines, scale: number, cap: bigint): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  if (rules.maxCocreators !== null && timelines.length > rules.maxCocreators) return false;
  // Stryker disable next-line ArithmeticOperator: scale + p.scale only makes the units larger: a stricter bound, which sends the product to the sweep
  const units = (p: Percent) => p.units * pow10(scale - p.scale);
  const cocreators = new Set<string>();
  let total = 0n;
  // Stryker disable next-line BlockStatement: an empty loop counts no cocreator, so a product with contracts goes to the sweep, which decides
  for (const timeline of timelines) {
    cocreators.add(timeline.contract.cocreator);
    let largest = 0n;
    for (const period of timeline.terms) {
      const u = units(period.terms.percent);
      // Stryker disable next-line EqualityOperator: >= keeps the same largest value
      if (u > largest) largest = u;
    }
    for (const amendment of timeline.amendments) {
      const proposed = amendment.terms.percent;
      const u = proposed === undefined ? 0n : units(proposed);
      // Stryker disable next-line EqualityOperator: >= keeps the same largest value
      if (u > largest) largest = u;
    }
    total += largest;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  return cocreators.size === timelines.length && total <= cap;
}

/**
 * The rules across contracts (specification §4: 1 and the limits of 3), checked at each
 * checkpoint, in document order. `indexes[i]` is where timeline `i` is in the document's
 * contracts (contracts of another product are not among the timelines).
 */
export function crossContractProblems(
  rules: Policy,
  timelines: ReadonlyArray<ContractTimeline>,
  contractsPath: Path,
  indexes: ReadonlyArray<number>,
): DomainError[] {
  const problems: DomainError[] = [];
  const cap = maxReservedPercent(rules);
  const scale = commonScale(cap, timelines);
  const capUnits = cap.units * pow10(scale - cap.scale);
  // Stryker disable next-line ConditionalExpression: a stricter bound only sends the product to the sweep, which decides (contributing/mutation.md)
  if (withinBounds(rules, timelines, scale, capUnits)) return problems;
  const checkpoints = checkpointsOf(timelines);
  const state = snapshots(timelines, [...new Set(checkpoints.map((c) => c.at))], scale);
  const byCocreator = byCocreatorOf(timelines);
  for (const { i, j, at } of checkpoints) {
    const timeline = timelines[i] as ContractTimeline;
    const { reserved, live } = state.get(at) as Snapshot;
    const overCap = reserved > capUnits;
    const invitation =
      (timeline.contract.events[j] as ContractEvent).type === 'invited' && isLive(timeline, at);
    // Stryker disable next-line ConditionalExpression: without this early continue, the checks below skip the same checkpoint (not over the cap, not an invitation)
    if (!overCap && !invitation) continue;
    const path = [...contractsPath, indexes[i] as number, 'events', j];
    if (overCap) {
      const total = formatPercent(percent(reserved, scale)._unsafeUnwrap());
      problems.push(
        domainError(
          'retention_floor_violated',
          `the product's live contracts would reserve ${total} %, above the ${formatPercent(cap)} % that the policy's retention floor leaves`,
          path,
          { reservedPercent: total, maxPercent: formatPercent(cap) },
        ),
      );
    }
    // Only an invitation adds a live contract, so the limits of invariant 3 are checked there.
    if (!invitation) continue;
    limitProblems(problems, rules, timeline, live, byCocreator, at, path);
  }
  return problems;
}

/** One scale for every percent of the product and the cap: sums and comparisons in units. */
function commonScale(cap: Percent, timelines: ReadonlyArray<ContractTimeline>): number {
  let scale = cap.scale;
  for (const timeline of timelines) {
    for (const period of timeline.terms) scale = Math.max(scale, period.terms.percent.scale);
    for (const amendment of timeline.amendments) {
      scale = Math.max(scale, amendment.terms.percent?.scale ?? 0);
    }
  }
  return scale;
}

/** Checkpoint: an event at which the rules across contracts are checked. */
interface Checkpoint {
  /** The timeline. */
  readonly i: number;
  /** The event in its history. */
  readonly j: number;
  readonly at: Instant;
}

/** Every checkpoint, in document order. */
function checkpointsOf(timelines: ReadonlyArray<ContractTimeline>): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  timelines.forEach((timeline, i) => {
    timeline.contract.events.forEach((event, j) => {
      if (CHECKPOINTS.has(event.type)) checkpoints.push({ i, j, at: event.at });
    });
  });
  return checkpoints;
}

/** The timelines of each cocreator. */
function byCocreatorOf(
  timelines: ReadonlyArray<ContractTimeline>,
): ReadonlyMap<string, ContractTimeline[]> {
  const byCocreator = new Map<string, ContractTimeline[]>();
  for (const timeline of timelines) {
    const group = byCocreator.get(timeline.contract.cocreator) ?? [];
    group.push(timeline);
    byCocreator.set(timeline.contract.cocreator, group);
  }
  return byCocreator;
}

/** Invariant 3 at an invitation: at most `maxCocreators` live contracts, one a cocreator. */
function limitProblems(
  problems: DomainError[],
  rules: Policy,
  timeline: ContractTimeline,
  live: number,
  byCocreator: ReadonlyMap<string, ReadonlyArray<ContractTimeline>>,
  at: Instant,
  path: Path,
): void {
  if (rules.maxCocreators !== null && live > rules.maxCocreators) {
    problems.push(
      domainError(
        'max_cocreators_reached',
        `the policy allows ${rules.maxCocreators} live contract(s) per product; this invitation makes ${live}`,
        path,
        { maxCocreators: rules.maxCocreators },
      ),
    );
  }
  const cocreator = timeline.contract.cocreator;
  // Stryker disable next-line ArrayDeclaration: byCocreatorOf put every timeline's cocreator in byCocreator, so the fallback is never used
  const same = byCocreator.get(cocreator) ?? [];
  if (same.some((other) => other !== timeline && isLive(other, at))) {
    problems.push(
      domainError(
        'duplicate_cocreator',
        `${cocreator} already has a live contract on this product`,
        path,
        { account: cocreator },
      ),
    );
  }
}
