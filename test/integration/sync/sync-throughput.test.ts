import { afterEach, describe, expect, it } from 'vitest';
import { registerMany } from '../../../electron/services/appeals/register-appeal';
import { pullChanges } from '../../../electron/services/sync/pull-changes';
import { pushOutbox } from '../../../electron/services/sync/push-outbox';
import { draft } from '../../helpers/test-services';
import { SyncRig, testApi } from './sync-harness';

let rig: SyncRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const N = 1_000;

describe('throughput through the in-process reference server (no faults, loopback HTTP)', () => {
  it(`pushes ${N} RegisterAppeal commands and pulls ${N} filed appeals`, async () => {
    rig = await SyncRig.start();
    const r = rig;
    const direct = testApi(r.centralUrl, 10_000);
    const deps = { store: r.env.services.store, files: r.env.services.files, api: direct, now: () => new Date() };

    registerMany(
      r.env.clerk,
      Array.from({ length: N }, () => draft()),
    );
    let t0 = performance.now();
    const push = await pushOutbox({ ...deps, batchSize: 50 });
    const pushSeconds = (performance.now() - t0) / 1000;
    expect(push.applied).toBe(N);

    // Skip the appeal.registered and appeal.numbered changes our own push produced: measure filed appeals only.
    await pullChanges({ ...deps, pageSize: 200, cancelled: () => false });
    const withFiles = Math.floor(N / 4);
    for (let i = 0; i < N; i += 1) r.fileOnPortal(i < withFiles ? 1 : 0, `Заявитель${i}`);
    t0 = performance.now();
    const pull = await pullChanges({ ...deps, pageSize: 200, cancelled: () => false });
    const pullSeconds = (performance.now() - t0) / 1000;
    expect(pull).toMatchObject({ applied: N, filesDownloaded: withFiles });
    expect(r.local("SELECT count(*) AS n FROM appeals WHERE status = 'received'")).toEqual([{ n: N }]);

    const figures = {
      pushCommandsPerSecond: Math.round(N / pushSeconds),
      pushSeconds: Number(pushSeconds.toFixed(2)),
      pullFiledAppeals: N,
      pullFiles: withFiles,
      pullSeconds: Number(pullSeconds.toFixed(2)),
      pullPages: pull.pages,
    };
    console.info(`sync throughput: ${JSON.stringify(figures)}`);
  }, 60_000);
});
