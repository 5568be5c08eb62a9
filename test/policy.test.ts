import { describe, expect, it } from 'vitest';
import type { DomainError } from '../src/errors';
import {
  checkCocreatorPercent,
  DEFAULT_POLICY,
  isPolicyName,
  maxReservedPercent,
  POLICIES,
  POLICY_NAMES,
  type Policy,
} from '../src/model/policy';
import { policy } from '../src/model/read-policy';
import { formatPercent, type Percent, parsePercent } from '../src/values/percent';

const p = (s: string): Percent => parsePercent(s)._unsafeUnwrap();
const problems = (errors: ReadonlyArray<DomainError>) =>
  errors.map((e) => ({ code: e.code, path: e.path }));

/** A complete custom policy as on the wire (every field but `fee`). */
const complete = {
  minRetainedPercent: '40',
  cocreatorPercent: { min: '0.5', max: '60' },
  percentDecimals: 1,
  maxCocreators: 3,
  affiliatesOnCocreatedProducts: false,
  cancellation: 'unilateral',
  amendments: 'immediate',
};

function summary(rules: Policy) {
  return {
    name: rules.name,
    minRetainedPercent: formatPercent(rules.minRetainedPercent),
    min: formatPercent(rules.cocreatorPercent.min),
    max: formatPercent(rules.cocreatorPercent.max),
    percentDecimals: rules.percentDecimals,
    maxCocreators: rules.maxCocreators,
    affiliatesOnCocreatedProducts: rules.affiliatesOnCocreatedProducts,
    cancellation: rules.cancellation,
    amendments: rules.amendments,
    fee: rules.fee,
  };
}

describe('POLICIES', () => {
  // Values copied by hand from the table of specification §2.
  it('has the hotmart preset of specification §2', () => {
    expect(summary(POLICIES.hotmart)).toEqual({
      name: 'hotmart',
      minRetainedPercent: '30',
      min: '0.01',
      max: '70',
      percentDecimals: 2,
      maxCocreators: null,
      affiliatesOnCocreatedProducts: true,
      cancellation: 'mutual',
      amendments: 'cocreator-approval',
      fee: null,
    });
  });

  it('has the kiwify preset of specification §2', () => {
    expect(summary(POLICIES.kiwify)).toEqual({
      name: 'kiwify',
      minRetainedPercent: '20',
      min: '1',
      max: '80',
      percentDecimals: 0,
      maxCocreators: null,
      affiliatesOnCocreatedProducts: true,
      cancellation: 'mutual',
      amendments: 'cocreator-approval',
      fee: null,
    });
  });

  it('has the gumroad preset of specification §2', () => {
    expect(summary(POLICIES.gumroad)).toEqual({
      name: 'gumroad',
      minRetainedPercent: '50',
      min: '1',
      max: '50',
      percentDecimals: 2,
      maxCocreators: 1,
      affiliatesOnCocreatedProducts: false,
      cancellation: 'unilateral',
      amendments: 'immediate',
      fee: null,
    });
  });

  it('is frozen, presets and their bounds included', () => {
    expect(Object.isFrozen(POLICIES)).toBe(true);
    for (const name of POLICY_NAMES) {
      expect(Object.isFrozen(POLICIES[name])).toBe(true);
      expect(Object.isFrozen(POLICIES[name].cocreatorPercent)).toBe(true);
    }
  });

  it('defaults to hotmart', () => {
    expect(DEFAULT_POLICY).toBe(POLICIES.hotmart);
  });
});

