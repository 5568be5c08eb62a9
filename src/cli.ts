/**
 * The command-line oracle (specification §9). Thin: it reads text, asks src/wire/json.ts (and
 * src/wire/explain.ts) for the answer, and writes it. Every rule lives in the library.
 */
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import {
  isMainThread,
  type MessagePort,
  parentPort,
  Worker,
  workerData,
} from 'node:worker_threads';
import { ok } from 'neverthrow';
// No import attribute: esbuild then keeps only `version` of package.json in the bundle.
import { version } from '../package.json';
import { isLocale, LOCALES, type Locale } from './locales/locale';
import { sale } from './model/sale';
import { compileSettler, type Settler } from './settle/compile';
import type { Reversal } from './settle/settlement';
import { validateDomain } from './validate/domain';
import { explain } from './wire/explain';
import {
  parseDocument,
  parseDocumentBytes,
  parseDocumentText,
  readDocumentBytes,
  type SettleOutputJson,
  settleDocument,
  settleResultToJson,
} from './wire/json';

const EXIT_SETTLED = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

/** `--jobs` when not given: one thread per core the process may use. */
const DEFAULT_JOBS = availableParallelism();
const MAX_JOBS = 64;

const HELP = `Usage: cocreation <command> [options] [FILE|-]

The oracle of cocreation splits (cocreation ${version}, wire format v1). Reads settle
documents as JSON and answers each with one line of JSON:
  {"ok":true,"settlement":{...},"refunds":[...]}   or   {"ok":false,"errors":[...]}

Commands:
  settle [FILE|-]          settle one document read from FILE (stdin when FILE is
                           absent or -) and print one line of JSON
  settle --jsonl [FILE|-]  read one document per line and print one result per line,
                           in the same order; a line that is not JSON (an empty line,
                           or one that is not UTF-8, included) is answered with
                           invalid_json and reading goes on
  settle --jsonl --jobs N  answer the lines on N worker threads; 1 answers them on
                           the main thread; the output and the exit status are the
                           same, in the same order, whatever N. Default: the number
                           of cores (${DEFAULT_JOBS} here), once the input passes 1 MiB
  explain [FILE|-]         print a human-readable breakdown of one document's
                           settlement and refunds (on refusal: the JSON errors)
  explain --locale L       the breakdown in L: ${LOCALES.join(', ')} (default en);
                           the JSON output never changes with the locale

Options:
  --jsonl                  one document per line, one result per line (settle only)
  --jobs N                 worker threads for settle --jsonl, 1 to ${MAX_JOBS}
  --locale L               the language of explain's breakdown (explain only)
  -h, --help               print this help and exit
  -v, --version            print the version and exit

Exit status:
  0  every document settled
  1  at least one document was refused (its errors are printed on stdout)
  2  wrong usage, or FILE could not be read (message on stderr)
`;

interface Invocation {
  readonly command: 'settle' | 'explain';
  readonly jsonl: boolean;
  /** The language of `explain`'s text. */
  readonly locale: Locale;
  /** Threads answering `settle --jsonl` lines. */
  readonly jobs: number;
  /** Input read before workers start: 0 when `--jobs` was given, else 1 MiB. */
  readonly parallelFrom: number;
  /** `null` for stdin. */
  readonly file: string | null;
}

type Parsed =
  | { readonly kind: 'run'; readonly invocation: Invocation }
  | { readonly kind: 'print'; readonly text: string }
  | { readonly kind: 'usage'; readonly message: string };

