import type { AppServices } from '../context';
import { CentralConnection } from './connection';
import type { CredentialStore } from './credentials';
import { SyncEngine } from './sync-engine';

export type { CentralApi, RemoteFileState } from './central-api';
export { CentralError } from './central-error';
export { CentralConnection, type ConnectionCheck, type ConnectionInput, type ConnectionView } from './connection';
export {
  type CentralCredentials,
  type CredentialStore,
  FileCredentialStore,
  MemoryCredentialStore,
  SafeStorageCredentialStore,
  type SafeStorageLike,
} from './credentials';
export { HttpCentralApi, type HttpCentralApiOptions } from './http-central-api';
export { SyncEngine, type SyncEngineOptions, type SyncReport } from './sync-engine';
export type { RejectedCommand, SyncStatus } from './sync-status';

/**
 * The sync engine of one data folder over HTTP and the administrator's handle on its connection:
 * what main.ts / the browser-mode host create at start. `baseUrl` is the central server's origin
 * (the embedded reference server in `npm start`'s demo, then `embedded`).
 */
export function createCentralSync(
  services: Pick<AppServices, 'store' | 'files' | 'clock'>,
  options: { baseUrl: string; credentials: CredentialStore; embedded?: boolean; log?: (line: string) => void },
): { engine: SyncEngine; connection: CentralConnection } {
  let engine: SyncEngine | null = null;
  const connection = new CentralConnection({
    credentials: options.credentials,
    serverUrl: options.baseUrl,
    embedded: options.embedded ?? false,
    log: options.log,
    onChange: (api) => engine?.useApi(api),
  });
  engine = new SyncEngine({
    store: services.store,
    files: services.files,
    api: connection.api(),
    clock: services.clock,
    log: options.log,
  });
  return { engine, connection };
}
