/**
 * The three invariants of the design as validators a platform can call on its own data: the
 * retention floor over a product's contracts at an instant, affiliate permission for a sale,
 * and term expiry at an instant (specification §§3 and 4.6). Each asks the checks the library
 * already runs when it validates a domain or settles a sale; none states a rule a second time.
 */

import { err, ok, type Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import { statusAt } from '../contracts/queries';
import type { CocreationContract } from '../contracts/types';
import { type DomainError, type DomainErrors, domainError, type ErrorCode } from '../errors';
import { maxReservedPercent } from '../model/policy';
import type { Sale } from '../model/sale';
import { checkDomain, type DomainCheck, type DomainInput } from '../validate/domain';
import { reservedTotalAt } from '../validate/queries';
import { formatInstant, type Instant, isInstantValue } from '../values/instant';
import { comparePercent, formatPercent, type Percent } from '../values/percent';
import { settleStages } from './stages';

function asErrors(problems: ReadonlyArray<DomainError>): DomainErrors {
  return Object.freeze([...problems]) as unknown as DomainErrors;
}

/**
 * The problems that keep a domain from having timelines: stage 1 and rows 2a and 2b of
 * specification §7. The rules across contracts (2c) are left to each validator.
 */
function historyProblems(checked: DomainCheck): DomainError[] {
  return [...checked.reading, ...checked.mismatches, ...checked.histories];
}

function instantProblem(t: unknown): DomainError | null {
  return isInstantValue(t)
    ? null
    : domainError('invalid_instant', 'expected an instant from instant() or parseInstant()', [
        'at',
      ]);
}

/**
 * The retention floor at one instant (specification §4.1): the percents the
 * product's live contracts reserve at `t` (each the larger of its percent in force and a
 * pending amendment's) sum to at most `100 - minRetainedPercent` of the policy.
 * `validateDomain` checks the floor at every event that can raise the sum; this answers it
 * for any instant, for contracts as a platform stores them.
 *
 * @param parts - `{ policy, product, contracts }`, as `validateDomain` takes them
 * @param t - the instant asked about
 * @returns the sum reserved at `t`, or `retention_floor_violated` (at `['contracts']`, with
 *   `reservedPercent` and `maxPercent`); the problems of the parts when a contract's history
 *   cannot be read (as `validateDomain` reports them); `invalid_instant` at `['at']` when `t`
 *   is not an instant
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, type DomainErrors, formatPercent, parseInstant, product, validateRetentionFloor } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const course = valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' }));
 * const offer = (id: string, cocreator: string, percent: string) =>
 *   valueOrThrow(contract({ id, productId: 'p1', cocreator, events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent } },
 *   ] }));
 * const t = valueOrThrow(parseInstant('2026-02-01T00:00:00Z'));
 *
 * const fine = validateRetentionFloor({ policy: POLICIES.hotmart, product: course, contracts: [offer('c1', 'bia@example.com', '20')] }, t);
 * if (fine.isErr()) throw new Error(fine.error.map((e) => e.message).join('; '));
 * assert.equal(formatPercent(fine.value), '20');
 *
 * // Hotmart keeps at least 30 % for the main creator: 40 + 35 = 75 is over the 70 % cap.
 * const over = validateRetentionFloor({ policy: POLICIES.hotmart, product: course, contracts: [
 *   offer('c1', 'bia@example.com', '40'), offer('c2', 'caio@example.com', '35'),
 * ] }, t);
 * if (over.isOk()) throw new Error('expected an error');
 * const [first] = over.error;
 * assert.equal(first.code, 'retention_floor_violated');
 * assert.equal(first.code === 'retention_floor_violated' && first.reservedPercent, '75');
 * ```
 *
 * @group Contracts and their lifecycle
 */
export function validateRetentionFloor(
  parts: DomainInput,
  t: Instant,
): Result<Percent, DomainErrors> {
  try {
    return checkRetentionFloor(parts, t);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link validateRetentionFloor} answers when reading its input does not throw (it catches what does). */
function checkRetentionFloor(parts: DomainInput, t: Instant): Result<Percent, DomainErrors> {
  const badInstant = instantProblem(t);
  if (badInstant !== null) return err(asErrors([badInstant]));
  const checked = checkDomain(parts);
  const problems = historyProblems(checked);
  if (problems.length > 0 || checked.timelines === null) return err(asErrors(problems));
  const cap = maxReservedPercent(checked.policy as NonNullable<DomainCheck['policy']>);
  const reserved = reservedTotalAt(checked.timelines, t);
  if (comparePercent(reserved, cap) <= 0) return ok(reserved);
  return err(
    asErrors([
      domainError(
        'retention_floor_violated',
        `the product's live contracts reserve ${formatPercent(reserved)} % at ${formatInstant(t)}, above the ${formatPercent(cap)} % that the policy's retention floor leaves`,
        ['contracts'],
        { reservedPercent: formatPercent(reserved), maxPercent: formatPercent(cap) },
      ),
    ]),
  );
}

const AFFILIATE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'product_mismatch',
  'self_affiliation',
  'affiliate_not_permitted',
  'affiliates_not_allowed',
]);

