import { describe, expect, it } from 'vitest';
import { applyPatch } from '../src/contracts/lifecycle';
import {
  commissionTerms,
  coveringTerms,
  covers,
  isLive,
  pendingAmendmentAt,
  pendingCancellationAt,
  reservedPercentAt,
  statusAt,
  termsAt,
  termsHistory,
} from '../src/contracts/queries';
import {
  checkContract,
  commissionRule,
  contract,
  contractEvent,
  termsPatch,
} from '../src/contracts/read';
import { replayContract } from '../src/contracts/replay';
import type { CocreationContract, ContractTimeline } from '../src/contracts/types';
import type { DomainError } from '../src/errors';
import { POLICIES, type Policy } from '../src/model/policy';
import { product } from '../src/model/product';
import { accountId } from '../src/values/account';
import { formatInstant, type Instant, parseInstant } from '../src/values/instant';
import { formatPercent, parsePercent } from '../src/values/percent';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const LEO = 'leo@example.com';
const course = product({ id: 'p1', mainCreator: ANA })._unsafeUnwrap();
const at = (s: string): Instant => parseInstant(s)._unsafeUnwrap();
/** Day `n` of January 2026, at midnight UTC, as on the wire. */
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00Z`;
const problems = (errors: ReadonlyArray<DomainError>) =>
  errors.map((e) => ({ code: e.code, path: e.path }));

type WireEvent = { type: string; at: string; by: string; terms?: unknown };
const invited = (n: number, terms: unknown = { percent: '20' }, by = ANA): WireEvent => ({
  type: 'invited',
  at: day(n),
  by,
  terms,
});
const event = (type: string, n: number, by: string, terms?: unknown): WireEvent =>
  terms === undefined ? { type, at: day(n), by } : { type, at: day(n), by, terms };

function wire(events: ReadonlyArray<WireEvent>, extra: Record<string, unknown> = {}) {
  return { id: 'c1', productId: 'p1', cocreator: BIA, events, ...extra };
}
function build(
  events: ReadonlyArray<WireEvent>,
  extra: Record<string, unknown> = {},
): CocreationContract {
  return contract(wire(events, extra))._unsafeUnwrap();
}
function replay(events: ReadonlyArray<WireEvent>, rules: Policy = POLICIES.hotmart, extra = {}) {
  return replayContract(build(events, extra), rules, course, ['contracts', 0]);
}
function timeline(
  events: ReadonlyArray<WireEvent>,
  rules: Policy = POLICIES.hotmart,
): ContractTimeline {
  return replay(events, rules)._unsafeUnwrap();
}

describe('contract', () => {
  it('reads the contract of specification §8', () => {
    const c = contract(
      wire([
        invited(1, {
          percent: '20',
          appliesTo: 'all-sales',
          endsAt: null,
          mayAlsoSellAsAffiliate: false,
        }),
        event('accepted', 2, BIA),
      ]),
    )._unsafeUnwrap();
    expect(c.events.map((e) => [e.type, formatInstant(e.at), e.by])).toEqual([
      ['invited', '2026-01-01T00:00:00.000Z', ANA],
      ['accepted', '2026-01-02T00:00:00.000Z', BIA],
    ]);
    expect(Object.isFrozen(c) && Object.isFrozen(c.events) && Object.isFrozen(c.events[0])).toBe(
      true,
    );
  });

  it('fills the defaults of invitation terms: all-sales, unlimited, not an affiliate', () => {
    const [first] = build([invited(1, { percent: 12.5 })]).events;
    expect(first?.type === 'invited' && first.terms).toEqual({
      percent: parsePercent('12.5')._unsafeUnwrap(),
      appliesTo: 'all-sales',
      endsAt: null,
      mayAlsoSellAsAffiliate: false,
    });
  });

  it('puts account ids in canonical form', () => {
    const c = build([invited(1, { percent: '20' }, ' ANA@example.com ')], {
      cocreator: 'Bia@Example.com',
    });
    expect([c.cocreator, c.events[0]?.by]).toEqual([BIA, ANA]);
  });

  it('reads null terms on an event without terms as absent', () => {
    expect(contract(wire([invited(1), event('accepted', 2, BIA, null)])).isOk()).toBe(true);
  });

  it('reads amendment terms as a patch, endsAt: null included', () => {
    const c = build([
      invited(1),
      event('accepted', 2, BIA),
      event('amendment-proposed', 3, ANA, { endsAt: null, appliesTo: null }),
    ]);
    expect(c.events[2]?.type === 'amendment-proposed' && c.events[2].terms).toEqual({
      endsAt: null,
    });
  });

  it('refuses what is not a contract object with invalid_field', () => {
    expect(problems(contract([], ['contracts', 0])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: ['contracts', 0] },
    ]);
  });

  it('requires id, productId, cocreator and events', () => {
    expect(problems(contract({ extra: 1 }, ['contracts', 0])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: ['contracts', 0, 'extra'] },
      { code: 'invalid_field', path: ['contracts', 0, 'id'] },
      { code: 'invalid_field', path: ['contracts', 0, 'productId'] },
      { code: 'invalid_field', path: ['contracts', 0, 'cocreator'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events'] },
    ]);
  });

  it('refuses an empty history and a history that is not an array with invalid_field', () => {
    for (const events of [[], {}]) {
      expect(problems(contract(wire([], { events }), ['contracts', 2])._unsafeUnwrapErr())).toEqual(
        [{ code: 'invalid_field', path: ['contracts', 2, 'events'] }],
      );
    }
  });

  it('reports every shape problem of every event at its path', () => {
    const events = [
      {
        type: 'invited',
        at: '2026-01-01',
        by: '',
        terms: {
          percent: '20%',
          appliesTo: 'some',
          endsAt: 5,
          mayAlsoSellAsAffiliate: 'no',
          share: 1,
        },
      },
      { type: 'accepted', at: Date.UTC(2026, 0, 2), by: BIA, terms: { percent: '1' } },
      { type: 'resigned', at: day(3), by: BIA },
      { type: 'amendment-proposed', at: day(4), by: ANA, terms: {} },
      { type: 'amended', at: day(5), by: ANA, terms: { percent: null } },
      { type: 'invited', at: day(6), by: ANA, terms: { appliesTo: 'all-sales' } },
      { type: 'amended', at: day(7), by: ANA },
      'cancelled',
    ];
    expect(problems(contract(wire([], { events }), ['contracts', 0])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_instant', path: ['contracts', 0, 'events', 0, 'at'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 0, 'by'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 0, 'terms', 'share'] },
      { code: 'invalid_percent', path: ['contracts', 0, 'events', 0, 'terms', 'percent'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 0, 'terms', 'appliesTo'] },
      // A number where an instant belongs is of the wrong type (specification §7: type before syntax).
      { code: 'invalid_field', path: ['contracts', 0, 'events', 0, 'terms', 'endsAt'] },
      {
        code: 'invalid_field',
        path: ['contracts', 0, 'events', 0, 'terms', 'mayAlsoSellAsAffiliate'],
      },
      // On the wire an instant is a string: a number is of the wrong type.
      { code: 'invalid_field', path: ['contracts', 0, 'events', 1, 'at'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 1, 'terms'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 2, 'type'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 3, 'terms'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 4, 'terms'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 5, 'terms', 'percent'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 6, 'terms'] },
      { code: 'invalid_field', path: ['contracts', 0, 'events', 7] },
    ]);
  });
});

describe('checkContract', () => {
  it('returns a contract the library built as it is', () => {
    const c = build([invited(1)]);
    expect(checkContract(c)._unsafeUnwrap()).toBe(c);
  });

  it('reads a hand-built contract with instants as epoch milliseconds into a frozen copy', () => {
    const stored = {
      id: 'c1',
      productId: 'p1',
      cocreator: 'BIA@example.com',
      events: [
        {
          type: 'invited',
          at: Date.UTC(2026, 0, 1),
          by: ANA,
          terms: { percent: parsePercent('20')._unsafeUnwrap(), endsAt: Date.UTC(2027, 0, 1) },
        },
      ],
    };
    const c = checkContract(stored)._unsafeUnwrap();
    expect(c).toEqual(build([invited(1, { percent: '20', endsAt: '2027-01-01T00:00:00Z' })]));
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('refuses an instant outside the years 0001-9999 with invalid_instant', () => {
    const stored = {
      id: 'c1',
      productId: 'p1',
      cocreator: BIA,
      events: [{ type: 'accepted', at: 1e20, by: BIA }],
    };
    expect(problems(checkContract(stored)._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_instant', path: ['events', 0, 'at'] },
    ]);
  });
});

describe('commissionRule, termsPatch and contractEvent', () => {
  it('read one piece of a contract with paths relative to it', () => {
    expect(problems(commissionRule({ percent: 'x' }, ['terms'])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_percent', path: ['terms', 'percent'] },
    ]);
    expect(problems(termsPatch({ mayAlsoSellAsAffiliate: null })._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_field', path: [] },
    ]);
    expect(
      problems(
        contractEvent({ type: 'cancelled', at: day(1), by: ANA, terms: {} })._unsafeUnwrapErr(),
      ),
    ).toEqual([{ code: 'invalid_field', path: ['terms'] }]);
  });

  it('applyPatch keeps what the patch omits and makes endsAt: null unlimited', () => {
    const terms = commissionRule({
      percent: '20',
      appliesTo: 'direct-sales',
      endsAt: day(9),
      mayAlsoSellAsAffiliate: true,
    })._unsafeUnwrap();
    expect(applyPatch(terms, termsPatch({ endsAt: null })._unsafeUnwrap())).toEqual({
      ...terms,
      endsAt: null,
    });
    expect(applyPatch(terms, termsPatch({ percent: '5' })._unsafeUnwrap())).toEqual({
      ...terms,
      percent: parsePercent('5')._unsafeUnwrap(),
    });
  });
});

describe('replayContract', () => {
  it('answers arguments forged around the type system with invalid_field at the path, never throwing', () => {
    const good = replay([invited(1)]);
    expect(good.isOk()).toBe(true);
    for (const args of [
      [null, POLICIES.hotmart, course],
      [{ id: 'c1', productId: 'p1', cocreator: BIA, events: 'none' }, POLICIES.hotmart, course],
      [{ id: 'c1', productId: 'p1', cocreator: BIA, events: [] }, POLICIES.hotmart, undefined],
    ]) {
      const [c, rules, p] = args as [never, never, never];
      const errors = replayContract(c, rules, p, ['contracts', 0]);
      expect(problems(errors._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['contracts', 0] },
      ]);
    }
  });

  describe('the contract itself', () => {
    it('refuses a contract for another product with product_mismatch at productId', () => {
      const errors = replay([invited(1)], POLICIES.hotmart, { productId: 'p2' })._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'product_mismatch', path: ['contracts', 0, 'productId'] },
      ]);
      expect(errors[0]).toMatchObject({ expected: 'p1', actual: 'p2' });
    });

    it('refuses the main creator as cocreator with self_cocreation at cocreator', () => {
      const errors = replay([invited(1)], POLICIES.hotmart, { cocreator: ANA })._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'self_cocreation', path: ['contracts', 0, 'cocreator'] },
      ]);
      expect(errors[0]).toMatchObject({ account: ANA });
    });
  });

  describe('order', () => {
    it('refuses an event before the previous one with events_out_of_order at its at', () => {
      const errors = replay([invited(2), event('accepted', 1, BIA)])._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'events_out_of_order', path: ['contracts', 0, 'events', 1, 'at'] },
      ]);
    });

    it('accepts events at the same instant', () => {
      expect(
        replay([
          invited(1),
          event('accepted', 1, BIA),
          event('cancellation-requested', 1, ANA),
        ]).isOk(),
      ).toBe(true);
    });

    it('reports only the first bad event: the history is not read past it', () => {
      const errors = replay([
        invited(1),
        event('accepted', 2, ANA),
        event('declined', 1, LEO),
      ])._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'not_authorized', path: ['contracts', 0, 'events', 1, 'by'] },
      ]);
    });
  });

  describe('states', () => {
    it.each([
      [
        'a history that does not start with an invitation',
        [event('accepted', 1, BIA)],
        0,
        'uninvited',
      ],
      ['a second invitation', [invited(1), invited(2)], 1, 'pending'],
      [
        'an acceptance of an active contract',
        [invited(1), event('accepted', 2, BIA), event('accepted', 3, BIA)],
        2,
        'active',
      ],
      [
        'a withdrawal after the cocreator declined',
        [invited(1), event('declined', 2, BIA), event('withdrawn', 3, ANA)],
        2,
        'declined',
      ],
      [
        'an amendment of a pending invitation',
        [invited(1), event('amendment-proposed', 2, ANA, { percent: '5' })],
        1,
        'pending',
      ],
      [
        'a second proposal while one is pending',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, ANA, { percent: '5' }),
          event('amendment-proposed', 4, ANA, { percent: '6' }),
        ],
        3,
        'active',
      ],
      [
        'an approval with no amendment pending',
        [invited(1), event('accepted', 2, BIA), event('amendment-approved', 3, BIA)],
        2,
        'active',
      ],
      [
        'a second cancellation request',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, BIA),
          event('cancellation-requested', 4, ANA),
        ],
        3,
        'cancellation-pending',
      ],
      [
        'a rejection with no request pending',
        [invited(1), event('accepted', 2, BIA), event('cancellation-rejected', 3, ANA)],
        2,
        'active',
      ],
      [
        'an event after the cancellation was approved',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, BIA),
          event('cancellation-approved', 4, ANA),
          event('cancellation-requested', 5, BIA),
        ],
        4,
        'cancelled',
      ],
      [
        'a cancellation request of a pending invitation',
        [invited(1), event('cancellation-requested', 2, BIA)],
        1,
        'pending',
      ],
    ] as const)('refuses %s with invalid_transition', (_, events, index, status) => {
      const errors = replay(events)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'invalid_transition', path: ['contracts', 0, 'events', index, 'type'] },
      ]);
      expect(errors[0]).toMatchObject({ status, event: events[index]?.type });
    });
  });

  describe('the policy modes', () => {
    const active = [invited(1), event('accepted', 2, BIA)];
    it.each([
      ['amendment-proposed', POLICIES.gumroad, ANA, { percent: '5' }],
      ['amended', POLICIES.hotmart, ANA, { percent: '5' }],
      ['cancellation-requested', POLICIES.gumroad, BIA, undefined],
      ['cancelled', POLICIES.hotmart, BIA, undefined],
    ] as const)(
      'refuses %s under a policy that works the other way with invalid_transition',
      (type, rules, by, terms) => {
        const errors = replay([...active, event(type, 3, by, terms)], rules)._unsafeUnwrapErr();
        expect(problems(errors)).toEqual([
          { code: 'invalid_transition', path: ['contracts', 0, 'events', 2, 'type'] },
        ]);
      },
    );

    it('lets either party cancel alone under unilateral', () => {
      expect(replay([...active, event('cancelled', 3, ANA)], POLICIES.gumroad).isOk()).toBe(true);
      expect(replay([...active, event('cancelled', 3, BIA)], POLICIES.gumroad).isOk()).toBe(true);
    });
  });

  describe('actors', () => {
    it.each([
      ['an invitation by the cocreator', [invited(1, { percent: '20' }, BIA)], 0, BIA],
      ['an acceptance by the main creator', [invited(1), event('accepted', 2, ANA)], 1, ANA],
      ['a decline by someone else', [invited(1), event('declined', 2, LEO)], 1, LEO],
      ['a withdrawal by the cocreator', [invited(1), event('withdrawn', 2, BIA)], 1, BIA],
      [
        'a proposal by the cocreator',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, BIA, { percent: '5' }),
        ],
        2,
        BIA,
      ],
      [
        'an approval by the main creator',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, ANA, { percent: '5' }),
          event('amendment-approved', 4, ANA),
        ],
        3,
        ANA,
      ],
      [
        'a cancellation request by someone else',
        [invited(1), event('accepted', 2, BIA), event('cancellation-requested', 3, LEO)],
        2,
        LEO,
      ],
      [
        'an approval by the requester',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, BIA),
          event('cancellation-approved', 4, BIA),
        ],
        3,
        BIA,
      ],
      [
        'a rejection by the requester',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, ANA),
          event('cancellation-rejected', 4, ANA),
        ],
        3,
        ANA,
      ],
      [
        'a withdrawal of the request by the other party',
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, ANA),
          event('cancellation-withdrawn', 4, BIA),
        ],
        3,
        BIA,
      ],
    ] as const)('refuses %s with not_authorized at by', (_, events, index, actor) => {
      const errors = replay(events)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'not_authorized', path: ['contracts', 0, 'events', index, 'by'] },
      ]);
      expect(errors[0]).toMatchObject({ actor });
    });
  });

  describe('terms against the policy', () => {
    it('refuses more places than percentDecimals with percent_precision at terms.percent', () => {
      const errors = replay([invited(1, { percent: '20.5' })], POLICIES.kiwify)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'percent_precision', path: ['contracts', 0, 'events', 0, 'terms', 'percent'] },
      ]);
      expect(errors[0]).toMatchObject({ maxDecimals: 0 });
    });

    it('refuses a percent outside cocreatorPercent with percent_out_of_range at terms.percent', () => {
      const errors = replay([invited(1, { percent: '70.01' })])._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'percent_out_of_range', path: ['contracts', 0, 'events', 0, 'terms', 'percent'] },
      ]);
      expect(errors[0]).toMatchObject({ min: '0.01', max: '70' });
    });

    it('reports both codes for a percent that breaks both rules', () => {
      const errors = replay([invited(1, { percent: '0.5' })], POLICIES.kiwify)._unsafeUnwrapErr();
      expect(errors.map((e) => e.code)).toEqual(['percent_precision', 'percent_out_of_range']);
    });

    it('checks amended percents too', () => {
      const events = [
        invited(1),
        event('accepted', 2, BIA),
        event('amended', 3, ANA, { percent: '50.5' }),
      ];
      expect(problems(replay(events, POLICIES.gumroad)._unsafeUnwrapErr())).toEqual([
        { code: 'percent_out_of_range', path: ['contracts', 0, 'events', 2, 'terms', 'percent'] },
      ]);
    });
  });

  describe('expiry (invariant 4 and the end of a term)', () => {
    it('refuses an invitation whose term ends at its own instant with term_already_expired at terms.endsAt', () => {
      expect(
        problems(replay([invited(1, { percent: '20', endsAt: day(1) })])._unsafeUnwrapErr()),
      ).toEqual([
        { code: 'term_already_expired', path: ['contracts', 0, 'events', 0, 'terms', 'endsAt'] },
      ]);
    });

    it("refuses an acceptance at or after the invitation's endsAt with term_already_expired at its at", () => {
      for (const n of [5, 6]) {
        const events = [invited(1, { percent: '20', endsAt: day(5) }), event('accepted', n, BIA)];
        expect(problems(replay(events)._unsafeUnwrapErr())).toEqual([
          { code: 'term_already_expired', path: ['contracts', 0, 'events', 1, 'at'] },
        ]);
      }
    });

    it('accepts an acceptance just before the end', () => {
      const events = [
        invited(1, { percent: '20', endsAt: day(5) }),
        { type: 'accepted', at: '2026-01-04T23:59:59.999Z', by: BIA },
      ];
      expect(replay(events).isOk()).toBe(true);
    });

    it('refuses any other event at or after the end with invalid_transition, status expired', () => {
      const events = [
        invited(1, { percent: '20', endsAt: day(5) }),
        event('accepted', 2, BIA),
        event('cancellation-requested', 5, BIA),
      ];
      const errors = replay(events)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'invalid_transition', path: ['contracts', 0, 'events', 2, 'type'] },
      ]);
      expect(errors[0]).toMatchObject({ status: 'expired' });
    });

    it('refuses a proposal whose endsAt is at or before it with term_already_expired at terms.endsAt', () => {
      const events = [
        invited(1),
        event('accepted', 2, BIA),
        event('amendment-proposed', 3, ANA, { endsAt: day(3) }),
      ];
      expect(problems(replay(events)._unsafeUnwrapErr())).toEqual([
        { code: 'term_already_expired', path: ['contracts', 0, 'events', 2, 'terms', 'endsAt'] },
      ]);
    });

    it('refuses an approval at or after the proposed endsAt with term_already_expired at its at', () => {
      const events = [
        invited(1),
        event('accepted', 2, BIA),
        event('amendment-proposed', 3, ANA, { endsAt: day(5) }),
        event('amendment-approved', 5, BIA),
      ];
      expect(problems(replay(events)._unsafeUnwrapErr())).toEqual([
        { code: 'term_already_expired', path: ['contracts', 0, 'events', 3, 'at'] },
      ]);
    });

    it('lets an approved amendment extend the term past the old end', () => {
      const events = [
        invited(1, { percent: '20', endsAt: day(10) }),
        event('accepted', 2, BIA),
        event('amendment-proposed', 3, ANA, { endsAt: day(20) }),
        event('amendment-approved', 4, BIA),
        event('cancellation-requested', 15, ANA),
      ];
      expect(replay(events).isOk()).toBe(true);
    });
  });
});

describe('the timeline', () => {
  const history = [
    invited(1, { percent: '20', appliesTo: 'direct-sales' }),
    event('accepted', 3, BIA),
    event('amendment-proposed', 5, ANA, { percent: '30' }),
    event('amendment-declined', 6, BIA),
    event('amendment-proposed', 7, ANA, { percent: '10', mayAlsoSellAsAffiliate: true }),
    event('amendment-approved', 9, BIA),
    event('cancellation-requested', 11, BIA),
    event('cancellation-rejected', 12, ANA),
    event('cancellation-requested', 13, ANA),
    event('cancellation-approved', 15, BIA),
  ];
  const tl = timeline(history);
  const t = (n: number, hour = 0) =>
    at(`2026-01-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);

  it('records acceptance, end and why', () => {
    expect([tl.invitedAt, tl.acceptedAt, tl.endedAt, tl.endReason]).toEqual([
      t(1),
      t(3),
      t(15),
      'cancelled',
    ]);
  });

  it('records every proposal and request with its outcome', () => {
    expect(tl.amendments.map((a) => [a.outcome, a.resolvedAt])).toEqual([
      ['declined', t(6)],
      ['approved', t(9)],
    ]);
    expect(tl.cancellationRequests.map((r) => [r.requestedBy, r.outcome, r.resolvedAt])).toEqual([
      [BIA, 'rejected', t(12)],
      [ANA, 'approved', t(15)],
    ]);
  });

  it('tells the status at every instant', () => {
    const statuses = [0, 1, 2, 3, 10, 11, 12, 13, 14, 15, 20].map((n) =>
      n === 0 ? statusAt(tl, (t(1) - 1) as Instant) : statusAt(tl, t(n)),
    );
    expect(statuses).toEqual([
      null,
      'pending',
      'pending',
      'active',
      'active',
      'cancellation-pending',
      'active',
      'cancellation-pending',
      'cancellation-pending',
      'cancelled',
      'cancelled',
    ]);
  });

  it.each([
    ['declined', [invited(1), event('declined', 2, BIA)]],
    ['withdrawn', [invited(1), event('withdrawn', 2, ANA)]],
    ['expired', [invited(1, { percent: '20', endsAt: day(2) })]],
  ] as const)('ends with status %s', (status, events) => {
    const ended = timeline(events);
    expect([statusAt(ended, t(1)), statusAt(ended, t(2)), ended.endedAt]).toEqual([
      'pending',
      status,
      t(2),
    ]);
  });

  it('applies an approved amendment from its approval instant; a pending one changes nothing', () => {
    const percents = [4, 7, 8, 9, 10].map((n) =>
      formatPercent(termsAt(tl, t(n))?.percent ?? parsePercent('0')._unsafeUnwrap()),
    );
    expect(percents).toEqual(['20', '20', '20', '10', '10']);
    expect(termsAt(tl, t(9))?.appliesTo).toBe('direct-sales');
    expect(termsAt(tl, t(9))?.mayAlsoSellAsAffiliate).toBe(true);
  });

  it('reserves the larger of the percent in force and a pending one', () => {
    const reserved = [4, 5, 6, 7, 9, 15].map((n) => formatPercent(reservedPercentAt(tl, t(n))));
    // 20 in force; 30 proposed (reserved 30); declined; 10 proposed (20 still reserved); approved; ended.
    expect(reserved).toEqual(['20', '30', '20', '20', '10', '0']);
    expect(pendingAmendmentAt(tl, t(8))?.terms.percent).toEqual(parsePercent('10')._unsafeUnwrap());
    expect(pendingAmendmentAt(tl, t(9))).toBe(null);
  });

  it('keeps paying while a cancellation is pending and stops at its approval', () => {
    expect(pendingCancellationAt(tl, t(14))?.requestedBy).toBe(ANA);
    expect(covers(tl, { productId: 'p1', at: t(14) })).toBe(true);
    expect(covers(tl, { productId: 'p1', at: (t(15) - 1) as Instant })).toBe(true);
    expect(covers(tl, { productId: 'p1', at: t(15) })).toBe(false);
  });

  it('lists the history of terms with half-open periods', () => {
    expect(termsHistory(tl).map((h) => [formatPercent(h.terms.percent), h.from, h.until])).toEqual([
      ['20', t(1), t(9)],
      ['10', t(9), t(15)],
    ]);
  });

  it('leaves out of the history of terms a set replaced at the instant it was made', () => {
    const events = [
      invited(1),
      event('accepted', 2, BIA),
      event('amended', 3, ANA, { percent: '5' }),
      event('amended', 3, ANA, { percent: '6' }),
    ];
    expect(
      termsHistory(timeline(events, POLICIES.gumroad)).map((h) => [
        formatPercent(h.terms.percent),
        h.until,
      ]),
    ).toEqual([
      ['20', t(3)],
      ['6', null],
    ]);
  });
});