function parseArgs(args: ReadonlyArray<string>): Parsed {
  const dashes = args.indexOf('--');
  const options = dashes === -1 ? args : args.slice(0, dashes);
  if (options.includes('-h') || options.includes('--help')) return { kind: 'print', text: HELP };
  if (options.includes('-v') || options.includes('--version') || options.includes('-V')) {
    return { kind: 'print', text: `${version}\n` };
  }
  const [command, ...rest] = args;
  if (command === undefined) return { kind: 'usage', message: 'missing command' };
  if (command === 'help') return { kind: 'print', text: HELP };
  if (command !== 'settle' && command !== 'explain') {
    return { kind: 'usage', message: `unknown command "${command}"` };
  }
  let jsonl = false;
  let locale: Locale | undefined;
  let jobs: number | undefined;
  let endOfOptions = false;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const localeArg = arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    const jobsArg = arg.startsWith('--jobs=') ? arg.slice('--jobs='.length) : undefined;
    if (!endOfOptions && arg === '--') endOfOptions = true;
    else if (!endOfOptions && arg === '--jsonl') jsonl = true;
    else if (!endOfOptions && (arg === '--locale' || localeArg !== undefined)) {
      const value = localeArg ?? rest[++i];
      if (!isLocale(value)) {
        const known = LOCALES.map((l) => `"${l}"`).join(', ');
        return { kind: 'usage', message: `--locale expects one of ${known}` };
      }
      locale = value;
    } else if (!endOfOptions && (arg === '--jobs' || jobsArg !== undefined)) {
      const value = jobsArg ?? rest[++i];
      const count = value !== undefined && /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : 0;
      if (count < 1 || count > MAX_JOBS) {
        return { kind: 'usage', message: `--jobs expects a whole number from 1 to ${MAX_JOBS}` };
      }
      jobs = count;
    } else if (!endOfOptions && arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage', message: `unknown option "${arg}"` };
    } else files.push(arg);
  }
  if (jsonl && command === 'explain') {
    return { kind: 'usage', message: '--jsonl is an option of settle, not of explain' };
  }
  if (locale !== undefined && command !== 'explain') {
    return { kind: 'usage', message: '--locale is an option of explain: the JSON never changes' };
  }
  if (jobs !== undefined && !(command === 'settle' && jsonl)) {
    return { kind: 'usage', message: '--jobs is an option of settle --jsonl' };
  }
  if (files.length > 1) return { kind: 'usage', message: 'expected at most one FILE' };
  const file = files[0] === undefined || files[0] === '-' ? null : files[0];
  return {
    kind: 'run',
    invocation: {
      command,
      jsonl,
      locale: locale ?? 'en',
      jobs: jobs ?? DEFAULT_JOBS,
      parallelFrom: jobs === undefined ? PARALLEL_FROM_BYTES : 0,
      file,
    },
  };
}

/** Reads of a file come in pieces this large (the stream's default is 64 KiB). */
const FILE_CHUNK = 1 << 20;

/** Standard input; a regular file there (`< file`) is read in large pieces. */
function openStdin(): Readable {
  try {
    if (fstatSync(0).isFile()) {
      return createReadStream('', { fd: 0, autoClose: false, highWaterMark: FILE_CHUNK });
    }
  } catch {
    // Not a file we can stat: the ordinary stream.
  }
  return process.stdin;
}

/** Opens the input, or explains why it cannot be read. */
function openInput(file: string | null): Readable | string {
  if (file === null) return openStdin();
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (cause) {
    return `cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  try {
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      return `cannot read ${file}: it is a directory`;
    }
  } catch (cause) {
    closeSync(fd);
    return `cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  return createReadStream('', { fd, highWaterMark: FILE_CHUNK });
}

/** Reads the whole input as bytes; `null` when reading failed (reported on stderr). */
function readAll(input: Readable, name: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    input.on('data', (chunk: Buffer | string) => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    });
    input.on('end', () => resolve(Buffer.concat(chunks)));
    input.on('error', (cause) => {
      process.stderr.write(`cocreation: cannot read ${name}: ${cause.message}\n`);
      resolve(null);
    });
  });
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function runOne(invocation: Invocation, input: Readable, name: string): Promise<number> {
  const bytes = await readAll(input, name);
  if (bytes === null) return EXIT_USAGE;
  const result = parseDocumentBytes(bytes).andThen(settleDocument);
  if (invocation.command === 'explain' && result.isOk()) {
    const { settlement, reversals } = result.value;
    const shown = explain(settlement, reversals, { locale: invocation.locale });
    await writeOut(shown.endsWith('\n') ? shown : `${shown}\n`);
    return EXIT_SETTLED;
  }
  const output = settleResultToJson(result);
  await writeOut(`${JSON.stringify(output)}\n`);
  return output.ok ? EXIT_SETTLED : EXIT_REFUSED;
}

// ---------------------------------------------------------------------------------------------
// settle --jsonl: answering a block of lines
// ---------------------------------------------------------------------------------------------

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/** How every refusal is printed: `JSON.stringify` keeps the key order of the output. */
const REFUSED = '{"ok":false';

/** The answers to a block of lines: their text (each ends with `\n`), and whether any refused. */
interface BlockAnswer {
  readonly text: string;
  readonly refused: boolean;
}

/** Strict UTF-8; without `{ stream: true }` every call starts afresh. The BOM is kept. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeStrict(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Today's answer to one line, the one every faster road must equal (specification §9). */
function answerLine(line: Uint8Array, atStart: boolean): SettleOutputJson {
  return settleResultToJson(readDocumentBytes(line, atStart).andThen(settleDocument));
}

/**
 * The answer to one line that decoded as UTF-8 (`\r` already dropped): the fast road when it
 * applies, else exactly {@link answerLine} on the line's bytes.
 */
