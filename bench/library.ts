/**
 * The library's two rows: the compiled settler (validate once, settle many) and `settleSale`
 * (validate the policy, product and contracts on every call). Imported as `cocreation`, which
 * scripts/bench.mjs resolves to the built package (dist/), so the figures are what users get.
 */
import {
  compileSettler,
  contract,
  policy,
  product,
  type Sale,
  type Settlement,
  sale,
  settleSale,
  validateDomain,
} from 'cocreation';
import type { Fixture, Split } from './fixtures';

/** Settles one parsed sale, returning the settlement (or throwing: the fixtures are valid). */
export type LibrarySettle = (sale: Sale) => Settlement;

/** Both library competitors for one fixture, and its sales as library values. */
export interface LibraryRows {
  readonly sales: ReadonlyArray<Sale>;
  readonly compiled: LibrarySettle;
  readonly settleSale: LibrarySettle;
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
