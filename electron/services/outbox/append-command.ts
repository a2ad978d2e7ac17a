import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { outbox } from '../../../db/schema';

/**
 * Transactional outbox (design.md, "Data and sync"): call inside the transaction that applies the
 * change, so the command and the change commit together. The command id (UUIDv7) is the server's
 * idempotency key.
 */
export function appendCommand(db: Db, type: string, appealId: string | null, payload: unknown, now: Date): string {
  const commandId = uuidv7();
  prepared(db, 'outbox.insert', () =>
    db
      .insert(outbox)
      .values({
        commandId: sql.placeholder('commandId'),
        type: sql.placeholder('type'),
        appealId: sql.placeholder('appealId'),
        payload: sql.placeholder('payload'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  ).run({ commandId, type, appealId, payload: JSON.stringify(payload), createdAt: now.getTime() });
  return commandId;
}
