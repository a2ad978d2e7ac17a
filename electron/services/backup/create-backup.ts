import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, isPlainDatabaseFile, openDatabaseFile } from '../../../db/cipher';
import { DB_FILE, type WorkingCopy } from '../../../db/open';
import { BACKUP_FORMAT, type BackupManifest, type BackupReason } from '../../../shared/backup/schema';
import { toMinskIso } from '../../../shared/calendar';
import {
  backupDir,
  backupId,
  backupsRoot,
  fsyncPath,
  MANIFEST,
  PARTIAL_SUFFIX,
  sha256File,
  storeFiles,
  writeFileDurably,
} from './backup-files';
import { referencedFiles } from './verify-backup';

export interface BackupSource {
  dataDir: string;
  store: WorkingCopy;
  version: string;
  /** The data key (decision 014): an encrypted database is backed up encrypted with it. */
  keys?: { key(): Buffer | null };
}

/** A store file into the backup: a hard link where possible (the files are immutable), else a copy. */
function placeFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    fsyncPath(to);
  }
}

/**
 * One online backup: the SQLite backup API copies the live database page by page while the app keeps
 * working; then every file of the attachment store is placed beside it and a manifest lists them with
 * their sizes and the database's sha256. Everything is made in `<id>.partial` and renamed into place at
 * the end, so a crash leaves no half backup under a valid name. Verification is the caller's next step.
 */
export async function createBackupDir(source: BackupSource, reason: BackupReason, now: Date): Promise<BackupManifest> {
  let at = now.getTime();
  while (existsSync(backupDir(source.dataDir, backupId(new Date(at))))) at += 1;
  const id = backupId(new Date(at));
  const final = backupDir(source.dataDir, id);
  const partial = `${final}${PARTIAL_SUFFIX}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(partial, 'attachments'), { recursive: true });
  const dbPath = join(partial, DB_FILE);
  const key = source.keys?.key() ?? null;
  if (isPlainDatabaseFile(join(source.dataDir, DB_FILE))) {
    await source.store.sqlite.backup(dbPath);
    fsyncPath(dbPath);
  } else {
    // SQLite's backup API refuses to copy between differently encrypted connections; VACUUM INTO is
    // the online copy of an encrypted database, encrypted with the same key.
    if (!key) throw new Error('ключ шифрования не задан');
    copyDatabase(source.store.sqlite, key, dbPath, key);
  }
  // The copy keeps the live database's WAL mode; a rollback journal instead lets it be opened read-only
  // (verification, restore) without -wal/-shm files appearing beside it, and its sha256 stays put.
  const snapshot = openDatabaseFile(dbPath, key);
  let appeals = 0;
  let referenced: Set<string>;
  try {
    snapshot.pragma('journal_mode = DELETE');
    appeals = (snapshot.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n;
    referenced = referencedFiles(snapshot);
  } finally {
    snapshot.close();
  }
  // Files are only ever added to the store, so every file the snapshot refers to is there by now.
  const files = storeFiles(join(source.dataDir, 'attachments'));
  for (const file of files) {
    const folder = join(partial, 'attachments', file.sha256.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    placeFile(file.path, join(folder, file.sha256));
  }
  const present = new Set(files.map((f) => f.sha256));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    id,
    createdAt: toMinskIso(now),
    reason,
    appVersion: source.version,
    db: { file: DB_FILE, bytes: statSync(dbPath).size, sha256: sha256File(dbPath) },
    appeals,
    files: files.map((f) => ({ sha256: f.sha256, bytes: f.bytes })),
    absentAtSource: [...referenced].filter((sha) => !present.has(sha)).sort(),
  };
  writeFileDurably(join(partial, MANIFEST), JSON.stringify(manifest, null, 2));
  renameSync(partial, final);
  fsyncPath(backupsRoot(source.dataDir));
  return manifest;
}
