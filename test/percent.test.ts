import { describe, expect, it } from 'vitest';
import {
  addPercents,
  checkPercentPrecision,
  comparePercent,
  formatPercent,
  isPercentInRange,
  MAX_PERCENT_SCALE,
  PERCENT_0,
  PERCENT_100,
  type Percent,
  parsePercent,
  percent,
  percentDecimals,
  percentFromString,
  percentOfAmount,
  subtractPercents,
} from '../src/values/percent';

const p = (s: string): Percent => parsePercent(s)._unsafeUnwrap();

describe('parsePercent', () => {
  it.each([
    ['20', 20n, 0],
    ['20.00', 2000n, 2],
    ['12.5', 125n, 1],
    ['0.01', 1n, 2],
    ['0', 0n, 0],
    ['007.50', 750n, 2],
    ['100', 100n, 0],
    ['150', 150n, 0],
  ] as const)('keeps %s as written: units %s, scale %i', (text, units, scale) => {
    const parsed = parsePercent(text)._unsafeUnwrap();
    expect(parsed.units).toBe(units);
    expect(parsed.scale).toBe(scale);
    expect(Object.isFrozen(parsed)).toBe(true);
  });

  it('refuses a percent text longer than its places and a whole part could need', () => {
    const longest = `${'9'.repeat(99)}.${'0'.repeat(MAX_PERCENT_SCALE)}`;
    expect(parsePercent(longest).isOk()).toBe(true);
    expect(parsePercent(`9${longest}`)._unsafeUnwrapErr()[0]).toMatchObject({
      code: 'invalid_percent',
      path: [],
    });
    // Ten million digits: answered at once, not after seconds of exact arithmetic.
    expect(parsePercent('7'.repeat(10_000_000), ['p'])._unsafeUnwrapErr()[0].path).toEqual(['p']);
  });

  it('reads a number as JavaScript prints it', () => {
    expect(parsePercent(20)._unsafeUnwrap()).toEqual(p('20'));
    expect(parsePercent(12.5)._unsafeUnwrap()).toEqual(p('12.5'));
    expect(parsePercent(20.0)._unsafeUnwrap()).toEqual(p('20'));
    expect(parsePercent(0.000001)._unsafeUnwrap()).toEqual(p('0.000001'));
    expect(parsePercent(-0)._unsafeUnwrap()).toEqual(p('0'));
  });

  it.each(['-1', '+1', '1.', '.5', '', ' 1', '1e2', '20%', 'NaN', 'Infinity', '1,5'])(
    'refuses the string %j as invalid_percent with the path',
    (text) => {
      expect(parsePercent(text, ['product', 'affiliateCommission'])._unsafeUnwrapErr()[0]).toEqual({
        code: 'invalid_percent',
        message: expect.any(String),
        path: ['product', 'affiliateCommission'],
      });
    },
  );

  it.each([1e21, 1e-7, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the number %d as invalid_percent',
    (n) => {
      expect(parsePercent(n)._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_percent',
        path: [],
      });
    },
  );

  it.each([null, undefined, true, 20n, {}, ['20']])(
    'refuses the non-string, non-number %s as invalid_field (type before syntax)',
    (v) => {
      expect(parsePercent(v, ['x'])._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_field',
        path: ['x'],
      });
    },
  );

  it('refuses more than 1000 decimal places as invalid_percent', () => {
    expect(parsePercent(`1.${'0'.repeat(1000)}`)._unsafeUnwrap().scale).toBe(1000);
    expect(parsePercent(`1.${'0'.repeat(1001)}`)._unsafeUnwrapErr()[0].code).toBe(
      'invalid_percent',
    );
  });
});