describe('coverage', () => {
  const tl = timeline([invited(1, { percent: '20', endsAt: day(10) }), event('accepted', 3, BIA)]);
  const covered = (iso: string) => covers(tl, { productId: 'p1', at: at(iso) });

  it('starts at the acceptance, never before (sales before acceptance are never split)', () => {
    expect([covered('2026-01-02T23:59:59.999Z'), covered(day(3))]).toEqual([false, true]);
  });

  it('stops at endsAt: a sale exactly at the end is not covered', () => {
    expect([covered('2026-01-09T23:59:59.999Z'), covered(day(10))]).toEqual([true, false]);
  });

  it('is live from the invitation, covering only from the acceptance', () => {
    expect([isLive(tl, at(day(1))), coveringTerms(tl, at(day(1)))]).toEqual([true, null]);
  });

  it('covers nothing of another product', () => {
    expect(covers(tl, { productId: 'p2', at: at(day(5)) })).toBe(false);
  });

  it('pays according to appliesTo (commissionTerms)', () => {
    const direct = timeline([
      invited(1, { percent: '20', appliesTo: 'direct-sales' }),
      event('accepted', 2, BIA),
    ]);
    const sale = { productId: 'p1', at: at(day(5)) };
    const leo = accountId(LEO)._unsafeUnwrap();
    expect(commissionTerms(direct, { ...sale, affiliate: null })).not.toBe(null);
    expect(
      commissionTerms(direct, {
        ...sale,
        affiliate: { account: leo, percent: null, managedBy: null },
      }),
    ).toBe(null);
    expect(commissionTerms(direct, { ...sale, at: at(day(1)), affiliate: null })).toBe(null);
  });

  it('covers nothing of a contract accepted and ended at the same instant', () => {
    const brief = timeline([
      invited(1),
      event('accepted', 2, BIA),
      event('cancellation-requested', 2, BIA),
      event('cancellation-approved', 2, ANA),
    ]);
    expect(covers(brief, { productId: 'p1', at: at(day(2)) })).toBe(false);
  });
});

