/**
 * Errors are plain, frozen data discriminated on `code` (specification §7). `code` is part of
 * the semver contract; `message` is for people; `path` locates the field in the JSON input.
 */

/** Where a problem is in the JSON input, e.g. `['contracts', 1, 'events', 0, 'terms', 'percent']`. */
export type Path = ReadonlyArray<string | number>;

/**
 * Every error code of specification §7, in the order the specification lists them.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ERROR_CODES } from 'cocreation';
 *
 * assert.equal(ERROR_CODES.length, 26);
 * assert.equal(ERROR_CODES.includes('retention_floor_violated'), true);
 * ```
 */
export const ERROR_CODES = [
  'invalid_json',
  'invalid_field',
  'invalid_amount',
  'amount_precision',
  'invalid_percent',
  'percent_precision',
  'percent_out_of_range',
  'unknown_currency',
  'currency_mismatch',
  'invalid_instant',
  'events_out_of_order',
  'invalid_transition',
  'not_authorized',
  'term_already_expired',
  'retention_floor_violated',
  'max_cocreators_reached',
  'duplicate_cocreator',
  'self_cocreation',
  'product_mismatch',
  'self_affiliation',
  'affiliate_not_permitted',
  'affiliates_not_allowed',
  'fee_exceeds_price',
  'refund_exceeds_price',
  'refund_before_sale',
  'invalid_policy',
] as const;

/** The code of a {@link DomainError}: one of specification §7's strings. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The fields every error has; each error type adds the fields of its code.
 *
 * @typeParam Code - the error's code
 */
export interface Issue<Code extends ErrorCode> {
  /** What went wrong, as a stable string of specification §7 (part of the semver contract). */
  readonly code: Code;
  /** The same, in English for people; its wording may change in any release. */
  readonly message: string;
  /** Where the problem is in the JSON input (`[]` for the whole document or a bare value). */
  readonly path: Path;
}

/** The input is not JSON text. */
export type InvalidJsonError = Issue<'invalid_json'>;
/** A field has the wrong type, is missing, is unknown, or is a reserved key. */
export type InvalidFieldError = Issue<'invalid_field'>;
/** An amount is not a non-negative decimal string (or a number printed without exponent). */
export type InvalidAmountError = Issue<'invalid_amount'>;
/** An amount has more decimals than its currency. */
export type AmountPrecisionError = Issue<'amount_precision'> & {
  /** The currency's ISO 4217 code, e.g. `'JPY'`. */
  readonly currency: string;
  /** The currency's exponent: the most decimals an amount in it may have. */
  readonly maxDecimals: number;
};
/** A percent is not a decimal string (or a number printed without exponent). */
export type InvalidPercentError = Issue<'invalid_percent'>;
/** A percent has more decimal places than the policy allows. */
export type PercentPrecisionError = Issue<'percent_precision'> & {
  /** The policy's `percentDecimals`: the most decimal places a contract percent may have. */
  readonly maxDecimals: number;
};
/** A percent is outside the bounds that apply to it. */
export type PercentOutOfRangeError = Issue<'percent_out_of_range'> & {
  /** The lowest percent allowed, as a decimal string (for an affiliate, `'0'`, itself excluded). */
  readonly min: string;
  /** The highest percent allowed, as a decimal string, included. */
  readonly max: string;
};
/** A currency code that is not an active ISO 4217 code. */
export type UnknownCurrencyError = Issue<'unknown_currency'> & {
  /** The code as written in the input. */
  readonly currency: string;
};
/** Two amounts that must share a currency do not. */
export type CurrencyMismatchError = Issue<'currency_mismatch'> & {
  /** The currency the amount must be in (the sale price's). */
  readonly expected: string;
  /** The currency it is in. */
  readonly actual: string;
};
/** An instant that is not ISO 8601 with an offset, or is out of range. */
export type InvalidInstantError = Issue<'invalid_instant'>;
/** Events (or refunds) whose instants go backwards. */
export type EventsOutOfOrderError = Issue<'events_out_of_order'>;
/** An event the contract's state does not allow. */
export type InvalidTransitionError = Issue<'invalid_transition'> & {
  /**
   * The contract's state before the event: `'uninvited'`, `'pending'`, `'active'`,
   * `'cancellation-pending'`, or the {@link EndReason} of an ended contract.
   */
  readonly status: string;
  /** The event type that state does not allow, e.g. `'accepted'`. */
  readonly event: string;
};
/** An event made by a party who may not make it. */
export type NotAuthorizedError = Issue<'not_authorized'> & {
  /** The account that made the event (its `by`). */
  readonly actor: string;
};
/** Terms whose `endsAt` is at or before the event that introduces or accepts them. */
export type TermAlreadyExpiredError = Issue<'term_already_expired'>;
/** Live contracts would reserve more than `100 - minRetainedPercent`. */
export type RetentionFloorViolatedError = Issue<'retention_floor_violated'> & {
  /** The sum of the live contracts' reserved percents at that instant, as a decimal string. */
  readonly reservedPercent: string;
  /** `100 - minRetainedPercent`: the most the contracts may reserve together. */
  readonly maxPercent: string;
};
/** More live contracts than the policy's `maxCocreators`. */
export type MaxCocreatorsReachedError = Issue<'max_cocreators_reached'> & {
  /** The policy's limit of live contracts per product. */
  readonly maxCocreators: number;
};
/** Two live contracts for the same cocreator on one product. */
export type DuplicateCocreatorError = Issue<'duplicate_cocreator'> & {
  /** The cocreator who would hold two live contracts. */
  readonly account: string;
};
/** The main creator named as a cocreator of their own product. */
export type SelfCocreationError = Issue<'self_cocreation'> & {
  /** The main creator's account. */
  readonly account: string;
};
/** A contract or sale that names another product. */
export type ProductMismatchError = Issue<'product_mismatch'> & {
  /** The product's id. */
  readonly expected: string;
  /** The `productId` the contract or sale names. */
  readonly actual: string;
};
/** The main creator named as the affiliate of their own product. */
export type SelfAffiliationError = Issue<'self_affiliation'> & {
  /** The main creator's account. */
  readonly account: string;
};
/** A covering cocreator sold as affiliate without `mayAlsoSellAsAffiliate`. */
export type AffiliateNotPermittedError = Issue<'affiliate_not_permitted'> & {
  /** The cocreator who sold as affiliate. */
  readonly account: string;
};
/** An affiliate on a covered sale under `affiliatesOnCocreatedProducts: false`. */
export type AffiliatesNotAllowedError = Issue<'affiliates_not_allowed'>;
/** The platform fee is larger than the price. */
export type FeeExceedsPriceError = Issue<'fee_exceeds_price'> & {
  /** The fee, as a decimal string in major units. */
  readonly fee: string;
  /** The sale's price, as a decimal string in major units. */
  readonly price: string;
};
/** Refunds of one sale totalling more than its price. */
export type RefundExceedsPriceError = Issue<'refund_exceeds_price'> & {
  /** The refunds' running total up to and including this one, as a decimal string in major units. */
  readonly refunded: string;
  /** The sale's price, as a decimal string in major units. */
  readonly price: string;
};
/** A refund dated before its sale. */
export type RefundBeforeSaleError = Issue<'refund_before_sale'>;
/** A policy that breaks specification §2's invariants, or names an unknown preset. */
export type InvalidPolicyError = Issue<'invalid_policy'>;

