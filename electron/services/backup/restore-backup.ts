import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, isPlainDatabaseFile, openDatabaseFile } from '../../../db/cipher';
import { DB_FILE, type OpenOptions, openDatabase, type WorkingCopy } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import { type AttachmentStore, readStoredFile } from '../attachments/attachment-store';
import { backupDir, fsyncPath, RESTORE_TEMP, readManifest } from './backup-files';

/**
 * Replaces the working copy with a verified backup, so that a crash at any moment leaves either the
 * old database or the new one, never a mix:
 * 1. the backup's files go into the attachment store (content-addressed: only missing ones are added,
 *    each written temp + fsync + rename by the store itself) — harmless for the old database;
 * 2. the backup's database is copied to `appeals.db.restore` and fsynced;
 * 3. the live connection is checkpointed (TRUNCATE) and closed — its WAL is then empty and removed,
 *    so no old WAL can ever be replayed onto the new file; a WAL still present after the close means
 *    another process holds the database, and the restore stops with the old database untouched;
 * 4. one rename swaps the file (atomic on POSIX and NTFS), the folder is fsynced;
 * 5. the database is reopened (pending migrations applied: an older backup is brought up to date).
 * `store` is updated in place, so everything holding it (handlers, sync engine) uses the new database.
 * A leftover `appeals.db.restore` from a crash before step 4 is removed at the next start.
 */
export function swapInBackup(
  dataDir: string,
  id: string,
  store: WorkingCopy,
  files: AttachmentStore,
  options: OpenOptions,
): void {
  const dir = backupDir(dataDir, id);
  const manifest = readManifest(dir);
  const key = options.key ?? null;
  for (const file of manifest.files) {
    if (!files.has(file.sha256)) {
      // Decrypted (an encrypted backup) and stored as the folder stores files now (encrypted or not).
      const bytes = readStoredFile(join(dir, 'attachments', file.sha256.slice(0, 2), file.sha256), file.sha256, key);
      if (files.put(bytes) !== file.sha256) throw new AppError('INTERNAL', 'Файл резервной копии повреждён');
    }
  }
  const temp = join(dataDir, RESTORE_TEMP);
  const source = join(dir, manifest.db.file);
  const liveEncrypted = !isPlainDatabaseFile(join(dataDir, DB_FILE));
  if (isPlainDatabaseFile(source) !== liveEncrypted) {
    copyFileSync(source, temp);
    fsyncPath(temp);
  } else {
    // A backup made before the encryption was switched on or off: converted to the folder's current form.
    const backup = openDatabaseFile(source, key, { readonly: true });
    try {
      copyDatabase(backup, liveEncrypted ? null : key, temp, liveEncrypted ? key : null);
    } finally {
      backup.close();
    }
  }
  swapDatabaseFile(dataDir, temp, store, options);
}

/**
 * Steps 3–5 of a restore, shared with the encryption's migration (decision 014): checkpoint and close
 * the live connection, refuse when a WAL remains (another process), rename `temp` over the database,
 * fsync the folder, reopen into the same `store` object.
 */
export function swapDatabaseFile(dataDir: string, temp: string, store: WorkingCopy, options: OpenOptions): void {
  const live = join(dataDir, DB_FILE);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  if (existsSync(`${live}-wal`)) {
    rmSync(temp, { force: true });
    Object.assign(store, openDatabase(dataDir, options));
    throw new AppError(
      'CONFLICT',
      'База данных открыта другой программой (приложение или команда) — закройте её и повторите восстановление',
    );
  }
  rmSync(`${live}-shm`, { force: true });
  renameSync(temp, live);
  fsyncPath(dataDir);
  Object.assign(store, openDatabase(dataDir, options));
}
