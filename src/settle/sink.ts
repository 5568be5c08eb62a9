/**
 * Where the compiled settler's split of a sale goes: the {@link SplitSink} interface it calls
 * line by line, and {@link LineSink}, which builds the settlement (the bulk path of
 * ledger/payouts.ts has its own sink, which adds the lines to totals).
 */
import type { Policy } from '../model/policy';
import type { Sale } from '../model/sale';
import type { AccountId } from '../values/account';
import type { Percent } from '../values/percent';
import type { Entry } from './covers';
import { NO_FEE } from './fee';
import {
  affiliateLine,
  cocreatorLine,
  mainCreatorLine,
  platformLine,
  scaledUnits,
  settlementOf,
  trimmedScale,
} from './lines';
import type { FeeOrigin, Settlement, SettlementLine } from './settlement';

/**
 * Where the compiled settler's split of one sale goes, line by line in settlement order:
 * {@link LineSink} builds the settlement's lines, the bulk path (payouts.ts) adds them to
 * totals. The split is written once and calls these. Amounts are `number` on the number road
 * and `bigint` on the other; `x` is the numerator of a line's exact share, at `decimals`
 * decimals. Not part of the package API.
 *
 * @internal
 */
export interface SplitSink {
  /**
   * Called once a sale is accepted, before its lines.
   *
   * @returns whether to split the sale into this sink (`false`: the sink declines its lines)
   */
  start(sale: Sale, fee: bigint, feeOrigin: FeeOrigin): boolean;
  /** The platform's line: the fee, as a bigint and in the road's type. */
  platform(fee: bigint, amount: number | bigint): void;
  affiliate(
    account: AccountId,
    percent: Percent,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
  ): void;
  cocreator(entry: Entry, amount: number | bigint, x: number | bigint, decimals: number): void;
  /** The main creator's line, with the sale's net and base (the last call for a sale). */
  main(
    account: AccountId,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
    net: number | bigint,
    base: number | bigint,
  ): void;
}

// Frozen: a sink that were written before start() would throw, not share lines.
const NO_LINES = /* @__PURE__ */ Object.freeze([]) as unknown as SettlementLine[];

/** The settler's sink: the settlement's lines, each with its exact share. @internal */
export class LineSink implements SplitSink {
  private sale: Sale = undefined as unknown as Sale;
  private fee = 0n;
  private feeOrigin: FeeOrigin = NO_FEE;
  private exponent = 0;
  // Set by start(); no array is allocated for a sink until then.
  private lines: SettlementLine[] = NO_LINES;
  private net = 0n;
  private base = 0n;

  constructor(private readonly policy: Policy) {}

  start(sale: Sale, fee: bigint, feeOrigin: FeeOrigin): boolean {
    this.sale = sale;
    this.fee = fee;
    this.feeOrigin = feeOrigin;
    this.exponent = sale.price.currency.exponent;
    this.lines = [];
    return true;
  }

  platform(fee: bigint, _amount: number | bigint): void {
    this.lines.push(platformLine(fee, fee, this.exponent));
  }

  affiliate(
    account: AccountId,
    percent: Percent,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
  ): void {
    const d = trimmedScale(x, decimals, this.exponent);
    const units = scaledUnits(x, decimals, d);
    this.lines.push(affiliateLine(account, percent, BigInt(amount), units, d));
  }

  cocreator(entry: Entry, amount: number | bigint, x: number | bigint, decimals: number): void {
    const d = trimmedScale(x, decimals, this.exponent);
    const units = scaledUnits(x, decimals, d);
    this.lines.push(
      cocreatorLine(entry.account, entry.contractId, entry.percent, BigInt(amount), units, d),
    );
  }

  main(
    account: AccountId,
    amount: number | bigint,
    x: number | bigint,
    decimals: number,
    net: number | bigint,
    base: number | bigint,
  ): void {
    const d = trimmedScale(x, decimals, this.exponent);
    this.lines.push(mainCreatorLine(account, BigInt(amount), scaledUnits(x, decimals, d), d));
    const netBig = BigInt(net);
    this.net = netBig;
    // With no affiliate the base is the net: one bigint for both.
    this.base = base === net ? netBig : BigInt(base);
  }

  /** The settlement of the sale last split into this sink. */
  settlement(): Settlement {
    return settlementOf(
      this.sale,
      this.policy,
      this.fee,
      this.feeOrigin,
      this.net,
      this.base,
      this.lines,
    );
  }
}