function answerText(line: string, atStart: boolean): string {
  const fast = fastAnswer(line);
  if (fast !== null) return fast;
  // A line that is not at the start and opens with a BOM is refused by the bytes reader with
  // its own message; any other line reads as its text does.
  const output =
    line.charCodeAt(0) === BYTE_ORDER_MARK
      ? answerLine(Buffer.from(line, 'utf8'), atStart)
      : settleResultToJson(parseDocumentText(line).andThen(settleDocument));
  return JSON.stringify(output);
}

/**
 * Answers a block of whole lines: every line ends with `\n` but perhaps the last (the end of
 * the input); a last empty piece is no line. `atStart` says whether the block's first line is
 * the input's first (where one byte-order mark is ignored). A block that is valid UTF-8 is
 * decoded in one go and split on `\n` (UTF-8 never puts the byte 0x0a inside a character, so
 * its lines are the byte lines, decoded); otherwise each line is decoded on its own.
 */
function answerBlock(bytes: Uint8Array, atStart: boolean): BlockAnswer {
  const out: string[] = [];
  let refused = false;
  let first = atStart;
  const text = decodeStrict(bytes);
  if (text !== null) {
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const stop = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
      const answer = answerText(text.slice(start, stop), first);
      first = false;
      if (answer.startsWith(REFUSED)) refused = true;
      out.push(answer, '\n');
      start = end + 1;
    }
    return { text: out.join(''), refused };
  }
  let start = 0;
  while (start < bytes.length) {
    const nl = bytes.indexOf(NEWLINE, start);
    const end = nl === -1 ? bytes.length : nl;
    const stop = end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    const output = answerLine(bytes.subarray(start, stop), first);
    first = false;
    if (!output.ok) refused = true;
    out.push(JSON.stringify(output), '\n');
    start = end + 1;
  }
  return { text: out.join(''), refused };
}

// ---------------------------------------------------------------------------------------------
// The fast road: a document whose policy, product and contracts have the same text as an
// earlier line's is settled by the settler compiled for them (values are accepted by content,
// so equal text is an equal domain). Every line it cannot answer with a settlement — refused,
// unusual, not JSON — takes the ordinary road, which gives every error in its order.
// ---------------------------------------------------------------------------------------------

/** The spans of a document's top-level members, as text. */
interface Members {
  policy: string | undefined;
  product: string | undefined;
  contracts: string | undefined;
  sale: string | undefined;
  refunds: string | undefined;
}

function skipSpace(s: string, i: number): number {
  let at = i;
  for (;;) {
    const c = s.charCodeAt(at);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
    else return at;
  }
}

/** The end of a string whose opening quote is at `i`, or -1. */
function stringEnd(s: string, i: number): number {
  for (let at = i + 1; at < s.length; at++) {
    const c = s.charCodeAt(at);
    if (c === 0x22) return at + 1;
    if (c === 0x5c) at++;
  }
  return -1;
}

/**
 * The end of the JSON value that starts at `i`, or -1: strings and brackets are matched,
 * anything else runs to the next delimiter. Only a guess at the value's extent: the text is
 * JSON only if `JSON.parse` of it succeeds (or it equals a text that did).
 */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 0x22) return stringEnd(s, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let at = i; at < s.length; at++) {
      const d = s.charCodeAt(at);
      if (d === 0x22) {
        at = stringEnd(s, at) - 1;
        if (at < 0) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  let at = i;
  for (; at < s.length; at++) {
    const d = s.charCodeAt(at);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x09 || d === 0x0d) break;
  }
  return at > i ? at : -1;
}

/**
 * The start of a line scanned before, up to the comma after its product and contracts (and
 * its policy, when it came first), and the members read in it: a line that starts with the
 * same text has the same members there, as the scan reads left to right and never beyond.
 */
let lastHead: { readonly text: string; readonly members: Members } | null = null;

/**
 * Splits `{"k": v, ...}` into the texts of its members when its keys are among the
 * document's, none twice and none escaped; `null` otherwise. The text is JSON exactly when
 * every member's text is (the rest was checked here), and `JSON.parse` of it then has these
 * members and no other.
 */
