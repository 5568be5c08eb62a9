/** Spanish: the messages and `explain` for readers in Latin America and Spain. */
import { defineCatalog, thrownText } from './define';
import type { Catalog } from './locale';

/** The Spanish catalog. */
export const es: Catalog = /* @__PURE__ */ defineCatalog({
  intl: 'es',
  localNumbers: true,
  messages: {
    invalid_json: () => 'el texto no es JSON válido',
    invalid_field: {
      required: () => 'falta un campo obligatorio',
      unknown: () => 'campo desconocido',
      misplaced: () => 'este campo no está permitido aquí',
      reserved: () => 'esta clave está reservada y no se permite',
      duplicate: () => 'este id ya se ha usado',
      shape: () => 'tipo o forma no válidos',
      unreadable: (e) => `no se pudo leer el valor: leerlo lanzó un error${thrownText(e.message)}`,
      other: () => 'campo no válido',
    },
    invalid_amount: () => 'el importe no es un decimal no negativo',
    amount_precision: (e) =>
      `un importe en ${e.currency} tiene como máximo ${e.maxDecimals} decimales`,
    invalid_percent: () => 'el porcentaje no es un número decimal',
    percent_precision: (e) =>
      `un porcentaje tiene como máximo ${e.maxDecimals} decimales en esta política`,
    percent_out_of_range: (e, n) => `el porcentaje debe estar entre ${n(e.min)} y ${n(e.max)}`,
    unknown_currency: (e) => `"${e.currency}" no es un código de moneda ISO 4217 vigente`,
    currency_mismatch: (e) => `el importe está en ${e.actual}, pero debería estar en ${e.expected}`,
    invalid_instant: () =>
      'el instante no es una fecha ISO 8601 con zona horaria, o está fuera de rango',
    events_out_of_order: () => 'los eventos (o reembolsos) no están en orden cronológico',
    invalid_transition: (e) =>
      `el evento "${e.event}" no está permitido en el estado "${e.status}"`,
    not_authorized: (e) => `${e.actor} no puede hacer este evento`,
    term_already_expired: () =>
      'los términos terminan (endsAt) antes o en el instante del evento que los presenta',
    retention_floor_violated: (e, n) =>
      `los contratos vigentes reservarían ${n(e.reservedPercent)}%, por encima del máximo de ${n(e.maxPercent)}%`,
    max_cocreators_reached: (e) =>
      `el producto ya tiene el máximo de ${e.maxCocreators} contratos de coproducción vigentes`,
    duplicate_cocreator: (e) => `${e.account} tendría dos contratos vigentes en este producto`,
    self_cocreation: (e) =>
      `el creador principal ${e.account} no puede ser coproductor de su propio producto`,
    product_mismatch: (e) => `el producto es "${e.expected}", pero aquí dice "${e.actual}"`,
    self_affiliation: (e) =>
      `el creador principal ${e.account} no puede ser afiliado de su propio producto`,
    affiliate_not_permitted: (e) =>
      `${e.account} es coproductor de esta venta y no puede venderla como afiliado`,
    affiliates_not_allowed: () => 'la política no permite afiliados en productos con coproducción',
    fee_exceeds_price: (e, n) => `la comisión ${n(e.fee)} es mayor que el precio ${n(e.price)}`,
    refund_exceeds_price: (e, n) =>
      `los reembolsos suman ${n(e.refunded)}, más que el precio ${n(e.price)}`,
    refund_before_sale: () => 'el reembolso es anterior a la venta',
    invalid_policy: {
      preset: () => 'política predefinida desconocida; use "hotmart", "kiwify" o "gumroad"',
      other: () => 'la política incumple las reglas de la especificación (sección 2)',
    },
  },
  explain: {
    notASettlement: 'no es una liquidación',
    notReversals: 'no es una lista de reversiones de esta liquidación',
    title: (saleId, productId, at, currency) =>
      `Liquidación de la venta ${saleId} (producto ${productId}) el ${at}, en ${currency}`,
    price: 'precio P',
    feeSchedule: (percent, unrounded, fixed) =>
      `comisión de la plataforma F = round_half_up(P x ${percent} = ${unrounded}) + fija ${fixed}`,
    feeGiven: 'comisión de la plataforma F, indicada por la venta',
    feeNone: 'comisión de la plataforma F, ninguna',
    net: 'neto N = P - F',
    affiliate: (percent, exact) => `afiliado A = floor(N x ${percent} = ${exact})`,
    baseAlone: 'base B = N (sin afiliado)',
    baseAfterAffiliate: 'base B = N - A',
    cocreator: (account, contractId, percent, exact) =>
      `coproductor ${account} (${contractId}) = floor(B x ${percent} = ${exact})`,
    mainAlone: 'creador principal M = B',
    mainAfterCocreators: 'creador principal M = B - suma de coproductores',
    linesHeader: ['rol', 'cuenta', 'contrato', 'porcentaje', 'cálculo', 'exacto', 'importe'],
    roles: {
      platform: 'plataforma',
      affiliate: 'afiliado',
      cocreator: 'coproductor',
      'main-creator': 'creador principal',
    },
    how: {
      feeGiven: 'comisión indicada por la venta',
      feeSchedule: 'tarifa de la política',
      feeNone: 'sin comisión',
      affiliate: (percent) => `floor(N x ${percent})`,
      cocreator: (percent) => `floor(B x ${percent})`,
      main: 'B - coproductores',
    },
    total: 'total',
    equalsPrice: '= precio P',
    differsFromPrice: '!= precio P',
    remainder: (amount, exact) =>
      `El creador principal absorbe todos los restos del redondeo: ${amount} frente a exactamente ${exact}.`,
    floor: (percent, exact, kept) =>
      `Retención mínima: al menos ${percent} de B = ${exact}; se queda con ${kept}.`,
    refundTitle: (refundId, at, amount, refunded, price) =>
      `Reembolso ${refundId} el ${at}: ${amount}, reembolsado hasta ahora ${refunded} de ${price}`,
    refundRule: (refunded) =>
      `La reversión acumulada de cada línea es el reparto de D'Hondt de ${refunded} sobre los importes de las líneas.`,
    reversalHeader: [
      'rol',
      'cuenta',
      'contrato',
      'pagado',
      'revertido ahora',
      'revertido hasta ahora',
      'se queda con',
    ],
  },
});
