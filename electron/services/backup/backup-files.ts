import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../../../db/open';
import {
  type BackupInfo,
  type BackupManifest,
  type BackupVerification,
  backupManifestSchema,
  backupVerificationSchema,
} from '../../../shared/backup/schema';
import { writeFileAtomically } from '../durable-file';

/** Layout of `<data>/backups/<id>/`: appeals.db, attachments/ab/<sha256>, manifest.json, verification.json. */
export const BACKUPS_DIR = 'backups';
export const MANIFEST = 'manifest.json';
export const VERIFICATION = 'verification.json';
/** A backup being made; renamed to its id once complete, so a listed backup is always whole. */
export const PARTIAL_SUFFIX = '.partial';
/** The database a restore is about to swap in; renamed over appeals.db in one step. */
export const RESTORE_TEMP = `${DB_FILE}.restore`;
/** The database an encryption or decryption is about to swap in (decision 014), the same way. */
export const MIGRATION_TEMP = `${DB_FILE}.migrating`;
const ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;
export const SHA256_NAME = /^[0-9a-f]{64}$/;

export const backupsRoot = (dataDir: string) => join(dataDir, BACKUPS_DIR);
export const backupDir = (dataDir: string, id: string) => join(backupsRoot(dataDir), id);

/** A backup id is its UTC creation time, safe in file names and sorted by time. */
export function backupId(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function isBackupId(id: string): boolean {
  return ID.test(id);
}

/** fsync of a file or a folder (a rename is durable only once its folder is synced). */
export function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows folders) refuse fsync on a directory; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}

/** Writes a small file durably: temp, fsync, rename, then fsync of the folder (the rename itself). */
export function writeFileDurably(path: string, text: string): void {
  writeFileAtomically(path, text);
  fsyncPath(join(path, '..'));
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files of a content-addressed store (`ab/<sha256>`), temp files left out. */
export function storeFiles(root: string): { sha256: string; path: string; bytes: number }[] {
  if (!existsSync(root)) return [];
  const out: { sha256: string; path: string; bytes: number }[] = [];
  for (const prefix of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(root, prefix))) {
      if (!SHA256_NAME.test(name) || !name.startsWith(prefix)) continue;
      const path = join(root, prefix, name);
      out.push({ sha256: name, path, bytes: statSync(path).size });
    }
  }
  return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

export function readManifest(dir: string): BackupManifest {
  return backupManifestSchema.parse(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')));
}

export function readVerification(dir: string): BackupVerification | null {
  const path = join(dir, VERIFICATION);
  if (!existsSync(path)) return null;
  const parsed = backupVerificationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : null;
}

export function infoOf(manifest: BackupManifest, verification: BackupVerification | null): BackupInfo {
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    reason: manifest.reason,
    dbBytes: manifest.db.bytes,
    files: manifest.files.length,
    fileBytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0),
    appeals: manifest.appeals,
    verification,
  };
}

/** Complete backups, newest first; a folder whose manifest cannot be read is listed as failed. */
export function listBackups(dataDir: string): BackupInfo[] {
  const root = backupsRoot(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter(isBackupId)
    .sort()
    .reverse()
    .map((id) => {
      const dir = join(root, id);
      try {
        return infoOf(readManifest(dir), readVerification(dir));
      } catch {
        const problems = ['манифест копии отсутствует или повреждён'];
        return {
          id,
          createdAt: '',
          reason: 'manual' as const,
          dbBytes: 0,
          files: 0,
          fileBytes: 0,
          appeals: 0,
          verification: { ok: false, checkedAt: '', problems },
        };
      }
    });
}

/**
 * What an interrupted backup or restore left behind: `*.partial` backup folders and the restore's
 * temporary database (the swap had not happened, so the old database is the current one). Run before
 * the data folder is used.
 */
export function cleanInterrupted(dataDir: string): void {
  rmSync(join(dataDir, RESTORE_TEMP), { force: true });
  rmSync(join(dataDir, MIGRATION_TEMP), { force: true });
  const root = backupsRoot(dataDir);
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    if (name.endsWith(PARTIAL_SUFFIX) || name.endsWith('.deleting')) {
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}
