import { join } from 'node:path';
import { type OpenOptions, openDatabase } from '../../db/open';
import { organisations } from '../../db/schema';
import { AttachmentStore } from './attachments/attachment-store';
import type { AppServices } from './context';
import { createDemoSigningKeys } from './demo/demo-signing-keys';
import { seedDemo } from './demo/seed-demo';
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
}

export const DEMO_LOGIN = 'clerk / clerk';

/**
 * Opens one data folder (database + attachments) and everything the handlers need. An empty folder
 * gets the demo organisation when `demo` is set, so `npm start` on a new machine has something to show.
 */
export async function openServices(options: OpenServicesOptions): Promise<AppServices> {
  const store = openDatabase(options.dataDir, options);
  const files = new AttachmentStore(join(options.dataDir, 'attachments'));
  const clock = options.clock ?? (() => new Date());
  const empty = store.db.select({ id: organisations.id }).from(organisations).get() === undefined;
  const signing = openSigningKit(options.dataDir, clock);
  if (empty && options.demo) {
    await seedDemo(store, files, { appeals: 300, now: clock(), review: true });
    await createDemoSigningKeys(store, signing, clock());
  }
  const isDemo = store.sqlite.prepare("SELECT 1 FROM users WHERE login = 'clerk'").get() !== undefined;
  const base = { store, files, clock };
  const central = options.central ? createCentralSync(base, options.central) : null;
  const sync = central?.engine ?? null;
  sync?.start(options.central?.intervalMs ?? 60_000);
  return {
    ...base,
    mode: options.mode,
    version: options.version,
    demoLogin: isDemo ? DEMO_LOGIN : null,
    sync,
    connection: central?.connection ?? null,
    signing,
  };
}
