/**
 * A worker thread for test/ledger.workers.test.ts: it receives entries (structured clones of
 * settlements and reversals), sums them with `ledgerOf` and posts the ledger back (a
 * structured clone again). Start it with {@link startLedgerWorker}.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { ledgerOf } from '../../src/ledger/entries';
import type { LedgerEntry } from '../../src/ledger/ledger';

/** A request: an id to answer with, the entries, and the period function by name. */
export interface LedgerJob {
  readonly id: number;
  readonly entries: ReadonlyArray<LedgerEntry>;
  readonly period: 'day' | null;
}

const day = (e: LedgerEntry) => String(Math.floor(e.at / 86_400_000));

/**
 * Starts this file in a worker thread. The test runs TypeScript, which Node's workers do not
 * load: the worker loads this file through tsx's API.
 */
export function startLedgerWorker(): Worker {
  const self = import.meta.url;
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
  return new Worker(boot, { eval: true, workerData: { kind: 'ledger-worker' } });
}

// Only in the worker this file starts (a test runner may run tests in worker threads too).
if ((workerData as { kind?: unknown } | null)?.kind === 'ledger-worker') {
  parentPort?.on('message', (job: LedgerJob) => {
    const ledger = ledgerOf(job.entries, job.period === 'day' ? { period: day } : {});
    parentPort?.postMessage({ id: job.id, ledger: ledger._unsafeUnwrap() });
  });
}
