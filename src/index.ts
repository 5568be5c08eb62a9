/**
 * cocreation: exact, to-the-cent splits of digital-product sales between the platform, an
 * affiliate, the cocreators and the main creator.
 *
 * Section numbers in this documentation ("specification §8") refer to
 * `docs/specification.md`, which ships in the package: the rules, the arithmetic, the errors
 * and the JSON wire format, version 2.
 *
 * @packageDocumentation
 */

export { applyPatch } from './contracts/lifecycle';
export type { Action } from './contracts/permissions';
export { ACTIONS, allowedActions, can } from './contracts/permissions';
export type { SaleRef, TermsHistoryEntry } from './contracts/queries';
export {
  commissionTerms,
  coveringTerms,
  covers,
  isLive,
  pendingAmendmentAt,
  pendingCancellationAt,
  reservedPercentAt,
  statusAt,
  termsAt,
  termsHistory,
} from './contracts/queries';
export type {
  CocreationContractInput,
  ContractTermsInput,
  TermsPatchInput,
} from './contracts/read';
export {
  checkContract,
  contract,
  contractEvent,
  contractTerms,
  termsPatch,
} from './contracts/read';
export { replayContract } from './contracts/replay';
export type {
  AmendmentRecord,
  CancellationRequestRecord,
  CocreationContract,
  ContractEvent,
  ContractEventType,
  ContractStatus,
  ContractTerms,
  ContractTimeline,
  EndReason,
  PlainEventType,
  TermsPatch,
  TermsPeriod,
} from './contracts/types';
export { CONTRACT_EVENT_TYPES } from './contracts/types';
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
  Ledger,
  LedgerAmounts,
  LedgerConflict,
  LedgerEntry,
  LedgerLine,
  LedgerOptions,
  LedgerQuery,
  LedgerRecord,
  LedgerRow,
} from './ledger/ledger';
export { combineLedgers, EMPTY_LEDGER, emptyLedger, ledgerOf, ledgerTotal } from './ledger/ledger';
export type { PayoutTotals, PayoutTotalsOptions, RefusedSale } from './ledger/payouts';
export { settleTotals } from './ledger/payouts';
export type {
  Catalog,
  DecimalPrinter,
  ExplainWords,
  FieldProblem,
  Locale,
  LocaleOptions,
  MessageCatalog,
  MessageTemplate,
  PolicyProblem,
} from './locales/locale';
export { isLocale, LOCALES, localizeError, localizeErrors } from './locales/locale';
export type { AppliesTo, CommissionRule } from './model/commission';
export { APPLIES_TO, appliesTo, appliesToSale } from './model/commission';
export type {
  AmendmentRule,
  CancellationRule,
  FeeSchedule,
  Policy,
  PolicyInput,
  PolicyName,
} from './model/policy';
export {
  checkCocreatorPercent,
  DEFAULT_POLICY,
  isPolicyName,
  MAX_PERCENT_DECIMALS,
  maxReservedPercent,
  POLICIES,
  POLICY_NAMES,
  policy,
} from './model/policy';
export type { Product, ProductInput } from './model/product';
export { checkAffiliatePercent, product } from './model/product';
export type { Refund, Sale, SaleAffiliate } from './model/sale';
export { refund, sale } from './model/sale';
export { refundAll, refundSale } from './refunds/refund';
export type { Settler } from './settle/settle';
export { compileSettler, settleSale, settleWithDomain } from './settle/settle';
export type {
  AffiliateLine,
  CocreatorLine,
  FeeOrigin,
  MainCreatorLine,
  PlatformLine,
  Reversal,
  ReversalLine,
  Role,
  Settlement,
  SettlementLine,
} from './settle/settlement';
export type {
  AmendmentInput,
  EventInput,
  InvitationInput,
  TransitionContext,
} from './validate/append';
export type { Domain, DomainInput } from './validate/domain';
export { validateDomain } from './validate/domain';
export {
  availablePercentAt,
  contractsCovering,
  liveContractsAt,
  timelineOf,
  totalReservedPercentAt,
} from './validate/queries';
export {
  accept,
  amend,
  approveAmendment,
  approveCancellation,
  cancel,
  decline,
  declineAmendment,
  invite,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from './validate/transitions';
export type { AccountId } from './values/account';
export { accountId, MAX_ACCOUNT_ID_LENGTH } from './values/account';
export type { Brand } from './values/brand';
export type { Currency, CurrencyCode } from './values/currency';
export { currencies, currency, isCurrency } from './values/currency';
export type { Instant } from './values/instant';
export { formatInstant, instant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './values/instant';
export type { Money } from './values/money';
export { formatAmount, formatMoney, money, parseAmount, parseMoney } from './values/money';
export type { Percent } from './values/percent';
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
} from './values/percent';
export { explain } from './wire/explain';
export type {
  ContractEventJson,
  ContractJson,
  DecimalJson,
  ErrorJson,
  FeeScheduleJson,
  MoneyJson,
  PolicyJson,
  PolicyObjectJson,
  PrintedSettlement,
  ProductJson,
  RefundJson,
  RefusedOutputJson,
  ReversalJson,
  ReversalLineJson,
  SaleAffiliateJson,
  SaleJson,
  SettleDocument,
  SettleDocumentJson,
  SettledOutputJson,
  SettlementJson,
  SettlementLineJson,
  SettleOutcome,
  SettleOutputJson,
  TermsJson,
} from './wire/json';
export {
  documentToJson,
  errorToJson,
  parseDocument,
  parseDocumentBytes,
  parseDocumentText,
  parseSettlementJson,
  policyToJson,
  reversalToJson,
  settleDocument,
  settlementToJson,
  settleResultToJson,
  settleText,
  settleToJson,
} from './wire/json';
export type {
  LedgerConflictJson,
  LedgerJson,
  LedgerLineJson,
  LedgerRecordJson,
} from './wire/ledger-json';
export { ledgerToJson, parseLedgerJson } from './wire/ledger-json';
export type { SchemaIssue, SchemaResult, SettleDocumentSchema } from './wire/standard-schema';
export { settleDocumentSchema } from './wire/standard-schema';
export type {
  FeeOriginJson,
  StoredReversalJson,
  StoredReversalLineJson,
  StoredSettlementJson,
  StoredSettlementLineJson,
} from './wire/store';
export {
  contractToJson,
  parseStoredReversalJson,
  parseStoredSettlementJson,
  productToJson,
  refundToJson,
  storedReversalToJson,
  storedSettlementToJson,
} from './wire/store';
