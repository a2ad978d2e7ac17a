import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { receiveBody } from '../files/receive-body';
import {
  appendChunk,
  beginPut,
  type FileContext,
  fileState,
  finishPut,
  MAX_FILE_BYTES,
  type PutOutcome,
} from '../files/upload';
import { grantOf } from '../http/authenticate';
import { sendProblem } from '../http/problem';
import { answerPut } from './file-answers';

const SHA256 = /^[0-9a-f]{64}$/;
const ROUTE = '/api/v1/files/:sha256';

function shaParam(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const { sha256 } = request.params as { sha256?: string };
  if (sha256 !== undefined && SHA256.test(sha256)) return sha256;
  sendProblem(
    reply,
    400,
    'INVALID_SHA256',
    'Имя файла в пути — sha256 содержимого: 64 строчные шестнадцатеричные цифры',
  );
  return undefined;
}

/** A non-negative integer header, `undefined` when absent, `null` when malformed. */
function integerHeader(request: FastifyRequest, name: string): number | undefined | null {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value.trim())) return null;
  return Number(value.trim());
}

interface ActiveUpload {
  aborted: boolean;
  abort(): void;
  settled: Promise<void>;
}

/**
 * Content-addressed files of the organisation (protocol.ts). The PUT body is streamed into the
 * partial file as it arrives, so an upload cut off mid-way is resumed from HEAD's Upload-Offset.
 *   HEAD  200 + Content-Length (complete) | 206 + Upload-Offset (partial) | 404
 *   PUT   bytes from `Upload-Offset` (default 0; at most the stored partial's size, which is cut back
 *         to it); optional `Upload-Length` (the whole size) keeps the upload partial until reached,
 *         without it the body ends the file. 201 stored | 200 already stored | 202 + Upload-Offset
 *         partial | 409 + Upload-Offset gap | 413 over 15 MiB | 422 sha256 mismatch (partial discarded)
 *   GET   bytes | 404
 * A newer PUT of the same file supersedes (disconnects) one still in progress.
 */
export function filesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // The raw stream: the handler stores the body chunk by chunk and enforces the size itself.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  const active = new Map<string, ActiveUpload>();
  const files: FileContext = ctx;

  app.head(ROUTE, async (request, reply) => {
    const sha256 = shaParam(request, reply);
    if (!sha256) return reply;
    const state = fileState(files, grantOf(request).orgId, sha256);
    if (state.state === 'complete') return reply.code(200).header('content-length', String(state.size)).send();
    if (state.state === 'partial') return reply.code(206).header('upload-offset', String(state.offset)).send();
    return reply.code(404).send();
  });

  app.put(ROUTE, async (request, reply) => {
    const sha256 = shaParam(request, reply);
    if (!sha256) return reply;
    const offset = integerHeader(request, 'upload-offset');
    const length = integerHeader(request, 'upload-length');
    if (offset === null || length === null) {
      return sendProblem(
        reply,
        400,
        'BAD_REQUEST',
        'Заголовки Upload-Offset и Upload-Length — целые неотрицательные числа',
      );
    }
    const declared = integerHeader(request, 'content-length') ?? 0;
    if ((offset ?? 0) + declared > MAX_FILE_BYTES) {
      return answerPut(reply.header('connection', 'close'), sha256, {
        kind: 'too-large',
        size: (offset ?? 0) + declared,
      });
    }
    const body = request.body ?? Readable.from([]);
    if (!(body instanceof Readable)) {
      return sendProblem(
        reply,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Файл передаётся как Content-Type: application/octet-stream',
      );
    }
    const orgId = grantOf(request).orgId;
    const lockKey = `${orgId}\u0000${sha256}`;
    let release: () => void = () => {};
    let stopReceiving: () => void = () => {};
    const mine: ActiveUpload = {
      aborted: false,
      abort: () => {
        mine.aborted = true;
        stopReceiving();
        body.destroy();
      },
      settled: new Promise<void>((resolve) => {
        release = resolve;
      }),
    };
    const previous = active.get(lockKey);
    active.set(lockKey, mine);
    try {
      if (previous) {
        previous.abort();
        await previous.settled;
      }
      if (mine.aborted) return reply;
      const session = beginPut(files, { orgId, sha256, offset: offset ?? 0, length });
      if ('kind' in session) return answerPut(reply, sha256, session);
      let stopped: PutOutcome | undefined;
      const receiver = receiveBody(body, (chunk) => {
        stopped = appendChunk(files, session, chunk);
        return stopped === undefined;
      });
      stopReceiving = receiver.abort;
      const end = await receiver.done;
      if (stopped) return answerPut(reply.header('connection', 'close'), sha256, stopped);
      if (end === 'aborted') return reply;
      return answerPut(reply, sha256, finishPut(files, session));
    } finally {
      if (active.get(lockKey) === mine) active.delete(lockKey);
      release();
    }
  });

  app.get(ROUTE, async (request, reply) => {
    const sha256 = shaParam(request, reply);
    if (!sha256) return reply;
    const state = fileState(files, grantOf(request).orgId, sha256);
    if (state.state !== 'complete') return sendProblem(reply, 404, 'FILE_NOT_FOUND', 'Файл не найден');
    return reply
      .type('application/octet-stream')
      .header('content-length', String(state.size))
      .header('etag', `"${sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .send(ctx.blobs.open(sha256));
  });
}