function scanMembers(s: string): Members | null {
  const head = lastHead;
  let members: Members;
  let i: number;
  let resumed = false;
  // A slice compared with `===` is a memory comparison; `startsWith` is several times slower.
  if (head !== null && s.slice(0, head.text.length) === head.text) {
    members = { ...head.members };
    i = skipSpace(s, head.text.length);
    resumed = true;
  } else {
    members = {
      policy: undefined,
      product: undefined,
      contracts: undefined,
      sale: undefined,
      refunds: undefined,
    };
    i = skipSpace(s, 0);
    if (s.charCodeAt(i) !== 0x7b) return null;
    i = skipSpace(s, i + 1);
  }
  for (;;) {
    if (s.charCodeAt(i) !== 0x22) return null;
    const keyEnd = s.indexOf('"', i + 1);
    if (keyEnd === -1) return null;
    const key = s.slice(i + 1, keyEnd);
    if (
      key !== 'policy' &&
      key !== 'product' &&
      key !== 'contracts' &&
      key !== 'sale' &&
      key !== 'refunds'
    ) {
      return null;
    }
    if (members[key] !== undefined) return null;
    i = skipSpace(s, keyEnd + 1);
    if (s.charCodeAt(i) !== 0x3a) return null;
    i = skipSpace(s, i + 1);
    const end = valueEnd(s, i);
    if (end === -1) return null;
    members[key] = s.slice(i, end);
    i = skipSpace(s, end);
    const c = s.charCodeAt(i);
    if (c === 0x2c) {
      const domainRead = members.product !== undefined && members.contracts !== undefined;
      if (!resumed && domainRead && members.sale === undefined && members.refunds === undefined) {
        lastHead = { text: s.slice(0, i + 1), members: { ...members } };
        resumed = true;
      }
      i = skipSpace(s, i + 1);
    } else if (c === 0x7d) return skipSpace(s, i + 1) === s.length ? members : null;
    else return null;
  }
}

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
function fastAnswer(line: string): string | null {
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

// ---------------------------------------------------------------------------------------------
// settle --jsonl: reading, the workers, writing in order
// ---------------------------------------------------------------------------------------------

/** The `workerData` of a worker thread this CLI starts (see the end of this file). */
const WORKER_MARK = 'cocreation settle --jsonl worker';

/** Below this much input the main thread answers alone: no worker would pay for its start. */
const PARALLEL_FROM_BYTES = 1 << 20;

/** Blocks handed out per worker and not yet written, past which reading pauses. */
const IN_FLIGHT_PER_WORKER = 4;

/** A block of whole lines sent to a worker: its place in the input, its bytes. */
interface BlockRequest {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly atStart: boolean;
}

/** A worker's answer to a block. */
interface BlockReply {
  readonly seq: number;
  /** The answers' text as UTF-8, in a buffer of its own (moved, not copied, to the reader). */
  readonly bytes: Uint8Array;
  readonly refused: boolean;
}

/**
 * One answer per input line, in order, in one process (specification §9). Lines are split on the
 * byte `\n` and each is decoded on its own, so a line that is not valid UTF-8 is answered
 * `invalid_json` and spoils no other. A `\r` just before the `\n` is dropped (CRLF files
 * work; JSON would skip it anyway); a last line without `\n` is answered too, and an empty
 * line is answered `invalid_json`; a byte-order mark is ignored only at the start of the
 * input. The input is cut into blocks of whole lines as it arrives (each chunk read up to its
 * last `\n`); a block is answered at once by this thread, or, with `jobs` above 1 and once
 * more than `parallelFrom` bytes were read, by the least busy of `jobs` worker threads. Answers are written block by block in input order, so an interactive caller that
 * writes one line and waits gets its answer at once, and a bulk caller gets large writes;
 * reading pauses while stdout is full or too many blocks are out.
 */
function runJsonl(
  input: Readable,
  name: string,
  jobs: number,
  parallelFrom: number,
): Promise<number> {
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    const busy: number[] = [];
    const answers = new Map<
      number,
      { readonly text: string | Uint8Array; readonly refused: boolean }
    >();
    let carry: Buffer[] = [];
    let readBytes = 0;
    let submitted = 0;
    let written = 0;
    let refused = false;
    let ended = false;
    let failed = false;
    let draining = false;
    let paused = false;
    let done = false;

    const finish = (code: number) => {
      if (done) return;
      done = true;
      for (const worker of workers) void worker.terminate();
      resolve(code);
    };
    const settleFlow = () => {
      if (done) return;
      if (ended) {
        if (written === submitted) {
          finish(failed ? EXIT_USAGE : refused ? EXIT_REFUSED : EXIT_SETTLED);
        }
        return;
      }
      const tooMany = submitted - written >= IN_FLIGHT_PER_WORKER * Math.max(1, workers.length);
      if (draining || tooMany) {
        if (!paused) input.pause();
        paused = true;
      } else if (paused) {
        paused = false;
        input.resume();
      }
    };
    const writeReady = () => {
      let full = false;
      for (let answer = answers.get(written); answer !== undefined; answer = answers.get(written)) {
        answers.delete(written);
        written++;
        if (answer.refused) refused = true;
        if (answer.text.length > 0 && !process.stdout.write(answer.text)) full = true;
      }
      if (full && !draining) {
        draining = true;
        process.stdout.once('drain', () => {
          draining = false;
          settleFlow();
        });
      }
      settleFlow();
    };
    const startWorkers = () => {
      for (let i = 0; i < jobs; i++) {
        const worker = new Worker(new URL(import.meta.url), { workerData: WORKER_MARK });
        const index = workers.length;
        worker.on('message', (reply: BlockReply) => {
          busy[index] = (busy[index] as number) - 1;
          answers.set(reply.seq, { text: reply.bytes, refused: reply.refused });
          writeReady();
        });
        worker.on('error', (cause) => {
          process.stderr.write(`cocreation: internal error: ${String(cause)}\n`);
          finish(EXIT_USAGE);
        });
        workers.push(worker);
        busy.push(0);
      }
    };
    const submit = (block: Buffer) => {
      const seq = submitted++;
      // Workers take a while to start: the block that starts them by default is answered here
      // meanwhile; when --jobs was given (parallelFrom 0) they answer every block.
      const starting = jobs > 1 && workers.length === 0 && readBytes >= parallelFrom;
      if (starting) startWorkers();
      if (workers.length === 0 || (starting && parallelFrom > 0)) {
        answers.set(seq, answerBlock(block, seq === 0));
        writeReady();
        return;
      }
      let pick = 0;
      for (let i = 1; i < workers.length; i++) {
        if ((busy[i] as number) < (busy[pick] as number)) pick = i;
      }
      busy[pick] = (busy[pick] as number) + 1;
      // A copy in a buffer of its own, moved (not copied again) to the worker.
      const bytes = new Uint8Array(block.length);
      bytes.set(block);
      const request: BlockRequest = { seq, bytes, atStart: seq === 0 };
      (workers[pick] as Worker).postMessage(request, [bytes.buffer]);
      settleFlow();
    };

    input.on('data', (chunk: Buffer | string) => {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      readBytes += piece.length;
      const last = piece.lastIndexOf(NEWLINE);
      if (last === -1) {
        carry.push(piece);
        return;
      }
      const head = piece.subarray(0, last + 1);
      const block = carry.length === 0 ? head : Buffer.concat([...carry, head]);
      carry = last + 1 < piece.length ? [piece.subarray(last + 1)] : [];
      submit(block);
    });
    input.on('end', () => {
      const rest = Buffer.concat(carry);
      carry = [];
      if (rest.length > 0) submit(rest);
      ended = true;
      settleFlow();
    });
    input.on('error', (cause) => {
      process.stderr.write(`cocreation: cannot read ${name}: ${cause.message}\n`);
      failed = true;
      ended = true;
      settleFlow();
    });
  });
}

