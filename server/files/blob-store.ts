import { createHash, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed bytes (sha256) plus partial uploads. Synchronous calls, so each chunk of an upload
 * is appended in one turn of the event loop (routes/files.ts serialises uploads of one file). Complete blobs
 * are shared (deduplicated) between organisations; which organisation owns a file is recorded in
 * the `files` table. Partial uploads are keyed per organisation (`partialKey`).
 */
export interface BlobStore {
  has(sha256: string): boolean;
  /** Stores a complete blob whose hash the caller has verified (no-op when present). */
  put(sha256: string, bytes: Uint8Array): void;
  /** The first `n` bytes (fewer when the blob is shorter); empty when absent. */
  readHead(sha256: string, n: number): Uint8Array;
  open(sha256: string): Buffer | Readable;
  partialSize(key: string): number;
  appendPartial(key: string, bytes: Uint8Array): void;
  /** Cuts the partial upload back to `size` bytes (a client resuming from an earlier offset). */
  truncatePartial(key: string, size: number): void;
  readPartial(key: string): Buffer;
  discardPartial(key: string): void;
}

/** The key of an organisation's partial upload of one file: safe as a file name whatever the org id is. */
export function partialKey(orgId: string, sha256: string): string {
  return `${createHash('sha256').update(orgId).digest('hex').slice(0, 16)}-${sha256}`;
}

export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, Buffer>();
  // Chunks, not one growing Buffer: a 15 MiB upload arrives in ~240 chunks.
  const partials = new Map<string, { chunks: Buffer[]; size: number }>();
  const whole = (key: string) => {
    const p = partials.get(key);
    if (!p) return Buffer.alloc(0);
    const bytes = Buffer.concat(p.chunks);
    p.chunks = [bytes];
    return bytes;
  };
  return {
    has: (sha) => blobs.has(sha),
    put: (sha, bytes) => {
      if (!blobs.has(sha)) blobs.set(sha, Buffer.from(bytes));
    },
    readHead: (sha, n) => blobs.get(sha)?.subarray(0, n) ?? new Uint8Array(0),
    open: (sha) => blobs.get(sha) ?? Buffer.alloc(0),
    partialSize: (key) => partials.get(key)?.size ?? 0,
    appendPartial: (key, bytes) => {
      const p = partials.get(key) ?? { chunks: [], size: 0 };
      p.chunks.push(Buffer.from(bytes));
      p.size += bytes.length;
      partials.set(key, p);
    },
    truncatePartial: (key, size) => {
      if (size === 0) partials.delete(key);
      else if ((partials.get(key)?.size ?? 0) > size)
        partials.set(key, { chunks: [whole(key).subarray(0, size)], size });
    },
    readPartial: whole,
    discardPartial: (key) => {
      partials.delete(key);
    },
  };
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `<root>/blobs/ab/abcd…` (complete), `<root>/partial/<key>.part`, written via `<root>/tmp` and rename. */
export function diskBlobStore(root: string): BlobStore {
  const blobDir = join(root, 'blobs');
  const partialDir = join(root, 'partial');
  const tmpDir = join(root, 'tmp');
  for (const dir of [blobDir, partialDir, tmpDir]) mkdirSync(dir, { recursive: true });
  const blobPath = (sha: string) => join(blobDir, sha.slice(0, 2), sha);
  const partialPath = (key: string) => join(partialDir, `${key}.part`);
  return {
    has: (sha) => existsSync(blobPath(sha)),
    put: (sha, bytes) => {
      const target = blobPath(sha);
      if (existsSync(target)) return;
      mkdirSync(join(blobDir, sha.slice(0, 2)), { recursive: true });
      const tmp = join(tmpDir, `${sha}.${randomBytes(6).toString('hex')}`);
      writeDurably(tmp, bytes);
      renameSync(tmp, target);
    },
    readHead: (sha, n) => {
      const path = blobPath(sha);
      if (!existsSync(path)) return new Uint8Array(0);
      const fd = openSync(path, 'r');
      try {
        const buf = Buffer.alloc(n);
        const read = readSync(fd, buf, 0, n, 0);
        return buf.subarray(0, read);
      } finally {
        closeSync(fd);
      }
    },
    open: (sha) => createReadStream(blobPath(sha)),
    partialSize: (key) => {
      const path = partialPath(key);
      return existsSync(path) ? statSync(path).size : 0;
    },
    appendPartial: (key, bytes) => appendFileSync(partialPath(key), bytes),
    truncatePartial: (key, size) => {
      const path = partialPath(key);
      if (size === 0) rmSync(path, { force: true });
      else if (existsSync(path) && statSync(path).size > size) truncateSync(path, size);
    },
    readPartial: (key) => {
      const path = partialPath(key);
      return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    },
    discardPartial: (key) => rmSync(partialPath(key), { force: true }),
  };
}
