import { describe, expect, it } from 'vitest';
import { combineLedgers } from '../src/ledger/combine';
import { ledgerOf } from '../src/ledger/entries';
import { EMPTY_LEDGER, emptyLedger, type LedgerEntry } from '../src/ledger/ledger';
import { ledgerTotal } from '../src/ledger/totals';
import { refundSale } from '../src/refunds/refund';
import type { Settlement, SettlementLine } from '../src/settle/settlement';
import type { AccountId } from '../src/values/account';
import { formatInstant, parseInstant } from '../src/values/instant';
import { cur, pct } from './arbitraries/settlement';

const BRL = cur('BRL');
const JPY = cur('JPY');
const t = (iso: string) => parseInstant(iso)._unsafeUnwrap();
const LEO = 'leo@example.com' as AccountId;
const BIA = 'bia@example.com' as AccountId;
const ANA = 'ana@example.com' as AccountId;

function settlement(
  saleId: string,
  iso: string,
  amounts: readonly [bigint, bigint, bigint, bigint],
  currency = BRL,
): Settlement {
  const [fee, affiliate, cocreator, main] = amounts;
  const lines: SettlementLine[] = [
    { role: 'platform', account: null, amount: fee, exactUnits: 0n, exactScale: 0 },
    {
      role: 'affiliate',
      account: LEO,
      percent: pct(40),
      amount: affiliate,
      exactUnits: 0n,
      exactScale: 0,
    },
    {
      role: 'cocreator',
      account: BIA,
      contractId: 'c1',
      percent: pct(20),
      amount: cocreator,
      exactUnits: 0n,
      exactScale: 0,
    },
    { role: 'main-creator', account: ANA, amount: main, exactUnits: 0n, exactScale: 0 },
  ];
  const price = fee + affiliate + cocreator + main;
  return {
    saleId,
    productId: 'p1',
    at: t(iso),
    currency,
    price,
    platformFee: fee,
    feeOrigin: { kind: 'sale' },
    net: price - fee,
    base: cocreator + main,
    minRetainedPercent: pct(30),
    lines,
  };
}

/** specification §8's sale and its refund of 50.00. */
const s1 = settlement('s1', '2026-03-01T12:00:00Z', [2050n, 7060n, 2118n, 8472n]);
const r1 = refundSale(s1, [], {
  id: 'r1',
  at: t('2026-04-05T00:00:00Z'),
  amount: { amount: 5000n, currency: BRL },
})._unsafeUnwrap();
const s2 = settlement('s2', '2026-04-10T00:00:00Z', [100n, 200n, 300n, 400n]);
const yen = settlement('s3', '2026-03-02T00:00:00Z', [10n, 20n, 30n, 40n], JPY);

const month = (entry: LedgerEntry) => formatInstant(entry.at).slice(0, 7);

