import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { users } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import type { SecurityVerifyResult } from '../../../shared/security/schema';
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

export function verifyLog(ctx: CallContext): SecurityVerifyResult {
  requireUser(ctx, 'admin');
  return verifySecurityLog(ctx.store.db);
}
