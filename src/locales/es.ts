/** Spanish: the messages and `explain` for readers in Latin America and Spain. */
import { defineCatalog, rangeProblem, thrownText } from './define';
import type { Catalog } from './locale';

/** What a value may have of decimals, agreed with the count: none, one, or several. */
function places(max: number): string {
  if (max === 0) return 'no admite decimales';
  return max === 1 ? 'tiene como máximo 1 decimal' : `tiene como máximo ${max} decimales`;
}

/** The Spanish catalog. */
export const es: Catalog = /* @__PURE__ */ defineCatalog({
  intl: 'es',
  localNumbers: true,
  messages: {
    invalid_json: () => 'el texto no es un JSON válido',
    invalid_field: {
      required: () => 'falta un campo obligatorio',
      unknown: () => 'campo desconocido',
      misplaced: () => 'este campo no está permitido aquí',
      reserved: () => 'esta clave está reservada y no se permite',
      duplicate: () => 'este id ya se ha usado',
      shape: () => 'tipo o formato no válido',
      unreadable: (e) =>
        `no se pudo leer el valor: su lectura lanzó un error${thrownText(e.message)}`,
      other: () => 'campo no válido',
    },
    invalid_amount: () =>
      'el importe debe ser un decimal no negativo escrito con punto decimal, no con coma, como "19.90"; en un reembolso, mayor que cero',
    amount_precision: (e) => `un importe en ${e.currency} ${places(e.maxDecimals)}`,
    invalid_percent: () =>
      'el porcentaje debe ser un decimal no negativo escrito con punto decimal, no con coma, y sin el signo %, como "12.5"',
    percent_precision: (e) => `un porcentaje ${places(e.maxDecimals)} en esta política`,
    percent_out_of_range: (e, n) => {
      switch (rangeProblem(e)) {
        case 'between':
          return `el porcentaje debe estar entre ${n(e.min)} y ${n(e.max)}, ambos incluidos`;
        case 'subtraction':
          return `no se puede restar más de ${n(e.max)}: un porcentaje nunca es negativo`;
        default:
          return `el porcentaje debe ser mayor que 0 y no superar ${n(e.max)}`;
      }
    },
    unknown_currency: (e) => `"${e.currency}" no es un código de moneda ISO 4217 vigente`,
    currency_mismatch: (e) => `el importe está en ${e.actual}, pero debería estar en ${e.expected}`,
    invalid_instant: () =>
      'el instante no es una fecha y hora ISO 8601 válida con zona horaria (Z o ±HH:MM), de los años 0001 a 9999',
    events_out_of_order: () =>
      'la fecha es anterior a la de un evento (o reembolso) listado antes: la lista debe estar en orden cronológico',
    invalid_transition: (e) =>
      `el evento "${e.event}" no está permitido cuando el contrato está en el estado "${e.status}"`,
    not_authorized: (e) => `${e.actor} no tiene permiso para registrar este evento`,
    term_already_expired: () => 'los términos ya habían vencido (endsAt) en el momento del evento',
    retention_floor_violated: (e, n) =>
      `los contratos vigentes reservarían ${n(e.reservedPercent)}%, por encima del máximo de ${n(e.maxPercent)}% que permite la retención mínima de la política`,
    max_cocreators_reached: (e) =>
      e.maxCocreators === 1
        ? 'la política permite como máximo 1 contrato de coproducción vigente por producto, y esta invitación superaría el límite'
        : `la política permite como máximo ${e.maxCocreators} contratos de coproducción vigentes por producto, y esta invitación superaría el límite`,
    duplicate_cocreator: (e) => `${e.account} tendría dos contratos vigentes en este producto`,
    self_cocreation: (e) =>
      `el productor principal ${e.account} no puede ser coproductor de su propio producto`,
    product_mismatch: (e) => `el producto es "${e.expected}", pero aquí figura "${e.actual}"`,
    self_affiliation: (e) =>
      `el productor principal ${e.account} no puede ser afiliado de su propio producto`,
    affiliate_not_permitted: (e) =>
      `${e.account} tiene un contrato de coproducción que cubre esta venta y no le permite venderla como afiliado`,
    affiliates_not_allowed: () =>
      'la política no permite afiliados en una venta cubierta por un contrato de coproducción',
    fee_exceeds_price: (e, n) =>
      `la tarifa de la plataforma (${n(e.fee)}) es mayor que el precio (${n(e.price)})`,
    refund_exceeds_price: (e, n) =>
      `los reembolsos sumarían ${n(e.refunded)}, más que el precio (${n(e.price)})`,
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
      `tarifa de la plataforma F = round_half_up(P x ${percent} = ${unrounded}) + tarifa fija ${fixed}`,
    feeGiven: 'tarifa de la plataforma F, indicada por la venta',
    feeNone: 'tarifa de la plataforma F, ninguna',
    net: 'neto N = P - F',
    affiliate: (percent, exact) => `afiliado A = floor(N x ${percent} = ${exact})`,
    baseAlone: 'base B = N (sin afiliado)',
    baseAfterAffiliate: 'base B = N - A',
    cocreator: (account, contractId, percent, exact) =>
      `coproductor ${account} (${contractId}) = floor(B x ${percent} = ${exact})`,
    mainAlone: 'productor principal M = B',
    mainAfterCocreators: 'productor principal M = B - suma de coproductores',
    linesHeader: ['rol', 'cuenta', 'contrato', 'porcentaje', 'cálculo', 'exacto', 'importe'],
    roles: {
      platform: 'plataforma',
      affiliate: 'afiliado',
      cocreator: 'coproductor',
      'main-creator': 'productor principal',
    },
    how: {
      feeGiven: 'tarifa indicada por la venta',
      feeSchedule: 'tabla de tarifas de la política',
      feeNone: 'sin tarifa',
      affiliate: (percent) => `floor(N x ${percent})`,
      cocreator: (percent) => `floor(B x ${percent})`,
      main: 'B - coproductores',
    },
    total: 'total',
    equalsPrice: '= precio P',
    differsFromPrice: '!= precio P',
    remainder: (amount, exact) =>
      `El productor principal absorbe todos los restos del redondeo: recibe ${amount}, frente a un valor exacto de ${exact}.`,
    floor: (percent, exact, kept) =>
      `Retención mínima: al menos ${percent} de B = ${exact}; el productor principal se queda con ${kept}.`,
    refundTitle: (refundId, at, amount, refunded, price) =>
      `Reembolso ${refundId} el ${at}: ${amount}, reembolsado hasta ahora ${refunded} de ${price}`,
    refundRule: (refunded) =>
      `La reversión acumulada de cada línea es el reparto de ${refunded} por el método D'Hondt, en proporción a los importes de las líneas.`,
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
