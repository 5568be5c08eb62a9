/**
 * The generators' model of a contract: its terms over time, what its generated history proves,
 * when it covers a sale, and the budgets that keep a product's contracts within the retention
 * floor (specification §§3 and 4). The history itself is drawn in ./history. Internal.
 */
import type { AppliesTo } from '../../model/commission';
import type { ContractJson } from '../../wire/json';
import type { Tape } from '../tape';
import { capOf, gridOf, highestPercent, lowestPercent, type PolicyModel } from './policy';
import { minBig } from './units';

/** A contract's terms, as the generator models them (percent in millionths, instants in ms). */
export interface TermsModel {
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

/** What a contract's history is drawn for: the policy, the parties, the start, the budget. */
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
