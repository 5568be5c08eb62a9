/** The command line, read: the command, its options and its FILE, or what to print instead. */
import { availableParallelism } from 'node:os';
// No import attribute: esbuild then keeps only `version` of package.json in the bundle.
import { version } from '../../package.json';
import { isLocale, LOCALES, type Locale } from '../locales/catalogs';

/** `--jobs` when not given: one thread per core the process may use. */
const DEFAULT_JOBS = availableParallelism();
const MAX_JOBS = 64;

/** Below this much input the main thread answers alone: no worker would pay for its start. */
const PARALLEL_FROM_BYTES = 1 << 20;

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

/** What to run: a command, its options, its input. */
export interface Invocation {
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

interface Usage {
  readonly kind: 'usage';
  readonly message: string;
}

/** The command line, read: a command to run, a text to print, or a usage error. */
export type Parsed =
  | { readonly kind: 'run'; readonly invocation: Invocation }
  | { readonly kind: 'print'; readonly text: string }
  | Usage;

/** The options after the command, as given (before their combination is checked). */
interface Options {
  readonly jsonl: boolean;
  readonly locale: Locale | undefined;
  readonly jobs: number | undefined;
  readonly files: ReadonlyArray<string>;
}

const usage = (message: string): Usage => ({ kind: 'usage', message });

/** Reads the command line; `--help` and `--version` win wherever they are before `--`. */
export function parseArgs(args: ReadonlyArray<string>): Parsed {
  const dashes = args.indexOf('--');
  const options = dashes === -1 ? args : args.slice(0, dashes);
  if (options.includes('-h') || options.includes('--help')) return { kind: 'print', text: HELP };
  if (options.includes('-v') || options.includes('--version') || options.includes('-V')) {
    return { kind: 'print', text: `${version}\n` };
  }
  const [command, ...rest] = args;
  if (command === undefined) return usage('missing command');
  if (command === 'help') return { kind: 'print', text: HELP };
  if (command !== 'settle' && command !== 'explain') {
    return usage(`unknown command "${command}"`);
  }
  const read = readOptions(rest);
  if ('kind' in read) return read;
  const misplaced = misplacedOption(command, read);
  if (misplaced !== null) return usage(misplaced);
  if (read.files.length > 1) return usage('expected at most one FILE');
  const file = read.files[0] === undefined || read.files[0] === '-' ? null : read.files[0];
  return {
    kind: 'run',
    invocation: {
      command,
      jsonl: read.jsonl,
      locale: read.locale ?? 'en',
      jobs: read.jobs ?? DEFAULT_JOBS,
      parallelFrom: read.jobs === undefined ? PARALLEL_FROM_BYTES : 0,
      file,
    },
  };
}

/** The options and files after the command, left to right; the first bad one is the error. */
function readOptions(rest: ReadonlyArray<string>): Options | Usage {
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
      const value = readLocale(localeArg ?? rest[++i]);
      if (typeof value !== 'string') return value;
      locale = value;
    } else if (!endOfOptions && (arg === '--jobs' || jobsArg !== undefined)) {
      const value = readJobs(jobsArg ?? rest[++i]);
      if (typeof value !== 'number') return value;
      jobs = value;
    } else if (!endOfOptions && arg.startsWith('-') && arg !== '-') {
      return usage(`unknown option "${arg}"`);
    } else files.push(arg);
  }
  return { jsonl, locale, jobs, files };
}

function readLocale(value: string | undefined): Locale | Usage {
  if (isLocale(value)) return value;
  const known = LOCALES.map((l) => `"${l}"`).join(', ');
  return usage(`--locale expects one of ${known}`);
}

function readJobs(value: string | undefined): number | Usage {
  const count = value !== undefined && /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : 0;
  if (count < 1 || count > MAX_JOBS) {
    return usage(`--jobs expects a whole number from 1 to ${MAX_JOBS}`);
  }
  return count;
}

/** The complaint about an option given to a command it does not belong to, or `null`. */
function misplacedOption(command: Invocation['command'], options: Options): string | null {
  if (options.jsonl && command === 'explain') {
    return '--jsonl is an option of settle, not of explain';
  }
  if (options.locale !== undefined && command !== 'explain') {
    return '--locale is an option of explain: the JSON never changes';
  }
  if (options.jobs !== undefined && !(command === 'settle' && options.jsonl)) {
    return '--jobs is an option of settle --jsonl';
  }
  return null;
}
