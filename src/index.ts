/**
 * cocreation: exact, to-the-cent splits of digital-product sales between the platform, an
 * affiliate, the cocreators and the main creator.
 *
 * Section numbers in this documentation ("specification §8") refer to
 * `docs/specification.md` (version 2; the JSON wire format it describes is version 1), which
 * ships in the package: the rules, the arithmetic, the errors and the wire format.
 *
 * Every function that reads input (an `unknown` parameter) answers a `Result` and never
 * throws. These take only values the library built and answer a plain value, with no check:
 * `allowedActions`, `availablePercentAt`, `combineLedgers`, `comparePercent`, `compileSettler`,
 * `contractsCovering`, `explain`, `formatAmount`, `formatInstant`, `formatPercent`, `isLive`,
 * `ledgerTotal`, `liveContractsAt`, `maxReservedPercent`, `pendingAmendmentAt`,
 * `pendingCancellationAt`, `percentOfAmount`, `reservedPercentAt`, `statusAt`, `termsAt`,
 * `termsHistory`, `timelineOf`, `totalReservedPercentAt`. Given anything else they may throw or
 * answer nonsense. A few take anything, never throw and answer a plain value: `can`,
 * `currencies`, `isCurrency`, `isErrorCode`, `localizeErrors`.
 *
 * The JSON wire format and the stored forms are in `cocreation/wire`; the languages of
 * messages and `explain` in `cocreation/locales`; the testing kit in `cocreation/testing`.
 *
 * @packageDocumentation
 */
// biome-ignore-all assist/source/organizeImports: the exports are grouped by what a user is doing, in the order of the data path

// Values: money, currencies, percents, instants, accounts.
export type { AccountId } from './values/account';
export { accountId, MAX_ACCOUNT_ID_LENGTH } from './values/account';
export type { Currency, CurrencyCode } from './values/currency';
export { currencies, currency, isCurrency } from './values/currency';
export type { Instant } from './values/instant';
export { formatInstant, instant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './values/instant';
export type { Money } from './values/money';
export { formatAmount, money, parseMoney } from './values/money';
export type { Percent } from './values/percent';
export {
  comparePercent,
  formatPercent,
  PERCENT_0,
  PERCENT_100,
  parsePercent,
  percent,
  percentOfAmount,
  subtractPercents,
} from './values/percent';

// Policies and products: the platform's rules, the product, its sales and refunds.
export type { AppliesTo, CommissionRule } from './model/commission';
export { APPLIES_TO, appliesTo } from './model/commission';
export type {
  AmendmentRule,
  CancellationRule,
  FeeSchedule,
  Policy,
  PolicyInput,
  PolicyName,
  PolicyObjectInput,
} from './model/policy';
export {
  MAX_PERCENT_DECIMALS,
  maxReservedPercent,
  POLICIES,
  POLICY_NAMES,
} from './model/policy';
export { policy } from './model/read-policy';
export type { Product, ProductInput } from './model/product';
export { product } from './model/product';
export type { Refund, Sale, SaleAffiliate } from './model/sale';
export { refund, sale } from './model/sale';

// Contracts and their lifecycle.
export type {
  AmendmentRecord,
  CancellationRequestRecord,
  CocreationContract,
  ContractEvent,
  ContractEventType,
  ContractStatus,
  ContractTimeline,
  EndReason,
  PlainEventType,
  TermsPatch,
  TermsPeriod,
} from './contracts/types';
export { CONTRACT_EVENT_TYPES } from './contracts/types';
export type {
  CocreationContractInput,
  CommissionRuleInput,
  TermsPatchInput,
} from './contracts/read';
export { contract, commissionRule } from './contracts/read';
export type { SaleRef, TermsHistoryEntry } from './contracts/queries';
export {
  isLive,
  pendingAmendmentAt,
  pendingCancellationAt,
  reservedPercentAt,
  statusAt,
  termsAt,
  termsHistory,
} from './contracts/queries';
export type { Action } from './contracts/permissions';
export { ACTIONS, allowedActions, can } from './contracts/permissions';
export type { Domain, DomainInput } from './validate/domain';
export { validateDomain } from './validate/domain';
export type {
  AmendmentInput,
  EventInput,
  InvitationInput,
  TransitionContext,
} from './validate/append';
export type { TransitionInput, TransitionType } from './validate/transitions';
export { invite, transition } from './validate/transitions';
export {
  availablePercentAt,
  contractsCovering,
  liveContractsAt,
  timelineOf,
  totalReservedPercentAt,
} from './validate/queries';

// The three invariants, as validators of a platform's own data.
export {
  validateAffiliatePermission,
  validateRetentionFloor,
  validateTermAt,
} from './settle/invariants';

// Settling.
export type { Settler } from './settle/compile';
export { compileSettler } from './settle/compile';
export { settleSale } from './settle/stages';
export type {
  AffiliateLine,
  CocreatorLine,
  FeeOrigin,
  LineAmount,
  MainCreatorLine,
  PlatformLine,
  Reversal,
  ReversalLine,
  Role,
  Settlement,
  SettlementLine,
} from './settle/settlement';
export { explain } from './wire/explain';

// Refunds and ledgers.
export { refundAll, refundSale } from './refunds/refund';
export { combineLedgers } from './ledger/combine';
export type { LedgerOptions } from './ledger/entries';
export { ledgerOf } from './ledger/entries';
export type {
  Ledger,
  LedgerConflict,
  LedgerEntry,
  LedgerLine,
  LedgerRecord,
  LedgerRow,
} from './ledger/ledger';
export { EMPTY_LEDGER } from './ledger/ledger';
export type { LedgerAmounts, LedgerQuery } from './ledger/totals';
export { ledgerTotal } from './ledger/totals';
export type { PayoutTotals, PayoutTotalsOptions, RefusedSale } from './ledger/payouts';
export { settleTotals } from './ledger/payouts';

// Errors, and their messages in other languages.
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
  Issue,
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
export type {
  Catalog,
  CatalogWords,
  DecimalPrinter,
  ExplainWords,
  FieldProblem,
  LocaleOptions,
  MessageCatalog,
  MessageTemplate,
  PolicyProblem,
} from './locales/locale';
export { localizeErrors } from './locales/locale';
