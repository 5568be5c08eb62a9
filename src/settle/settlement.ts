/**
 * The result of settling a sale and of refunding it: the shapes only (specification §§5, 6, 8).
 */
import type { AccountId } from '../values/account';
import type { Currency } from '../values/currency';
import type { Instant } from '../values/instant';
import type { Percent } from '../values/percent';

/** Who a line pays. Lines come in this order: platform, affiliate, cocreators, main creator. */
export type Role = 'platform' | 'affiliate' | 'cocreator' | 'main-creator';

/**
 * What every line of a settlement carries: its amount and its exact, unrounded share. The
 * four line types extend it.
 */
export interface LineAmount {
  /** In the settlement's currency, minor units. */
  readonly amount: bigint;
  /**
   * The exact, unrounded share in major units, as a scaled integer: `exactUnits / 10^exactScale`
   * (e.g. `5824n` and `3` for 10 % of 58.24, `2118n` and `2` for 20 % of 105.90, `5n` and `1`
   * for 10 % of JPY 5). `exactScale` is at least the currency's decimals and has no trailing
   * zeros past them, so one value has one form; printed (the `exactShare` field of
   * `settlementToJson` in `cocreation/wire`) it is that decimal string, e.g. `"5.824"`. For the platform it
   * is the fee as charged, for the affiliate `net × percent / 100`, for a cocreator
   * `base × percent / 100`, for the main creator the base less the cocreators' exact shares.
   */
  readonly exactUnits: bigint;
  /** The decimals of {@link LineAmount.exactUnits}: the exact share is `exactUnits / 10^exactScale`. */
  readonly exactScale: number;
}

/** The platform's fee. */
export interface PlatformLine extends LineAmount {
  /** Always `'platform'`. */
  readonly role: 'platform';
  /** Always `null`: the platform is not an account. */
  readonly account: null;
}
/** The affiliate's commission on the net. */
export interface AffiliateLine extends LineAmount {
  /** Always `'affiliate'`. */
  readonly role: 'affiliate';
  /** The affiliate's account. */
  readonly account: AccountId;
  /** The affiliate percent that applied: the sale's own, else the product's commission. */
  readonly percent: Percent;
}
/** One covering contract's share of the base. */
export interface CocreatorLine extends LineAmount {
  /** Always `'cocreator'`. */
  readonly role: 'cocreator';
  /** The contract's cocreator. */
  readonly account: AccountId;
  /** The id of the contract that pays this line. */
  readonly contractId: string;
  /** The percent of the terms in force at the sale's instant, as written. */
  readonly percent: Percent;
}
/** What remains for the main creator, every rounding remainder included. */
export interface MainCreatorLine extends LineAmount {
  /** Always `'main-creator'`. */
  readonly role: 'main-creator';
  /** The product's main creator. */
  readonly account: AccountId;
}

/** One line of a settlement. */
export type SettlementLine = PlatformLine | AffiliateLine | CocreatorLine | MainCreatorLine;

/**
 * Where the platform fee came from: the sale (`platformFee` given), the policy's fee
 * schedule (`round_half_up(price × percent / 100) + fixed`, with the `fixed` part that
 * applied in the sale's currency), or nowhere (no fee, 0).
 */
export type FeeOrigin =
  | {
      /** The sale gave its `platformFee`. */
      readonly kind: 'sale';
    }
  | {
      /** The policy's fee schedule computed the fee. */
      readonly kind: 'schedule';
      /** The schedule's percent of the price. */
      readonly percent: Percent;
      /** The schedule's fixed part in the sale's currency, minor units (0 when not listed). */
      readonly fixed: bigint;
    }
  | {
      /** Neither the sale nor the policy has a fee: it is 0. */
      readonly kind: 'none';
    };

/**
 * A settled sale: every step of specification §5 and the lines that sum to the price.
 *
 * Plain, frozen data whose amounts are `bigint`s, so `JSON.stringify` refuses it ("Do not
 * know how to serialize a BigInt"). To store it and refund it later, print it with
 * `storedSettlementToJson` and read it back with `parseStoredSettlementJson`, both from
 * `cocreation/wire` (docs/storage.md); `settlementToJson` there prints what the `settle`
 * oracle outputs.
 */
export interface Settlement {
  /** The settled sale's id. */
  readonly saleId: string;
  /** The product sold. */
  readonly productId: string;
  /** The sale's instant. */
  readonly at: Instant;
  /** The sale's currency: every amount of the settlement is in its minor unit. */
  readonly currency: Currency;
  /** P, minor units. */
  readonly price: bigint;
  /** F, minor units. */
  readonly platformFee: bigint;
  /** How F was reached. */
  readonly feeOrigin: FeeOrigin;
  /** N = P − F. */
  readonly net: bigint;
  /** B = N − A, the split base the retention floor speaks of. */
  readonly base: bigint;
  /** The policy's `minRetainedPercent` of the base that the main creator keeps at least. */
  readonly minRetainedPercent: Percent;
  /**
   * Platform, affiliate (if any), cocreators in contract order, main creator last; the
   * amounts sum to the price exactly.
   */
  readonly lines: ReadonlyArray<SettlementLine>;
}

/** A reversal line: the original line's identity with a negative (or zero) amount. */
export type ReversalLine =
  | Omit<PlatformLine, 'exactUnits' | 'exactScale'>
  | Omit<AffiliateLine, 'exactUnits' | 'exactScale'>
  | Omit<CocreatorLine, 'exactUnits' | 'exactScale'>
  | Omit<MainCreatorLine, 'exactUnits' | 'exactScale'>;

/**
 * The reversal of one refund: one line per settlement line, same order, summing to −amount.
 *
 * Its amounts are `bigint`s, which `JSON.stringify` refuses: store it with
 * `storedReversalToJson` and read it back with `parseStoredReversalJson` (`cocreation/wire`).
 */
export interface Reversal {
  /** The refund's id. */
  readonly refundId: string;
  /** The refunded sale's id. */
  readonly saleId: string;
  /** The refund's instant. */
  readonly at: Instant;
  /** The sale's currency. */
  readonly currency: Currency;
  /** The refunded amount R (positive). */
  readonly amount: bigint;
  /** X, the sale's refunds up to and including this one (≤ the price). */
  readonly refundedTotal: bigint;
  /** One line per settlement line, in the same order, each ≤ 0; they sum to −amount. */
  readonly lines: ReadonlyArray<ReversalLine>;
}
