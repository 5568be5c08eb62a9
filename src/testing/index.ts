/**
 * `cocreation/testing`: fast-check arbitraries of valid (and malformed) wire-shaped inputs,
 * and a party-by-party comparison of settlements, for test suites that check a platform's
 * split against the oracle. It needs `fast-check` 4, an optional peer dependency
 * (`npm install --save-dev fast-check`).
 */
export {
  type ContractHistoryOptions,
  contractHistoryJson,
  type DocumentJsonOptions,
  documentJson,
  productJson,
  type SaleJsonOptions,
  saleJson,
  validPolicyJson,
} from './arbitraries';
export {
  type ComparableLine,
  type ComparableSettlement,
  type CurrencyValue,
  diffSettlements,
  type PercentValue,
  type SettlementDifference,
} from './diff';
export { type Corruption, type MalformedDocument, malformedDocument } from './malformed';
