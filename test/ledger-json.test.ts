import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineLedgers } from '../src/ledger/combine';
import { ledgerOf } from '../src/ledger/entries';
import type { LedgerEntry } from '../src/ledger/ledger';
import { refundSale } from '../src/refunds/refund';
import type { Settlement } from '../src/settle/settlement';
import type { AccountId } from '../src/values/account';
import { parseInstant } from '../src/values/instant';
import { type LedgerJson, ledgerToJson, parseLedgerJson } from '../src/wire/ledger-json';
import { entriesArb, ledgerOptionsArb } from './arbitraries/ledger';
import { cur, pct } from './arbitraries/settlement';

const ANA = 'ana@example.com' as AccountId;
const BIA = 'bia@example.com' as AccountId;
const LEO = 'leo@example.com' as AccountId;

/** A KWD (3 decimals) sale of 10.000: fee 1.005, Leo 40 % 3.598, Bia 12.5 % 0.674, Ana 4.723. */
const kwd: Settlement = {
  saleId: 's1',
  productId: 'p1',
  at: parseInstant('2026-03-01T12:00:00Z')._unsafeUnwrap(),
  currency: cur('KWD'),
  price: 10000n,
  platformFee: 1005n,
  feeOrigin: { kind: 'sale' },
  net: 8995n,
  base: 5397n,
  minRetainedPercent: pct(30),
  lines: [
    { role: 'platform', account: null, amount: 1005n, exactUnits: 1005n, exactScale: 3 },
    {
      role: 'affiliate',
      account: LEO,
      percent: pct(4000, 2),
      amount: 3598n,
      exactUnits: 3598n,
      exactScale: 3,
    },
    {
      role: 'cocreator',
      account: BIA,
      contractId: 'c1',
      percent: pct(125, 1),
      amount: 674n,
      exactUnits: 674625n,
      exactScale: 6,
    },
    { role: 'main-creator', account: ANA, amount: 4723n, exactUnits: 4723n, exactScale: 3 },
  ],
};
const reversal = refundSale(kwd, [], {
  id: 'r1',
  at: parseInstant('2026-03-02T00:00:00Z')._unsafeUnwrap(),
  amount: { amount: 10000n, currency: cur('KWD') },
})._unsafeUnwrap();
const yen: Settlement = {
  ...kwd,
  saleId: 's2',
  currency: cur('JPY'),
  price: 1000n,
  platformFee: 100n,
  net: 900n,
  base: 900n,
  lines: [
    { role: 'platform', account: null, amount: 100n, exactUnits: 100n, exactScale: 0 },
    { role: 'main-creator', account: ANA, amount: 900n, exactUnits: 900n, exactScale: 0 },
  ],
};

const roundTrip = (json: LedgerJson) => parseLedgerJson(JSON.parse(JSON.stringify(json)));

