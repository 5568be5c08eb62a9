/**
 * Products (SPEC section 1): what is sold, and who registered it.
 */
import type { AccountId } from './account';
import type { Percent } from './percent';

/** A checked, frozen product. */
export interface Product {
  readonly id: string;
  /** The account that registered the product; the only one who may change its settings (H). */
  readonly mainCreator: AccountId;
  /** The affiliate percent used when a sale names an affiliate but no percent. */
  readonly affiliateCommission: Percent | null;
}
