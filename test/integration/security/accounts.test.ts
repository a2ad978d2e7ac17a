import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userRoles } from '../../../db/schema';
import { dispatch } from '../../../electron/host/dispatch';
import { hashPassword, verifyPassword } from '../../../electron/services/auth/password';
import type { Session } from '../../../electron/services/context';
import { verifySecurityLog } from '../../../electron/services/security/verify-log';
import type { ApiResult } from '../../../shared/contract';
import { draft, makeTestServices } from '../../helpers/test-services';

let now = new Date('2026-03-10T10:00:00+03:00').getTime();
let env: ReturnType<typeof makeTestServices>;
let admin: Session;

const call = (session: Session, channel: string, input: unknown = {}) =>
  dispatch(env.services, session, channel, input);

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function loginAs(login: string, password: string): Promise<Session> {
  const session: Session = { user: null };
  value(await call(session, 'auth:login', { login, password }));
  return session;
}

const events = () =>
  env.services.store.sqlite.prepare('SELECT type, login, result, details FROM security_events ORDER BY id').all() as {
    type: string;
    login: string;
    result: string;
    details: string;
  }[];

beforeEach(async () => {
  now = new Date('2026-03-10T10:00:00+03:00').getTime();
  env = makeTestServices(() => new Date(now));
  const { sqlite, db } = env.services.store;
  sqlite.prepare('UPDATE users SET password_hash = ? WHERE login = ?').run(await hashPassword('head'), 'head');
  sqlite.prepare('UPDATE users SET password_hash = ? WHERE login = ?').run(await hashPassword('clerk'), 'clerk');
  db.insert(userRoles).values({ userId: 'u-head', role: 'admin' }).run();
  admin = await loginAs('head', 'head');
});
afterEach(() => env.cleanup());

describe('password hashes: argon2id', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Весна2026года');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('Весна2026года', hash)).toBe(true);
    expect(await verifyPassword('весна2026года', hash)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('upgrades a legacy scrypt hash to argon2id on the next successful login, not on a failed one', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('clerk', salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ['scrypt', 1 << 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    const { sqlite } = env.services.store;
    sqlite.prepare("UPDATE users SET password_hash = ? WHERE login = 'clerk'").run(legacy);
    const stored = () =>
      sqlite.prepare("SELECT password_hash FROM users WHERE login = 'clerk'").pluck().get() as string;

    expect(await call({ user: null }, 'auth:login', { login: 'clerk', password: 'wrong' })).toMatchObject({
      ok: false,
    });
    expect(stored()).toBe(legacy);
    await loginAs('clerk', 'clerk');
    expect(stored()).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword('clerk', stored())).toBe(true);
    await loginAs('clerk', 'clerk');
  });
});

