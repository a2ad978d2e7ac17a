import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userRoles } from '../../../db/schema';
import { dispatch } from '../../../electron/host/dispatch';
import { hashPassword } from '../../../electron/services/auth/password';
import type { Session } from '../../../electron/services/context';
import { channels } from '../../../shared/contract';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
beforeEach(async () => {
  env = makeTestServices();
  const { sqlite, db } = env.services.store;
  sqlite.prepare("UPDATE users SET password_hash = ? WHERE login = 'head'").run(await hashPassword('head'));
  for (const role of ['admin', 'clerk'] as const) db.insert(userRoles).values({ userId: 'u-head', role }).run();
});
afterEach(() => {
  vi.restoreAllMocks();
  env.cleanup();
});

describe('every IPC/HTTP input is validated by the contract before a handler runs', () => {
  it('malformed input to any channel is BAD_INPUT (or NOT_AUTHENTICATED first), never a handler crash', async () => {
    const first: Session = { user: null };
    expect(await dispatch(env.services, first, 'auth:login', { login: 'head', password: 'head' })).toMatchObject({
      ok: true,
    });
    const internal: unknown[] = [];
    const log = (err: unknown) => internal.push(err);
    const garbage: unknown[] = [42, 'text', [1, 2], true, { id: { $gt: '' }, limit: -1, login: 7, settings: 'x' }];
    for (const channel of Object.keys(channels)) {
      // A fresh copy of the administrator's session per channel (garbage-free objects may log out).
      const session: Session = { ...first };
      for (const input of garbage.slice(0, 4)) {
        const result = await dispatch(env.services, session, channel, input, log);
        expect(result, `${channel} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'BAD_INPUT' },
        });
      }
      const objectGarbage = await dispatch(env.services, session, channel, garbage[4], log);
      if (!objectGarbage.ok) expect(objectGarbage.error.code, channel).not.toBe('INTERNAL');
    }
    expect(internal).toEqual([]);
  });
});

describe('no secrets or personal data in the application logs', () => {
  it('logins, password changes, accounts, appeals and an internal failure print nothing sensitive', async () => {
    const printed: string[] = [];
    const capture = (...args: unknown[]) => {
      printed.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    };
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }
    const writes = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const errWrites = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    const secrets = ['Секрет2026пароль', 'НовыйСекрет7пароль', 'Лукашевич', 'Сурганова', '+375 29 123-45-67'];
    const session: Session = { user: null };
    const call = (channel: string, input: unknown) => dispatch(env.services, session, channel, input);
    await call('auth:login', { login: 'head', password: secrets[0] });
    await call('auth:login', { login: 'head', password: 'head' });
    await call('account:changePassword', { currentPassword: 'head', newPassword: secrets[1] });
    await call('account:changePassword', { currentPassword: secrets[0], newPassword: 'Другой9пароль' });
    await call('accounts:create', {
      login: 'lukashevich',
      fullName: `${secrets[2]} Анна`,
      position: '',
      roles: ['clerk'],
    });
    const appeal = draft({
      applicant: {
        kind: 'person',
        surname: secrets[2] ?? '',
        name: 'Анна',
        patronymic: '',
        address: `г. Минск, ул. ${secrets[3]}, д. 1`,
        phone: secrets[4] ?? '',
        email: '',
      },
    });
    await call('appeals:register', { id: null, draft: appeal, expectedVersion: null });
    // An unexpected failure inside a handler: the dispatcher logs it (the only log line the app writes).
    const broken = {
      ...env.services,
      clock: () => {
        throw new Error('clock unavailable');
      },
    };
    const failed = await dispatch(broken, session, 'accounts:saveSettings', { idleLockMinutes: 20 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const crashed = await dispatch(broken, { user: null }, 'auth:login', { login: 'head', password: secrets[1] });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const output = [
      ...printed,
      ...writes.mock.calls.map((c) => String(c[0])),
      ...errWrites.mock.calls.map((c) => String(c[0])),
    ].join('\n');
    expect(output).toContain('clock unavailable');
    for (const secret of secrets) expect(output).not.toContain(secret);
    // The security log keeps who and what, never a password.
    const logText = JSON.stringify(env.services.store.sqlite.prepare('SELECT * FROM security_events').all());
    for (const secret of secrets.slice(0, 2)) expect(logText).not.toContain(secret);
  });
});
