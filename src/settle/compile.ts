/**
 * The compiled settler (specification §5): a validated domain is compiled once (its covering
 * contracts indexed by instant, every percent as an integer factor, the fee schedule's
 * factors), then each sale costs its shape check, step 2 (the fee), one lookup, the rules as
 * one quick yes (the errors are built only for a sale that may break one), and the split of
 * steps 3 to 7 into a sink. Every settling path of the library runs here: `settleSale` and
 * `settleDocument` compile the domain they validated for their one sale.
 */
import { err, ok, type Result } from 'neverthrow';
import { isBuilt } from '../_internal/provenance';
import { unreadableErr } from '../_internal/unreadable';
import type { DomainErrors } from '../errors';
import type { Policy } from '../model/policy';
import type { Product } from '../model/product';
import type { Sale } from '../model/sale';
import { type Domain, validateDomain } from '../validate/domain';
import { sameCurrency } from '../values/currency';
import {
  type CoverLookup,
  compileCovers,
  type Entry,
  indexedLookup,
  type LookupBuilder,
} from './covers';
import { type FeeFactors, feeFactors, feeOf, feeOriginOf } from './fee';
import {
  affiliateMayPass,
  asErrors,
  saleReadingIssues,
  saleRuleIssues,
  saleShapeIssues,
} from './rules';
import type { Settlement } from './settlement';
import { LineSink, type SplitSink } from './sink';
import { type SplitPlan, splitPlan, splitSale } from './split';

/** Settles many sales of one product against a domain validated once. */
export interface Settler {
  /** The domain it was compiled from. */
  readonly domain: Domain;
  /**
   * Settles one sale; the same result as `settleSale` on the domain's parts.
   *
   * @param sale - the sale, from `sale()`
   * @returns the frozen {@link Settlement}, or every sale-level problem
   */
  settle(sale: Sale): Result<Settlement, DomainErrors>;
}

/**
 * Runs one sale through a settler's checks and split into a sink: its problems (exactly
 * those `settle` refuses it with), or `null` once the sink had its lines.
 *
 * @internal
 */
export type SaleRun = (sale: Sale, sink: SplitSink) => DomainErrors | null;

/** The run of each settler {@link compileSettler} made. */
const RUNS = new WeakMap<Settler, SaleRun>();

/**
 * A settler {@link compileSettler} made: `settler` itself when this copy of the library made
 * it, else one compiled from its `domain`, which is validated like any domain. Not part of
 * the package API.
 *
 * @internal
 */
export function compiledSettler(settler: Settler): Settler {
  if (RUNS.has(settler)) return settler;
  return compileSettler((settler as Partial<Settler> | null | undefined)?.domain as Domain);
}

/**
 * The run of a settler, through {@link compiledSettler}. Not part of the package API.
 *
 * @internal
 */
export function saleRunOf(settler: Settler): SaleRun {
  return RUNS.get(compiledSettler(settler)) as SaleRun;
}

/** Past this many (breakpoint × contract) checks the instant index is not built. */
const MAX_INDEX_WORK = 1 << 22;

/**
 * Compiles a validated domain into a settler for many sales of its product. Everything that
 * does not depend on the sale is done once: an index from instants to the contracts that
 * cover them (one binary search per sale), each percent as an integer factor at one common
 * scale, the fee schedule's factors. Each sale then costs O(k) in the number of covering
 * contracts, in safe-integer `number` arithmetic (`bigint` for any product past 2^53), with
 * no decimal parsing. `settleSale` and `settleDocument` settle through the same split.
 *
 * @param domain - a validated domain, from `validateDomain` (any other value typed as one is
 *   validated first; when it is refused, every sale is answered with `validateDomain`'s errors)
 * @returns a {@link Settler}
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { POLICIES, compileSettler, product, sale, validateDomain } from 'cocreation';
 *
 * const domain = product({ id: 'p1', mainCreator: 'ana@example.com' }).andThen((course) =>
 *   validateDomain({ policy: POLICIES.hotmart, product: course, contracts: [] }),
 * );
 * if (domain.isErr()) throw new Error(domain.error.map((e) => e.message).join('; '));
 * const settler = compileSettler(domain.value);
 * for (const amount of ['1.00', '2.50']) {
 *   const settled = sale({
 *     id: `s-${amount}`,
 *     productId: 'p1',
 *     at: '2026-03-01T12:00:00Z',
 *     price: { amount, currency: 'BRL' },
 *   }).andThen((s) => settler.settle(s));
 *   if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 *   assert.equal(settled.value.lines.at(-1)?.amount, settled.value.price);
 * }
 * ```
 */
export function compileSettler(domain: Domain): Settler {
  return compileWith(domain, MAX_INDEX_WORK);
}

/**
 * {@link compileSettler} with a bound on the work spent building the instant index; past it,
 * each sale looks up every contract's history instead. Not part of the package API: lets tests
 * take both roads.
 *
 * @internal
 */
