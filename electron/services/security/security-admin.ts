import { count, desc, eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { securityEvents, users } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { SecurityEvent, SecurityVerifyResult } from '../../../shared/security/schema';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordSecurityEvent } from './record-event';
import { verifySecurityLog } from './verify-log';

/** An administrator lifts an account's lock and resets its failed-login counter. */
export function unlockAccount(ctx: CallContext, input: { login: string }): Record<string, never> {
  const admin = requireUser(ctx, 'admin');
  const login = input.login.trim();
  inTransaction(ctx.store.sqlite, () => {
    const row = ctx.store.db.select({ id: users.id }).from(users).where(eq(users.login, login)).get();
    if (!row) throw new AppError('NOT_FOUND', `Учётная запись «${login}» не найдена`);
    ctx.store.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id)).run();
    recordSecurityEvent(ctx, {
      type: 'account-unlocked',
      login,
      userId: row.id,
      result: 'success',
      details: { by: admin.login },
    });
  });
  return {};
}

function parseDetails(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The log, newest first. */
export function listSecurityEvents(
  ctx: CallContext,
  input: { limit: number; offset: number },
): { total: number; entries: SecurityEvent[] } {
  requireUser(ctx, 'admin');
  const total = ctx.store.db.select({ n: count() }).from(securityEvents).get()?.n ?? 0;
  const rows = ctx.store.db
    .select()
    .from(securityEvents)
    .orderBy(desc(securityEvents.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return {
    total,
    entries: rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      result: r.result === 'success' ? 'success' : 'failure',
      details: parseDetails(r.details),
    })),
  };
}

export function verifyLog(ctx: CallContext): SecurityVerifyResult {
  requireUser(ctx, 'admin');
  return verifySecurityLog(ctx.store.db);
}
