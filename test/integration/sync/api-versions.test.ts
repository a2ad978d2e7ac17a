import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import type { CentralServer } from '../../../server/create-server';
import { centralServices, count, type Env, filedAppeal, registerSome } from '../../unit/services/sync/sync-fixtures';
import { CENTRAL_ORG, CLIENT, startCentral, testApi } from './sync-harness';

let central: CentralServer | null = null;
let env: Env | null = null;
afterEach(async () => {
  await central?.close();
  env?.cleanup();
  central = null;
  env = null;
});

async function json(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Adds `future…` fields to every object of an answer, as a later server of the same version might. */
function withUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnknownFields);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withUnknownFields(v)]);
  return { ...Object.fromEntries(entries), futureFlag: true, futureNote: { nested: [1, 2, 3] } };
}

/** One workstation (v1 client) registering two cards and receiving one portal appeal. */
async function roundTrip(server: CentralServer, url: string) {
  env = centralServices();
  server.fileAppeal(CENTRAL_ORG, filedAppeal());
  registerSome(env, 2);
  const engine = new SyncEngine({ store: env.services.store, files: env.services.files, api: testApi(url, 2_000) });
  const report = await engine.syncOnce();
  return { report, env };
}

describe('API versions (regulation 4.14: the previous version is kept)', () => {
  it('the server answers v1 and v2; v2 adds `at` to feed changes and `answeredAt` to command results', async () => {
    central = startCentral();
    const url = await central.listen();
    central.fileAppeal(CENTRAL_ORG, filedAppeal());
    for (const version of ['v1', 'v2'] as const) {
      const token = await json(`${url}/api/${version}/auth/token`, {
        method: 'POST',
        body: JSON.stringify({ clientId: CLIENT.clientId, clientSecret: CLIENT.secretAccessKey }),
      });
      const auth = { authorization: `Bearer ${String(token.accessToken)}` };
      const page = await json(`${url}/api/${version}/changes?after=0&limit=10`, { headers: auth });
      const [change] = page.changes as Record<string, unknown>[];
      expect(change?.type).toBe('appeal.filed');
      const bogus = { id: '0190f0c0-0000-7000-8000-000000000001', type: 'NoSuchCommand', appealId: null, payload: {} };
      const answer = await json(`${url}/api/${version}/commands`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ commands: [bogus] }),
      });
      const [result] = answer.results as Record<string, unknown>[];
      expect(result?.outcome).toBe('rejected');
      if (version === 'v1') {
        expect(change).not.toHaveProperty('at');
        expect(result).not.toHaveProperty('answeredAt');
      } else {
        expect(change?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(result?.answeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    }
  });

  it('the v1 client keeps working against the server that also serves v2', async () => {
    central = startCentral();
    const url = await central.listen();
    const { report, env: ws } = await roundTrip(central, url);
    expect(report).toMatchObject({ ok: true, push: { applied: 2, rejected: 0 } });
    expect(count(ws, "SELECT count(*) AS n FROM appeals WHERE status = 'received'")).toBe(1);
    expect(count(ws, "SELECT count(*) AS n FROM outbox WHERE state = 'applied'")).toBe(2);
  });

  it('the v1 client ignores fields it does not know in every v1 answer', async () => {
    central = startCentral();
    let decorated = 0;
    central.app.addHook('onSend', async (request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (!request.url.startsWith('/api/v1/') || !type.includes('json') || typeof payload !== 'string') return payload;
      decorated += 1;
      return JSON.stringify(withUnknownFields(JSON.parse(payload)));
    });
    const url = await central.listen();
    const { report, env: ws } = await roundTrip(central, url);
    expect(decorated).toBeGreaterThanOrEqual(3); // token, commands, changes (+ organisations)
    expect(report).toMatchObject({ ok: true, error: null, push: { applied: 2, rejected: 0 } });
    expect(report.pull.invalid).toBe(0);
    expect(count(ws, "SELECT count(*) AS n FROM appeals WHERE status = 'received'")).toBe(1);
    expect(count(ws, 'SELECT count(*) AS n FROM appeals WHERE number_provisional = 1')).toBe(0);
  });
});
