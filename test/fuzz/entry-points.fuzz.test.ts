/**
 * Every public function that takes input it must check (an `unknown` parameter, or a value
 * it validates before use, and answers with a Result) is called with any value in every
 * argument: it never throws, answers a Result whose error carries a the specification code, a message and
 * a path, returns only frozen values, and never mutates its (deep-frozen) arguments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContract, contractEvent, termsPatch } from '../../src/contracts/read';
import { replayContract } from '../../src/contracts/replay';
import * as main from '../../src/index';
import { localizeError } from '../../src/locales/define';
import * as locales from '../../src/locales/index';
import { checkCocreatorPercent, isPolicyName } from '../../src/model/policy';
import { checkAffiliatePercent } from '../../src/model/product';
import { settleWithDomain } from '../../src/settle/stages';
import {
  accept,
  amend,
  approveAmendment,
  approveCancellation,
  cancel,
  decline,
  declineAmendment,
  proposeAmendment,
  rejectCancellation,
  requestCancellation,
  withdraw,
  withdrawAmendment,
  withdrawCancellation,
} from '../../src/validate/transitions';
import { parseAmount } from '../../src/values/money';
import { checkPercentPrecision, percentFromString } from '../../src/values/percent';
import * as wire from '../../src/wire/index';
import { hostileCatalog } from '../support/hostile-catalog';
import { specDocument } from '../support/spec-document';
import {
  deepFreeze,
  expectDeepFrozen,
  expectNoUnreadable,
  expectResult,
  hostileValue,
  runs,
} from './support';

type AnyFn = (...args: unknown[]) => unknown;

const root = join(import.meta.dirname, '..', '..');
const lib = { ...main, ...wire, ...locales };
const api: Readonly<Record<string, unknown>> = lib;

/** Result-returning functions: name, number of arguments fuzzed, one error or a list. */
const CHECKED: ReadonlyArray<readonly [keyof typeof lib, number, 'one' | 'many']> = [
  ['accountId', 1, 'many'],
  ['appliesTo', 1, 'many'],
  ['currency', 1, 'many'],
  ['parseInstant', 1, 'many'],
  ['instant', 1, 'many'],
  ['parsePercent', 1, 'many'],
  ['percent', 2, 'many'],
  ['money', 2, 'many'],
  ['parseMoney', 2, 'many'],
  ['policy', 1, 'many'],
  ['product', 1, 'many'],
  ['sale', 1, 'many'],
  ['refund', 1, 'many'],
  ['contract', 1, 'many'],
  ['commissionRule', 1, 'many'],
  ['validateDomain', 1, 'many'],
  ['invite', 2, 'many'],
  ['transition', 3, 'many'],
  ['validateRetentionFloor', 2, 'many'],
  ['validateAffiliatePermission', 2, 'many'],
  ['validateTermAt', 3, 'many'],
  ['parseDocument', 1, 'many'],
  ['parseDocumentBytes', 1, 'many'],
  ['parseDocumentText', 1, 'many'],
  ['parseSettlementJson', 1, 'many'],
  ['parseStoredSettlementJson', 1, 'many'],
  ['parseStoredReversalJson', 1, 'many'],
  ['settleDocument', 1, 'many'],
  ['settleSale', 4, 'many'],
  ['refundSale', 3, 'many'],
  ['refundAll', 2, 'many'],
  ['ledgerOf', 2, 'many'],
  ['settleTotals', 3, 'many'],
  ['parseLedgerJson', 1, 'many'],
  ['subtractPercents', 2, 'many'],
];

/** Predicates and total functions: they answer a value of a fixed type, never throw. */
const TOTAL: ReadonlyArray<readonly [keyof typeof lib, number, (answer: unknown) => boolean]> = [
  ['isCurrency', 1, (a) => typeof a === 'boolean'],
  ['isErrorCode', 1, (a) => typeof a === 'boolean'],
  ['isLocale', 1, (a) => typeof a === 'boolean'],
  ['defineCatalog', 1, (a) => typeof a === 'object' && a !== null],
  ['can', 4, (a) => typeof a === 'boolean'],
  ['localizeErrors', 2, () => true],
  ['settleText', 1, (a) => typeof a === 'string' && JSON.parse(a as string) !== undefined],
  ['settleToJson', 1, (a) => typeof a === 'object' && a !== null && 'ok' in a],
  [
    'settleDocumentSchema',
    1,
    (a) =>
      typeof (a as { '~standard': { validate: unknown } })['~standard'].validate === 'function',
  ],
];

