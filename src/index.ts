/**
 * cocreation: exact, to-the-cent splits of digital-product sales between the platform, an
 * affiliate, the cocreators and the main creator.
 *
 * @packageDocumentation
 */

export type { AccountId } from './account';
export { accountId, MAX_ACCOUNT_ID_LENGTH } from './account';
export type { Brand } from './brand';
export type { Currency, CurrencyCode } from './currency';
export { currencies, currency, isCurrency } from './currency';
export type {
  AffiliateNotPermittedError,
  AffiliatesNotAllowedError,
  AmountPrecisionError,
  CurrencyMismatchError,
  DomainError,
  DomainErrors,
  DuplicateCocreatorError,
  ErrorCode,
  ErrorOf,
  EventsOutOfOrderError,
  FeeExceedsPriceError,
  InvalidAmountError,
  InvalidFieldError,
  InvalidInstantError,
  InvalidJsonError,
  InvalidPercentError,
  InvalidPolicyError,
  InvalidTransitionError,
  MaxCocreatorsReachedError,
  NotAuthorizedError,
  Path,
  PercentOutOfRangeError,
  PercentPrecisionError,
  ProductMismatchError,
  RefundBeforeSaleError,
  RefundExceedsPriceError,
  RetentionFloorViolatedError,
  SelfAffiliationError,
  SelfCocreationError,
  TermAlreadyExpiredError,
  UnknownCurrencyError,
} from './errors';
export { ERROR_CODES, isErrorCode } from './errors';
export type { Instant } from './instant';
export { formatInstant, instant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './instant';
export type { Money } from './money';
export { formatAmount, formatMoney, money, parseAmount, parseMoney } from './money';
export type { Percent } from './percent';
export {
  addPercents,
  checkPercentPrecision,
  comparePercent,
  formatPercent,
  isPercentInRange,
  MAX_PERCENT_SCALE,
  PERCENT_0,
  PERCENT_100,
  parsePercent,
  percent,
  percentDecimals,
  percentFromString,
  percentOfAmount,
  subtractPercents,
} from './percent';
