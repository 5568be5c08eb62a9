/**
 * Which sales pay a cocreator (SPEC section 3, `appliesTo`).
 */

/** The sales a contract's commission applies to. */
export type AppliesTo = 'all-sales' | 'direct-sales' | 'affiliate-sales' | 'managed-affiliate-sales';

/** Every {@link AppliesTo} value, default first. */
export const APPLIES_TO: ReadonlyArray<AppliesTo> = Object.freeze([
  'all-sales',
  'direct-sales',
  'affiliate-sales',
  'managed-affiliate-sales',
]);
