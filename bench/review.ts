/**
 * `npm run bench:review`: the review process (regulation 4.5–4.9). Seeds BENCH_APPEALS (default 20,000)
 * appeals through the services into a temporary data folder, takes BENCH_RESOLUTIONS (default 3,000)
 * registered appeals through the process with `performReview` against raw prepared writes of the same
 * rows, then measures `listTasks` and `getReview` against naive whole-table implementations, all in the
 * same run. Prints ONE JSON line on stdout and appends it to bench/results/results.jsonl; progress goes
 * to stderr. See bench/README.md, "Review process".
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, openDatabase } from '../db/open';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import type { CallContext } from '../electron/services/context';
import { storeDirectory } from '../electron/services/sync/refresh-directory';
import { seedThroughServices } from './bulk';
import { machineFacts } from './lib/machine';
import { envInt, fileSize, progress, publishResult } from './lib/run-env';
import { round } from './lib/stats';
import { BENCH_DIRECTORY, readStaff, runProcess } from './review-actions';
import { benchList, benchReviewView, LISTS, type ListFigures, naiveOpenTasks } from './review-reads';

const APPEALS = envInt('BENCH_APPEALS', 20_000);
const RESOLUTIONS = envInt('BENCH_RESOLUTIONS', 3_000);
const LIST_ITERATIONS = envInt('BENCH_LIST_ITERATIONS', 20);
const ITERATIONS = envInt('BENCH_ITERATIONS', 200);
const SEED = envInt('BENCH_SEED', 1);
/** Cards with resolutions that `getReview` rotates over. */
const CARDS = 100;

const log = progress('bench:review');

async function main() {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'arm-bench-review-'));
  const dataDir = join(root, 'data');
  const rawDir = join(root, 'raw');
  const now = new Date();
  try {
    const store = openDatabase(dataDir);
    log(`seeding ${APPEALS} appeals through the services into ${dataDir}`);
    const seeded = await seedThroughServices(store, dataDir, APPEALS, SEED, now);
    // What a sync round would have stored from the central directory (instructions need a subordinate).
    storeDirectory(store, BENCH_DIRECTORY, now);
    log(`seeded: ${seeded.registered} registered, ${seeded.rowsPerSecond} cards/s; copying for the raw baseline`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(rawDir, { recursive: true });
    copyFileSync(join(dataDir, DB_FILE), join(rawDir, DB_FILE));
    const raw = openDatabase(rawDir);

    const base: CallContext = {
      store,
      files: new AttachmentStore(join(dataDir, 'attachments')),
      clock: () => now,
      mode: 'browser',
      version: 'bench',
      sync: null,
      demoLogin: null,
      session: { user: null },
    };
    log(`review process: ${RESOLUTIONS} appeals through performReview, raw writes interleaved`);
    const process_ = runProcess(base, raw, RESOLUTIONS, now, log);
    raw.close();
    rmSync(rawDir, { recursive: true, force: true });
    log(`actions: ${process_.all.product.actionsPerSecond}/s product, ${process_.all.raw.actionsPerSecond}/s raw`);

    const count = (sql: string) => (store.sqlite.prepare(sql).get() as { n: number }).n;
    const openTasks: Record<string, number> = {};
    for (const t of naiveOpenTasks(store.sqlite).tasks) openTasks[t.kind] = (openTasks[t.kind] ?? 0) + 1;
    const data = {
      appeals: APPEALS,
      registered: seeded.registered,
      resolutions: count('SELECT count(*) AS n FROM resolutions'),
      resolutionTasks: count('SELECT count(*) AS n FROM resolution_tasks'),
      dispatches: count('SELECT count(*) AS n FROM dispatches'),
      history: count('SELECT count(*) AS n FROM history'),
      outbox: count('SELECT count(*) AS n FROM outbox'),
      openTasks,
    };
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileSize(join(dataDir, DB_FILE));

    const staff = readStaff(store.sqlite);
    const userOf = (login: string) => {
      const user = staff.get(login);
      if (!user) throw new Error(`demo user ${login} is missing`);
      return user;
    };
    const lists: Record<string, ListFigures> = {};
    for (const spec of LISTS) {
      log(`tasks:list ${spec.list} as ${spec.login}: ${LIST_ITERATIONS} iterations`);
      lists[spec.name] = benchList(base, userOf(spec.login), spec.list, LIST_ITERATIONS, now);
    }
    const cards = (
      store.sqlite
        .prepare(`SELECT DISTINCT appeal_id AS id FROM resolutions ORDER BY appeal_id LIMIT ${CARDS}`)
        .all() as { id: string }[]
    ).map((r) => r.id);
    log(`review:get over ${cards.length} cards with resolutions: ${ITERATIONS} iterations`);
    const review = benchReviewView(base, userOf('clerk'), cards, ITERATIONS, now);
    store.close();

    const line = {
      bench: 'arm-appeals-review',
      date: new Date().toISOString(),
      machine: machineFacts(),
      seed: SEED,
      iterations: { lists: LIST_ITERATIONS, review: ITERATIONS },
      databaseMiB: round(dbBytes / 1024 ** 2, 1),
      data,
      seeding: seeded,
      process: process_,
      lists,
      review,
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    publishResult(line);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
