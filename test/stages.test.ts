/**
 * specification §7's stages, worked by hand on small documents through the oracle (`settleToJson`):
 * which rule of stage 2 runs when, and the path each error points at. Every expected list
 * is in the order settleDocument reports: row 2a (contracts, then the sale), 2b, 2c, 2d, 2e,
 * then the refunds one by one.
 */
import { describe, expect, it } from 'vitest';
import { settleToJson } from '../src/wire/oracle';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const CAIO = 'caio@example.com';
const LEO = 'leo@example.com';

type Json = Record<string, unknown>;

const invited = (at: string, percent: string, terms: Json = {}): Json => ({
  type: 'invited',
  at,
  by: ANA,
  terms: { percent, ...terms },
});
const event = (type: string, at: string, by: string, extra: Json = {}): Json => ({
  type,
  at,
  by,
  ...extra,
});
const contractOf = (id: string, cocreator: string, events: Json[], productId = 'p1'): Json => ({
  id,
  productId,
  cocreator,
  events,
});

const JAN_1 = '2026-01-01T00:00:00Z';
const JAN_2 = '2026-01-02T00:00:00Z';

/** Bia, 20 %, accepted on Jan 2: she covers the sale (Mar 1) and may not sell as affiliate. */
const BIA_C1 = contractOf('c1', BIA, [invited(JAN_1, '20'), event('accepted', JAN_2, BIA)]);
/** Bia's contract "accepted" by Caio: a history whose first bad event is its second. */
const BIA_BAD = contractOf('c1', BIA, [invited(JAN_1, '20'), event('accepted', JAN_2, CAIO)]);
/** Caio invited at 60 % beside Bia's 20 %: 80 % > 70 % from Jan 1 on (Hotmart). */
const CAIO_60 = contractOf('c2', CAIO, [invited(JAN_1, '60')]);
/** A contract of product p2 whose history and cocreator would break p1's rules. */
const OTHER = contractOf('cx', ANA, [event('accepted', JAN_2, LEO)], 'p2');
/** A refund before the sale. */
const BEFORE_SALE = {
  id: 'r1',
  at: '2026-02-01T00:00:00Z',
  amount: { amount: '10.00', currency: 'BRL' },
};

function documentOf(parts: {
  readonly policy?: unknown;
  readonly contracts?: Json[];
  readonly sale?: Json;
  readonly refunds?: Json[];
}): Json {
  return {
    policy: parts.policy ?? 'hotmart',
    product: { id: 'p1', mainCreator: ANA },
    contracts: parts.contracts ?? [BIA_C1],
    sale: {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '100.00', currency: 'BRL' },
      ...parts.sale,
    },
    refunds: parts.refunds ?? [],
  };
}

/** `[code, path]` of each error, paths joined with dots; `[]` when the document settles. */
function errorsOf(document: Json): string[][] {
  const output = settleToJson(document);
  return output.ok ? [] : output.errors.map((e) => [e.code, e.path.join('.')]);
}

