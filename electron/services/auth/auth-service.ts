import { eq } from 'drizzle-orm';
import { userRoles, users } from '../../../db/schema';
import type { Role } from '../../../shared/appeals/enums';
import type { User } from '../../../shared/appeals/schema';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../context';
import { verifyPassword } from './password';

const BAD_CREDENTIALS = 'Неверное имя пользователя или пароль';

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

export async function login(ctx: CallContext, input: { login: string; password: string }): Promise<User> {
  const row = ctx.store.db.select().from(users).where(eq(users.login, input.login.trim())).get();
  if (!row || row.disabled || !(await verifyPassword(input.password, row.passwordHash))) {
    throw new AppError('NOT_AUTHENTICATED', BAD_CREDENTIALS);
  }
  const user = loadUser(ctx, row.id);
  if (!user) throw new AppError('NOT_AUTHENTICATED', BAD_CREDENTIALS);
  ctx.session.user = user;
  return user;
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
