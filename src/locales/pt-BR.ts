/** Brazilian Portuguese: the messages and `explain` as Hotmart and Kiwify users read them. */
import { defineCatalog, thrownText } from './define';
import type { Catalog } from './locale';

/** The Brazilian Portuguese catalog. */
export const ptBR: Catalog = /* @__PURE__ */ defineCatalog({
  intl: 'pt-BR',
  localNumbers: true,
  messages: {
    invalid_json: () => 'o texto não é JSON válido',
    invalid_field: {
      required: () => 'campo obrigatório ausente',
      unknown: () => 'campo desconhecido',
      misplaced: () => 'este campo não é permitido aqui',
      reserved: () => 'esta chave é reservada e não é permitida',
      duplicate: () => 'este id já foi usado',
      shape: () => 'tipo ou forma inválida',
      unreadable: (e) =>
        `o valor não pôde ser lido: a leitura lançou um erro${thrownText(e.message)}`,
      other: () => 'campo inválido',
    },
    invalid_amount: () => 'o valor não é um decimal não negativo',
    amount_precision: (e) =>
      `um valor em ${e.currency} tem no máximo ${e.maxDecimals} casas decimais`,
    invalid_percent: () => 'o percentual não é um número decimal',
    percent_precision: (e) =>
      `um percentual tem no máximo ${e.maxDecimals} casas decimais nesta política`,
    percent_out_of_range: (e, n) => `o percentual deve estar entre ${n(e.min)} e ${n(e.max)}`,
    unknown_currency: (e) => `"${e.currency}" não é um código de moeda ISO 4217 em vigor`,
    currency_mismatch: (e) => `o valor está em ${e.actual}, mas deveria estar em ${e.expected}`,
    invalid_instant: () =>
      'o instante não é uma data ISO 8601 com fuso horário, ou está fora do intervalo',
    events_out_of_order: () => 'os eventos (ou reembolsos) estão fora de ordem cronológica',
    invalid_transition: (e) => `o evento "${e.event}" não é permitido no estado "${e.status}"`,
    not_authorized: (e) => `${e.actor} não pode fazer este evento`,
    term_already_expired: () =>
      'os termos terminam (endsAt) antes ou no instante do evento que os apresenta',
    retention_floor_violated: (e, n) =>
      `os contratos vigentes reservariam ${n(e.reservedPercent)}%, acima do máximo de ${n(e.maxPercent)}%`,
    max_cocreators_reached: (e) =>
      `o produto já tem o máximo de ${e.maxCocreators} contratos de coprodução vigentes`,
    duplicate_cocreator: (e) => `${e.account} teria dois contratos vigentes neste produto`,
    self_cocreation: (e) =>
      `o produtor principal ${e.account} não pode ser coprodutor do próprio produto`,
    product_mismatch: (e) => `o produto é "${e.expected}", mas aqui está "${e.actual}"`,
    self_affiliation: (e) =>
      `o produtor principal ${e.account} não pode ser afiliado do próprio produto`,
    affiliate_not_permitted: (e) =>
      `${e.account} é coprodutor desta venda e não pode vendê-la como afiliado`,
    affiliates_not_allowed: () => 'a política não permite afiliados em produtos com coprodução',
    fee_exceeds_price: (e, n) => `a taxa ${n(e.fee)} é maior que o preço ${n(e.price)}`,
    refund_exceeds_price: (e, n) =>
      `os reembolsos somam ${n(e.refunded)}, mais que o preço ${n(e.price)}`,
    refund_before_sale: () => 'o reembolso é anterior à venda',
    invalid_policy: {
      preset: () => 'política predefinida desconhecida; use "hotmart", "kiwify" ou "gumroad"',
      other: () => 'a política viola as regras da especificação (seção 2)',
    },
  },
  explain: {
    notASettlement: 'não é uma liquidação',
    notReversals: 'não é uma lista de estornos desta liquidação',
    title: (saleId, productId, at, currency) =>
      `Liquidação da venda ${saleId} (produto ${productId}) em ${at}, em ${currency}`,
    price: 'preço P',
    feeSchedule: (percent, unrounded, fixed) =>
      `taxa da plataforma F = round_half_up(P x ${percent} = ${unrounded}) + fixa ${fixed}`,
    feeGiven: 'taxa da plataforma F, informada pela venda',
    feeNone: 'taxa da plataforma F, nenhuma',
    net: 'líquido N = P - F',
    affiliate: (percent, exact) => `afiliado A = floor(N x ${percent} = ${exact})`,
    baseAlone: 'base B = N (sem afiliado)',
    baseAfterAffiliate: 'base B = N - A',
    cocreator: (account, contractId, percent, exact) =>
      `coprodutor ${account} (${contractId}) = floor(B x ${percent} = ${exact})`,
    mainAlone: 'produtor principal M = B',
    mainAfterCocreators: 'produtor principal M = B - soma dos coprodutores',
    linesHeader: ['papel', 'conta', 'contrato', 'percentual', 'cálculo', 'exato', 'valor'],
    roles: {
      platform: 'plataforma',
      affiliate: 'afiliado',
      cocreator: 'coprodutor',
      'main-creator': 'produtor principal',
    },
    how: {
      feeGiven: 'taxa informada pela venda',
      feeSchedule: 'tabela de taxas da política',
      feeNone: 'sem taxa',
      affiliate: (percent) => `floor(N x ${percent})`,
      cocreator: (percent) => `floor(B x ${percent})`,
      main: 'B - coprodutores',
    },
    total: 'total',
    equalsPrice: '= preço P',
    differsFromPrice: '!= preço P',
    remainder: (amount, exact) =>
      `O produtor principal absorve todas as sobras de arredondamento: ${amount} contra exatos ${exact}.`,
    floor: (percent, exact, kept) =>
      `Retenção mínima: pelo menos ${percent} de B = ${exact}; ficou com ${kept}.`,
    refundTitle: (refundId, at, amount, refunded, price) =>
      `Reembolso ${refundId} em ${at}: ${amount}, reembolsado até agora ${refunded} de ${price}`,
    refundRule: (refunded) =>
      `O estorno acumulado de cada linha é a divisão de D'Hondt de ${refunded} pelos valores das linhas.`,
    reversalHeader: [
      'papel',
      'conta',
      'contrato',
      'pago',
      'estornado agora',
      'estornado até agora',
      'fica com',
    ],
  },
});
