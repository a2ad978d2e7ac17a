import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { handlers } from '../../../electron/services/handlers';
import {
  type BatchManifest,
  batchFileBase,
  exportBatch,
  sanitizeFileName,
  selectAppeals,
} from '../../../electron/services/pdf/batch-export';
import { PdfFile } from '../../helpers/pdf-inspect';
import { samplePdf } from '../../helpers/sample-files';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
let outRoot: string;
afterEach(() => {
  env?.cleanup();
  if (outRoot) rmSync(outRoot, { recursive: true, force: true });
});

async function seed(n: number) {
  env = makeTestServices();
  outRoot = mkdtempSync(join(tmpdir(), 'arm-batch-'));
  const pdf = uploadAttachment(env.clerk, {
    name: 'скан.pdf',
    dataBase64: Buffer.from(await samplePdf(2)).toString('base64'),
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const attachments = i === 0 ? [{ sha256: pdf.sha256, name: 'скан.pdf' }] : [];
    ids.push(registerAppeal(env.clerk, { id: null, draft: draft({ attachments }), expectedVersion: null }).id);
  }
  return ids;
}

const readManifest = (dir: string): BatchManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('batch PDF export', () => {
  it('writes <number>_<date>.pdf files, a JSON and CSV manifest and ZIP packages; a failing appeal does not stop the batch', async () => {
    const ids = await seed(3);
    const out = join(outRoot, 'run');
    const progress: number[] = [];
    const manifest = await exportBatch(env.clerk, [ids[0] ?? '', 'no-such-appeal', ids[1] ?? '', ids[2] ?? ''], {
      outDir: out,
      zip: true,
      onProgress: (_, done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(manifest).toMatchObject({ total: 4, exported: 3, failed: 1, cancelled: false });
    expect(manifest.items[1]).toMatchObject({
      id: 'no-such-appeal',
      file: null,
      error: expect.stringMatching(/не найден/),
    });
    const first = manifest.items[0];
    expect(first?.file).toBe('ОГ-2026-1_2026-03-10.pdf');
    expect(first?.number).toBe('ОГ-2026-1');
    const pdf = new PdfFile(readFileSync(join(out, first?.file ?? '')));
    try {
      expect(pdf.pages()).toBe(first?.pages);
      expect(first?.pages).toBeGreaterThanOrEqual(3);
      expect(pdf.text()).toContain('ОГ-2026-1');
    } finally {
      pdf.cleanup();
    }
    expect(readManifest(out)).toEqual(manifest);
    const csv = readFileSync(join(out, 'manifest.csv'), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('number,file,pages,sha256,bytes,package,problems,error');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(new RegExp(`^ОГ-2026-1,ОГ-2026-1_2026-03-10\\.pdf,${first?.pages},${first?.sha256},`));

    const zip = unzipSync(readFileSync(join(out, 'ОГ-2026-1_2026-03-10.zip')));
    expect(Object.keys(zip).sort()).toEqual(['attachments/01_скан.pdf', 'card.json', 'ОГ-2026-1_2026-03-10.pdf']);
    const card = JSON.parse(new TextDecoder().decode(zip['card.json']));
    expect(card).toMatchObject({ schema: 'arm-appeals/card@1', regNumber: 'ОГ-2026-1' });
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
  });

  it('stops at cancel and still writes the manifest of what was done', async () => {
    const ids = await seed(4);
    const controller = new AbortController();
    const manifest = await exportBatch(env.clerk, ids, {
      outDir: join(outRoot, 'c'),
      signal: controller.signal,
      onProgress: (_, done) => done === 2 && controller.abort(),
    });
    expect(manifest).toMatchObject({ total: 4, exported: 2, cancelled: true });
    expect(readManifest(join(outRoot, 'c')).items).toHaveLength(2);
  });

  it('selects by ids, by the list filter, by registration day, or all registered; names files safely', async () => {
    const ids = await seed(3);
    expect(selectAppeals(env.clerk, { registeredOn: '2026-03-10' })).toEqual(ids);
    expect(selectAppeals(env.clerk, { registeredOn: '2026-03-11' })).toEqual([]);
    expect(selectAppeals(env.clerk, { all: true })).toEqual(ids);
    expect(new Set(selectAppeals(env.clerk, { filter: { status: 'registered' } }))).toEqual(new Set(ids));
    expect(selectAppeals(env.clerk, { ids: [ids[1] ?? '', ids[1] ?? ''] })).toEqual([ids[1]]);
    expect(sanitizeFileName('ОГ/12:3 *"x"?')).toBe('ОГ_12_3_x_');
    expect(
      batchFileBase({
        id: '0190aaaa-bbbb-7ccc-8ddd-abcdef012345',
        regNumber: null,
        registeredAt: null,
        receivedAt: '2026-03-09T23:30:00+03:00',
      }),
    ).toBe('без-номера-abcdef012345_2026-03-09');
  });

  it('runs as a job through the channels: start, status until done, per-appeal errors; cancel', async () => {
    const ids = await seed(2);
    const started = await handlers['exportBatch:start'](env.clerk, {
      ids: [...ids, 'missing'],
      outDir: join(outRoot, 'job'),
      zip: false,
    });
    expect(started.total).toBe(3);
    let status = await handlers['exportBatch:status'](env.clerk, { jobId: started.jobId });
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await handlers['exportBatch:status'](env.clerk, { jobId: started.jobId });
    }
    expect(status).toMatchObject({ state: 'done', done: 3, exported: 2, failed: 1 });
    expect(status.errors[0]?.id).toBe('missing');
    expect(existsSync(join(outRoot, 'job', 'manifest.csv'))).toBe(true);

    const defaultDir = { ...env.clerk, dataDir: outRoot };
    const second = await handlers['exportBatch:start'](defaultDir, { filter: {}, zip: false });
    expect(second.outDir.startsWith(join(outRoot, 'exports'))).toBe(true);
    handlers['exportBatch:cancel'](defaultDir, { jobId: second.jobId });
    for (
      let i = 0;
      i < 200 && (await handlers['exportBatch:status'](defaultDir, { jobId: second.jobId })).state === 'running';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await handlers['exportBatch:status'](defaultDir, { jobId: second.jobId })).state).toBe('cancelled');
  });

  it('exports from the command line: one number into a file, --all into a folder', async () => {
    await seed(2);
    env.services.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const cli = (args: string[]) =>
      execFileSync('npx', ['tsx', 'electron/cli/export-pdf.ts', '--data', env.dataDir, ...args], { encoding: 'utf8' });
    const one = JSON.parse(cli(['--number', 'ОГ-2026-2', '--out', join(outRoot, 'one.pdf')]));
    expect(one).toMatchObject({ file: join(outRoot, 'one.pdf'), pages: expect.any(Number) });
    const all = JSON.parse(cli(['--all', '--out', join(outRoot, 'all'), '--zip']));
    expect(all).toMatchObject({ total: 2, exported: 2, failed: 0 });
    expect(readManifest(join(outRoot, 'all')).items.map((i) => i.file)).toEqual([
      'ОГ-2026-1_2026-03-10.pdf',
      'ОГ-2026-2_2026-03-10.pdf',
    ]);
    expect(existsSync(join(outRoot, 'all', 'ОГ-2026-2_2026-03-10.zip'))).toBe(true);
  });
});
