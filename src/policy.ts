/**
 * Platform policies (SPEC section 2): the platform's rules as data.
 */
import type { CurrencyCode } from './currency';
import type { Percent } from './percent';

/** The names of the built-in presets. `hotmart` is the default. */
export type PolicyName = 'hotmart' | 'kiwify' | 'gumroad';

/** How a contract ends early: `mutual` needs the other party's approval (H), `unilateral` does not (G). */
export type CancellationRule = 'mutual' | 'unilateral';

/** How changed terms take effect: after the cocreator approves (H), or at once (G). */
export type AmendmentRule = 'cocreator-approval' | 'immediate';

/** A platform fee schedule: `round_half_up(price × percent / 100) + fixed[currency]`. */
export interface FeeSchedule {
  readonly percent: Percent;
  /** Fixed fee per currency, in that currency's minor units; a currency not listed pays 0. */
  readonly fixed: Readonly<Partial<Record<CurrencyCode, bigint>>>;
}

/** A checked, frozen platform policy. */
export interface Policy {
  /** The preset it is or extends, `null` for a policy written from scratch. */
  readonly name: PolicyName | null;
  readonly minRetainedPercent: Percent;
  readonly cocreatorPercent: { readonly min: Percent; readonly max: Percent };
  readonly percentDecimals: number;
  /** Live contracts per product; `null` is no limit. */
  readonly maxCocreators: number | null;
  readonly affiliatesOnCocreatedProducts: boolean;
  readonly cancellation: CancellationRule;
  readonly amendments: AmendmentRule;
  readonly fee: FeeSchedule | null;
}
