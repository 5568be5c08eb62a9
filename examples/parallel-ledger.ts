/**
 * Settling a large batch over worker threads: 3,000 sales (and their refunds) of one
 * product, spread over three workers by sale id, each worker settling its share and summing
 * it into a ledger; the ledgers come back as structured clones and are combined. The result
 * is exactly the ledger settled on one thread, even though some sales were delivered to two
 * workers (as a queue that delivers at least once would): a ledger counts each entry once.
 *
 * Run it with `npx tsx examples/parallel-ledger.ts`. Every printed figure is asserted. The
 * same file is the worker's code: a worker starts it again with its share in `workerData`.
 * Built to JavaScript, `new Worker(new URL(import.meta.url), { workerData })` is all it takes;
 * as TypeScript, the worker loads it through tsx (see `startWorker`).
 */
import assert from 'node:assert/strict';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import {
  combineLedgers,
  compileSettler,
  contract,
  currency,
  EMPTY_LEDGER,
  formatAmount,
  formatInstant,
  type Ledger,
  type LedgerEntry,
  ledgerOf,
  ledgerTotal,
  policy,
  product,
  refund,
  refundAll,
  type Settlement,
  sale,
  validateDomain,
} from 'cocreation';
import { Result } from 'neverthrow';

/** What the product's documents look like on the wire: the same for every worker. */
const DOMAIN = {
  policy: 'hotmart',
  product: { id: 'course', mainCreator: 'ana@example.com', affiliateCommission: '40' },
  contracts: [
    {
      id: 'c1',
      productId: 'course',
      cocreator: 'bia@example.com',
      events: [
        {
          type: 'invited',
          at: '2026-01-01T00:00:00Z',
          by: 'ana@example.com',
          terms: { percent: '20' },
        },
        { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
      ],
    },
  ],
} as const;

/** One sale of the batch and its refunds, in wire shapes (amounts as decimal strings). */
interface Item {
  readonly sale: Record<string, unknown>;
  readonly refunds: ReadonlyArray<Record<string, unknown>>;
}

/** What a worker is given, and what it sends back. */
interface Job {
  readonly kind: 'parallel-ledger-job';
  readonly items: ReadonlyArray<Item>;
}
interface Done {
  readonly ledger: Ledger;
  readonly refused: ReadonlyArray<string>;
}

const month = (entry: LedgerEntry) => formatInstant(entry.at).slice(0, 7);

/** Settles a share of the batch: the same code on one thread and in every worker. */
function settleShare(items: ReadonlyArray<Item>): Done {
  const compiled = Result.combine([
    policy(DOMAIN.policy),
    product(DOMAIN.product),
    Result.combine(DOMAIN.contracts.map((c) => contract(c))),
  ])
    .andThen(([rules, course, contracts]) =>
      validateDomain({ policy: rules, product: course, contracts }),
    )
    .map(compileSettler);
  // Documents that do not validate refuse every sale, with their errors.
  if (compiled.isErr()) {
    const codes = compiled.error.map((e) => e.code).join(', ');
    return { ledger: EMPTY_LEDGER, refused: items.map((i) => `${String(i.sale.id)}: ${codes}`) };
  }
  const settler = compiled.value;
  const entries: LedgerEntry[] = [];
  const refused: string[] = [];
  for (const item of items) {
    const settled = sale(item.sale).andThen((s) => settler.settle(s));
    if (settled.isErr()) {
      refused.push(`${String(item.sale.id)}: ${settled.error.map((e) => e.code).join(', ')}`);
      continue;
    }
    const settlement: Settlement = settled.value;
    entries.push(settlement);
    const reversals = Result.combine(item.refunds.map((r) => refund(r))).andThen((refunds) =>
      refundAll(settlement, refunds),
    );
    if (reversals.isErr()) {
      refused.push(`${String(item.sale.id)}: ${reversals.error.map((e) => e.code).join(', ')}`);
      continue;
    }
    entries.push(...reversals.value);
  }
  const ledger = ledgerOf(entries, { period: month });
  if (ledger.isErr()) {
    const codes = ledger.error.map((e) => e.code).join(', ');
    return { ledger: EMPTY_LEDGER, refused: [...refused, `the ledger: ${codes}`] };
  }
  return { ledger: ledger.value, refused };
}

/**
 * Starts this file as a worker. Built to JavaScript, Node loads it as it is; as TypeScript
 * (run by tsx, or imported by a test runner) the worker loads it through tsx's API.
 */
function startWorker(data: Job): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: data });
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  return new Worker(boot, { eval: true, workerData: data });
}

