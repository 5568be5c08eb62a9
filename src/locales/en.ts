/**
 * English: the library's own language. Errors keep the message written where they were found
 * (`messages: null`); `explain` prints what it always printed, amounts as the wire writes them.
 *
 * Written out instead of made by `defineCatalog` (what it makes of these words, its functions
 * doing nothing, as test/locale.test.ts checks), so that `explain`, whose default this is,
 * carries none of the machinery of translation.
 */
import { deepFreeze } from '../_internal/fields';
import type { DomainErrors } from '../errors';
import { type Catalog, printed } from './locale';

/** The English catalog: the default of every `locale` option. */
// Deeply frozen: every caller shares it.
export const en: Catalog = /* @__PURE__ */ deepFreeze<Catalog>({
  intl: 'en',
  localNumbers: false,
  messages: null,
  localize: (errors: DomainErrors) => errors,
  // As the wire writes numbers: the string as it is (anything else as `String(value)`).
  decimal: printed,
  money: (decimal: string) => printed(decimal),
  explain: {
    notASettlement: 'not a settlement',
    notReversals: 'not a list of reversals of this settlement',
    title: (saleId, productId, at, currency) =>
      `Settlement of sale ${saleId} (product ${productId}) at ${at}, in ${currency}`,
    price: 'price P',
    feeSchedule: (percent, unrounded, fixed) =>
      `platform fee F = round_half_up(P x ${percent} = ${unrounded}) + fixed ${fixed}`,
    feeGiven: 'platform fee F, given by the sale',
    feeNone: 'platform fee F, none',
    net: 'net N = P - F',
    affiliate: (percent, exact) => `affiliate A = floor(N x ${percent} = ${exact})`,
    baseAlone: 'base B = N (no affiliate)',
    baseAfterAffiliate: 'base B = N - A',
    cocreator: (account, contractId, percent, exact) =>
      `cocreator ${account} (${contractId}) = floor(B x ${percent} = ${exact})`,
    mainAlone: 'main creator M = B',
    mainAfterCocreators: 'main creator M = B - sum of cocreators',
    linesHeader: ['role', 'account', 'contract', 'percent', 'computed as', 'exact', 'amount'],
    roles: {
      platform: 'platform',
      affiliate: 'affiliate',
      cocreator: 'cocreator',
      'main-creator': 'main-creator',
    },
    how: {
      feeGiven: 'fee given by the sale',
      feeSchedule: 'policy fee schedule',
      feeNone: 'no fee',
      affiliate: (percent) => `floor(N x ${percent})`,
      cocreator: (percent) => `floor(B x ${percent})`,
      main: 'B - cocreators',
    },
    total: 'total',
    equalsPrice: '= price P',
    differsFromPrice: '!= price P',
    remainder: (amount, exact) =>
      `The main creator absorbs every rounding remainder: ${amount} against an exact ${exact}.`,
    floor: (percent, exact, kept) =>
      `Retention floor: at least ${percent} of B = ${exact}; kept ${kept}.`,
    refundTitle: (refundId, at, amount, refunded, price) =>
      `Refund ${refundId} at ${at}: ${amount}, refunded so far ${refunded} of ${price}`,
    refundRule: (refunded) =>
      `Each line's reversal so far is the D'Hondt allocation of ${refunded} over the line amounts.`,
    reversalHeader: [
      'role',
      'account',
      'contract',
      'paid',
      'reversed now',
      'reversed so far',
      'kept',
    ],
  },
});