describe('refunds (row 2f) are checked whatever rows 2a to 2e find', () => {
  const refund = ['refund_before_sale', 'refunds.0.at'];
  it.each<[string, Parameters<typeof documentOf>[0], string[][]]>([
    ['a bad history', { contracts: [BIA_BAD] }, [['not_authorized', 'contracts.0.events.1.by']]],
    [
      'the retention floor',
      { contracts: [BIA_C1, CAIO_60] },
      [
        // Both invitations are at Jan 1: the state there has both, at each checkpoint.
        ['retention_floor_violated', 'contracts.0.events.0'],
        ['retention_floor_violated', 'contracts.1.events.0'],
      ],
    ],
    [
      'a contract of another product',
      { contracts: [BIA_C1, OTHER] },
      [['product_mismatch', 'contracts.1.productId']],
    ],
    [
      'a fee over the price',
      { sale: { platformFee: { amount: '100.01', currency: 'BRL' } } },
      [['fee_exceeds_price', 'sale.platformFee.amount']],
    ],
    [
      'a self-cocreation',
      { contracts: [BIA_C1, contractOf('c2', ANA, [invited(JAN_1, '10')])] },
      [['self_cocreation', 'contracts.1.cocreator']],
    ],
    [
      'a sale of another product',
      { sale: { productId: 'p2' } },
      [['product_mismatch', 'sale.productId']],
    ],
  ])('reports a refund before the sale beside %s', (_, parts, others) => {
    expect(errorsOf(documentOf({ ...parts, refunds: [BEFORE_SALE] }))).toEqual([...others, refund]);
  });

  it('leaves refunds with an error of their own out of the running total (specification §6)', () => {
    const brl = (amount: string) => ({ amount, currency: 'BRL' });
    const refunds = [
      // Another currency: reported, not counted.
      { id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '50.00', currency: 'USD' } },
      // Before the sale: reported, not counted.
      { id: 'r2', at: '2026-02-01T00:00:00Z', amount: brl('60.00') },
      // Counted: 100.00, exactly the price.
      { id: 'r3', at: '2026-03-03T00:00:00Z', amount: brl('100.00') },
      // Earlier than r3, listed before it: out of order, not counted.
      { id: 'r4', at: '2026-03-02T12:00:00Z', amount: brl('1.00') },
      // Counted: 100.01, past the price.
      { id: 'r5', at: '2026-03-04T00:00:00Z', amount: brl('0.01') },
    ];
    expect(errorsOf(documentOf({ contracts: [], refunds }))).toEqual([
      ['currency_mismatch', 'refunds.0.amount.currency'],
      ['refund_before_sale', 'refunds.1.at'],
      ['events_out_of_order', 'refunds.3.at'],
      ['refund_exceeds_price', 'refunds.4.amount.amount'],
    ]);
  });

  it('reverses refunds only when nothing else is wrong', () => {
    const fine = {
      id: 'r1',
      at: '2026-03-02T00:00:00Z',
      amount: { amount: '10.00', currency: 'BRL' },
    };
    expect(errorsOf(documentOf({ contracts: [BIA_BAD], refunds: [fine] }))).toEqual([
      ['not_authorized', 'contracts.0.events.1.by'],
    ]);
    const settled = settleToJson(documentOf({ refunds: [fine] }));
    expect(settled.ok && settled.refunds.map((r) => r.amount)).toEqual(['10.00']);
  });
});

describe('the affiliate rules (row 2e) run when every history of this product is valid, whether or not 2c holds', () => {
  const asBia = { affiliate: { account: BIA, percent: '10' } };

  it('refuses Bia as affiliate beside a broken retention floor', () => {
    expect(errorsOf(documentOf({ contracts: [BIA_C1, CAIO_60], sale: asBia }))).toEqual([
      ['retention_floor_violated', 'contracts.0.events.0'],
      ['retention_floor_violated', 'contracts.1.events.0'],
      ['affiliate_not_permitted', 'sale.affiliate.account'],
    ]);
  });

  it('refuses any affiliate on a covered Gumroad sale beside too many contracts', () => {
    // Gumroad: one live contract at most; both invitations are at Jan 1 (20 + 10 <= 50).
    const caio = contractOf('c2', CAIO, [invited(JAN_1, '10')]);
    const sale = { affiliate: { account: LEO, percent: '10' } };
    expect(errorsOf(documentOf({ policy: 'gumroad', contracts: [BIA_C1, caio], sale }))).toEqual([
      ['max_cocreators_reached', 'contracts.0.events.0'],
      ['max_cocreators_reached', 'contracts.1.events.0'],
      ['affiliates_not_allowed', 'sale.affiliate'],
    ]);
  });

  it('is not blocked by a contract of another product', () => {
    expect(errorsOf(documentOf({ contracts: [BIA_C1, OTHER], sale: asBia }))).toEqual([
      ['product_mismatch', 'contracts.1.productId'],
      ['affiliate_not_permitted', 'sale.affiliate.account'],
    ]);
  });

  it('waits for a bad history of this product', () => {
    const caio = contractOf('c2', CAIO, [invited(JAN_1, '10'), event('accepted', JAN_2, LEO)]);
    expect(errorsOf(documentOf({ contracts: [BIA_C1, caio], sale: asBia }))).toEqual([
      ['not_authorized', 'contracts.1.events.1.by'],
    ]);
  });

  it('waits for a self-cocreation, which has no valid history, and so does 2c', () => {
    const self = contractOf('c3', ANA, [invited(JAN_1, '10')]);
    expect(errorsOf(documentOf({ contracts: [BIA_C1, self, CAIO_60], sale: asBia }))).toEqual([
      ['self_cocreation', 'contracts.1.cocreator'],
    ]);
  });

  it('waits for a sale of another product', () => {
    expect(errorsOf(documentOf({ sale: { ...asBia, productId: 'p2' } }))).toEqual([
      ['product_mismatch', 'sale.productId'],
    ]);
  });
});