describe('percent', () => {
  it('makes a frozen percent from units and scale', () => {
    const made = percent(125n, 1)._unsafeUnwrap();
    expect(made).toEqual(p('12.5'));
    expect(Object.isFrozen(made)).toBe(true);
    expect(percent(2000, 2)._unsafeUnwrap()).toEqual(p('20.00'));
  });

  it.each([
    [-1n, 0],
    [-1, 0],
    [1.5, 0],
    [Number.MAX_SAFE_INTEGER + 1, 0],
    [1n, -1],
    [1n, 1.5],
    [1n, 1001],
    [1n, Number.NaN],
  ] as const)('refuses units %s and scale %s as invalid_percent', (units, scale) => {
    expect(percent(units, scale, ['p'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'invalid_percent',
      message: expect.any(String),
      path: ['p'],
    });
  });
});

describe('percentDecimals', () => {
  it('counts the places as written', () => {
    expect(percentDecimals(p('20.00'))).toBe(2);
    expect(percentDecimals(p('20.10'))).toBe(2);
    expect(percentDecimals(p('20'))).toBe(0);
  });
});

describe('checkPercentPrecision', () => {
  it('accepts up to maxDecimals places as written', () => {
    const x = p('12.34');
    expect(checkPercentPrecision(x, 2)._unsafeUnwrap()).toBe(x);
    expect(checkPercentPrecision(x, 6)._unsafeUnwrap()).toBe(x);
  });

  it('refuses "20.00" under 0 decimals as percent_precision with maxDecimals and the path', () => {
    expect(
      checkPercentPrecision(p('20.00'), 0, [
        'contracts',
        1,
        'events',
        0,
        'terms',
        'percent',
      ])._unsafeUnwrapErr(),
    ).toEqual({
      code: 'percent_precision',
      message: expect.any(String),
      path: ['contracts', 1, 'events', 0, 'terms', 'percent'],
      maxDecimals: 0,
    });
  });
});

describe('comparePercent', () => {
  it.each([
    ['20', '20.00', 0],
    ['9.99', '10', -1],
    ['10', '9.99', 1],
    ['0.001', '0.01', -1],
    ['0', '0.000', 0],
    ['100', '99.999999', 1],
  ] as const)('compares %s with %s as %i', (a, b, c) => {
    expect(comparePercent(p(a), p(b))).toBe(c);
  });
});

describe('addPercents', () => {
  it('adds exactly at the larger scale', () => {
    const sum = addPercents(p('12.5'), p('7.55'));
    expect(sum).toEqual(p('20.05'));
    expect(Object.isFrozen(sum)).toBe(true);
    expect(addPercents(p('0.1'), p('0.2'))).toEqual(p('0.3'));
    expect(addPercents(p('20'), p('50'))).toEqual(p('70'));
  });
});

describe('subtractPercents', () => {
  it('subtracts exactly at the larger scale', () => {
    expect(subtractPercents(PERCENT_100, p('30'))._unsafeUnwrap()).toEqual(p('70'));
    expect(subtractPercents(p('0.3'), p('0.1'))._unsafeUnwrap()).toEqual(p('0.2'));
    expect(subtractPercents(p('70'), p('20.01'))._unsafeUnwrap()).toEqual(p('49.99'));
    expect(subtractPercents(p('5'), p('5.00'))._unsafeUnwrap()).toEqual(p('0.00'));
  });

  it('refuses a negative result as percent_out_of_range between 0 and a', () => {
    expect(subtractPercents(p('30'), p('30.01'), ['policy'])._unsafeUnwrapErr()[0]).toEqual({
      code: 'percent_out_of_range',
      message: expect.any(String),
      path: ['policy'],
      min: '0',
      max: '30',
    });
  });
});

describe('formatPercent', () => {
  it.each([
    ['20.00', '20'],
    ['20', '20'],
    ['12.50', '12.5'],
    ['0.01', '0.01'],
    ['0.000', '0'],
    ['007', '7'],
    ['100.0', '100'],
    ['10.10', '10.1'],
    ['0.000001', '0.000001'],
  ])('prints %s as %s', (text, shortest) => {
    expect(formatPercent(p(text))).toBe(shortest);
  });
});

describe('percentFromString', () => {
  it('reads a valid literal and gives undefined otherwise', () => {
    expect(percentFromString('12.5')).toEqual(p('12.5'));
    expect(percentFromString('-1')).toBeUndefined();
  });
});

describe('PERCENT_0 and PERCENT_100', () => {
  it('are 0 and 100, frozen', () => {
    expect(PERCENT_0).toEqual(p('0'));
    expect(PERCENT_100).toEqual(p('100'));
    expect(Object.isFrozen(PERCENT_0)).toBe(true);
    expect(Object.isFrozen(PERCENT_100)).toBe(true);
  });
});

describe('isPercentInRange', () => {
  it('includes both bounds, by value', () => {
    expect(isPercentInRange(p('70.00'), p('0.01'), p('70'))).toBe(true);
    expect(isPercentInRange(p('0.01'), p('0.01'), p('70'))).toBe(true);
    expect(isPercentInRange(p('0.009'), p('0.01'), p('70'))).toBe(false);
    expect(isPercentInRange(p('70.001'), p('0.01'), p('70'))).toBe(false);
  });
});

describe('percentOfAmount', () => {
  it('rounds down toward zero (specification §5 worked example: 10 % of 58.24 is 5.82)', () => {
    expect(percentOfAmount(5824n, p('10'), 'down')).toBe(582n);
    expect(percentOfAmount(8960n, p('35'), 'down')).toBe(3136n);
    expect(percentOfAmount(-5829n, p('10'), 'down')).toBe(-582n);
    expect(percentOfAmount(1n, p('99.99'), 'down')).toBe(0n);
  });

  it('rounds half up (away from zero)', () => {
    expect(percentOfAmount(5825n, p('10'), 'half-up')).toBe(583n);
    expect(percentOfAmount(5824n, p('10'), 'half-up')).toBe(582n);
    expect(percentOfAmount(5826n, p('10'), 'half-up')).toBe(583n);
    expect(percentOfAmount(-5825n, p('10'), 'half-up')).toBe(-583n);
    expect(percentOfAmount(1n, p('50'), 'half-up')).toBe(1n);
    expect(percentOfAmount(1n, p('49.99'), 'half-up')).toBe(0n);
  });
});

describe('a value forged around the type system', () => {
  const forged = [null, 20, '20', { units: -1n, scale: 0 }, { units: 20n, scale: 1.5 }];

  it('is refused by checkPercentPrecision and subtractPercents with invalid_percent at the path', () => {
    for (const value of forged) {
      const p = value as unknown as Percent;
      expect(checkPercentPrecision(p, 2, ['x'])._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_percent',
        path: ['x'],
      });
      expect(subtractPercents(PERCENT_100, p, ['y'])._unsafeUnwrapErr()[0]).toMatchObject({
        code: 'invalid_percent',
        path: ['y'],
      });
      expect(subtractPercents(p, PERCENT_0)._unsafeUnwrapErr()[0].code).toBe('invalid_percent');
    }
  });

  it('has checkPercentPrecision refuse a number of places that is not a number', () => {
    const p = parsePercent('1.5')._unsafeUnwrap();
    expect(checkPercentPrecision(p, Number.NaN)._unsafeUnwrapErr().code).toBe('invalid_field');
    expect(checkPercentPrecision(p, '2' as never)._unsafeUnwrapErr().code).toBe('invalid_field');
  });
});

