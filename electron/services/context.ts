import type { WorkingCopy } from '../../db/open';
import type { User } from '../../shared/appeals/schema';
import type { AttachmentStore } from './attachments/attachment-store';
import type { BackupHandle } from './backup/backup-handle';
import type { EncryptionHandle } from './encryption/encryption-handle';
import type { AppLogger } from './logging/logger';
import type { UpdateService } from './release/update-service';
import type { SigningKit } from './signing/signing-kit';
import type { CentralConnection } from './sync/connection';
import type { SyncStatus } from './sync/sync-status';

/** What the handlers need of the sync engine (null when no central system is configured). */
export interface SyncHandle {
  status(): SyncStatus;
  syncOnce(): Promise<unknown>;
  stop(): Promise<void>;
}

/** Long-lived services of one data folder: what every handler may use. No globals (design.md). */
export interface AppServices {
  store: WorkingCopy;
  files: AttachmentStore;
  clock: () => Date;
  mode: 'electron' | 'browser';
  version: string;
  /** Shown on the login screen when the data folder is the demo one. */
  demoLogin: string | null;
  sync: SyncHandle | null;
  /** The administrator's handle on the central system's URL and keys (null without sync). */
  connection?: CentralConnection | null;
  /** ЭЦП: the signature providers and the trust of this data folder (absent in tests that do not sign). */
  signing?: SigningKit;
  /** The data folder (absent in tests that do not need it): exports default to `<dataDir>/exports`. */
  dataDir?: string;
  /** This workstation as the security log names it; defaults to os.hostname() and 127.0.0.1. */
  workstation?: { host: string; address: string };
  /** Backups of the data folder (absent in tests that do not back up). */
  backups?: BackupHandle;
  /** Encryption at rest of the data folder (decision 014); absent in tests that do not encrypt. */
  encryption?: EncryptionHandle;
  /** The structured, rotated application log (`<data>/logs`); absent in tests that do not log. */
  logger?: AppLogger;
  /** The database migrations this build ships (default: db/migrations of the source tree). */
  migrationsFolder?: string;
  /** The folder of the rotated log files (for «Сохранить диагностику»). */
  logDir?: string;
  /** Automatic updates: the Electron shell's updater; absent in browser mode (decision 011). */
  updates?: UpdateService;
}

/** Who is calling: one per window (IPC) or per session token (HTTP). */
export interface Session {
  user: User | null;
  /** The account's password is temporary: only the password change (and logout) may run until it is changed. */
  mustChangePassword?: boolean;
}

/** What a handler gets: the services plus the caller's session. */
export interface CallContext extends AppServices {
  session: Session;
}
