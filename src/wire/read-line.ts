/**
 * Reading the lines of a printed settlement or reversal (specification §8): what every line
 * says of whose it is (its role, account, contract and percent) and the order the lines come
 * in. Shared by the reader of a printed settlement (./read-output) and the readers of the
 * stored forms (./read-stored).
 */
import {
  collect,
  type Fields,
  type Issues,
  optional,
  readEnum,
  readString,
  required,
} from '../_internal/fields';
import { domainError, type Path } from '../errors';
import type { Role } from '../settle/settlement';
import { type AccountId, accountIdOrError as accountId } from '../values/account';
import { type Percent, parsePercentOrError as parsePercent } from '../values/percent';

/** The roles of a line, in settlement order. */
export const ROLES: ReadonlyArray<Role> = ['platform', 'affiliate', 'cocreator', 'main-creator'];

const ROLE_RANK: Readonly<Record<Role, number>> = {
  platform: 0,
  affiliate: 1,
  cocreator: 2,
  'main-creator': 3,
};

/** What a line says of whose it is; a part that did not read is `undefined`, its problem reported. */
export interface LineIdentity {
  /** The line's role. */
  readonly role: Role | undefined;
  /** `null` on the platform line. */
  readonly account: AccountId | null | undefined;
  /** On cocreator lines. */
  readonly contractId: string | undefined;
  /** On affiliate and cocreator lines. */
  readonly percent: Percent | undefined;
}

/** How a reader reads the percent of an affiliate or cocreator line. */
export type LinePercentReader = (fields: Fields, path: Path, issues: Issues) => Percent | undefined;

/** A required percent field, parsed. */
export function readPercentField(
  fields: Fields,
  key: string,
  path: Path,
  issues: Issues,
): Percent | undefined {
  const value = required(fields, key, path, issues);
  return value === undefined ? undefined : collect(parsePercent(value, [...path, key]), issues);
}

/** The printed percent of a line: its `percent` field. */
export function readPrintedPercent(
  fields: Fields,
  path: Path,
  issues: Issues,
): Percent | undefined {
  return readPercentField(fields, 'percent', path, issues);
}

/** The line's account: none on the platform line (one there is reported), required on the others. */
function readAccount(
  fields: Fields,
  role: Role | undefined,
  path: Path,
  issues: Issues,
): AccountId | null | undefined {
  if (role === 'platform') {
    if (optional(fields, 'account') !== undefined) {
      issues.push(
        domainError('invalid_field', 'the platform line has no account', [...path, 'account']),
      );
    }
    return null;
  }
  const accountValue = required(fields, 'account', path, issues);
  return accountValue === undefined
    ? undefined
    : collect(accountId(accountValue, [...path, 'account']), issues);
}

/**
 * Reads a line's role, account, contract id (cocreator lines) and percent (affiliate and
 * cocreator lines, with `readPercent`), reporting each problem in that order.
 */
export function readLineIdentity(
  fields: Fields,
  path: Path,
  issues: Issues,
  readPercent: LinePercentReader,
): LineIdentity {
  const role = readEnum(required(fields, 'role', path, issues), ROLES, [...path, 'role'], issues);
  const account = readAccount(fields, role, path, issues);
  const contractId =
    role === 'cocreator' ? readString(fields, 'contractId', path, issues) : undefined;
  const percent =
    role === 'cocreator' || role === 'affiliate' ? readPercent(fields, path, issues) : undefined;
  return { role, account, contractId, percent };
}

/**
 * The frozen line of `identity`'s role, with `rest` (the amount, the exact share) after the
 * fields of its identity. Only for an identity read with no problem: every field its role
 * needs is there.
 */
export function lineOf<T extends object>(identity: LineIdentity, rest: T) {
  const account = identity.account as AccountId;
  switch (identity.role) {
    case 'platform':
      return Object.freeze({ role: 'platform' as const, account: null, ...rest });
    case 'affiliate':
      return Object.freeze({
        role: 'affiliate' as const,
        account,
        percent: identity.percent as Percent,
        ...rest,
      });
    case 'cocreator':
      return Object.freeze({
        role: 'cocreator' as const,
        account,
        contractId: identity.contractId as string,
        percent: identity.percent as Percent,
        ...rest,
      });
    default:
      return Object.freeze({ role: 'main-creator' as const, account, ...rest });
  }
}

/**
 * Reports lines out of settlement order: exactly one platform line, at most one affiliate
 * line, the cocreators, exactly one main-creator line, in that order.
 */
export function checkLineOrder(roles: ReadonlyArray<Role>, issues: Issues): void {
  const count = (r: Role) => roles.filter((x) => x === r).length;
  const ordered = roles.every((r, i) => i === 0 || ROLE_RANK[roles[i - 1] as Role] <= ROLE_RANK[r]);
  // In rank order with one platform line and one main-creator line, the platform line is
  // first and the main creator's last.
  if (
    !ordered ||
    count('platform') !== 1 ||
    count('main-creator') !== 1 ||
    count('affiliate') > 1
  ) {
    issues.push(
      domainError(
        'invalid_field',
        'lines must be: platform, affiliate (at most one), cocreators, main creator',
        ['lines'],
      ),
    );
  }
}
