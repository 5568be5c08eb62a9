import { describe, expect, it } from 'vitest';
import { contract } from '../src/contracts/read';
import type { CocreationContract } from '../src/contracts/types';
import type { DomainError, DomainErrors } from '../src/errors';
import { POLICIES, type Policy } from '../src/model/policy';
import { product } from '../src/model/product';
import { policy } from '../src/model/read-policy';
import { validateDomain } from '../src/validate/domain';
import {
  availablePercentAt,
  contractsCovering,
  liveContractsAt,
  timelineOf,
  totalReservedPercentAt,
} from '../src/validate/queries';
import {
  accept,
  approveAmendment,
  approveCancellation,
  cancel,
  decline,
  declineAmendment,
  invite,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from '../src/validate/transitions';
import { type Instant, parseInstant } from '../src/values/instant';
import { formatPercent } from '../src/values/percent';

const ANA = 'ana@example.com';
const BIA = 'bia@example.com';
const CAIO = 'caio@example.com';
const course = product({ id: 'p1', mainCreator: ANA })._unsafeUnwrap();
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00Z`;
const at = (n: number): Instant => parseInstant(day(n))._unsafeUnwrap();
const problems = (errors: ReadonlyArray<DomainError>) =>
  errors.map((e) => ({ code: e.code, path: e.path }));

type WireEvent = { type: string; at: string; by: string; terms?: unknown };
const invited = (n: number, percent: string, extra: Record<string, unknown> = {}): WireEvent => ({
  type: 'invited',
  at: day(n),
  by: ANA,
  terms: { percent, ...extra },
});
const event = (type: string, n: number, by: string, terms?: unknown): WireEvent =>
  terms === undefined ? { type, at: day(n), by } : { type, at: day(n), by, terms };
function c(id: string, cocreator: string, events: ReadonlyArray<WireEvent>): CocreationContract {
  return contract({ id, productId: 'p1', cocreator, events })._unsafeUnwrap();
}
function validate(contracts: ReadonlyArray<CocreationContract>, rules: Policy = POLICIES.hotmart) {
  return validateDomain({ policy: rules, product: course, contracts });
}

/** gumroad without its one-cocreator limit, to test `amended` against the retention floor. */
const manyGumroad = policy({ extends: 'gumroad', maxCocreators: null })._unsafeUnwrap();

describe('validateDomain', () => {
  it('validates the document of specification §8 and replays its contract', () => {
    const domain = validate([
      c('c1', BIA, [invited(1, '20'), event('accepted', 2, BIA)]),
    ])._unsafeUnwrap();
    expect(domain.timelines.map((t) => [t.contract.id, t.acceptedAt, t.endedAt])).toEqual([
      ['c1', at(2), null],
    ]);
    expect(
      Object.isFrozen(domain) &&
        Object.isFrozen(domain.timelines) &&
        Object.isFrozen(domain.contracts),
    ).toBe(true);
  });

  it('refuses a contract id used twice with invalid_field at the later id', () => {
    const errors = validate([
      c('c1', BIA, [invited(1, '20')]),
      c('c1', CAIO, [invited(1, '20')]),
    ])._unsafeUnwrapErr();
    expect(problems(errors)).toEqual([{ code: 'invalid_field', path: ['contracts', 1, 'id'] }]);
  });

  it("reports each contract's first bad event, under a path prefix", () => {
    const contracts = [
      c('c1', BIA, [invited(1, '20'), event('accepted', 2, ANA)]),
      c('c2', CAIO, [invited(1, '20'), event('withdrawn', 2, CAIO)]),
    ];
    const errors = validateDomain({ policy: POLICIES.hotmart, product: course, contracts }, [
      'doc',
    ])._unsafeUnwrapErr();
    expect(problems(errors)).toEqual([
      { code: 'not_authorized', path: ['doc', 'contracts', 0, 'events', 1, 'by'] },
      { code: 'not_authorized', path: ['doc', 'contracts', 1, 'events', 1, 'by'] },
    ]);
  });

  it('checks the rules across contracts only when every history is valid', () => {
    const contracts = [
      c('c1', BIA, [invited(1, '50'), event('accepted', 2, ANA)]),
      c('c2', CAIO, [invited(1, '50')]),
    ];
    expect(problems(validate(contracts)._unsafeUnwrapErr())).toEqual([
      { code: 'not_authorized', path: ['contracts', 0, 'events', 1, 'by'] },
    ]);
  });

  it('reports a contract of another product once, and no other rule of this product about it', () => {
    // Ana is p1's main creator: as a cocreator of p1 this would be self_cocreation, and the
    // acceptance by Ana would be not_authorized; for a contract of p2 neither is p1's rule.
    const other = contract({
      id: 'c1',
      productId: 'p2',
      cocreator: ANA,
      events: [invited(1, '20'), event('accepted', 2, ANA)],
    })._unsafeUnwrap();
    expect(problems(validate([other])._unsafeUnwrapErr())).toEqual([
      { code: 'product_mismatch', path: ['contracts', 0, 'productId'] },
    ]);
  });

  it('does not read the history of a self-cocreation', () => {
    // The acceptance by Bia (not the cocreator Ana) would be not_authorized if it were read.
    const self = c('c1', ANA, [invited(1, '20'), event('accepted', 2, BIA)]);
    expect(problems(validate([self])._unsafeUnwrapErr())).toEqual([
      { code: 'self_cocreation', path: ['contracts', 0, 'cocreator'] },
    ]);
  });

  describe('the retention floor (invariant 1)', () => {
    it('refuses an invitation that takes the live contracts above 100 - minRetainedPercent', () => {
      const contracts = [c('c1', BIA, [invited(1, '50')]), c('c2', CAIO, [invited(2, '20.01')])];
      const errors = validate(contracts)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[0]).toMatchObject({ reservedPercent: '70.01', maxPercent: '70' });
    });

    it('accepts live contracts that reserve exactly 100 - minRetainedPercent', () => {
      expect(
        validate([c('c1', BIA, [invited(1, '50')]), c('c2', CAIO, [invited(2, '20.00')])]).isOk(),
      ).toBe(true);
    });

    it('reports every invitation at an instant where the floor is broken, in document order', () => {
      const contracts = [c('c1', BIA, [invited(1, '50')]), c('c2', CAIO, [invited(1, '30')])];
      expect(problems(validate(contracts)._unsafeUnwrapErr())).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 0, 'events', 0] },
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
    });

    it('frees the percent of a contract that ends at the instant of the invitation', () => {
      const withdrawn = [
        c('c1', BIA, [invited(1, '50'), event('withdrawn', 5, ANA)]),
        c('c2', CAIO, [invited(5, '50')]),
      ];
      expect(validate(withdrawn).isOk()).toBe(true);
      const expired = [
        c('c1', BIA, [invited(1, '50', { endsAt: day(5) })]),
        c('c2', CAIO, [invited(5, '50')]),
      ];
      expect(validate(expired).isOk()).toBe(true);
      const stillLive = [
        c('c1', BIA, [invited(1, '50', { endsAt: day(6) })]),
        c('c2', CAIO, [invited(5, '50')]),
      ];
      expect(problems(validate(stillLive)._unsafeUnwrapErr())).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
    });

    it('counts the larger of the percent in force and a pending amendment', () => {
      const contracts = [
        c('c1', BIA, [
          invited(1, '40'),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, ANA, { percent: '60' }),
        ]),
        c('c2', CAIO, [invited(4, '20')]),
      ];
      const errors = validate(contracts)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[0]).toMatchObject({ reservedPercent: '80' });
    });

    it('refuses a proposal that takes the live contracts above the cap, at the proposal', () => {
      const contracts = [
        c('c1', BIA, [
          invited(1, '50'),
          event('accepted', 2, BIA),
          event('amendment-proposed', 3, ANA, { percent: '55' }),
        ]),
        c('c2', CAIO, [invited(1, '20')]),
      ];
      expect(problems(validate(contracts)._unsafeUnwrapErr())).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 0, 'events', 2] },
      ]);
    });

    it('refuses an immediate amendment that takes the live contracts above the cap, at the amendment', () => {
      const contracts = [
        c('c1', BIA, [
          invited(1, '30'),
          event('accepted', 2, BIA),
          event('amended', 3, ANA, { percent: '31' }),
        ]),
        c('c2', CAIO, [invited(1, '20')]),
      ];
      expect(problems(validate(contracts, manyGumroad)._unsafeUnwrapErr())).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 0, 'events', 2] },
      ]);
    });
  });

  describe('the retention floor, past the quick bound check', () => {
    it('finds an invitation over the floor though the other contract lowers its percent later', () => {
      // c1 reserves 50 % until its amendment to 20 % on day 5; c2 offers 30 % on day 3. On
      // days 3 and 4 the two reserve 80 %, above Hotmart's 70 %, whatever c1 reserves later.
      const contracts = [
        c('c1', BIA, [
          invited(1, '50'),
          event('accepted', 2, BIA),
          event('amendment-proposed', 4, ANA, { percent: '20' }),
          event('amendment-approved', 5, BIA),
        ]),
        c('c2', CAIO, [invited(3, '30')]),
      ];
      const errors = validate(contracts)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 0, 'events', 2] },
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[1]).toMatchObject({ reservedPercent: '80', maxPercent: '70' });
    });

    it('compares whole percents with a floor that has more decimals than they do', () => {
      // 100 - 30.5 leaves 69.5 %: 40 + 30 = 70 is above it, 40 + 29 = 69 is not.
      const rules = policy({
        extends: 'hotmart',
        minRetainedPercent: '30.5',
        cocreatorPercent: { max: '69.5' },
      })._unsafeUnwrap();
      const errors = validate(
        [c('c1', BIA, [invited(1, '40')]), c('c2', CAIO, [invited(2, '30')])],
        rules,
      )._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'retention_floor_violated', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[0]).toMatchObject({ reservedPercent: '70', maxPercent: '69.5' });
      expect(
        validate(
          [c('c1', BIA, [invited(1, '40')]), c('c2', CAIO, [invited(2, '29')])],
          rules,
        ).isOk(),
      ).toBe(true);
    });
  });

  describe('the messages of the rules across contracts', () => {
    const messageOf = (errors: ReadonlyArray<DomainError>) => errors.map((e) => e.message);

    it('names the total reserved and the cap of the retention floor', () => {
      const contracts = [c('c1', BIA, [invited(1, '50')]), c('c2', CAIO, [invited(2, '30')])];
      expect(messageOf(validate(contracts)._unsafeUnwrapErr())).toEqual([
        "the product's live contracts would reserve 80 %, above the 70 % that the policy's retention floor leaves",
      ]);
    });

    it('names the limit of maxCocreators and the count the invitation reaches', () => {
      const two = policy({ extends: 'hotmart', maxCocreators: 2 })._unsafeUnwrap();
      const contracts = [
        c('c1', BIA, [invited(1, '10')]),
        c('c2', CAIO, [invited(2, '10')]),
        c('c3', 'duda@example.com', [invited(3, '10')]),
      ];
      expect(messageOf(validate(contracts, two)._unsafeUnwrapErr())).toEqual([
        'the policy allows 2 live contract(s) per product; this invitation makes 3',
      ]);
    });

    it('names the cocreator invited twice', () => {
      const contracts = [c('c1', BIA, [invited(1, '20')]), c('c2', BIA, [invited(2, '10')])];
      expect(messageOf(validate(contracts)._unsafeUnwrapErr())).toEqual([
        'bia@example.com already has a live contract on this product',
      ]);
    });

    it('names the contract id used twice', () => {
      const contracts = [c('c1', BIA, [invited(1, '20')]), c('c1', CAIO, [invited(1, '20')])];
      expect(messageOf(validate(contracts)._unsafeUnwrapErr())).toEqual([
        'the contract id "c1" is used twice in this document',
      ]);
    });
  });

  describe('the limits of invariant 3', () => {
    it('refuses an invitation beyond maxCocreators with max_cocreators_reached', () => {
      const contracts = [c('c1', BIA, [invited(1, '20')]), c('c2', CAIO, [invited(2, '20')])];
      const errors = validate(contracts, POLICIES.gumroad)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'max_cocreators_reached', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[0]).toMatchObject({ maxCocreators: 1 });
    });

    it('counts only live contracts: a declined one leaves room', () => {
      const contracts = [
        c('c1', BIA, [invited(1, '20'), event('declined', 2, BIA)]),
        c('c2', CAIO, [invited(2, '20')]),
      ];
      expect(validate(contracts, POLICIES.gumroad).isOk()).toBe(true);
    });

    it('refuses a second live contract for one cocreator with duplicate_cocreator', () => {
      const contracts = [
        c('c1', BIA, [invited(1, '20'), event('accepted', 2, BIA)]),
        c('c2', BIA, [invited(3, '10')]),
      ];
      const errors = validate(contracts)._unsafeUnwrapErr();
      expect(problems(errors)).toEqual([
        { code: 'duplicate_cocreator', path: ['contracts', 1, 'events', 0] },
      ]);
      expect(errors[0]).toMatchObject({ account: BIA });
    });

    it('lets the main creator invite anew after a contract expired', () => {
      const contracts = [
        c('c1', BIA, [invited(1, '20', { endsAt: day(3) }), event('accepted', 2, BIA)]),
        c('c2', BIA, [invited(3, '20')]),
      ];
      expect(validate(contracts).isOk()).toBe(true);
    });
  });

  describe('values built in code', () => {
    it('refuses what is not a domain, reporting policy, product and contracts', () => {
      expect(problems(validateDomain({} as never)._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['policy'] },
        { code: 'invalid_field', path: ['product'] },
        { code: 'invalid_field', path: ['contracts'] },
      ]);
      expect(problems(validateDomain(null as never)._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: [] },
      ]);
    });

    it('refuses a hand-built policy that breaks specification §2 with invalid_policy', () => {
      const broken = {
        ...POLICIES.hotmart,
        minRetainedPercent: POLICIES.gumroad.minRetainedPercent,
      };
      expect(
        problems(
          validateDomain({ policy: broken, product: course, contracts: [] })._unsafeUnwrapErr(),
        ),
      ).toEqual([{ code: 'invalid_policy', path: ['policy'] }]);
    });

    it('refuses a hand-built policy with one field of the wrong type, with invalid_field at that field', () => {
      const pct = POLICIES.hotmart.minRetainedPercent;
      const cases: ReadonlyArray<readonly [string, unknown]> = [
        ['name', 'Hotmart'],
        ['minRetainedPercent', { units: -1n, scale: 0 }],
        ['cocreatorPercent', { min: pct, max: { units: 1n, scale: 0.5 } }],
        ['percentDecimals', 1.5],
        ['maxCocreators', '1'],
        ['affiliatesOnCocreatedProducts', 'yes'],
        ['cancellation', 'never'],
        ['amendments', 'never'],
        ['fee', { percent: pct, fixed: null }],
      ];
      for (const [field, value] of cases) {
        const forged = { ...POLICIES.hotmart, [field]: value } as never;
        expect(
          problems(
            validateDomain({ policy: forged, product: course, contracts: [] })._unsafeUnwrapErr(),
          ),
          field,
        ).toEqual([{ code: 'invalid_field', path: ['policy', field] }]);
      }
      expect(
        problems(
          validateDomain({
            policy: 'hotmart' as never,
            product: course,
            contracts: [],
          })._unsafeUnwrapErr(),
        ),
      ).toEqual([{ code: 'invalid_field', path: ['policy'] }]);
    });

    it('refuses a hand-built policy that breaks each rule of specification §2 with invalid_policy', () => {
      const p = (units: bigint, scale = 0) => ({ units, scale });
      const cases: ReadonlyArray<Record<string, unknown>> = [
        { minRetainedPercent: p(100n) },
        { cocreatorPercent: { min: p(0n), max: p(70n) } },
        { cocreatorPercent: { min: p(50n), max: p(40n) } },
        { cocreatorPercent: { min: p(1n), max: p(71n) } },
        { percentDecimals: 7 },
        { percentDecimals: -1 },
        { maxCocreators: 0 },
      ];
      for (const fields of cases) {
        const forged = { ...POLICIES.hotmart, ...fields } as never;
        expect(
          problems(
            validateDomain({ policy: forged, product: course, contracts: [] })._unsafeUnwrapErr(),
          ),
          JSON.stringify(Object.keys(fields)),
        ).toEqual([{ code: 'invalid_policy', path: ['policy'] }]);
      }
    });

    it('refuses a hand-built product with a field of the wrong type at that field', () => {
      const cases: ReadonlyArray<readonly [string, unknown]> = [
        ['id', ''],
        ['mainCreator', ' ana@example.com'],
        ['affiliateCommission', '40'],
      ];
      for (const [field, value] of cases) {
        const forged = { ...course, [field]: value } as never;
        expect(
          problems(
            validateDomain({
              policy: POLICIES.hotmart,
              product: forged,
              contracts: [],
            })._unsafeUnwrapErr(),
          ),
          field,
        ).toEqual([{ code: 'invalid_field', path: ['product', field] }]);
      }
    });

    it('refuses a hand-built product whose main creator is not canonical', () => {
      const p = { ...course, mainCreator: 'Ana@example.com' } as never;
      expect(
        problems(
          validateDomain({
            policy: POLICIES.hotmart,
            product: p,
            contracts: [],
          })._unsafeUnwrapErr(),
        ),
      ).toEqual([{ code: 'invalid_field', path: ['product', 'mainCreator'] }]);
    });
  });
});

describe('the transition functions', () => {
  const context = {
    policy: POLICIES.hotmart,
    product: course,
    contracts: [] as CocreationContract[],
  };
  const offer = (extra: Record<string, unknown> = {}) => ({
    id: 'c1',
    cocreator: BIA,
    terms: { percent: '20' },
    by: ANA,
    at: day(1),
    ...extra,
  });
  // invite answers a one-element list, the other transitions (internal) one error.
  const error = (r: { _unsafeUnwrapErr(): DomainError | DomainErrors }) => {
    const answer = r._unsafeUnwrapErr();
    const e = Array.isArray(answer) ? (answer[0] as DomainError) : (answer as DomainError);
    return { code: e.code, path: e.path };
  };

  it('build the same contract as the wire format', () => {
    const c1 = invite(context, offer())._unsafeUnwrap();
    const c2 = accept(context, c1, { by: BIA, at: at(2) })._unsafeUnwrap();
    expect(c2).toEqual(c('c1', BIA, [invited(1, '20'), event('accepted', 2, BIA)]));
  });

  it('report errors on the new event at paths relative to their input', () => {
    expect(error(invite(context, offer({ terms: { percent: '70.5' } })))).toEqual({
      code: 'percent_out_of_range',
      path: ['terms', 'percent'],
    });
    expect(error(invite(context, offer({ terms: { percent: '20', endsAt: day(1) } })))).toEqual({
      code: 'term_already_expired',
      path: ['terms', 'endsAt'],
    });
    expect(error(invite(context, offer({ by: BIA })))).toEqual({
      code: 'not_authorized',
      path: ['by'],
    });
    expect(error(invite(context, offer({ cocreator: ANA })))).toEqual({
      code: 'self_cocreation',
      path: ['cocreator'],
    });
    expect(error(invite(context, offer({ at: 'tomorrow' })))).toEqual({
      code: 'invalid_instant',
      path: ['at'],
    });
    expect(error(invite(context, offer({ terms: {} })))).toEqual({
      code: 'invalid_field',
      path: ['terms', 'percent'],
    });
    const c1 = invite(context, offer())._unsafeUnwrap();
    expect(error(accept(context, c1, { by: BIA, at: '2025-12-31T00:00:00Z' }))).toEqual({
      code: 'events_out_of_order',
      path: ['at'],
    });
    expect(error(accept(context, c1, { by: '', at: day(2) }))).toEqual({
      code: 'invalid_field',
      path: ['by'],
    });
    expect(
      error(proposeAmendment(context, c1, { by: ANA, at: day(2), terms: { percent: '5' } })),
    ).toEqual({ code: 'invalid_transition', path: ['type'] });
  });

  it('report the rules across contracts at the new event', () => {
    const c1 = invite(context, offer({ terms: { percent: '60' } }))._unsafeUnwrap();
    const others = { ...context, contracts: [c1] };
    expect(
      error(invite(others, offer({ id: 'c2', cocreator: CAIO, terms: { percent: '11' } }))),
    ).toEqual({ code: 'retention_floor_violated', path: [] });
    expect(error(invite(others, offer({ id: 'c2', terms: { percent: '5' } })))).toEqual({
      code: 'duplicate_cocreator',
      path: [],
    });
    expect(error(invite(others, offer({ cocreator: CAIO, terms: { percent: '5' } })))).toEqual({
      code: 'invalid_field',
      path: ['id'],
    });
    expect(
      invite(others, offer({ id: 'c2', cocreator: CAIO, terms: { percent: '10' } })).isOk(),
    ).toBe(true);
  });

  it('take the changed contract out of the context when it is listed there too', () => {
    const c1 = invite(context, offer())._unsafeUnwrap();
    expect(accept({ ...context, contracts: [c1] }, c1, { by: BIA, at: day(2) }).isOk()).toBe(true);
  });

  it('refuse to work on an invalid context, with the path of the problem in it', () => {
    const broken = c('c9', CAIO, [invited(1, '20'), event('accepted', 2, ANA)]);
    const c1 = invite(context, offer())._unsafeUnwrap();
    expect(
      error(withdraw({ ...context, contracts: [broken] }, c1, { by: ANA, at: day(3) })),
    ).toEqual({
      code: 'not_authorized',
      path: ['contracts', 0, 'events', 1, 'by'],
    });
  });

  const failure = (r: { _unsafeUnwrapErr(): DomainError | DomainErrors }) => {
    const answer = r._unsafeUnwrapErr();
    const e = Array.isArray(answer) ? (answer[0] as DomainError) : (answer as DomainError);
    return { code: e.code, message: e.message, path: e.path };
  };

  it('answer a context, an event input or an invitation that is not an object, at the root', () => {
    expect(failure(invite(null as never, offer()))).toEqual({
      code: 'invalid_field',
      message: 'expected a context { policy, product, contracts }',
      path: [],
    });
    expect(failure(invite(context, null as never))).toEqual({
      code: 'invalid_field',
      message: 'expected { id, cocreator, terms, by, at }',
      path: [],
    });
    const c1 = invite(context, offer())._unsafeUnwrap();
    expect(failure(accept(context, c1, undefined as never))).toEqual({
      code: 'invalid_field',
      message: 'expected { by, at }',
      path: [],
    });
  });

  it('report a contract that is not a contract at the path contract', () => {
    const c1 = invite(context, offer())._unsafeUnwrap();
    expect(error(accept(context, 'c1' as never, { by: BIA, at: day(2) }))).toEqual({
      code: 'invalid_field',
      path: ['contract'],
    });
    expect(error(accept(context, { ...c1, id: '' } as never, { by: BIA, at: day(2) }))).toEqual({
      code: 'invalid_field',
      path: ['contract', 'id'],
    });
  });

  it('report a rule the contract already breaks with the others before the new event is looked at', () => {
    // c2 (50 %) and c1 (30 %) together break Hotmart's floor from day 2: accepting c1 (even by
    // the wrong party) is refused for that, at c1's invitation in { contracts: [c2, c1] }.
    const c2 = c('c2', CAIO, [invited(1, '50')]);
    const c1 = c('c1', BIA, [invited(2, '30')]);
    const others = { ...context, contracts: [c2] };
    expect(error(accept(others, c1, { by: ANA, at: day(3) }))).toEqual({
      code: 'retention_floor_violated',
      path: ['contracts', 1, 'events', 0],
    });
    expect(error(accept(others, c1, { by: BIA, at: day(3) }))).toEqual({
      code: 'retention_floor_violated',
      path: ['contracts', 1, 'events', 0],
    });
  });

  it('report an invitation that breaks the floor at a later invitation of another contract there', () => {
    // c1 offers 30 % on day 1; c2's invitation of 50 % on day 5 then makes 80 %.
    const c2 = c('c2', CAIO, [invited(5, '50')]);
    expect(
      error(invite({ ...context, contracts: [c2] }, offer({ terms: { percent: '30' } }))),
    ).toEqual({ code: 'retention_floor_violated', path: ['contracts', 0, 'events', 0] });
  });

  it('refuse terms given to an event that carries none, as a document does', () => {
    // An input of a wider type (a form's state, an amendment input reused) may carry terms;
    // these events carry none (specification §3.1), and dropping them would let a caller
    // believe they were accepted.
    const pending = invite(context, offer())._unsafeUnwrap();
    const active = accept(context, pending, { by: BIA, at: day(2) })._unsafeUnwrap();
    const proposed = proposeAmendment(context, active, {
      by: ANA,
      at: day(3),
      terms: { percent: '30' },
    })._unsafeUnwrap();
    const requested = requestCancellation(context, active, { by: BIA, at: day(3) })._unsafeUnwrap();
    const gumroad = { ...context, policy: POLICIES.gumroad };
    type Step = (input: never) => {
      _unsafeUnwrap(): CocreationContract;
      _unsafeUnwrapErr(): unknown;
    };
    const steps: ReadonlyArray<readonly [string, string, Step]> = [
      ['accepted', BIA, (i) => accept(context, pending, i)],
      ['declined', BIA, (i) => decline(context, pending, i)],
      ['withdrawn', ANA, (i) => withdraw(context, pending, i)],
      ['amendment-approved', BIA, (i) => approveAmendment(context, proposed, i)],
      ['amendment-declined', BIA, (i) => declineAmendment(context, proposed, i)],
      ['amendment-withdrawn', ANA, (i) => withdrawAmendment(context, proposed, i)],
      ['cancellation-requested', BIA, (i) => requestCancellation(context, active, i)],
      ['cancellation-approved', ANA, (i) => approveCancellation(context, requested, i)],
      ['cancellation-rejected', ANA, (i) => rejectCancellation(context, requested, i)],
      ['cancellation-withdrawn', BIA, (i) => withdrawCancellation(context, requested, i)],
      ['cancelled', BIA, (i) => cancel(gumroad, active, i)],
    ];
    for (const [type, by, step] of steps) {
      const refused = step({ by, at: day(4), terms: { percent: '25' } } as never);
      expect([type, refused._unsafeUnwrapErr()]).toEqual([
        type,
        expect.objectContaining({
          code: 'invalid_field',
          message: 'only invited, amendment-proposed and amended events carry terms',
          path: ['terms'],
        }),
      ]);
      // Without them (or with `terms: undefined`, an absent key), the event is recorded.
      const input = { by, at: day(4), terms: undefined } as never;
      const last = step(input)._unsafeUnwrap().events.at(-1) as { type: string };
      expect([last.type, Object.keys(last)]).toEqual([type, ['type', 'at', 'by']]);
    }
  });

  it('never throw on nonsense', () => {
    expect(invite(null as never, offer()).isErr()).toBe(true);
    expect(invite(context, null as never).isErr()).toBe(true);
    expect(accept(context, 'c1' as never, { by: BIA, at: day(2) }).isErr()).toBe(true);
    expect(
      accept(context, invite(context, offer())._unsafeUnwrap(), undefined as never).isErr(),
    ).toBe(true);
  });
});

describe('queries across contracts', () => {
  const domain = validate([
    c('c1', BIA, [
      invited(1, '20'),
      event('accepted', 2, BIA),
      event('cancellation-requested', 5, BIA),
      event('cancellation-approved', 6, ANA),
    ]),
    c('c2', CAIO, [invited(3, '12.5', { endsAt: day(8) })]),
  ])._unsafeUnwrap();

  it('lists the contracts live at an instant', () => {
    const ids = (n: number) => liveContractsAt(domain, at(n)).map((t) => t.contract.id);
    expect([ids(1), ids(3), ids(6), ids(8)]).toEqual([['c1'], ['c1', 'c2'], ['c2'], []]);
  });

  it('lists the contracts covering a sale', () => {
    const ids = (n: number) =>
      contractsCovering(domain, { productId: 'p1', at: at(n) }).map((t) => t.contract.id);
    expect([ids(1), ids(2), ids(5), ids(6)]).toEqual([[], ['c1'], ['c1'], []]);
  });

  it('sums the reserved percents and tells what is still available', () => {
    expect([3, 6, 8].map((n) => formatPercent(totalReservedPercentAt(domain, at(n))))).toEqual([
      '32.5',
      '12.5',
      '0',
    ]);
    expect([3, 6, 8].map((n) => formatPercent(availablePercentAt(domain, at(n))))).toEqual([
      '37.5',
      '57.5',
      '70',
    ]);
  });

  it('finds a timeline by contract id', () => {
    expect(timelineOf(domain, 'c2')?.endReason).toBe('expired');
    expect(timelineOf(domain, 'c3')).toBe(undefined);
  });
});
