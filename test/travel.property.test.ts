/**
 * Values that travel (issue 15): every value the library returns is plain data, accepted for
 * what it contains. A copy of it (a `structuredClone`, as `postMessage` to a worker makes; a
 * deep-frozen copy; for the kinds a platform stores, its wire-format JSON read back, which must
 * also equal the original) gets exactly the same answer from every function as the original, no
 * function mutates it, and what a function builds from it is as frozen as what it builds from
 * the original. The kinds of value and the functions that take them are the table of
 * test/support/travel.ts; {@link COPIES} names the ways a value travels: to add one, add a row.
 */
import * as cocreation from 'cocreation';
import { diffSettlements } from 'cocreation/testing';
import * as wire from 'cocreation/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Api,
  deepFreeze,
  isDeepFrozen,
  type Kind,
  kindsOf,
  made,
  outcome,
  type World,
  worldArb,
} from './support/travel';

const api: Api = { ...cocreation, ...wire, diffSettlements };

/** Ways a value travels: each copy must get the same answers as the original. */
const COPIES: Readonly<Record<string, (value: unknown, kind: Kind, world: World) => unknown>> = {
  structuredClone: (value) => structuredClone(value),
  'deep-frozen structuredClone': (value) => deepFreeze(structuredClone(value)),
  // Stored as JSON text in the wire format and read back, as a platform does between a sale
  // and its refund (only kinds with a wire form: see Kind.wire).
  'JSON round trip through the wire format': (value, kind, world) => {
    const wire = kind.wire as NonNullable<Kind['wire']>;
    return wire.read(JSON.parse(JSON.stringify(wire.print(value, world))))._unsafeUnwrap();
  },
};
const WIRE_COPY = 'JSON round trip through the wire format';

describe('values that travel', () => {
  const worlds = worldArb(api);
  for (const kind of kindsOf(api)) {
    describe(`a ${kind.name}`, () => {
      for (const [copyName, copy] of Object.entries(COPIES)) {
        it.skipIf(copyName === WIRE_COPY && kind.wire === undefined)(
          `gets the same answer from every function as a ${copyName} of it, which none mutates, and what they build is as frozen`,
          () => {
            fc.assert(
              fc.property(worlds, (world) => {
                const original = kind.pick(world);
                fc.pre(original !== undefined);
                const travelled = copy(original, kind, world);
                if (copyName === WIRE_COPY) expect(travelled).toStrictEqual(original);
                const before = structuredClone(travelled);
                for (const [name, use] of Object.entries(kind.uses)) {
                  const fromOriginal = use(original, world);
                  const fromCopy = use(travelled, world);
                  expect(outcome(fromCopy), name).toStrictEqual(outcome(fromOriginal));
                  // What a constructor builds from a copy holds no unfrozen piece of its input.
                  expect(isDeepFrozen(made(fromCopy)), name).toBe(isDeepFrozen(made(fromOriginal)));
                }
                expect(travelled).toStrictEqual(before);
              }),
              { numRuns: 25 },
            );
          },
        );
      }
    });
  }
});
