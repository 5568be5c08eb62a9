/**
 * Settling one sale from its parts (specification §§5 and 7): the domain is checked in the
 * stages of §7, the sale read, and, when nothing is wrong, the validated domain is compiled
 * for this one sale and settled through the compiled settler's split.
 */

import { err, ok, type Result } from 'neverthrow';
import { unreadableErr } from '../_internal/unreadable';
import type { CocreationContract } from '../contracts/types';
import type { DomainError, DomainErrors } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Sale } from '../model/sale';
import { checkDomain, type Domain } from '../validate/domain';
import { compileRun, settleOne, trusted } from './compile';
import { compileCovers, scanLookup } from './covers';
import { feeFactors } from './fee';
import { asErrors, saleRuleIssues, saleStageOne } from './rules';
import type { Settlement } from './settlement';

/**
 * Validates a domain and settles one sale in it (specification §5): the platform fee (given,
 * or from the policy's schedule rounded half up), the affiliate's commission on the net,
 * each covering contract's share of the base rounded toward zero, and the rest to the main
 * creator. Lines come in the order platform, affiliate, cocreators (in contract order), main
 * creator, and sum to the price exactly.
 *
 * Checks in the stages of specification §7: first what stage 1 reads (values built by hand,
 * contract ids used twice, an affiliate percent out of range or missing), and only when that
 * holds every problem of rows 2a to 2e together, in this order: 2a (`product_mismatch` of
 * each contract of another product, which is then left out of every other rule, then of the
 * sale; `currency_mismatch` of a fee in another currency, which is then not compared with the
 * price), 2b (each history), 2c (the rules across contracts, when every history of this
 * product is valid), 2d (`fee_exceeds_price`, and `self_affiliation` when the sale is for this
 * product), 2e (the affiliate rules over the covering contracts, when every history is valid
 * and the sale is for this product, whether or not 2c holds).
 *
 * @param policy - the platform policy, from `policy`
 * @param product - the product, from `product`
 * @param contracts - the product's contracts, with their whole histories
 * @param sale - the sale, from `sale()`
 * @returns the frozen {@link Settlement}, or every problem: the domain's (at `['policy']`,
 *   `['product']`, `['contracts', i, ...]`) and the sale's (at `['sale', ...]`)
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, product, sale, settleSale } from 'cocreation';
 *
 * const settlement = product({ id: 'p1', mainCreator: 'ana@example.com' }).andThen((course) =>
 *   sale({
 *     id: 's1',
 *     productId: 'p1',
 *     at: '2026-03-01T12:00:00Z',
 *     price: { amount: '100.00', currency: 'USD' },
 *     platformFee: { amount: '10.40', currency: 'USD' },
 *     affiliate: { account: 'leo@example.com', percent: '35' },
 *   }).andThen((s1) => settleSale(POLICIES.hotmart, course, [], s1)),
 * );
 * if (settlement.isErr()) throw new Error(settlement.error.map((e) => e.message).join('; '));
 * assert.deepEqual(
 *   settlement.value.lines.map((l) => [l.role, l.amount]),
 *   [['platform', 1040n], ['affiliate', 3136n], ['main-creator', 5824n]],
 * );
 * ```
 */
export function settleSale(
  policy: Policy,
  product: Product,
  contracts: ReadonlyArray<CocreationContract>,
  sale: Sale,
): Result<Settlement, DomainErrors> {
  try {
    const outcome = settleStages(policy, product, contracts, sale);
    return outcome.settlement !== null ? ok(outcome.settlement) : err(asErrors(outcome.problems));
  } catch (cause) {
    return unreadableErr(cause);
  }
}

/**
 * What the stages of specification §7 make of a product, its contracts and a sale. Not part of the
 * package API: `settleSale` and `settleDocument` share it.
 *
 * @internal
 */
export interface SaleStages {
  /** Whether stage 1 (reading) found a problem: then `problems` are stage 1's alone. */
  readonly reading: boolean;
  /**
   * Every problem found, in this order: stage 1 alone when it found any; else row 2a (each
   * contract's, then the sale's), 2b, 2c, 2d and 2e, each in document order.
   */
  readonly problems: ReadonlyArray<DomainError>;
  /** The settlement, when no problem was found. */
  readonly settlement: Settlement | null;
}

/**
 * Runs stage 1 and rows 2a to 2e of specification §7 over a product, its contracts and a sale, and
 * settles the sale when nothing is wrong.
 *
 * @internal
 */
export function settleStages(
  policy: Policy,
  product: Product,
  contracts: ReadonlyArray<CocreationContract>,
  sale: Sale,
): SaleStages {
  const checked = checkDomain({ policy, product, contracts });
  if (checked.domain !== null) {
    const domain = checked.domain;
    const settled = settleOne(compileRun(domain, scanLookup), domain.policy, sale);
    if (settled.isOk()) return { reading: false, problems: [], settlement: settled.value };
    // The run answers a sale that stage 1 refuses with stage 1's problems alone (its shape,
    // then its affiliate percent), so only a refused sale is read a second time, to tell.
    const reading = saleStageOne(domain.product, sale).length > 0;
    return { reading, problems: settled.error, settlement: null };
  }
  const saleReading = saleStageOne(checked.product ?? product, sale);
  if (checked.reading.length > 0 || saleReading.length > 0) {
    return { reading: true, problems: [...checked.reading, ...saleReading], settlement: null };
  }
  const timelines = checked.timelines;
  const covers = timelines === null ? null : compileCovers(timelines, scanLookup).lookup(sale.at);
  const rulesPolicy = checked.policy as Policy;
  const { mismatches, rules } = saleRuleIssues(
    rulesPolicy,
    checked.product as Product,
    feeFactors(rulesPolicy),
    sale,
    covers,
  );
  return {
    reading: false,
    problems: [
      ...checked.mismatches,
      ...mismatches,
      ...checked.histories,
      ...checked.across,
      ...rules,
    ],
    settlement: null,
  };
}

/**
 * Settles a sale against an already validated domain: the domain compiled for this one sale
 * (its contracts looked up by scanning their histories, no instant index); prefer
 * `compileSettler` for many sales of one product.
 *
 * @param domain - a validated domain, from `validateDomain` (any other value typed as one is
 *   validated first, and refused with `validateDomain`'s errors)
 * @param sale - the sale, from `sale()`
 * @returns the frozen {@link Settlement}, or the sale's stage-1 problems (the shape errors of
 *   a hand-built sale, `invalid_field` for an affiliate without a percent,
 *   `percent_out_of_range`), else every sale-level problem of stage 2: `product_mismatch`,
 *   `currency_mismatch` (a fee in another currency), `fee_exceeds_price`,
 *   `self_affiliation`, `affiliate_not_permitted`, `affiliates_not_allowed`
 *
 * @internal Not part of the package API since 0.2.0.
 */
export function settleWithDomain(domain: Domain, sale: Sale): Result<Settlement, DomainErrors> {
  const validated = trusted(domain);
  if (validated.isErr()) return err(validated.error);
  return settleOne(compileRun(validated.value, scanLookup), validated.value.policy, sale);
}
