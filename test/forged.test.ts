/**
 * Values forged around the type system, and the rare shapes the checking code still has to
 * answer: every one is refused with its the specification code at its path (or answered correctly), never
 * with an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commissionTerms,
  pendingAmendmentAt,
  pendingCancellationAt,
} from '../src/contracts/queries';
import { contract } from '../src/contracts/read';
import { replayContract } from '../src/contracts/replay';
import type { CocreationContract } from '../src/contracts/types';
import type { DomainError } from '../src/errors';
import { combineLedgers } from '../src/ledger/combine';
import { ledgerOf } from '../src/ledger/entries';
import { appliesToSale } from '../src/model/commission';
import { POLICIES } from '../src/model/policy';
import { product } from '../src/model/product';
import type { Sale } from '../src/model/sale';
import { refundSale } from '../src/refunds/refund';
import type { Settlement } from '../src/settle/settlement';
import { settleSale } from '../src/settle/stages';
import { validateDomain } from '../src/validate/domain';
import { accept, invite, proposeAmendment } from '../src/validate/transitions';
import { accountId } from '../src/values/account';
import { type Instant, parseInstant } from '../src/values/instant';
import { parseDocument } from '../src/wire/document';
import { settlementToJson } from '../src/wire/print';
import { parseSettlementJson } from '../src/wire/read-output';
import { settleDocument } from '../src/wire/settle-document';

const problems = (errors: ReadonlyArray<DomainError>) => errors.map((e) => [e.code, e.path]);
const at = (text: string): Instant => parseInstant(text)._unsafeUnwrap();
const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const course = product({ id: 'p1', mainCreator: ANA, affiliateCommission: '40' })._unsafeUnwrap();

const SPEC_DOCUMENT = {
  product: { id: 'p1', mainCreator: ANA, affiliateCommission: '40' },
  contracts: [
    {
      id: 'c1',
      productId: 'p1',
      cocreator: BIA,
      events: [
        { type: 'invited', at: '2026-01-01T00:00:00Z', by: ANA, terms: { percent: '20' } },
        { type: 'accepted', at: '2026-01-02T00:00:00Z', by: BIA },
      ],
    },
  ],
  sale: {
    id: 's1',
    productId: 'p1',
    at: '2026-03-01T12:00:00Z',
    price: { amount: '197.00', currency: 'BRL' },
    platformFee: { amount: '20.50', currency: 'BRL' },
    affiliate: { account: 'leo@example.com', percent: '40', managedBy: BIA },
  },
};
const doc = parseDocument(SPEC_DOCUMENT)._unsafeUnwrap();
const settlement: Settlement = settleDocument(doc)._unsafeUnwrap().settlement;
const c1 = doc.contracts[0] as CocreationContract;
const timeline = replayContract(c1, POLICIES.hotmart, course)._unsafeUnwrap();

describe('commission rules', () => {
  it('pays no sale under a rule that is not one of specification §3', () => {
    const bia = accountId(BIA)._unsafeUnwrap();
    expect(appliesToSale('some-sales' as never, bia, { affiliate: null })).toBe(false);
  });
});

describe('contract queries', () => {
  it('find no commission terms for a sale of another product', () => {
    const sale = { productId: 'p2', at: at('2026-03-01T00:00:00Z'), affiliate: null };
    expect(commissionTerms(timeline, sale)).toBeNull();
    expect(commissionTerms(timeline, { ...sale, productId: 'p1' })).not.toBeNull();
  });

  it('find nothing pending before the invitation, when the contract is not live', () => {
    expect(pendingAmendmentAt(timeline, at('2025-12-31T00:00:00Z'))).toBeNull();
    expect(pendingCancellationAt(timeline, at('2025-12-31T00:00:00Z'))).toBeNull();
  });

  it('refuse a hand-built contract with no events with invalid_field at events', () => {
    const empty = { ...c1, events: [] } as unknown as CocreationContract;
    expect(problems(replayContract(empty, POLICIES.hotmart, course)._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['events']],
    ]);
    expect(replayContract(empty, POLICIES.hotmart, course)._unsafeUnwrapErr()[0].message).toBe(
      'a contract history has at least one event',
    );
  });
});

describe('replayContract, given a history forged around the type system', () => {
  const invited = c1.events[0] as CocreationContract['events'][number] & { type: 'invited' };
  const withPercent = (percent: unknown) =>
    ({
      ...c1,
      events: [{ ...invited, terms: { ...invited.terms, percent } }, c1.events[1]],
    }) as unknown as CocreationContract;

  it('answers a terms percent that is not a percent with invalid_percent at it', () => {
    for (const percent of [{ units: '20', scale: 0 }, { units: 20n, scale: -1 }, 20]) {
      expect(
        problems(
          replayContract(withPercent(percent), POLICIES.hotmart, course, ['c'])._unsafeUnwrapErr(),
        ),
      ).toEqual([['invalid_percent', ['c', 'events', 0, 'terms', 'percent']]]);
    }
  });

  it('answers a policy without its percent bounds with invalid_field at the contract', () => {
    const { cocreatorPercent: _, ...unbounded } = POLICIES.hotmart;
    expect(
      problems(replayContract(c1, unbounded as never, course, ['c'])._unsafeUnwrapErr()),
    ).toEqual([['invalid_field', ['c']]]);
  });
});

describe('a hand-built fee schedule', () => {
  const sale100 = doc.sale as Sale;
  const withFee = (fee: unknown) => ({ ...POLICIES.hotmart, fee }) as never;
  const ten = { units: 10n, scale: 0 };

  it('is refused, not added as text, when a fixed amount is not a bigint of minor units', () => {
    for (const fixed of [{ BRL: '5' }, { BRL: 5 }, { BRL: -1n }, { BRL: null }]) {
      const answer = settleSale(withFee({ percent: ten, fixed }), course, [], sale100);
      expect(answer._unsafeUnwrapErr().map((e) => [e.code, e.path, e.message])).toEqual([
        ['invalid_field', ['policy', 'fee'], 'expected a policy from policy(): fee'],
      ]);
    }
  });

  it('is refused with invalid_policy when its percent is above 100, as policy() refuses it', () => {
    const answer = settleSale(
      withFee({ percent: { units: 1001n, scale: 1 }, fixed: {} }),
      course,
      [],
      sale100,
    );
    expect(answer._unsafeUnwrapErr().map((e) => [e.code, e.path, e.message])).toEqual([
      ['invalid_policy', ['policy'], 'a fee percent is from 0 to 100'],
    ]);
  });

  it('accepts the edges policy() accepts: a percent of exactly 100 and a fixed amount of 0', () => {
    // 100 % of 197.00 plus 0.00 is the whole price: everything goes to the platform.
    const direct = { ...sale100, platformFee: null } as Sale;
    const whole = { percent: { units: 1000n, scale: 1 }, fixed: { BRL: 0n } };
    const answer = settleSale(withFee(whole), course, [], direct);
    expect(answer._unsafeUnwrap().platformFee).toBe(19700n);
  });

  it('settles with a valid one: 10 % of 197.00 plus 1.00 is 20.70', () => {
    const direct = { ...sale100, platformFee: null } as Sale;
    const answer = settleSale(withFee({ percent: ten, fixed: { BRL: 100n } }), course, [], direct);
    expect(answer._unsafeUnwrap().platformFee).toBe(2070n);
  });
});

describe('validateDomain', () => {
  it('refuses a policy or product that is an array, without taking it for an object', () => {
    const answer = validateDomain({
      policy: [POLICIES.hotmart],
      product: [course],
      contracts: [],
    } as never);
    expect(problems(answer._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['policy']],
      ['invalid_field', ['product']],
    ]);
  });
});

describe('a transition that breaks a rule at a later event of another contract', () => {
  it('is refused with the error where the rule breaks, in the context it was given', () => {
    const empty = { policy: POLICIES.hotmart, product: course, contracts: [] };
    const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00Z`;
    const caio = 'caio@example.com';
    const c2 = invite(empty, {
      id: 'c2',
      cocreator: caio,
      terms: { percent: '50' },
      by: ANA,
      at: day(5),
    })._unsafeUnwrap();
    const context = { ...empty, contracts: [c2] };
    let c1 = invite(context, {
      id: 'c1',
      cocreator: BIA,
      terms: { percent: '20' },
      by: ANA,
      at: day(1),
    })._unsafeUnwrap();
    c1 = accept({ ...context, contracts: [c2, c1] }, c1, { by: BIA, at: day(2) })._unsafeUnwrap();
    // 30 % from day 3 leaves 40 % under Hotmart's 70 %: c2's invitation of 50 % on day 5 breaks it.
    const error = proposeAmendment({ ...context, contracts: [c2, c1] }, c1, {
      terms: { percent: '30' },
      by: ANA,
      at: day(3),
    })._unsafeUnwrapErr();
    expect([error.code, error.path]).toEqual([
      'retention_floor_violated',
      ['contracts', 0, 'events', 0],
    ]);
  });
});

describe('validateDomain and the fields it does not know', () => {
  it('keeps an unknown field of a hand-built policy, frozen through', () => {
    const notes = ['launch price'];
    const domain = validateDomain({
      policy: { ...POLICIES.hotmart, notes } as never,
      product: course,
      contracts: [],
    })._unsafeUnwrap();
    const kept = (domain.policy as unknown as { notes: string[] }).notes;
    expect(kept).toEqual(notes);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(notes)).toBe(false);
  });
});

describe('parseSettlementJson and the platform line', () => {
  it('refuses a platform line that is not the platform fee, at lines.0.amount', () => {
    const json = JSON.parse(JSON.stringify(settlementToJson(settlement)));
    json.platformFee = '20.40';
    json.net = '176.60';
    expect(problems(parseSettlementJson(json)._unsafeUnwrapErr())).toContainEqual([
      'invalid_field',
      ['lines', 0, 'amount'],
    ]);
  });
});

describe('invite', () => {
  it('refuses an invitation whose contract id is not an id, at id', () => {
    const context = { policy: POLICIES.hotmart, product: course, contracts: [] };
    const input = {
      id: '',
      cocreator: BIA,
      terms: { percent: '20' },
      by: ANA,
      at: at('2026-01-01T00:00:00Z'),
    };
    const [error] = invite(context, input as never)._unsafeUnwrapErr();
    expect([error.code, error.path]).toEqual(['invalid_field', ['id']]);
    expect(contract({ ...SPEC_DOCUMENT.contracts[0], id: '' }).isErr()).toBe(true);
  });
});

describe('parseSettlementJson', () => {
  const printed = () => JSON.parse(JSON.stringify(settlementToJson(settlement)));
  const withLine = (index: number, line: unknown) => {
    const json = printed();
    json.lines[index] = line;
    return parseSettlementJson(json);
  };

  it('reads the printed settlement back', () => {
    expect(parseSettlementJson(printed()).isOk()).toBe(true);
  });

  it('refuses a line that is not an object, at the line', () => {
    expect(problems(withLine(1, 'affiliate')._unsafeUnwrapErr())).toContainEqual([
      'invalid_field',
      ['lines', 1],
    ]);
  });

  it('refuses a line whose role is not one of specification §8, at its role', () => {
    const line = { ...printed().lines[1], role: 'boss' };
    expect(problems(withLine(1, line)._unsafeUnwrapErr())).toContainEqual([
      'invalid_field',
      ['lines', 1, 'role'],
    ]);
  });

  it('refuses a cocreator line whose contract id is not a non-empty string, at contractId', () => {
    const line = { ...printed().lines[2], contractId: 7 };
    expect(problems(withLine(2, line)._unsafeUnwrapErr())).toContainEqual([
      'invalid_field',
      ['lines', 2, 'contractId'],
    ]);
  });

  it('refuses a platform line with an account, at account', () => {
    const line = { ...printed().lines[0], account: ANA };
    expect(problems(withLine(0, line)._unsafeUnwrapErr())).toContainEqual([
      'invalid_field',
      ['lines', 0, 'account'],
    ]);
  });
});

describe('ledgers', () => {
  it('put the rows without a period before those with one, in a combined ledger', () => {
    const plain = ledgerOf([settlement])._unsafeUnwrap();
    // Another sale: the same sale counted in no period and in a period would be a conflict.
    const other = { ...settlement, saleId: 'other' };
    const monthly = ledgerOf([other], { period: () => '2026-03' })._unsafeUnwrap();
    const both = combineLedgers(monthly, plain);
    expect(both.rows.map((r) => r.period)).toEqual([
      ...plain.rows.map(() => null),
      ...monthly.rows.map(() => '2026-03'),
    ]);
    expect(combineLedgers(plain, monthly)).toEqual(both);
  });

  it('refuse an entry with a line that is not an object', () => {
    const forged = { ...settlement, lines: [null] } as unknown as Settlement;
    expect(ledgerOf([forged])._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      path: [0],
    });
  });
});

describe('refunds of forged values', () => {
  const refund = {
    id: 'r1',
    at: at('2026-03-05T00:00:00Z'),
    amount: { amount: 100n, currency: settlement.currency },
  };

  it('refuse a settlement with a line that is not an object', () => {
    const forged = { ...settlement, lines: [...settlement.lines, null] } as unknown as Settlement;
    expect(refundSale(forged, [], refund as never)._unsafeUnwrapErr()[0].code).toBe(
      'invalid_field',
    );
  });

  it('refuse a settlement whose lines do not sum to its price', () => {
    const [first, ...others] = settlement.lines;
    const short = { ...first, amount: (first?.amount ?? 0n) + 1n };
    const forged = { ...settlement, lines: [short, ...others] } as unknown as Settlement;
    expect(refundSale(forged, [], refund as never)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_field',
      message: 'expected a settlement from settleSale',
      path: [],
    });
  });

  it('refuse previous refunds that are not a list', () => {
    expect(
      refundSale(settlement, 'r0' as never, refund as never)._unsafeUnwrapErr()[0],
    ).toMatchObject({ code: 'invalid_field', path: [] });
  });
});

describe('settleSale of a forged sale value', () => {
  const sale = doc.sale;
  const settle = (s: unknown) =>
    problems(settleSale(doc.policy, doc.product, doc.contracts, s as Sale)._unsafeUnwrapErr());

  it('refuses an affiliate that is not an object, at sale.affiliate', () => {
    expect(settle({ ...sale, affiliate: 'leo@example.com' })).toEqual([
      ['invalid_field', ['sale', 'affiliate']],
    ]);
  });

  it('refuses an affiliate percent of 0 or above 100 with percent_out_of_range', () => {
    for (const percent of [
      { units: 0n, scale: 0 },
      { units: 10001n, scale: 2 },
    ]) {
      const affiliate = { ...(sale.affiliate as object), percent };
      expect(settle({ ...sale, affiliate })).toEqual([
        ['percent_out_of_range', ['sale', 'affiliate', 'percent']],
      ]);
    }
  });
});

describe('validateDomain, given a policy or product built by hand', () => {
  const pct = (units: bigint, scale = 0) => ({ units, scale });
  const withPolicy = (rules: unknown) =>
    validateDomain({ policy: rules as never, product: course, contracts: [] });
  const withProduct = (value: unknown) =>
    validateDomain({ policy: POLICIES.hotmart, product: value as never, contracts: [] });
  const only = (errors: ReadonlyArray<DomainError>) => {
    expect(errors).toHaveLength(1);
    const [e] = errors as readonly [DomainError];
    return [e.code, e.message, e.path];
  };

  it('names, in the message, the first field that is not what policy() makes', () => {
    expect(only(withPolicy('hotmart')._unsafeUnwrapErr())).toEqual([
      'invalid_field',
      'expected a policy from policy(): not an object',
      ['policy'],
    ]);
    const cases: ReadonlyArray<readonly [string, unknown]> = [
      ['name', 'Hotmart'],
      ['minRetainedPercent', '30'],
      ['cocreatorPercent', { min: pct(1n), max: '70' }],
      ['percentDecimals', '2'],
      ['maxCocreators', '1'],
      ['affiliatesOnCocreatedProducts', 1],
      ['cancellation', 'sometimes'],
      ['amendments', 'never'],
      ['fee', 0],
    ];
    for (const [field, value] of cases) {
      expect(only(withPolicy({ ...POLICIES.hotmart, [field]: value })._unsafeUnwrapErr())).toEqual([
        'invalid_field',
        `expected a policy from policy(): ${field}`,
        ['policy', field],
      ]);
    }
  });

  it('refuses a maxCocreators that is a number but not a whole one, as policy() would', () => {
    for (const max of [2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        problems(withPolicy({ ...POLICIES.hotmart, maxCocreators: max })._unsafeUnwrapErr()),
      ).toEqual([['invalid_field', ['policy', 'maxCocreators']]]);
    }
  });

  it('accepts a fee schedule, and refuses one whose percent is not a percent', () => {
    const fee = { percent: pct(5n), fixed: { BRL: 100n } };
    expect(withPolicy({ ...POLICIES.hotmart, fee }).isOk()).toBe(true);
    expect(withPolicy({ ...POLICIES.hotmart, fee: { percent: pct(0n), fixed: {} } }).isOk()).toBe(
      true,
    );
    for (const broken of [
      { ...fee, percent: '5' },
      { ...fee, percent: pct(5n, -1) },
      { percent: pct(5n) },
    ]) {
      expect(problems(withPolicy({ ...POLICIES.hotmart, fee: broken })._unsafeUnwrapErr())).toEqual(
        [['invalid_field', ['policy', 'fee']]],
      );
    }
  });

  it('states which rule of specification §2 an invalid policy breaks', () => {
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
      // 100 % retained would also leave cocreatorPercent.max above 0 %: the first rule is named.
      [{ minRetainedPercent: pct(100n) }, 'minRetainedPercent is below 100'],
      [{ minRetainedPercent: pct(1005n, 1) }, 'minRetainedPercent is below 100'],
      [{ cocreatorPercent: { min: pct(0n), max: pct(70n) } }, 'cocreatorPercent.min is above 0'],
      [
        { cocreatorPercent: { min: pct(50n), max: pct(40n) } },
        'cocreatorPercent.min is at most cocreatorPercent.max',
      ],
      [
        { cocreatorPercent: { min: pct(1n), max: pct(7001n, 2) } },
        'cocreatorPercent.max is at most 100 - minRetainedPercent',
      ],
      [{ percentDecimals: 7 }, 'percentDecimals is an integer from 0 to 6'],
      [{ percentDecimals: -1 }, 'percentDecimals is an integer from 0 to 6'],
      [{ maxCocreators: 0 }, 'maxCocreators is a positive integer, or null'],
    ];
    for (const [fields, message] of cases) {
      expect(
        only(withPolicy({ ...POLICIES.hotmart, ...fields })._unsafeUnwrapErr()),
        message,
      ).toEqual(['invalid_policy', message, ['policy']]);
    }
  });

  it('accepts percentDecimals 6, the most specification §2 allows', () => {
    const sixPlaces = { ...POLICIES.hotmart, percentDecimals: 6 };
    expect(withPolicy(sixPlaces).isOk()).toBe(true);
  });

  it('accepts bounds with min = max, as policy() does', () => {
    const fixed = {
      min: POLICIES.hotmart.cocreatorPercent.max,
      max: POLICIES.hotmart.cocreatorPercent.max,
    };
    expect(withPolicy({ ...POLICIES.hotmart, cocreatorPercent: fixed }).isOk()).toBe(true);
  });

  it('names, in the message, the first field that is not what product() makes', () => {
    expect(only(withProduct(null)._unsafeUnwrapErr())).toEqual([
      'invalid_field',
      'expected a product from product(): not an object',
      ['product'],
    ]);
    const cases: ReadonlyArray<readonly [string, unknown, string]> = [
      ['id', 7, 'id'],
      ['mainCreator', 'ANA@example.com', 'mainCreator (a canonical account id)'],
      ['affiliateCommission', 40, 'affiliateCommission'],
    ];
    for (const [field, value, what] of cases) {
      expect(only(withProduct({ ...course, [field]: value })._unsafeUnwrapErr())).toEqual([
        'invalid_field',
        `expected a product from product(): ${what}`,
        ['product', field],
      ]);
    }
  });

  it('holds a hand-built affiliate commission to the range product() reads (0 < p <= 100)', () => {
    // A commission past 100 % would pay the affiliate more than the net, and past 2^53 units
    // it reached the split's number road with an unsafe factor (lines no longer summing to
    // the price): both are refused as product() refuses the same percent written out.
    const commissions = fc.oneof(
      fc.record({
        units: fc.bigInt({ min: 0n, max: 20_000n }),
        scale: fc.integer({ min: 0, max: 2 }),
      }),
      fc.record({
        units: fc.bigInt({ min: 0n, max: 2n ** 70n }),
        scale: fc.integer({ min: 0, max: 6 }),
      }),
    );
    fc.assert(
      fc.property(commissions, (p) => {
        const written = `${p.units / 10n ** BigInt(p.scale)}.${(p.units % 10n ** BigInt(p.scale)).toString().padStart(p.scale, '0')}`;
        const read = product(
          {
            id: 'p1',
            mainCreator: ANA,
            affiliateCommission: p.scale === 0 ? String(p.units) : written,
          },
          ['product'],
        );
        const built = withProduct({ ...course, affiliateCommission: p });
        expect(built.isOk()).toBe(read.isOk());
        if (read.isErr()) expect(problems(built._unsafeUnwrapErr())).toEqual(problems(read.error));
      }),
    );
    expect(
      problems(withProduct({ ...course, affiliateCommission: pct(150n) })._unsafeUnwrapErr()),
    ).toEqual([['percent_out_of_range', ['product', 'affiliateCommission']]]);
    expect(
      problems(
        withProduct({
          ...course,
          affiliateCommission: pct(9_007_199_254_740_993n),
        })._unsafeUnwrapErr(),
      ),
    ).toEqual([['percent_out_of_range', ['product', 'affiliateCommission']]]);
  });

  it('refuses a product whose main creator is the empty string', () => {
    expect(problems(withProduct({ ...course, mainCreator: '' })._unsafeUnwrapErr())).toEqual([
      ['invalid_field', ['product', 'mainCreator']],
    ]);
  });

  it('keeps a deeply frozen hand-built policy as it is, without copying it', () => {
    // The preset's fields are deeply frozen, so freezing the new top level freezes it all.
    const rules = Object.freeze({ ...POLICIES.hotmart });
    expect(withPolicy(rules)._unsafeUnwrap().policy).toBe(rules);
  });

  it('freezes through a hand-built policy frozen only at the top, leaving the input alone', () => {
    const bounds = { ...POLICIES.hotmart.cocreatorPercent };
    const rules = Object.freeze({ ...POLICIES.hotmart, cocreatorPercent: bounds });
    const kept = withPolicy(rules)._unsafeUnwrap().policy;
    expect(kept).toEqual(rules);
    expect(Object.isFrozen(kept.cocreatorPercent)).toBe(true);
    expect(Object.isFrozen(bounds)).toBe(false);
  });
});
