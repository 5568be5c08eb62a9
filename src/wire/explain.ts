/**
 * Human-readable breakdowns of settlements and reversals: plain-text tables that show how
 * each amount was reached, for people auditing a split.
 */

import { pushAll } from '../_internal/fields';
import type { ExplainWords, LocaleOptions } from '../locales/locale';
import { hasLineIdentity } from '../refunds/refund';
import { exactShareText, MAX_EXACT_SCALE } from '../settle/lines';
import type {
  AffiliateLine,
  CocreatorLine,
  Reversal,
  Settlement,
  SettlementLine,
} from '../settle/settlement';
import type { Currency } from '../values/currency';
import { isCurrency } from '../values/currency';
import { formatDecimal } from '../values/decimal';
import { formatInstant, isInstantValue } from '../values/instant';
import { formatAmount } from '../values/money';
import { formatPercent, isPercentValue, type Percent } from '../values/percent';
import { type Voice, voiceOf } from './explain-voice';

/**
 * The largest of `least` and `width(item)` over `items`, by a loop: `Math.max(...widths)`
 * throws a RangeError past about 125,000 arguments, and a settlement may have more lines.
 */
function widest<T>(least: number, items: ReadonlyArray<T>, width: (item: T) => number): number {
  let most = least;
  for (const item of items) most = Math.max(most, width(item));
  return most;
}

/**
 * Lays out rows as a plain-text table; `null` rows become a rule of dashes. `align` has a
 * letter per column: `r` aligns it right, any other letter left.
 */
function table(
  header: ReadonlyArray<string>,
  align: string,
  rows: ReadonlyArray<ReadonlyArray<string> | null>,
): string[] {
  const widths = header.map((h, c) =>
    // Stryker disable next-line StringLiteral: every row has a cell per column
    widest(h.length, rows, (r) => (r === null ? 0 : (r[c] ?? '').length)),
  );
  const render = (cells: ReadonlyArray<string>) =>
    // Stryker disable next-line MethodExpression: both tables end in a right-aligned column, so there is never a trailing space to trim (kept for a table that ends left-aligned)
    cells
      .map((cell, c) =>
        align[c] === 'r' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(header), rule, ...rows.map((r) => (r === null ? rule : render(r)))];
}

/** How the breakdown prints numbers: money, exact decimals and percents, in a locale. */
interface Printer {
  readonly words: ExplainWords;
  readonly money: (minor: bigint) => string;
  readonly decimal: (decimal: string) => string;
  readonly pct: (p: Percent) => string;
}

/** English prints numbers as the wire does (`1234.56`); other locales as their readers do. */
function printer(currency: Currency, voice: Voice): Printer {
  const decimal = (d: string) => voice.decimal(d);
  return {
    words: voice.explain,
    money: (minor: bigint) => voice.money(formatAmount(minor, currency), currency.code),
    decimal,
    pct: (p: Percent) => `${decimal(formatPercent(p))}%`,
  };
}

type Fields = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

/** A line with every field the breakdown prints, of its type. */
function isLineValue(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.amount === 'bigint' &&
    typeof value.exactUnits === 'bigint' &&
    Number.isInteger(value.exactScale) &&
    (value.exactScale as number) >= 0 &&
    (value.exactScale as number) <= MAX_EXACT_SCALE &&
    hasLineIdentity(value)
  );
}

function isFeeOriginValue(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.kind === 'schedule')
    return isPercentValue(value.percent) && typeof value.fixed === 'bigint';
  return value.kind === 'sale' || value.kind === 'none';
}

/** Every field the breakdown reads, of its type: a value forged around the types is refused. */
function isSettlementValue(value: unknown): value is Settlement {
  return (
    isObject(value) &&
    typeof value.saleId === 'string' &&
    typeof value.productId === 'string' &&
    isInstantValue(value.at) &&
    isCurrency(value.currency) &&
    typeof value.price === 'bigint' &&
    typeof value.platformFee === 'bigint' &&
    typeof value.net === 'bigint' &&
    typeof value.base === 'bigint' &&
    isFeeOriginValue(value.feeOrigin) &&
    isPercentValue(value.minRetainedPercent) &&
    Array.isArray(value.lines) &&
    value.lines.every(isLineValue)
  );
}

/** A reversal of a settlement with `lineCount` lines, with every field the breakdown reads. */
function isReversalValue(value: unknown, lineCount: number): value is Reversal {
  return (
    isObject(value) &&
    typeof value.refundId === 'string' &&
    isInstantValue(value.at) &&
    typeof value.amount === 'bigint' &&
    typeof value.refundedTotal === 'bigint' &&
    Array.isArray(value.lines) &&
    value.lines.length === lineCount &&
    value.lines.every((line) => isObject(line) && typeof line.amount === 'bigint')
  );
}

