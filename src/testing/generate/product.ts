/** Products drawn by the generators, and the affiliate percents a product or sale names. Internal. */
import type { ProductJson } from '../../wire/json';
import type { Tape } from '../tape';
import { spellAccount, spellPercent } from './spelling';
import { HUNDRED, ONE_PERCENT, SCALE } from './units';

/** An affiliate percent: 0 < p <= 100, any number of places. */
export function genAffiliatePercent(tape: Tape): bigint {
  switch (tape.below(3)) {
    case 1:
      return BigInt(tape.int(1, 10_000)) * 10_000n;
    case 2:
      return tape.bigint(1n, HUNDRED);
    default:
      return BigInt(tape.int(1, 100)) * ONE_PERCENT;
  }
}

/** A product. */
export function genProduct(
  tape: Tape,
  mainCreator: string,
): { readonly json: ProductJson; readonly commission: boolean } {
  const commission = tape.oneIn(2);
  return {
    json: {
      id: tape.pick(['p1', 'course-2026', 'Curso de Fotografia', 'prod_01HZX']),
      mainCreator: spellAccount(tape, mainCreator),
      ...(commission
        ? { affiliateCommission: spellPercent(tape, genAffiliatePercent(tape), SCALE) }
        : tape.oneIn(4)
          ? { affiliateCommission: null }
          : {}),
    },
    commission,
  };
}
