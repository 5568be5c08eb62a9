/**
 * A ledger in the wire format's style (specification §8): amounts as decimal strings with
 * exactly their currency's decimals, percents in shortest form, so that a ledger can be
 * stored, sent to another machine and read back equal. Only the entries and conflicts are
 * printed; the rows are recomputed from the entries when the ledger is read.
 */

import { err, ok, type Result } from 'neverthrow';
import {
  collect,
  dense,
  type Fields,
  type Issues,
  nonEmpty,
  optional,
  pushAll,
  raw,
  readEnum,
  readId,
  readLenient,
  required,
} from '../_internal/fields';
import { unreadableErr } from '../_internal/unreadable';
import { type DomainErrors, domainError, type Path } from '../errors';
import {
  type Ledger,
  type LedgerConflict,
  type LedgerLine,
  type LedgerRecord,
  ledgerOfRecords,
} from '../ledger/ledger';
import type { Role } from '../settle/settlement';
import { accountIdOrError as accountId } from '../values/account';
import { type Currency, type CurrencyCode, currencyOrError as currency } from '../values/currency';
import { formatAmount, parseAmount } from '../values/money';
import { formatPercent, parsePercentOrError as parsePercent } from '../values/percent';
import { ROLES } from './read-line';

/** One line of a ledger entry on the wire. */
export interface LedgerLineJson {
  /** `platform`, `affiliate`, `cocreator` or `main-creator`. */
  readonly role: Role;
  /** Canonical; `null` for the platform. */
  readonly account: string | null;
  /** On cocreator lines only. */
  readonly contractId?: string;
  /** On affiliate and cocreator lines only, in shortest form. */
  readonly percent?: string;
  /** With exactly the currency's decimals; negative (or zero) on a reversal. */
  readonly amount: string;
}

/** One entry of a ledger on the wire: a settlement, or a reversal when `refundId` is there. */
export interface LedgerRecordJson {
  /** The sale's id. */
  readonly saleId: string;
  /** The refund's id, on reversals only. */
  readonly refundId?: string;
  /** The currency code. */
  readonly currency: string;
  /** The period the entry was counted in, `null` without periods. */
  readonly period: string | null;
  /** The entry's lines, in order. */
  readonly lines: ReadonlyArray<LedgerLineJson>;
}

/** One id seen with different lines, on the wire. */
export interface LedgerConflictJson {
  /** The sale's id. */
  readonly saleId: string;
  /** The refund's id, for reversals only. */
  readonly refundId?: string;
  /** At least two different versions, each with this conflict's ids. */
  readonly versions: ReadonlyArray<LedgerRecordJson>;
}

/** A ledger on the wire: its entries and its conflicts, in canonical order. */
export interface LedgerJson {
  /** The entries counted in the totals. */
  readonly entries: ReadonlyArray<LedgerRecordJson>;
  /** The ids seen with different lines, counted nowhere. */
  readonly conflicts: ReadonlyArray<LedgerConflictJson>;
}

function amountText(amount: bigint, code: CurrencyCode): string {
  // A ledger built by the library only holds known currencies; a forged one is printed in
  // minor units and refused when read back.
  return currency(code).match(
    (cur) => formatAmount(amount, cur),
    () => String(amount),
  );
}

function lineToJson(line: LedgerLine, code: CurrencyCode): LedgerLineJson {
  return Object.freeze({
    role: line.role,
    account: line.account,
    ...(line.contractId === null ? {} : { contractId: line.contractId }),
    ...(line.percent === null ? {} : { percent: line.percent }),
    amount: amountText(line.amount, code),
  });
}

function recordToJson(record: LedgerRecord): LedgerRecordJson {
  return Object.freeze({
    saleId: record.saleId,
    ...(record.refundId === null ? {} : { refundId: record.refundId }),
    currency: record.currency,
    period: record.period,
    lines: Object.freeze(record.lines.map((l) => lineToJson(l, record.currency))),
  });
}

function conflictToJson(conflict: LedgerConflict): LedgerConflictJson {
  return Object.freeze({
    saleId: conflict.saleId,
    ...(conflict.refundId === null ? {} : { refundId: conflict.refundId }),
    versions: Object.freeze(conflict.versions.map(recordToJson)),
  });
}

/**
 * Prints a ledger for storage or for another machine: its entries and conflicts with
 * amounts as decimal strings in their currency's decimals (reversal lines negative). The
 * rows are not printed: {@link parseLedgerJson} recomputes them from the entries.
 *
 * @param ledger - a ledger
 * @returns frozen JSON-ready data; `JSON.stringify` it to store it
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ledgerOf } from 'cocreation';
 * import { ledgerToJson, parseDocument, parseLedgerJson, settleDocument } from 'cocreation/wire';
 *
 * const result = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '10.00', currency: 'USD' }, platformFee: { amount: '1.00', currency: 'USD' } },
 *   refunds: [{ id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '5', currency: 'USD' } }],
 * })
 *   .andThen(settleDocument)
 *   .andThen(({ settlement, reversals }) => ledgerOf([settlement, ...reversals]));
 * if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 * const ledger = result.value;
 * const json = ledgerToJson(ledger);
 * assert.deepEqual(json.entries[1], {
 *   saleId: 's1', refundId: 'r1', currency: 'USD', period: null,
 *   lines: [
 *     { role: 'platform', account: null, amount: '-0.50' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '-4.50' },
 *   ],
 * });
 * const readBack = parseLedgerJson(JSON.parse(JSON.stringify(json)));
 * if (readBack.isErr()) throw new Error(readBack.error.map((e) => e.message).join('; '));
 * assert.deepEqual(readBack.value, ledger);
 * ```
 */
