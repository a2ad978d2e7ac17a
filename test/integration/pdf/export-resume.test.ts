import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { handlers } from '../../../electron/services/handlers';
import { type BatchManifest, exportBatch, resumeBatch } from '../../../electron/services/pdf/batch-export';
import { JOURNAL_FILE } from '../../../electron/services/pdf/export-journal';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
let root: string;
afterEach(() => {
  env?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

function seed(n: number): string[] {
  env = makeTestServices();
  root = mkdtempSync(join(tmpdir(), 'arm-resume-'));
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(registerAppeal(env.clerk, { id: null, draft: draft(), expectedVersion: null }).id);
  return ids;
}

class Crash extends Error {}

/** A batch cut off after `after` appeals, the way a crash leaves it: files and journal, no manifest. */
async function crashAfter(ids: string[], outDir: string, after: number) {
  await expect(
    exportBatch(env.clerk, ids, {
      outDir,
      onProgress: (_, done) => {
        if (done === after) throw new Crash('power cut');
      },
    }),
  ).rejects.toBeInstanceOf(Crash);
}

const manifestOf = (dir: string): BatchManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('batch export cut off by a crash', () => {
  it('is reported after a restart and resumed without redoing what is on disk', async () => {
    const ids = seed(4);
    const ctx = { ...env.clerk, dataDir: root };
    const outDir = join(root, 'exports', '2026-03-10-12-00-00');
    await crashAfter(ids, outDir, 3);
    expect(existsSync(join(outDir, 'manifest.json'))).toBe(false);
    expect(existsSync(join(outDir, JOURNAL_FILE))).toBe(true);
    // The third PDF is lost (written, not yet flushed) and the journal's last line is cut in half.
    unlinkSync(join(outDir, 'ОГ-2026-3_2026-03-10.pdf'));
    appendFileSync(join(outDir, JOURNAL_FILE), '{"id":"half a li');
    const kept = statSync(join(outDir, 'ОГ-2026-1_2026-03-10.pdf')).mtimeMs;

    const interrupted = await handlers['exportBatch:interrupted'](ctx, {});
    expect(interrupted.items).toEqual([{ outDir, createdAt: expect.any(String), total: 4, done: 2, cancelled: false }]);

    const progress: string[] = [];
    const manifest = await resumeBatch(ctx, { outDir, onProgress: (item) => progress.push(item.file ?? '') });
    expect(manifest).toMatchObject({ total: 4, exported: 4, failed: 0, cancelled: false });
    expect(manifest.items.map((i) => i.file)).toEqual([
      'ОГ-2026-1_2026-03-10.pdf',
      'ОГ-2026-2_2026-03-10.pdf',
      'ОГ-2026-3_2026-03-10.pdf',
      'ОГ-2026-4_2026-03-10.pdf',
    ]);
    expect(progress).toHaveLength(4);
    expect(statSync(join(outDir, 'ОГ-2026-1_2026-03-10.pdf')).mtimeMs).toBe(kept);
    expect(existsSync(join(outDir, 'ОГ-2026-3_2026-03-10.pdf'))).toBe(true);
    expect(manifestOf(outDir)).toEqual(manifest);
    expect(existsSync(join(outDir, JOURNAL_FILE))).toBe(false);
    expect((await handlers['exportBatch:interrupted'](ctx, {})).items).toEqual([]);
    await expect(resumeBatch(ctx, { outDir })).rejects.toThrow(/нет незавершённого/);
  });

  it('resumes through the job channel and from the command line', async () => {
    const ids = seed(3);
    const ctx = { ...env.clerk, dataDir: root };
    const jobDir = join(root, 'job');
    await crashAfter(ids, jobDir, 1);
    const job = await handlers['exportBatch:resume'](ctx, { outDir: jobDir });
    expect(job.total).toBe(3);
    let status = await handlers['exportBatch:status'](ctx, { jobId: job.jobId });
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await handlers['exportBatch:status'](ctx, { jobId: job.jobId });
    }
    expect(status).toMatchObject({ state: 'done', done: 3, exported: 3, failed: 0 });
    expect(manifestOf(jobDir).items.map((i) => i.number)).toEqual(['ОГ-2026-1', 'ОГ-2026-2', 'ОГ-2026-3']);

    const cliDir = join(root, 'cli');
    await crashAfter(ids, cliDir, 2);
    env.services.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const out = execFileSync('npx', ['tsx', 'electron/cli/export-pdf.ts', '--data', env.dataDir, '--resume', cliDir], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ total: 3, exported: 3, failed: 0 });
    expect(manifestOf(cliDir).items).toHaveLength(3);
  });
});
