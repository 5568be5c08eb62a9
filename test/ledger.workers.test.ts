/**
 * The partition-and-combine of a ledger over real worker threads: entries cross to the
 * workers and ledgers come back as structured clones, and the combination is exactly the
 * ledger summed on one thread (test/ledger.property.test.ts checks the same in-process, with
 * many more runs).
 */

import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineLedgers } from '../src/ledger/combine';
import { ledgerOf } from '../src/ledger/entries';
import { EMPTY_LEDGER, type Ledger, type LedgerEntry } from '../src/ledger/ledger';
import { distinctEntriesArb, partitionsArb } from './arbitraries/ledger';
import { type LedgerJob, startLedgerWorker } from './support/ledger-worker';

const day = (e: LedgerEntry) => String(Math.floor(e.at / 86_400_000));

let workers: Worker[] = [];
let next = 0;

function ask(
  worker: Worker,
  entries: ReadonlyArray<LedgerEntry>,
  period: LedgerJob['period'],
): Promise<Ledger> {
  const id = next++;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { id: number; ledger: Ledger }) => {
      if (reply.id !== id) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(reply.ledger);
    };
    worker.on('message', onMessage);
    worker.on('error', reject);
    worker.postMessage({ id, entries, period } satisfies LedgerJob);
  });
}

describe('a ledger settled over worker threads', () => {
  beforeAll(() => {
    workers = [startLedgerWorker(), startLedgerWorker()];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });

  it('combines to the sequential ledger, whatever the partition, redelivery included', async () => {
    await fc.assert(
      fc.asyncProperty(
        distinctEntriesArb(8).chain((entries) =>
          fc.tuple(fc.constant(entries), partitionsArb(entries, 4)),
        ),
        fc.constantFrom('day' as const, null),
        async ([entries, parts], period) => {
          const ledgers = await Promise.all(
            parts.map((part, i) => ask(workers[i % workers.length] as Worker, part, period)),
          );
          const combined = ledgers.reduce(combineLedgers, EMPTY_LEDGER);
          const sequential = ledgerOf(
            entries,
            period === 'day' ? { period: day } : {},
          )._unsafeUnwrap();
          expect(combined).toEqual(sequential);
        },
      ),
      { numRuns: 30 },
    );
  });
});