/**
 * Functions that left the public API in 0.2.0 but still read input on its behalf (the public
 * readers and `transition` call them): fuzzed as before, outside the public lists.
 */
const INTERNAL_CHECKED: ReadonlyArray<readonly [string, AnyFn, number, 'one' | 'many']> = [
  ['parseAmount', parseAmount as AnyFn, 2, 'one'],
  ['checkContract', checkContract as AnyFn, 1, 'many'],
  ['contractEvent', contractEvent as AnyFn, 1, 'many'],
  ['termsPatch', termsPatch as AnyFn, 1, 'many'],
  ['replayContract', replayContract as AnyFn, 3, 'many'],
  ['settleWithDomain', settleWithDomain as AnyFn, 2, 'many'],
  ['checkCocreatorPercent', checkCocreatorPercent as AnyFn, 2, 'many'],
  ['checkAffiliatePercent', checkAffiliatePercent as AnyFn, 1, 'one'],
  ['checkPercentPrecision', checkPercentPrecision as AnyFn, 2, 'one'],
  ['accept', accept as AnyFn, 3, 'one'],
  ['decline', decline as AnyFn, 3, 'one'],
  ['withdraw', withdraw as AnyFn, 3, 'one'],
  ['proposeAmendment', proposeAmendment as AnyFn, 3, 'one'],
  ['approveAmendment', approveAmendment as AnyFn, 3, 'one'],
  ['declineAmendment', declineAmendment as AnyFn, 3, 'one'],
  ['withdrawAmendment', withdrawAmendment as AnyFn, 3, 'one'],
  ['amend', amend as AnyFn, 3, 'one'],
  ['requestCancellation', requestCancellation as AnyFn, 3, 'one'],
  ['approveCancellation', approveCancellation as AnyFn, 3, 'one'],
  ['rejectCancellation', rejectCancellation as AnyFn, 3, 'one'],
  ['withdrawCancellation', withdrawCancellation as AnyFn, 3, 'one'],
  ['cancel', cancel as AnyFn, 3, 'one'],
];

const INTERNAL_TOTAL: ReadonlyArray<readonly [string, AnyFn, number, (a: unknown) => boolean]> = [
  ['isPolicyName', isPolicyName as AnyFn, 1, (a) => typeof a === 'boolean'],
  ['localizeError', localizeError as AnyFn, 2, () => true],
  [
    'percentFromString',
    percentFromString as AnyFn,
    1,
    (a) => a === undefined || (typeof a === 'object' && a !== null),
  ],
];

function argsOf(arity: number) {
  return fc.tuple(...Array.from({ length: arity }, () => hostileValue));
}

describe('every checking function', () => {
  for (const [name, arity, shape] of CHECKED) {
    it(`${name} answers any arguments with a Result and the specification errors, never throwing`, () => {
      const fn = api[name] as AnyFn;
      fc.assert(
        fc.property(argsOf(arity), (args) => {
          const frozen = deepFreeze(args);
          expectResult(fn(...frozen), shape === 'many');
        }),
        runs(),
      );
    });
  }
});

describe('every internal reader the public API calls', () => {
  for (const [name, fn, arity, shape] of INTERNAL_CHECKED) {
    it(`${name} answers any arguments with a Result and the specification errors, never throwing`, () => {
      fc.assert(
        fc.property(argsOf(arity), (args) => {
          expectResult(fn(...deepFreeze(args)), shape === 'many');
        }),
        runs(),
      );
    });
  }
  for (const [name, fn, arity, isAnswer] of INTERNAL_TOTAL) {
    it(`${name} answers any arguments with a value of its type, never throwing`, () => {
      fc.assert(
        fc.property(argsOf(arity), (args) => {
          const answer = fn(...deepFreeze(args));
          expect(isAnswer(answer)).toBe(true);
          expectDeepFrozen(answer);
        }),
        runs(),
      );
    });
  }
});

describe('every predicate and total function', () => {
  for (const [name, arity, isAnswer] of TOTAL) {
    it(`${name} answers any arguments with a value of its type, never throwing`, () => {
      const fn = api[name] as AnyFn;
      fc.assert(
        fc.property(argsOf(arity), (args) => {
          const answer = fn(...deepFreeze(args));
          expect(isAnswer(answer)).toBe(true);
          expectDeepFrozen(answer);
          // Nothing in these arguments throws when read: an answer (settleToJson's errors,
          // settleText's JSON) that says "could not be read" is an exception of the library's own.
          expectNoUnreadable(answer);
        }),
        runs(),
      );
    });
  }

  it("the Standard Schema's validate answers any value with a value or issues, never throwing", () => {
    const { validate } = wire.settleDocumentSchema()['~standard'];
    fc.assert(
      fc.property(hostileValue, (value) => {
        const answer = validate(deepFreeze(value));
        expect('value' in answer || (answer.issues?.length ?? 0) > 0).toBe(true);
        expectDeepFrozen(answer);
        expectNoUnreadable(answer);
      }),
      runs(),
    );
  });
});