describe('a contract of another product is reported once and left out of every other rule', () => {
  it('is not replayed: its history and its cocreator are not read', () => {
    expect(errorsOf(documentOf({ contracts: [OTHER] }))).toEqual([
      ['product_mismatch', 'contracts.0.productId'],
    ]);
  });

  it('reserves nothing under the retention floor', () => {
    const caio = contractOf(
      'c2',
      CAIO,
      [invited(JAN_1, '60'), event('accepted', JAN_2, CAIO)],
      'p2',
    );
    expect(errorsOf(documentOf({ contracts: [BIA_C1, caio] }))).toEqual([
      ['product_mismatch', 'contracts.1.productId'],
    ]);
  });

  it('is no second live contract of its cocreator', () => {
    const again = contractOf('c2', BIA, [invited(JAN_1, '20')], 'p2');
    expect(errorsOf(documentOf({ contracts: [BIA_C1, again] }))).toEqual([
      ['product_mismatch', 'contracts.1.productId'],
    ]);
  });

  it('covers no sale of this product', () => {
    const caio = contractOf(
      'c2',
      CAIO,
      [invited(JAN_1, '20'), event('accepted', JAN_2, CAIO)],
      'p2',
    );
    const sale = { affiliate: { account: CAIO, percent: '10' } };
    expect(errorsOf(documentOf({ policy: 'gumroad', contracts: [caio], sale }))).toEqual([
      ['product_mismatch', 'contracts.0.productId'],
    ]);
  });

  it('is skipped by the paths of the rules across contracts', () => {
    const bia = contractOf('c1', BIA, [invited(JAN_1, '50')]);
    const caio = contractOf('c3', CAIO, [invited(JAN_1, '30')]);
    expect(errorsOf(documentOf({ contracts: [bia, OTHER, caio] }))).toEqual([
      ['product_mismatch', 'contracts.1.productId'],
      ['retention_floor_violated', 'contracts.0.events.0'],
      ['retention_floor_violated', 'contracts.2.events.0'],
    ]);
  });
});

describe('a platform fee in another currency (row 2a)', () => {
  const usdFee = { platformFee: { amount: '200.00', currency: 'USD' } };

  it('is reported, not compared with the price, and every other row still runs', () => {
    const sale = { ...usdFee, affiliate: { account: BIA, percent: '10' } };
    expect(errorsOf(documentOf({ sale, refunds: [BEFORE_SALE] }))).toEqual([
      ['currency_mismatch', 'sale.platformFee.currency'],
      ['affiliate_not_permitted', 'sale.affiliate.account'],
      ['refund_before_sale', 'refunds.0.at'],
    ]);
  });

  it('comes before the histories (row 2a, then 2b)', () => {
    expect(errorsOf(documentOf({ contracts: [BIA_BAD], sale: usdFee }))).toEqual([
      ['currency_mismatch', 'sale.platformFee.currency'],
      ['not_authorized', 'contracts.0.events.1.by'],
    ]);
  });
});

