/**
 * The command-line oracle (specification §9). Thin: it reads text, asks src/wire/json.ts (and
 * src/wire/explain.ts) for the answer, and writes it. Every rule lives in the library.
 */
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import type { Readable } from 'node:stream';
// No import attribute: esbuild then keeps only `version` of package.json in the bundle.
import { version } from '../package.json';
import { isLocale, LOCALES, type Locale } from './locales/locale';
import { explain } from './wire/explain';
import {
  parseDocumentBytes,
  readDocumentBytes,
  settleDocument,
  settleResultToJson,
} from './wire/json';

const EXIT_SETTLED = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

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
  explain [FILE|-]         print a human-readable breakdown of one document's
                           settlement and refunds (on refusal: the JSON errors)
  explain --locale L       the breakdown in L: ${LOCALES.join(', ')} (default en);
                           the JSON output never changes with the locale

Options:
  --jsonl                  one document per line, one result per line (settle only)
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
  let endOfOptions = false;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const localeArg = arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (!endOfOptions && arg === '--') endOfOptions = true;
    else if (!endOfOptions && arg === '--jsonl') jsonl = true;
    else if (!endOfOptions && (arg === '--locale' || localeArg !== undefined)) {
      const value = localeArg ?? rest[++i];
      if (!isLocale(value)) {
        const known = LOCALES.map((l) => `"${l}"`).join(', ');
        return { kind: 'usage', message: `--locale expects one of ${known}` };
      }
      locale = value;
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
  if (files.length > 1) return { kind: 'usage', message: 'expected at most one FILE' };
  const file = files[0] === undefined || files[0] === '-' ? null : files[0];
  return { kind: 'run', invocation: { command, jsonl, locale: locale ?? 'en', file } };
}

/** Opens the input, or explains why it cannot be read. */
function openInput(file: string | null): Readable | string {
  if (file === null) return process.stdin;
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
  return createReadStream('', { fd });
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

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * One answer per input line, in order, in one process (specification §9). Lines are split on the
 * byte `\n` and each is decoded on its own, so a line that is not valid UTF-8 is answered
 * `invalid_json` and spoils no other. A `\r` just before the `\n` is dropped (CRLF files
 * work; JSON would skip it anyway); a last line without `\n` is answered too, and an empty
 * line is answered `invalid_json`; a byte-order mark is ignored only at the start of the
 * input. Answers are buffered per input chunk, so an interactive caller that writes one line
 * and waits gets its answer at once, and a bulk caller gets large writes; reading pauses
 * while stdout is full.
 */
function runJsonl(input: Readable, name: string): Promise<number> {
  return new Promise((resolve) => {
    let partial: Buffer[] = [];
    let out: string[] = [];
    let refused = false;
    let first = true;
    let done = false;

    const answer = (line: Buffer) => {
      const end = line[line.length - 1] === CARRIAGE_RETURN ? line.length - 1 : line.length;
      const result = readDocumentBytes(line.subarray(0, end), first);
      first = false;
      const output = settleResultToJson(result.andThen(settleDocument));
      if (!output.ok) refused = true;
      out.push(JSON.stringify(output), '\n');
    };
    const flush = () => {
      if (out.length === 0) return;
      const chunk = out.join('');
      out = [];
      if (!process.stdout.write(chunk)) {
        input.pause();
        process.stdout.once('drain', () => {
          if (!done) input.resume();
        });
      }
    };
    const finish = (code: number) => {
      if (done) return;
      done = true;
      resolve(code);
    };

    input.on('data', (chunk: Buffer | string) => {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let start = 0;
      for (let nl = piece.indexOf(NEWLINE); nl !== -1; nl = piece.indexOf(NEWLINE, start)) {
        partial.push(piece.subarray(start, nl));
        answer(partial.length === 1 ? (partial[0] as Buffer) : Buffer.concat(partial));
        partial = [];
        start = nl + 1;
      }
      if (start < piece.length) partial.push(piece.subarray(start));
      flush();
    });
    input.on('end', () => {
      const last = Buffer.concat(partial);
      if (last.length > 0) answer(last);
      flush();
      finish(refused ? EXIT_REFUSED : EXIT_SETTLED);
    });
    input.on('error', (cause) => {
      flush();
      process.stderr.write(`cocreation: cannot read ${name}: ${cause.message}\n`);
      finish(EXIT_USAGE);
    });
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
  return invocation.jsonl ? runJsonl(input, name) : runOne(invocation, input, name);
}

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