function runWorker(items: ReadonlyArray<Item>): Promise<Done> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ kind: 'parallel-ledger-job', items });
    worker.once('message', (done: Done) => {
      resolve(done);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Minor units of a two-decimal amount such as `"97.00"`, for the hand check. */
const cents = (amount: string) => BigInt(amount.replace('.', ''));

async function main(): Promise<void> {
  // The batch: sale i costs 10.00 + (37 i mod 500).00, in USD every seventh sale and BRL
  // otherwise, with an affiliate every third sale; every tenth sale is refunded 5.00 twice.
  const items: Item[] = Array.from({ length: 3000 }, (_, i) => {
    const currency = i % 7 === 0 ? 'USD' : 'BRL';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const at = `2026-0${3 + (i % 2)}-${day}T12:00:00Z`;
    const id = `sale-${String(i).padStart(4, '0')}`;
    return {
      sale: {
        id,
        productId: 'course',
        at,
        price: { amount: `${10 + ((37 * i) % 500)}.00`, currency },
        platformFee: { amount: '1.99', currency },
        ...(i % 3 === 0 ? { affiliate: { account: 'leo@example.com' } } : {}),
      },
      refunds:
        i % 10 === 0
          ? [1, 2].map((n) => ({
              id: `${id}-r${n}`,
              at: `2026-05-0${n}T00:00:00Z`,
              amount: { amount: '5.00', currency },
            }))
          : [],
    };
  });

  // Keyed by sale id, as a consumer group partitions a topic: a sale and its refunds go to
  // the same worker. The first 100 sales are delivered a second time to the next worker.
  const WORKERS = 3;
  const key = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1009, 7);
  const shares: Item[][] = Array.from({ length: WORKERS }, () => []);
  items.forEach((item, i) => {
    const w = key(String(item.sale.id)) % WORKERS;
    shares[w]?.push(item);
    if (i < 100) shares[(w + 1) % WORKERS]?.push(item);
  });
  assert.equal(
    shares.reduce((n, s) => n + s.length, 0),
    3100,
  );

  const done = await Promise.all(shares.map(runWorker));
  const parallel = done.map((d) => d.ledger).reduce(combineLedgers, EMPTY_LEDGER);
  const sequential = settleShare(items);

  // Exactly the single-threaded ledger: rows, entries, no conflicts, nothing refused.
  assert.deepEqual(parallel, sequential.ledger);
  assert.deepEqual(parallel.conflicts, []);
  assert.deepEqual(sequential.refused, []);
  assert.deepEqual(
    done.flatMap((d) => d.refused),
    [],
  );
  const settlements = parallel.entries.filter((e) => e.kind === 'settlement').length;
  const reversals = parallel.entries.length - settlements;
  console.log(
    `${WORKERS} workers, 3100 deliveries: ${settlements} sales and ${reversals} refunds counted once each`,
  );
  assert.equal(settlements, 3000);
  assert.equal(reversals, 600);

  // A check by hand, independent of the split: every line of every sale adds up to its
  // price and every reversal to minus its refund, so per currency the ledger's net over all
  // parties is what was sold less what was refunded.
  // Computed apart (Python, over the same formula): BRL sold 667,956.00 over 2,571 sales and
  // refunded 257 × 10.00; USD sold 110,544.00 over 429 sales and refunded 43 × 10.00.
  const expected = {
    BRL: { sold: 66795600n, refunded: 257000n },
    USD: { sold: 11054400n, refunded: 43000n },
  };
  for (const code of ['BRL', 'USD'] as const) {
    const mine = items.filter(
      (item) => (item.sale.price as { currency: string }).currency === code,
    );
    const sold = mine.reduce(
      (s, item) => s + cents((item.sale.price as { amount: string }).amount),
      0n,
    );
    const refunded = BigInt(mine.filter((item) => item.refunds.length > 0).length) * 1000n;
    assert.deepEqual({ sold, refunded }, expected[code]);
    const total = ledgerTotal(parallel, { currency: code });
    const cur = currency(code);
    if (cur.isErr()) throw new Error(cur.error.map((e) => e.message).join('; '));
    console.log(
      `${code}: sold ${formatAmount(total.settled, cur.value)}, refunded ${formatAmount(-total.reversed, cur.value)}, net ${formatAmount(total.net, cur.value)}`,
    );
    assert.equal(total.settled, sold);
    assert.equal(total.reversed, -refunded);
    assert.equal(total.net, sold - refunded);
  }
}

// In a worker: settle the share given and send the ledger back (a structured clone).
const job = workerData as Job | null;
if (job?.kind === 'parallel-ledger-job') {
  parentPort?.postMessage(settleShare(job.items));
} else {
  await main();
}
