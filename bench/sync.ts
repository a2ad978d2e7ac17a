/**
 * `npm run bench:sync`: the first sync of a new workstation. The reference central server (in
 * memory, loopback HTTP) holds BENCH_SYNC_APPEALS (default 5,000) portal appeals filed by simulated
 * applicants, with their files. The product — `SyncEngine` + `HttpCentralApi` on a fresh data folder:
 * pages of 200, schema checks, cards with deadlines and history, files downloaded, page and cursor in
 * one transaction — is timed against a raw baseline in the same run: the same pages fetched with
 * `fetch`, the same files downloaded to a folder, each change stored as one JSON row per page
 * transaction (what a document replicator such as PouchDB does). The PouchDB anchor itself
 * (/work/shared/anchors/pouch_bench.js) needs `pouchdb`, which is not installed here: its figure from
 * the anchors' README is quoted, not measured. ONE JSON line on stdout + bench/results/results.jsonl.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import { seedDemo } from '../electron/services/demo/seed-demo';
import { MemoryCredentialStore } from '../electron/services/sync/credentials';
import { HttpCentralApi } from '../electron/services/sync/http-central-api';
import { SyncEngine } from '../electron/services/sync/sync-engine';
import { createCentralServer } from '../server/create-server';
import type { ChangesPage } from '../shared/sync/protocol';
import { machineFacts } from './lib/machine';
import { envInt, progress, publishResult } from './lib/run-env';
import { round } from './lib/stats';

const APPEALS = envInt('BENCH_SYNC_APPEALS', 5_000);
const PAGE = 200;
const SEED = envInt('BENCH_SEED', 1);
const CLIENT = { clientId: 'bench-org', clientSecret: 'bench-secret', orgId: 'bench-org', orgName: 'Администрация' };
const log = progress('bench:sync');

/** The product: a fresh workstation's first round against the server. */
async function productFirstSync(root: string, url: string) {
  const dataDir = join(root, 'product');
  const store = openDatabase(dataDir);
  const files = new AttachmentStore(join(dataDir, 'attachments'));
  await seedDemo(store, files, { appeals: 0, now: new Date(), seed: SEED });
  const api = new HttpCentralApi({
    baseUrl: url,
    credentials: new MemoryCredentialStore({ clientId: CLIENT.clientId, secretAccessKey: CLIENT.clientSecret }),
  });
  const engine = new SyncEngine({ store, files, api, pageSize: PAGE });
  const t0 = performance.now();
  const report = await engine.syncOnce();
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  if (!report.ok) throw new Error(`product sync failed: ${report.error}`);
  return {
    seconds: round(seconds, 3),
    appealsPerSecond: Math.round(report.pull.applied / seconds),
    applied: report.pull.applied,
    pages: report.pull.pages,
    filesDownloaded: report.pull.filesDownloaded,
  };
}

/** The raw baseline: fetch the pages and files, store each change as one JSON row. */
async function rawFirstSync(root: string, url: string) {
  const dir = join(root, 'raw');
  mkdirSync(join(dir, 'files'), { recursive: true });
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE docs (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, json TEXT NOT NULL)');
  const insert = db.prepare('INSERT OR REPLACE INTO docs (seq, type, json) VALUES (?, ?, ?)');
  const storePage = db.transaction((changes: { seq: number; type: string }[]) => {
    for (const c of changes) insert.run(c.seq, c.type, JSON.stringify(c));
  });
  const t0 = performance.now();
  const tokenResponse = await fetch(`${url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret }),
  });
  const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  let after = 0;
  let docs = 0;
  let fileCount = 0;
  for (;;) {
    const page = (await (
      await fetch(`${url}/api/v1/changes?after=${after}&limit=${PAGE}`, { headers })
    ).json()) as ChangesPage;
    const changes = page.changes as { seq: number; type: string; data: { files?: { sha256: string }[] } }[];
    for (const change of changes) {
      for (const file of change.data.files ?? []) {
        const bytes = new Uint8Array(
          await (await fetch(`${url}/api/v1/files/${file.sha256}`, { headers })).arrayBuffer(),
        );
        writeFileSync(join(dir, 'files', file.sha256), bytes);
        fileCount += 1;
      }
    }
    storePage(changes);
    docs += changes.length;
    if (!page.hasMore || page.next <= after) break;
    after = page.next;
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { seconds: round(seconds, 3), docsPerSecond: Math.round(docs / seconds), docs, files: fileCount };
}

function pouchAnchor() {
  try {
    createRequire(import.meta.url).resolve('pouchdb');
    return { skipped: 'pouchdb is installed but not wired into this bench; run /work/shared/anchors/pouch_bench.js' };
  } catch {
    return {
      skipped: 'pouchdb is not installed: the raw baseline above stands in for it, measured in this run',
      readmeFigure:
        'PouchDB pull replication 1,950–2,520 docs/s (100,000 docs of ~3.6 KB, 2-core machine; not this run)',
    };
  }
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'arm-bench-sync-'));
  const central = createCentralServer({ dataDir: null, clients: [CLIENT] });
  try {
    const url = await central.listen(0);
    log(`filing ${APPEALS} portal appeals on the reference server`);
    const simulation = central.simulateApplicants({ perMinute: 0, orgId: CLIENT.orgId, seed: SEED });
    for (let i = 0; i < APPEALS; i++) simulation.fileOne();
    simulation.stop();
    log('raw baseline: fetch pages and files, one JSON row per change');
    const raw = await rawFirstSync(root, url);
    log(`raw: ${raw.docsPerSecond} docs/s; product: SyncEngine first sync`);
    const product = await productFirstSync(root, url);
    log(`product: ${product.appealsPerSecond} appeals/s`);
    publishResult({
      bench: 'sync',
      at: new Date().toISOString(),
      appeals: APPEALS,
      pageSize: PAGE,
      product,
      raw,
      ratio: round(product.seconds / raw.seconds, 2),
      pouchAnchor: pouchAnchor(),
      machine: machineFacts(),
    });
  } finally {
    await central.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
