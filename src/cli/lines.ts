/**
 * `settle --jsonl`: the answers to a block of whole lines, one line of JSON each, as the main
 * thread and the worker threads both give them.
 */

import { parseDocumentText, readDocumentBytes } from '../wire/document';
import type { SettleOutputJson } from '../wire/json';
import { settleResultToJson } from '../wire/print';
import { settleDocument } from '../wire/settle-document';
import { fastAnswer } from './fast-path';

export const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/** How every refusal is printed: `JSON.stringify` keeps the key order of the output. */
const REFUSED = '{"ok":false';

/** The answers to a block of lines: their text (each ends with `\n`), and whether any refused. */
export interface BlockAnswer {
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
export function answerBlock(bytes: Uint8Array, atStart: boolean): BlockAnswer {
  const text = decodeStrict(bytes);
  return text !== null ? answerTextLines(text, atStart) : answerByteLines(bytes, atStart);
}

/** {@link answerBlock} of a block that decoded as UTF-8. */
function answerTextLines(text: string, atStart: boolean): BlockAnswer {
  const out: string[] = [];
  let refused = false;
  let first = atStart;
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

/** {@link answerBlock} of a block that is not UTF-8 as a whole: each line decoded on its own. */
function answerByteLines(bytes: Uint8Array, atStart: boolean): BlockAnswer {
  const out: string[] = [];
  let refused = false;
  let first = atStart;
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
