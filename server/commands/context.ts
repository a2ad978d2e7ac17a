import type { OrganisationConfig } from '../config';
import type { BlobStore } from '../files/blob-store';
import type { Sqlite } from '../store/open-store';

export interface CommandContext {
  db: Sqlite;
  blobs: BlobStore;
  clock: () => Date;
  org: OrganisationConfig;
}

/** What a command produced; `rejected` carries the reason the clerk sees in "needs attention". */
export type Outcome =
  | { outcome: 'applied'; regNumber?: string }
  | { outcome: 'rejected'; reason: { code: string; message: string; details?: unknown } };

export const rejected = (code: string, message: string, details?: unknown): Outcome => ({
  outcome: 'rejected',
  reason: details === undefined ? { code, message } : { code, message, details },
});