describe('policy', () => {
  describe('with a preset name', () => {
    it('returns the shared preset', () => {
      expect(policy('kiwify')._unsafeUnwrap()).toBe(POLICIES.kiwify);
    });

    it('refuses an unknown name with invalid_policy (names are case-sensitive)', () => {
      expect(problems(policy('Hotmart', ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_policy', path: ['policy'] },
      ]);
    });
  });

  describe('with extends', () => {
    it('overrides single fields of the preset and keeps the others', () => {
      const rules = policy({
        extends: 'kiwify',
        maxCocreators: 2,
        cancellation: 'unilateral',
      })._unsafeUnwrap();
      expect(summary(rules)).toEqual({
        ...summary(POLICIES.kiwify),
        maxCocreators: 2,
        cancellation: 'unilateral',
      });
    });

    it('merges a partial cocreatorPercent', () => {
      const rules = policy({ extends: 'hotmart', cocreatorPercent: { min: '5' } })._unsafeUnwrap();
      expect([
        formatPercent(rules.cocreatorPercent.min),
        formatPercent(rules.cocreatorPercent.max),
      ]).toEqual(['5', '70']);
    });

    it('reads maxCocreators: null as no limit, not as absent', () => {
      expect(
        policy({ extends: 'gumroad', maxCocreators: null })._unsafeUnwrap().maxCocreators,
      ).toBe(null);
    });

    it('reads null on any other field as absent', () => {
      const rules = policy({
        extends: 'gumroad',
        minRetainedPercent: null,
        fee: null,
      })._unsafeUnwrap();
      expect(summary(rules)).toEqual(summary(POLICIES.gumroad));
    });

    it('refuses an unknown preset with invalid_policy at extends', () => {
      expect(problems(policy({ extends: 'shopify' }, ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_policy', path: ['policy', 'extends'] },
      ]);
    });

    it('refuses an extends that is not a string with invalid_field', () => {
      expect(problems(policy({ extends: 1 })._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['extends'] },
      ]);
    });

    it('refuses a minRetainedPercent that leaves the inherited max above the cap, at cocreatorPercent.max', () => {
      // hotmart's max 70 > 100 - 40: the rule is written on the bound, inherited or not.
      expect(
        problems(policy({ extends: 'hotmart', minRetainedPercent: '40' })._unsafeUnwrapErr()),
      ).toEqual([{ code: 'invalid_policy', path: ['cocreatorPercent', 'max'] }]);
    });
  });

  describe('without extends', () => {
    it('reads a complete custom policy, fee absent', () => {
      expect(summary(policy(complete)._unsafeUnwrap())).toEqual({
        name: null,
        minRetainedPercent: '40',
        min: '0.5',
        max: '60',
        percentDecimals: 1,
        maxCocreators: 3,
        affiliatesOnCocreatedProducts: false,
        cancellation: 'unilateral',
        amendments: 'immediate',
        fee: null,
      });
    });

    it('requires every field but fee, each reported at its path with invalid_field', () => {
      expect(problems(policy({}, ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['policy', 'minRetainedPercent'] },
        { code: 'invalid_field', path: ['policy', 'cocreatorPercent'] },
        { code: 'invalid_field', path: ['policy', 'percentDecimals'] },
        { code: 'invalid_field', path: ['policy', 'maxCocreators'] },
        { code: 'invalid_field', path: ['policy', 'affiliatesOnCocreatedProducts'] },
        { code: 'invalid_field', path: ['policy', 'cancellation'] },
        { code: 'invalid_field', path: ['policy', 'amendments'] },
      ]);
    });

    it('requires both bounds of cocreatorPercent', () => {
      expect(
        problems(policy({ ...complete, cocreatorPercent: { max: '60' } })._unsafeUnwrapErr()),
      ).toEqual([{ code: 'invalid_field', path: ['cocreatorPercent', 'min'] }]);
    });

    it('requires maxCocreators to be written, even as null', () => {
      const { maxCocreators: _, ...rest } = complete;
      expect(problems(policy(rest)._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['maxCocreators'] },
      ]);
      expect(policy({ ...rest, maxCocreators: null })._unsafeUnwrap().maxCocreators).toBe(null);
    });
  });

  describe('type and syntax problems', () => {
    it('reports every field of the wrong type with invalid_field, and bad percents with invalid_percent', () => {
      const input = {
        extends: 'hotmart',
        minRetainedPercent: '30%',
        cocreatorPercent: { min: true, max: '1e2' },
        percentDecimals: '2',
        maxCocreators: '1',
        affiliatesOnCocreatedProducts: 'yes',
        cancellation: 1,
        amendments: null,
      };
      expect(problems(policy(input, ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_percent', path: ['policy', 'minRetainedPercent'] },
        // A boolean is neither a string nor a number: the wrong type (specification §7), not bad syntax.
        { code: 'invalid_field', path: ['policy', 'cocreatorPercent', 'min'] },
        { code: 'invalid_percent', path: ['policy', 'cocreatorPercent', 'max'] },
        { code: 'invalid_field', path: ['policy', 'percentDecimals'] },
        { code: 'invalid_field', path: ['policy', 'maxCocreators'] },
        { code: 'invalid_field', path: ['policy', 'affiliatesOnCocreatedProducts'] },
        { code: 'invalid_field', path: ['policy', 'cancellation'] },
      ]);
    });

    it('refuses unknown and reserved keys with invalid_field at the key', () => {
      const input = JSON.parse('{"extends":"hotmart","maxCocreator":1,"__proto__":{}}');
      expect(problems(policy(input)._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_field', path: ['maxCocreator'] },
        { code: 'invalid_field', path: ['__proto__'] },
      ]);
    });

    it('refuses what is neither a name nor an object with invalid_field', () => {
      for (const input of [null, 3, [], undefined]) {
        expect(problems(policy(input, ['policy'])._unsafeUnwrapErr())).toEqual([
          { code: 'invalid_field', path: ['policy'] },
        ]);
      }
    });
  });

  describe('the invariants of specification §2', () => {
    it.each([
      [
        'minRetainedPercent = 100',
        { minRetainedPercent: '100', cocreatorPercent: { min: '1', max: '1' } },
        ['minRetainedPercent'],
      ],
      [
        'cocreatorPercent.min = 0',
        { cocreatorPercent: { min: '0', max: '10' } },
        ['cocreatorPercent', 'min'],
      ],
      ['min > max', { cocreatorPercent: { min: '20', max: '10' } }, ['cocreatorPercent', 'min']],
      [
        'max > 100 - minRetainedPercent',
        { cocreatorPercent: { min: '0.5', max: '60.01' } },
        ['cocreatorPercent', 'max'],
      ],
      ['percentDecimals = 7', { percentDecimals: 7 }, ['percentDecimals']],
      ['percentDecimals = 1.5', { percentDecimals: 1.5 }, ['percentDecimals']],
      ['maxCocreators = 0', { maxCocreators: 0 }, ['maxCocreators']],
      ['maxCocreators = 1.5', { maxCocreators: 1.5 }, ['maxCocreators']],
      ['cancellation unknown', { cancellation: 'never' }, ['cancellation']],
      ['amendments unknown', { amendments: 'never' }, ['amendments']],
    ] as const)('refuses %s with invalid_policy', (_, override, path) => {
      const input = { ...complete, ...override };
      expect(problems(policy(input)._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_policy', path },
      ]);
    });

    it('accepts the edges: minRetainedPercent 0, min = max = 100 - minRetainedPercent, 6 decimals', () => {
      const rules = policy({
        ...complete,
        minRetainedPercent: '0',
        cocreatorPercent: { min: '100', max: '100' },
        percentDecimals: 6,
      });
      expect(rules.isOk()).toBe(true);
    });
  });

  describe('fee', () => {
    it("reads a percent and fixed amounts in each currency's major units", () => {
      const rules = policy({
        extends: 'hotmart',
        fee: { percent: '4.99', fixed: { USD: '0.99', JPY: 100, BRL: '1' } },
      })._unsafeUnwrap();
      expect(formatPercent(rules.fee?.percent as Percent)).toBe('4.99');
      expect(rules.fee?.fixed).toEqual({ USD: 99n, JPY: 100n, BRL: 100n });
      expect(Object.isFrozen(rules.fee?.fixed)).toBe(true);
    });

    it('defaults the percent to 0 and the fixed table to none', () => {
      const rules = policy({ extends: 'hotmart', fee: {} })._unsafeUnwrap();
      expect(formatPercent(rules.fee?.percent as Percent)).toBe('0');
      expect(rules.fee?.fixed).toEqual({});
    });

    it('refuses each bad entry at its path', () => {
      const fee = { percent: '100.5', fixed: { XYZ: '1', BRL: '0.001', USD: '-1', EUR: true } };
      expect(problems(policy({ extends: 'hotmart', fee }, ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'invalid_policy', path: ['policy', 'fee', 'percent'] },
        { code: 'unknown_currency', path: ['policy', 'fee', 'fixed', 'XYZ'] },
        { code: 'amount_precision', path: ['policy', 'fee', 'fixed', 'BRL'] },
        { code: 'invalid_amount', path: ['policy', 'fee', 'fixed', 'USD'] },
        // An amount that is neither a string nor a number is of the wrong type (specification §7).
        { code: 'invalid_field', path: ['policy', 'fee', 'fixed', 'EUR'] },
      ]);
    });

    it('refuses an unknown currency in the fixed table even when its amount is null', () => {
      const fee = { fixed: { Price: null, XYZ: null } };
      expect(problems(policy({ extends: 'hotmart', fee }, ['policy'])._unsafeUnwrapErr())).toEqual([
        { code: 'unknown_currency', path: ['policy', 'fee', 'fixed', 'Price'] },
        { code: 'unknown_currency', path: ['policy', 'fee', 'fixed', 'XYZ'] },
      ]);
    });

    it('reads a null amount of a known currency as absent', () => {
      const rules = policy({ extends: 'hotmart', fee: { fixed: { BRL: null, USD: '1' } } });
      expect(rules._unsafeUnwrap().fee?.fixed).toEqual({ USD: 100n });
    });

    it('refuses a fee percent that is not a percent with invalid_percent, and unknown fee keys', () => {
      expect(
        problems(policy({ extends: 'hotmart', fee: { percent: 'x', flat: 1 } })._unsafeUnwrapErr()),
      ).toEqual([
        { code: 'invalid_field', path: ['fee', 'flat'] },
        { code: 'invalid_percent', path: ['fee', 'percent'] },
      ]);
    });
  });

  it('returns a frozen policy', () => {
    const rules = policy(complete)._unsafeUnwrap();
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules.cocreatorPercent)).toBe(true);
  });
});

