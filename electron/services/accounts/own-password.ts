import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { passwordProblems, passwordProblemsMessage } from '../../../shared/security/password-rules';
import { lockedError, requireUser } from '../auth/auth-service';
import { hashPassword, verifyPassword } from '../auth/password';
import type { CallContext } from '../context';
import { settleAttempt } from '../security/attempts';
import { readIdleLockMinutes } from './idle-lock-setting';
import { isReusedPassword, storePasswordHash } from './password-store';

/** `account:status`: whether this session must change its password first, and the idle lock's minutes. */
export function accountStatus(ctx: CallContext) {
  requireUser(ctx);
  return { mustChangePassword: ctx.session.mustChangePassword === true, idleLockMinutes: readIdleLockMinutes(ctx) };
}

/**
 * `account:changePassword`: the rules first (naming everything missing), then «not one of the last
 * passwords», then the current password — checked like a login, so failures count towards the lockout
 * of regulation 6.3 — and the new argon2id hash with the old one kept in the history.
 */
export async function changeOwnPassword(
  ctx: CallContext,
  input: { currentPassword: string; newPassword: string },
): Promise<Record<string, never>> {
  const user = requireUser(ctx);
  const problems = passwordProblems(input.newPassword, user.login);
  if (problems.length > 0) throw new AppError('BAD_INPUT', passwordProblemsMessage(problems), { rules: problems });
  const row = ctx.store.db.select().from(users).where(eq(users.id, user.id)).get();
  const currentOk =
    row !== undefined && !row.disabled && (await verifyPassword(input.currentPassword, row.passwordHash));
  if (currentOk && (await isReusedPassword(ctx.store.db, user.id, input.newPassword))) {
    throw new AppError('BAD_INPUT', 'Пароль не подходит: он совпадает с одним из последних паролей', {
      rules: ['reused'],
    });
  }
  const hash = currentOk ? await hashPassword(input.newPassword) : '';
  const outcome = settleAttempt(ctx, {
    login: user.login,
    userId: user.id,
    passwordOk: currentOk,
    type: 'password-changed',
    onSuccess: () => storePasswordHash(ctx.store.db, user.id, { hash, mustChange: false, at: ctx.clock().getTime() }),
  });
  if (outcome.kind === 'locked') {
    ctx.session.user = null;
    ctx.session.mustChangePassword = false;
    throw lockedError(outcome);
  }
  if (outcome.kind !== 'ok') throw new AppError('BAD_INPUT', 'Неверный текущий пароль');
  ctx.session.mustChangePassword = false;
  return {};
}
