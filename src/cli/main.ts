/**
 * The command-line oracle (specification §9), the `cocreation` bin. Thin: it reads the
 * arguments, reads text, asks the wire functions of src/wire/ (reading, settling, printing,
 * explaining) for the answer, and writes it. Every rule lives in the library. Built into one file, dist/cli.js, which is also
 * the script the worker threads of `settle --jsonl` run.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from './args';
import { EXIT_SETTLED, EXIT_USAGE } from './exit';
import { openInput, writeOut } from './io';
import { runJsonl } from './jsonl';
import { runOne } from './one-document';
import { serveBlocks, WORKER_MARK } from './workers';

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
  if (!invocation.jsonl) return runOne(invocation, input, name);
  const { jobs, parallelFrom } = invocation;
  return runJsonl(input, name, { jobs, parallelFrom, workerScript: new URL(import.meta.url) });
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