/** Each error as [code, path, message]: the message is part of what a caller is told. */
const told = (errors: ReadonlyArray<DomainError>) => errors.map((e) => [e.code, e.path, e.message]);
/** `day(n)` as formatInstant writes it. */
const shown = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;

describe('what the errors say', () => {
  describe('invalid_transition names the event and why it is not allowed in that state', () => {
    const active = [invited(1), event('accepted', 2, BIA)];
    it.each([
      [
        'a second invitation',
        POLICIES.hotmart,
        [invited(1), invited(2)],
        '"invited" is not allowed: a contract is invited once, by its first event',
      ],
      [
        'an acceptance of an active contract',
        POLICIES.hotmart,
        [...active, event('accepted', 3, BIA)],
        '"accepted" is not allowed: "accepted" answers a pending invitation',
      ],
      [
        'a proposal under a policy that amends at once',
        POLICIES.gumroad,
        [...active, event('amendment-proposed', 3, ANA, { percent: '5' })],
        '"amendment-proposed" is not allowed: under this policy terms change at once ("amended"), not by proposal',
      ],
      [
        'a proposal before the acceptance',
        POLICIES.hotmart,
        [invited(1), event('amendment-proposed', 2, ANA, { percent: '5' })],
        '"amendment-proposed" is not allowed: only an active contract can be amended',
      ],
      [
        'a second pending proposal',
        POLICIES.hotmart,
        [
          ...active,
          event('amendment-proposed', 3, ANA, { percent: '5' }),
          event('amendment-proposed', 4, ANA, { percent: '6' }),
        ],
        '"amendment-proposed" is not allowed: an amendment is already pending',
      ],
      [
        'an approval under a policy that amends at once',
        POLICIES.gumroad,
        [...active, event('amendment-approved', 3, BIA)],
        '"amendment-approved" is not allowed: under this policy there are no amendment proposals',
      ],
      [
        'an approval with no proposal',
        POLICIES.hotmart,
        [...active, event('amendment-approved', 3, BIA)],
        '"amendment-approved" is not allowed: no amendment is pending',
      ],
      [
        'an amendment under a policy that needs approval',
        POLICIES.hotmart,
        [...active, event('amended', 3, ANA, { percent: '5' })],
        '"amended" is not allowed: under this policy changed terms need the cocreator\'s approval ("amendment-proposed")',
      ],
      [
        'an amendment before the acceptance',
        POLICIES.gumroad,
        [invited(1), event('amended', 2, ANA, { percent: '5' })],
        '"amended" is not allowed: only an active contract can be amended',
      ],
      [
        'a cancellation request under a policy where either party cancels alone',
        POLICIES.gumroad,
        [...active, event('cancellation-requested', 3, BIA)],
        '"cancellation-requested" is not allowed: under this policy either party cancels alone ("cancelled")',
      ],
      [
        'a cancellation request before the acceptance',
        POLICIES.hotmart,
        [invited(1), event('cancellation-requested', 2, BIA)],
        '"cancellation-requested" is not allowed: only an active contract can be cancelled',
      ],
      [
        'a second pending cancellation request',
        POLICIES.hotmart,
        [
          ...active,
          event('cancellation-requested', 3, BIA),
          event('cancellation-requested', 4, ANA),
        ],
        '"cancellation-requested" is not allowed: a cancellation request is already pending',
      ],
      [
        'an approval of a cancellation under a policy where either party cancels alone',
        POLICIES.gumroad,
        [...active, event('cancellation-approved', 3, ANA)],
        '"cancellation-approved" is not allowed: under this policy there are no cancellation requests',
      ],
      [
        'an approval of a cancellation nobody requested',
        POLICIES.hotmart,
        [...active, event('cancellation-approved', 3, ANA)],
        '"cancellation-approved" is not allowed: no cancellation request is pending',
      ],
      [
        'a cancellation under a policy that needs the other party',
        POLICIES.hotmart,
        [...active, event('cancelled', 3, ANA)],
        '"cancelled" is not allowed: under this policy cancelling needs the other party ("cancellation-requested")',
      ],
      [
        'a cancellation before the acceptance',
        POLICIES.gumroad,
        [invited(1), event('cancelled', 2, ANA)],
        '"cancelled" is not allowed: only an active contract can be cancelled',
      ],
    ] as const)('for %s', (_, rules, events, message) => {
      const index = events.length - 1;
      expect(told(replay(events, rules)._unsafeUnwrapErr())).toEqual([
        ['invalid_transition', ['contracts', 0, 'events', index, 'type'], message],
      ]);
    });
  });

  describe('not_authorized names who may make the event and who made it', () => {
    it.each([
      [
        'an invitation by the cocreator',
        [invited(1, { percent: '20' }, BIA)],
        `"invited" is made by the main creator, not by ${BIA}`,
      ],
      [
        'an acceptance by the main creator',
        [invited(1), event('accepted', 2, ANA)],
        `"accepted" is made by the cocreator, not by ${ANA}`,
      ],
      [
        'a cancellation request by someone else',
        [invited(1), event('accepted', 2, BIA), event('cancellation-requested', 3, LEO)],
        `"cancellation-requested" is made by the main creator or the cocreator, not by ${LEO}`,
      ],
      [
        "an approval of the cocreator's cancellation request by the cocreator",
        [
          invited(1),
          event('accepted', 2, BIA),
          event('cancellation-requested', 3, BIA),
          event('cancellation-approved', 4, BIA),
        ],
        `"cancellation-approved" is made by the main creator, not by ${BIA}`,
      ],
    ] as const)('for %s', (_, events, message) => {
      const index = events.length - 1;
      expect(told(replay(events)._unsafeUnwrapErr())).toEqual([
        ['not_authorized', ['contracts', 0, 'events', index, 'by'], message],
      ]);
    });
  });

  it('events_out_of_order gives both instants', () => {
    expect(told(replay([invited(3), event('accepted', 2, BIA)])._unsafeUnwrapErr())).toEqual([
      [
        'events_out_of_order',
        ['contracts', 0, 'events', 1, 'at'],
        `this event (${shown(2)}) is before the previous one (${shown(3)})`,
      ],
    ]);
  });

  it('term_already_expired gives the end and the event it does not outlast', () => {
    expect(
      told(replay([invited(2, { percent: '20', endsAt: day(2) })])._unsafeUnwrapErr()),
    ).toEqual([
      [
        'term_already_expired',
        ['contracts', 0, 'events', 0, 'terms', 'endsAt'],
        `the term ends at ${shown(2)}, not after the event at ${shown(2)}`,
      ],
    ]);
    expect(
      told(
        replay([
          invited(1, { percent: '20', endsAt: day(3) }),
          event('accepted', 4, BIA),
        ])._unsafeUnwrapErr(),
      ),
    ).toEqual([
      [
        'term_already_expired',
        ['contracts', 0, 'events', 1, 'at'],
        `the invitation's term ended at ${shown(3)}, before this acceptance`,
      ],
    ]);
    expect(
      told(
        replay([
          invited(1),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, ANA, { endsAt: day(5) }),
          event('amendment-approved', 6, BIA),
        ])._unsafeUnwrapErr(),
      ),
    ).toEqual([
      [
        'term_already_expired',
        ['contracts', 0, 'events', 3, 'at'],
        `the amended term ends at ${shown(5)}, not after its approval`,
      ],
    ]);
  });

  it('product_mismatch and self_cocreation say what is wrong', () => {
    expect(
      told(replay([invited(1)], POLICIES.hotmart, { productId: 'p2' })._unsafeUnwrapErr()),
    ).toEqual([
      [
        'product_mismatch',
        ['contracts', 0, 'productId'],
        'the contract is for product "p2", not "p1"',
      ],
    ]);
    expect(
      told(replay([invited(1)], POLICIES.hotmart, { cocreator: ANA })._unsafeUnwrapErr()),
    ).toEqual([
      [
        'self_cocreation',
        ['contracts', 0, 'cocreator'],
        'the main creator cannot be a cocreator of their own product',
      ],
    ]);
  });

  describe('the shape errors', () => {
    it('say what was expected instead of a non-object, at the path given (default [])', () => {
      expect(told(contract(5)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', [], 'expected a contract object'],
      ]);
      expect(told(checkContract(5)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', [], 'expected a contract object'],
      ]);
      expect(told(contractEvent(5)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', [], 'expected an event object'],
      ]);
      expect(told(commissionRule(5)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', [], 'expected a terms object'],
      ]);
      expect(told(termsPatch(5)._unsafeUnwrapErr())).toEqual([
        ['invalid_field', [], 'expected a terms object'],
      ]);
    });

    it('say what is wrong with the events', () => {
      expect(told(contract(wire([], { events: {} }))._unsafeUnwrapErr())).toEqual([
        ['invalid_field', ['events'], 'expected an array of events'],
      ]);
      expect(told(contract(wire([]))._unsafeUnwrapErr())).toEqual([
        ['invalid_field', ['events'], 'a contract history has at least one event'],
      ]);
    });

    it('list the event types for an unknown one, and report nothing else for it', () => {
      expect(
        told(
          contractEvent({ type: 'resigned', at: day(1), by: BIA, terms: {} })._unsafeUnwrapErr(),
        ),
      ).toEqual([
        [
          'invalid_field',
          ['type'],
          'unknown event type; expected one of "invited", "accepted", "declined", "withdrawn", ' +
            '"amendment-proposed", "amendment-approved", "amendment-declined", ' +
            '"amendment-withdrawn", "amended", "cancellation-requested", ' +
            '"cancellation-approved", "cancellation-rejected", "cancellation-withdrawn", "cancelled"',
        ],
      ]);
    });

    it('report a missing type, at or by once, as required', () => {
      expect(told(contractEvent({})._unsafeUnwrapErr())).toEqual([
        ['invalid_field', ['type'], '"type" is required'],
        ['invalid_field', ['at'], '"at" is required'],
        ['invalid_field', ['by'], '"by" is required'],
      ]);
    });

    it('refuse terms on an event that carries none', () => {
      expect(
        told(
          contractEvent({ type: 'accepted', at: day(1), by: BIA, terms: {} })._unsafeUnwrapErr(),
        ),
      ).toEqual([
        [
          'invalid_field',
          ['terms'],
          'only invited, amendment-proposed and amended events carry terms',
        ],
      ]);
    });

    it('report a bad field of a patch once, at its own path', () => {
      const bad = parsePercent('20%', ['percent'])._unsafeUnwrapErr();
      expect(told(termsPatch({ percent: '20%' })._unsafeUnwrapErr())).toEqual(told(bad));
      expect(problems(termsPatch({ appliesTo: 'some' })._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['appliesTo'] },
      ]);
    });

    it('read an object that is not a Percent as written text', () => {
      for (const value of [{}, { units: 20n }, { scale: 0 }]) {
        const expected = told(parsePercent(value, ['percent'])._unsafeUnwrapErr());
        expect(told(commissionRule({ percent: value })._unsafeUnwrapErr())).toEqual(expected);
      }
    });
  });
});