/**
 * Affiliate permission for a sale (specification §4.6): a sale's affiliate is not
 * the product's main creator (`self_affiliation`), is not a cocreator whose contract covers
 * the sale unless its terms in force allow it (`affiliate_not_permitted`), and a sale a
 * contract covers has an affiliate only when the policy allows affiliates on cocreated
 * products (`affiliates_not_allowed`). A direct sale (no affiliate) always passes. These are
 * the checks `settleSale` runs, and only these: the fee and the amounts are not looked at.
 *
 * @param parts - `{ policy, product, contracts }`, as `validateDomain` takes them
 * @param sale - the sale, from `sale()`
 * @returns nothing when the affiliate is allowed, or every problem: the three above (at `['sale', 'affiliate', ...]`),
 *   `product_mismatch` for a sale of another product, and the problems of the parts or the
 *   sale that keep the rule from being judged, as `settleSale` reports them
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, type DomainErrors, product, sale, validateAffiliatePermission } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const parts = {
 *   policy: POLICIES.hotmart,
 *   product: valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' })),
 *   contracts: [valueOrThrow(contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com', terms: { percent: '20' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ] }))],
 * };
 * const soldBy = (account: string) => valueOrThrow(sale({
 *   id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *   price: { amount: '100.00', currency: 'BRL' }, affiliate: { account, percent: '10' },
 * }));
 * const verdict = (account: string) =>
 *   validateAffiliatePermission(parts, soldBy(account)).match(() => 'allowed', (errors) => errors[0].code);
 *
 * assert.equal(verdict('leo@example.com'), 'allowed');
 * // Bia's terms do not allow her to sell as an affiliate too.
 * assert.equal(verdict('bia@example.com'), 'affiliate_not_permitted');
 * assert.equal(verdict('ana@example.com'), 'self_affiliation');
 * ```
 *
 * @group Settling
 */