describe('ledgerOf', () => {
  it('totals settlements and reversals per currency, role and account', () => {
    const ledger = ledgerOf([s1, r1, s2, yen])._unsafeUnwrap();
    expect(
      ledger.rows.map((r) => [
        r.currency,
        r.role,
        r.account,
        r.settled,
        r.reversed,
        r.net,
        r.settlementLines,
        r.reversalLines,
      ]),
    ).toEqual([
      // 2050 + 100 settled, -520 reversed (the refund of specification §8)
      ['BRL', 'platform', null, 2150n, -520n, 1630n, 2, 1],
      ['BRL', 'affiliate', LEO, 7260n, -1792n, 5468n, 2, 1],
      ['BRL', 'cocreator', BIA, 2418n, -537n, 1881n, 2, 1],
      ['BRL', 'main-creator', ANA, 8872n, -2151n, 6721n, 2, 1],
      ['JPY', 'platform', null, 10n, 0n, 10n, 1, 0],
      ['JPY', 'affiliate', LEO, 20n, 0n, 20n, 1, 0],
      ['JPY', 'cocreator', BIA, 30n, 0n, 30n, 1, 0],
      ['JPY', 'main-creator', ANA, 40n, 0n, 40n, 1, 0],
    ]);
    expect(ledger.rows.every((r) => r.period === null)).toBe(true);
  });

  it('totals per period of the caller’s choosing, a refund in the period it happened', () => {
    const ledger = ledgerOf([s1, r1, s2], { period: month })._unsafeUnwrap();
    const platform = ledger.rows.filter((r) => r.role === 'platform');
    expect(platform.map((r) => [r.period, r.settled, r.reversed])).toEqual([
      ['2026-03', 2050n, 0n],
      ['2026-04', 100n, -520n],
    ]);
  });

  it('keeps rows in one canonical order whatever the order of the entries', () => {
    const forward = ledgerOf([s1, r1, s2, yen], { period: month })._unsafeUnwrap();
    const backward = ledgerOf([yen, s2, r1, s1], { period: month })._unsafeUnwrap();
    expect(backward).toEqual(forward);
  });

  it('refuses an entry that is not a settlement or reversal, at its index', () => {
    expect(ledgerOf([s1, { lines: [] } as never])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      path: [1],
    });
    const badLine = { ...s1, lines: [{ role: 'boss', account: null, amount: 1n }] };
    expect(ledgerOf([badLine as never])._unsafeUnwrapErr()[0].path).toEqual([0, 'lines', 0]);
    expect(ledgerOf([s1], { period: () => 3 as never })._unsafeUnwrapErr()[0].path).toEqual([0]);
    expect(ledgerOf([s1], { period: 'month' as never })._unsafeUnwrapErr()[0].path).toEqual([
      'period',
    ]);
    expect(ledgerOf('nope' as never).isErr()).toBe(true);
  });

  it('answers invalid_field at the entry when the period function throws, and does not throw', () => {
    const period = (entry: LedgerEntry) => {
      if ('refundId' in entry) throw new Error('no period for refunds');
      return 'all';
    };
    // The words docs/decisions.md quotes ("Never throwing").
    expect(ledgerOf([s1, r1], { period })._unsafeUnwrapErr()).toEqual([
      { code: 'invalid_field', message: 'the period function threw on this entry', path: [1] },
    ]);
  });

  it('freezes the ledger and its rows', () => {
    const ledger = ledgerOf([s1, r1])._unsafeUnwrap();
    expect(Object.isFrozen(ledger)).toBe(true);
    expect(Object.isFrozen(ledger.rows)).toBe(true);
    expect(ledger.rows.every((r) => Object.isFrozen(r))).toBe(true);
  });
});

describe('entries counted once', () => {
  it('keeps each entry once, with the lines it counted, in canonical order', () => {
    const ledger = ledgerOf([s2, r1, s1, s1, r1], { period: month })._unsafeUnwrap();
    expect(ledger.entries.map((e) => [e.kind, e.saleId, e.refundId, e.period])).toEqual([
      ['settlement', 's1', null, '2026-03'],
      ['reversal', 's1', 'r1', '2026-04'],
      ['settlement', 's2', null, '2026-04'],
    ]);
    expect(ledger.entries[0]?.lines).toEqual([
      { role: 'platform', account: null, contractId: null, percent: null, amount: 2050n },
      { role: 'affiliate', account: LEO, contractId: null, percent: '40', amount: 7060n },
      { role: 'cocreator', account: BIA, contractId: 'c1', percent: '20', amount: 2118n },
      { role: 'main-creator', account: ANA, contractId: null, percent: null, amount: 8472n },
    ]);
    expect(ledger).toEqual(ledgerOf([s1, r1, s2], { period: month })._unsafeUnwrap());
    expect(ledgerTotal(ledger, { currency: 'BRL', account: ANA }).settled).toBe(8472n + 400n);
  });

  it('reports the same sale id with other lines as a conflict and counts neither version', () => {
    // s1 again, but the affiliate's 70.60 was paid as 70.59 and the main creator's as 84.73.
    const other: Settlement = {
      ...s1,
      lines: s1.lines.map((l) =>
        l.role === 'affiliate'
          ? { ...l, amount: 7059n }
          : l.role === 'main-creator'
            ? { ...l, amount: 8473n }
            : l,
      ),
    };
    const ledger = combineLedgers(
      ledgerOf([s1, s2])._unsafeUnwrap(),
      ledgerOf([other])._unsafeUnwrap(),
    );
    expect(ledger.conflicts).toHaveLength(1);
    expect(ledger.conflicts[0]).toMatchObject({ kind: 'settlement', saleId: 's1', refundId: null });
    expect(ledger.conflicts[0]?.versions.map((v) => v.lines[1]?.amount)).toEqual([7059n, 7060n]);
    // Only s2 is counted: 1.00 + 2.00 + 3.00 + 4.00.
    expect(ledgerTotal(ledger, { currency: 'BRL' }).net).toBe(1000n);
    expect(ledger.entries.map((e) => e.saleId)).toEqual(['s2']);
  });

  it('keeps two refunds of the same id on different sales apart', () => {
    const r2 = refundSale(s2, [], {
      id: 'r1',
      at: t('2026-04-11T00:00:00Z'),
      amount: { amount: 1000n, currency: BRL },
    })._unsafeUnwrap();
    const ledger = ledgerOf([s1, r1, s2, r2])._unsafeUnwrap();
    expect(ledger.conflicts).toEqual([]);
    expect(ledgerTotal(ledger, { currency: 'BRL' }).net).toBe(19700n - 5000n + 1000n - 1000n);
  });

  it('freezes the entries, their lines and the conflicts', () => {
    const ledger = ledgerOf([s1, { ...s1, lines: s1.lines.slice(0, 1) }, s2])._unsafeUnwrap();
    expect(Object.isFrozen(ledger.entries)).toBe(true);
    expect(Object.isFrozen(ledger.entries[0]?.lines[0])).toBe(true);
    expect(Object.isFrozen(ledger.conflicts)).toBe(true);
    expect(Object.isFrozen(ledger.conflicts[0]?.versions[0])).toBe(true);
  });
});

