/**
 * `settle --jsonl`: reading the input in blocks of whole lines, handing them to this thread or
 * to worker threads, and writing the answers in input order (specification §9).
 */
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { EXIT_REFUSED, EXIT_SETTLED, EXIT_USAGE } from './exit';
import { answerBlock, NEWLINE } from './lines';
import { type BlockReply, type BlockRequest, WORKER_MARK } from './workers';

/** Blocks handed out per worker and not yet written, past which reading pauses. */
const IN_FLIGHT_PER_WORKER = 4;

/** How `settle --jsonl` runs: its threads and the script they run. */
export interface JsonlOptions {
  readonly jobs: number;
  /** Input read before workers start (0: from the first block). */
  readonly parallelFrom: number;
  /** The CLI's own script, which serves blocks when started as a worker. */
  readonly workerScript: URL;
}

/** A block's answer waiting for its turn: text, or UTF-8 bytes from a worker. */
interface Answer {
  readonly text: string | Uint8Array;
  readonly refused: boolean;
}

/** The state of one run: the workers, the answers not yet written, the flow of the input. */
interface Run {
  readonly input: Readable;
  readonly options: JsonlOptions;
  readonly resolve: (code: number) => void;
  readonly workers: Worker[];
  /** Blocks sent to each worker and not yet answered. */
  readonly busy: number[];
  /** Answers by their block's place in the input. */
  readonly answers: Map<number, Answer>;
  readBytes: number;
  submitted: number;
  written: number;
  refused: boolean;
  ended: boolean;
  failed: boolean;
  draining: boolean;
  paused: boolean;
  done: boolean;
}

/**
 * One answer per input line, in order, in one process (specification §9). Lines are split on the
 * byte `\n` and each is decoded on its own, so a line that is not valid UTF-8 is answered
 * `invalid_json` and spoils no other. A `\r` just before the `\n` is dropped (CRLF files
 * work; JSON would skip it anyway); a last line without `\n` is answered too, and an empty
 * line is answered `invalid_json`; a byte-order mark is ignored only at the start of the
 * input. The input is cut into blocks of whole lines as it arrives (each chunk read up to its
 * last `\n`); a block is answered at once by this thread, or, with `jobs` above 1 and once
 * more than `parallelFrom` bytes were read, by the least busy of `jobs` worker threads.
 * Answers are written block by block in input order, so an interactive caller that writes one
 * line and waits gets its answer at once, and a bulk caller gets large writes; reading pauses
 * while stdout is full or too many blocks are out.
 */
export function runJsonl(input: Readable, name: string, options: JsonlOptions): Promise<number> {
  return new Promise((resolve) => {
    const run: Run = {
      input,
      options,
      resolve,
      workers: [],
      busy: [],
      answers: new Map(),
      readBytes: 0,
      submitted: 0,
      written: 0,
      refused: false,
      ended: false,
      failed: false,
      draining: false,
      paused: false,
      done: false,
    };
    readBlocks(run, name);
  });
}

/** Cuts the input into blocks of whole lines as it arrives; the rest at its end is the last. */
function readBlocks(run: Run, name: string): void {
  const { input } = run;
  let carry: Buffer[] = [];
  input.on('data', (chunk: Buffer | string) => {
    const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    run.readBytes += piece.length;
    const last = piece.lastIndexOf(NEWLINE);
    if (last === -1) {
      carry.push(piece);
      return;
    }
    const head = piece.subarray(0, last + 1);
    const block = carry.length === 0 ? head : Buffer.concat([...carry, head]);
    carry = last + 1 < piece.length ? [piece.subarray(last + 1)] : [];
    submit(run, block);
  });
  input.on('end', () => {
    const rest = Buffer.concat(carry);
    carry = [];
    if (rest.length > 0) submit(run, rest);
    run.ended = true;
    settleFlow(run);
  });
  input.on('error', (cause) => {
    process.stderr.write(`cocreation: cannot read ${name}: ${cause.message}\n`);
    run.failed = true;
    run.ended = true;
    settleFlow(run);
  });
}

/** Answers a block here, or hands it to the least busy worker. */
function submit(run: Run, block: Buffer): void {
  const { jobs, parallelFrom } = run.options;
  const seq = run.submitted++;
  // Workers take a while to start: the block that starts them by default is answered here
  // meanwhile; when --jobs was given (parallelFrom 0) they answer every block.
  const starting = jobs > 1 && run.workers.length === 0 && run.readBytes >= parallelFrom;
  if (starting) startWorkers(run);
  if (run.workers.length === 0 || (starting && parallelFrom > 0)) {
    run.answers.set(seq, answerBlock(block, seq === 0));
    writeReady(run);
    return;
  }
  let pick = 0;
  for (let i = 1; i < run.workers.length; i++) {
    if ((run.busy[i] as number) < (run.busy[pick] as number)) pick = i;
  }
  run.busy[pick] = (run.busy[pick] as number) + 1;
  // A copy in a buffer of its own, moved (not copied again) to the worker.
  const bytes = new Uint8Array(block.length);
  bytes.set(block);
  const request: BlockRequest = { seq, bytes, atStart: seq === 0 };
  (run.workers[pick] as Worker).postMessage(request, [bytes.buffer]);
  settleFlow(run);
}

function startWorkers(run: Run): void {
  for (let i = 0; i < run.options.jobs; i++) {
    const worker = new Worker(run.options.workerScript, { workerData: WORKER_MARK });
    const index = run.workers.length;
    worker.on('message', (reply: BlockReply) => {
      run.busy[index] = (run.busy[index] as number) - 1;
      run.answers.set(reply.seq, { text: reply.bytes, refused: reply.refused });
      writeReady(run);
    });
    worker.on('error', (cause) => {
      process.stderr.write(`cocreation: internal error: ${String(cause)}\n`);
      finish(run, EXIT_USAGE);
    });
    run.workers.push(worker);
    run.busy.push(0);
  }
}

/** Writes the answers that are next in input order; waits for stdout's `drain` when full. */
function writeReady(run: Run): void {
  let full = false;
  for (
    let answer = run.answers.get(run.written);
    answer !== undefined;
    answer = run.answers.get(run.written)
  ) {
    run.answers.delete(run.written);
    run.written++;
    if (answer.refused) run.refused = true;
    if (answer.text.length > 0 && !process.stdout.write(answer.text)) full = true;
  }
  if (full && !run.draining) {
    run.draining = true;
    process.stdout.once('drain', () => {
      run.draining = false;
      settleFlow(run);
    });
  }
  settleFlow(run);
}

/** Finishes once everything read is written; else pauses or resumes reading. */
function settleFlow(run: Run): void {
  if (run.done) return;
  if (run.ended) {
    if (run.written === run.submitted) {
      finish(run, run.failed ? EXIT_USAGE : run.refused ? EXIT_REFUSED : EXIT_SETTLED);
    }
    return;
  }
  const outstanding = run.submitted - run.written;
  const tooMany = outstanding >= IN_FLIGHT_PER_WORKER * Math.max(1, run.workers.length);
  if (run.draining || tooMany) {
    if (!run.paused) run.input.pause();
    run.paused = true;
  } else if (run.paused) {
    run.paused = false;
    run.input.resume();
  }
}

function finish(run: Run, code: number): void {
  if (run.done) return;
  run.done = true;
  for (const worker of run.workers) void worker.terminate();
  run.resolve(code);
}
