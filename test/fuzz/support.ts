/**
 * Shared by the fuzz suite (test/fuzz/*.fuzz.test.ts): how many runs, and what every answer
 * of a public function must look like. `npm test` runs these files with few runs;
 * `npm run fuzz` (vitest.fuzz.config.ts) sets FUZZ_RUNS so that they total over 100,000.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { UNREADABLE } from '../../src/_internal/unreadable';
import { isErrorCode } from '../../src/errors';

/** Runs per property: `FUZZ_RUNS` from the environment, 100 by default (npm test). */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? '100') || 100);

/** `fc.assert` options for a property that gets `share` times the base number of runs. */
export function runs(share = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)) };
}

/** Any value, including null-prototype objects, bigints, sparse arrays and `__proto__` keys. */
export const hostileValue = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withObjectString: true,
  maxDepth: 4,
});

/** Deep-freezes plain data (objects, arrays), so that any mutation of it throws. Iterative. */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if ((typeof node !== 'object' || node === null) && typeof node !== 'function') continue;
    // A poison's traps would fire (and count) if it were frozen: it is left as it is.
    if (seen.has(node as object) || POISON.has(node as object)) continue;
    seen.add(node as object);
    // Typed arrays cannot be frozen; Maps and Sets keep their entries mutable.
    if (ArrayBuffer.isView(node)) continue;
    for (const key of Reflect.ownKeys(node as object)) {
      const d = Object.getOwnPropertyDescriptor(node, key);
      if (d !== undefined && 'value' in d) stack.push(d.value);
    }
    Object.freeze(node);
  }
  return value;
}

/** Asserts that every object and array reachable from `value` is frozen. Iterative. */
export function expectDeepFrozen(value: unknown, where = 'value'): void {
  const seen = new Set<object>();
  const stack: Array<[unknown, string]> = [[value, where]];
  while (stack.length > 0) {
    const [node, at] = stack.pop() as [unknown, string];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    // A typed array cannot be frozen (by the caller either): one the caller forged into a
    // value the library trusts may come back as it was given.
    if (ArrayBuffer.isView(node)) continue;
    seen.add(node);
    expect(Object.isFrozen(node), `${at} is frozen`).toBe(true);
    for (const key of Object.keys(node)) {
      stack.push([(node as Record<string, unknown>)[key], `${at}.${key}`]);
    }
  }
}

/** Asserts that `error` is a frozen the specification error: a the specification code, a message and a path. */
export function expectSpecError(error: unknown): void {
  expect(typeof error).toBe('object');
  const e = error as { code: unknown; message: unknown; path: unknown };
  expect(isErrorCode(e.code), `code ${String(e.code)}`).toBe(true);
  expect(typeof e.message).toBe('string');
  expect((e.message as string).length).toBeGreaterThan(0);
  expect(Array.isArray(e.path)).toBe(true);
  for (const step of e.path as unknown[]) {
    expect(typeof step === 'string' || (typeof step === 'number' && Number.isInteger(step))).toBe(
      true,
    );
  }
  expectDeepFrozen(error, 'error');
}

interface ResultLike {
  isOk(): boolean;
  isErr(): boolean;
  readonly value?: unknown;
  readonly error?: unknown;
}

function isResult(value: unknown): value is ResultLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ResultLike).isOk === 'function' &&
    typeof (value as ResultLike).isErr === 'function'
  );
}

/**
 * Asserts that an answer is a Result whose error is one the specification error or a non-empty list of
 * them, and whose value is deeply frozen; returns whether it was an error.
 */
export function expectResult(answer: unknown, many: boolean, mayBeUnreadable = false): boolean {
  expect(isResult(answer), 'a neverthrow Result').toBe(true);
  // An input that cannot throw is never answered "could not be read": that answer would be an
  // exception of the library's own, caught as if the caller's value had thrown.
  if (!mayBeUnreadable) expectNoUnreadable(answer);
  const result = answer as ResultLike;
  if (result.isOk()) {
    expectDeepFrozen(result.value, 'the value');
    return false;
  }
  if (many) {
    expect(Array.isArray(result.error)).toBe(true);
    const errors = result.error as unknown[];
    expect(errors.length).toBeGreaterThan(0);
    expect(Object.isFrozen(errors)).toBe(true);
    for (const e of errors) expectSpecError(e);
  } else {
    expectSpecError(result.error);
  }
  return true;
}

export type Path = ReadonlyArray<string | number>;

/** Every path to a node of a tree of plain objects and arrays (the root included). */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...at, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      pathsOf((value as Record<string, unknown>)[key], [...at, key], out);
    }
  }
  return out;
}

/** A copy of `value` with the node at `path` replaced (copy on write: `value` is not touched). */
function replaced(value: unknown, path: Path, by: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return by;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[step as number] = replaced(value[step as number], rest, by);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [step]: replaced(record[step as string], rest, by) };
}

/** `value` with one node, anywhere in it, replaced by any value; frozen through. */
export function corruptedOnce<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<{ value: T; path: Path }> {
  return fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, by]) => {
    const paths = pathsOf(value);
    const path = paths[pick % paths.length] ?? [];
    return { value: deepFreeze(replaced(value, path, by)) as T, path };
  });
}

/**
 * Asserts that no string reachable from `answer` (an error's message, a printed answer)
 * carries the "could not be read" message of `src/_internal/unreadable.ts`. Iterative; poisons
 * are not walked.
 */
export function expectNoUnreadable(answer: unknown): void {
  expect(unreadableIn(answer), 'an answer that says the input could not be read').toEqual([]);
}

