import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { WorkingCopy } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { outbox } from '../../../db/schema';
import type { CommandResult } from '../../../shared/sync/protocol';
import { organisationOf } from '../appeals/save-appeal';
import { assignOfficialNumber } from './assign-official-number';
import { ensureSyncUser } from './sync-user';

export type OutboxRow = typeof outbox.$inferSelect;

export interface Settled {
  applied: number;
  duplicate: number;
  rejected: number;
  /** Commands settled, counted from the first of the batch: the rest stays pending. */
  count: number;
}

export function pendingRows(store: WorkingCopy, limit: number): OutboxRow[] {
  return store.db.select().from(outbox).where(eq(outbox.state, 'pending')).orderBy(asc(outbox.seq)).limit(limit).all();
}

/** A failed attempt: the commands stay pending, with the count and the reason for diagnostics. */
export function markAttempt(store: WorkingCopy, rows: OutboxRow[], lastError: string): void {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.commandId);
  inTransaction(store.sqlite, () => {
    store.db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, lastError })
      .where(and(inArray(outbox.commandId, ids), eq(outbox.state, 'pending')))
      .run();
  });
}

/**
 * Settles a batch by the server's results in ONE transaction (style.md: commit, then change memory):
 * applied/duplicate → 'applied' (the row stays, for audit) and the official number replaces a
 * provisional one; rejected → 'rejected' with the reason (the "needs attention" list). Stops at the
 * first command without a result, so a later command is never settled before an earlier one.
 */
export function settleBatch(store: WorkingCopy, rows: OutboxRow[], results: CommandResult[], now: Date): Settled {
  const byId = new Map(results.map((result) => [result.id, result]));
  return inTransaction(store.sqlite, () => {
    const { db } = store;
    const userId = ensureSyncUser(db, organisationOf(db).id, now);
    const settled: Settled = { applied: 0, duplicate: 0, rejected: 0, count: 0 };
    for (const row of rows) {
      const result = byId.get(row.commandId);
      if (!result) break;
      const pending = and(eq(outbox.commandId, row.commandId), eq(outbox.state, 'pending'));
      if (result.outcome === 'rejected') {
        const reason = result.reason ?? { code: 'REJECTED', message: 'Система обращений отклонила команду' };
        db.update(outbox)
          .set({ state: 'rejected', lastError: JSON.stringify(reason), settledAt: now.getTime() })
          .where(pending)
          .run();
      } else {
        db.update(outbox).set({ state: 'applied', lastError: null, settledAt: now.getTime() }).where(pending).run();
        if (result.regNumber && row.appealId) {
          assignOfficialNumber(db, { appealId: row.appealId, regNumber: result.regNumber, at: now, userId });
        }
      }
      settled[result.outcome] += 1;
      settled.count += 1;
    }
    return settled;
  });
}

/** A command that cannot be sent as it is (its file is gone or refused): straight to "needs attention". */
export function rejectLocally(
  store: WorkingCopy,
  row: OutboxRow,
  reason: { code: string; message: string },
  now: Date,
) {
  return settleBatch(store, [row], [{ id: row.commandId, outcome: 'rejected', reason }], now);
}
