import type { ChangesPage, Command, CommandResult, Organisation, TokenResponse } from '../../../shared/sync/protocol';

/** What `HEAD /files/{sha256}` says about a file on the central server. */
export type RemoteFileState =
  | { state: 'complete'; size: number }
  | { state: 'partial'; offset: number }
  | { state: 'absent' };

/**
 * The central system as the sync engine sees it (shared/sync/protocol.ts). `HttpCentralApi` speaks it
 * over HTTP; tests and a future real endpoint plug in their own implementation by configuration
 * (style.md, "Pluggable sync targets"). Every method throws `CentralError` on failure.
 */
export interface CentralApi {
  /** Exchanges the organisation's Client ID + Secret Access Key for a short-lived bearer token. */
  token(): Promise<TokenResponse>;
  /** One page of the organisation's change feed after cursor `after`. */
  changes(after: number, limit: number): Promise<ChangesPage>;
  /** Sends commands (idempotent by id); results come back in the order sent. */
  sendCommands(commands: Command[]): Promise<CommandResult[]>;
  headFile(sha256: string): Promise<RemoteFileState>;
  /** Sends `bytes` from byte `offset` (resuming a partial upload when offset > 0). */
  putFile(sha256: string, bytes: Uint8Array, offset: number): Promise<void>;
  getFile(sha256: string): Promise<Uint8Array>;
  organisations(): Promise<Organisation[]>;
}
