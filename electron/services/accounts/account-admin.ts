import { asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../../../db/open';
import { userRoles, users } from '../../../db/schema';
import type { Role } from '../../../shared/appeals/enums';
import { AppError } from '../../../shared/errors';
import type { Account, AccountCreate, AccountUpdate } from '../../../shared/security/accounts';
import { organisationOf } from '../appeals/save-appeal';
import { requireUser } from '../auth/auth-service';
import { hashPassword } from '../auth/password';
import type { CallContext } from '../context';
import { isLocked } from '../security/lockout';
import { recordSecurityEvent, type SecurityEventInput } from '../security/record-event';
import { storePasswordHash, temporaryPassword } from './password-store';

/**
 * «Пользователи» (issue #10 "Accounts"): local accounts created by the administrator, with roles. Every
 * change is one transaction with its security-log entry (who did it is in `details.by`).
 */

function rolesOf(ctx: CallContext, userId: string): Role[] {
  return ctx.store.db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role as Role);
}

function accountRow(ctx: CallContext, id: string) {
  const row = ctx.store.db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Учётная запись не найдена');
  return row;
}

function logAdminEvent(
  ctx: CallContext,
  admin: { login: string },
  target: { id: string; login: string },
  type: SecurityEventInput['type'],
  details: Record<string, unknown> = {},
) {
  recordSecurityEvent(ctx, {
    type,
    login: target.login,
    userId: target.id,
    result: 'success',
    details: { by: admin.login, ...details },
  });
}

export function listAccounts(ctx: CallContext): { accounts: Account[] } {
  requireUser(ctx, 'admin');
  const now = ctx.clock().getTime();
  const rows = ctx.store.db.select().from(users).orderBy(asc(users.login)).all();
  return {
    accounts: rows
      // Accounts the sync engine created for other workstations' users have no password: not local ones.
      .filter((r) => r.passwordHash !== '')
      .map((r) => ({
        id: r.id,
        login: r.login,
        fullName: r.fullName,
        position: r.position,
        roles: rolesOf(ctx, r.id),
        disabled: r.disabled,
        lockedUntil: isLocked(r, now) && r.lockedUntil !== null ? new Date(r.lockedUntil).toISOString() : null,
        failedLogins: r.failedLogins,
        mustChangePassword: r.mustChangePassword,
      })),
  };
}

export async function createAccount(ctx: CallContext, input: AccountCreate) {
  const admin = requireUser(ctx, 'admin');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const id = uuidv7();
  const login = input.login.toLowerCase();
  inTransaction(ctx.store.sqlite, () => {
    const taken = ctx.store.db.select({ id: users.id }).from(users).where(eq(users.login, login)).get();
    if (taken) throw new AppError('CONFLICT', `Имя пользователя «${login}» уже занято`);
    const now = ctx.clock().getTime();
    ctx.store.db
      .insert(users)
      .values({
        id,
        orgId: organisationOf(ctx.store.db).id,
        login,
        fullName: input.fullName,
        position: input.position,
        passwordHash: hash,
        createdAt: now,
        mustChangePassword: true,
        passwordChangedAt: now,
      })
      .run();
    for (const role of new Set(input.roles)) ctx.store.db.insert(userRoles).values({ userId: id, role }).run();
    logAdminEvent(ctx, admin, { id, login }, 'account-created', { roles: [...new Set(input.roles)] });
  });
  return { id, temporaryPassword: password };
}

export function updateAccount(ctx: CallContext, input: AccountUpdate): Record<string, never> {
  const admin = requireUser(ctx, 'admin');
  inTransaction(ctx.store.sqlite, () => {
    const row = accountRow(ctx, input.id);
    const before = rolesOf(ctx, row.id);
    const after = [...new Set(input.roles)];
    if (row.id === admin.id && !after.includes('admin')) {
      throw new AppError('NOT_ALLOWED', 'Нельзя снять роль администратора со своей учётной записи');
    }
    const changed = [
      ...(row.fullName !== input.fullName ? ['fullName'] : []),
      ...(row.position !== input.position ? ['position'] : []),
    ];
    if (changed.length > 0) {
      ctx.store.db
        .update(users)
        .set({ fullName: input.fullName, position: input.position })
        .where(eq(users.id, row.id))
        .run();
      logAdminEvent(ctx, admin, row, 'account-updated', { fields: changed });
    }
    const added = after.filter((r) => !before.includes(r));
    const removed = before.filter((r) => !after.includes(r));
    if (added.length + removed.length > 0) {
      ctx.store.db.delete(userRoles).where(eq(userRoles.userId, row.id)).run();
      for (const role of after) ctx.store.db.insert(userRoles).values({ userId: row.id, role }).run();
      logAdminEvent(ctx, admin, row, 'roles-changed', { added, removed, roles: after });
    }
  });
  return {};
}

export function setAccountDisabled(ctx: CallContext, input: { id: string; disabled: boolean }): Record<string, never> {
  const admin = requireUser(ctx, 'admin');
  if (input.id === admin.id && input.disabled) {
    throw new AppError('NOT_ALLOWED', 'Нельзя отключить свою учётную запись');
  }
  inTransaction(ctx.store.sqlite, () => {
    const row = accountRow(ctx, input.id);
    if (row.disabled === input.disabled) return;
    ctx.store.db.update(users).set({ disabled: input.disabled }).where(eq(users.id, row.id)).run();
    logAdminEvent(ctx, admin, row, input.disabled ? 'account-disabled' : 'account-enabled');
  });
  return {};
}

/** A new temporary password (shown once to the administrator); the user must change it at the next login. */
export async function resetAccountPassword(ctx: CallContext, input: { id: string }) {
  const admin = requireUser(ctx, 'admin');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  inTransaction(ctx.store.sqlite, () => {
    const row = accountRow(ctx, input.id);
    storePasswordHash(ctx.store.db, row.id, { hash, mustChange: true, at: ctx.clock().getTime() });
    logAdminEvent(ctx, admin, row, 'password-reset');
  });
  return { temporaryPassword: password };
}
