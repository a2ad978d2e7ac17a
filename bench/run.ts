/**
 * `npm run bench`: seeds BENCH_APPEALS (default 100,000) appeals through the services into a temporary
 * data folder, then measures bulk registration, list, search and cold start against their raw
 * baselines in the same run. Prints ONE JSON line on stdout and appends it to bench/results/results.jsonl;
 * progress goes to stderr. See bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE, openDatabase } from '../db/open';
import { rawBaselines, seedThroughServices } from './bulk';
import { benchColdStart } from './cold-start';
import { machineFacts } from './lib/machine';
import { envInt, fileSize, progress, publishResult } from './lib/run-env';
import { round } from './lib/stats';
import { benchList, benchSearch, COMMON_WORDS, PREFIXES } from './queries';

const APPEALS = envInt('BENCH_APPEALS', 100_000);
const ITERATIONS = Math.max(200, envInt('BENCH_ITERATIONS', 300));
const SEED = envInt('BENCH_SEED', 1);

const log = progress('bench');

async function main() {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'arm-bench-'));
  const dataDir = join(root, 'data');
  const now = new Date();
  try {
    const store = openDatabase(dataDir);
    log(`seeding ${APPEALS} appeals through the services into ${dataDir}`);
    const service = await seedThroughServices(store, dataDir, APPEALS, SEED, now);
    log(`service: ${service.rowsPerSecond} rows/s; raw baselines…`);
    const raw = rawBaselines(store.sqlite, (name) => join(root, name));
    for (const name of ['raw-appeals', 'raw-all']) rmSync(join(root, name), { recursive: true, force: true });
    log(`raw: ${raw.appealsOnly.rowsPerSecond} rows/s (appeals), ${raw.allRows.rowsPerSecond} rows/s (all rows)`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileSize(join(dataDir, DB_FILE));

    log(`list: ${ITERATIONS} iterations`);
    const list = benchList(store, ITERATIONS, now);
    log(`search: ${ITERATIONS} iterations each`);
    const common = benchSearch(store, COMMON_WORDS, ITERATIONS, now);
    const prefix = benchSearch(store, PREFIXES, ITERATIONS, now);
    store.close();

    log('cold start (browser mode)…');
    const coldStart = await benchColdStart(dataDir);

    const bulkRatio = round(service.rowsPerSecond / raw.appealsOnly.rowsPerSecond, 3);
    const existingStart = 'existingData' in coldStart ? coldStart.existingData.medianLoginMs : null;
    const targets = {
      listP95: { value: list.product.p95, limit: `≤ 2× raw (${round(2 * list.baseline.p95, 3)}) and ≤ 5 ms` },
      searchCommonP95: { value: common.product.p95, limit: '≤ 20 ms' },
      searchPrefixP95: { value: prefix.product.p95, limit: '≤ 50 ms and ≥ 2× faster than naive bm25' },
      bulkRegistration: { value: bulkRatio, limit: '≥ 0.5 of raw inserts' },
      coldStartMs: { value: existingStart, limit: '≤ 2000 ms' },
    };
    const met = {
      listP95: list.product.p95 <= 2 * list.baseline.p95 && list.product.p95 <= 5,
      searchCommonP95: common.product.p95 <= 20,
      searchPrefixP95: prefix.product.p95 <= 50 && prefix.speedupVsNaiveP95 >= 2,
      bulkRegistration: bulkRatio >= 0.5,
      coldStartMs: existingStart === null ? null : existingStart <= 2000,
    };
    const line = {
      bench: 'arm-appeals',
      date: new Date().toISOString(),
      machine: machineFacts(),
      appeals: APPEALS,
      seed: SEED,
      iterations: ITERATIONS,
      databaseMiB: round(dbBytes / 1024 ** 2, 1),
      bulk: {
        service,
        raw,
        ratio: bulkRatio,
        ratioVsAllRows: round(service.rowsPerSecond / raw.allRows.rowsPerSecond, 3),
      },
      list,
      search: { common, prefix },
      coldStart,
      targets: Object.fromEntries(
        Object.entries(targets).map(([k, v]) => [k, { ...v, met: met[k as keyof typeof met] }]),
      ),
      totalSeconds: round((performance.now() - started) / 1000, 1),
    };
    publishResult(line);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
