import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { settings } from '../../../db/schema';
import { IDLE_LOCK_DEFAULT_MINUTES, idleLockMinutesSchema } from '../../../shared/security/accounts';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { recordSecurityEvent } from '../security/record-event';

const KEY = 'security.idleLockMinutes';

/** Regulation 6.3: the idle time before the session locks, minutes (15 unless the administrator set it). */
export function readIdleLockMinutes(ctx: Pick<CallContext, 'store'>): number {
  const row = ctx.store.db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  const parsed = idleLockMinutesSchema.safeParse(Number(row?.value));
  return parsed.success ? parsed.data : IDLE_LOCK_DEFAULT_MINUTES;
}

/** The administrator changes the idle time; the change and both values go to the security log. */
export function saveIdleLockMinutes(ctx: CallContext, input: { idleLockMinutes: number }): Record<string, never> {
  const admin = requireUser(ctx, 'admin');
  inTransaction(ctx.store.sqlite, () => {
    const before = readIdleLockMinutes(ctx);
    if (before === input.idleLockMinutes) return;
    const now = ctx.clock().getTime();
    const value = String(input.idleLockMinutes);
    ctx.store.db
      .insert(settings)
      .values({ key: KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    recordSecurityEvent(ctx, {
      type: 'settings-changed',
      login: admin.login,
      userId: admin.id,
      result: 'success',
      details: { setting: 'idleLockMinutes', from: before, to: input.idleLockMinutes },
    });
  });
  return {};
}
