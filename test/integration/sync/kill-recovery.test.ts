import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChild, ROOT, runKillable } from '../../helpers/killable-child';
import { registerSome } from '../../unit/services/sync/sync-fixtures';
import { expectExactlyOnce } from './exactly-once';
import { SyncRig } from './sync-harness';

let child: Awaited<ReturnType<typeof bundleChild>> | null = null;
let rig: SyncRig | null = null;

beforeAll(async () => {
  child = await bundleChild(fileURLToPath(new URL('./sync-child.ts', import.meta.url)));
});
afterAll(() => child?.cleanup());
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** Runs the child; SIGKILLs it `killAfterMs` after it is ready (null: let it finish). Returns whether it finished. */
async function runChild(dataDir: string, baseUrl: string, killAfterMs: number | null): Promise<boolean> {
  const { out } = await runKillable(child?.script ?? '', [dataDir, baseUrl, join(ROOT, 'db/migrations')], killAfterMs);
  return out.includes('quiet');
}

describe('kill -9 of the workstation process at random moments', () => {
  it('resumes after every kill without loss or duplication', async () => {
    let midWork = 0;
    let finished = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 5 }), async (kills) => {
        rig = await SyncRig.start();
        const registered = [...registerSome(rig.env, 3, true), ...registerSome(rig.env, 9)];
        const filed = Array.from({ length: 6 }, (_, i) => rig?.fileOnPortal(i % 3, `Заявитель${i}`) ?? '');
        rig.env.services.store.close(); // the child owns the working copy now
        // Small delays spread the work, so kills land in uploads, batches, downloads and transactions alike.
        rig.proxy.setPlan(({ index }) => ({ kind: 'delay', ms: 20 + (index % 4) * 10 }));
        // The first kill comes right after start-up, so every run has at least one kill mid-sync
        // whatever the machine's load; the random ones land wherever the timing puts them.
        for (const ms of [0, ...kills]) {
          if (!(await runChild(rig.env.dataDir, rig.proxy.url, ms))) midWork += 1;
          else finished += 1;
        }
        expect(await runChild(rig.env.dataDir, rig.proxy.url, null)).toBe(true);
        rig.reopen();
        expectExactlyOnce(rig, registered, filed);
        await rig.close();
        rig = null;
      }),
      { numRuns: 3 },
    );
    console.info(`kill -9: ${midWork} kills landed mid-sync, ${finished} after the child had finished`);
    expect(midWork).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
