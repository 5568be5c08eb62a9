declare const brand: unique symbol;

/**
 * Marks a primitive type as checked: a `Brand<'AccountId'>` string can only come from the
 * library's checking constructor, so the compiler refuses a raw string where one is needed.
 *
 * @typeParam Name - the checked type's name
 */
export type Brand<Name extends string> = {
  /** A compile-time tag only: no value ever has this property at run time. */
  readonly [brand]: Name;
};
