/**
 * Internal helpers for reading untrusted objects field by field, collecting every problem.
 * Not exported from the package: the concept modules' checking constructors use them so that
 * the TypeScript API and the JSON parser read input the same way.
 */
import type { Result } from 'neverthrow';
import { type DomainError, type DomainErrors, domainError, type Path } from '../errors';

/** Keys that are refused anywhere in the input (specification §8). */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A mutable list of problems found so far, local to one checking call. */
export type Issues = DomainError[];

/** A plain object read from input: own enumerable string keys only. */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * Checks that `input` is a plain object whose keys are all in `allowed`; reports the object
 * itself when it is not one, and each unknown or reserved key at its own path.
 * Returns the object when it is one (even with bad keys, so that its fields are still read).
 */
export function readObject(
  input: unknown,
  path: Path,
  allowed: ReadonlyArray<string>,
  issues: Issues,
  what = 'an object',
): Fields | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    issues.push(domainError('invalid_field', `expected ${what}`, path));
    return undefined;
  }
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) {
    issues.push(domainError('invalid_field', `expected ${what}, a plain object`, path));
    return undefined;
  }
  for (const key of Object.keys(input)) {
    if (RESERVED_KEYS.has(key)) {
      issues.push(domainError('invalid_field', `the key "${key}" is not allowed`, [...path, key]));
    } else if (!allowed.includes(key)) {
      issues.push(domainError('invalid_field', `unknown field "${key}"`, [...path, key]));
    }
  }
  return input as Fields;
}

/** The value of an own field, with `null` read as absent (specification §8). */
export function optional(fields: Fields, key: string): unknown {
  if (!Object.hasOwn(fields, key)) return undefined;
  const value = fields[key];
  return value === null ? undefined : value;
}

/** The value of an own field, `null` kept (for the fields where `null` means something). */
export function raw(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** Reads a required field: reports `invalid_field` when absent (or `null`). */
export function required(fields: Fields, key: string, path: Path, issues: Issues): unknown {
  const value = optional(fields, key);
  if (value === undefined) {
    issues.push(domainError('invalid_field', `"${key}" is required`, [...path, key]));
  }
  return value;
}

/** Reads an identifier: a non-empty string, kept exactly as written. */
export function readId(value: unknown, path: Path, issues: Issues): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= 1000) return value;
  if (value !== undefined) {
    issues.push(
      domainError('invalid_field', 'expected a non-empty string of at most 1000 characters', path),
    );
  }
  return undefined;
}

/** Reads a boolean. */
export function readBoolean(value: unknown, path: Path, issues: Issues): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value !== undefined) issues.push(domainError('invalid_field', 'expected a boolean', path));
  return undefined;
}

/** Reads one of a fixed set of strings. */
export function readEnum<T extends string>(
  value: unknown,
  allowed: ReadonlyArray<T>,
  path: Path,
  issues: Issues,
  code: 'invalid_field' | 'invalid_policy' = 'invalid_field',
): T | undefined {
  if ((allowed as ReadonlyArray<unknown>).includes(value)) return value as T;
  if (value !== undefined) {
    issues.push(
      domainError(code, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`, path),
    );
  }
  return undefined;
}

/** Unwraps a single-error Result into the issues list. */
export function collect<T>(result: Result<T, DomainError>, issues: Issues): T | undefined {
  if (result.isOk()) return result.value;
  issues.push(result.error);
  return undefined;
}

/**
 * Appends every item to `target`, one by one: `target.push(...items)` passes each item as an
 * argument, and past about 125,000 of them (a contract of 200,000 malformed events has
 * 600,000 problems) the call throws a `RangeError`.
 */
export function pushAll<T>(target: T[], items: ReadonlyArray<T>): void {
  for (const item of items) target.push(item);
}

/** Unwraps a many-error Result into the issues list. */
export function collectAll<T>(result: Result<T, DomainErrors>, issues: Issues): T | undefined {
  if (result.isOk()) return result.value;
  pushAll(issues, result.error);
  return undefined;
}

/** Narrows a list of problems to the non-empty form, when it has any. */
export function nonEmpty(issues: Issues): DomainErrors | undefined {
  const [first, ...rest] = issues;
  return first === undefined ? undefined : (Object.freeze([first, ...rest]) as DomainErrors);
}

/** Deep-freezes a value the library built (plain objects and arrays only). */
export function deepFreeze<T>(value: T): T {
  // Object.isFrozen is true of every primitive, null included: only objects are walked.
  if (!Object.isFrozen(value)) {
    for (const key of Object.keys(value as object))
      deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * The value itself when it is deeply frozen, else a deeply frozen copy (plain data only; a
 * cycle is left as it is rather than followed forever). Never mutates its input: what a
 * function keeps of a value it was given (a `structuredClone` is not frozen) is frozen.
 */
export function frozenCopy<T>(value: T, ancestors: Set<object> = new Set()): T {
  if (typeof value !== 'object' || value === null || ancestors.has(value)) return value;
  // `ancestors` is the path from the root: `value` is in it exactly while its children are
  // visited (one set for the whole walk rather than a copy per level).
  ancestors.add(value);
  let result: T = value;
  if (Array.isArray(value)) {
    // map keeps the holes of a sparse array where they are.
    const items = value.map((v: unknown) => frozenCopy(v, ancestors));
    if (!Object.isFrozen(value) || items.some((v, i) => v !== value[i])) {
      result = Object.freeze(items) as T;
    }
  } else {
    const fields = value as Record<string, unknown>;
    const entries = Object.entries(fields).map(([key, v]) => [key, frozenCopy(v, ancestors)]);
    if (!Object.isFrozen(value) || entries.some(([key, v]) => fields[key as string] !== v)) {
      result = Object.freeze(Object.fromEntries(entries)) as T;
    }
  }
  ancestors.delete(value);
  return result;
}

/**
 * A lenient object reader: specification §8's readers of printed and stored values ignore
 * fields they do not know, so any plain object is read (no key is refused).
 */
export function readLenient(value: unknown, path: Path, issues: Issues): Fields | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  issues.push(domainError('invalid_field', 'expected an object', path));
  return undefined;
}

/** A required non-empty string field of a lenient object. */
export function readString(
  fields: Fields,
  key: string,
  path: Path,
  issues: Issues,
): string | undefined {
  const value = required(fields, key, path, issues);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0) return value;
  issues.push(domainError('invalid_field', 'expected a non-empty string', [...path, key]));
  return undefined;
}

/** An array, or `undefined` when absent; anything else is reported at `path`. */
export function readArray(
  value: unknown,
  path: Path,
  issues: Issues,
): ReadonlyArray<unknown> | undefined {
  if (Array.isArray(value)) return dense(value);
  if (value !== undefined) issues.push(domainError('invalid_field', 'expected an array', path));
  return undefined;
}

/**
 * The items of an array as a reader sees them: each hole of a sparse array (`new Array(2)`,
 * `[, c]`: JavaScript has them, JSON has none) reads as `undefined`, so that it is reported
 * like any missing value instead of being skipped by `map` and `forEach`, which would leave a
 * contract out of a split without a word. The array itself when it has no hole.
 */
export function dense<T>(items: ReadonlyArray<T>): ReadonlyArray<T | undefined> {
  for (let i = 0; i < items.length; i++) if (!(i in items)) return Array.from(items);
  return items;
}