export function ledgerToJson(ledger: Ledger): LedgerJson {
  return Object.freeze({
    entries: Object.freeze(ledger.entries.map(recordToJson)),
    conflicts: Object.freeze(ledger.conflicts.map(conflictToJson)),
  });
}

function readList(value: unknown, path: Path, issues: Issues): ReadonlyArray<unknown> {
  if (Array.isArray(value)) return dense(value);
  issues.push(domainError('invalid_field', 'expected an array', path));
  return [];
}

/** Reads a line amount: ≥ 0 on a settlement, ≤ 0 (written with a `-`) on a reversal. */
function readLineAmount(
  value: unknown,
  cur: Currency,
  reversal: boolean,
  path: Path,
  issues: Issues,
): bigint | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && text.startsWith('-')) {
    if (!reversal) {
      issues.push(domainError('invalid_amount', 'a settlement line is never negative', path));
      return undefined;
    }
    const magnitude = collect(parseAmount(text.slice(1), cur, path), issues);
    return magnitude === undefined ? undefined : -magnitude;
  }
  const amount = collect(parseAmount(value, cur, path), issues);
  if (reversal && amount !== undefined && amount > 0n) {
    issues.push(domainError('invalid_amount', 'a reversal line is negative or zero', path));
    return undefined;
  }
  return amount;
}

/** A line's account: none on the platform line, required on the others (by a role that read). */
function readLineAccount(
  fields: Fields,
  role: Role | undefined,
  path: Path,
  issues: Issues,
): string | null | undefined {
  if (role === 'platform') {
    if (optional(fields, 'account') !== undefined) {
      issues.push(
        domainError('invalid_field', 'the platform line has no account', [...path, 'account']),
      );
    }
    return null;
  }
  // Whether the line needs an account depends on its role: a role that did not read is reported.
  if (role === undefined) return null;
  const accountValue = required(fields, 'account', path, issues);
  return accountValue === undefined
    ? null
    : collect(accountId(accountValue, [...path, 'account']), issues);
}

/** A field only lines of `roles` have: required on them, refused on the others. */
function readRoleField(
  fields: Fields,
  key: string,
  roles: ReadonlyArray<Role>,
  role: Role | undefined,
  path: Path,
  issues: Issues,
): unknown {
  const v = optional(fields, key);
  if (role === undefined) return undefined;
  if (roles.includes(role) && v === undefined) {
    issues.push(domainError('invalid_field', `"${key}" is required`, [...path, key]));
  } else if (!roles.includes(role) && v !== undefined) {
    issues.push(domainError('invalid_field', `a ${role} line has no ${key}`, [...path, key]));
  }
  return v;
}

function readLine(
  value: unknown,
  path: Path,
  cur: Currency | undefined,
  reversal: boolean,
  issues: Issues,
): LedgerLine | undefined {
  const before = issues.length;
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const role = readEnum(required(fields, 'role', path, issues), ROLES, [...path, 'role'], issues);
  const account = readLineAccount(fields, role, path, issues);
  const contractValue = readRoleField(fields, 'contractId', ['cocreator'], role, path, issues);
  const contractId =
    contractValue === undefined ? null : readId(contractValue, [...path, 'contractId'], issues);
  const percentValue = readRoleField(
    fields,
    'percent',
    ['affiliate', 'cocreator'],
    role,
    path,
    issues,
  );
  const percent =
    percentValue === undefined
      ? null
      : collect(parsePercent(percentValue, [...path, 'percent']), issues);
  const amountValue = required(fields, 'amount', path, issues);
  const amount =
    amountValue === undefined || cur === undefined
      ? undefined
      : readLineAmount(amountValue, cur, reversal, [...path, 'amount'], issues);
  if (issues.length > before || role === undefined || amount === undefined) return undefined;
  return {
    role,
    account: account as LedgerLine['account'],
    contractId: contractId ?? null,
    percent: percent === null || percent === undefined ? null : formatPercent(percent),
    amount,
  };
}