describe('the rules across contracts (row 2c) point at the event that broke them', () => {
  it('points at an amendment proposal, not at the invitation', () => {
    const caio = contractOf('c2', CAIO, [invited(JAN_1, '40'), event('accepted', JAN_2, CAIO)]);
    const bia = contractOf('c1', BIA, [
      invited(JAN_1, '20'),
      event('accepted', JAN_2, BIA),
      // Bia's reservation becomes max(20, 40) = 40: with Caio's 40, 80 > 70.
      event('amendment-proposed', '2026-02-01T00:00:00Z', ANA, { terms: { percent: '40' } }),
    ]);
    expect(errorsOf(documentOf({ contracts: [bia, caio] }))).toEqual([
      ['retention_floor_violated', 'contracts.0.events.2'],
    ]);
  });

  it('reports every breaking checkpoint, in document order', () => {
    const bia = contractOf('c1', BIA, [
      invited(JAN_1, '50'),
      event('accepted', JAN_2, BIA),
      event('amendment-proposed', '2026-02-01T00:00:00Z', ANA, { terms: { percent: '60' } }),
    ]);
    // Caio's 30 % from Jan 15: 50 + 30 = 80 there, then 60 + 30 = 90 at Bia's proposal.
    const caio = contractOf('c2', CAIO, [invited('2026-01-15T00:00:00Z', '30')]);
    expect(errorsOf(documentOf({ contracts: [bia, caio] }))).toEqual([
      ['retention_floor_violated', 'contracts.0.events.2'],
      ['retention_floor_violated', 'contracts.1.events.0'],
    ]);
  });

  it('points a duplicate cocreator at the second invitation', () => {
    const again = contractOf('c2', BIA, [invited('2026-01-15T00:00:00Z', '10')]);
    expect(errorsOf(documentOf({ contracts: [BIA_C1, again] }))).toEqual([
      ['duplicate_cocreator', 'contracts.1.events.0'],
    ]);
  });
});

describe('the sale (row 2d)', () => {
  const schedule = { extends: 'hotmart', fee: { percent: '10', fixed: { BRL: '95.00' } } };

  it('reports a scheduled fee over the price at policy.fee, whatever else is wrong', () => {
    // 10 % of 100.00 + 95.00 = 105.00 > 100.00.
    const document = documentOf({
      policy: schedule,
      contracts: [BIA_BAD],
      sale: { productId: 'p2' },
    });
    expect(errorsOf(document)).toEqual([
      ['product_mismatch', 'sale.productId'],
      ['not_authorized', 'contracts.0.events.1.by'],
      ['fee_exceeds_price', 'policy.fee'],
    ]);
  });

  it('reports self_affiliation beside a bad history, and only for a sale of this product', () => {
    const sale = { affiliate: { account: ANA, percent: '10' } };
    expect(errorsOf(documentOf({ contracts: [BIA_BAD], sale }))).toEqual([
      ['not_authorized', 'contracts.0.events.1.by'],
      ['self_affiliation', 'sale.affiliate.account'],
    ]);
    expect(errorsOf(documentOf({ sale: { ...sale, productId: 'p2' } }))).toEqual([
      ['product_mismatch', 'sale.productId'],
    ]);
  });
});

