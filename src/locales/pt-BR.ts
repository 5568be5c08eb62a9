/** Brazilian Portuguese: the messages and `explain` as Hotmart and Kiwify users read them. */
import { defineCatalog, rangeProblem, thrownText } from './define';
import type { Catalog } from './locale';

/** What a value may have of decimal places, agreed with the count: none, one, or several. */
function places(max: number): string {
  if (max === 0) return 'não admite casas decimais';
  return max === 1 ? 'tem no máximo 1 casa decimal' : `tem no máximo ${max} casas decimais`;
}

/** The Brazilian Portuguese catalog. */
export const ptBR: Catalog = /* @__PURE__ */ defineCatalog({
  intl: 'pt-BR',
  localNumbers: true,
  messages: {
    invalid_json: () => 'o texto não é um JSON válido',
    invalid_field: {
      required: () => 'campo obrigatório ausente',
      unknown: () => 'campo desconhecido',
      misplaced: () => 'este campo não é permitido aqui',
      reserved: () => 'esta chave é reservada e não é permitida',
      duplicate: () => 'este id já foi usado',
      shape: () => 'tipo ou formato inválido',
      unreadable: (e) =>
        `o valor não pôde ser lido: a leitura lançou um erro${thrownText(e.message)}`,
      other: () => 'campo inválido',
    },
    invalid_amount: () =>
      'o valor deve ser um decimal não negativo escrito com ponto decimal, não vírgula, como "19.90"; em um reembolso, maior que zero',
    amount_precision: (e) => `um valor em ${e.currency} ${places(e.maxDecimals)}`,
    invalid_percent: () =>
      'o percentual deve ser um decimal não negativo escrito com ponto decimal, não vírgula, e sem o sinal %, como "12.5"',
    percent_precision: (e) => `um percentual ${places(e.maxDecimals)} nesta política`,
    percent_out_of_range: (e, n) => {
      switch (rangeProblem(e)) {
        case 'between':
          return `o percentual deve estar entre ${n(e.min)} e ${n(e.max)}, inclusive`;
        case 'subtraction':
          return `não é possível subtrair mais que ${n(e.max)}: um percentual nunca é negativo`;
        default:
          return `o percentual deve ser maior que 0 e não passar de ${n(e.max)}`;
      }
    },
    unknown_currency: (e) => `"${e.currency}" não é um código de moeda ISO 4217 em vigor`,
    currency_mismatch: (e) => `o valor está em ${e.actual}, mas deveria estar em ${e.expected}`,
    invalid_instant: () =>
      'o instante não é uma data e hora ISO 8601 válida com fuso horário (Z ou ±HH:MM), dos anos 0001 a 9999',
    events_out_of_order: () =>
      'a data é anterior à de um evento (ou reembolso) listado antes: a lista deve estar em ordem cronológica',
    invalid_transition: (e) =>
      `o evento "${e.event}" não é permitido quando o contrato está no estado "${e.status}"`,
    not_authorized: (e) => `${e.actor} não tem permissão para registrar este evento`,
    term_already_expired: () => 'os termos já tinham expirado (endsAt) no momento do evento',
    retention_floor_violated: (e, n) =>
      `os contratos vigentes reservariam ${n(e.reservedPercent)}%, acima do máximo de ${n(e.maxPercent)}% que a retenção mínima da política permite`,
    max_cocreators_reached: (e) =>
      e.maxCocreators === 1
        ? 'a política permite no máximo 1 contrato de coprodução vigente por produto, e este convite passaria do limite'
        : `a política permite no máximo ${e.maxCocreators} contratos de coprodução vigentes por produto, e este convite passaria do limite`,
    duplicate_cocreator: (e) => `${e.account} teria dois contratos vigentes neste produto`,
    self_cocreation: (e) =>
      `o produtor principal ${e.account} não pode ser coprodutor do próprio produto`,
    product_mismatch: (e) => `o produto é "${e.expected}", mas aqui consta "${e.actual}"`,
    self_affiliation: (e) =>
      `o produtor principal ${e.account} não pode ser afiliado do próprio produto`,
    affiliate_not_permitted: (e) =>
      `${e.account} tem um contrato de coprodução que cobre esta venda e não permite vendê-la como afiliado`,
    affiliates_not_allowed: () =>
      'a política não permite afiliado em uma venda coberta por um contrato de coprodução',
    fee_exceeds_price: (e, n) =>
      `a taxa da plataforma (${n(e.fee)}) é maior que o preço (${n(e.price)})`,
    refund_exceeds_price: (e, n) =>
      `os reembolsos somariam ${n(e.refunded)}, mais que o preço (${n(e.price)})`,
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
      `taxa da plataforma F = round_half_up(P x ${percent} = ${unrounded}) + taxa fixa ${fixed}`,
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
      `O produtor principal absorve todas as sobras de arredondamento: recebe ${amount}, contra um valor exato de ${exact}.`,
    floor: (percent, exact, kept) =>
      `Retenção mínima: pelo menos ${percent} de B = ${exact}; o produtor principal fica com ${kept}.`,
    refundTitle: (refundId, at, amount, refunded, price) =>
      `Reembolso ${refundId} em ${at}: ${amount}, reembolsado até agora ${refunded} de ${price}`,
    refundRule: (refunded) =>
      `O estorno acumulado de cada linha é a repartição de ${refunded} pelo método D'Hondt, na proporção dos valores das linhas.`,
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
