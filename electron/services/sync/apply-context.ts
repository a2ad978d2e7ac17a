import type { Db } from '../../../db/open';
import type { AttachmentStore } from '../attachments/attachment-store';

/** What applying a change needs: the transaction's db, the file store, and who/when to record. */
export interface ApplyContext {
  db: Db;
  files: AttachmentStore;
  now: Date;
  orgId: string;
  /** The central system's account (sync-user.ts): author of the history it causes. */
  userId: string;
}
