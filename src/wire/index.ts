/**
 * `cocreation/wire`: the JSON wire format of specification §8 and the stored forms of values.
 * Reading a `settle` document from untrusted data and settling it (what `cocreation settle`
 * does), printing settlements, reversals and errors as JSON, storing products, contracts,
 * refunds, settlements, reversals and ledgers as JSON and reading them back equal, and the
 * document as a Standard Schema for form and framework validators.
 *
 * The printers take only values the library built and answer plain data, with no check:
 * `contractToJson`, `documentToJson`, `errorToJson`, `ledgerToJson`, `policyToJson`,
 * `productToJson`, `refundToJson`, `reversalToJson`, `settlementToJson`, `storedReversalToJson`,
 * `storedSettlementToJson`. Every other function reads anything and answers a `Result`
 * (or, for `settleToJson` and `settleText`, the output object of specification §8, and for
 * `settleDocumentSchema` a validator whose `validate` answers issues), never throwing.
 *
 * The values themselves (money, percent, policy, product, contract, sale) and settling them
 * are in the main entry, `cocreation`.
 *
 * @packageDocumentation
 */

export { parseDocument, parseDocumentBytes, parseDocumentText } from './document';
export type {
  ContractEventJson,
  ContractJson,
  DecimalJson,
  ErrorJson,
  FeeScheduleJson,
  MoneyJson,
  PolicyJson,
  PolicyObjectJson,
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
export type {
  LedgerConflictJson,
  LedgerJson,
  LedgerLineJson,
  LedgerRecordJson,
} from './ledger-json';
export { ledgerToJson, parseLedgerJson } from './ledger-json';
export { settleText, settleToJson } from './oracle';
export { errorToJson, reversalToJson, settlementToJson } from './print';
export { documentToJson, policyToJson } from './print-document';
export type { PrintedSettlement } from './read-output';
export { parseSettlementJson } from './read-output';
export { parseStoredReversalJson, parseStoredSettlementJson } from './read-stored';
export { settleDocument } from './settle-document';
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
  productToJson,
  refundToJson,
  storedReversalToJson,
  storedSettlementToJson,
} from './store';
