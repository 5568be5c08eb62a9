/**
 * The JSON wire format of specification §8: reading a `settle` document from untrusted data
 * (every problem reported, with its JSON path) and printing results as JSON-ready data whose
 * amounts, percents and instants are strings.
 */
import type { CocreationContract } from '../contracts/types';
import type { DomainError } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Refund, Sale } from '../model/sale';
import type { Reversal, Role, Settlement } from '../settle/settlement';

// ---------------------------------------------------------------------------------------------
// Wire shapes
// ---------------------------------------------------------------------------------------------

/** A decimal on input: a string such as `"19.90"`, or a JSON number read as `String(n)`. */
export type DecimalJson = string | number;

/** Money on the wire: `{ "amount": "197.00", "currency": "BRL" }`. */
export interface MoneyJson {
  /** Non-negative, with at most the currency's decimals. */
  readonly amount: DecimalJson;
  /** An active ISO 4217 code, case-sensitive. */
  readonly currency: string;
}

/** A platform fee schedule on the wire (specification §2). */
export interface FeeScheduleJson {
  /** From 0 to 100; absent is 0. */
  readonly percent?: DecimalJson | null;
  /** Fixed fee per currency code, as an amount in that currency; absent is none. */
  readonly fixed?: Readonly<Record<string, DecimalJson>> | null;
}

/** A custom policy on the wire: with `extends` it overrides single fields of a preset. */
export interface PolicyObjectJson {
  /** The preset to start from; without it every field but `fee` is required. */
  readonly extends?: string | null;
  /** The part of the split base the main creator always keeps, `0 <= p < 100`. */
  readonly minRetainedPercent?: DecimalJson;
  /** Bounds on one contract's percent; with `extends`, either bound alone is merged. */
  readonly cocreatorPercent?: {
    /** The smallest contract percent, above 0. */
    readonly min?: DecimalJson;
    /** The largest contract percent, at most `100 - minRetainedPercent`. */
    readonly max?: DecimalJson;
  };
  /** Decimal places allowed in a contract percent, 0 to 6. */
  readonly percentDecimals?: number;
  /** Live contracts per product; `null` is no limit. */
  readonly maxCocreators?: number | null;
  /** Whether a sale that a contract covers may have an affiliate. */
  readonly affiliatesOnCocreatedProducts?: boolean;
  /** `"mutual"` or `"unilateral"`. */
  readonly cancellation?: string;
  /** `"cocreator-approval"` or `"immediate"`. */
  readonly amendments?: string;
  /** The platform's fee schedule, used when a sale names no fee. */
  readonly fee?: FeeScheduleJson | null;
}

/** A policy on the wire: a preset name (`"hotmart"`, `"kiwify"`, `"gumroad"`) or an object. */
export type PolicyJson = string | PolicyObjectJson;

/** A product on the wire. */
export interface ProductJson {
  /** Kept as written. */
  readonly id: string;
  /** The account that registered the product. */
  readonly mainCreator: string;
  /** The affiliate percent used when a sale names none, `0 < p <= 100`. */
  readonly affiliateCommission?: DecimalJson | null;
}

/** Contract terms on the wire: the invitation's (with `percent`) or an amendment's patch. */
export interface TermsJson {
  /** The cocreator's percent of the split base. */
  readonly percent?: DecimalJson;
  /** Which sales pay: `all-sales` (default), `direct-sales`, `affiliate-sales`, `managed-affiliate-sales`. */
  readonly appliesTo?: string;
  /** The end of the term (exclusive); `null` is unlimited. */
  readonly endsAt?: string | null;
  /** Whether the cocreator may also be the affiliate of a covered sale (default false). */
  readonly mayAlsoSellAsAffiliate?: boolean;
}

/** One event of a contract history on the wire. */
export interface ContractEventJson {
  /** One of specification §3's event types, e.g. `"invited"`. */
  readonly type: string;
  /** When it happened, with an offset. */
  readonly at: string;
  /** The account that made it. */
  readonly by: string;
  /** On `invited`, `amendment-proposed` and `amended` only. */
  readonly terms?: TermsJson | null;
}

/** A contract on the wire: its whole history, oldest first. */
export interface ContractJson {
  /** Unique in a document. */
  readonly id: string;
  /** The product it belongs to. */
  readonly productId: string;
  /** The account that holds the contract. */
  readonly cocreator: string;
  /** The history, oldest first, times non-decreasing. */
  readonly events: ReadonlyArray<ContractEventJson>;
}

/** A sale's affiliate on the wire. */
export interface SaleAffiliateJson {
  /** The account that sold. */
  readonly account: string;
  /** The affiliate's percent of the net; absent uses the product's `affiliateCommission`. */
  readonly percent?: DecimalJson | null;
  /** The affiliate manager, for `managed-affiliate-sales` contracts. */
  readonly managedBy?: string | null;
}

