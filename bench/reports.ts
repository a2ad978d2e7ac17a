/**
 * `npm run bench:reports`: reports over BENCH_APPEALS (default 100,000) generated appeals (the bulk seed:
 * the services' rows in large batches; BENCH_REVIEWED of them through performReview). Every
 * standard report (the engine as `reports:run` runs it: lookups, GROUP BY, roll-ups, labels) is timed
 * interleaved with its equivalent raw GROUP BY — the plain SQL of the same counts, prepared once on the
 * same connection — over one year; then a two-dimensional constructor report (topic × territory, the
 * anchor's query) and the constructor's preview after a change (a new filter each time). Prints ONE JSON
 * line on stdout and appends it to bench/results/results.jsonl. See bench/README.md, "Reports".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import type { CallContext } from '../electron/services/context';
import { demoUserId } from '../electron/services/demo/seed-demo';
import { APPEAL_DEADLINE, DIMENSION_SQL, TASK_DEADLINE } from '../electron/services/reports/dimensions';
import { periodBounds } from '../electron/services/reports/engine';
import { buildReport } from '../electron/services/reports/report-service';
import type { Role } from '../shared/appeals';
import { addDays } from '../shared/calendar';
import { DEMO_USERS } from '../shared/demo/demo-organisation';
import { type ReportDefinition, type ReportPeriod, reportDefinitionSchema, STANDARD_REPORTS } from '../shared/reports';
import { seedInBulk, seedReviewOutcomes } from './bulk';
import { machineFacts } from './lib/machine';
import { envInt, progress, publishResult } from './lib/run-env';
import { latency, measurePair, round, timeMs } from './lib/stats';

const APPEALS = envInt('BENCH_APPEALS', 100_000);
const ITERATIONS = envInt('BENCH_ITERATIONS', 30);
const SEED = envInt('BENCH_SEED', 1);
/** Registered appeals taken through the review process with performReview (each 1–2 actions). */
const REVIEWED = envInt('BENCH_REVIEWED', 1000);
const log = progress('bench:reports');

const PERIOD_A = 'a.registered_at >= @from AND a.registered_at < @to';
/** The raw queries read the same covering index (the "raw GROUP BY on a covering index"). */
const A = 'appeals a INDEXED BY appeals_report_idx';
const TOPICS = `${A} CROSS JOIN appeal_topics q ON q.appeal_id = a.id WHERE ${PERIOD_A}`;
const group = (key: string, from = `${A} WHERE ${PERIOD_A}`) =>
  `SELECT ${key} AS k, count(*) AS n FROM ${from} GROUP BY k`;

/** The plain SQL of each standard report's counts (what a developer would write by hand). */
const RAW: Record<string, string> = {
  topics: group('q.topic_code', TOPICS),
  territories: group('a.territory_code'),
  categories: group('a.applicant_category'),
  kinds: group('a.kind'),
  types: group('a.appeal_type'),
  forms: group('a.form'),
  sources: group('a.source'),
  statuses: group('a.status'),
  results: group('q.result', TOPICS),
  deadlines: `SELECT ${APPEAL_DEADLINE} AS k, count(*) AS n, total(a.closed_at IS NOT NULL) AS c,
    total((a.closed_at - a.registered_at) / 86400000.0) AS d FROM ${A} WHERE ${PERIOD_A} GROUP BY k`,
  deadlinesByResponsible: `SELECT a.responsible_head_id AS k, ${APPEAL_DEADLINE} AS c, count(*) AS n
    FROM ${A} WHERE ${PERIOD_A} GROUP BY k, c`,
  deadlinesByExecutor: `SELECT q.executor_id AS k, ${APPEAL_DEADLINE} AS c, count(*) AS n FROM ${TOPICS} GROUP BY k, c`,
  instructions: `SELECT t.executor_id AS k, ${TASK_DEADLINE} AS c, count(*) AS n
    FROM ${A} CROSS JOIN resolution_tasks t ON t.appeal_id = a.id WHERE ${PERIOD_A} GROUP BY k, c`,
  control: `SELECT a.control_by AS k, ${APPEAL_DEADLINE} AS c, count(*) AS n FROM ${A}
    WHERE ${PERIOD_A} AND (a.control_by IS NOT NULL OR EXISTS (SELECT 1 FROM dispatches d WHERE d.appeal_id = a.id AND d.on_control = 1))
    GROUP BY k, c`,
  redirects: group(DIMENSION_SQL.redirect.sql),
  comparison: `SELECT a.kind AS k, count(*) AS n, total(${APPEAL_DEADLINE} IN ('late', 'overdue')) AS o,
    total(a.closed_at IS NOT NULL) AS c, total((a.closed_at - a.registered_at) / 86400000.0) AS d
    FROM ${A} WHERE ${PERIOD_A} GROUP BY k`,
};
/** Comparison reads the previous period too: its raw equivalent runs the query twice. */
const RAW_TWICE = new Set(['comparison']);
/** The anchor's query (GROUP BY topic, territory over one year) on this schema. */
const RAW_TOPIC_TERRITORY = `SELECT q.topic_code AS r, a.territory_code AS c, count(*) AS n FROM ${TOPICS} GROUP BY r, c`;

