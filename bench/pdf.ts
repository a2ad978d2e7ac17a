/**
 * `npm run bench:pdf`: the PDF export (issue #8) against headless Chromium printing the same card's
 * HTML (`page.pdf()` on one reused page) in the same run. Seeds BENCH_APPEALS (default 1,000) demo
 * appeals into a temporary folder, then measures, interleaved with the baseline:
 *   - cardOnly: `renderAppealPdf` of a card without attachments (reads + layout + save);
 *   - withAttachments: the same with a 20-page PDF and 3 JPEG photos merged;
 *   - batch: `exportBatch` of every registered appeal into a folder (throughput, memory every 100),
 *     next to Chromium printing each of those cards' HTML.
 * Prints ONE JSON line on stdout and appends it to bench/results/results.jsonl. See bench/README.md.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openDatabase } from '../db/open';
import { getAppeal } from '../electron/services/appeals/get-appeal';
import { registerAppeal } from '../electron/services/appeals/register-appeal';
import { organisationOf } from '../electron/services/appeals/save-appeal';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import { uploadAttachment } from '../electron/services/attachments/upload-attachment';
import type { CallContext } from '../electron/services/context';
import { seedDemo } from '../electron/services/demo/seed-demo';
import { exportBatch, selectAppeals } from '../electron/services/pdf/batch-export';
import { resolveCardNames } from '../electron/services/pdf/card-lookups';
import { renderAppealPdf } from '../electron/services/pdf/export-appeal-pdf';
import { preparedPrograms } from '../electron/services/pdf/fonts';
import { sampleJpeg, samplePdf } from '../test/helpers/sample-files';
import { machineFacts } from './lib/machine';
import { descendantsCpuMs } from './lib/process-cpu';
import { envInt, progress, publishResult } from './lib/run-env';
import { latency, round } from './lib/stats';
import { cardHtml } from './pdf-html';

const APPEALS = envInt('BENCH_APPEALS', 1_000);
const ITERATIONS = envInt('BENCH_ITERATIONS', 100);
const log = progress('bench:pdf');

const now = () => performance.now();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function chromiumPdf(page: Page, html: string): Promise<number> {
  await page.setContent(html);
  return (await page.pdf({ format: 'A4', printBackground: true })).length;
}

async function main() {
  const started = now();
  const root = mkdtempSync(join(tmpdir(), 'arm-bench-pdf-'));
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const store = openDatabase(join(root, 'data'));
  try {
    const files = new AttachmentStore(join(root, 'data', 'attachments'));
    const at = new Date();
    log(`seeding ${APPEALS} demo appeals`);
    await seedDemo(store, files, { appeals: APPEALS, now: at });
    const clerk = store.sqlite.prepare("SELECT id, full_name AS fullName FROM users WHERE login = 'clerk'").get() as {
      id: string;
      fullName: string;
    };
    const ctx: CallContext = {
      store,
      files,
      clock: () => at,
      mode: 'browser',
      version: 'bench',
      sync: null,
      demoLogin: null,
      dataDir: join(root, 'data'),
      session: { user: { id: clerk.id, login: 'clerk', fullName: clerk.fullName, position: '', roles: ['clerk'] } },
    };
    const registered = selectAppeals(ctx, { all: true });
    const cardOnlyId = registered.find((id) => getAppeal(store.db, id).attachments.length === 0);
    if (!cardOnlyId) throw new Error('no registered appeal without attachments in the demo data');
    const upload = (name: string, bytes: Uint8Array) => {
      const up = uploadAttachment(ctx, { name, dataBase64: Buffer.from(bytes).toString('base64') });
      return { sha256: up.sha256, name, participantsList: false };
    };
    const base = getAppeal(store.db, cardOnlyId);
    const photo = await sampleJpeg(100);
    const heavy = registerAppeal(ctx, {
      id: null,
      draft: {
        ...base,
        attachments: [
          upload('скан.pdf', await samplePdf(20)),
          upload('фото1.jpg', photo),
          upload('фото2.jpg', photo),
          upload('фото3.jpg', photo),
        ],
      },
      expectedVersion: null,
    });
    const htmlOf = (id: string) => {
      const card = getAppeal(store.db, id);
      return cardHtml(card, resolveCardNames(store.db, card, organisationOf(store.db).name));
    };

    const fontPrepareStart = now();
    await preparedPrograms();
    const fontPrepareMs = round(now() - fontPrepareStart, 1);

    const page = await browser.newPage();
    const cardHtmlText = htmlOf(cardOnlyId);
    log(`warming up, then ${ITERATIONS} interleaved iterations`);
    for (let i = 0; i < 10; i++) {
      await renderAppealPdf(ctx, cardOnlyId);
      await renderAppealPdf(ctx, cardOnlyId, { fonts: 'subset' });
      await renderAppealPdf(ctx, heavy.id);
      await chromiumPdf(page, cardHtmlText);
    }
    const product: number[] = [];
    const productCpu: number[] = [];
    const subset: number[] = [];
    const heavyProduct: number[] = [];
    const baseline: number[] = [];
    let chromiumCpuMs = 0;
    let sizes = { cardOnly: 0, withAttachments: 0, chromium: 0, pages: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      let t = now();
      const cpu = process.cpuUsage();
      const card = await renderAppealPdf(ctx, cardOnlyId);
      product.push(now() - t);
      const used = process.cpuUsage(cpu);
      productCpu.push((used.user + used.system) / 1000);
      t = now();
      await renderAppealPdf(ctx, cardOnlyId, { fonts: 'subset' });
      subset.push(now() - t);
      const browserCpu = descendantsCpuMs();
      const clientCpu = process.cpuUsage();
      t = now();
      const chromiumBytes = await chromiumPdf(page, cardHtmlText);
      baseline.push(now() - t);
      const client = process.cpuUsage(clientCpu);
      chromiumCpuMs += (client.user + client.system) / 1000 + descendantsCpuMs() - browserCpu;
      t = now();
      const full = await renderAppealPdf(ctx, heavy.id);
      heavyProduct.push(now() - t);
      sizes = {
        cardOnly: card.bytes.length,
        withAttachments: full.bytes.length,
        chromium: chromiumBytes,
        pages: full.pages,
      };
    }
    const cardOnly = { product: latency(product), chromium: latency(baseline) };

    log(`batch: ${registered.length} appeals with exportBatch`);
    const memory: Array<{ done: number; rssMiB: number; heapUsedMiB: number }> = [];
    const mib = (b: number) => round(b / 1024 / 1024, 1);
    global.gc?.();
    let t = now();
    const manifest = await exportBatch(ctx, registered, {
      outDir: join(root, 'out'),
      soffice: null,
      onProgress: (_, done) => {
        if (done % 100 === 0 || done === registered.length) {
          const m = process.memoryUsage();
          memory.push({ done, rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed) });
        }
      },
    });
    const batchSeconds = (now() - t) / 1000;
    log(`batch: Chromium printing the same ${registered.length} cards' HTML`);
    t = now();
    for (const id of registered) await chromiumPdf(page, htmlOf(id));
    const chromiumBatchSeconds = (now() - t) / 1000;
    const heaps = memory.map((m) => m.heapUsedMiB);
    const rss = memory.map((m) => m.rssMiB);

    publishResult({
      bench: 'pdf',
      at: new Date().toISOString(),
      machine: machineFacts(),
      appeals: APPEALS,
      iterations: ITERATIONS,
      fontPrepareMs,
      cardOnly: {
        ...cardOnly,
        speedupP50: round(cardOnly.chromium.p50 / cardOnly.product.p50, 2),
        speedupP95: round(cardOnly.chromium.p95 / cardOnly.product.p95, 2),
        /** CPU time of the product's process per card (Chromium prints in its own processes). */
        productCpu: latency(productCpu),
        /**
         * CPU per card, mean over the iterations (less sensitive to a loaded machine than wall time):
         * the product's process; Chromium's = its browser, renderer and GPU processes (from /proc,
         * 10 ms ticks summed over all iterations) plus the Playwright client in this process.
         */
        cpuPerCardMs: {
          product: round(mean(productCpu), 2),
          chromium: round(chromiumCpuMs / ITERATIONS, 2),
          ratio: round(chromiumCpuMs / ITERATIONS / mean(productCpu), 2),
        },
        /** The same export with pdf-lib's per-document subsetting of the full font (the anchor's way). */
        perDocumentSubset: latency(subset),
        speedupVsPerDocumentSubsetP50: round(latency(subset).p50 / cardOnly.product.p50, 2),
        bytes: { product: sizes.cardOnly, chromium: sizes.chromium },
      },
      withAttachments: {
        product: latency(heavyProduct),
        attachments: '20-page PDF + 3 JPEG',
        pages: sizes.pages,
        bytes: sizes.withAttachments,
        vsChromiumCardOnlyP50: round(cardOnly.chromium.p50 / latency(heavyProduct).p50, 2),
      },
      batch: {
        appeals: registered.length,
        exported: manifest.exported,
        failed: manifest.failed,
        seconds: round(batchSeconds),
        appealsPerSecond: round(registered.length / batchSeconds, 1),
        chromiumSeconds: round(chromiumBatchSeconds),
        chromiumAppealsPerSecond: round(registered.length / chromiumBatchSeconds, 1),
        speedup: round(chromiumBatchSeconds / batchSeconds, 2),
        memory,
        heapUsedDriftMiB: round((heaps.at(-1) ?? 0) - (heaps[0] ?? 0), 1),
        rssMaxMinusFirstMiB: round(Math.max(...rss) - (rss[0] ?? 0), 1),
      },
      totalSeconds: round((now() - started) / 1000, 1),
    });
  } finally {
    await browser.close();
    store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