describe('pieces built in code', () => {
  it('take instants as epoch milliseconds in terms and patches', () => {
    const end = Date.UTC(2027, 0, 1);
    expect(commissionRule({ percent: '20', endsAt: end })._unsafeUnwrap().endsAt).toBe(end);
    expect(termsPatch({ endsAt: end })._unsafeUnwrap()).toEqual({ endsAt: end });
  });

  it('leave the fields a patch omits out of it', () => {
    const patch = termsPatch({ percent: '25' })._unsafeUnwrap();
    expect(Object.keys(patch)).toEqual(['percent']);
    expect(formatPercent(patch.percent as never)).toBe('25');
  });

  it('checkContract refuses what it did not build', () => {
    for (const value of [5, 'c1', null, {}]) expect(checkContract(value).isErr()).toBe(true);
  });
});

describe('the records of a replayed timeline', () => {
  const active = [invited(1), event('accepted', 2, BIA)];

  it('gives each amendment its outcome', () => {
    const tl = timeline([
      ...active,
      event('amendment-proposed', 3, ANA, { percent: '30' }),
      event('amendment-approved', 4, BIA),
      event('amendment-proposed', 5, ANA, { percent: '40' }),
      event('amendment-declined', 6, BIA),
      event('amendment-proposed', 7, ANA, { percent: '50' }),
      event('amendment-withdrawn', 8, ANA),
    ]);
    expect(tl.amendments.map((a) => [a.proposedAt, a.outcome, a.resolvedAt])).toEqual([
      [at(day(3)), 'approved', at(day(4))],
      [at(day(5)), 'declined', at(day(6))],
      [at(day(7)), 'withdrawn', at(day(8))],
    ]);
  });

  it('gives each cancellation request its requester and outcome, and a request ends the contract only when approved', () => {
    const tl = timeline([
      ...active,
      event('cancellation-requested', 3, BIA),
      event('cancellation-rejected', 4, ANA),
      event('cancellation-requested', 5, ANA),
      event('cancellation-withdrawn', 6, ANA),
      event('cancellation-requested', 7, BIA),
      event('cancellation-approved', 8, ANA),
    ]);
    expect(tl.cancellationRequests).toEqual([
      { requestedAt: at(day(3)), requestedBy: BIA, outcome: 'rejected', resolvedAt: at(day(4)) },
      { requestedAt: at(day(5)), requestedBy: ANA, outcome: 'withdrawn', resolvedAt: at(day(6)) },
      { requestedAt: at(day(7)), requestedBy: BIA, outcome: 'approved', resolvedAt: at(day(8)) },
    ]);
    expect([tl.endReason, tl.endedAt]).toEqual(['cancelled', at(day(8))]);
  });

  it('records a unilateral cancellation as cancelled, with no requests', () => {
    const tl = timeline([...active, event('cancelled', 3, BIA)], POLICIES.gumroad);
    expect([tl.endReason, tl.endedAt]).toEqual(['cancelled', at(day(3))]);
    expect(tl.cancellationRequests).toEqual([]);
    expect(tl.amendments).toEqual([]);
  });

  it('reports each field of an amendment that cannot be read at its own path', () => {
    const events = [
      ...active,
      event('amendment-proposed', 3, ANA, {
        percent: 'ten',
        endsAt: 'soon',
        mayAlsoSellAsAffiliate: 'yes',
      }),
    ];
    const terms = ['contracts', 0, 'events', 2, 'terms'];
    expect(problems(contract(wire(events), ['contracts', 0])._unsafeUnwrapErr())).toEqual([
      { code: 'invalid_percent', path: [...terms, 'percent'] },
      { code: 'invalid_instant', path: [...terms, 'endsAt'] },
      { code: 'invalid_field', path: [...terms, 'mayAlsoSellAsAffiliate'] },
    ]);
  });

  it('records no end, and no reason, for a live or pending contract with unlimited terms', () => {
    for (const events of [active, [invited(1)]]) {
      const tl = timeline(events);
      expect([tl.endedAt, tl.endReason]).toEqual([null, null]);
    }
  });

  it('keeps the reason of an end before the endsAt of the terms', () => {
    const tl = timeline([
      invited(1, { percent: '20', endsAt: day(10) }),
      event('withdrawn', 2, ANA),
    ]);
    expect([tl.endReason, tl.endedAt]).toEqual(['withdrawn', at(day(2))]);
    const errors = replay([
      invited(1, { percent: '20', endsAt: day(10) }),
      event('withdrawn', 2, ANA),
      event('accepted', 12, BIA),
    ])._unsafeUnwrapErr();
    expect(told(errors)).toEqual([
      [
        'invalid_transition',
        ['contracts', 0, 'events', 2, 'type'],
        '"accepted" is not allowed: "accepted" answers a pending invitation',
      ],
    ]);
    expect(errors[0]).toMatchObject({ status: 'withdrawn' });
  });

  it('refuses another answer than accepted to an expired invitation as a transition', () => {
    const errors = replay([
      invited(1, { percent: '20', endsAt: day(5) }),
      event('withdrawn', 6, ANA),
    ])._unsafeUnwrapErr();
    expect(problems(errors)).toEqual([
      { code: 'invalid_transition', path: ['contracts', 0, 'events', 1, 'type'] },
    ]);
    expect(errors[0]).toMatchObject({ status: 'expired' });
  });

  it('refuses a second acceptance after an accepted term ran out as a transition', () => {
    const errors = replay([
      invited(1, { percent: '20', endsAt: day(5) }),
      event('accepted', 2, BIA),
      event('accepted', 6, BIA),
    ])._unsafeUnwrapErr();
    expect(problems(errors)).toEqual([
      { code: 'invalid_transition', path: ['contracts', 0, 'events', 2, 'type'] },
    ]);
    expect(errors[0]).toMatchObject({ status: 'expired' });
  });

  it('lets the main creator answer a request of the cocreator', () => {
    const tl = timeline([
      ...active,
      event('cancellation-requested', 3, BIA),
      event('cancellation-rejected', 4, ANA),
    ]);
    expect(tl.cancellationRequests.map((r) => r.outcome)).toEqual(['rejected']);
  });
});

