import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../durable-file';

/**
 * Content-addressed file store beside the database: `attachments/ab/abcdef…` named by sha256.
 * Writes go to a temporary file, are fsynced and renamed into place, so a crash never leaves a
 * half-written file under a valid name; storing the same content twice is a no-op.
 */
export class AttachmentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) return sha256;
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    writeFileAtomically(target, bytes);
    return sha256;
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }
}
