/**
 * Which values this library built. A policy from `policy()` (or a preset), a product from
 * `product()` and a domain from `validateDomain()` are deeply frozen and valid when they are
 * made, and a frozen value cannot change: knowing that a value is one of them is knowing, for
 * as long as it lives, that it needs neither the shape checks nor the deep-freeze walk
 * `validateDomain` gives a value built by hand (and, for a domain, no validation at all before
 * settling). Not part of the package API.
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