describe('queries after the end', () => {
  it('find no pending amendment once the contract ended with one unanswered', () => {
    const tl = timeline([
      invited(1),
      event('accepted', 2, BIA),
      event('amendment-proposed', 3, ANA, { percent: '30' }),
      event('cancellation-requested', 4, BIA),
      event('cancellation-approved', 5, ANA),
    ]);
    expect(pendingAmendmentAt(tl, at(day(4)))?.proposedAt).toBe(at(day(3)));
    expect(pendingAmendmentAt(tl, at(day(5)))).toBeNull();
  });

  it('find no pending cancellation once the term ran out with one unanswered', () => {
    const tl = timeline([
      invited(1, { percent: '20', endsAt: day(10) }),
      event('accepted', 2, BIA),
      event('cancellation-requested', 3, BIA),
    ]);
    expect(pendingCancellationAt(tl, at(day(9)))?.requestedBy).toBe(BIA);
    expect(statusAt(tl, at(day(9)))).toBe('cancellation-pending');
    expect(pendingCancellationAt(tl, at(day(10)))).toBeNull();
  });

  it('reserves the percent in force when a pending proposal is worth the same', () => {
    const tl = timeline([
      invited(1),
      event('accepted', 2, BIA),
      event('amendment-proposed', 3, ANA, { percent: '20.00' }),
    ]);
    const inForce = termsAt(tl, at(day(4)))?.percent;
    expect(reservedPercentAt(tl, at(day(4)))).toBe(inForce);
  });
});
