/**
 * The result of settling a sale and of refunding it: the shapes only (SPEC sections 5, 6, 8).
 */
import type { AccountId } from './account';
import type { Currency } from './currency';
import type { Instant } from './instant';
import type { Percent } from './percent';

/** Who a line pays. Lines come in this order: platform, affiliate, cocreators, main creator. */
export type Role = 'platform' | 'affiliate' | 'cocreator' | 'main-creator';

interface LineAmount {
  /** In the settlement's currency, minor units. */
  readonly amount: bigint;
  /**
   * The exact, unrounded share as a decimal string in major units, without trailing zeros
   * but with at least the currency's decimals (e.g. `"5.824"` for 10 % of 58.24, `"21.18"`
   * for 20 % of 105.90, `"0.5"` for 10 % of JPY 5). For the platform it is the fee as
   * charged, for the affiliate `net × percent / 100`, for a cocreator
   * `base × percent / 100`, for the main creator the base less the cocreators' exact shares.
   */
  readonly exactShare: string;
}

/** The platform's fee. */
export interface PlatformLine extends LineAmount {
  readonly role: 'platform';
  readonly account: null;
}
/** The affiliate's commission on the net. */
export interface AffiliateLine extends LineAmount {
  readonly role: 'affiliate';
  readonly account: AccountId;
  readonly percent: Percent;
}
/** One covering contract's share of the base. */
export interface CocreatorLine extends LineAmount {
  readonly role: 'cocreator';
  readonly account: AccountId;
  readonly contractId: string;
  readonly percent: Percent;
}
/** What remains for the main creator, every rounding remainder included. */
export interface MainCreatorLine extends LineAmount {
  readonly role: 'main-creator';
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
  | { readonly kind: 'sale' }
  | { readonly kind: 'schedule'; readonly percent: Percent; readonly fixed: bigint }
  | { readonly kind: 'none' };

/** A settled sale: every step of SPEC section 5 and the lines that sum to the price. */
export interface Settlement {
  readonly saleId: string;
  readonly productId: string;
  readonly at: Instant;
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
  readonly lines: ReadonlyArray<SettlementLine>;
}

/** A reversal line: the original line's identity with a negative (or zero) amount. */
export type ReversalLine =
  | Omit<PlatformLine, 'exactShare'>
  | Omit<AffiliateLine, 'exactShare'>
  | Omit<CocreatorLine, 'exactShare'>
  | Omit<MainCreatorLine, 'exactShare'>;

/** The reversal of one refund: one line per settlement line, same order, summing to −amount. */
export interface Reversal {
  readonly refundId: string;
  readonly saleId: string;
  readonly at: Instant;
  readonly currency: Currency;
  /** The refunded amount R (positive). */
  readonly amount: bigint;
  /** X, the sale's refunds up to and including this one (≤ the price). */
  readonly refundedTotal: bigint;
  readonly lines: ReadonlyArray<ReversalLine>;
}
