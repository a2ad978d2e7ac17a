import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHost, startHttpHost } from '../../electron/host/http';
import { hashPassword } from '../../electron/services/auth/password';
import { makeTestServices } from '../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
let host: HttpHost;

/** Raw request, so tests can forge Host and Origin headers as an attacker's page would. */
function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers },
  });

beforeAll(async () => {
  env = makeTestServices();
  env.services.store.sqlite
    .prepare('UPDATE users SET password_hash = ? WHERE login = ?')
    .run(await hashPassword('clerk'), 'clerk');
  const rendererDir = join(env.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>АРМ</title>');
  writeFileSync(join(env.dataDir, 'secret.txt'), 'do not serve');
  host = await startHttpHost(env.services, { rendererDir });
});
afterAll(async () => {
  await host.close();
  env.cleanup();
});

describe('browser-mode loopback host', () => {
  it('listens on 127.0.0.1 and gives the token only in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
  });

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const index = await call('/');
    expect(index.status).toBe(200);
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await call('/../secret.txt')).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('refuses calls without the session token, from foreign origins or Host names', async () => {
    expect((await api('auth:me', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await api('auth:me', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('auth:me', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await call('/api/auth:me', { method: 'GET' })).status).toBe(405);
  });

  it('dispatches the contract: typed errors, then a login session', async () => {
    expect(JSON.parse((await api('appeals:list', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(JSON.parse((await api('nope:nope', {})).body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.parse((await api('auth:login', { login: 'clerk' })).body)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const bad = JSON.parse((await api('auth:login', { login: 'clerk', password: 'wrong' })).body);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED', message: 'Неверное имя пользователя или пароль' },
    });
    const ok = JSON.parse((await api('auth:login', { login: 'clerk', password: 'clerk' })).body);
    expect(ok).toMatchObject({ ok: true, value: { login: 'clerk', roles: ['clerk'] } });
    expect(JSON.parse((await api('appeals:list', {})).body)).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
  });

  it('answers malformed JSON with BAD_INPUT', async () => {
    const res = await call('/api/auth:me', {
      method: 'POST',
      body: '{not json',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