export function compileWith(domain: Domain, maxIndexWork: number): Settler {
  const validated = trusted(domain);
  if (validated.isOk()) {
    const { policy } = validated.value;
    const run = compileRun(validated.value, indexedLookup(maxIndexWork));
    const settler: Settler = Object.freeze({
      domain,
      settle: (sale: Sale) => settleOne(run, policy, sale),
    });
    RUNS.set(settler, run);
    return settler;
  }
  const problems = validated.error;
  const refused = err(problems);
  const settler: Settler = Object.freeze({ domain, settle: () => refused });
  RUNS.set(settler, () => problems);
  return settler;
}

/**
 * The domain itself when {@link validateDomain} made it, else the result of validating it now:
 * a value typed as a `Domain` but built around the type system (or by another copy of this
 * library) is checked like any input, never trusted. Not part of the package API.
 *
 * @internal
 */
export function trusted(domain: Domain): Result<Domain, DomainErrors> {
  return isBuilt(domain) ? ok(domain) : validateDomain(domain);
}

/** A compiled domain: everything its sales share. */
interface Compiled {
  readonly policy: Policy;
  readonly product: Product;
  readonly fees: FeeFactors;
  readonly lookup: CoverLookup;
  readonly plan: SplitPlan;
}

/**
 * Compiles a validated domain (trusted: from {@link trusted}) into its {@link SaleRun}, its
 * covering contracts looked up as `lookupOf` builds it (an index for many sales, a scan for
 * one). Not part of the package API.
 *
 * @internal
 */
export function compileRun(domain: Domain, lookupOf: LookupBuilder): SaleRun {
  const { policy, product, timelines } = domain;
  const covers = compileCovers(timelines, lookupOf);
  const compiled: Compiled = {
    policy,
    product,
    fees: feeFactors(policy),
    lookup: covers.lookup,
    plan: splitPlan(product, covers),
  };
  return (sale, sink) => runSale(compiled, sale, sink);
}

/**
 * Settles one sale through a run into a fresh {@link LineSink}: a sink per call, so that no
 * state is shared between calls (a getter of a hand-built sale could settle another sale in
 * the middle of this one). Not part of the package API.
 *
 * @internal
 */
export function settleOne(
  run: SaleRun,
  policy: Policy,
  sale: Sale,
): Result<Settlement, DomainErrors> {
  const lines = new LineSink(policy);
  let problems: DomainErrors | null;
  // Once per sale, around the whole run and never inside the split's loops: free when nothing
  // throws, and a sale built in JavaScript whose getters or Proxy traps throw is answered, not
  // thrown (docs/decisions.md, "Never throwing").
  try {
    problems = run(sale, lines);
  } catch (cause) {
    return unreadableErr(cause);
  }
  return problems === null ? ok(lines.settlement()) : err(problems);
}

/**
 * Everything a sale costs, once: its shape, step 2 (the fee), the covering contracts, the
 * rules, then steps 3 to 7 into `sink`. Returns the sale's problems (exactly what `settle`
 * refuses it with), else `null` once the sink has its lines (or declined them).
 */
function runSale(c: Compiled, sale: Sale, sink: SplitSink): DomainErrors | null {
  const shape = saleShapeIssues(sale);
  if (shape !== undefined) return shape;
  const fee = feeOf(c.fees, sale);
  const covering = c.lookup(sale.at);
  // Only a sale that may break a rule pays for building the list of problems.
  if (mayBreakRule(c, sale, fee, covering)) {
    const problems = saleProblems(c, sale, covering);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: after the pre-checks, a rule is always broken here
    if (problems !== null) return problems;
  }
  if (!sink.start(sale, fee, feeOriginOf(c.fees, sale))) return null;
  splitSale(c.plan, sale, fee, covering, sink);
  return null;
}

/** The sale rules as one quick answer, without building any error: `true` when one may fail. */
function mayBreakRule(
  c: Compiled,
  sale: Sale,
  fee: bigint,
  covering: ReadonlyArray<Entry>,
): boolean {
  const affiliate = sale.affiliate;
  const given = sale.platformFee;
  return (
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a pre-check; saleRuleIssues checks the same rules itself (contributing/mutation.md)
    fee > sale.price.amount ||
    sale.productId !== c.product.id ||
    (given !== null && !sameCurrency(given.currency, sale.price.currency)) ||
    (affiliate !== null && !affiliateMayPass(c.policy, c.product, affiliate, covering))
  );
}

/** Stage 1's reading of the sale, else rows 2a, 2d and 2e: its problems, or `null`. */
function saleProblems(
  c: Compiled,
  sale: Sale,
  covering: ReadonlyArray<Entry>,
): DomainErrors | null {
  const reading = saleReadingIssues(c.product, sale);
  if (reading.length > 0) return asErrors(reading);
  const { mismatches, rules } = saleRuleIssues(c.policy, c.product, c.fees, sale, covering);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: after the pre-checks, a rule is always broken here
  return mismatches.length + rules.length > 0 ? asErrors([...mismatches, ...rules]) : null;
}
