/**
 * `settle --jsonl --jobs N`: what the main thread and its worker threads say to each other, and
 * the worker's side of it. The workers run the CLI's own script (see main.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { answerBlock } from './lines';

/** The `workerData` of a worker thread this CLI starts. */
export const WORKER_MARK = 'cocreation settle --jsonl worker';

/** A block of whole lines sent to a worker: its place in the input, its bytes. */
export interface BlockRequest {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly atStart: boolean;
}

/** A worker's answer to a block. */
export interface BlockReply {
  readonly seq: number;
  /** The answers' text as UTF-8, in a buffer of its own (moved, not copied, to the reader). */
  readonly bytes: Uint8Array;
  readonly refused: boolean;
}

const ENCODER = new TextEncoder();

/** A worker thread of `settle --jsonl`: answers the blocks it is sent, one reply per block. */
export function serveBlocks(port: MessagePort): void {
  port.on('message', (request: BlockRequest) => {
    const answer = answerBlock(request.bytes, request.atStart);
    // Encoded here, in parallel, and moved: the main thread only writes the bytes.
    const bytes = ENCODER.encode(answer.text);
    const reply: BlockReply = { seq: request.seq, bytes, refused: answer.refused };
    port.postMessage(reply, [bytes.buffer]);
  });
}
