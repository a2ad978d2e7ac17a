import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyDatabase, integrityProblems, isPlainDatabaseFile } from '../../../db/cipher';
import { DB_FILE, inTransaction, type OpenOptions, type WorkingCopy } from '../../../db/open';
import type { EncryptionStatus } from '../../../shared/encryption/schema';
import { AppError } from '../../../shared/errors';
import type { AttachmentStore } from '../attachments/attachment-store';
import { FILE_MAGIC } from '../attachments/file-cipher';
import { MIGRATION_TEMP, storeFiles } from '../backup/backup-files';
import type { BackupActor } from '../backup/backup-handle';
import { swapDatabaseFile } from '../backup/restore-backup';
import type { AppServices } from '../context';
import { recordSecurityEvent } from '../security/record-event';
import type { DataKeys } from './data-key';
import type { EncryptionHandle } from './encryption-handle';

export interface EncryptionDeps extends Pick<AppServices, 'clock' | 'workstation'> {
  dataDir: string;
  store: WorkingCopy;
  files: AttachmentStore;
  keys: DataKeys;
  openOptions: OpenOptions;
  /** Runs the migration in the backups' queue with sync paused (absent: run directly, e.g. a command). */
  maintenance?: <T>(fn: () => Promise<T>) => Promise<T>;
}

function startsWithMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(FILE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(FILE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/**
 * Encryption at rest of one data folder (issue #10, decision 014): status, encrypt, decrypt. Both
 * migrations are resumable and crash-safe: every attachment is re-written on its own (temp + fsync +
 * rename; its header says which form it is in), the database is copied into `appeals.db.migrating`,
 * checked (`integrity_check` with the new key) and swapped in by one rename — so after a crash each
 * file and the database are each either old or new, all readable with the data key, and running the
 * action again finishes the job. The key envelope is written before the first encrypted byte and kept.
 */
export class EncryptionService implements EncryptionHandle {
  private progress: EncryptionStatus['running'] = null;

  constructor(private readonly deps: EncryptionDeps) {}

  status(): EncryptionStatus {
    const { keys } = this.deps;
    const files = { encrypted: 0, plain: 0 };
    for (const file of storeFiles(this.deps.files.root)) {
      if (startsWithMagic(file.path)) files.encrypted += 1;
      else files.plain += 1;
    }
    return {
      database: !isPlainDatabaseFile(join(this.deps.dataDir, DB_FILE)),
      files,
      protection: keys.protection(),
      needsPassphrase: keys.needsPassphrase(),
      running: this.progress,
    };
  }

  /** Encrypts what is not encrypted yet: first the attachments, then the database (one atomic swap). */
  encrypt(actor: BackupActor, passphrase?: string): Promise<EncryptionStatus> {
    return this.migrate('encrypt', actor, async () => {
      const key = await this.deps.keys.ensure(passphrase);
      this.deps.keys.setEncrypting(true);
      const files = storeFiles(this.deps.files.root);
      this.progress = { action: 'encrypt', done: 0, total: files.length + 1 };
      await this.convertFiles(files, true);
      if (!this.status().database) this.swapDatabase(key, key);
      return files.length;
    });
  }

  /** Decrypts the database first (one atomic swap), then every attachment; the key envelope stays. */
  decrypt(actor: BackupActor): Promise<EncryptionStatus> {
    return this.migrate('decrypt', actor, async () => {
      const key = this.deps.keys.key();
      if (!key) {
        throw new AppError('ENCRYPTION_KEY_INVALID', 'Ключ шифрования не открыт — перезапустите программу с ним');
      }
      this.deps.keys.setEncrypting(false);
      const files = storeFiles(this.deps.files.root);
      this.progress = { action: 'decrypt', done: 0, total: files.length + 1 };
      if (this.status().database) this.swapDatabase(key, null);
      await this.convertFiles(files, false);
      return files.length;
    });
  }

  private async migrate(
    action: 'encrypt' | 'decrypt',
    actor: BackupActor,
    run: () => Promise<number>,
  ): Promise<EncryptionStatus> {
    if (this.progress) throw new AppError('CONFLICT', 'Шифрование уже выполняется');
    const type = action === 'encrypt' ? 'encryption-enabled' : 'encryption-disabled';
    const maintenance = this.deps.maintenance ?? ((fn) => fn());
    try {
      const files = await maintenance(run);
      this.record(type, actor, true, { files });
    } catch (err) {
      this.record(type, actor, false, { error: (err instanceof Error ? err.message : String(err)).slice(0, 300) });
      throw err;
    } finally {
      this.progress = null;
    }
    return this.status();
  }

  /** One file at a time, yielding between files so status calls (the progress bar) are answered. */
  private async convertFiles(files: { sha256: string }[], encrypt: boolean): Promise<void> {
    for (const file of files) {
      this.deps.files.convert(file.sha256, encrypt);
      if (this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The database re-written with `targetKey` (null: plain) beside it, checked, then renamed over it. */
  private swapDatabase(sourceKey: Buffer | null, targetKey: Buffer | null): void {
    const { dataDir, store } = this.deps;
    const temp = join(dataDir, MIGRATION_TEMP);
    copyDatabase(store.sqlite, isPlainDatabaseFile(join(dataDir, DB_FILE)) ? null : sourceKey, temp, targetKey);
    const problems = integrityProblems(temp, targetKey);
    if (problems.length > 0) {
      rmSync(temp, { force: true });
      throw new AppError('INTERNAL', `Новая копия базы данных не прошла проверку: ${problems[0]}`);
    }
    swapDatabaseFile(dataDir, temp, store, { ...this.deps.openOptions, key: this.deps.keys.key() });
    if (existsSync(temp)) rmSync(temp, { force: true });
    if (this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
  }

  private record(
    type: 'encryption-enabled' | 'encryption-disabled',
    actor: BackupActor,
    ok: boolean,
    details: Record<string, unknown>,
  ): void {
    inTransaction(this.deps.store.sqlite, () =>
      recordSecurityEvent(this.deps, { type, ...actor, result: ok ? 'success' : 'failure', details }),
    );
  }
}
