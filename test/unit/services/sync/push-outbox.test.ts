import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../../electron/services/appeals/get-appeal';
import { applyPage } from '../../../../electron/services/sync/apply-page';
import { pushOutbox } from '../../../../electron/services/sync/push-outbox';
import { SyncEngine } from '../../../../electron/services/sync/sync-engine';
import { FakeCentralApi } from './fake-central-api';
import { centralServices, count, type Env, registerSome } from './sync-fixtures';

let env: Env;
afterEach(() => env?.cleanup());

const FAST_UPLOAD = { attempts: 3, baseMs: 1, maxMs: 2 };
const push = (api: FakeCentralApi, batchSize = 50) =>
  pushOutbox({
    store: env.services.store,
    files: env.services.files,
    api,
    now: () => new Date(),
    batchSize,
    upload: FAST_UPLOAD,
  });
const engine = (api: FakeCentralApi) =>
  new SyncEngine({ store: env.services.store, files: env.services.files, api, upload: FAST_UPLOAD });
const outboxStates = () =>
  env.services.store.sqlite.prepare('SELECT state, attempts FROM outbox ORDER BY seq').all() as {
    state: string;
    attempts: number;
  }[];

describe('push of the outbox', () => {
  it('replaces the provisional number by the official one; history keeps both', async () => {
    env = centralServices();
    const [id] = registerSome(env, 1);
    const before = getAppeal(env.services.store.db, id ?? '');
    expect(before).toMatchObject({ regNumber: 'ВР-01-2026-1', numberProvisional: true });

    const api = new FakeCentralApi();
    expect(await push(api)).toMatchObject({ applied: 1, rejected: 0 });
    const after = getAppeal(env.services.store.db, id ?? '');
    expect(after).toMatchObject({ regNumber: 'ОГ-2026-1', numberProvisional: false });
    expect(after.history.map((h) => h.text)).toEqual([
      'Создана карточка обращения',
      'Зарегистрировано с предварительным номером ВР-01-2026-1',
      'Присвоен регистрационный номер ОГ-2026-1 (предварительный ВР-01-2026-1)',
    ]);
    expect(after.history[2]?.changes).toEqual([
      { field: 'Регистрационный номер', from: 'ВР-01-2026-1', to: 'ОГ-2026-1' },
    ]);
    expect(outboxStates()).toEqual([{ state: 'applied', attempts: 0 }]);

    // The same number arriving again through the feed (appeal.numbered) changes nothing.
    applyPage(
      env.services.store,
      env.services.files,
      {
        changes: [{ seq: 1, type: 'appeal.numbered', data: { appealId: id, regNumber: 'ОГ-2026-1' } }],
        next: 1,
        hasMore: false,
      },
      new Date(),
    );
    expect(getAppeal(env.services.store.db, id ?? '').history).toHaveLength(3);
  });

  it('puts a rejected command on the "needs attention" list with its reason', async () => {
    env = centralServices();
    const [first, second] = registerSome(env, 2);
    const api = new FakeCentralApi();
    api.rejectWhen = (c) => (c.appealId === first ? { code: 'VALIDATION_FAILED', message: 'Не указан адрес' } : null);
    const sync = engine(api);
    const report = await sync.syncOnce();
    expect(report).toMatchObject({ ok: true, push: { applied: 1, rejected: 1 } });
    const status = sync.status();
    expect(status).toMatchObject({ online: true, lastError: null, pending: 0 });
    expect(status.rejected).toEqual([
      expect.objectContaining({
        type: 'RegisterAppeal',
        appealId: first,
        regNumber: 'ВР-01-2026-1',
        reason: { code: 'VALIDATION_FAILED', message: 'Не указан адрес' },
      }),
    ]);
    expect(getAppeal(env.services.store.db, second ?? '').numberProvisional).toBe(false);
  });

  it('sends in seq order, in batches of at most 50', async () => {
    env = centralServices();
    registerSome(env, 120);
    const api = new FakeCentralApi();
    await push(api);
    expect(api.batches.map((b) => b.length)).toEqual([50, 50, 20]);
    const seqOrder = env.services.store.sqlite.prepare('SELECT command_id AS id FROM outbox ORDER BY seq').all() as {
      id: string;
    }[];
    expect(api.batches.flat()).toEqual(seqOrder.map((r) => r.id));
  });

  it('on a network error keeps the commands pending, counts the attempt and ends the round', async () => {
    env = centralServices();
    registerSome(env, 3);
    const api = new FakeCentralApi();
    api.faults.commands.push('network');
    const sync = engine(api);
    const report = await sync.syncOnce();
    expect(report.ok).toBe(false);
    expect(report.error).toContain('Нет связи с системой обращений');
    expect(outboxStates()).toEqual(Array(3).fill({ state: 'pending', attempts: 1 }));
    expect(sync.status()).toMatchObject({ online: false, pending: 3 });
    await sync.syncOnce();
    expect(outboxStates()).toEqual(Array(3).fill({ state: 'applied', attempts: 1 }));
  });

  it('re-sends a command whose response was lost: the server answers duplicate, numbered once', async () => {
    env = centralServices();
    const [id] = registerSome(env, 1);
    const api = new FakeCentralApi();
    api.faults.commands.push('lost-response');
    expect((await engine(api).syncOnce()).ok).toBe(false);
    expect(api.results.size).toBe(1);
    expect(getAppeal(env.services.store.db, id ?? '').numberProvisional).toBe(true);
    const report = await engine(api).syncOnce();
    expect(report.push).toMatchObject({ applied: 0, duplicate: 1 });
    const card = getAppeal(env.services.store.db, id ?? '');
    expect(card.regNumber).toBe('ОГ-2026-1');
    expect(card.history.filter((h) => h.action === 'numbered')).toHaveLength(1);
  });

  it('when the server refuses a whole batch, finds the one command it cannot take', async () => {
    env = centralServices();
    registerSome(env, 4);
    const api = new FakeCentralApi();
    const bad = env.services.store.sqlite.prepare('SELECT command_id AS id FROM outbox WHERE seq = 2').get() as {
      id: string;
    };
    api.refuseBatch = (commands) => commands.some((c) => c.id === bad.id);
    await push(api);
    // 4 refused → one by one: #1 applied, #2 refused alone → rejected; then a normal batch again.
    expect(api.batches.map((b) => b.length)).toEqual([4, 1, 1, 2]);
    expect(outboxStates().map((r) => r.state)).toEqual(['applied', 'rejected', 'applied', 'applied']);
  });

  it('uploads a file before its RegisterAppeal and resumes a cut-off upload from the server offset', async () => {
    env = centralServices();
    registerSome(env, 1, true);
    const api = new FakeCentralApi();
    api.faults.put.push('lost-response');
    expect(await push(api)).toMatchObject({ applied: 1, filesUploaded: 1 });
    expect(api.puts).toHaveLength(2);
    expect(api.puts[1]?.offset).toBeGreaterThan(0);
    expect(api.files.size).toBe(1);
  });

  it('puts a command whose file vanished from the local store on the attention list', async () => {
    env = centralServices();
    const [id] = registerSome(env, 1, true);
    const sha = getAppeal(env.services.store.db, id ?? '').attachments[0]?.sha256 ?? '';
    const { rmSync } = await import('node:fs');
    rmSync(env.services.files.pathOf(sha));
    const sync = engine(new FakeCentralApi());
    await sync.syncOnce();
    expect(sync.status().rejected[0]?.reason.message).toContain('Не найден файл вложения');
    expect(count(env, "SELECT count(*) AS n FROM outbox WHERE state = 'rejected'")).toBe(1);
  });
});
