import { afterEach, describe, expect, it } from 'vitest';
import type { CentralApi } from '../../../electron/services/sync/central-api';
import { readCursor } from '../../../electron/services/sync/sync-state';
import { registerSome } from '../../unit/services/sync/sync-fixtures';
import { expectExactlyOnce } from './exactly-once';
import { SyncRig } from './sync-harness';

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const METHODS = ['token', 'changes', 'sendCommands', 'headFile', 'putFile', 'getFile', 'organisations'] as const;

/**
 * The central API, except that the process "dies" right after the `crashAt`-th call returns: the
 * working copy is closed under the engine (nothing more can be written) and the call throws.
 */
function crashingApi(inner: CentralApi, crashAt: number, crash: () => void): { api: CentralApi; calls: () => number } {
  let calls = 0;
  const api = Object.fromEntries(
    METHODS.map((name) => [
      name,
      async (...args: unknown[]) => {
        const result = await (inner[name] as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
        calls += 1;
        if (calls === crashAt) {
          crash();
          throw new Error('simulated crash');
        }
        return result;
      },
    ]),
  ) as unknown as CentralApi;
  return { api, calls: () => calls };
}

/** Seven registered appeals (two with files: two batches of 5), four filed on the portal (two pages of 7). */
async function scenario() {
  const r = await SyncRig.start();
  const registered = [...registerSome(r.env, 2, true), ...registerSome(r.env, 5)];
  const filed = [
    r.fileOnPortal(2, 'Андреев'),
    r.fileOnPortal(0, 'Борисов'),
    r.fileOnPortal(1, 'Васильев'),
    r.fileOnPortal(0, 'Жуков'),
  ];
  return { r, registered, filed };
}

describe('a crash at any point loses and duplicates nothing', () => {
  it('crash after the server applied a batch but before the local transaction', async () => {
    const { r, registered, filed } = await scenario();
    rig = r;
    let crashed = false;
    const api: CentralApi = Object.create(r.api) as CentralApi;
    api.sendCommands = async (commands) => {
      const results = await r.api.sendCommands(commands);
      if (!crashed) {
        crashed = true;
        r.env.services.store.close();
        throw new Error('simulated crash');
      }
      return results;
    };
    expect((await r.engine(api).syncOnce()).ok).toBe(false);
    expect(r.centralRegistrations()).toHaveLength(5);
    r.reopen();
    expect(r.local("SELECT state FROM outbox WHERE state = 'pending'")).toHaveLength(7);
    const [first] = await r.syncUntilQuiet();
    expect(first?.push).toMatchObject({ applied: 2, duplicate: 5 });
    expectExactlyOnce(r, registered, filed);
  });

  it('crash inside the transaction that applies a page: nothing of the page, then all of it', async () => {
    const { r, registered, filed } = await scenario();
    rig = r;
    await r.engine().syncOnce();
    const more = [r.fileOnPortal(1, 'Григорьев'), r.fileOnPortal(0, 'Дмитриев')];
    const before = readCursor(r.env.services.store.db);
    r.env.services.store.sqlite.exec(
      "CREATE TEMP TRIGGER crash BEFORE INSERT ON history WHEN new.action = 'received' AND (SELECT count(*) FROM history WHERE action = 'received') >= 5 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END",
    );
    expect((await r.engine().syncOnce()).ok).toBe(false);
    expect(readCursor(r.env.services.store.db)).toBe(before);
    expect(r.local("SELECT id FROM appeals WHERE status = 'received'")).toHaveLength(4);
    r.reopen(); // the temp trigger dies with the connection
    await r.syncUntilQuiet();
    expectExactlyOnce(r, registered, [...filed, ...more]);
  });

  it('crash inside the transaction that settles a batch: the batch stays pending and is re-sent', async () => {
    const { r, registered, filed } = await scenario();
    rig = r;
    r.env.services.store.sqlite.exec(
      "CREATE TEMP TRIGGER crash BEFORE INSERT ON history WHEN new.action = 'numbered' AND (SELECT count(*) FROM history WHERE action = 'numbered') >= 1 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END",
    );
    expect((await r.engine().syncOnce()).ok).toBe(false);
    expect(r.local("SELECT state FROM outbox WHERE state = 'pending'")).toHaveLength(7);
    expect(r.local('SELECT id FROM appeals WHERE number_provisional = 1')).toHaveLength(7);
    r.reopen();
    await r.syncUntilQuiet();
    expectExactlyOnce(r, registered, filed);
  });

  it('sweep: a crash after each call to the central system in turn, then recovery', async () => {
    const dry = await scenario();
    const counting = crashingApi(dry.r.api, Number.POSITIVE_INFINITY, () => undefined);
    await dry.r.syncUntilQuiet(5, dry.r.engine(counting.api));
    const total = counting.calls();
    await dry.r.close();
    expect(total).toBeGreaterThan(10);

    for (let crashAt = 1; crashAt <= total; crashAt += 1) {
      const { r, registered, filed } = await scenario();
      rig = r;
      const { api } = crashingApi(r.api, crashAt, () => r.env.services.store.close());
      expect((await r.engine(api).syncOnce()).ok, `crash after call ${crashAt}`).toBe(false);
      r.reopen();
      await r.syncUntilQuiet();
      expectExactlyOnce(r, registered, filed);
      await r.close();
      rig = null;
    }
  }, 60_000);
});
