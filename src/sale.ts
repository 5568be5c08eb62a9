/**
 * Sales and refunds (SPEC sections 1, 5 and 6): the payment events that get split.
 */
import type { AccountId } from './account';
import type { Instant } from './instant';
import type { Money } from './money';
import type { Percent } from './percent';

/** The affiliate who made a sale. */
export interface SaleAffiliate {
  readonly account: AccountId;
  /** The sale's own affiliate percent; `null` uses the product's `affiliateCommission`. */
  readonly percent: Percent | null;
  /** The affiliate manager (for `managed-affiliate-sales` contracts), `null` when none. */
  readonly managedBy: AccountId | null;
}

/** One payment event for one product, settled on its own at its own instant. */
export interface Sale {
  readonly id: string;
  readonly productId: string;
  readonly at: Instant;
  readonly price: Money;
  /** The platform's fee as charged; `null` uses the policy's fee schedule (or 0). */
  readonly platformFee: Money | null;
  readonly affiliate: SaleAffiliate | null;
}

/** A (partial or full) refund of a sale. */
export interface Refund {
  /** Unique within the sale. */
  readonly id: string;
  readonly at: Instant;
  /** In the sale's currency, > 0. */
  readonly amount: Money;
}