/** A sale on the wire. */
export interface SaleJson {
  /** Kept as written. */
  readonly id: string;
  /** The product sold. */
  readonly productId: string;
  /** When it was paid, with an offset. */
  readonly at: string;
  /** What the buyer paid, P. */
  readonly price: MoneyJson;
  /** The platform's fee as charged, in the price's currency; absent uses the policy's schedule. */
  readonly platformFee?: MoneyJson | null;
  /** Who sold it, when an affiliate did. */
  readonly affiliate?: SaleAffiliateJson | null;
}

/** A refund on the wire. */
export interface RefundJson {
  /** Unique within the sale. */
  readonly id: string;
  /** Not before the sale, nor before the refund before it. */
  readonly at: string;
  /** Above 0, in the sale's currency. */
  readonly amount: MoneyJson;
}

/** The input document of `cocreation settle` (specification §8). */
export interface SettleDocumentJson {
  /** Default `"hotmart"`. */
  readonly policy?: PolicyJson | null;
  /** The product sold. */
  readonly product: ProductJson;
  /** Every contract of the product, each with its whole history. */
  readonly contracts: ReadonlyArray<ContractJson>;
  /** The sale to settle. */
  readonly sale: SaleJson;
  /** The sale's refunds, in order; default none. */
  readonly refunds?: ReadonlyArray<RefundJson> | null;
}

/** A settlement line on output; `exactShare` is the line's exact, unrounded share. */
export interface SettlementLineJson {
  /** `platform`, `affiliate`, `cocreator` or `main-creator`. */
  readonly role: Role;
  /** Canonical; `null` for the platform. */
  readonly account: string | null;
  /** On cocreator lines. */
  readonly contractId?: string;
  /** On affiliate and cocreator lines, in shortest form. */
  readonly percent?: string;
  /** With exactly the currency's decimals. */
  readonly amount: string;
  /** The unrounded share, a decimal string (an extra field specification §8 allows). */
  readonly exactShare: string;
}

/** A settled sale on output (specification §8). */
export interface SettlementJson {
  /** The sale's id. */
  readonly saleId: string;
  /** The product's id. */
  readonly productId: string;
  /** The sale's instant, in UTC with milliseconds. */
  readonly at: string;
  /** The currency code. */
  readonly currency: string;
  /** P. */
  readonly price: string;
  /** F. */
  readonly platformFee: string;
  /** N = P − F. */
  readonly net: string;
  /** B = N − A. */
  readonly base: string;
  /** Platform, affiliate if any, cocreators in input order, main creator last. */
  readonly lines: ReadonlyArray<SettlementLineJson>;
}

/** A reversal line on output: the original line's identity with a negative (or zero) amount. */
export interface ReversalLineJson {
  /** As on the original line. */
  readonly role: Role;
  /** As on the original line. */
  readonly account: string | null;
  /** As on the original line. */
  readonly contractId?: string;
  /** As on the original line. */
  readonly percent?: string;
  /** Negative or zero, with exactly the currency's decimals. */
  readonly amount: string;
}

/** The reversal of one refund on output. */
export interface ReversalJson {
  /** The refund's id. */
  readonly refundId: string;
  /** The refund's instant, in UTC with milliseconds. */
  readonly at: string;
  /** R, the refunded amount (positive). */
  readonly amount: string;
  /** One per settlement line, in the same order, summing to −R. */
  readonly lines: ReadonlyArray<ReversalLineJson>;
}

/** An error on output: `{ code, message, path }` and the fields of its code. */
export type ErrorJson = DomainError;

/** The output of `cocreation settle` for a document that settled. */
export interface SettledOutputJson {
  /** `true`. */
  readonly ok: true;
  /** The settlement. */
  readonly settlement: SettlementJson;
  /** One reversal per refund, in input order; `[]` when there are none. */
  readonly refunds: ReadonlyArray<ReversalJson>;
}

/** The output of `cocreation settle` for a document that was refused. */
export interface RefusedOutputJson {
  /** `false`. */
  readonly ok: false;
  /** Every problem found, at least one. */
  readonly errors: ReadonlyArray<ErrorJson>;
}

/** The whole output of `cocreation settle` for one document (specification §8). */
export type SettleOutputJson = SettledOutputJson | RefusedOutputJson;

// ---------------------------------------------------------------------------------------------
// Reading a document
// ---------------------------------------------------------------------------------------------

/** A checked `settle` document: every part parsed, nothing validated across parts yet. */
export interface SettleDocument {
  /** The policy, `hotmart` when the document names none. */
  readonly policy: Policy;
  /** The product. */
  readonly product: Product;
  /** The contracts, in input order. */
  readonly contracts: ReadonlyArray<CocreationContract>;
  /** The sale. */
  readonly sale: Sale;
  /** The refunds, in input order. */
  readonly refunds: ReadonlyArray<Refund>;
}

/** A settled document: the settlement and one reversal per refund, in input order. */
export interface SettleOutcome {
  /** The settled sale. */
  readonly settlement: Settlement;
  /** One per refund, in input order. */
  readonly reversals: ReadonlyArray<Reversal>;
}

export const DOCUMENT_KEYS = ['policy', 'product', 'contracts', 'sale', 'refunds'] as const;
