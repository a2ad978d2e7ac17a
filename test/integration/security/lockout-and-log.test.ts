import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userRoles } from '../../../db/schema';
import { dispatch } from '../../../electron/host/dispatch';
import { hashPassword } from '../../../electron/services/auth/password';
import type { Session } from '../../../electron/services/context';
import { verifySecurityLog } from '../../../electron/services/security/verify-log';
import { makeTestServices } from '../../helpers/test-services';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let now = new Date('2026-03-10T23:00:00+03:00').getTime();
let env: ReturnType<typeof makeTestServices>;

beforeEach(async () => {
  now = new Date('2026-03-10T23:00:00+03:00').getTime();
  env = makeTestServices(() => new Date(now));
  env.services.workstation = { host: 'arm-test-01', address: '127.0.0.1' };
  const { sqlite, db } = env.services.store;
  sqlite.prepare('UPDATE users SET password_hash = ? WHERE login = ?').run(await hashPassword('clerk'), 'clerk');
  sqlite.prepare('UPDATE users SET password_hash = ? WHERE login = ?').run(await hashPassword('head'), 'head');
  db.insert(userRoles).values({ userId: 'u-head', role: 'admin' }).run();
});
afterEach(() => env.cleanup());

const call = (session: Session, channel: string, input: unknown) => dispatch(env.services, session, channel, input);
const loginAs = (session: Session, login: string, password: string) => call(session, 'auth:login', { login, password });

async function admin(): Promise<Session> {
  const session: Session = { user: null };
  expect(await loginAs(session, 'head', 'head')).toMatchObject({ ok: true });
  return session;
}

