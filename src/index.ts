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

export type { AccountId } from './account';
export { accountId, MAX_ACCOUNT_ID_LENGTH } from './account';
export type { Brand } from './brand';
export type { AppliesTo, CommissionRule } from './commission';
export { APPLIES_TO, appliesTo, appliesToSale } from './commission';
export type {
  AmendmentRecord,
  CancellationRequestRecord,
  CocreationContract,
  CocreationContractInput,
  ContractEvent,
  ContractEventType,
  ContractStatus,
  ContractTerms,
  ContractTermsInput,
  ContractTimeline,
  EndReason,
  PlainEventType,
  SaleRef,
  TermsHistoryEntry,
  TermsPatch,
  TermsPatchInput,
  TermsPeriod,
} from './contract';
export {
  applyPatch,
  CONTRACT_EVENT_TYPES,
  checkContract,
  commissionTerms,
  contract,
  contractEvent,
  contractTerms,
  coveringTerms,
  covers,
  isLive,
  pendingAmendmentAt,
  pendingCancellationAt,
  replayContract,
  reservedPercentAt,
  statusAt,
  termsAt,
  termsHistory,
  termsPatch,
} from './contract';
export type { Currency, CurrencyCode } from './currency';
export { currencies, currency, isCurrency } from './currency';
export type {
  AmendmentInput,
  Domain,
  DomainInput,
  EventInput,
  InvitationInput,
  TransitionContext,
} from './domain';
export {
  accept,
  amend,
  approveAmendment,
  approveCancellation,
  availablePercentAt,
  cancel,
  contractsCovering,
  decline,
  declineAmendment,
  invite,
  liveContractsAt,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  timelineOf,
  totalReservedPercentAt,
  validateDomain,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from './domain';
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
export { explain } from './explain';
export type { Instant } from './instant';
export { formatInstant, instant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './instant';
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
} from './json';
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
} from './json';
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
} from './ledger';
export { combineLedgers, EMPTY_LEDGER, emptyLedger, ledgerOf, ledgerTotal } from './ledger';
export type {
  LedgerConflictJson,
  LedgerJson,
  LedgerLineJson,
  LedgerRecordJson,
} from './ledger-json';
export { ledgerToJson, parseLedgerJson } from './ledger-json';
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
} from './locale';
export { isLocale, LOCALES, localizeError, localizeErrors } from './locale';
export type { Money } from './money';
export { formatAmount, formatMoney, money, parseAmount, parseMoney } from './money';
export type { PayoutTotals, PayoutTotalsOptions, RefusedSale } from './payouts';
export { settleTotals } from './payouts';
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
export type { Action } from './permissions';
export { ACTIONS, allowedActions, can } from './permissions';
export type {
  AmendmentRule,
  CancellationRule,
  FeeSchedule,
  Policy,
  PolicyInput,
  PolicyName,
} from './policy';
export {
  checkCocreatorPercent,
  DEFAULT_POLICY,
  isPolicyName,
  MAX_PERCENT_DECIMALS,
  maxReservedPercent,
  POLICIES,
  POLICY_NAMES,
  policy,
} from './policy';
export type { Product, ProductInput } from './product';
export { checkAffiliatePercent, product } from './product';
export { refundAll, refundSale } from './refund';
export type { Refund, Sale, SaleAffiliate } from './sale';
export { refund, sale } from './sale';
export type { Settler } from './settle';
export { compileSettler, settleSale, settleWithDomain } from './settle';
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
} from './settlement';
export type { SchemaIssue, SchemaResult, SettleDocumentSchema } from './standard-schema';
export { settleDocumentSchema } from './standard-schema';
export type {
  FeeOriginJson,
  StoredReversalJson,
  StoredReversalLineJson,
  StoredSettlementJson,
  StoredSettlementLineJson,
} from './store';
export {
  contractToJson,
  parseStoredReversalJson,
  parseStoredSettlementJson,
  productToJson,
  refundToJson,
  storedReversalToJson,
  storedSettlementToJson,
} from './store';
