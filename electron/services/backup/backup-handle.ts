import type { BackupInfo, BackupReason, BackupRestoreResult, BackupSettings } from '../../../shared/backup/schema';

/** Who asked (the security log names them): a user of the app, the schedule, or the command line. */
export interface BackupActor {
  login: string;
  userId: string | null;
}

/** What the handlers use of the backups of the data folder (implemented by BackupManager). */
export interface BackupHandle {
  readonly running: boolean;
  settings(): BackupSettings;
  saveSettings(next: BackupSettings): BackupSettings;
  list(): BackupInfo[];
  create(reason: BackupReason, actor: BackupActor): Promise<BackupInfo>;
  verify(id: string, actor: BackupActor): Promise<BackupInfo>;
  restore(id: string, actor: BackupActor): Promise<BackupRestoreResult>;
  /**
   * Runs a change of the whole data folder (the encryption's migration) in the backups' queue — never
   * overlapping a backup or a restore — with sync paused while it runs.
   */
  maintenance<T>(fn: () => Promise<T>): Promise<T>;
  /** Backups on schedule (the backend starts it with the app). */
  startSchedule(): void;
  stop(): Promise<void>;
}