describe('ledgerToJson', () => {
  it("prints amounts with exactly their currency's decimals, reversals negative, percents shortest", () => {
    const json = ledgerToJson(ledgerOf([yen, reversal, kwd])._unsafeUnwrap());
    expect(json).toEqual({
      entries: [
        {
          saleId: 's1',
          currency: 'KWD',
          period: null,
          lines: [
            { role: 'platform', account: null, amount: '1.005' },
            { role: 'affiliate', account: LEO, percent: '40', amount: '3.598' },
            { role: 'cocreator', account: BIA, contractId: 'c1', percent: '12.5', amount: '0.674' },
            { role: 'main-creator', account: ANA, amount: '4.723' },
          ],
        },
        {
          saleId: 's1',
          refundId: 'r1',
          currency: 'KWD',
          period: null,
          lines: [
            { role: 'platform', account: null, amount: '-1.005' },
            { role: 'affiliate', account: LEO, percent: '40', amount: '-3.598' },
            {
              role: 'cocreator',
              account: BIA,
              contractId: 'c1',
              percent: '12.5',
              amount: '-0.674',
            },
            { role: 'main-creator', account: ANA, amount: '-4.723' },
          ],
        },
        {
          saleId: 's2',
          currency: 'JPY',
          period: null,
          lines: [
            { role: 'platform', account: null, amount: '100' },
            { role: 'main-creator', account: ANA, amount: '900' },
          ],
        },
      ],
      conflicts: [],
    });
  });

  it('prints a conflict with both versions, in canonical order', () => {
    const other: Settlement = {
      ...yen,
      lines: [yen.lines[0], { ...yen.lines[1], amount: 899n }] as never,
    };
    const json = ledgerToJson(
      combineLedgers(ledgerOf([yen])._unsafeUnwrap(), ledgerOf([other])._unsafeUnwrap()),
    );
    expect(json.entries).toEqual([]);
    expect(
      json.conflicts.map((c) => [c.saleId, c.refundId, c.versions.map((v) => v.lines[1]?.amount)]),
    ).toEqual([['s2', undefined, ['899', '900']]]);
  });

  it('prints a forged currency in minor units, which reading refuses', () => {
    const ledger = ledgerOf([yen])._unsafeUnwrap();
    const forged = { ...ledger, entries: [{ ...ledger.entries[0], currency: 'XYZ' }] } as never;
    const json = ledgerToJson(forged);
    expect(json.entries[0]?.lines.map((l) => l.amount)).toEqual(['100', '900']);
    expect(
      roundTrip(json)
        ._unsafeUnwrapErr()
        .map((e) => [e.code, e.path]),
    ).toEqual([['unknown_currency', ['entries', 0, 'currency']]]);
    const { currency: _, ...noCurrency } = ledgerToJson(ledger).entries[0] as object as Record<
      string,
      unknown
    >;
    expect(
      parseLedgerJson({ entries: [noCurrency] })
        ._unsafeUnwrapErr()
        .map((e) => e.path),
    ).toEqual([['entries', 0, 'currency']]);
  });

  it('prints a frozen value', () => {
    const json = ledgerToJson(ledgerOf([kwd, reversal])._unsafeUnwrap());
    expect(Object.isFrozen(json)).toBe(true);
    expect(Object.isFrozen(json.entries[0]?.lines[0])).toBe(true);
  });
});

