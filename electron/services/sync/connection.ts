import type { CentralApi } from './central-api';
import type { CentralCredentials, CredentialStore } from './credentials';
import { MemoryCredentialStore } from './credentials';
import { HttpCentralApi } from './http-central-api';
import { describeSyncError } from './sync-messages';

/** What the administrator sees of the connection: never the secret, only whether it is set. */
export interface ConnectionView {
  serverUrl: string;
  clientId: string;
  secretSet: boolean;
  /** The workstation syncs with the reference server it started itself (the demo). */
  embedded: boolean;
}

/** A change of the connection: an empty secret keeps the stored one. */
export interface ConnectionInput {
  serverUrl: string;
  clientId: string;
  secretAccessKey: string;
}

export interface ConnectionCheck {
  ok: boolean;
  /** Russian, for the administrator; never quotes the keys. */
  message: string;
}

export interface CentralConnectionOptions {
  credentials: CredentialStore;
  /** The URL in use at start (`--server`, the stored one, or the embedded server's). */
  serverUrl: string;
  embedded: boolean;
  /** Builds the API for a URL and a credential store (tests pass fakes). */
  makeApi?: (serverUrl: string, credentials: CredentialStore, checking: boolean) => CentralApi;
  /** Receives the new API after the administrator changed the connection (the sync engine). */
  onChange?: (api: CentralApi) => void;
  log?: (line: string) => void;
}

const trimUrl = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * The organisation's connection to the central system (regulation 4.12: Client ID + Secret Access
 * Key) as the administrator manages it: read without the secret, replaced, checked. The keys go to
 * the `CredentialStore` only (never the database, never a log line or an error message).
 */
export class CentralConnection {
  private serverUrl: string;
  private embedded: boolean;
  private readonly makeApi: NonNullable<CentralConnectionOptions['makeApi']>;

  constructor(private readonly options: CentralConnectionOptions) {
    this.serverUrl = trimUrl(options.serverUrl);
    this.embedded = options.embedded;
    this.makeApi =
      options.makeApi ??
      ((baseUrl, credentials, checking) =>
        new HttpCentralApi({
          baseUrl,
          credentials,
          log: options.log,
          ...(checking ? { retry: { retries: 0 }, timeoutMs: 5_000 } : {}),
        }));
  }

  /** The API the sync engine starts with. */
  api(): CentralApi {
    return this.makeApi(this.serverUrl, this.options.credentials, false);
  }

  async view(): Promise<ConnectionView> {
    const stored = await this.options.credentials.load();
    return {
      serverUrl: this.serverUrl,
      clientId: stored?.clientId ?? '',
      secretSet: Boolean(stored?.secretAccessKey),
      embedded: this.embedded,
    };
  }

  /** Stores the new keys (and URL, when it changed) and hands the sync engine a new API. */
  async save(input: ConnectionInput): Promise<ConnectionView> {
    const next = await this.resolve(input);
    const serverUrl = trimUrl(input.serverUrl);
    const urlChanged = serverUrl !== this.serverUrl;
    const stored = await this.options.credentials.load();
    // The embedded demo server's URL changes every start: it is stored only once the administrator names another.
    const persistUrl = this.embedded && !urlChanged ? stored?.serverUrl : serverUrl;
    const record: CentralCredentials = persistUrl ? { ...next, serverUrl: persistUrl } : next;
    await this.options.credentials.save(record);
    if (urlChanged) this.embedded = false;
    this.serverUrl = serverUrl;
    this.options.onChange?.(this.api());
    this.options.log?.(`подключение к системе обращений изменено: ${serverUrl}`);
    return this.view();
  }

  /** Asks the central system for a token and the directory with these (or the stored) keys. */
  async check(input: ConnectionInput): Promise<ConnectionCheck> {
    let credentials: CentralCredentials;
    try {
      credentials = await this.resolve(input);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const api = this.makeApi(trimUrl(input.serverUrl), new MemoryCredentialStore(credentials), true);
    try {
      await api.token();
      const organisations = await api.organisations();
      return {
        ok: true,
        message: `Подключение установлено: система обращений приняла ключи организации (в справочнике организаций: ${organisations.length})`,
      };
    } catch (error) {
      return { ok: false, message: describeSyncError(error) };
    }
  }

  /** The input's keys; an empty secret means the stored one (it is never sent to the renderer). */
  private async resolve(input: ConnectionInput): Promise<CentralCredentials> {
    const clientId = input.clientId.trim();
    if (!clientId) throw new Error('Укажите Client ID организации');
    if (input.secretAccessKey) return { clientId, secretAccessKey: input.secretAccessKey };
    const stored = await this.options.credentials.load();
    if (!stored?.secretAccessKey) throw new Error('Укажите Secret Access Key организации');
    return { clientId, secretAccessKey: stored.secretAccessKey };
  }
}
