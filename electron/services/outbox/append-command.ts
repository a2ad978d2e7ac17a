import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../db/open';
import { outbox } from '../../../db/schema';

/**
 * Transactional outbox (design.md, "Data and sync"): call inside the transaction that applies the
 * change, so the command and the change commit together. The command id (UUIDv7) is the server's
 * idempotency key.
 */
export function appendCommand(db: Db, type: string, appealId: string | null, payload: unknown, now: Date): string {
  const commandId = uuidv7();
  db.insert(outbox)
    .values({ commandId, type, appealId, payload: JSON.stringify(payload), createdAt: now.getTime() })
    .run();
  return commandId;
}