function howLine(line: SettlementLine, s: Settlement, print: Printer): string {
  const how = print.words.how;
  switch (line.role) {
    case 'platform':
      return s.feeOrigin.kind === 'sale'
        ? how.feeGiven
        : s.feeOrigin.kind === 'schedule'
          ? how.feeSchedule
          : how.feeNone;
    case 'affiliate':
      return how.affiliate(print.pct(line.percent));
    case 'cocreator':
      return how.cocreator(print.pct(line.percent));
    case 'main-creator':
      return how.main;
  }
}

/** The steps of specification §5, each a formula and the amount it gives. */
function settlementSteps(s: Settlement, print: Printer): Array<[string, string]> {
  const cur = s.currency;
  const { words, money, decimal, pct } = print;
  const affiliate = s.lines.find((l): l is AffiliateLine => l.role === 'affiliate');
  const main = s.lines.find((l) => l.role === 'main-creator');
  const cocreators = s.lines.filter((l): l is CocreatorLine => l.role === 'cocreator');
  const steps: Array<[string, string]> = [[words.price, money(s.price)]];
  const origin = s.feeOrigin;
  if (origin.kind === 'schedule') {
    const p = origin.percent;
    const unrounded = formatDecimal(s.price * p.units, p.scale + 2 + cur.exponent, cur.exponent);
    steps.push([
      words.feeSchedule(pct(p), decimal(unrounded), money(origin.fixed)),
      money(s.platformFee),
    ]);
  } else {
    steps.push([origin.kind === 'sale' ? words.feeGiven : words.feeNone, money(s.platformFee)]);
  }
  steps.push([words.net, money(s.net)]);
  if (affiliate !== undefined) {
    steps.push([
      words.affiliate(pct(affiliate.percent), decimal(exactShareText(affiliate))),
      money(affiliate.amount),
    ]);
  }
  steps.push([affiliate === undefined ? words.baseAlone : words.baseAfterAffiliate, money(s.base)]);
  for (const line of cocreators) {
    steps.push([
      words.cocreator(
        line.account,
        line.contractId,
        pct(line.percent),
        decimal(exactShareText(line)),
      ),
      money(line.amount),
    ]);
  }
  if (main !== undefined) {
    steps.push([
      cocreators.length === 0 ? words.mainAlone : words.mainAfterCocreators,
      money(main.amount),
    ]);
  }
  return steps;
}

/** The table of the lines, with their total. */
function linesTable(s: Settlement, print: Printer): string[] {
  const { words, money, decimal, pct } = print;
  const total = s.lines.reduce((sum, l) => sum + l.amount, 0n);
  return table(words.linesHeader, 'lllrlrr', [
    ...s.lines.map((line) => [
      words.roles[line.role],
      line.account ?? '-',
      line.role === 'cocreator' ? line.contractId : '-',
      line.role === 'affiliate' || line.role === 'cocreator' ? pct(line.percent) : '-',
      howLine(line, s, print),
      decimal(exactShareText(line)),
      money(line.amount),
    ]),
    null,
    [
      words.total,
      '',
      '',
      '',
      total === s.price ? words.equalsPrice : words.differsFromPrice,
      '',
      money(total),
    ],
  ]);
}

/** The sentences on the main creator's remainder and the retention floor. */
function floorSentences(s: Settlement, main: SettlementLine, print: Printer): string[] {
  const { words, money, decimal, pct } = print;
  const cur = s.currency;
  const floor = s.minRetainedPercent;
  const floorExact = formatDecimal(
    s.base * floor.units,
    floor.scale + 2 + cur.exponent,
    cur.exponent,
  );
  return [
    words.remainder(money(main.amount), decimal(exactShareText(main))),
    words.floor(pct(floor), decimal(floorExact), money(main.amount)),
  ];
}

function explainSettlement(s: Settlement, print: Printer): string[] {
  const { words } = print;
  const title = words.title(s.saleId, s.productId, formatInstant(s.at), s.currency.code);
  const steps = settlementSteps(s, print);
  const labelWidth = widest(0, steps, ([label]) => label.length);
  const valueWidth = widest(0, steps, ([, value]) => value.length);
  const out = [
    title,
    '',
    ...steps.map(([label, value]) => `${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`),
    '',
    ...linesTable(s, print),
  ];
  const main = s.lines.find((l) => l.role === 'main-creator');
  if (main !== undefined) out.push('', ...floorSentences(s, main, print));
  return out;
}

