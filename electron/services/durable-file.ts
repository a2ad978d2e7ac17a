import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Writes a file so that a crash never leaves it half-written under its name: a temporary file beside
 * it, fsynced, renamed into place (atomic on POSIX and NTFS).
 */
export function writeFileAtomically(target: string, bytes: Uint8Array | string): void {
  const temp = `${target}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}
