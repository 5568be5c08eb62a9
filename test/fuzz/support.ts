/**
 * Shared by the fuzz suite (test/fuzz/*.fuzz.test.ts): how many runs, and what every answer
 * of a public function must look like. `npm test` runs these files with few runs;
 * `npm run fuzz` (vitest.fuzz.config.ts) sets FUZZ_RUNS so that they total over 100,000.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
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
    if (seen.has(node as object)) continue;
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
export function expectResult(answer: unknown, many: boolean): boolean {
  expect(isResult(answer), 'a neverthrow Result').toBe(true);
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
