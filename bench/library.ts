/**
 * The library's rows: the compiled settler (validate once, settle many), `settleSale`
 * (validate the policy, product and contracts on every call), and the bulk path
 * (`settleTotals`: a batch of sales straight into ledger rows, no settlement per sale). Imported as `cocreation`, which
 * scripts/bench.mjs resolves to the built package (dist/), so the figures are what users get.
 */
import {
  compileSettler,
  contract,
  type PayoutTotals,
  policy,
  product,
  type Sale,
  type Settlement,
  sale,
  settleSale,
  settleTotals,
  validateDomain,
} from 'cocreation';
import type { Fixture, Split } from './fixtures';

/** Settles one parsed sale, returning the settlement (or throwing: the fixtures are valid). */
export type LibrarySettle = (sale: Sale) => Settlement;

/** Settles a batch of sales straight into totals (`settleTotals`), throwing on any refusal. */
export type LibraryTotals = (sales: ReadonlyArray<Sale>) => PayoutTotals;

/** Both library competitors for one fixture, its sales as library values, and the bulk path. */
export interface LibraryRows {
  readonly sales: ReadonlyArray<Sale>;
  readonly compiled: LibrarySettle;
  readonly settleSale: LibrarySettle;
  /** `settleTotals` with the sale ids checked (the default). */
  readonly totals: LibraryTotals;
  /** `settleTotals` with `distinctIds: true`: the caller vouches that no id repeats. */
  readonly totalsDistinct: LibraryTotals;
}

function allSettled(totals: PayoutTotals): PayoutTotals {
  if (totals.refused.length > 0 || totals.conflicts.length > 0) {
    throw new Error(`bench fixture: settleTotals refused ${JSON.stringify(totals.refused[0])}`);
  }
  return totals;
}

interface ResultLike<T> {
  isOk(): boolean;
  readonly value?: T;
  readonly error?: unknown;
}

function unwrap<T>(result: ResultLike<T>, what: string): T {
  if (!result.isOk()) {
    throw new Error(`bench fixture: ${what} refused: ${JSON.stringify(result.error)}`);
  }
  return result.value as T;
}

/**
 * Builds the library's values from the fixture's wire JSON and prepares both rows.
 *
 * @param fixture - the fixture
 * @returns the parsed sales and the two settle functions
 */
export function libraryRows(fixture: Fixture): LibraryRows {
  const pol = unwrap(policy('hotmart'), 'policy');
  const prod = unwrap(product(fixture.productJson), 'product');
  const contracts = fixture.contractsJson.map((c, i) => unwrap(contract(c), `contract ${i}`));
  const sales = fixture.salesJson.map((s, i) => unwrap(sale(s), `sale ${i}`));
  const domain = unwrap(validateDomain({ policy: pol, product: prod, contracts }), 'domain');
  const settler = compileSettler(domain);
  return {
    sales,
    compiled: (s) => unwrap(settler.settle(s), 'compiled settle'),
    settleSale: (s) => unwrap(settleSale(pol, prod, contracts, s), 'settleSale'),
    totals: (batch) => allSettled(unwrap(settleTotals(settler, batch), 'settleTotals')),
    totalsDistinct: (batch) =>
      allSettled(unwrap(settleTotals(settler, batch, { distinctIds: true }), 'settleTotals')),
  };
}

/** A settlement as a comparable {@link Split}: fee, affiliate (0 when none), cocreators, main. */
export function librarySplit(settlement: Settlement): Split {
  let fee = 0n;
  let affiliate = 0n;
  let main = 0n;
  const cocreators: bigint[] = [];
  for (const line of settlement.lines) {
    if (line.role === 'platform') fee = line.amount;
    else if (line.role === 'affiliate') affiliate = line.amount;
    else if (line.role === 'cocreator') cocreators.push(line.amount);
    else main = line.amount;
  }
  return [fee, affiliate, ...cocreators, main];
}