function explainReversals(
  s: Settlement,
  reversals: ReadonlyArray<Reversal>,
  print: Printer,
): string[] {
  const { words, money } = print;
  // Stryker disable next-line ArrowFunction: an undefined entry is read as 0n below
  const cumulative = s.lines.map(() => 0n);
  const out: string[] = [];
  for (const r of reversals) {
    out.push(
      '',
      words.refundTitle(
        r.refundId,
        formatInstant(r.at),
        money(r.amount),
        money(r.refundedTotal),
        money(s.price),
      ),
      words.refundRule(money(r.refundedTotal)),
      '',
    );
    const rows = s.lines.map((line, i) => {
      // Stryker disable next-line OptionalChaining: a reversal has as many lines as its settlement (checked by explain)
      const now = r.lines[i]?.amount ?? 0n;
      const sofar = (cumulative[i] ?? 0n) + now;
      cumulative[i] = sofar;
      return [
        words.roles[line.role],
        line.account ?? '-',
        line.role === 'cocreator' ? line.contractId : '-',
        money(line.amount),
        money(now),
        money(sofar),
        money(line.amount + sofar),
      ];
    });
    const now = r.lines.reduce((sum, l) => sum + l.amount, 0n);
    const sofar = cumulative.reduce((sum, v) => sum + v, 0n);
    const lines = table(words.reversalHeader, 'lllrrrr', [
      ...rows,
      null,
      [words.total, '', '', money(s.price), money(now), money(sofar), money(s.price + sofar)],
    ]);
    pushAll(out, lines);
  }
  return out;
}

/**
 * Renders a settlement, and optionally its reversals, as a plain-text breakdown: each step of
 * specification §5 with its formula, a table of the lines (role, account, contract, percent,
 * how the amount was computed, the exact share, the amount) with their total, the retention
 * floor, and for each refund a table of what it reversed, what was reversed so far and what
 * each party keeps.
 *
 * Takes only values the library built: a settlement from `settleSale` (or any settling
 * function, or read back from its stored form) and its reversals. It does not check its
 * arguments (it is no reader of untrusted data); on anything else the text it answers is
 * not specified.
 *
 * @param settlement - the settled sale, as the library built it
 * @param reversals - its reversals, as the library built them, in the order they were
 *   applied (default none)
 * @param options - `locale`: a catalog of `cocreation/locales`, the language of the words, and
 *   in `ptBR` and `es` amounts written as their readers write money (`R$ 1.234,56`), printed
 *   exactly from the minor units; English (the default) prints amounts as the wire does
 *   (`1234.56`). A catalog made by hand never makes it throw: a word it lacks, or has of
 *   another type, is the English word, and a function of it that throws or answers anything
 *   but text is answered by the English one
 * @returns the text, lines separated by `\n`, ending without a newline
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { explain } from 'cocreation';
 * import { ptBR } from 'cocreation/locales';
 * import { parseDocument, settleDocument } from 'cocreation/wire';
 *
 * const settled = parseDocument({
 *   product: { id: 'p1', mainCreator: 'ana@example.com' },
 *   contracts: [],
 *   sale: { id: 's1', productId: 'p1', at: '2026-03-01T12:00:00Z',
 *           price: { amount: '100.00', currency: 'USD' }, platformFee: { amount: '10.40', currency: 'USD' },
 *           affiliate: { account: 'leo@example.com', percent: '35' } },
 * }).andThen(settleDocument);
 * if (settled.isErr()) throw new Error(settled.error.map((e) => e.message).join('; '));
 * const { settlement } = settled.value;
 * const text = explain(settlement);
 * assert.match(text, /affiliate A = floor\(N x 35% = 31\.36\)\s+31\.36/);
 * assert.match(text, /main-creator\s+ana@example\.com\s+-\s+-\s+B - cocreators\s+58\.24\s+58\.24/);
 *
 * const texto = explain(settlement, [], { locale: ptBR });
 * assert.match(texto, /afiliado A = floor\(N x 35% = 31,36\)\s+US\$ 31,36/);
 * ```
 */
export function explain(
  settlement: Settlement,
  reversals: ReadonlyArray<Reversal> = [],
  options: LocaleOptions = {},
): string {
  const voice = voiceOf(options);
  const words = voice.explain;
  if (!isSettlementValue(settlement)) return words.notASettlement;
  const lineCount = settlement.lines.length;
  if (!Array.isArray(reversals) || !reversals.every((r) => isReversalValue(r, lineCount))) {
    return words.notReversals;
  }
  const print = printer(settlement.currency, voice);
  return [
    ...explainSettlement(settlement, print),
    ...explainReversals(settlement, reversals, print),
  ].join('\n');
}
