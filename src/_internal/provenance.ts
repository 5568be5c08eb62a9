/**
 * Which values this library built: a cache of values already checked, never what decides
 * whether a value is accepted. A policy from `policy()` (or a preset), a product from
 * `product()` and a domain from `validateDomain()` are deeply frozen and valid when they are
 * made, and a frozen value cannot change: knowing that a value is one of them is knowing, for
 * as long as it lives, that it needs neither the shape checks nor the deep-freeze walk
 * `validateDomain` gives any other value (and, for a domain, no validation at all before
 * settling). A value not in it (a `structuredClone`, one from the other module format or
 * another copy of the package) is checked by its content and accepted when valid, with the
 * same result. Not part of the package API.
 *
 * @internal
 */
const built = new WeakSet<object>();

/** Records a deeply frozen, valid value this library has just built, and returns it. */
export function markBuilt<T extends object>(value: T): T {
  built.add(value);
  return value;
}

/** Whether `value` is one this library built with {@link markBuilt}. */
export function isBuilt(value: unknown): boolean {
  // WeakSet#has answers false for a primitive (null included) instead of throwing.
  return built.has(value as object);
}
