import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { syncState } from '../../../db/schema';

/** Keys of `sync_state`. The cursor is written only in the transaction that applies its page. */
export const CURSOR_KEY = 'cursor';
export const LAST_SYNC_KEY = 'last_sync_at';

export function readState(db: Db, key: string): string | null {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value ?? null;
}

export function writeState(db: Db, key: string, value: string): void {
  db.insert(syncState).values({ key, value }).onConflictDoUpdate({ target: syncState.key, set: { value } }).run();
}

/** The change-feed cursor: 0 before the first pull. */
export function readCursor(db: Db): number {
  const value = Number(readState(db, CURSOR_KEY) ?? 0);
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

export function writeCursor(db: Db, cursor: number): void {
  writeState(db, CURSOR_KEY, String(cursor));
}
