/**
 * The fast road: a document whose policy, product and contracts have the same text as an
 * earlier line's is settled by the settler compiled for them (values are accepted by content,
 * so equal text is an equal domain). Every line it cannot answer with a settlement (refused,
 * unusual, not JSON) takes the ordinary road, which gives every error in its order.
 */
import { ok } from 'neverthrow';
import { sale } from '../model/sale';
import { compileSettler, type Settler } from '../settle/compile';
import type { Reversal } from '../settle/settlement';
import { validateDomain } from '../validate/domain';
import { parseDocument } from '../wire/document';
import { settleResultToJson } from '../wire/print';
import { scanMembers } from './scan';

/** A domain compiled from the text of a policy, product and contracts; `null` when refused. */
interface Compiled {
  readonly settler: Settler;
  /** Whether the product has an `affiliateCommission` (an affiliate may then omit a percent). */
  readonly productCommission: boolean;
}

/** A sale that reads: it lets the policy, product and contracts be read as a document. */
const PROBE_SALE = Object.freeze({
  id: 'probe',
  productId: 'probe',
  at: '2026-01-01T00:00:00Z',
  price: Object.freeze({ amount: '1.00', currency: 'USD' }),
});

const CACHE_LIMIT = 16;

/**
 * The domains met, by their texts: the policy's length (`-` when absent) and the product's,
 * then the three texts one after the other. The lengths make the key say where each text
 * ends, so equal keys are equal texts. A value is `null` until the texts are seen a second
 * time (a stream of documents that never repeat pays little for the cache), then the compiled
 * domain, or `false` when the domain is refused.
 */
const cache = new Map<string, Compiled | false | null>();
let lastKey = '';
let lastCompiled: Compiled | false | null = null;

function compileDomain(
  policy: string | undefined,
  product: string,
  contracts: string,
): Compiled | false {
  let input: Record<string, unknown>;
  try {
    input = { product: JSON.parse(product), contracts: JSON.parse(contracts), sale: PROBE_SALE };
    if (policy !== undefined) input.policy = JSON.parse(policy);
  } catch {
    return false;
  }
  const doc = parseDocument(input);
  if (doc.isErr()) return false;
  const { policy: p, product: q, contracts: c } = doc.value;
  const domain = validateDomain({ policy: p, product: q, contracts: c });
  if (domain.isErr()) return false;
  return {
    settler: compileSettler(domain.value),
    productCommission: q.affiliateCommission !== null,
  };
}

/** The compiled domain of these exact texts, or `null` (not seen before, or refused). */
function domainOf(policy: string | undefined, product: string, contracts: string): Compiled | null {
  const lengths = `${policy === undefined ? '-' : policy.length}:${product.length}:`;
  const key = `${lengths}${policy ?? ''}${product}${contracts}`;
  let found = key === lastKey ? lastCompiled : cache.get(key);
  if (found === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    found = null;
    cache.set(key, found);
  } else if (found === null) {
    found = compileDomain(policy, product, contracts);
    cache.set(key, found);
  }
  lastKey = key;
  lastCompiled = found;
  return found === false ? null : found;
}

const NO_REVERSALS: ReadonlyArray<Reversal> = Object.freeze([]);

/** The answer of a document that settles with no refunds by the fast road, else `null`. */
export function fastAnswer(line: string): string | null {
  const m = scanMembers(line);
  if (m === null || m.product === undefined || m.contracts === undefined) return null;
  if (m.sale === undefined || (m.refunds !== undefined && m.refunds !== '[]')) return null;
  const domain = domainOf(m.policy, m.product, m.contracts);
  if (domain === null) return null;
  let saleInput: unknown;
  try {
    saleInput = JSON.parse(m.sale);
  } catch {
    return null;
  }
  const read = sale(saleInput, ['sale']);
  if (read.isErr()) return null;
  const affiliate = read.value.affiliate;
  if (affiliate !== null && affiliate.percent === null && !domain.productCommission) return null;
  const settled = domain.settler.settle(read.value);
  if (settled.isErr()) return null;
  return JSON.stringify(
    settleResultToJson(ok({ settlement: settled.value, reversals: NO_REVERSALS })),
  );
}