const ENCODER = new TextEncoder();

/** A worker thread of `settle --jsonl`: answers the blocks it is sent, one reply per block. */
function serveBlocks(port: MessagePort): void {
  port.on('message', (request: BlockRequest) => {
    const answer = answerBlock(request.bytes, request.atStart);
    // Encoded here, in parallel, and moved: the main thread only writes the bytes.
    const bytes = ENCODER.encode(answer.text);
    const reply: BlockReply = { seq: request.seq, bytes, refused: answer.refused };
    port.postMessage(reply, [bytes.buffer]);
  });
}
async function main(args: ReadonlyArray<string>): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.kind === 'print') {
    await writeOut(parsed.text);
    return EXIT_SETTLED;
  }
  if (parsed.kind === 'usage') {
    process.stderr.write(`cocreation: ${parsed.message}\nTry 'cocreation --help'.\n`);
    return EXIT_USAGE;
  }
  const { invocation } = parsed;
  const input = openInput(invocation.file);
  if (typeof input === 'string') {
    process.stderr.write(`cocreation: ${input}\n`);
    return EXIT_USAGE;
  }
  const name = invocation.file ?? 'stdin';
  return invocation.jsonl
    ? runJsonl(input, name, invocation.jobs, invocation.parallelFrom)
    : runOne(invocation, input, name);
}

if (!isMainThread && workerData === WORKER_MARK && parentPort !== null) {
  serveBlocks(parentPort);
} else {
  // A reader that goes away (`| head -1`) is not an error of ours: stop quietly.
  process.stdout.on('error', (cause: NodeJS.ErrnoException) => {
    process.exit(cause.code === 'EPIPE' ? EXIT_SETTLED : EXIT_USAGE);
  });

  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (cause: unknown) => {
      process.stderr.write(`cocreation: internal error: ${String(cause)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
