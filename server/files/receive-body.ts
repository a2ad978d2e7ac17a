import type { Readable } from 'node:stream';

/** How a request body ended: completely, cut off by the client (or by `abort`), or stopped by us. */
export type BodyEnd = 'end' | 'aborted' | 'stopped';

export interface BodyReceiver {
  done: Promise<BodyEnd>;
  /** Drops the connection (a newer PUT of the same file supersedes this one). */
  abort(): void;
}

/**
 * Feeds a request body to `onChunk` as it arrives; `onChunk` answering false stops storing (the rest
 * is drained and discarded, so the error answer still reaches the client). Bytes handed over before
 * an abort stay handed over: that is what makes an interrupted upload resumable.
 */
export function receiveBody(stream: Readable, onChunk: (chunk: Buffer) => boolean): BodyReceiver {
  let settle: (end: BodyEnd) => void = () => {};
  const done = new Promise<BodyEnd>((resolve) => {
    settle = resolve;
  });
  let finished = false;
  const finish = (end: BodyEnd) => {
    if (finished) return;
    finished = true;
    stream.off('data', onData);
    settle(end);
  };
  function onData(chunk: Buffer | string) {
    if (finished) return;
    if (!onChunk(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
      finish('stopped');
      stream.resume();
    }
  }
  stream.on('data', onData);
  stream.once('end', () => finish('end'));
  stream.once('error', () => finish('aborted'));
  stream.once('close', () => finish(stream.readableEnded ? 'end' : 'aborted'));
  if (stream.readableEnded) finish('end');
  return {
    done,
    abort: () => {
      finish('aborted');
      stream.destroy();
    },
  };
}
