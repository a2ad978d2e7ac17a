import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncEngine } from '../../../../electron/services/sync/sync-engine';
import { FakeCentralApi } from './fake-central-api';
import { centralServices, type Env, registerSome } from './sync-fixtures';

let env: Env;
afterEach(() => {
  vi.useRealTimers();
  env?.cleanup();
});

const engineOf = (api: FakeCentralApi, clock?: () => Date) =>
  new SyncEngine({ store: env.services.store, files: env.services.files, api, clock });

/** Counts rounds by their GET /changes calls; `fail` makes every round fail. */
function countingApi(fail: boolean): { api: FakeCentralApi; rounds: () => number } {
  const api = new FakeCentralApi();
  let rounds = 0;
  const changes = api.changes.bind(api);
  api.changes = async (after, limit) => {
    rounds += 1;
    if (fail) api.faults.changes.push('network');
    return changes(after, limit);
  };
  return { api, rounds: () => rounds };
}

describe('SyncEngine', () => {
  it('never runs two rounds at once: concurrent calls share the running round', async () => {
    env = centralServices();
    registerSome(env, 2);
    const api = new FakeCentralApi();
    const engine = engineOf(api);
    const [a, b] = [engine.syncOnce(), engine.syncOnce()];
    expect(a).toBe(b);
    await a;
    expect(api.batches).toHaveLength(1);
  });

  it('commits the last sync time, then reports it; a new engine on the same folder still knows it', async () => {
    env = centralServices();
    const at = new Date('2026-03-11T09:00:00+03:00');
    const engine = engineOf(new FakeCentralApi(), () => at);
    expect(engine.status()).toEqual({
      online: false,
      lastSyncAt: null,
      lastError: null,
      pending: 0,
      rejected: [],
      progress: null,
    });
    await engine.syncOnce();
    expect(engine.status()).toMatchObject({ online: true, lastSyncAt: '2026-03-11T09:00:00.000+03:00' });
    expect(engineOf(new FakeCentralApi()).status().lastSyncAt).toBe('2026-03-11T09:00:00.000+03:00');
  });

  it('runs on a timer and backs off after failures; stop() ends the rounds', async () => {
    vi.useFakeTimers();
    env = centralServices();
    const ok = countingApi(false);
    const failing = countingApi(true);
    const good = engineOf(ok.api);
    const bad = engineOf(failing.api);
    good.start(1_000);
    bad.start(1_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ok.rounds()).toBeGreaterThanOrEqual(20);
    expect(failing.rounds()).toBeLessThanOrEqual(8);
    expect(bad.status().lastError).toMatch(/^Нет связи с системой обращений/);
    await good.stop();
    await bad.stop();
    const [g, b] = [ok.rounds(), failing.rounds()];
    await vi.advanceTimersByTimeAsync(60_000);
    expect([ok.rounds(), failing.rounds()]).toEqual([g, b]);
  });

  it('waits at least the server Retry-After before the next round', async () => {
    vi.useFakeTimers();
    env = centralServices();
    const { api, rounds } = countingApi(false);
    const changes = api.changes.bind(api);
    let first = true;
    api.changes = async (after, limit) => {
      if (first) {
        first = false;
        const { CentralError } = await import('../../../../electron/services/sync/central-error');
        await changes(after, limit);
        throw new CentralError('unavailable', 'GET /changes: HTTP 503', 503, null, 30_000);
      }
      return changes(after, limit);
    };
    const engine = engineOf(api);
    engine.start(100);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(rounds()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(rounds()).toBeGreaterThanOrEqual(2);
    await engine.stop();
  });
});

describe('progress of a long pull', () => {
  it('reports the changes received and the total from the server’s `remaining`, first sync flagged, then clears', async () => {
    env = centralServices();
    const api = new FakeCentralApi();
    const topics = (from: number, to: number) => {
      for (let seq = from; seq <= to; seq++) {
        api.feed.push({ seq, type: 'classifier.topic', data: { code: `T${seq}`, parentCode: null, name: 'Тема' } });
      }
    };
    topics(1, 5);
    const changes = api.changes.bind(api);
    const seen: unknown[] = [];
    const engine = new SyncEngine({ store: env.services.store, files: env.services.files, api, pageSize: 2 });
    api.changes = async (after, limit) => {
      seen.push(engine.status().progress);
      const page = await changes(after, limit);
      const remaining = api.feed.filter((c) => (c as { seq: number }).seq > page.next).length;
      return { ...page, remaining };
    };
    await engine.syncOnce();
    expect(seen).toEqual([null, { first: true, done: 2, total: 5 }, { first: true, done: 4, total: 5 }]);
    expect(engine.status().progress).toBeNull();

    // A later pull is not the first; an older server without `remaining` shows no progress.
    topics(6, 8);
    seen.length = 0;
    await engine.syncOnce();
    expect(seen).toEqual([null, { first: false, done: 2, total: 3 }]);
    api.changes = async (after, limit) => {
      seen.push(engine.status().progress);
      return changes(after, limit);
    };
    topics(9, 11);
    seen.length = 0;
    await engine.syncOnce();
    expect(seen).toEqual([null, null]);
  });
});
