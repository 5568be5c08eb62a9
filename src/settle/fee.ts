/**
 * Step 2 of specification §5, the platform fee: the sale's own fee, else the policy's schedule
 * (`round_half_up(price × percent / 100) + fixed[currency]`), else 0. Computed here only: the
 * rule checks and the compiled settler both call {@link feeOf}, with the schedule's factors
 * prepared once per policy by {@link feeFactors}.
 */
import type { Policy } from '../model/policy';
import type { Sale } from '../model/sale';
import { pow10 } from '../values/percent';
import { MAX_SAFE, MAX_SAFE_BIG } from './safe';
import type { FeeOrigin } from './settlement';

const FEE_FROM_SALE: FeeOrigin = Object.freeze({ kind: 'sale' });
/** The origin of no fee. @internal */
export const NO_FEE: FeeOrigin = Object.freeze({ kind: 'none' });

/**
 * A policy's fee schedule as integer factors: its percent is `units / whole` (`whole` =
 * 100 × 10^scale), also as numbers when both are safe integers. Not part of the package API.
 *
 * @internal
 */
export interface FeeFactors {
  readonly schedule: Policy['fee'];
  readonly units: bigint;
  readonly whole: bigint;
  /** Whether `unitsN` and `wholeN` are the factors, exactly. */
  readonly numeric: boolean;
  readonly unitsN: number;
  readonly wholeN: number;
  /** The schedule's fee origin of each currency, made once. */
  readonly origins: Map<string, FeeOrigin>;
}

/**
 * The factors of a policy's fee schedule, for {@link feeOf}. Not part of the package API.
 *
 * @internal
 */
export function feeFactors(policy: Policy): FeeFactors {
  const schedule = policy.fee;
  const units = schedule === null ? 0n : schedule.percent.units;
  const whole = schedule === null ? 1n : 100n * pow10(schedule.percent.scale);
  return {
    schedule,
    units,
    whole,
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    numeric: schedule !== null && units <= MAX_SAFE_BIG && whole <= MAX_SAFE_BIG,
    unitsN: Number(units),
    wholeN: Number(whole),
    origins: new Map(),
  };
}

/**
 * Step 2 of specification §5: the fee of a sale, in its minor units (a fee the sale gives in
 * another currency is its amount as given: the rules refuse it). Not part of the package API.
 *
 * @internal
 */
export function feeOf(fees: FeeFactors, sale: Sale): bigint {
  const given = sale.platformFee;
  if (given !== null) return given.amount;
  const schedule = fees.schedule;
  if (schedule === null) return 0n;
  const price = sale.price;
  return roundHalfUp(price.amount, fees) + (schedule.fixed[price.currency.code] ?? 0n);
}

/**
 * Where {@link feeOf} took a sale's fee from, as the settlement records it. Not part of the
 * package API.
 *
 * @internal
 */
export function feeOriginOf(fees: FeeFactors, sale: Sale): FeeOrigin {
  if (sale.platformFee !== null) return FEE_FROM_SALE;
  const schedule = fees.schedule;
  if (schedule === null) return NO_FEE;
  const code = sale.price.currency.code;
  let origin = fees.origins.get(code);
  // Stryker disable next-line ConditionalExpression: a cache: recomputing gives an equal value (contributing/mutation.md)
  if (origin === undefined) {
    const fixed = schedule.fixed[code] ?? 0n;
    origin = Object.freeze({ kind: 'schedule', percent: schedule.percent, fixed });
    fees.origins.set(code, origin);
  }
  return origin;
}

/** round_half_up(amount × units / whole) for amount ≥ 0, in number when every step is safe. */
function roundHalfUp(amount: bigint, fees: FeeFactors): bigint {
  // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
  if (fees.numeric && amount <= MAX_SAFE_BIG) {
    const a = Number(amount);
    const unitsN = fees.unitsN;
    const wholeN = fees.wholeN;
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator: picks the number or the bigint road, which give the same result (contributing/mutation.md)
    if (unitsN === 0 || a <= MAX_SAFE / unitsN) {
      const x = a * unitsN;
      const r = x % wholeN;
      const q = (x - r) / wholeN;
      return BigInt(r >= wholeN - r ? q + 1 : q);
    }
  }
  const whole = fees.whole;
  const x = amount * fees.units;
  const q = x / whole;
  const r = x - q * whole;
  return 2n * r >= whole ? q + 1n : q;
}
