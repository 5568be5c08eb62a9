/**
 * A platform's database: a product's policy, its contract events, its settlements and its
 * refunds kept in PostgreSQL, amounts exact (integers of minor units in `bigint` columns,
 * never floats). Incoming sales are settled and stored; days later a refund is made from the
 * stored row alone, as another process would, and SQL sums each account's payout, which must
 * equal the library's ledger.
 *
 * It runs on PGlite (PostgreSQL compiled to WebAssembly, in-process) by default. With
 * `DATABASE_URL` set, the same code runs against that server through `pg`, in a schema of its
 * own that it drops at the end.
 *
 * Run it with `npx tsx examples/postgres.ts`. Every printed amount is asserted.
 */
import assert from 'node:assert/strict';
import {
  contract,
  currency,
  type DomainErrors,
  formatAmount,
  ledgerOf,
  type Policy,
  type Product,
  policy,
  product,
  type Refund,
  type Reversal,
  refund,
  refundSale,
  type Settlement,
  sale,
  settleSale,
} from 'cocreation';
import {
  contractToJson,
  parseStoredReversalJson,
  parseStoredSettlementJson,
  policyToJson,
  productToJson,
  refundToJson,
  storedReversalToJson,
  storedSettlementToJson,
} from 'cocreation/wire';
import { err, type Result } from 'neverthrow';

// ---------------------------------------------------------------------------------------------
// The connection: PGlite in-process, or a server through pg when DATABASE_URL is set
// ---------------------------------------------------------------------------------------------

