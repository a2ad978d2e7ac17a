import { renameSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { inTransaction, type OpenOptions, type WorkingCopy } from '../../../db/open';
import { settings } from '../../../db/schema';
import {
  type BackupInfo,
  type BackupReason,
  type BackupRestoreResult,
  type BackupSettings,
  backupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
} from '../../../shared/backup/schema';
import { AppError } from '../../../shared/errors';
import type { SecurityEventType } from '../../../shared/security/schema';
import type { AttachmentStore } from '../attachments/attachment-store';
import { recordSecurityEvent } from '../security/record-event';
import { backupDir, infoOf, isBackupId, listBackups, readManifest } from './backup-files';
import type { BackupActor, BackupHandle } from './backup-handle';
import { createBackupDir } from './create-backup';
import { swapInBackup } from './restore-backup';
import { verifyBackupDir } from './verify-backup';

const SETTINGS_KEY = 'backup.settings';
/** How often the schedule looks whether a backup is due (the interval itself is in hours). */
const CHECK_EVERY_MS = 5 * 60_000;

export const SCHEDULE_ACTOR: BackupActor = { login: 'расписание', userId: null };

export interface BackupManagerOptions {
  dataDir: string;
  store: WorkingCopy;
  files: AttachmentStore;
  clock: () => Date;
  version: string;
  openOptions: OpenOptions;
  workstation?: { host: string; address: string };
  /** The sync engine is paused while the database is swapped (null: no sync). */
  sync?: { stop(): Promise<void>; start(intervalMs: number): void; intervalMs: number } | null;
  log?: (line: string) => void;
  /** The data key (decision 014) when the folder is, or was, encrypted. */
  keys?: { key(): Buffer | null };
}

/**
 * Backups of one data folder (issue #10): create (online, verified right after), verify, restore,
 * keep the newest N, and make one on schedule. Operations run one at a time (a queue), so a scheduled
 * backup never overlaps a restore.
 */
export class BackupManager implements BackupHandle {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly options: BackupManagerOptions) {}

  get running(): boolean {
    return this.busy;
  }

  settings(): BackupSettings {
    const row = this.options.store.db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get();
    if (!row) return DEFAULT_BACKUP_SETTINGS;
    const parsed = backupSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  }

  saveSettings(next: BackupSettings): BackupSettings {
    const value = JSON.stringify(backupSettingsSchema.parse(next));
    const now = this.options.clock().getTime();
    inTransaction(this.options.store.sqlite, () =>
      this.options.store.db
        .insert(settings)
        .values({ key: SETTINGS_KEY, value, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
        .run(),
    );
    return this.settings();
  }

  list(): BackupInfo[] {
    return listBackups(this.options.dataDir);
  }

  /** Makes a backup, verifies it, deletes the oldest beyond the kept number, logs the event. */
  create(reason: BackupReason, actor: BackupActor): Promise<BackupInfo> {
    return this.exclusive(() => this.createNow(reason, actor));
  }

  verify(id: string, actor: BackupActor): Promise<BackupInfo> {
    return this.exclusive(async () => {
      const dir = this.existing(id);
      const verification = verifyBackupDir(dir, this.options.clock(), this.key());
      this.record('backup-verified', actor, verification.ok, { id, problems: verification.problems.length });
      return infoOf(readManifest(dir), verification);
    });
  }

  /**
   * Restores a backup: it must verify; the current state is first saved as a «pre-restore» backup;
   * sync pauses; the database is swapped atomically (restore-backup.ts) and reopened.
   */
  restore(id: string, actor: BackupActor): Promise<BackupRestoreResult> {
    return this.exclusive(async () => {
      const dir = this.existing(id);
      const verification = verifyBackupDir(dir, this.options.clock(), this.key());
      if (!verification.ok) {
        this.record('backup-restored', actor, false, { id, problems: verification.problems });
        throw new AppError('CONFLICT', `Копия ${id} не прошла проверку: ${verification.problems[0] ?? ''}`);
      }
      let safetyBackup: string | null = null;
      try {
        safetyBackup = (await this.createNow('pre-restore', actor)).id;
      } catch (err) {
        this.options.log?.(`pre-restore backup failed: ${String(err)}`);
      }
      await this.withSyncPaused(async () =>
        swapInBackup(this.options.dataDir, id, this.options.store, this.options.files, {
          ...this.options.openOptions,
          key: this.key(),
        }),
      );
      this.record('backup-restored', actor, true, { id, safetyBackup });
      const appeals = readManifest(dir).appeals;
      return { restored: id, safetyBackup, appeals };
    });
  }

  maintenance<T>(fn: () => Promise<T>): Promise<T> {
    return this.exclusive(() => this.withSyncPaused(fn));
  }

  private async withSyncPaused<T>(fn: () => Promise<T>): Promise<T> {
    const { sync } = this.options;
    await sync?.stop();
    try {
      return await fn();
    } finally {
      sync?.start(sync.intervalMs);
    }
  }

  /**
   * Checks every few minutes whether the newest backup is older than the interval (the first check a
   * minute after start, not competing with the start-up); the timer never keeps the process alive.
   */
  startSchedule(firstCheckMs = 60_000): void {
    const tick = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.backupIfDue().finally(() => {
          if (this.timer) tick(CHECK_EVERY_MS);
        });
      }, delay);
      this.timer.unref();
    };
    tick(firstCheckMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  /** A scheduled backup when due; failures are logged (and in the security log), never thrown. */
  async backupIfDue(): Promise<BackupInfo | null> {
    const { intervalHours } = this.settings();
    if (intervalHours === 0) return null;
    const newest = this.list().find((b) => b.createdAt !== '');
    const age = newest ? this.options.clock().getTime() - Date.parse(newest.createdAt) : Number.POSITIVE_INFINITY;
    if (age < intervalHours * 3_600_000) return null;
    try {
      return await this.create('scheduled', SCHEDULE_ACTOR);
    } catch (err) {
      this.options.log?.(`scheduled backup failed: ${String(err)}`);
      return null;
    }
  }

  private async createNow(reason: BackupReason, actor: BackupActor): Promise<BackupInfo> {
    try {
      const manifest = await createBackupDir(this.options, reason, this.options.clock());
      const verification = verifyBackupDir(
        backupDir(this.options.dataDir, manifest.id),
        this.options.clock(),
        this.key(),
      );
      this.prune(manifest.id);
      this.record('backup-created', actor, verification.ok, {
        id: manifest.id,
        reason,
        appeals: manifest.appeals,
        files: manifest.files.length,
        problems: verification.problems,
      });
      return infoOf(manifest, verification);
    } catch (err) {
      this.record('backup-created', actor, false, { reason, error: String(err).slice(0, 300) });
      throw err;
    }
  }

  /** Keeps the newest `keep` backups (the one just made always among them); renamed away, then deleted. */
  private prune(justMade: string): void {
    const { keep } = this.settings();
    const old = this.list()
      .filter((b) => b.id !== justMade)
      .slice(Math.max(0, keep - 1));
    for (const backup of old) {
      const dir = backupDir(this.options.dataDir, backup.id);
      renameSync(dir, `${dir}.deleting`);
      rmSync(`${dir}.deleting`, { recursive: true, force: true });
    }
  }

  private key(): Buffer | null {
    return this.options.keys?.key() ?? null;
  }

  private existing(id: string): string {
    if (!isBackupId(id) || !this.list().some((b) => b.id === id)) {
      throw new AppError('NOT_FOUND', `Резервная копия «${id.slice(0, 40)}» не найдена`);
    }
    return backupDir(this.options.dataDir, id);
  }

  private record(type: SecurityEventType, actor: BackupActor, ok: boolean, details: Record<string, unknown>): void {
    inTransaction(this.options.store.sqlite, () =>
      recordSecurityEvent(this.options, { type, ...actor, result: ok ? 'success' : 'failure', details }),
    );
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.busy = true;
      try {
        return await fn();
      } finally {
        this.busy = false;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
