/**
 * Sales and refunds drawn by the generators: a sale the product, policy and contracts allow
 * (specification §§4.6 and 5), and refunds in order that total at most its price (§6).
 * Internal to the testing kit.
 */
import type { RefundJson, SaleAffiliateJson, SaleJson } from '../../wire/json';
import type { Tape } from '../tape';
import { type ContractModel, coveringTerms } from './contract';
import type { PolicyModel } from './policy';
import { genAffiliatePercent } from './product';
import { money, spellAccount, spellInstant, spellPercent } from './spelling';
import { gap } from './time';
import { CURRENCIES, HUNDRED, SCALE } from './units';

/** What a sale is drawn for: the policy, the product, its contracts, the instant. */
export interface SaleContext {
  readonly policy: PolicyModel;
  readonly productId: string;
  readonly productCommission: boolean;
  readonly contracts: ReadonlyArray<ContractModel>;
  readonly at: number;
  /** A new account, no party's yet. */
  readonly fresh: () => string;
}

/** A generated sale: its JSON, and its price in minor units of its currency. */
export interface SaleModel {
  readonly json: SaleJson;
  readonly price: bigint;
  readonly code: string;
  readonly exponent: number;
}

function genPrice(tape: Tape, exponent: number): bigint {
  const unit = 10n ** BigInt(exponent);
  switch (tape.below(4)) {
    case 1:
      return tape.bigint(0n, 1_000_000n * unit);
    case 2:
      return tape.bigint(0n, 10n ** 15n);
    case 3:
      return 0n;
    default:
      return tape.bigint(0n, 1000n * unit);
  }
}

function halfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The fee specification §5 step 2 charges when the sale names none. */
function scheduledFee(pol: PolicyModel, price: bigint, code: string): bigint {
  if (pol.fee === null) return 0n;
  return halfUp(price * pol.fee.percent, HUNDRED) + (pol.fee.fixed.get(code) ?? 0n);
}

/** A sale that the product, policy and contracts allow (specification §§4.6 and 5). */
export function genSale(tape: Tape, ctx: SaleContext): SaleModel {
  const [code, exponent] = tape.pick(CURRENCIES);
  const price = genPrice(tape, exponent);
  const fee = genPlatformFee(tape, ctx.policy, price, code);
  const affiliate = genAffiliate(tape, ctx);
  return {
    json: {
      id: tape.pick(['s1', 'sale-0001', 'ch_3PqX9', 'Venda nº 7']),
      productId: ctx.productId,
      at: spellInstant(tape, ctx.at),
      price: money(tape, price, code, exponent),
      ...(fee !== null
        ? { platformFee: money(tape, fee, code, exponent) }
        : tape.oneIn(4)
          ? { platformFee: null }
          : {}),
      ...(affiliate !== null ? { affiliate } : tape.oneIn(4) ? { affiliate: null } : {}),
    },
    price,
    code,
    exponent,
  };
}

/** A platform fee named by the sale (at most the price), or `null` for the policy's schedule. */
function genPlatformFee(tape: Tape, pol: PolicyModel, price: bigint, code: string): bigint | null {
  // A schedule that would charge more than the price cannot be left to apply.
  const explicitFee = scheduledFee(pol, price, code) > price || tape.oneIn(3);
  if (!explicitFee) return null;
  return tape.oneIn(2) ? price / BigInt(tape.int(1, 20)) : tape.bigint(0n, price);
}

/**
 * The sale's affiliate, when the policy allows one: never the main creator, a covering
 * cocreator only when the terms in force allow it, sometimes managed.
 */
function genAffiliate(tape: Tape, ctx: SaleContext): SaleAffiliateJson | null {
  const covering = ctx.contracts.filter((c) => coveringTerms(c, ctx.at) !== null);
  const mayHaveAffiliate = ctx.policy.affiliatesOnCocreated || covering.length === 0;
  if (!(mayHaveAffiliate && tape.oneIn(2))) return null;
  const eligible = ctx.contracts
    .filter((c) => coveringTerms(c, ctx.at)?.mayAlso !== false)
    .map((c) => c.cocreator);
  const [firstEligible, ...otherEligible] = eligible;
  const account =
    firstEligible !== undefined && tape.oneIn(3)
      ? tape.pick([firstEligible, ...otherEligible])
      : ctx.fresh();
  const percent = !ctx.productCommission || tape.oneIn(2) ? genAffiliatePercent(tape) : null;
  const [firstCocreator, ...otherCocreators] = ctx.contracts.map((c) => c.cocreator);
  const manager = tape.below(3);
  const managedBy =
    manager === 1 && firstCocreator !== undefined
      ? tape.pick([firstCocreator, ...otherCocreators])
      : manager === 2
        ? ctx.fresh()
        : null;
  return {
    account: spellAccount(tape, account),
    ...(percent !== null
      ? { percent: spellPercent(tape, percent, SCALE) }
      : tape.oneIn(3)
        ? { percent: null }
        : {}),
    ...(managedBy !== null
      ? { managedBy: spellAccount(tape, managedBy) }
      : tape.oneIn(4)
        ? { managedBy: null }
        : {}),
  };
}

/** Refunds in order, after the sale, totalling at most the price (specification §6). */
export function genRefunds(
  tape: Tape,
  sale: SaleModel,
  saleAt: number,
  maxRefunds: number,
): RefundJson[] {
  const refunds: RefundJson[] = [];
  let refunded = 0n;
  let at = saleAt;
  const count = tape.int(0, maxRefunds);
  for (let i = 0; i < count && refunded < sale.price; i += 1) {
    const rest = sale.price - refunded;
    const amount = tape.oneIn(3) ? rest : tape.bigint(1n, rest);
    at += gap(tape);
    refunds.push({
      id: `r${i + 1}`,
      at: spellInstant(tape, at),
      amount: money(tape, amount, sale.code, sale.exponent),
    });
    refunded += amount;
  }
  return refunds;
}
