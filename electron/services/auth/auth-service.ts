import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/open';
import { userRoles, users } from '../../../db/schema';
import type { Role } from '../../../shared/appeals/enums';
import type { User } from '../../../shared/appeals/schema';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../context';
import { type AttemptOutcome, lockedMessage, settleAttempt } from '../security/attempts';
import { recordSecurityEvent } from '../security/record-event';
import { hashPassword, needsRehash, verifyPassword } from './password';

const BAD_CREDENTIALS = 'Неверное имя пользователя или пароль';

/** ACCOUNT_LOCKED with the Russian «заблокирована до HH:MM» message and the instant in details. */
export function lockedError(outcome: Extract<AttemptOutcome, { kind: 'locked' }>): AppError {
  return new AppError('ACCOUNT_LOCKED', lockedMessage(outcome.lockedUntil, outcome.failedLogins), {
    lockedUntil: new Date(outcome.lockedUntil).toISOString(),
  });
}

export function loadUser(ctx: Pick<CallContext, 'store'>, userId: string): User | null {
  const row = ctx.store.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row) return null;
  const roles = ctx.store.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all();
  return {
    id: row.id,
    login: row.login,
    fullName: row.fullName,
    position: row.position,
    roles: roles.map((r) => r.role as Role),
  };
}

/**
 * Regulation 6.3: more than MAX_FAILED failed logins in a row lock the account for LOCK_MINUTES;
 * every attempt is recorded in the security log, in one transaction with the account's counter.
 */
export async function login(ctx: CallContext, input: { login: string; password: string }): Promise<User> {
  const name = input.login.trim();
  const row = ctx.store.db.select().from(users).where(eq(users.login, name)).get();
  const usable = row !== undefined && !row.disabled;
  const passwordOk = usable && (await verifyPassword(input.password, row.passwordHash));
  // A hash from before argon2id (scrypt) or with older parameters is replaced while the password is at hand.
  const upgraded = passwordOk && needsRehash(row.passwordHash) ? await hashPassword(input.password) : null;
  const outcome = settleAttempt(ctx, {
    login: name,
    userId: usable ? row.id : null,
    passwordOk,
    type: 'login',
    onSuccess: () => {
      if (upgraded && row) ctx.store.db.update(users).set({ passwordHash: upgraded }).where(eq(users.id, row.id)).run();
    },
  });
  if (outcome.kind === 'locked') throw lockedError(outcome);
  if (outcome.kind !== 'ok' || !row) throw new AppError('NOT_AUTHENTICATED', BAD_CREDENTIALS);
  const user = loadUser(ctx, row.id);
  if (!user) throw new AppError('NOT_AUTHENTICATED', BAD_CREDENTIALS);
  ctx.session.user = user;
  // Accounts created or reset by the administrator change the temporary password before anything else.
  ctx.session.mustChangePassword = row.mustChangePassword;
  return user;
}

export function logout(ctx: CallContext): Record<string, never> {
  const user = ctx.session.user;
  if (user) {
    inTransaction(ctx.store.sqlite, () =>
      recordSecurityEvent(ctx, { type: 'logout', login: user.login, userId: user.id, result: 'success' }),
    );
  }
  ctx.session.user = null;
  ctx.session.mustChangePassword = false;
  return {};
}

/**
 * The idle lock's password check: the session's own user, counted like a login. A wrong password that
 * locks the account also ends the session.
 */
export async function unlockSession(ctx: CallContext, input: { password: string }): Promise<User> {
  const user = requireUser(ctx);
  const row = ctx.store.db.select().from(users).where(eq(users.id, user.id)).get();
  const passwordOk = row !== undefined && !row.disabled && (await verifyPassword(input.password, row.passwordHash));
  const outcome = settleAttempt(ctx, { login: user.login, userId: user.id, passwordOk, type: 'session-unlock' });
  if (outcome.kind === 'locked') {
    ctx.session.user = null;
    throw lockedError(outcome);
  }
  if (outcome.kind !== 'ok') throw new AppError('BAD_INPUT', 'Неверный пароль');
  return user;
}

/**
 * Re-reads the session's account before a call: a deactivated (or removed) account ends the session at
 * once, and role changes by the administrator apply to the next call, not only to the next login.
 */
export function refreshSessionUser(ctx: CallContext): void {
  const current = ctx.session.user;
  if (!current) return;
  const row = ctx.store.db.select({ disabled: users.disabled }).from(users).where(eq(users.id, current.id)).get();
  const user = row && !row.disabled ? loadUser(ctx, current.id) : null;
  if (!user) {
    ctx.session.user = null;
    ctx.session.mustChangePassword = false;
    throw new AppError('NOT_AUTHENTICATED', 'Учётная запись отключена администратором');
  }
  ctx.session.user = user;
}

/** The session's user, or a typed error: every non-public handler starts here. */
export function requireUser(ctx: CallContext, ...anyOf: Role[]): User {
  const user = ctx.session.user;
  if (!user) throw new AppError('NOT_AUTHENTICATED', 'Войдите в систему');
  if (anyOf.length > 0 && !anyOf.some((role) => user.roles.includes(role))) {
    throw new AppError('NOT_ALLOWED', 'Недостаточно прав для этого действия');
  }
  return user;
}
