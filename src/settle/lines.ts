/**
 * The lines of a settlement and their exact shares (specification §5): the line constructors,
 * the settlement around them, and the exact share as a scaled integer in its one form
 * (trailing zeros dropped past the currency's decimals) and as printed text.
 */
import type { Policy } from '../model/policy';
import type { Sale } from '../model/sale';
import type { AccountId } from '../values/account';
import { type Currency, tableCurrency } from '../values/currency';
import { formatDecimal } from '../values/decimal';
import { frozenPercent, MAX_PERCENT_SCALE, type Percent, pow10 } from '../values/percent';
import { POW10 } from './safe';
import type {
  AffiliateLine,
  CocreatorLine,
  FeeOrigin,
  MainCreatorLine,
  PlatformLine,
  Settlement,
  SettlementLine,
} from './settlement';

/**
 * The decimals of `x / 10^decimals` (x ≥ 0) in its one form: trailing zeros dropped, but at
 * least `minDecimals` kept (what `formatDecimal` prints). Not part of the package API.
 *
 * @internal
 */
export function trimmedScale(x: number | bigint, decimals: number, minDecimals: number): number {
  let d = decimals;
  if (typeof x === 'number') {
    // ⌊x / 10⌋ is exact for a safe x (see floorDivides), and so is q × 10 ≤ x.
    while (d > minDecimals) {
      const q = Math.floor(x / 10);
      if (q * 10 !== x) break;
      x = q;
      d--;
    }
  } else {
    while (d > minDecimals && x % 10n === 0n) {
      x /= 10n;
      d--;
    }
  }
  return d;
}

/**
 * `x / 10^(decimals − scale)` as a `bigint`, for the `scale` {@link trimmedScale} gave: the
 * exact share's units. The division is exact (the dropped digits are zeros). Not part of the
 * package API.
 *
 * @internal
 */
export function scaledUnits(x: number | bigint, decimals: number, scale: number): bigint {
  if (typeof x === 'number') {
    // A safe x > 0 has at most 15 trailing zeros to drop, within POW10 (0 may have more).
    const k = decimals - scale;
    return BigInt(k === 0 ? x : x / (POW10[k] ?? 10 ** k));
  }
  return decimals === scale ? x : x / pow10(decimals - scale);
}

/**
 * The largest `exactScale` a line can have: a percent's decimals (at most
 * `MAX_PERCENT_SCALE`), 2 for the percent's hundredth, 4 for the largest currency exponent.
 * The guards of functions that take lines from anywhere (`explain`, the testing `diff`)
 * refuse more, so that a corrupted scale cannot make them build a huge string. Not part of
 * the package API.
 *
 * @internal
 */
export const MAX_EXACT_SCALE = MAX_PERCENT_SCALE + 2 + 4;

/**
 * A line's exact share printed: `exactUnits / 10^exactScale` with all `exactScale` decimals
 * (its form already has no trailing zeros past the currency's). What {@link settlementToJson}
 * prints as `exactShare`. Not part of the package API.
 *
 * @internal
 */
export function exactShareText(line: {
  readonly exactUnits: bigint;
  readonly exactScale: number;
}): string {
  return formatDecimal(line.exactUnits, line.exactScale);
}

/** The platform's line: the fee, whose exact share is itself. @internal */
export function platformLine(amount: bigint, exactUnits: bigint, exactScale: number): PlatformLine {
  return Object.freeze({ role: 'platform', account: null, amount, exactUnits, exactScale });
}

/** The affiliate's line, its percent frozen. @internal */
export function affiliateLine(
  account: AccountId,
  percent: Percent,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): AffiliateLine {
  // The sale's own percent may be a copy that is not frozen (a structuredClone of the sale).
  return Object.freeze({
    role: 'affiliate',
    account,
    percent: frozenPercent(percent),
    amount,
    exactUnits,
    exactScale,
  });
}

/** A covering contract's line. @internal */
export function cocreatorLine(
  account: AccountId,
  contractId: string,
  percent: Percent,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): CocreatorLine {
  return Object.freeze({
    role: 'cocreator',
    account,
    contractId,
    percent,
    amount,
    exactUnits,
    exactScale,
  });
}

/** The main creator's line. @internal */
export function mainCreatorLine(
  account: AccountId,
  amount: bigint,
  exactUnits: bigint,
  exactScale: number,
): MainCreatorLine {
  return Object.freeze({ role: 'main-creator', account, amount, exactUnits, exactScale });
}

/** The frozen settlement of a sale around its lines, in settlement order. @internal */
export function settlementOf(
  sale: Sale,
  policy: Policy,
  platformFee: bigint,
  feeOrigin: FeeOrigin,
  net: bigint,
  base: bigint,
  lines: SettlementLine[],
): Settlement {
  return Object.freeze({
    saleId: sale.id,
    productId: sale.productId,
    at: sale.at,
    // The table's frozen object: a sale made with a copy of a currency settles the same.
    currency: tableCurrency(sale.price.currency) as Currency,
    price: sale.price.amount,
    platformFee,
    feeOrigin,
    net,
    base,
    minRetainedPercent: policy.minRetainedPercent,
    lines: Object.freeze(lines),
  });
}