/**
 * Pure functions over values the library built and branded (Percent, Policy, Settlement, a
 * contract's timeline, a Domain, ...), answering a plain value, not a Result: total over their
 * TypeScript types (each module's property tests run them over every valid value); a value
 * forged around the type system is outside their contract (contributing/mutation.md, "Fuzzing").
 */
const TYPED: ReadonlyArray<string> = [
  'explain',
  'termsAt',
  'isLive',
  'pendingAmendmentAt',
  'pendingCancellationAt',
  'statusAt',
  'reservedPercentAt',
  'termsHistory',
  'currencies',
  'liveContractsAt',
  'contractsCovering',
  'totalReservedPercentAt',
  'availablePercentAt',
  'timelineOf',
  'formatInstant',
  'documentToJson',
  'settlementToJson',
  'reversalToJson',
  'policyToJson',
  'productToJson',
  'contractToJson',
  'refundToJson',
  'storedSettlementToJson',
  'storedReversalToJson',
  'errorToJson',
  'combineLedgers',
  'ledgerTotal',
  'ledgerToJson',
  'formatAmount',
  'comparePercent',
  'formatPercent',
  'percentOfAmount',
  'allowedActions',
  'maxReservedPercent',
  'compileSettler',
];

describe('the public API', () => {
  it("says in the README and in each entry's documentation which functions take only built values", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const docs = ['src/index.ts', 'src/wire/index.ts']
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .join('\n');
    const said = (text: string) =>
      TYPED.filter((name) => name !== 'currencies' && !text.includes(`\`${name}\``));
    expect(said(readme)).toEqual([]);
    expect(said(docs)).toEqual([]);
  });

  it('has every exported function in exactly one of the fuzzed or typed lists', () => {
    const functions = Object.keys(api).filter((name) => typeof api[name] === 'function');
    const listed = [...CHECKED.map(([n]) => n), ...TOTAL.map(([n]) => n), ...TYPED];
    expect([...listed].sort()).toEqual([...functions].sort());
  });
});

describe('the compiled settler', () => {
  it('answers any sale with a Result and the specification errors, whatever it was compiled from', () => {
    fc.assert(
      fc.property(hostileValue, hostileValue, (domain, sale) => {
        const settler = lib.compileSettler(deepFreeze(domain) as never);
        expect(typeof settler.settle).toBe('function');
        expectResult(settler.settle(deepFreeze(sale) as never), true);
      }),
      runs(),
    );
  });
});

/**
 * The `locale` option, whose catalog may be made by hand (its functions are the caller's
 * code): the CHECKED list fuzzes the readers' first argument only. Any value, or a catalog
 * whose every part throws or answers nonsense, as `locale`, or as the options themselves:
 * the same English answer as with none.
 */
describe('every function that takes a locale', () => {
  const locale = fc.oneof(hostileValue, hostileCatalog);
  const { settlement, reversals } = lib
    .parseDocument(specDocument())
    .andThen((doc) => lib.settleDocument(doc))
    ._unsafeUnwrap();
  const english = explain(settlement, reversals);

  function explain(...args: Parameters<typeof lib.explain>): string {
    return lib.explain(...args);
  }

  it('answers as in English, never throwing, whatever the locale', () => {
    fc.assert(
      fc.property(hostileValue, locale, (input, catalog) => {
        const frozen = deepFreeze(input);
        const options = { locale: catalog } as never;
        for (const read of [lib.parseDocument, lib.parseDocumentText, lib.parseDocumentBytes]) {
          const answer = (read as AnyFn)(frozen, options);
          expectResult(answer, true);
          expect(answer).toEqual((read as AnyFn)(frozen));
        }
        const schema = lib.settleDocumentSchema(options)['~standard'];
        expect(schema.validate(frozen)).toEqual(
          lib.settleDocumentSchema()['~standard'].validate(frozen),
        );
        expect(explain(settlement, reversals, options)).toBe(english);
        expect(explain(settlement, reversals, catalog as never)).toBe(english);
      }),
      runs(),
    );
  });
});