describe('parseLedgerJson', () => {
  it('reads back, through JSON text, the ledger that was printed', () => {
    fc.assert(
      fc.property(entriesArb, ledgerOptionsArb, (entries, o) => {
        const ledger = ledgerOf(entries, o)._unsafeUnwrap();
        expect(roundTrip(ledgerToJson(ledger))._unsafeUnwrap()).toEqual(ledger);
      }),
    );
  });

  it('reads a ledger stored before a redelivery and combines it as the original', () => {
    fc.assert(
      fc.property(entriesArb, entriesArb, (a, b) => {
        const [x, y] = [ledgerOf(a)._unsafeUnwrap(), ledgerOf(b)._unsafeUnwrap()];
        const stored = roundTrip(ledgerToJson(x))._unsafeUnwrap();
        expect(combineLedgers(stored, y)).toEqual(combineLedgers(x, y));
      }),
    );
  });

  it('reads the conflicts list as optional, numbers as amounts, and ignores unknown fields', () => {
    const expected = ledgerOf([yen])._unsafeUnwrap();
    const line = (role: string, account: string | null, amount: unknown) => ({
      role,
      account,
      amount,
      note: 'x',
    });
    expect(
      parseLedgerJson({
        entries: [
          {
            saleId: 's2',
            currency: 'JPY',
            period: null,
            lines: [line('platform', null, 100), line('main-creator', ANA, '900')],
            extra: 1,
          },
        ],
      })._unsafeUnwrap(),
    ).toEqual(expected);
  });

  it('reports every problem at its path', () => {
    const entry = (lines: unknown[], more: object = {}) => ({
      saleId: 's1',
      currency: 'BRL',
      period: null,
      lines,
      ...more,
    });
    const result = parseLedgerJson({
      entries: [
        entry([{ role: 'platform', account: null, amount: '-1.00' }]),
        entry([{ role: 'platform', account: null, amount: '1.00' }], { refundId: 'r1' }),
        entry([{ role: 'boss', account: null, amount: '1.00' }], { currency: 'XYZ' }),
        entry([{ role: 'affiliate', account: 'leo@example.com', amount: '1.00' }], { period: 3 }),
        entry([
          { role: 'main-creator', account: ANA, percent: '1', contractId: 'c1', amount: '1.001' },
        ]),
        entry([{ role: 'platform', account: 'x@example.com' }], { saleId: '' }),
        entry([
          { account: ANA, amount: '1' },
          { role: 'cocreator', amount: '1', percent: 'x', contractId: 5 },
        ]),
        { currency: 'BRL', lines: 'none' },
        5,
      ],
      conflicts: [
        { saleId: 's9', versions: [entry([])] },
        { saleId: 's9', versions: [entry([]), entry([], { refundId: 'r1' }), 5] },
        { saleId: 's1', versions: [entry([]), entry([], { refundId: 'r1', saleId: 's1' })] },
      ],
    });
    expect(result._unsafeUnwrapErr().map((e) => [e.code, e.path])).toEqual([
      ['invalid_amount', ['entries', 0, 'lines', 0, 'amount']],
      ['invalid_amount', ['entries', 1, 'lines', 0, 'amount']],
      ['unknown_currency', ['entries', 2, 'currency']],
      ['invalid_field', ['entries', 2, 'lines', 0, 'role']],
      ['invalid_field', ['entries', 3, 'period']],
      ['invalid_field', ['entries', 3, 'lines', 0, 'percent']],
      ['invalid_field', ['entries', 4, 'lines', 0, 'contractId']],
      ['invalid_field', ['entries', 4, 'lines', 0, 'percent']],
      ['amount_precision', ['entries', 4, 'lines', 0, 'amount']],
      ['invalid_field', ['entries', 5, 'saleId']],
      ['invalid_field', ['entries', 5, 'lines', 0, 'account']],
      ['invalid_field', ['entries', 5, 'lines', 0, 'amount']],
      ['invalid_field', ['entries', 6, 'lines', 0, 'role']],
      ['invalid_field', ['entries', 6, 'lines', 1, 'account']],
      ['invalid_field', ['entries', 6, 'lines', 1, 'contractId']],
      ['invalid_percent', ['entries', 6, 'lines', 1, 'percent']],
      ['invalid_field', ['entries', 7, 'saleId']],
      ['invalid_field', ['entries', 7, 'lines']],
      ['invalid_field', ['entries', 8]],
      ['invalid_field', ['conflicts', 0, 'versions']],
      ['invalid_field', ['conflicts', 0, 'versions', 0, 'saleId']],
      ['invalid_field', ['conflicts', 1, 'versions', 0, 'saleId']],
      ['invalid_field', ['conflicts', 1, 'versions', 1, 'saleId']],
      ['invalid_field', ['conflicts', 1, 'versions', 2]],
      ['invalid_field', ['conflicts', 2, 'versions', 1, 'refundId']],
    ]);
    for (const e of result._unsafeUnwrapErr()) expect(e.message.trim()).not.toBe('');
  });

  it('refuses what is not a ledger at its root', () => {
    for (const input of [null, 5, [], 'ledger']) {
      expect(
        parseLedgerJson(input)
          ._unsafeUnwrapErr()
          .map((e) => e.path),
      ).toEqual([[]]);
    }
    expect(
      parseLedgerJson({})
        ._unsafeUnwrapErr()
        .map((e) => e.path),
    ).toEqual([['entries']]);
    expect(
      parseLedgerJson({ entries: [], conflicts: {} })
        ._unsafeUnwrapErr()
        .map((e) => e.path),
    ).toEqual([['conflicts']]);
  });

  it('never throws, on any input or on a printed ledger with any field replaced', () => {
    const printed = JSON.parse(
      JSON.stringify(ledgerToJson(ledgerOf([kwd, reversal])._unsafeUnwrap())),
    );
    fc.assert(
      fc.property(
        fc.anything(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('saleId', 'refundId', 'currency', 'period', 'lines'),
        fc.constantFrom('role', 'account', 'contractId', 'percent', 'amount'),
        (value, i, j, entryKey, lineKey) => {
          expect(() => parseLedgerJson(value)).not.toThrow();
          const copy = structuredClone(printed);
          const e = copy.entries[i % copy.entries.length];
          e[entryKey] = value;
          expect(() => parseLedgerJson(copy)).not.toThrow();
          const copy2 = structuredClone(printed);
          const lines = copy2.entries[i % 2].lines;
          lines[j % lines.length][lineKey] = value;
          expect(() => parseLedgerJson(copy2)).not.toThrow();
        },
      ),
    );
  });
});

describe('a ledger through structuredClone', () => {
  it('is an equal value, as a worker receives it', () => {
    fc.assert(
      fc.property(entriesArb, ledgerOptionsArb, (entries: LedgerEntry[], o) => {
        const ledger = ledgerOf(entries, o)._unsafeUnwrap();
        expect(structuredClone(ledger)).toEqual(ledger);
        expect(ledgerToJson(structuredClone(ledger))).toEqual(ledgerToJson(ledger));
      }),
    );
  });
});
