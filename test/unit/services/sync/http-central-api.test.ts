import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralError } from '../../../../electron/services/sync/central-error';
import { MemoryCredentialStore } from '../../../../electron/services/sync/credentials';
import { HttpCentralApi } from '../../../../electron/services/sync/http-central-api';

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

const SECRET = 'sak-very-secret-value';
let server: Server | null = null;
const seen: string[] = [];

afterEach(async () => {
  seen.length = 0;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** A scripted endpoint: POST /api/v1/auth/token answers a numbered token; `route` answers the rest. */
async function endpoint(route: Handler): Promise<string> {
  let tokens = 0;
  const created = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.url === '/api/v1/auth/token') {
        tokens += 1;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ accessToken: `tok-${tokens}`, tokenType: 'Bearer', expiresIn: 900, scope: 'x' }));
        return;
      }
      route(req, res, Buffer.concat(chunks));
    });
  });
  server = created;
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(created.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const page = { changes: [], next: 0, hasMore: false, serverTime: 'unknown field' };
const log: string[] = [];
const client = (baseUrl: string, timeoutMs = 2_000) =>
  new HttpCentralApi({
    baseUrl,
    credentials: new MemoryCredentialStore({ clientId: 'org-client', secretAccessKey: SECRET }),
    timeoutMs,
    retry: { retries: 2, baseMs: 5, maxMs: 20 },
    log: (line) => log.push(line),
  });
const calls = (path: string) => seen.filter((s) => s.includes(path)).length;

async function failure(promise: Promise<unknown>): Promise<CentralError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CentralError);
    return error as CentralError;
  }
  throw new Error('expected a failure');
}

describe('HttpCentralApi', () => {
  it('gets a token once, sends it as Bearer, tolerates unknown fields', async () => {
    const api = client(await endpoint((_req, res) => json(res, 200, page)));
    expect(await api.changes(0, 10)).toEqual({ changes: [], next: 0, hasMore: false });
    await api.changes(0, 10);
    expect(seen).toEqual([
      'POST /api/v1/auth/token -',
      'GET /api/v1/changes?after=0&limit=10 Bearer tok-1',
      'GET /api/v1/changes?after=0&limit=10 Bearer tok-1',
    ]);
  });

  it('honours Retry-After on 503 and then succeeds', async () => {
    let n = 0;
    const api = client(
      await endpoint((_req, res) => (n++ === 0 ? json(res, 503, {}, { 'retry-after': '1' }) : json(res, 200, page))),
    );
    const started = Date.now();
    await api.changes(0, 10);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls('/changes')).toBe(2);
  });

  it('never retries another 4xx and reports the server problem', async () => {
    const api = client(await endpoint((_req, res) => json(res, 422, { code: 'BAD', message: 'Плохой пакет' })));
    const error = await failure(api.sendCommands([]));
    expect(error).toMatchObject({ kind: 'rejected', status: 422, problem: { code: 'BAD', message: 'Плохой пакет' } });
    expect(calls('/commands')).toBe(1);
  });

  it('on 401 gets a new token once and repeats; a second 401 is an auth failure', async () => {
    let n = 0;
    const api = client(await endpoint((_req, res) => (n++ === 0 ? json(res, 401, {}) : json(res, 200, page))));
    await api.changes(5, 1);
    expect(seen.filter((s) => s.includes('/changes')).map((s) => s.split(' ')[3])).toEqual(['tok-1', 'tok-2']);
    seen.length = 0;
    const denied = client(await endpointAgain((_req, res) => json(res, 401, { code: 'TOKEN_EXPIRED', message: '' })));
    expect(await failure(denied.changes(0, 1))).toMatchObject({ kind: 'auth', status: 401 });
    expect(calls('/auth/token')).toBe(2);
    expect(calls('/changes')).toBe(2);
  });

  it('retries POST /commands after a dropped connection (idempotent) but not a PUT of a file', async () => {
    let commands = 0;
    const api = client(
      await endpoint((req, res) => {
        if (req.method === 'PUT') return req.socket.destroy();
        if (commands++ === 0) return req.socket.destroy();
        json(res, 200, { results: [] });
      }),
    );
    expect(await api.sendCommands([])).toEqual([]);
    expect(calls('/commands')).toBe(2);
    const sha = 'a'.repeat(64);
    expect(await failure(api.putFile(sha, new Uint8Array([1, 2, 3]), 1))).toMatchObject({ kind: 'network' });
    expect(calls('/files/')).toBe(1);
  });

  it('times out a silent server and retries safe requests', async () => {
    const api = client(await endpoint(() => undefined), 200);
    const error = await failure(api.changes(0, 1));
    expect(error.kind).toBe('timeout');
    expect(calls('/changes')).toBe(3);
  });

  it('reads HEAD answers and sends Upload-Offset / Upload-Length', async () => {
    const api = client(
      await endpoint((req, res) => {
        if (req.method === 'HEAD') {
          res.writeHead(206, { 'upload-offset': '2' });
          return res.end();
        }
        seen.push(`offset=${req.headers['upload-offset']} length=${req.headers['upload-length']}`);
        json(res, 201, { complete: true });
      }),
    );
    expect(await api.headFile('b'.repeat(64))).toEqual({ state: 'partial', offset: 2 });
    await api.putFile('b'.repeat(64), new Uint8Array([1, 2, 3, 4]), 2);
    expect(seen).toContain('offset=2 length=4');
  });

  it('never lets the secret or the token reach an error or a log line', async () => {
    const api = client(await endpoint((_req, res) => json(res, 500, { code: 'X', message: 'сбой' })));
    const error = await failure(api.changes(0, 1));
    const exposed = [String(error), JSON.stringify(error), inspect(error, { depth: 10 }), ...log].join('\n');
    expect(exposed).not.toContain(SECRET);
    expect(exposed).not.toContain('tok-1');
    expect(error.kind).toBe('unavailable');
  });
});

/** A second endpoint in the same test (closes the first). */
async function endpointAgain(route: Handler): Promise<string> {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  return endpoint(route);
}
