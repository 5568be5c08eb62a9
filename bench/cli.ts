/**
 * CLI throughput: 50,000 five-contract documents, one per line, through one
 * `cocreation settle --jsonl` process of the built package (dist/cli.js), as users run it (its
 * default `--jobs`, one worker thread per core) and on one thread (`--jobs 1`). The clock runs
 * from spawning the process to its exit, Node's start-up included (measured apart too). Every
 * answer is then checked against the integer kernel, so a fast wrong answer cannot pass, and
 * the answers of both runs must be the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeFixture, SALES_PER_FIXTURE } from './fixtures';
import { compileKernel } from './kernel';

/** The measured throughput of the CLI. */
export interface CliResult {
  readonly documents: number;
  /** Median wall-clock seconds of the runs, start-up included. */
  readonly seconds: number;
  /** `documents / seconds`. */
  readonly perSec: number;
  /** The default `--jobs` on this machine: the number of cores. */
  readonly jobs: number;
  /** Median wall-clock seconds with `--jobs 1` (no worker thread). */
  readonly oneThreadSeconds: number;
  /** `documents / oneThreadSeconds`. */
  readonly oneThreadPerSec: number;
  /** Median wall-clock seconds of `cocreation --version` (Node start-up and module loading). */
  readonly startupSeconds: number;
  readonly runs: number;
  readonly inputBytes: number;
}

function median(xs: ReadonlyArray<number>): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Writes `documents` settle documents of the N = 5 fixture, one JSON text per line, the
 * fixture's sales in turn under fresh ids.
 *
 * @param path - the file to write
 * @param documents - how many
 * @returns the size written, in bytes
 */
export function writeDocuments(path: string, documents: number): number {
  const fixture = makeFixture(5);
  const lines: string[] = [];
  for (let i = 0; i < documents; i++) {
    const sale = fixture.salesJson[i % SALES_PER_FIXTURE] as Record<string, unknown>;
    lines.push(
      JSON.stringify({
        policy: 'hotmart',
        product: fixture.productJson,
        contracts: fixture.contractsJson,
        sale: { ...sale, id: `s${i}` },
      }),
    );
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

function minorUnits(amount: string): bigint {
  return BigInt(amount.replace('.', ''));
}

/** Checks every answer: `ok`, and the amounts the kernel computes for the same sale. */
function checkAnswers(outputPath: string, documents: number): void {
  const fixture = makeFixture(5);
  const kernel = compileKernel(fixture.percents);
  const expected = fixture.sales.map((s) => kernel(s).map((x) => BigInt(x)));
  const answers = readFileSync(outputPath, 'utf8').split('\n');
  if (answers.at(-1) === '') answers.pop();
  if (answers.length !== documents) {
    throw new Error(`cli: ${answers.length} answers to ${documents} documents`);
  }
  answers.forEach((line, i) => {
    const answer = JSON.parse(line) as {
      ok: boolean;
      settlement?: { lines: Array<{ role: string; amount: string }> };
    };
    if (!answer.ok || answer.settlement === undefined) {
      throw new Error(`cli: document ${i} refused: ${line.slice(0, 300)}`);
    }
    const lines = answer.settlement.lines;
    const hasAffiliate = lines.some((l) => l.role === 'affiliate');
    const got = lines.map((l) => minorUnits(l.amount));
    if (!hasAffiliate) got.splice(1, 0, 0n);
    const want = expected[i % SALES_PER_FIXTURE] as bigint[];
    if (got.length !== want.length || got.some((x, k) => x !== want[k])) {
      throw new Error(
        `cli: document ${i}: got ${got.join(',')}, the kernel says ${want.join(',')}`,
      );
    }
  });
}

function timeRun(args: string[], input: string | null, output: string): number {
  const stdin = input === null ? 'ignore' : openSync(input, 'r');
  const stdout = openSync(output, 'w');
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: [stdin, stdout, 'pipe'] });
  const seconds = (performance.now() - start) / 1000;
  if (typeof stdin === 'number') closeSync(stdin);
  closeSync(stdout);
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) {
    throw new Error(`cli: exit ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
  }
  return seconds;
}

/**
 * Times `cocreation settle --jsonl` on generated documents.
 *
 * @param options - the package root, a scratch directory, the document count and runs
 * @returns the median throughput of the runs
 */
export function benchCli(options: {
  readonly root: string;
  readonly scratch: string;
  readonly documents: number;
  readonly runs: number;
}): CliResult {
  mkdirSync(options.scratch, { recursive: true });
  const cli = join(options.root, 'dist', 'cli.js');
  const path = join(options.scratch, 'cli-input.jsonl');
  const bytes = writeDocuments(path, options.documents);
  const output = join(options.scratch, 'cli-output.jsonl');
  const oneThreadOutput = join(options.scratch, 'cli-output-jobs-1.jsonl');
  const startups: number[] = [];
  const times: number[] = [];
  const oneThreadTimes: number[] = [];
  // Interleaved, so that both see the same machine.
  for (let r = 0; r < options.runs; r++) {
    startups.push(timeRun([cli, '--version'], null, join(options.scratch, 'cli-version.txt')));
    times.push(timeRun([cli, 'settle', '--jsonl'], path, output));
    oneThreadTimes.push(timeRun([cli, 'settle', '--jsonl', '--jobs', '1'], path, oneThreadOutput));
  }
  checkAnswers(output, options.documents);
  if (!readFileSync(output).equals(readFileSync(oneThreadOutput))) {
    throw new Error('cli: --jobs 1 printed other bytes than the default --jobs');
  }
  const seconds = median(times);
  const oneThreadSeconds = median(oneThreadTimes);
  return {
    documents: options.documents,
    seconds,
    perSec: options.documents / seconds,
    jobs: availableParallelism(),
    oneThreadSeconds,
    oneThreadPerSec: options.documents / oneThreadSeconds,
    startupSeconds: median(startups),
    runs: options.runs,
    inputBytes: bytes,
  };
}
