declare const brand: unique symbol;

/**
 * Marks a primitive type as checked: a `Brand<'AccountId'>` string can only come from the
 * library's checking constructor, so the compiler refuses a raw string where one is needed.
 */
export type Brand<Name extends string> = { readonly [brand]: Name };
