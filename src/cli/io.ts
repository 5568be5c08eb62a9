/** The CLI's input and output: opening FILE or stdin, reading it whole, writing to stdout. */
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import type { Readable } from 'node:stream';

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

/** Opens the input (`null` for stdin), or explains why it cannot be read. */
export function openInput(file: string | null): Readable | string {
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
export function readAll(input: Readable, name: string): Promise<Buffer | null> {
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

/** Writes `text` to stdout; resolves once stdout took it (at once, or after its `drain`). */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