describe('accounts created by the administrator', () => {
  async function createIvanova() {
    return value<{ id: string; temporaryPassword: string }>(
      await call(admin, 'accounts:create', {
        login: 'ivanova',
        fullName: 'Иванова Мария Петровна',
        position: 'Специалист',
        roles: ['executor'],
      }),
    );
  }

  it('first login must change the temporary password; nothing else runs until then', async () => {
    const { id, temporaryPassword } = await createIvanova();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const user = await loginAs('ivanova', temporaryPassword);
    expect(value(await call(user, 'account:status'))).toEqual({ mustChangePassword: true, idleLockMinutes: 15 });
    expect(await call(user, 'appeals:list', {})).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });

    const change = (currentPassword: string, newPassword: string) =>
      call(user, 'account:changePassword', { currentPassword, newPassword });
    expect(await change(temporaryPassword, 'коротко')).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: 'Пароль не подходит: нужно не менее 10 символов, хотя бы одна цифра, заглавные и строчные буквы',
        details: { rules: ['length', 'digit', 'case'] },
      },
    });
    expect(await change(temporaryPassword, temporaryPassword)).toMatchObject({
      ok: false,
      error: { message: 'Пароль не подходит: он совпадает с одним из последних паролей' },
    });
    expect(await change('не тот', 'Весна2026года')).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Неверный текущий пароль' },
    });
    expect(value(await change(temporaryPassword, 'Весна2026года'))).toEqual({});
    expect(value(await call(user, 'account:status'))).toMatchObject({ mustChangePassword: false });
    expect(await call(user, 'appeals:list', {})).toMatchObject({ ok: true });

    const again = await loginAs('ivanova', 'Весна2026года');
    expect(value(await call(again, 'account:status'))).toMatchObject({ mustChangePassword: false });
    const accounts = value<{ accounts: { id: string; mustChangePassword: boolean; roles: string[] }[] }>(
      await call(admin, 'accounts:list'),
    ).accounts;
    expect(accounts.find((a) => a.id === id)).toMatchObject({ mustChangePassword: false, roles: ['executor'] });
    expect(events().map((e) => `${e.type}:${e.result}:${e.login}`)).toEqual([
      'login:success:head',
      'account-created:success:ivanova',
      'login:success:ivanova',
      'password-changed:failure:ivanova',
      'password-changed:success:ivanova',
      'login:success:ivanova',
    ]);
  });

  it('a new password may not repeat any of the last five', async () => {
    const user = await loginAs('clerk', 'clerk');
    const passwords = [
      'Первый1пароль',
      'Второй2пароль',
      'Третий3пароль',
      'Четвёртый4пароль',
      'Пятый5пароль',
      'Шестой6пароль',
    ];
    let current = 'clerk';
    for (const next of passwords) {
      value(await call(user, 'account:changePassword', { currentPassword: current, newPassword: next }));
      current = next;
    }
    for (const old of passwords.slice(1)) {
      expect(await call(user, 'account:changePassword', { currentPassword: current, newPassword: old })).toMatchObject({
        ok: false,
        error: { details: { rules: ['reused'] } },
      });
    }
    // The first one has left the window of five (the current one and four earlier ones).
    expect(passwords.slice(1)).toHaveLength(5);
    value(await call(user, 'account:changePassword', { currentPassword: current, newPassword: passwords[0] }));
    expect(
      env.services.store.sqlite
        .prepare("SELECT count(*) FROM password_history WHERE user_id = 'u-clerk'")
        .pluck()
        .get(),
    ).toBe(4);
  });

  it('roles, details, deactivation, reset and unlock are logged with the administrator', async () => {
    const { id } = await createIvanova();
    value(
      await call(admin, 'accounts:update', {
        id,
        fullName: 'Иванова Мария Петровна',
        position: 'Главный специалист',
        roles: ['executor', 'clerk'],
      }),
    );
    value(await call(admin, 'accounts:setDisabled', { id, disabled: true }));
    const { temporaryPassword } = value<{ temporaryPassword: string }>(
      await call(admin, 'accounts:resetPassword', { id }),
    );
    expect(await call({ user: null }, 'auth:login', { login: 'ivanova', password: temporaryPassword })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    value(await call(admin, 'accounts:setDisabled', { id, disabled: false }));
    const user = await loginAs('ivanova', temporaryPassword);
    expect(user.user?.roles.sort()).toEqual(['clerk', 'executor']);
    expect(user.mustChangePassword).toBe(true);

    const log = events().filter((e) => e.login === 'ivanova' && e.type !== 'login');
    expect(log.map((e) => [e.type, JSON.parse(e.details)])).toEqual([
      ['account-created', { by: 'head', roles: ['executor'] }],
      ['account-updated', { by: 'head', fields: ['position'] }],
      ['roles-changed', { by: 'head', added: ['clerk'], removed: [], roles: ['executor', 'clerk'] }],
      ['account-disabled', { by: 'head' }],
      ['password-reset', { by: 'head' }],
      ['account-enabled', { by: 'head' }],
    ]);
    expect(JSON.stringify(events())).not.toContain(temporaryPassword);
    expect(verifySecurityLog(env.services.store.db)).toMatchObject({ ok: true });
  });

  it('a deactivation ends an open session at its next call; a role change applies at once', async () => {
    const clerk = await loginAs('clerk', 'clerk');
    expect(await call(clerk, 'accounts:list')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    value(
      await call(admin, 'accounts:update', {
        id: 'u-clerk',
        fullName: 'Петрова Анна Сергеевна',
        position: '',
        roles: ['clerk', 'admin'],
      }),
    );
    expect(await call(clerk, 'accounts:list')).toMatchObject({ ok: true });
    expect(clerk.user?.roles.sort()).toEqual(['admin', 'clerk']);
    value(await call(admin, 'accounts:setDisabled', { id: 'u-clerk', disabled: true }));
    expect(await call(clerk, 'appeals:list', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED', message: 'Учётная запись отключена администратором' },
    });
    expect(clerk.user).toBeNull();
  });

  it('refuses duplicates, bad input, the administrator locking itself out, and non-administrators', async () => {
    await createIvanova();
    expect(
      await call(admin, 'accounts:create', {
        login: 'IVANOVA',
        fullName: 'Другая Мария',
        position: '',
        roles: ['clerk'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Имя пользователя «ivanova» уже занято' } });
    expect(
      await call(admin, 'accounts:create', { login: 'иванова', fullName: 'Иванова', position: '', roles: [] }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call(admin, 'accounts:setDisabled', { id: 'u-head', disabled: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'Нельзя отключить свою учётную запись' },
    });
    expect(
      await call(admin, 'accounts:update', { id: 'u-head', fullName: 'Ковалёв И. П.', position: '', roles: ['head'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const clerk = await loginAs('clerk', 'clerk');
    for (const [channel, input] of [
      ['accounts:list', {}],
      ['accounts:resetPassword', { id: 'u-head' }],
      ['accounts:saveSettings', { idleLockMinutes: 60 }],
      ['security:exportCsv', {}],
    ] as const) {
      expect(await call(clerk, channel, input)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
  });
});

describe('the idle-lock time (regulation 6.3) set by the administrator', () => {
  it('is stored, logged with both values and given to every session', async () => {
    expect(value(await call(admin, 'accounts:settings'))).toEqual({ idleLockMinutes: 15 });
    expect(await call(admin, 'accounts:saveSettings', { idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    value(await call(admin, 'accounts:saveSettings', { idleLockMinutes: 10 }));
    const clerk = await loginAs('clerk', 'clerk');
    expect(value(await call(clerk, 'account:status'))).toEqual({ mustChangePassword: false, idleLockMinutes: 10 });
    const changed = events().filter((e) => e.type === 'settings-changed');
    expect(changed.map((e) => [e.login, JSON.parse(e.details)])).toEqual([
      ['head', { setting: 'idleLockMinutes', from: 15, to: 10 }],
    ]);
  });
});

describe('the log viewer: filters and CSV export', () => {
  it('filters by period, type, account and result, and exports what it shows', async () => {
    await call({ user: null }, 'auth:login', { login: 'clerk', password: 'wrong' });
    now += 24 * 3_600_000;
    await loginAs('clerk', 'clerk');
    await call({ user: null }, 'auth:login', { login: '=cmd|calc', password: 'x' });
    type Page = { total: number; entries: { type: string; login: string; result: string }[] };
    const query = async (filter: object) =>
      value<Page>(await call(admin, 'security:events', { limit: 100, offset: 0, ...filter }));

    expect((await query({})).total).toBe(4);
    expect((await query({ from: '2026-03-11', to: '2026-03-11' })).entries.map((e) => e.login)).toEqual([
      '=cmd|calc',
      'clerk',
    ]);
    expect((await query({ to: '2026-03-10' })).total).toBe(2);
    expect((await query({ login: 'cle', result: 'failure' })).entries).toMatchObject([
      { type: 'login', login: 'clerk', result: 'failure' },
    ]);
    expect((await query({ login: '%' })).total).toBe(0);
    expect(await call(admin, 'security:events', { type: 'no-such-type' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });

    const csv = value<{ fileName: string; csv: string; rows: number }>(
      await call(admin, 'security:exportCsv', { from: '2026-03-11' }),
    );
    expect(csv.rows).toBe(2);
    expect(csv.fileName).toBe('Журнал безопасности 2026-03-11.csv');
    const lines = csv.csv.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF№;Дата и время \(Минск\);Событие;Учётная запись;/);
    expect(lines[1]).toMatch(/^4;2026-03-11T10:00:00\.000\+03:00;Вход;'=cmd\|calc;[^;]+;127\.0\.0\.1;отказ;/);
    expect(lines).toHaveLength(4);
    const last = events().at(-1);
    expect(last).toMatchObject({ type: 'security-log-exported', login: 'head', result: 'success' });
    expect(JSON.parse(last?.details ?? '{}')).toEqual({ rows: 2, filter: { from: '2026-03-11' } });
  });
});

describe('exports and settings are security events', () => {
  it('a PDF export and a calendar change are recorded with the account', async () => {
    const clerk = await loginAs('clerk', 'clerk');
    const { id } = value<{ id: string }>(
      await call(clerk, 'appeals:register', { id: null, draft: draft(), expectedVersion: null }),
    );
    value(await call(clerk, 'export:appealPdf', { id }));
    const { settings } = value<{ settings: unknown }>(await call(admin, 'calendar:get', { year: 2026 }));
    value(await call(admin, 'calendar:save', { settings }));
    const recorded = events().filter((e) => e.type === 'export' || e.type === 'settings-changed');
    expect(recorded.map((e) => [e.type, e.login, e.result, JSON.parse(e.details)])).toEqual([
      ['export', 'clerk', 'success', { format: 'pdf', appealId: id, regNumber: expect.stringMatching(/^ОГ-2026-/) }],
      ['settings-changed', 'head', 'success', { setting: 'calendar' }],
    ]);
  });
});