describe('isPolicyName', () => {
  it('knows the three presets, case-sensitively', () => {
    expect(POLICY_NAMES.map(isPolicyName)).toEqual([true, true, true]);
    expect(isPolicyName('GUMROAD')).toBe(false);
    expect(isPolicyName(undefined)).toBe(false);
  });
});

describe('maxReservedPercent', () => {
  it('is 100 - minRetainedPercent', () => {
    expect(formatPercent(maxReservedPercent(POLICIES.kiwify))).toBe('80');
    expect(
      formatPercent(
        maxReservedPercent(
          policy({
            ...complete,
            minRetainedPercent: '37.5',
            cocreatorPercent: { min: '1', max: '2' },
          })._unsafeUnwrap(),
        ),
      ),
    ).toBe('62.5');
  });
});

describe('the errors of policy', () => {
  const hot = (fields: Record<string, unknown>) => ({ extends: 'hotmart', ...fields });
  const UNKNOWN = 'expected "hotmart", "kiwify" or "gumroad"';
  // Every error as [code, path joined by dots, message], the messages written from specification §2.
  it.each([
    [
      'an unknown preset name',
      'acme',
      [['invalid_policy', '', `unknown policy preset "acme"; ${UNKNOWN}`]],
    ],
    ['a number', 7, [['invalid_field', '', 'expected a preset name or a policy object']]],
    [
      'an extends that is not a string',
      { extends: 7 },
      [['invalid_field', 'extends', 'expected a preset name']],
    ],
    [
      'an unknown extends',
      { extends: 'acme', percentDecimals: 2 },
      [['invalid_policy', 'extends', `unknown policy preset "acme"; ${UNKNOWN}`]],
    ],
    [
      'a minRetainedPercent of 100, reported alone (the cap it would give is not checked)',
      hot({ minRetainedPercent: '100' }),
      [['invalid_policy', 'minRetainedPercent', 'minRetainedPercent is below 100']],
    ],
    [
      'bounds that are not an object',
      hot({ cocreatorPercent: 5 }),
      [['invalid_field', 'cocreatorPercent', 'expected an object']],
    ],
    [
      'a min of 0',
      hot({ cocreatorPercent: { min: '0' } }),
      [['invalid_policy', 'cocreatorPercent.min', 'cocreatorPercent.min is above 0']],
    ],
    [
      'a min above the max',
      hot({ cocreatorPercent: { min: '60', max: '50' } }),
      [
        [
          'invalid_policy',
          'cocreatorPercent.min',
          'cocreatorPercent.min (60) is above cocreatorPercent.max (50)',
        ],
      ],
    ],
    [
      'a max above the cap',
      hot({ cocreatorPercent: { max: '80' } }),
      [
        [
          'invalid_policy',
          'cocreatorPercent.max',
          'cocreatorPercent.max (80) is above 100 - minRetainedPercent (70)',
        ],
      ],
    ],
    [
      'percentDecimals as text',
      hot({ percentDecimals: '2' }),
      [['invalid_field', 'percentDecimals', 'expected a number']],
    ],
    [
      'percentDecimals 7',
      hot({ percentDecimals: 7 }),
      [['invalid_policy', 'percentDecimals', 'percentDecimals is an integer from 0 to 6']],
    ],
    [
      'maxCocreators as text',
      hot({ maxCocreators: '1' }),
      [['invalid_field', 'maxCocreators', 'expected a number or null']],
    ],
    [
      'maxCocreators 0',
      hot({ maxCocreators: 0 }),
      [['invalid_policy', 'maxCocreators', 'maxCocreators is a positive integer, or null']],
    ],
    [
      'a cancellation that is not a string',
      hot({ cancellation: 1 }),
      [['invalid_field', 'cancellation', 'expected a string']],
    ],
    [
      'an unknown cancellation rule',
      hot({ cancellation: 'never' }),
      [['invalid_policy', 'cancellation', '"never" is not one of "mutual", "unilateral"']],
    ],
    [
      'an unknown amendment rule',
      hot({ amendments: 'never' }),
      [['invalid_policy', 'amendments', '"never" is not one of "cocreator-approval", "immediate"']],
    ],
    [
      'a fee that is not an object',
      hot({ fee: 'x' }),
      [['invalid_field', 'fee', 'expected a fee schedule object']],
    ],
    [
      'a fee percent above 100',
      hot({ fee: { percent: '100.5' } }),
      [['invalid_policy', 'fee.percent', 'a fee percent is from 0 to 100']],
    ],
    [
      'a fixed table that is not an object',
      hot({ fee: { fixed: 5 } }),
      [['invalid_field', 'fee.fixed', 'expected an object of amounts by currency']],
    ],
    [
      'a fixed table that is text, without reading its characters as currencies',
      hot({ fee: { fixed: 'USD' } }),
      [['invalid_field', 'fee.fixed', 'expected an object of amounts by currency']],
    ],
    [
      'reserved keys in the fixed table, refused by name and not read as currencies',
      hot({
        fee: { fixed: JSON.parse('{"__proto__":"1","constructor":"1","prototype":"1","USD":"1"}') },
      }),
      ['__proto__', 'constructor', 'prototype'].map((k) => [
        'invalid_field',
        `fee.fixed.${k}`,
        `the key "${k}" is not allowed`,
      ]),
    ],
  ] as const)('names %s', (_, input, expected) => {
    const errors = policy(input)._unsafeUnwrapErr();
    expect(errors.map((e) => [e.code, e.path.join('.'), e.message])).toEqual(expected);
  });

  it('reads -0 decimals as 0, so that equal policies are Object.is-equal field by field', () => {
    expect(Object.is(policy(hot({ percentDecimals: -0 }))._unsafeUnwrap().percentDecimals, 0)).toBe(
      true,
    );
  });

  it('reads null on a field with a preset as the preset value, and on maxCocreators as no limit', () => {
    const rules = policy(
      hot({ percentDecimals: null, cancellation: null, cocreatorPercent: { min: null } }),
    )._unsafeUnwrap();
    expect([
      rules.percentDecimals,
      rules.cancellation,
      formatPercent(rules.cocreatorPercent.min),
    ]).toEqual([2, 'mutual', '0.01']);
    expect(policy({ extends: 'gumroad', maxCocreators: null })._unsafeUnwrap().maxCocreators).toBe(
      null,
    );
  });
});