/** The strings reachable from `value` that carry the "could not be read" message. */
export function unreadableIn(value: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.includes(UNREADABLE)) found.push(node);
      continue;
    }
    if (typeof node !== 'object' || node === null || seen.has(node) || POISON.has(node)) continue;
    seen.add(node);
    if (ArrayBuffer.isView(node) || node instanceof Map || node instanceof Set) continue;
    for (const key of Object.keys(node)) {
      const d = Object.getOwnPropertyDescriptor(node, key);
      if (d !== undefined && 'value' in d) stack.push(d.value);
    }
  }
  return found;
}

/**
 * Values whose reading throws, as a JavaScript caller can build them (JSON never holds one):
 * Proxies whose traps throw and objects with throwing getters. Each is made inside a property's
 * body, from a plain description, so that fast-check itself never reads one.
 */
const POISON = new WeakSet<object>();

/** How many times a trap or getter of a poison has thrown since the count was last reset. */
export const fired = { count: 0 };

/** What a poison's trap throws. */
export type Thrown = 'error' | 'long-error' | 'string' | 'hostile-error' | 'proxy';

export const thrownArb: fc.Arbitrary<Thrown> = fc.constantFrom(
  'error',
  'long-error',
  'string',
  'hostile-error',
  'proxy',
);

/** Where a poison goes and what it is: `revoked` throws without counting (no trap runs). */
export type PoisonKind = 'proxy' | 'array-proxy' | 'get-proxy' | 'getter' | 'revoked';

export const poisonKindArb: fc.Arbitrary<PoisonKind> = fc.constantFrom(
  'proxy',
  'array-proxy',
  'get-proxy',
  'getter',
  'revoked',
);

/** The message of the poisons' thrown `Error`s. */
export const POISON_MESSAGE = 'a trap of the test threw';

function thrownValue(thrown: Thrown): unknown {
  switch (thrown) {
    case 'error':
      return new Error(POISON_MESSAGE);
    case 'long-error':
      return new RangeError(`${POISON_MESSAGE} ${'🙂'.repeat(400)}`);
    case 'string':
      return POISON_MESSAGE;
    case 'hostile-error': {
      // An Error whose message cannot be read either.
      const e = new Error(POISON_MESSAGE);
      Object.defineProperty(e, 'message', {
        get() {
          throw new Error('the message of the thrown error threw');
        },
      });
      return e;
    }
    case 'proxy': {
      // A thrown value that throws when looked at; its own traps do not count.
      const again = () => {
        throw new Error('the thrown proxy threw');
      };
      return new Proxy({}, { get: again, getPrototypeOf: again, has: again, ownKeys: again });
    }
  }
}

function firing(thrown: Thrown): () => never {
  return () => {
    fired.count++;
    throw thrownValue(thrown);
  };
}

function poisonProxy<T extends object>(target: T, handler: ProxyHandler<T>): T {
  const proxy = new Proxy(target, handler);
  POISON.add(proxy);
  return proxy;
}

/** A value every trap of which throws (a Proxy of `{}` or `[]`), or a revoked Proxy. */
function throwing(kind: PoisonKind, thrown: Thrown): object {
  if (kind === 'revoked') {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    POISON.add(proxy);
    return proxy;
  }
  const fire = firing(thrown);
  const traps: ProxyHandler<object> = {
    get: fire,
    set: fire,
    has: fire,
    ownKeys: fire,
    getOwnPropertyDescriptor: fire,
    defineProperty: fire,
    deleteProperty: fire,
    getPrototypeOf: fire,
    setPrototypeOf: fire,
    isExtensible: fire,
    preventExtensions: fire,
  };
  return poisonProxy(kind === 'array-proxy' ? [] : {}, traps);
}

/** Every path to a node of a tree of plain objects and arrays (typed arrays are leaves). */
function plainPathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      plainPathsOf(v, [...at, i], out);
    });
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      plainPathsOf((value as Record<string, unknown>)[key], [...at, key], out);
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A shallow copy of an array or object (its own enumerable data, null prototype kept). */
function copyOf(value: object): Record<string | number, unknown> {
  if (Array.isArray(value)) return [...value] as unknown as Record<number, unknown>;
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  return Object.assign(copy, value);
}

/** `value` with the node at `path` replaced by `make(node)` (copy on write). */
function replacedBy(value: unknown, path: Path, make: (node: unknown) => unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return make(value);
  const copy = copyOf(value as object);
  copy[step] = replacedBy((value as Record<string | number, unknown>)[step], rest, make);
  return copy;
}

/**
 * `value` (plain data, or values the library built) with one node, picked by `pick` among all
 * its nodes, made to throw when read: replaced by a Proxy whose traps throw, wrapped in a Proxy
 * whose `get` throws (its keys and prototype can still be read), or read through a throwing
 * getter in its parent. Returns the poisoned copy; `value` is not touched.
 */
export function poisoned(
  value: unknown,
  pick: number,
  kind: PoisonKind,
  thrown: Thrown,
): { value: unknown; path: Path } {
  const paths = plainPathsOf(value);
  const path = paths[pick % paths.length] ?? [];
  if (kind === 'getter' && path.length > 0) {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] as string | number;
    const fire = firing(thrown);
    const poisonedValue = replacedBy(value, parentPath, (parent) => {
      const copy = copyOf(parent as object);
      Object.defineProperty(copy, key, { get: fire, enumerable: true, configurable: true });
      return copy;
    });
    return { value: poisonedValue, path };
  }
  const poisonedValue = replacedBy(value, path, (node) =>
    kind === 'get-proxy' && typeof node === 'object' && node !== null
      ? poisonProxy(copyOf(node), { get: firing(thrown) })
      : throwing(kind === 'get-proxy' || kind === 'getter' ? 'proxy' : kind, thrown),
  );
  return { value: poisonedValue, path };
}