describe('combineLedgers', () => {
  it('adds the rows that share a key and keeps the others', () => {
    const a = ledgerOf([s1, r1])._unsafeUnwrap();
    const b = ledgerOf([s2, yen])._unsafeUnwrap();
    expect(combineLedgers(a, b)).toEqual(ledgerOf([s1, r1, s2, yen])._unsafeUnwrap());
  });

  it('has the empty ledger as identity', () => {
    const a = ledgerOf([s1, r1])._unsafeUnwrap();
    expect(combineLedgers(a, EMPTY_LEDGER)).toEqual(a);
    expect(combineLedgers(emptyLedger(), a)).toEqual(a);
    expect(ledgerOf([])._unsafeUnwrap()).toEqual(EMPTY_LEDGER);
  });
});

describe('ledgerTotal', () => {
  const ledger = ledgerOf([s1, r1, s2, yen], { period: month })._unsafeUnwrap();

  it('sums an account across roles and periods in one currency', () => {
    expect(ledgerTotal(ledger, { currency: 'BRL', account: ANA })).toEqual({
      settled: 8872n,
      reversed: -2151n,
      net: 6721n,
    });
  });

  it('sums one role in one period', () => {
    expect(ledgerTotal(ledger, { currency: 'BRL', role: 'platform', period: '2026-04' })).toEqual({
      settled: 100n,
      reversed: -520n,
      net: -420n,
    });
  });

  it('matches the platform by a null account', () => {
    expect(ledgerTotal(ledger, { currency: 'JPY', account: null }).net).toBe(10n);
  });

  it('sums a whole currency to what was sold less what was refunded', () => {
    // 197.00 + 10.00 sold, 50.00 refunded
    expect(ledgerTotal(ledger, { currency: 'BRL' }).net).toBe(19700n + 1000n - 5000n);
    expect(ledgerTotal(ledger, { currency: 'USD' }).net).toBe(0n);
  });
});

