import type { AppServices } from '../context';
import type { CredentialStore } from './credentials';
import { HttpCentralApi } from './http-central-api';
import { SyncEngine } from './sync-engine';

export type { CentralApi, RemoteFileState } from './central-api';
export { CentralError } from './central-error';
export {
  type CentralCredentials,
  type CredentialStore,
  FileCredentialStore,
  MemoryCredentialStore,
} from './credentials';
export { HttpCentralApi, type HttpCentralApiOptions } from './http-central-api';
export { SyncEngine, type SyncEngineOptions, type SyncReport } from './sync-engine';
export type { RejectedCommand, SyncStatus } from './sync-status';

/**
 * The sync engine of one data folder over HTTP: what main.ts / the browser-mode host create at start.
 * `baseUrl` is the central server's origin (the reference server in `npm start`'s demo).
 */
export function createCentralSync(
  services: Pick<AppServices, 'store' | 'files' | 'clock'>,
  options: { baseUrl: string; credentials: CredentialStore; log?: (line: string) => void },
): SyncEngine {
  const api = new HttpCentralApi({ baseUrl: options.baseUrl, credentials: options.credentials, log: options.log });
  return new SyncEngine({ store: services.store, files: services.files, api, clock: services.clock, log: options.log });
}
