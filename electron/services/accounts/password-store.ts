import { randomInt } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { passwordHistory, users } from '../../../db/schema';
import { PASSWORD_HISTORY_DEPTH } from '../../../shared/security/password-rules';
import { verifyPassword } from '../auth/password';

/**
 * Replaces an account's password hash, keeping the previous one in its history (at most
 * PASSWORD_HISTORY_DEPTH − 1 old hashes: with the current one they make the «not reused» window).
 * Call inside the caller's transaction.
 */
export function storePasswordHash(
  db: Db,
  userId: string,
  change: { hash: string; mustChange: boolean; at: number },
): void {
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (row?.hash) db.insert(passwordHistory).values({ userId, passwordHash: row.hash, changedAt: change.at }).run();
  db.update(users)
    .set({ passwordHash: change.hash, mustChangePassword: change.mustChange, passwordChangedAt: change.at })
    .where(eq(users.id, userId))
    .run();
  const stale = db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .offset(PASSWORD_HISTORY_DEPTH - 1)
    .limit(1_000)
    .all()
    .map((r) => r.id);
  if (stale.length > 0) db.delete(passwordHistory).where(inArray(passwordHistory.id, stale)).run();
}

/** Whether `password` is the account's current password or one of its remembered earlier ones. */
export async function isReusedPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const current = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  const earlier = db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .all();
  for (const { hash } of [...(current ? [current] : []), ...earlier]) {
    if (await verifyPassword(password, hash)) return true;
  }
  return false;
}

// No look-alikes (0/O, 1/l/I): the administrator reads the temporary password out or writes it down.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random 12-character temporary password that meets the password rules (upper, lower, digit). */
export function temporaryPassword(): string {
  const all = LOWER + UPPER + DIGITS;
  const pick = (set: string) => set[randomInt(set.length)] ?? 'x';
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), ...Array.from({ length: 9 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
