import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryBlobStore } from '../../../server/files/blob-store';
import {
  appendChunk,
  beginPut,
  type FileContext,
  fileState,
  finishPut,
  type UploadSession,
} from '../../../server/files/upload';
import { openCentralDatabase } from '../../../server/store/open-store';
import { upsertOrganisations } from '../../../server/store/organisations';

let ctx: FileContext;
afterEach(() => ctx?.db.close());

function setup(): FileContext {
  const db = openCentralDatabase(null);
  upsertOrganisations(db, [{ id: 'o', name: 'Орг', regIndex: 'ОГ', numberingPattern: '{seq}' }]);
  ctx = { db, blobs: memoryBlobStore(), clock: () => new Date('2026-03-10T12:00:00Z') };
  return ctx;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = Buffer.from('%PDF-1.4 0123456789abcdefghij');

function session(c: FileContext, offset: number, length?: number): UploadSession {
  const s = beginPut(c, { orgId: 'o', sha256: sha(bytes), offset, length });
  if ('kind' in s) throw new Error(`expected a session, got ${s.kind}`);
  return s;
}

describe('resumable upload state machine', () => {
  it('grows a partial chunk by chunk and completes it when the sha256 matches', () => {
    const c = setup();
    const s = session(c, 0, bytes.length);
    expect(appendChunk(c, s, bytes.subarray(0, 10))).toBeUndefined();
    expect(finishPut(c, s)).toEqual({ kind: 'partial', offset: 10 });
    expect(fileState(c, 'o', sha(bytes))).toEqual({ state: 'partial', offset: 10 });
    const rest = session(c, 10);
    appendChunk(c, rest, bytes.subarray(10, 20));
    appendChunk(c, rest, bytes.subarray(20));
    expect(finishPut(c, rest)).toEqual({ kind: 'complete', size: bytes.length, created: true });
    expect(fileState(c, 'o', sha(bytes))).toEqual({ state: 'complete', size: bytes.length });
    expect(fileState(c, 'other', sha(bytes))).toEqual({ state: 'none' });
    expect(beginPut(c, { orgId: 'o', sha256: sha(bytes), offset: 0, length: undefined })).toEqual({
      kind: 'complete',
      size: bytes.length,
      created: false,
    });
  });

  it('refuses an offset beyond the partial, cuts the partial back to an earlier one', () => {
    const c = setup();
    const s = session(c, 0, bytes.length);
    appendChunk(c, s, bytes.subarray(0, 12));
    expect(beginPut(c, { orgId: 'o', sha256: sha(bytes), offset: 13, length: undefined })).toEqual({
      kind: 'offset-mismatch',
      offset: 12,
    });
    session(c, 5);
    expect(fileState(c, 'o', sha(bytes))).toEqual({ state: 'partial', offset: 5 });
  });

  it('discards the partial on a sha256 mismatch and beyond 15 MiB', () => {
    const c = setup();
    const s = session(c, 0);
    appendChunk(c, s, Buffer.from('something else'));
    expect(finishPut(c, s)).toMatchObject({ kind: 'sha-mismatch' });
    expect(fileState(c, 'o', sha(bytes))).toEqual({ state: 'none' });
    const big = session(c, 0, 15 * 1024 * 1024);
    expect(appendChunk(c, big, Buffer.alloc(15 * 1024 * 1024))).toBeUndefined();
    expect(appendChunk(c, big, Buffer.alloc(1))).toMatchObject({ kind: 'too-large' });
    expect(fileState(c, 'o', sha(bytes))).toEqual({ state: 'none' });
    expect(beginPut(c, { orgId: 'o', sha256: sha(bytes), offset: 0, length: 15 * 1024 * 1024 + 1 })).toMatchObject({
      kind: 'too-large',
    });
  });

  it('refuses bytes past the declared Upload-Length', () => {
    const c = setup();
    const s = session(c, 0, 5);
    expect(appendChunk(c, s, bytes.subarray(0, 6))).toEqual({ kind: 'length-mismatch', end: 6, length: 5 });
  });
});