function readRecord(value: unknown, path: Path, issues: Issues): LedgerRecord | undefined {
  const before = issues.length;
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return undefined;
  const saleValue = optional(fields, 'saleId');
  if (saleValue === undefined) {
    issues.push(domainError('invalid_field', '"saleId" is required', [...path, 'saleId']));
  }
  const saleId = readId(saleValue, [...path, 'saleId'], issues);
  const refundValue = optional(fields, 'refundId');
  const refundId =
    refundValue === undefined ? null : readId(refundValue, [...path, 'refundId'], issues);
  const reversal = refundValue !== undefined;
  const code = optional(fields, 'currency');
  const cur =
    code === undefined ? undefined : collect(currency(code, [...path, 'currency']), issues);
  if (code === undefined) {
    issues.push(domainError('invalid_field', '"currency" is required', [...path, 'currency']));
  }
  const periodValue = raw(fields, 'period');
  if (periodValue !== undefined && periodValue !== null && typeof periodValue !== 'string') {
    issues.push(domainError('invalid_field', 'expected a string or null', [...path, 'period']));
  }
  const lines = readList(optional(fields, 'lines'), [...path, 'lines'], issues).map((line, i) =>
    readLine(line, [...path, 'lines', i], cur, reversal, issues),
  );
  if (issues.length > before) return undefined;
  return {
    kind: reversal ? 'reversal' : 'settlement',
    saleId: saleId as string,
    refundId: refundId ?? null,
    currency: (cur as Currency).code,
    period: typeof periodValue === 'string' ? periodValue : null,
    lines: lines as LedgerLine[],
  };
}

function readConflict(value: unknown, path: Path, issues: Issues): LedgerRecord[] {
  const fields = readLenient(value, path, issues);
  if (fields === undefined) return [];
  const saleId = optional(fields, 'saleId');
  const refundId = optional(fields, 'refundId') ?? null;
  const versions = readList(optional(fields, 'versions'), [...path, 'versions'], issues);
  if (versions.length < 2) {
    issues.push(
      domainError('invalid_field', 'a conflict has at least two versions', [...path, 'versions']),
    );
  }
  const records: LedgerRecord[] = [];
  versions.forEach((version, j) => {
    const at = [...path, 'versions', j];
    const record = readRecord(version, at, issues);
    if (record === undefined) return;
    if (record.saleId !== saleId) {
      issues.push(
        domainError('invalid_field', "a version has its conflict's saleId", [...at, 'saleId']),
      );
    } else if (record.refundId !== refundId) {
      issues.push(
        domainError('invalid_field', "a version has its conflict's refundId", [...at, 'refundId']),
      );
    } else records.push(record);
  });
  return records;
}

/**
 * Reads a ledger printed by {@link ledgerToJson} (or by another implementation of the same
 * shape) back into the equal {@link Ledger}: its rows are recomputed from the entries, each
 * record counted once. Every problem is reported with its path; unknown fields are ignored,
 * as specification §8 asks of readers.
 *
 * @param input - parsed JSON: `{ entries, conflicts }`
 * @returns the frozen {@link Ledger}, or every problem found
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ledgerTotal } from 'cocreation';
 * import { parseLedgerJson } from 'cocreation/wire';
 *
 * const ledger = parseLedgerJson({
 *   entries: [{ saleId: 's1', currency: 'BRL', period: '2026-03', lines: [
 *     { role: 'platform', account: null, amount: '1.00' },
 *     { role: 'main-creator', account: 'ana@example.com', amount: '9.00' },
 *   ] }],
 *   conflicts: [],
 * });
 * if (ledger.isErr()) throw new Error(ledger.error.map((e) => e.message).join('; '));
 * assert.equal(ledgerTotal(ledger.value, { currency: 'BRL', role: 'main-creator' }).net, 900n);
 * const bad = parseLedgerJson({ entries: [{ saleId: 's1', currency: 'BRL', period: null,
 *   lines: [{ role: 'platform', account: null, amount: '1.001' }] }], conflicts: [] });
 * if (bad.isOk()) throw new Error('expected an error');
 * assert.deepEqual(bad.error[0].path, ['entries', 0, 'lines', 0, 'amount']);
 * ```
 */
export function parseLedgerJson(input: unknown): Result<Ledger, DomainErrors> {
  try {
    return readLedgerJson(input);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link parseLedgerJson} answers when reading its input does not throw (it catches what does). */
function readLedgerJson(input: unknown): Result<Ledger, DomainErrors> {
  const issues: Issues = [];
  const fields = readLenient(input, [], issues);
  const records: LedgerRecord[] = [];
  if (fields !== undefined) {
    readList(optional(fields, 'entries'), ['entries'], issues).forEach((entry, i) => {
      const record = readRecord(entry, ['entries', i], issues);
      if (record !== undefined) records.push(record);
    });
    const conflicts = optional(fields, 'conflicts');
    // A ledger without conflicts may leave the list out.
    if (conflicts !== undefined) {
      readList(conflicts, ['conflicts'], issues).forEach((conflict, i) => {
        pushAll(records, readConflict(conflict, ['conflicts', i], issues));
      });
    }
  }
  const problems = nonEmpty(issues);
  if (problems !== undefined) return err(problems);
  return ok(ledgerOfRecords(records));
}
