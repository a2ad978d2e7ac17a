import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { history } from '../../../db/schema';
import type { HistoryEntry } from '../../../shared/appeals/schema';

export type Change = HistoryEntry['changes'][number];

/** Appends one entry to a card's history (who, when, what changed); call inside the writing transaction. */
export function recordHistory(
  db: Db,
  entry: { appealId: string; userId: string; at: Date; action: string; text: string; changes?: Change[] },
): void {
  prepared(db, 'history.insert', () =>
    db
      .insert(history)
      .values({
        appealId: sql.placeholder('appealId'),
        userId: sql.placeholder('userId'),
        at: sql.placeholder('at'),
        action: sql.placeholder('action'),
        details: sql.placeholder('details'),
      })
      .prepare(),
  ).run({
    appealId: entry.appealId,
    userId: entry.userId,
    at: entry.at.getTime(),
    action: entry.action,
    details: historyDetails(entry.text, entry.changes),
  });
}

/** The `details` column of a history row. */
export const historyDetails = (text: string, changes: readonly Change[] = []) => JSON.stringify({ text, changes });