async function failSixTimes(session: Session) {
  for (let i = 1; i <= 5; i++) {
    expect(await loginAs(session, 'clerk', `wrong-${i}`)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
  }
  return loginAs(session, 'clerk', 'wrong-6');
}

describe('regulation 6.3: lockout after more than 5 failed logins', () => {
  it('locks on the 6th failure, refuses even the right password, and lets it in after 15 minutes', async () => {
    const session: Session = { user: null };
    expect(await failSixTimes(session)).toEqual({
      ok: false,
      error: {
        code: 'ACCOUNT_LOCKED',
        message: 'Учётная запись заблокирована до 23:15 после 6 неудачных попыток входа',
        details: { lockedUntil: '2026-03-10T20:15:00.000Z' },
      },
    });
    expect(await loginAs(session, 'clerk', 'clerk')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(session.user).toBeNull();

    now += 14 * 60_000;
    expect(await loginAs(session, 'clerk', 'clerk')).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    now += 60_000;
    expect(await loginAs(session, 'clerk', 'clerk')).toMatchObject({ ok: true, value: { login: 'clerk' } });
    const row = env.services.store.sqlite
      .prepare("SELECT failed_logins AS n, locked_until AS until FROM users WHERE login = 'clerk'")
      .get();
    expect(row).toEqual({ n: 0, until: null });
  });

  it('five failures then a success reset the counter', async () => {
    const session: Session = { user: null };
    for (let i = 0; i < 5; i++) await loginAs(session, 'clerk', 'wrong');
    expect(await loginAs(session, 'clerk', 'clerk')).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) await loginAs(session, 'clerk', 'wrong');
    expect(await loginAs(session, 'clerk', 'clerk')).toMatchObject({ ok: true });
  });

  it('an administrator unlocks the account; a clerk may not', async () => {
    const clerkSession: Session = { user: null };
    await failSixTimes(clerkSession);
    const other: Session = { user: null };
    await loginAs(other, 'clerk', 'clerk');
    expect(await call(env.clerk.session, 'security:unlock', { login: 'clerk' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    const head = await admin();
    expect(await call(head, 'security:unlock', { login: 'clerk' })).toEqual({ ok: true, value: {} });
    expect(await loginAs(clerkSession, 'clerk', 'clerk')).toMatchObject({ ok: true });
    const events = await call(head, 'security:events', { limit: 100, offset: 0 });
    expect(events).toMatchObject({ ok: true });
    if (!events.ok) return;
    const { entries } = events.value as { entries: { type: string; result: string; login: string }[] };
    expect(entries.map((e) => `${e.type}:${e.result}:${e.login}`).reverse()).toEqual([
      'login:failure:clerk',
      'login:failure:clerk',
      'login:failure:clerk',
      'login:failure:clerk',
      'login:failure:clerk',
      'login:failure:clerk',
      'account-locked:success:clerk',
      'login:failure:clerk',
      'login:success:head',
      'account-unlocked:success:clerk',
      'login:success:clerk',
    ]);
  });

  it('the idle-lock unlock checks the session user password and counts failures', async () => {
    const session: Session = { user: null };
    await loginAs(session, 'clerk', 'clerk');
    expect(await call(session, 'auth:unlock', { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await call(session, 'auth:unlock', { password: 'clerk' })).toMatchObject({
      ok: true,
      value: { login: 'clerk' },
    });
    for (let i = 0; i < 5; i++) await call(session, 'auth:unlock', { password: 'wrong' });
    expect(await call(session, 'auth:unlock', { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED' },
    });
    expect(session.user).toBeNull();
  });
});

describe('regulation 6.3: the security log', () => {
  it('records every attempt with time, type, subject and result, and logout', async () => {
    const session: Session = { user: null };
    await loginAs(session, 'nobody', 'x');
    await loginAs(session, 'clerk', 'wrong');
    await loginAs(session, 'clerk', 'clerk');
    await call(session, 'auth:logout', {});
    const rows = env.services.store.sqlite
      .prepare('SELECT at, type, login, user_id, workstation, address, result FROM security_events ORDER BY id')
      .all();
    const at = now;
    expect(rows).toEqual([
      {
        at,
        type: 'login',
        login: 'nobody',
        user_id: null,
        workstation: 'arm-test-01',
        address: '127.0.0.1',
        result: 'failure',
      },
      {
        at,
        type: 'login',
        login: 'clerk',
        user_id: 'u-clerk',
        workstation: 'arm-test-01',
        address: '127.0.0.1',
        result: 'failure',
      },
      {
        at,
        type: 'login',
        login: 'clerk',
        user_id: 'u-clerk',
        workstation: 'arm-test-01',
        address: '127.0.0.1',
        result: 'success',
      },
      {
        at,
        type: 'logout',
        login: 'clerk',
        user_id: 'u-clerk',
        workstation: 'arm-test-01',
        address: '127.0.0.1',
        result: 'success',
      },
    ]);
    expect(verifySecurityLog(env.services.store.db)).toEqual({ ok: true, entries: 4 });
    expect(await call(await admin(), 'security:verify', {})).toEqual({ ok: true, value: { ok: true, entries: 5 } });
  });

  it('is append-only: UPDATE and DELETE are refused', async () => {
    await loginAs({ user: null }, 'clerk', 'wrong');
    const { sqlite } = env.services.store;
    expect(() => sqlite.prepare("UPDATE security_events SET result = 'success'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM security_events').run()).toThrow(/append-only/);
    expect(verifySecurityLog(env.services.store.db)).toEqual({ ok: true, entries: 1 });
  });

  it('reports the first broken link when a row is tampered with, and the CLI exits 1', async () => {
    const session: Session = { user: null };
    for (const password of ['a', 'b', 'clerk']) await loginAs(session, 'clerk', password);
    await call(session, 'auth:logout', {});
    const { sqlite } = env.services.store;
    const ok = runCli(env.dataDir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, entries: 4 });

    sqlite.exec('DROP TRIGGER security_events_no_update; DROP TRIGGER security_events_no_delete;');
    const ids = sqlite.prepare('SELECT id FROM security_events ORDER BY id').pluck().all() as number[];
    const second = ids[1];
    sqlite.prepare("UPDATE security_events SET result = 'success' WHERE id = ?").run(second);
    expect(verifySecurityLog(env.services.store.db)).toEqual({
      ok: false,
      firstBrokenId: second,
      reason: expect.any(String),
    });
    const broken = runCli(env.dataDir);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBrokenId: second });
  });

  it('a deleted entry breaks the link of the entry after it', async () => {
    const session: Session = { user: null };
    for (const password of ['a', 'b', 'c']) await loginAs(session, 'clerk', password);
    const { sqlite } = env.services.store;
    sqlite.exec('DROP TRIGGER security_events_no_delete;');
    const ids = sqlite.prepare('SELECT id FROM security_events ORDER BY id').pluck().all() as number[];
    sqlite.prepare('DELETE FROM security_events WHERE id = ?').run(ids[1]);
    expect(verifySecurityLog(env.services.store.db)).toMatchObject({ ok: false, firstBrokenId: ids[2] });
  });
});

function runCli(dataDir: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/security-log.ts', '--data', dataDir, 'verify'],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