async function main() {
  const started = performance.now();
  // BENCH_DATA: a folder kept between runs (seeded on the first), for working on the queries.
  const kept = process.env.BENCH_DATA;
  const root = kept ?? mkdtempSync(join(tmpdir(), 'arm-bench-reports-'));
  const now = new Date();
  try {
    const store = openDatabase(root);
    const reuse = kept !== undefined && store.sqlite.prepare('SELECT 1 FROM organisations').get() !== undefined;
    log(reuse ? `reusing ${root}` : `seeding ${APPEALS} appeals in bulk (the services' rows) into ${root}`);
    const seeded = reuse ? null : await seedInBulk(store, root, APPEALS, SEED, now);
    const ctx: CallContext = {
      store,
      files: new AttachmentStore(join(root, 'attachments')),
      clock: () => now,
      mode: 'browser',
      version: 'bench',
      sync: null,
      demoLogin: null,
      session: {
        user: { id: 'bench', login: 'reports', fullName: 'Бенчмарк', position: '', roles: ['report_author'] },
      },
    };
    const reviewStarted = performance.now();
    const staff = DEMO_USERS.map((u) => ({ ...u, id: demoUserId(u.login), roles: [...u.roles] as Role[] }));
    // Reusing a folder: the review runs again only when BENCH_REVIEWED is given (on still registered appeals).
    const runReview = !reuse || process.env.BENCH_REVIEWED !== undefined;
    const review = runReview ? { ...seedReviewOutcomes(ctx, staff, now, REVIEWED), seconds: 0 } : null;
    if (review) review.seconds = round((performance.now() - reviewStarted) / 1000);
    log(`seeding: ${JSON.stringify(seeded)}; review: ${JSON.stringify(review)}`);
    store.sqlite.exec('ANALYZE');
    // One year ending today, in Minsk days; each iteration shifts it back by up to 30 days.
    const today = new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
    const periodAt = (i: number): ReportPeriod => ({
      from: addDays(today, -364 - (i % 30)),
      to: addDays(today, -(i % 30)),
    });
    const raw = (sql: string) => {
      const statement = store.sqlite.prepare(sql);
      const needsNow = sql.includes('@now');
      return (p: ReportPeriod) => statement.all({ ...periodBounds(p), ...(needsNow ? { now: now.getTime() } : {}) });
    };
    const run = (definition: ReportDefinition) => (p: ReportPeriod) => buildReport(ctx, { definition, period: p });

    const standard: Record<
      string,
      ReturnType<typeof measurePair> & { rows: number; target: { limit: number; met: boolean } }
    > = {};
    for (const report of STANDARD_REPORTS) {
      log(`${report.id}: ${ITERATIONS} iterations`);
      const rawQuery = raw(RAW[report.id] ?? '');
      const twice = RAW_TWICE.has(report.id);
      const pair = measurePair(ITERATIONS, periodAt, run(report.definition), (p) => {
        rawQuery(p);
        if (twice) rawQuery({ from: addDays(p.from, -365), to: addDays(p.from, -1) });
      });
      const rows = run(report.definition)(periodAt(0)).rows.length;
      standard[report.id] = { ...pair, rows, target: { limit: 1.5, met: pair.ratioP50 <= 1.5 } };
    }
    log(`constructor topic × territory: ${ITERATIONS} iterations`);
    const twoD = reportDefinitionSchema.parse({ rows: 'topic', cols: 'territory', measures: ['count', 'share'] });
    const twoDimensions = measurePair(ITERATIONS, periodAt, run(twoD), raw(RAW_TOPIC_TERRITORY));

    log('constructor preview after a change: a new filter or dimension each time');
    const changes: ReportDefinition[] = [
      { rows: 'topic', cols: 'month', filters: { kinds: ['complaint'] } },
      { rows: 'territory', cols: 'kind', filters: { forms: ['written'] } },
      { rows: 'responsible', cols: 'deadline', measures: ['count', 'avgDays', 'overdue'] },
      { rows: 'region', cols: 'source', filters: { topics: ['01'] } },
      { rows: 'category', cols: 'quarter', measures: ['count', 'share'] },
      { rows: 'topicSection', cols: 'status', filters: { territories: ['MN'] } },
    ].map((d) => reportDefinitionSchema.parse(d));
    const preview: number[] = [];
    for (let i = 0; i < ITERATIONS * 2; i++) {
      const d = changes[i % changes.length] as ReportDefinition;
      preview.push(timeMs(() => run(d)(periodAt(i))));
    }
    const previewLatency = latency(preview);
    store.close();
    const ratios = Object.values(standard).map((s) => s.ratioP50);
    publishResult({
      bench: 'arm-appeals-reports',
      date: new Date().toISOString(),
      machine: machineFacts(),
      seed: SEED,
      iterations: ITERATIONS,
      data: {
        appeals: APPEALS,
        registered: seeded?.registered ?? null,
        period: 'one year, shifted by 0–29 days per iteration',
      },
      seeding: seeded,
      review,
      standard,
      constructorTopicTerritory: twoDimensions,
      constructorPreview: { latency: previewLatency, target: { limitMs: 150, met: previewLatency.p95 <= 150 } },
      summary: {
        worstStandardRatioP50: round(Math.max(...ratios), 2),
        allStandardWithin1_5x: ratios.every((r) => r <= 1.5),
      },
      totalSeconds: round((performance.now() - started) / 1000, 1),
    });
  } finally {
    if (!kept) rmSync(root, { recursive: true, force: true });
  }
}

await main();