describe('the errors and edges of parsePercent and percent', () => {
  it('say what was given, quoting a string and naming any other type', () => {
    const message = (input: unknown) => parsePercent(input)._unsafeUnwrapErr()[0].message;
    expect(message('12,5')).toContain('"12,5"');
    expect(message(Number.NaN)).toContain('NaN');
    expect(message(null)).toContain('null');
    expect(message([1])).toContain('an array');
    expect(message({})).toContain('a value of type object');
    expect(message({})).toContain('a decimal string or a number');
    expect(message('x')).toContain('"12.5"');
  });

  it('are at the root by default', () => {
    expect(parsePercent('x')._unsafeUnwrapErr()[0].path).toEqual([]);
    expect(percent(-1, 0)._unsafeUnwrapErr()[0].path).toEqual([]);
    const p = parsePercent('1.25')._unsafeUnwrap();
    expect(checkPercentPrecision(p, 1)._unsafeUnwrapErr().path).toEqual([]);
    expect(subtractPercents(PERCENT_0, p)._unsafeUnwrapErr()[0].path).toEqual([]);
  });

  it('name the places allowed and found, and the two percents of a subtraction', () => {
    const p = parsePercent('1.25')._unsafeUnwrap();
    const precision = checkPercentPrecision(p, 1)._unsafeUnwrapErr().message;
    expect(precision).toContain('at most 1 decimal places');
    expect(precision).toContain('got 2');
    const subtraction = subtractPercents(PERCENT_0, p)._unsafeUnwrapErr()[0].message;
    expect(subtraction).toContain('1.25');
    expect(subtraction).toContain('from 0');
    expect(percent(1, -1)._unsafeUnwrapErr()[0].message).toContain('0 to 1000');
  });

  it('build a percent from units 0 and from the largest scale, and refuse a numeric string', () => {
    expect(percent(0, 0)._unsafeUnwrap().units).toBe(0n);
    expect(percent(1, 1000)._unsafeUnwrap().scale).toBe(1000);
    expect(percent('5' as never, 0)._unsafeUnwrapErr()[0].code).toBe('invalid_percent');
    expect(percent(2 ** 53, 0)._unsafeUnwrapErr()[0].code).toBe('invalid_percent');
  });

  it('store a scale of -0 as 0', () => {
    expect(Object.is(percent(1, -0)._unsafeUnwrap().scale, 0)).toBe(true);
  });
});

describe('the shape a checking operation accepts as a percent', () => {
  it('is integer units with an integer scale from 0 to 1000, the largest included', () => {
    const check = (units: unknown, scale: unknown) =>
      checkPercentPrecision({ units, scale } as unknown as Percent, 2);
    expect(check(1n, 1000)._unsafeUnwrapErr().code).toBe('percent_precision');
    for (const scale of [-1, 1001, '2', 0.5]) {
      expect(check(1n, scale)._unsafeUnwrapErr().code, String(scale)).toBe('invalid_percent');
    }
    expect(check(1n, 2).isOk()).toBe(true);
  });

  it('names the number of places when it is not a number', () => {
    const p = parsePercent('1')._unsafeUnwrap();
    expect(checkPercentPrecision(p, Number.NaN)._unsafeUnwrapErr().message).toContain(
      'number of decimal places',
    );
  });
});
