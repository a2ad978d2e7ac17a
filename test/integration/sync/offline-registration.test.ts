import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import type { CentralServer } from '../../../server/create-server';
import { centralServices, type Env, registerSome } from '../../unit/services/sync/sync-fixtures';
import { CENTRAL_ORG, SyncRig, startCentral, testApi } from './sync-harness';

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('offline registration, then the network comes back', () => {
  it('keeps provisional numbers while the proxy refuses, then official numbers arrive and history keeps both', async () => {
    rig = await SyncRig.start();
    rig.proxy.setOffline(true);
    const ids = registerSome(rig.env, 3, true);
    const engine = rig.engine();

    const offline = await engine.syncOnce();
    expect(offline.ok).toBe(false);
    expect(engine.status()).toMatchObject({ online: false, pending: 3, rejected: [] });
    expect(engine.status().lastError).toMatch(/^Нет связи с системой обращений/);
    const provisional = ids.map((id) => getAppeal(rig?.env.services.store.db ?? never(), id).regNumber);
    expect(provisional).toEqual(['ВР-01-2026-1', 'ВР-01-2026-2', 'ВР-01-2026-3']);

    rig.proxy.setOffline(false);
    const online = await engine.syncOnce();
    expect(online).toMatchObject({ ok: true, push: { applied: 3, rejected: 0, filesUploaded: 3 } });
    expect(engine.status()).toMatchObject({ online: true, lastError: null, pending: 0 });
    for (const [i, id] of ids.entries()) {
      const card = getAppeal(rig.env.services.store.db, id);
      expect(card).toMatchObject({ regNumber: `ОГ-2026-${i + 1}`, numberProvisional: false });
      expect(card.history.map((h) => h.text)).toContain(
        `Присвоен регистрационный номер ОГ-2026-${i + 1} (предварительный ВР-01-2026-${i + 1})`,
      );
      expect(card.history.map((h) => h.text)).toContain(
        `Зарегистрировано с предварительным номером ВР-01-2026-${i + 1}`,
      );
    }
    expect(rig.centralRegistrations()).toEqual(
      ids.map((id, i) => ({ id, regNumber: `ОГ-2026-${i + 1}`, provisional: `ВР-01-2026-${i + 1}` })),
    );
    // The feed's appeal.registered and appeal.numbered changes of our own cards arrive in the same round:
    // nothing doubles.
    expect(online.pull).toMatchObject({ applied: 0, unchanged: 6 });
    expect(rig.local('SELECT count(*) AS n FROM history WHERE action = ?', 'numbered')).toEqual([{ n: 3 }]);
    expect(rig.local('SELECT count(*) AS n FROM history WHERE action = ?', 'registered')).toEqual([{ n: 3 }]);
  });
});

describe('the central server is down, then started', () => {
  let env: Env | null = null;
  let central: CentralServer | null = null;
  let dir = '';
  afterEach(async () => {
    await central?.close();
    env?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers offline against a closed port, syncs once the server listens there', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arm-central-'));
    central = startCentral(dir);
    const port = Number(new URL(await central.listen()).port);
    await central.close();
    env = centralServices();
    const ids = registerSome(env, 2);
    const engine = new SyncEngine({
      store: env.services.store,
      files: env.services.files,
      api: testApi(`http://127.0.0.1:${port}`),
    });
    expect((await engine.syncOnce()).ok).toBe(false);
    expect(engine.status().pending).toBe(2);

    central = startCentral(dir);
    await central.listen(port);
    expect((await engine.syncOnce()).ok).toBe(true);
    expect(ids.map((id) => getAppeal(env?.services.store.db ?? never(), id).regNumber)).toEqual([
      'ОГ-2026-1',
      'ОГ-2026-2',
    ]);
    const rows = central.context.db.prepare('SELECT count(*) AS n FROM appeals WHERE org_id = ?').get(CENTRAL_ORG);
    expect(rows).toEqual({ n: 2 });
  });
});

function never(): never {
  throw new Error('unreachable');
}
