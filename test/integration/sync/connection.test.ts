import { afterEach, describe, expect, it } from 'vitest';
import { CentralConnection } from '../../../electron/services/sync/connection';
import { MemoryCredentialStore } from '../../../electron/services/sync/credentials';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { type CentralServer, createCentralServer } from '../../../server/create-server';
import { makeTestServices } from '../../helpers/test-services';

const SECRET = 'sak-7f3e9c1b-very-secret';
const WRONG = 'sak-wrong-0d5a-also-secret';
const CLIENT = { clientId: 'org-a-client', clientSecret: SECRET, orgId: 'org-a', orgName: 'Администрация А' };

let server: CentralServer | null = null;
let env: ReturnType<typeof makeTestServices> | null = null;
afterEach(async () => {
  await server?.close();
  env?.cleanup();
  server = null;
  env = null;
});

describe('the administrator’s connection to the central system', () => {
  it('checks, saves and replaces the keys; the secret is never shown, logged or quoted in an error', async () => {
    server = createCentralServer({ dataDir: null, clients: [CLIENT] });
    const url = await server.listen(0);
    env = makeTestServices();
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const credentials = new MemoryCredentialStore();
    const engine: { current: SyncEngine | null } = { current: null };
    const connection = new CentralConnection({
      credentials,
      serverUrl: 'http://127.0.0.1:9/',
      embedded: false,
      log,
      onChange: (api) => engine.current?.useApi(api),
    });
    engine.current = new SyncEngine({
      store: env.services.store,
      files: env.services.files,
      api: connection.api(),
      log,
    });
    expect(await connection.view()).toEqual({
      serverUrl: 'http://127.0.0.1:9',
      clientId: '',
      secretSet: false,
      embedded: false,
    });

    // No keys yet: a round fails, telling the clerk why in Russian.
    const first = await engine.current.syncOnce();
    expect(first.error).toContain('Не заданы учётные данные организации');

    const wrong = await connection.check({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: WRONG });
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('не приняла учётные данные') });
    const empty = await connection.check({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: '' });
    expect(empty).toEqual({ ok: false, message: 'Укажите Secret Access Key организации' });
    const good = await connection.check({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: SECRET });
    expect(good.ok).toBe(true);
    expect(good.message).toMatch(/^Подключение установлено/);

    // Saved with a wrong secret: the engine now talks to the server and is refused.
    await connection.save({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: WRONG });
    const refused = await engine.current.syncOnce();
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('не приняла учётные данные');

    // Replaced: an empty secret keeps the stored one, so the URL can change without retyping it.
    const view = await connection.save({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: SECRET });
    expect(view).toEqual({ serverUrl: url, clientId: CLIENT.clientId, secretSet: true, embedded: false });
    await connection.save({ serverUrl: `${url}/`, clientId: CLIENT.clientId, secretAccessKey: '' });
    expect(await credentials.load()).toEqual({ clientId: CLIENT.clientId, secretAccessKey: SECRET, serverUrl: url });
    expect((await connection.check({ serverUrl: url, clientId: CLIENT.clientId, secretAccessKey: '' })).ok).toBe(true);
    const ok = await engine.current.syncOnce();
    expect(ok).toMatchObject({ ok: true, error: null });

    const everything = JSON.stringify({ lines, first, wrong, empty, good, refused, view, ok });
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(WRONG);
  });

  it('keeps the embedded demo server’s URL out of the store (it changes every start)', async () => {
    const credentials = new MemoryCredentialStore();
    const connection = new CentralConnection({ credentials, serverUrl: 'http://127.0.0.1:4567', embedded: true });
    await connection.save({ serverUrl: 'http://127.0.0.1:4567', clientId: 'demo-org', secretAccessKey: 'x' });
    expect(await credentials.load()).toEqual({ clientId: 'demo-org', secretAccessKey: 'x' });
    const view = await connection.save({
      serverUrl: 'https://central.example.by',
      clientId: 'demo-org',
      secretAccessKey: '',
    });
    expect(view.embedded).toBe(false);
    expect((await credentials.load())?.serverUrl).toBe('https://central.example.by');
  });
});
