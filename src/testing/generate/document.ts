/**
 * Whole `settle` documents that settle (specification §8), drawn from a tape: a policy, a
 * product, contract histories within the retention floor, a sale at a telling instant, and
 * refunds. Internal: the public arbitraries are in ../arbitraries.
 */
import type { SettleDocumentJson } from '../../wire/json';
import type { Tape } from '../tape';
import { type ContractModel, genBudgets, roomForContracts } from './contract';
import { genContract } from './history';
import { genPolicyModel, type PolicyChoice, type PolicyModel, policyJson } from './policy';
import { genProduct } from './product';
import { genRefunds, genSale } from './sale';
import { makeAccount } from './spelling';
import { gap, MS_PER_DAY, timeOfDay } from './time';

/** Options of the document generator. */
export interface DocumentOptions {
  readonly policy: PolicyChoice;
  readonly maxContracts?: number | undefined;
  readonly maxRefunds?: number | undefined;
}

const YEAR_2000 = Date.UTC(2000, 0, 1);

/** The product's side of its contracts: its id, its main creator, new accounts for cocreators. */
interface Parties {
  readonly productId: string;
  readonly mainCreator: string;
  readonly fresh: () => string;
}

/** A whole `settle` document that settles (specification §8). */
export function genDocument(tape: Tape, options: DocumentOptions): SettleDocumentJson {
  const pol = genPolicyModel(tape, options.policy);
  const writtenPolicy = policyJson(tape, pol);
  let accounts = 0;
  const fresh = () => {
    const account = makeAccount(tape, accounts);
    accounts += 1;
    return account;
  };
  const main = fresh();
  const prod = genProduct(tape, main);
  const parties: Parties = { productId: prod.json.id, mainCreator: main, fresh };
  const { start, contracts } = genContracts(tape, pol, parties, options.maxContracts ?? 4);
  const saleAt = genSaleInstant(tape, start, contracts);
  const s = genSale(tape, {
    policy: pol,
    productId: prod.json.id,
    productCommission: prod.commission,
    contracts,
    at: saleAt,
    fresh,
  });
  const refunds = genRefunds(tape, s, saleAt, Math.max(0, options.maxRefunds ?? 3));
  const omitPolicy = writtenPolicy === 'hotmart' && tape.oneIn(3);
  return {
    ...(omitPolicy ? (tape.oneIn(2) ? { policy: null } : {}) : { policy: writtenPolicy }),
    product: prod.json,
    contracts: contracts.map((c) => c.json),
    sale: s.json,
    ...(refunds.length > 0 || tape.oneIn(2) ? { refunds } : tape.oneIn(2) ? { refunds: null } : {}),
  };
}

/**
 * The product's contracts, as many as the policy has room for (at most `maxContracts`), each
 * within its budget, the first invited at `start` and each later one a gap after it.
 */
function genContracts(
  tape: Tape,
  pol: PolicyModel,
  parties: Parties,
  maxContracts: number,
): { readonly start: number; readonly contracts: ContractModel[] } {
  const room = roomForContracts(pol, Math.max(0, maxContracts));
  const count = room === 0 || tape.below(5) === 1 ? 0 : tape.int(1, room);
  const budgets = genBudgets(tape, pol, count);
  const start = YEAR_2000 + tape.int(0, 365 * 90) * MS_PER_DAY + timeOfDay(tape);
  const idStyle = tape.pick(['c', 'contract-', 'K']);
  const contracts = budgets.map((budget, index) =>
    genContract(tape, {
      policy: pol,
      productId: parties.productId,
      mainCreator: parties.mainCreator,
      cocreator: parties.fresh(),
      id: `${idStyle}${index + 1}`,
      start: start + (index === 0 ? 0 : gap(tape)),
      budget,
    }),
  );
  return { start, contracts };
}

/**
 * The sale's instant: anywhere around the histories, after them, inside a contract's active
 * window (where it most likely covers the sale), or right at (or 1 ms around) an event or an
 * expiry.
 */
function genSaleInstant(
  tape: Tape,
  start: number,
  contracts: ReadonlyArray<ContractModel>,
): number {
  const boundaries = [start, ...contracts.flatMap((c) => c.instants)];
  const last = Math.max(...boundaries, ...contracts.map((c) => c.lastAt));
  const [firstActive, ...otherActive] = contracts.filter((c) => c.acceptedAt !== null);
  switch (tape.below(6)) {
    case 1:
      return tape.int(start - MS_PER_DAY, last + 30 * MS_PER_DAY);
    case 2:
      return last + gap(tape);
    case 3:
    case 4:
    case 5:
      if (firstActive !== undefined) {
        // Inside a contract's active window, where it most likely covers the sale.
        const active = tape.pick([firstActive, ...otherActive]);
        const from = active.acceptedAt ?? start;
        const until = active.endedAt ?? last + 30 * MS_PER_DAY;
        return tape.int(from, Math.max(from, until - 1));
      }
      // Stryker disable next-line ArithmeticOperator: -1, 0 or 1 ms off either way is the same draw (contributing/mutation.md)
      return tape.pick([start, ...boundaries]) + tape.int(-1, 1);
    default:
      // Stryker disable next-line ArithmeticOperator: -1, 0 or 1 ms off either way is the same draw (contributing/mutation.md)
      return tape.pick([start, ...boundaries]) + tape.int(-1, 1);
  }
}