/** Every error the library returns: a union of plain readonly objects discriminated on `code`. */
export type DomainError =
  | InvalidJsonError
  | InvalidFieldError
  | InvalidAmountError
  | AmountPrecisionError
  | InvalidPercentError
  | PercentPrecisionError
  | PercentOutOfRangeError
  | UnknownCurrencyError
  | CurrencyMismatchError
  | InvalidInstantError
  | EventsOutOfOrderError
  | InvalidTransitionError
  | NotAuthorizedError
  | TermAlreadyExpiredError
  | RetentionFloorViolatedError
  | MaxCocreatorsReachedError
  | DuplicateCocreatorError
  | SelfCocreationError
  | ProductMismatchError
  | SelfAffiliationError
  | AffiliateNotPermittedError
  | AffiliatesNotAllowedError
  | FeeExceedsPriceError
  | RefundExceedsPriceError
  | RefundBeforeSaleError
  | InvalidPolicyError;

/**
 * The error of a given code.
 *
 * @typeParam Code - one of {@link ErrorCode}
 */
export type ErrorOf<Code extends ErrorCode> = Extract<
  DomainError,
  {
    /** The code to select. */
    readonly code: Code;
  }
>;

/** A non-empty list of errors: what parsers and validators return, every problem they found. */
export type DomainErrors = readonly [DomainError, ...DomainError[]];

type Extra<Code extends ErrorCode> = Omit<ErrorOf<Code>, 'code' | 'message' | 'path'>;

/**
 * Builds a frozen error. Internal: the library's own way to make errors.
 * The extra fields are required exactly when the code has them.
 */
export function domainError<Code extends ErrorCode>(
  code: Code,
  message: string,
  path: Path,
  ...extra: keyof Extra<Code> extends never ? [] : [Extra<Code>]
): ErrorOf<Code> {
  return Object.freeze({
    code,
    message,
    path: Object.freeze([...path]),
    ...(extra[0] ?? {}),
  }) as unknown as ErrorOf<Code>;
}

/**
 * Tells whether a value is a code of specification §7.
 *
 * @param value - anything
 * @returns `true` when `value` is one of {@link ERROR_CODES}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isErrorCode } from 'cocreation';
 *
 * assert.equal(isErrorCode('retention_floor_violated'), true);
 * assert.equal(isErrorCode('oops'), false);
 * ```
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  // includes compares with SameValueZero: only one of the code strings is found.
  return (ERROR_CODES as ReadonlyArray<unknown>).includes(value);
}

/**
 * One error as the one-element list that every fallible public function answers (a
 * {@link DomainErrors}). Internal.
 *
 * @internal
 */
export function asErrorList(error: DomainError): DomainErrors {
  return Object.freeze([error]) as unknown as DomainErrors;
}