describe('the canonical order of rows', () => {
  const BOB = 'bob@example.com' as AccountId;
  /** `s2` sold by another main creator: same currency, period and role, another account. */
  const s2bob: Settlement = {
    ...s2,
    saleId: 's2b',
    lines: s2.lines.map((l) => (l.role === 'main-creator' ? { ...l, account: BOB } : l)),
  };

  it('keeps one row per account within a role, sorted by account', () => {
    const mains = (entries: LedgerEntry[]) =>
      ledgerOf(entries)
        ._unsafeUnwrap()
        .rows.filter((r) => r.role === 'main-creator')
        .map((r) => [r.account, r.settled]);
    // ana@ sorts before bob@ whichever sale comes first.
    expect(mains([s2bob, s1])).toEqual([
      [ANA, 8472n],
      [BOB, 400n],
    ]);
    expect(mains([s1, s2bob])).toEqual([
      [ANA, 8472n],
      [BOB, 400n],
    ]);
  });

  it('never adds up the rows of two accounts when combining ledgers', () => {
    const combined = combineLedgers(
      ledgerOf([s2bob])._unsafeUnwrap(),
      ledgerOf([s1])._unsafeUnwrap(),
    );
    expect(combined.rows.filter((r) => r.role === 'main-creator').map((r) => r.account)).toEqual([
      ANA,
      BOB,
    ]);
    expect(combined).toEqual(ledgerOf([s1, s2bob])._unsafeUnwrap());
  });

  it('puts the rows without a period first, whatever the period text', () => {
    // A period function may answer null (no period) for some entries. '-1' is a period text
    // that a loose comparison with null would order first (-1 < 0).
    const period = (entry: LedgerEntry) => ('refundId' in entry ? '-1' : null) as string;
    const periods = (ledger: { rows: ReadonlyArray<{ period: string | null }> }) => [
      ...new Set(ledger.rows.map((r) => r.period)),
    ];
    expect(periods(ledgerOf([r1, s1], { period })._unsafeUnwrap())).toEqual([null, '-1']);
    const combined = combineLedgers(
      ledgerOf([r1], { period })._unsafeUnwrap(),
      ledgerOf([s1], { period })._unsafeUnwrap(),
    );
    expect(periods(combined)).toEqual([null, '-1']);
  });
});

describe('the entries ledgerOf refuses', () => {
  const withLine = (line: unknown) => ({ ...s1, lines: [line] }) as unknown as LedgerEntry;
  const main = s1.lines[3];

  it('refuses, without throwing, a line that is not an object or whose fields are forged', () => {
    for (const line of [null, 5]) {
      expect(ledgerOf([s1, withLine(line)])._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [1],
      });
    }
    for (const line of [
      { ...main, amount: 8472 },
      { ...main, amount: '84.72' },
      { ...main, role: ['main-creator'] },
      { ...main, role: 'boss' },
      { ...main, account: null },
      { ...s1.lines[0], account: 'x@example.com' },
    ]) {
      expect(ledgerOf([s1, withLine(line)])._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [1, 'lines', 0],
      });
    }
  });

  it('refuses an entry without its ids or with an unknown currency, at its index', () => {
    for (const entry of [
      { ...s1, saleId: '' },
      { ...s1, saleId: 5 },
      { ...r1, refundId: '' },
      { ...s1, currency: { code: 'XYZ', exponent: 2 } },
      { ...s1, currency: 'BRL' },
    ]) {
      expect(ledgerOf([s1, entry as never])._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: [1],
      });
    }
  });

  it('refuses a cocreator line without its contract or percent, an affiliate line without percent', () => {
    const cocreator = s1.lines[2];
    const affiliate = s1.lines[1];
    for (const line of [
      { ...cocreator, contractId: '' },
      { ...cocreator, percent: undefined },
      { ...cocreator, percent: { units: -1n, scale: 0 } },
      { ...affiliate, percent: '40' },
    ]) {
      expect(ledgerOf([withLine(line)])._unsafeUnwrapErr()[0].path).toEqual([0, 'lines', 0]);
    }
  });

  it('accepts a settlement by its content: a structured clone counts as the original', () => {
    const clone = structuredClone(s1);
    expect(clone.currency).not.toBe(s1.currency);
    expect(ledgerOf([clone, structuredClone(r1)])._unsafeUnwrap()).toEqual(
      ledgerOf([s1, r1])._unsafeUnwrap(),
    );
    expect(ledgerOf([s1, clone])._unsafeUnwrap()).toEqual(ledgerOf([s1])._unsafeUnwrap());
  });

  it('answers invalid_field, with a message, for every option or entry it cannot read', () => {
    const errors = [
      ledgerOf('nope' as never),
      ledgerOf([s1], { period: 'month' as never }),
      ledgerOf([s1], { period: () => 3 as never }),
      ledgerOf([s1], {
        period: () => {
          throw new Error('no');
        },
      }),
    ].map((r) => r._unsafeUnwrapErr());
    expect(errors.map((e) => [e[0].code, e[0].path])).toEqual([
      ['invalid_field', []],
      ['invalid_field', ['period']],
      ['invalid_field', [0]],
      ['invalid_field', [0]],
    ]);
    for (const e of errors) expect(e[0].message.trim()).not.toBe('');
  });

  it('reads null options as no options', () => {
    expect(ledgerOf([s1], null as never)._unsafeUnwrap()).toEqual(ledgerOf([s1])._unsafeUnwrap());
  });
});