describe('every row of stage 2 is reported together, in row order', () => {
  it('2a, 2b, 2d and 2f at once', () => {
    const document = documentOf({
      contracts: [BIA_BAD, OTHER],
      sale: {
        platformFee: { amount: '100.01', currency: 'BRL' },
        affiliate: { account: ANA, percent: '10' },
      },
      refunds: [BEFORE_SALE],
    });
    expect(errorsOf(document)).toEqual([
      ['product_mismatch', 'contracts.1.productId'],
      ['not_authorized', 'contracts.0.events.1.by'],
      ['fee_exceeds_price', 'sale.platformFee.amount'],
      ['self_affiliation', 'sale.affiliate.account'],
      ['refund_before_sale', 'refunds.0.at'],
    ]);
  });

  it('2a, 2c, 2e and 2f at once', () => {
    const document = documentOf({
      contracts: [BIA_C1, CAIO_60, OTHER],
      sale: {
        platformFee: { amount: '1.00', currency: 'USD' },
        affiliate: { account: BIA, percent: '10' },
      },
      refunds: [
        { id: 'r1', at: '2026-03-02T00:00:00Z', amount: { amount: '100.01', currency: 'BRL' } },
      ],
    });
    expect(errorsOf(document)).toEqual([
      ['product_mismatch', 'contracts.2.productId'],
      ['currency_mismatch', 'sale.platformFee.currency'],
      ['retention_floor_violated', 'contracts.0.events.0'],
      ['retention_floor_violated', 'contracts.1.events.0'],
      ['affiliate_not_permitted', 'sale.affiliate.account'],
      ['refund_exceeds_price', 'refunds.0.amount.amount'],
    ]);
  });
});

describe('within one event (row 2b), the first failing check is reported, and nothing after it', () => {
  const JAN_5 = '2026-01-05T00:00:00Z';
  const expiring = invited(JAN_1, '20', { endsAt: JAN_5 });
  const history = (...events: Json[]) => documentOf({ contracts: [contractOf('c1', BIA, events)] });

  it.each<[string, Json[], string[][]]>([
    [
      'time order before expiry and actor',
      [
        invited('2026-01-10T00:00:00Z', '20', { endsAt: '2026-01-12T00:00:00Z' }),
        event('accepted', JAN_5, LEO),
      ],
      [['events_out_of_order', 'contracts.0.events.1.at']],
    ],
    [
      'expiry before actor (an acceptance too late)',
      [expiring, event('accepted', '2026-01-06T00:00:00Z', LEO)],
      [['term_already_expired', 'contracts.0.events.1.at']],
    ],
    [
      'expiry before state (any other event after the end)',
      [expiring, event('declined', JAN_5, BIA)],
      [['invalid_transition', 'contracts.0.events.1.type']],
    ],
    [
      'state before actor',
      [
        invited(JAN_1, '20'),
        event('accepted', JAN_2, BIA),
        event('amendment-approved', JAN_5, LEO),
      ],
      [['invalid_transition', 'contracts.0.events.2.type']],
    ],
    [
      'the policy mode before actor (no unilateral cancel under Hotmart)',
      [invited(JAN_1, '20'), event('accepted', JAN_2, BIA), event('cancelled', JAN_5, LEO)],
      [['invalid_transition', 'contracts.0.events.2.type']],
    ],
    [
      'actor before terms',
      [
        invited(JAN_1, '20'),
        event('accepted', JAN_2, BIA),
        event('amendment-proposed', JAN_5, BIA, { terms: { percent: '99' } }),
      ],
      [['not_authorized', 'contracts.0.events.2.by']],
    ],
    [
      "the percent before the term's end",
      [invited(JAN_2, '80', { endsAt: JAN_1 })],
      [['percent_out_of_range', 'contracts.0.events.0.terms.percent']],
    ],
    [
      "the term's end when the percent is good",
      [invited(JAN_2, '20', { endsAt: JAN_2 })],
      [['term_already_expired', 'contracts.0.events.0.terms.endsAt']],
    ],
    [
      'both the precision and the range of one percent',
      [invited(JAN_1, '70.001')],
      [
        ['percent_precision', 'contracts.0.events.0.terms.percent'],
        ['percent_out_of_range', 'contracts.0.events.0.terms.percent'],
      ],
    ],
    [
      'the first bad event only',
      [
        event('invited', JAN_1, LEO, { terms: { percent: '20' } }),
        event('accepted', JAN_2, LEO),
        event('amendment-approved', JAN_5, LEO),
      ],
      [['not_authorized', 'contracts.0.events.0.by']],
    ],
  ])('checks %s', (_, events, expected) => {
    expect(errorsOf(history(...events))).toEqual(expected);
  });
});
