import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { users } from '../../../db/schema';
import { formatTimeOfDay, toMinsk } from '../../../shared/calendar';
import type { SecurityEventType } from '../../../shared/security/schema';
import type { AppServices } from '../context';
import { afterAttempt, isLocked } from './lockout';
import { recordSecurityEvent } from './record-event';

export type AttemptOutcome =
  | { kind: 'ok' }
  | { kind: 'bad' }
  | { kind: 'locked'; lockedUntil: number; failedLogins: number }
  | { kind: 'unknown' };

type Services = Pick<AppServices, 'store' | 'clock' | 'workstation'>;

/** «Учётная запись заблокирована до 23:15 после 6 неудачных попыток входа» (Minsk time). */
export function lockedMessage(lockedUntil: number, failedLogins: number): string {
  const time = formatTimeOfDay(toMinsk(new Date(lockedUntil)).msOfDay);
  return `Учётная запись заблокирована до ${time} после ${failedLogins} неудачных попыток входа`;
}

/**
 * Settles one password attempt (a login or a session unlock) in ONE transaction: re-reads the account's
 * counter, applies the lockout policy, updates the account and records the events.
 */
export function settleAttempt(
  ctx: Services,
  attempt: {
    login: string;
    userId: string | null;
    passwordOk: boolean;
    type: SecurityEventType;
    /** Runs in the same transaction when the attempt succeeds (e.g. storing a changed password). */
    onSuccess?: () => void;
    /** Why the attempt failed, for the log (default `bad-password`; `unknown-user` without an account). */
    failureReason?: string;
    /** Extra details of the attempt's log entry (e.g. the certificate of a login by ЭЦП). */
    details?: Record<string, unknown>;
  },
): AttemptOutcome {
  return inTransaction(ctx.store.sqlite, (): AttemptOutcome => {
    const now = ctx.clock().getTime();
    const { login, type } = attempt;
    const row = attempt.userId
      ? ctx.store.db
          .select({ id: users.id, failedLogins: users.failedLogins, lockedUntil: users.lockedUntil })
          .from(users)
          .where(eq(users.id, attempt.userId))
          .get()
      : undefined;
    if (!row) {
      recordSecurityEvent(ctx, {
        type,
        login,
        userId: null,
        result: 'failure',
        details: { ...attempt.details, reason: attempt.failureReason ?? 'unknown-user' },
      });
      return { kind: 'unknown' };
    }
    if (isLocked(row, now) && row.lockedUntil !== null) {
      recordSecurityEvent(ctx, {
        type,
        login,
        userId: row.id,
        result: 'failure',
        details: { ...attempt.details, reason: 'locked' },
      });
      return { kind: 'locked', lockedUntil: row.lockedUntil, failedLogins: row.failedLogins };
    }
    const next = afterAttempt(row, attempt.passwordOk, now);
    ctx.store.db
      .update(users)
      .set({ failedLogins: next.failedLogins, lockedUntil: next.lockedUntil })
      .where(eq(users.id, row.id))
      .run();
    if (attempt.passwordOk) attempt.onSuccess?.();
    recordSecurityEvent(ctx, {
      type,
      login,
      userId: row.id,
      result: attempt.passwordOk ? 'success' : 'failure',
      details: attempt.passwordOk
        ? { ...attempt.details }
        : { ...attempt.details, reason: attempt.failureReason ?? 'bad-password', failedLogins: next.failedLogins },
    });
    if (next.justLocked && next.lockedUntil !== null) {
      recordSecurityEvent(ctx, {
        type: 'account-locked',
        login,
        userId: row.id,
        result: 'success',
        details: { failedLogins: next.failedLogins, lockedUntil: new Date(next.lockedUntil).toISOString() },
      });
      return { kind: 'locked', lockedUntil: next.lockedUntil, failedLogins: next.failedLogins };
    }
    return attempt.passwordOk ? { kind: 'ok' } : { kind: 'bad' };
  });
}
