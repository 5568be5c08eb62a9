/**
 * The JSON wire format's types (specification §8): the input shapes derived from their one
 * description in model/shapes.ts, the output shapes the printers write, and a read document.
 * Reading is in document.ts, settling in settle-document.ts, printing in print.ts and
 * print-document.ts, reading printed and stored results back in read-output.ts and
 * read-stored.ts.
 */
import type { CocreationContractInput } from '../contracts/read';
import type { CocreationContract } from '../contracts/types';
import type { DomainError } from '../errors';
import type { Policy, PolicyInput, PolicyObjectInput } from '../model/policy';
import type { Product, ProductInput } from '../model/product';
import type { Refund, Sale } from '../model/sale';
import type { JsonOf, SETTLE_DOCUMENT } from '../model/shapes';
import type { Reversal, Role, Settlement } from '../settle/settlement';

// ---------------------------------------------------------------------------------------------
// Wire shapes
// ---------------------------------------------------------------------------------------------

export type {
  ContractEventJson,
  DecimalJson,
  FeeScheduleJson,
  MoneyJson,
  RefundJson,
  SaleAffiliateJson,
  SaleJson,
  TermsJson,
} from '../model/shapes';

// The input shapes are described once, in model/shapes.ts; these types are derived from that
// description and carry its doc comments (those that a constructor reads too are its input
// types: ProductJson is ProductInput). The types of the objects nested in others are declared
// there, beside their description, so that the parent names them (`SaleJson`'s `price` is a
// `MoneyJson`). `@interface`: the API reference shows each one's fields rather than the mapped
// type it is.

/**
 * A custom policy on the wire: with `extends` it overrides single fields of a preset.
 *
 * @interface
 */
export type PolicyObjectJson = PolicyObjectInput;

/** A policy on the wire: a preset name (`"hotmart"`, `"kiwify"`, `"gumroad"`) or an object. */
export type PolicyJson = PolicyInput;

/**
 * A product on the wire.
 *
 * @interface
 */
export type ProductJson = ProductInput;

/**
 * A contract on the wire: its whole history, oldest first.
 *
 * @interface
 */
export type ContractJson = CocreationContractInput;

/**
 * The input document of `cocreation settle` (specification §8).
 *
 * @interface
 */
export type SettleDocumentJson = JsonOf<typeof SETTLE_DOCUMENT.fields>;

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