describe('checkCocreatorPercent', () => {
  it('answers a percent or a policy forged around the type system with one error, never throwing', () => {
    const forgedPercent = { units: 20, scale: 0 } as unknown as Percent;
    expect(
      problems(checkCocreatorPercent(forgedPercent, POLICIES.hotmart, ['x'])._unsafeUnwrapErr()),
    ).toEqual([{ code: 'invalid_percent', path: ['x'] }]);
    for (const rules of [
      null,
      undefined,
      'hotmart',
      {},
      { percentDecimals: 2, cocreatorPercent: null },
      { percentDecimals: 2 },
      { percentDecimals: '2', cocreatorPercent: POLICIES.hotmart.cocreatorPercent },
    ]) {
      expect(checkCocreatorPercent(p('20'), rules as never, ['y'])._unsafeUnwrapErr()).toEqual([
        { code: 'invalid_field', message: 'expected a policy from policy()', path: ['y'] },
      ]);
    }
  });

  it('names the bounds in its error, at the root when no path is given', () => {
    expect(checkCocreatorPercent(p('70.01'), POLICIES.hotmart)._unsafeUnwrapErr()).toEqual([
      {
        code: 'percent_out_of_range',
        message: 'a cocreator percent is from 0.01 to 70 under this policy, got 70.01',
        path: [],
        min: '0.01',
        max: '70',
      },
    ]);
  });

  it('accepts the bounds themselves', () => {
    expect(checkCocreatorPercent(p('0.01'), POLICIES.hotmart).isOk()).toBe(true);
    expect(checkCocreatorPercent(p('70.00'), POLICIES.hotmart).isOk()).toBe(true);
  });

  it('counts places as written: "20.0" breaks kiwify\'s 0 decimals', () => {
    expect(
      problems(checkCocreatorPercent(p('20.0'), POLICIES.kiwify, ['x'])._unsafeUnwrapErr()),
    ).toEqual([{ code: 'percent_precision', path: ['x'] }]);
  });

  it('refuses a percent outside the bounds with percent_out_of_range and the bounds', () => {
    const [error] = checkCocreatorPercent(p('50.01'), POLICIES.gumroad)._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'percent_out_of_range', min: '1', max: '50' });
  });
});
