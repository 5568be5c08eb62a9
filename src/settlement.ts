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
   * The exact, unrounded share as a decimal string in major units (e.g. `"5.824"` for
   * 10 % of 58.24); for the platform it is the fee, for the main creator the base less the
   * cocreators' exact shares.
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

/** A settled sale: every step of SPEC section 5 and the lines that sum to the price. */
export interface Settlement {
  readonly saleId: string;
  readonly productId: string;
  readonly at: Instant;
  readonly currency: Currency;
  readonly price: bigint;
  readonly platformFee: bigint;
  readonly net: bigint;
  readonly base: bigint;
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
  readonly lines: ReadonlyArray<ReversalLine>;
}
