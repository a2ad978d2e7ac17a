import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPlainDatabaseFile } from '../../db/cipher';
import { DB_FILE } from '../../db/open';
import { createCentralServer } from '../../server/create-server';
import { DEMO_ORGANISATION } from '../../shared/demo/demo-organisation';
import type { AppServices } from '../services/context';
import {
  chooseProtector,
  type KeyProtector,
  passphraseFromOptions,
  passphraseProtector,
  readEnvelope,
} from '../services/encryption/data-key';
import type { OpenedLog } from '../services/logging/logger';
import { openServices } from '../services/open-services';
import { type CredentialStore, FileCredentialStore } from '../services/sync';
import type { StartOptions } from '../start-options';
import type { LockedFolder } from './dispatch';

/** The demo organisation's credentials at the embedded reference server (not a secret: demo only). */
export const DEMO_CENTRAL_CLIENT = { clientId: 'demo-org', clientSecret: 'demo-secret' };
const SYNC_INTERVAL_MS = 15_000;
/** The demo's applicants on the portal: new electronic appeals keep arriving while the clerk works. */
const DEMO_APPEALS_PER_MINUTE = 1;

export interface Backend {
  services: AppServices & { log: OpenedLog };
  /** The central system's URL this workstation syncs with. */
  centralUrl: string;
  embeddedCentral: boolean;
  close(): Promise<void>;
}

/**
 * Everything behind either host: the data folder's services and the sync engine — with the
 * reference central server embedded (its own data in `<data>/central`) unless `--server URL` names a
 * real one (or the administrator stored one), whose Client ID and Secret Access Key are read from the
 * credential store (`<data>/central-credentials.json` in browser mode, safeStorage in Electron).
 */
export type BackendOptions = StartOptions & {
  mode: AppServices['mode'];
  version: string;
  migrationsFolder?: string;
  /** Where the keys live (Electron: safeStorage); default a 0600 file in the data folder. */
  credentials?: CredentialStore;
  /** Guards the data key (Electron: safeStorage); default: the passphrase of `--passphrase-file` or the environment. */
  keyProtector?: KeyProtector;
  /** The data key's passphrase as typed on the unlock screen (`lockedBackend`); else `passphraseFile`/the environment. */
  passphrase?: string;
};

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const credentials = options.credentials ?? new FileCredentialStore(options.dataDir);
  // `--server` first, then the URL the administrator stored, else the embedded demo server.
  const serverUrl = options.server ?? (await credentials.load())?.serverUrl ?? null;
  const central = serverUrl
    ? null
    : createCentralServer({
        dataDir: join(options.dataDir, 'central'),
        clients: [{ ...DEMO_CENTRAL_CLIENT, orgId: DEMO_CENTRAL_CLIENT.clientId, orgName: DEMO_ORGANISATION.name }],
      });
  const centralUrl = serverUrl ?? (await central?.listen(0)) ?? '';
  central?.simulateApplicants({ perMinute: DEMO_APPEALS_PER_MINUTE, orgId: DEMO_CENTRAL_CLIENT.clientId });
  if (central && !(await credentials.load())) {
    await credentials.save({
      clientId: DEMO_CENTRAL_CLIENT.clientId,
      secretAccessKey: DEMO_CENTRAL_CLIENT.clientSecret,
    });
  }
  const passphrase = options.passphrase ?? passphraseFromOptions(options.passphraseFile ?? undefined);
  const services = await openServices({
    ...options,
    keyProtector: chooseProtector(options.dataDir, options.keyProtector ?? null, passphrase),
    central: { baseUrl: centralUrl, credentials, intervalMs: SYNC_INTERVAL_MS, embedded: central !== null },
  }).catch(async (err: unknown) => {
    // E.g. a database of a newer version: nothing may keep running behind the error message.
    await central?.close();
    throw err;
  });
  services.backups?.startSchedule();
  services.logger?.info({ embeddedCentral: central !== null }, 'Started');
  return {
    services,
    centralUrl,
    embeddedCentral: central !== null,
    async close() {
      await services.sync?.stop();
      await services.backups?.stop();
      services.store.close();
      await central?.close();
      services.logger?.info('Stopped');
      await services.log.close();
    },
  };
}

/** A locked folder that also hands over the backend its unlock started (for the host's shutdown). */
export interface LockedBackend extends LockedFolder {
  backend(): Backend | null;
}

/** Pause before an unlock attempt after `failures` wrong passphrases: 1 s more per failure, at most 10 s. */
export const unlockDelayMs = (failures: number) => Math.min(failures, 10) * 1000;

/**
 * Browser mode on a folder whose data key is sealed by a passphrase that was not given at start
 * (decision 014): instead of refusing to start, the host serves the unlock screen. Null when nothing is
 * locked (plain folder, a passphrase or an OS protector given). The passphrase is checked against the
 * envelope first (argon2id: a wrong one changes no file and starts nothing), then the folder opens with
 * `startBackend` — the same code as `--passphrase-file`. Attempts run one at a time, slowed after failures.
 */
export function lockedBackend(
  options: BackendOptions,
  delayMs: (failures: number) => number = unlockDelayMs,
): LockedBackend | null {
  if (options.keyProtector || options.passphrase || passphraseFromOptions(options.passphraseFile ?? undefined)) {
    return null;
  }
  const envelope = readEnvelope(options.dataDir);
  if (envelope?.protection !== 'passphrase' || isPlainDatabaseFile(join(options.dataDir, DB_FILE))) return null;
  let opened: Backend | null = null;
  let failures = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    locked: true,
    services: () => opened?.services ?? null,
    backend: () => opened,
    unlock(passphrase) {
      const attempt = queue.then(async () => {
        if (opened) return;
        await sleep(delayMs(failures));
        try {
          passphraseProtector(passphrase).open(envelope);
        } catch (err) {
          failures += 1;
          throw err;
        }
        opened = await startBackend({ ...options, passphrase });
        failures = 0;
      });
      queue = attempt.catch(() => undefined);
      return attempt;
    },
  };
}
