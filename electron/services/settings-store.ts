import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { prepared } from '../../db/prepared';
import { settings } from '../../db/schema';

/** The stored JSON text of one `settings` row, or null. One prepared statement per key. */
export function readSettingText(db: Db, key: string): string | null {
  const row = prepared(db, `settings.${key}`, () =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).prepare(),
  ).get();
  return row?.value ?? null;
}

/** Inserts or replaces one `settings` row with `value` as JSON (callers hold the transaction). */
export function writeSetting(db: Db, key: string, value: unknown, now: Date): void {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json, updatedAt: now.getTime() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.getTime() } })
    .run();
}