interface Db {
  /** One statement, with `$1`-style parameters; the rows. */
  query(sql: string, params?: ReadonlyArray<unknown>): Promise<Record<string, unknown>[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function connect(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      query: async (sql, params = []) => (await client.query(sql, [...params])).rows,
      exec: async (sql) => {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  return {
    query: async (sql, params = []) =>
      (await db.query<Record<string, unknown>>(sql, [...params])).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

/** Throws with every problem and its path: an example stops at the first surprise. */
function must<T, E>(result: Result<T, E>): T {
  if (result.isErr()) throw new Error(JSON.stringify(result.error));
  return result.value;
}

// Amounts go in and out of SQL as text, read with BigInt: exact whatever the driver does
// with int8 (pg gives strings, PGlite bigints).
const minor = (value: unknown): bigint => BigInt(String(value));

const SCHEMA = `cocreation_example_${process.pid}_${Date.now()}`;

const DDL = `
  CREATE SCHEMA ${SCHEMA};
  SET search_path TO ${SCHEMA};
  CREATE TABLE products (
    id       text PRIMARY KEY,
    policy   jsonb NOT NULL,          -- policyToJson
    product  jsonb NOT NULL           -- productToJson
  );
  CREATE TABLE contract_events (
    product_id  text NOT NULL REFERENCES products,
    contract_id text NOT NULL,
    cocreator   text NOT NULL,
    seq         int  NOT NULL,        -- the event's place in the history
    event       jsonb NOT NULL,       -- one event of contractToJson(...).events
    PRIMARY KEY (contract_id, seq)
  );
  CREATE TABLE settlements (
    sale_id    text PRIMARY KEY,
    product_id text NOT NULL REFERENCES products,
    at         timestamptz NOT NULL,
    currency   char(3) NOT NULL,
    price      bigint NOT NULL,       -- minor units
    stored     jsonb NOT NULL         -- storedSettlementToJson
  );
  CREATE TABLE settlement_lines (
    sale_id text NOT NULL REFERENCES settlements,
    line_no int  NOT NULL,
    role    text NOT NULL,
    account text,                     -- null for the platform
    amount  bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (sale_id, line_no)
  );
  CREATE TABLE refunds (
    sale_id   text NOT NULL REFERENCES settlements,
    refund_id text NOT NULL,
    at        timestamptz NOT NULL,
    amount    bigint NOT NULL CHECK (amount > 0),
    refund    jsonb NOT NULL,         -- refundToJson: the next refund's previousRefunds
    reversal  jsonb NOT NULL,         -- storedReversalToJson
    PRIMARY KEY (sale_id, refund_id)
  );
  CREATE TABLE reversal_lines (
    sale_id   text NOT NULL,
    refund_id text NOT NULL,
    line_no   int  NOT NULL,
    role      text NOT NULL,
    account   text,
    amount    bigint NOT NULL CHECK (amount <= 0),
    PRIMARY KEY (sale_id, refund_id, line_no),
    FOREIGN KEY (sale_id, refund_id) REFERENCES refunds
  );
`;

// ---------------------------------------------------------------------------------------------
// Writing and reading the platform's values
// ---------------------------------------------------------------------------------------------

async function saveProduct(
  db: Db,
  rules: Policy,
  course: Product,
  contracts: ReadonlyArray<unknown>,
): Promise<void> {
  await db.query('INSERT INTO products (id, policy, product) VALUES ($1, $2::jsonb, $3::jsonb)', [
    course.id,
    JSON.stringify(policyToJson(rules)),
    JSON.stringify(productToJson(course)),
  ]);
  for (const input of contracts) {
    const deal = must(contract(input));
    for (const [seq, event] of contractToJson(deal).events.entries()) {
      await db.query(
        `INSERT INTO contract_events (product_id, contract_id, cocreator, seq, event)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [deal.productId, deal.id, deal.cocreator, seq, JSON.stringify(event)],
      );
    }
  }
}

/** The policy, the product and every contract history, as stored. */
async function loadProduct(db: Db, productId: string) {
  const [row] = await db.query('SELECT policy, product FROM products WHERE id = $1', [productId]);
  assert.ok(row !== undefined, `no product ${productId}`);
  const events = await db.query(
    `SELECT contract_id, cocreator, event FROM contract_events
     WHERE product_id = $1 ORDER BY contract_id, seq`,
    [productId],
  );
  const histories = new Map<string, { cocreator: unknown; events: unknown[] }>();
  for (const e of events) {
    const id = String(e.contract_id);
    const history = histories.get(id) ?? { cocreator: e.cocreator, events: [] };
    history.events.push(e.event);
    histories.set(id, history);
  }
  return {
    rules: must(policy(row.policy)),
    course: must(product(row.product)),
    contracts: [...histories].map(([id, h]) =>
      must(contract({ id, productId, cocreator: h.cocreator, events: h.events })),
    ),
  };
}

async function saveSettlement(db: Db, settlement: Settlement): Promise<void> {
  await db.exec('BEGIN');
  await db.query(
    `INSERT INTO settlements (sale_id, product_id, at, currency, price, stored)
     VALUES ($1, $2, $3::timestamptz, $4, $5::bigint, $6::jsonb)`,
    [
      settlement.saleId,
      settlement.productId,
      new Date(settlement.at).toISOString(),
      settlement.currency.code,
      settlement.price.toString(),
      JSON.stringify(storedSettlementToJson(settlement)),
    ],
  );
  for (const [i, line] of settlement.lines.entries()) {
    await db.query(
      `INSERT INTO settlement_lines (sale_id, line_no, role, account, amount)
       VALUES ($1, $2, $3, $4, $5::bigint)`,
      [settlement.saleId, i, line.role, line.account, line.amount.toString()],
    );
  }
  await db.exec('COMMIT');
}

/**
 * Settles an incoming sale against the product as stored, and stores the settlement. A sale
 * that is refused is stored nowhere: its errors come back, for the caller to answer with.
 */
async function settleIncoming(
  db: Db,
  input: { productId: string },
): Promise<Result<Settlement, DomainErrors>> {
  const { rules, course, contracts } = await loadProduct(db, input.productId);
  const settled = sale(input).andThen((order) => settleSale(rules, course, contracts, order));
  if (settled.isErr()) return settled;
  await saveSettlement(db, settled.value);
  return settled;
}

/**
 * Days later, in another process: refunds a sale from what the database holds alone (the
 * stored settlement and the refunds already made), and stores the reversal. A refund that is
 * refused (too much, before the sale, another currency) is stored nowhere: its errors come
 * back. A stored row that does not read back stops the program: the database is corrupt.
 */
async function refundLater(
  db: Db,
  saleId: string,
  input: unknown,
): Promise<Result<Reversal, DomainErrors>> {
  const [row] = await db.query('SELECT stored FROM settlements WHERE sale_id = $1', [saleId]);
  assert.ok(row !== undefined, `no settlement ${saleId}`);
  const settlement = must(parseStoredSettlementJson(row.stored));
  const previous: Refund[] = (
    await db.query('SELECT refund FROM refunds WHERE sale_id = $1 ORDER BY at, refund_id', [saleId])
  ).map((r) => must(refund(r.refund)));
  const asked = refund(input);
  if (asked.isErr()) return err(asked.error);
  const r = asked.value;
  const reversed = refundSale(settlement, previous, r);
  if (reversed.isErr()) return reversed;
  const reversal = reversed.value;
  await db.exec('BEGIN');
  await db.query(
    `INSERT INTO refunds (sale_id, refund_id, at, amount, refund, reversal)
     VALUES ($1, $2, $3::timestamptz, $4::bigint, $5::jsonb, $6::jsonb)`,
    [
      saleId,
      r.id,
      new Date(r.at).toISOString(),
      r.amount.amount.toString(),
      JSON.stringify(refundToJson(r)),
      JSON.stringify(storedReversalToJson(reversal)),
    ],
  );
  for (const [i, line] of reversal.lines.entries()) {
    await db.query(
      `INSERT INTO reversal_lines (sale_id, refund_id, line_no, role, account, amount)
       VALUES ($1, $2, $3, $4, $5, $6::bigint)`,
      [saleId, r.id, i, line.role, line.account, line.amount.toString()],
    );
  }
  await db.exec('COMMIT');
  return reversed;
}

// ---------------------------------------------------------------------------------------------
// The platform's day
// ---------------------------------------------------------------------------------------------

const db = await connect();
try {
  await db.exec(DDL);

  // Hotmart's rules with a fee schedule (9.9 % + R$ 1.00) for sales that give no fee.
  const rules = must(policy({ extends: 'hotmart', fee: { percent: '9.9', fixed: { BRL: '1' } } }));
  const course = must(
    product({ id: 'course', mainCreator: 'ana@example.com', affiliateCommission: '40' }),
  );
  await saveProduct(db, rules, course, [
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
    {
      id: 'c2',
      productId: 'course',
      cocreator: 'caio@example.com',
      events: [
        {
          type: 'invited',
          at: '2026-02-01T00:00:00Z',
          by: 'ana@example.com',
          terms: { percent: '10', appliesTo: 'direct-sales' },
        },
        { type: 'accepted', at: '2026-02-02T00:00:00Z', by: 'caio@example.com' },
      ],
    },
  ]);

  // Incoming sales, settled and stored as they arrive.
  const brl = (amount: string) => ({ amount, currency: 'BRL' });
  const settled = new Map<string, Settlement>();
  for (const input of [
    // Net 86.63: Bia floor(17.326) = 17.32, Caio (direct sales) floor(8.663) = 8.66, Ana 60.65.
    {
      id: 's1',
      productId: 'course',
      at: '2026-03-02T10:00:00Z',
      price: brl('97.00'),
      platformFee: brl('10.37'),
    },
    // specification §8's sale: fee round_half_up(19.503) + 1.00 = 20.50 from the schedule, Leo
    // 40 % of 176.50 = 70.60, Bia 20 % of 105.90 = 21.18, Caio nothing (an affiliate sale).
    {
      id: 's2',
      productId: 'course',
      at: '2026-03-03T10:00:00Z',
      price: brl('197.00'),
      affiliate: { account: 'leo@example.com' },
    },
    // Net 42.30: Bia 8.46, Caio 4.23, Ana 29.61.
    {
      id: 's3',
      productId: 'course',
      at: '2026-03-04T10:00:00Z',
      price: brl('47.00'),
      platformFee: brl('4.70'),
    },
  ]) {
    const result = await settleIncoming(db, input);
    if (result.isErr()) throw new Error(result.error.map((e) => e.message).join('; '));
    settled.set(input.id, result.value);
  }
  const s2 = settled.get('s2') as Settlement;
  assert.deepEqual(
    s2.lines.map((l) => l.amount),
    [2050n, 7060n, 2118n, 8472n],
  );

  // Days later, another process refunds R$ 50.00 of s2 from the stored row alone.
  const r1 = { id: 'r1', at: '2026-03-08T00:00:00Z', amount: brl('50.00') };
  const refunded1 = await refundLater(db, 's2', r1);
  if (refunded1.isErr()) throw new Error(refunded1.error.map((e) => e.message).join('; '));
  const reversal1 = refunded1.value;
  // Equal to refunding the settlement still in this process's memory.
  assert.deepEqual(reversal1, must(refund(r1).andThen((r) => refundSale(s2, [], r))));
  // specification §8's reversal: −5.20, −17.92, −5.37, −21.51.
  assert.deepEqual(
    reversal1.lines.map((l) => l.amount),
    [-520n, -1792n, -537n, -2151n],
  );
  // And later again R$ 100.00, with r1 read from the refunds table as the previous refund:
  // D'Hondt at 150.00 of 197.00 gives 15.61, 53.76, 16.12, 64.51 in all, less r1's part.
  const refunded2 = await refundLater(db, 's2', {
    id: 'r2',
    at: '2026-03-10T00:00:00Z',
    amount: brl('100.00'),
  });
  if (refunded2.isErr()) throw new Error(refunded2.error.map((e) => e.message).join('; '));
  const reversal2 = refunded2.value;
  assert.deepEqual(
    reversal2.lines.map((l) => l.amount),
    [-1041n, -3584n, -1075n, -4300n],
  );

  // Each account's payout, summed by SQL over the stored lines.
  const payoutRows = await db.query(`
    SELECT role, account, sum(amount)::text AS net FROM (
      SELECT role, account, amount FROM settlement_lines
      UNION ALL
      SELECT role, account, amount FROM reversal_lines
    ) AS lines
    GROUP BY role, account
    ORDER BY CASE role WHEN 'platform' THEN 0 WHEN 'affiliate' THEN 1
                       WHEN 'cocreator' THEN 2 ELSE 3 END, account`);
  const bySql = payoutRows.map((r) => [r.role, r.account, minor(r.net)] as const);

  // The library's ledger over the values read back from the database: the same payouts.
  const stored = await db.query('SELECT stored FROM settlements ORDER BY sale_id');
  const reversals = await db.query('SELECT reversal FROM refunds ORDER BY at, refund_id');
  const ledger = must(
    ledgerOf([
      ...stored.map((r) => must(parseStoredSettlementJson(r.stored))),
      ...reversals.map((r) => must(parseStoredReversalJson(r.reversal))),
    ]),
  );
  assert.deepEqual(
    bySql,
    ledger.rows.map((row) => [row.role, row.account, row.net] as const),
  );
  // And the ledger of the values that never left memory.
  assert.deepEqual(must(ledgerOf([...settled.values(), reversal1, reversal2])), ledger);

  const real = must(currency('BRL'));
  const printed = bySql.map(
    ([role, account, net]) =>
      `${String(role).padEnd(12)} ${String(account ?? '-').padEnd(17)} ${formatAmount(net, real).padStart(7)}`,
  );
  console.log(printed.join('\n'));
  // By hand: platform 10.37 + 20.50 + 4.70 − 15.61; Leo 70.60 − 53.76; Bia 17.32 + 21.18 +
  // 8.46 − 16.12; Caio 8.66 + 4.23; Ana 60.65 + 84.72 + 29.61 − 64.51. They sum to the
  // 341.00 sold less the 150.00 refunded.
  assert.deepEqual(
    bySql.map(([, , net]) => formatAmount(net, real)),
    ['19.96', '16.84', '30.84', '12.89', '110.47'],
  );
  assert.equal(
    bySql.reduce((sum, [, , net]) => sum + net, 0n),
    19100n,
  );
} finally {
  await db.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await db.close();
}