export function validateAffiliatePermission(
  parts: DomainInput,
  sale: Sale,
): Result<void, DomainErrors> {
  try {
    return checkAffiliatePermission(parts, sale);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link validateAffiliatePermission} answers when reading its input does not throw (it catches what does). */
function checkAffiliatePermission(parts: DomainInput, sale: Sale): Result<void, DomainErrors> {
  const checked = checkDomain(parts);
  if (checked.reading.length > 0) return err(asErrors(checked.reading));
  const stages = settleStages(
    parts.policy,
    parts.product,
    parts.contracts as ReadonlyArray<CocreationContract>,
    sale,
  );
  if (stages.settlement !== null) return ok(undefined);
  const problems = stages.reading
    ? stages.problems
    : [
        ...historyProblems(checked),
        ...stages.problems.filter((p) => AFFILIATE_CODES.has(p.code) && p.path[0] === 'sale'),
      ];
  return problems.length > 0 ? err(asErrors(problems)) : ok(undefined);
}

/**
 * Term expiry at an instant (specification §3.2: expiry): a contract whose terms in force
 * carry an `endsAt` stops covering sales at that instant; at or after it the contract is
 * expired and pays nothing. Other ends (declined, withdrawn, cancelled) are not an expiry.
 *
 * @param parts - `{ policy, product, contracts }`, as `validateDomain` takes them
 * @param contractId - the id of one of `contracts`
 * @param t - the instant asked about
 * @returns the contract when its term has not run out at `t`, or `term_already_expired` (at
 *   `['contracts', i]`); `invalid_field` at `['contractId']` when no contract of the product
 *   has that id; the problems of the parts when a contract's history cannot be read (as
 *   `validateDomain` reports them); `invalid_instant` at `['at']` when `t` is not an instant
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, contract, type DomainErrors, parseInstant, product, validateTermAt } from 'cocreation';
 * import type { Result } from 'neverthrow';
 *
 * // For inputs this code writes itself: an error there is a bug, so it throws.
 * function valueOrThrow<T>(result: Result<T, DomainErrors>): T {
 *   if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
 *   return result.value;
 * }
 *
 * const parts = {
 *   policy: POLICIES.hotmart,
 *   product: valueOrThrow(product({ id: 'p1', mainCreator: 'ana@example.com' })),
 *   contracts: [valueOrThrow(contract({ id: 'c1', productId: 'p1', cocreator: 'bia@example.com', events: [
 *     { type: 'invited', at: '2026-01-01T00:00:00Z', by: 'ana@example.com',
 *       terms: { percent: '20', endsAt: '2027-01-01T00:00:00Z' } },
 *     { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
 *   ] }))],
 * };
 * const termAt = (at: string) =>
 *   validateTermAt(parts, 'c1', valueOrThrow(parseInstant(at))).match((c) => `${c.id} runs`, (errors) => errors[0].code);
 * assert.equal(termAt('2026-12-31T23:59:59Z'), 'c1 runs');
 * // The term ends at its endsAt: from that instant on, the contract is expired.
 * assert.equal(termAt('2027-01-01T00:00:00Z'), 'term_already_expired');
 * ```
 *
 * @group Contracts and their lifecycle
 */
export function validateTermAt(
  parts: DomainInput,
  contractId: string,
  t: Instant,
): Result<CocreationContract, DomainErrors> {
  try {
    return checkTermAt(parts, contractId, t);
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/** What {@link validateTermAt} answers when reading its input does not throw (it catches what does). */
function checkTermAt(
  parts: DomainInput,
  contractId: string,
  t: Instant,
): Result<CocreationContract, DomainErrors> {
  const badInstant = instantProblem(t);
  if (badInstant !== null) return err(asErrors([badInstant]));
  const checked = checkDomain(parts);
  const problems = historyProblems(checked);
  if (problems.length > 0 || checked.timelines === null) return err(asErrors(problems));
  const timeline = checked.timelines.find((t) => t.contract.id === contractId);
  if (timeline === undefined || typeof contractId !== 'string') {
    return err(
      asErrors([
        domainError(
          'invalid_field',
          typeof contractId === 'string'
            ? `no contract of product ${JSON.stringify(checked.product?.id)} has the id ${JSON.stringify(contractId)}`
            : 'expected a contract id (a string)',
          ['contractId'],
        ),
      ]),
    );
  }
  if (statusAt(timeline, t) !== 'expired') return ok(timeline.contract);
  return err(
    asErrors([
      domainError(
        'term_already_expired',
        `the term of contract ${JSON.stringify(contractId)} ended at ${formatInstant(timeline.endedAt as Instant)}, not after ${formatInstant(t)}`,
        [
          'contracts',
          (parts.contracts as ReadonlyArray<CocreationContract>).findIndex(
            (c) => c.id === contractId,
          ),
        ],
      ),
    ]),
  );
}
