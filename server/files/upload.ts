import { createHash } from 'node:crypto';
import { MAX_FILE_BYTES } from '../../shared/validation/files';
import { ownedFileSize, recordOwnedFile } from '../store/files';
import type { Sqlite } from '../store/open-store';
import { type BlobStore, partialKey } from './blob-store';

export { MAX_FILE_BYTES };

export interface FileContext {
  db: Sqlite;
  blobs: BlobStore;
  clock: () => Date;
}

export type FileState = { state: 'complete'; size: number } | { state: 'partial'; offset: number } | { state: 'none' };

export function fileState(ctx: FileContext, orgId: string, sha256: string): FileState {
  const size = ownedFileSize(ctx.db, orgId, sha256);
  if (size !== undefined) return { state: 'complete', size };
  const offset = ctx.blobs.partialSize(partialKey(orgId, sha256));
  return offset > 0 ? { state: 'partial', offset } : { state: 'none' };
}

export interface PutRequest {
  orgId: string;
  sha256: string;
  /** `Upload-Offset`: where the body starts; 0 for a fresh upload. */
  offset: number;
  /** `Upload-Length`: the whole file's size; absent = the body ends the file. */
  length: number | undefined;
}

/** An upload in progress: the body's chunks go straight to the partial file as they arrive. */
export interface UploadSession {
  orgId: string;
  sha256: string;
  key: string;
  length: number | undefined;
  /** Bytes of the file stored so far (offset + body bytes received). */
  end: number;
}

export type PutOutcome =
  | { kind: 'complete'; size: number; created: boolean }
  | { kind: 'partial'; offset: number }
  | { kind: 'offset-mismatch'; offset: number }
  | { kind: 'length-mismatch'; end: number; length: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'sha-mismatch'; actual: string };

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks a PUT before its body is read. The body may start at or before the end of the stored partial
 * (the partial is cut back to `offset`: a client resending bytes it is unsure of), never after it.
 * A file already complete is acknowledged without reading the body.
 */
export function beginPut(ctx: FileContext, req: PutRequest): UploadSession | PutOutcome {
  const existing = ownedFileSize(ctx.db, req.orgId, req.sha256);
  if (existing !== undefined) return { kind: 'complete', size: existing, created: false };
  const key = partialKey(req.orgId, req.sha256);
  const stored = ctx.blobs.partialSize(key);
  if (req.offset > stored) return { kind: 'offset-mismatch', offset: stored };
  if (req.length !== undefined && req.length > MAX_FILE_BYTES) {
    ctx.blobs.discardPartial(key);
    return { kind: 'too-large', size: req.length };
  }
  if (req.length !== undefined && req.offset > req.length) {
    return { kind: 'length-mismatch', end: req.offset, length: req.length };
  }
  ctx.blobs.truncatePartial(key, req.offset);
  return { orgId: req.orgId, sha256: req.sha256, key, length: req.length, end: req.offset };
}

/** Appends one chunk of the body; a non-undefined answer ends the upload (nothing more is stored). */
export function appendChunk(ctx: FileContext, session: UploadSession, chunk: Uint8Array): PutOutcome | undefined {
  const end = session.end + chunk.length;
  if (end > MAX_FILE_BYTES) {
    ctx.blobs.discardPartial(session.key);
    return { kind: 'too-large', size: end };
  }
  if (session.length !== undefined && end > session.length) {
    return { kind: 'length-mismatch', end, length: session.length };
  }
  ctx.blobs.appendPartial(session.key, chunk);
  session.end = end;
  return undefined;
}

/**
 * The body ended. Short of `Upload-Length` the upload stays partial; otherwise the whole file is
 * hashed: a match stores it content-addressed and records that the organisation owns it, a mismatch
 * discards the partial so the client starts over.
 */
export function finishPut(ctx: FileContext, session: UploadSession): PutOutcome {
  if (session.length !== undefined && session.end < session.length) return { kind: 'partial', offset: session.end };
  const whole = ctx.blobs.readPartial(session.key);
  const actual = sha256Of(whole);
  if (actual !== session.sha256) {
    ctx.blobs.discardPartial(session.key);
    return { kind: 'sha-mismatch', actual };
  }
  ctx.blobs.put(session.sha256, whole);
  recordOwnedFile(ctx.db, session.orgId, session.sha256, whole.length, ctx.clock());
  ctx.blobs.discardPartial(session.key);
  return { kind: 'complete', size: whole.length, created: true };
}

/** Stores a whole file for an organisation (simulation, tests): returns its sha256. */
export function storeWholeFile(ctx: FileContext, orgId: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`file of ${bytes.length} bytes exceeds ${MAX_FILE_BYTES}`);
  const sha256 = sha256Of(bytes);
  ctx.blobs.put(sha256, bytes);
  recordOwnedFile(ctx.db, orgId, sha256, bytes.length, ctx.clock());
  return sha256;
}
