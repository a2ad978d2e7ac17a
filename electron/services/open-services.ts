import { join } from 'node:path';
import { appliedMigrations, type OpenOptions, openDatabase } from '../../db/open';
import { organisations } from '../../db/schema';
import { AttachmentStore } from './attachments/attachment-store';
import { cleanInterrupted } from './backup/backup-files';
import { BackupManager } from './backup/backup-manager';
import type { AppServices } from './context';
import { createDemoSigningKeys } from './demo/demo-signing-keys';
import { seedDemo } from './demo/seed-demo';
import { DataKeys, type KeyProtector } from './encryption/data-key';
import { EncryptionService } from './encryption/encryption-service';
import { type OpenedLog, openLog } from './logging/logger';
import { recordRunningVersion } from './release/release-service';
import { openSigningKit } from './signing/signing-kit';
import { type CredentialStore, createCentralSync } from './sync';

export interface OpenServicesOptions extends OpenOptions {
  /** The central system to sync with; null = work only locally. */
  central: { baseUrl: string; credentials: CredentialStore; intervalMs: number; embedded?: boolean } | null;
  dataDir: string;
  mode: AppServices['mode'];
  version: string;
  demo: boolean;
  clock?: () => Date;
  /** Guards the data key (decision 014): safeStorage in Electron, a passphrase in browser mode; null: none. */
  keyProtector?: KeyProtector | null;
}

export const DEMO_LOGIN = 'clerk / clerk';

/**
 * Opens one data folder (database + attachments) and everything the handlers need. An empty folder
 * gets the demo organisation when `demo` is set, so `npm start` on a new machine has something to show.
 */
export async function openServices(options: OpenServicesOptions): Promise<AppServices & { log: OpenedLog }> {
  cleanInterrupted(options.dataDir);
  const log = await openLog({
    dir: join(options.dataDir, 'logs'),
    base: { version: options.version, mode: options.mode },
  });
  let store: ReturnType<typeof openDatabase>;
  let keys: DataKeys;
  try {
    keys = new DataKeys(options.dataDir, options.keyProtector ?? null);
    store = openDatabase(options.dataDir, { ...options, key: keys.key() });
  } catch (err) {
    log.logger.fatal({ err }, 'Database refused');
    await log.close();
    throw err;
  }
  log.logger.info({ migrations: appliedMigrations(store.sqlite).length }, 'Working copy opened');
  recordRunningVersion(store, options.version, (options.clock ?? (() => new Date()))());
  const files = new AttachmentStore(join(options.dataDir, 'attachments'), keys);
  const clock = options.clock ?? (() => new Date());
  const empty = store.db.select({ id: organisations.id }).from(organisations).get() === undefined;
  const signing = openSigningKit(options.dataDir, clock);
  if (empty && options.demo) {
    await seedDemo(store, files, { appeals: 300, now: clock(), review: true });
    await createDemoSigningKeys(store, signing, clock());
  }
  const isDemo = store.sqlite.prepare("SELECT 1 FROM users WHERE login = 'clerk'").get() !== undefined;
  const base = { store, files, clock };
  // Sync's retries and failures go to the application log (messages only: ids and HTTP errors, scrubbed).
  const syncLog = log.logger.child({ component: 'sync' });
  const central = options.central
    ? createCentralSync(base, { ...options.central, log: (line) => syncLog.warn(line) })
    : null;
  const sync = central?.engine ?? null;
  const intervalMs = options.central?.intervalMs ?? 60_000;
  sync?.start(intervalMs);
  const backupLog = log.logger.child({ component: 'backup' });
  const backups = new BackupManager({
    ...base,
    dataDir: options.dataDir,
    version: options.version,
    openOptions: options,
    sync: sync && { stop: () => sync.stop(), start: (ms) => sync.start(ms), intervalMs },
    log: (line) => backupLog.info(line),
    keys,
  });
  const encryption = new EncryptionService({
    ...base,
    dataDir: options.dataDir,
    keys,
    openOptions: options,
    maintenance: (fn) => backups.maintenance(fn),
  });
  return {
    ...base,
    backups,
    encryption,
    mode: options.mode,
    version: options.version,
    demoLogin: isDemo ? DEMO_LOGIN : null,
    sync,
    connection: central?.connection ?? null,
    signing,
    dataDir: options.dataDir,
    logger: log.logger,
    logDir: log.dir,
    migrationsFolder: options.migrationsFolder,
    log,
  };
}
