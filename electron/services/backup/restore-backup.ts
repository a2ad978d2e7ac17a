import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, type OpenOptions, openDatabase, type WorkingCopy } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import type { AttachmentStore } from '../attachments/attachment-store';
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
  for (const file of manifest.files) {
    if (!files.has(file.sha256)) {
      const bytes = readFileSync(join(dir, 'attachments', file.sha256.slice(0, 2), file.sha256));
      if (files.put(bytes) !== file.sha256) throw new AppError('INTERNAL', 'Файл резервной копии повреждён');
    }
  }
  const live = join(dataDir, DB_FILE);
  const temp = join(dataDir, RESTORE_TEMP);
  copyFileSync(join(dir, manifest.db.file), temp);
  fsyncPath(temp);
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
