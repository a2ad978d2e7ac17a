import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/services/handlers';
import {
  type ReportDefinitionInput,
  type ReportPeriod,
  type ReportResult,
  reportDefinitionSchema,
  STANDARD_REPORTS,
  standardReport,
} from '../../../shared/reports';
import { MARCH_START, makeReportWorld, NOW } from './report-fixture';

let world: Awaited<ReturnType<typeof makeReportWorld>>;

const YEAR: ReportPeriod = { from: '2025-11-21', to: '2026-11-20' };
const MARCH: ReportPeriod = { from: '2026-03-01', to: '2026-03-31' };

const run = (definition: ReportDefinitionInput, period: ReportPeriod = YEAR): ReportResult =>
  handlers['reports:run'](world.reportAuthor, {
    definition: reportDefinitionSchema.parse(definition),
    period,
  }) as ReportResult;

/** Leaf (or flat) rows → total count; parents separately. */
function counts(result: ReportResult, parents = false): Record<string, number> {
  return Object.fromEntries(result.rows.filter((r) => r.parent === parents).map((r) => [r.key, r.total.count]));
}

/**
 * Independent counts: the period bounds computed by SQLite's own date functions (UTC midnight minus
 * the 3 hours of Minsk), grouping written without the engine's expressions.
 */
const inPeriod = (p: ReportPeriod) =>
  `registered_at >= (CAST(strftime('%s', '${p.from}') AS INTEGER) - 10800) * 1000
   AND registered_at < (CAST(strftime('%s', '${p.to}', '+1 day') AS INTEGER) - 10800) * 1000`;
function sqlCounts(sqlite: Database.Database, sql: string): Record<string, number> {
  const rows = sqlite.prepare(sql).all() as { k: string | null; n: number }[];
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.k ?? '', r.n]));
}
const byColumn = (column: string, p = YEAR) =>
  sqlCounts(world.sqlite, `SELECT ${column} AS k, count(*) AS n FROM appeals WHERE ${inPeriod(p)} GROUP BY 1`);

interface Appeal {
  id: string;
  status: string;
  deadline_at: number | null;
  closed_at: number | null;
  responsible_head_id: string | null;
  notes: string;
  control_by: string | null;
  kind: string;
}
const appealsIn = (p: ReportPeriod) =>
  world.sqlite.prepare(`SELECT * FROM appeals WHERE ${inPeriod(p)}`).all() as Appeal[];
/** Deadline state by the regulation's reading, computed in JS from the rows. */
function deadlineOf(a: Appeal): string {
  if (a.deadline_at === null) return 'none';
  if (['completed', 'left_without_consideration', 'redirected', 'withdrawn'].includes(a.status))
    return (a.closed_at ?? 0) <= a.deadline_at ? 'in_time' : 'late';
  return a.deadline_at < NOW.getTime() ? 'overdue' : 'open';
}
const tally = (keys: string[]) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

// The same numbers whether the world was seeded through the services or by the bulk seed (benchmarks).
describe.each(['services', 'bulk'] as const)('report numbers against independent SQL (seeded: %s)', (seeding) => {
  beforeAll(async () => {
    world = await makeReportWorld(600, seeding);
  }, 120_000);
  afterAll(() => world.cleanup());

  it('the generated data has the cases that matter', () => {
    const multi = world.sqlite
      .prepare('SELECT count(*) AS n FROM (SELECT appeal_id FROM appeal_topics GROUP BY appeal_id HAVING count(*) > 1)')
      .get() as { n: number };
    expect(multi.n).toBeGreaterThan(20);
    const statuses = byColumn('status');
    expect(statuses.withdrawn).toBeGreaterThan(0);
    expect(statuses.redirected).toBeGreaterThan(0);
    expect(statuses.completed).toBeGreaterThan(0);
    // The review process records when an appeal reached its final status (the seed completes some).
    const unclosed = world.sqlite
      .prepare(
        `SELECT count(*) AS n FROM appeals WHERE closed_at IS NULL
         AND status IN ('completed', 'left_without_consideration', 'redirected', 'withdrawn')`,
      )
      .get() as { n: number };
    expect(unclosed.n).toBe(0);
  });

  it('by topic counts questions, with the classifier sections as subtotals', () => {
    const r = run(standardReport('topics')?.definition ?? { rows: 'topic' });
    expect(r.unit).toBe('question');
    const where = `appeal_id IN (SELECT id FROM appeals WHERE ${inPeriod(YEAR)})`;
    expect(counts(r)).toEqual(
      sqlCounts(world.sqlite, `SELECT topic_code AS k, count(*) AS n FROM appeal_topics WHERE ${where} GROUP BY 1`),
    );
    expect(counts(r, true)).toEqual(
      sqlCounts(
        world.sqlite,
        `SELECT substr(topic_code, 1, 2) AS k, count(*) AS n FROM appeal_topics WHERE ${where} GROUP BY 1`,
      ),
    );
    const appeals = world.sqlite
      .prepare(`SELECT count(DISTINCT appeal_id) AS n FROM appeal_topics WHERE ${where}`)
      .get() as {
      n: number;
    };
    expect(r.appeals).toBe(appeals.n);
    expect(r.total.total.count).toBeGreaterThan(r.appeals);
  });

  it('by territory: districts under regions', () => {
    const r = run({ rows: 'territory' });
    expect(counts(r)).toEqual(byColumn('territory_code'));
    expect(counts(r, true)).toEqual(
      sqlCounts(
        world.sqlite,
        `SELECT coalesce(t.parent_code, a.territory_code) AS k, count(*) AS n
         FROM appeals a LEFT JOIN territories t ON t.code = a.territory_code WHERE ${inPeriod(YEAR)} GROUP BY 1`,
      ),
    );
  });

  it.each([
    ['category', 'applicant_category'],
    ['kind', 'kind'],
    ['type', 'appeal_type'],
    ['form', 'form'],
    ['status', 'status'],
  ] as const)('by %s', (rows, column) => {
    expect(counts(run({ rows }))).toEqual(byColumn(column));
  });

  it('by source, under electronic / written / oral / JSON', () => {
    const r = run({ rows: 'source' });
    expect(counts(r)).toEqual(byColumn('source'));
    expect(counts(r, true)).toEqual(
      byColumn(`CASE WHEN source = 'portal' THEN 'electronic' WHEN source IN ('post', 'courier') THEN 'written'
        WHEN source IN ('reception', 'phone_line') THEN 'oral' ELSE 'json' END`),
    );
  });

  it('by result and by executor of the questions', () => {
    const where = `appeal_id IN (SELECT id FROM appeals WHERE ${inPeriod(YEAR)})`;
    expect(counts(run({ rows: 'result' }))).toEqual(
      sqlCounts(world.sqlite, `SELECT result AS k, count(*) AS n FROM appeal_topics WHERE ${where} GROUP BY 1`),
    );
    expect(counts(run({ rows: 'executor' }))).toEqual(
      sqlCounts(
        world.sqlite,
        `SELECT coalesce(executor_id, '') AS k, count(*) AS n FROM appeal_topics WHERE ${where} GROUP BY 1`,
      ),
    );
  });

  it('compliance with deadlines: in time, late, overdue now; by responsible head', () => {
    const appeals = appealsIn(YEAR);
    const r = run({ rows: 'deadline', measures: ['count', 'overdue', 'avgDays'] });
    const expected = tally(appeals.map(deadlineOf));
    expect(counts(r)).toEqual(expected);
    expect(expected.late).toBeGreaterThan(0);
    expect(expected.in_time).toBeGreaterThan(0);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(r.total.total.overdue).toBe((expected.late ?? 0) + (expected.overdue ?? 0));
    const byHead = run(standardReport('deadlinesByResponsible')?.definition ?? { rows: 'responsible' });
    for (const row of byHead.rows) {
      const mine = appeals.filter((a) => (a.responsible_head_id ?? '') === row.key);
      const cells = Object.fromEntries(byHead.columns.map((c, i) => [c.key, row.cells[i]?.count ?? 0]));
      for (const [state, n] of Object.entries(tally(mine.map(deadlineOf)))) expect(cells[state]).toBe(n);
      expect(row.total.count).toBe(mine.length);
    }
  });

  it('execution of instructions: every executor task against its due date', () => {
    const tasks = world.sqlite
      .prepare(
        `SELECT t.appeal_id, t.executor_id, t.state, t.due_at, t.result_at FROM resolution_tasks t
         WHERE t.appeal_id IN (SELECT id FROM appeals WHERE ${inPeriod(YEAR)})`,
      )
      .all() as { appeal_id: string; executor_id: string; state: string; due_at: number; result_at: number | null }[];
    expect(tasks.length).toBeGreaterThan(0);
    const r = run(standardReport('instructions')?.definition ?? { rows: 'taskExecutor' });
    expect(r.unit).toBe('task');
    expect(counts(r)).toEqual(tally(tasks.map((t) => t.executor_id)));
    const state = (t: (typeof tasks)[number]) =>
      ['submitted', 'accepted'].includes(t.state) && t.result_at !== null
        ? t.result_at <= t.due_at
          ? 'in_time'
          : 'late'
        : t.due_at < NOW.getTime()
          ? 'overdue'
          : 'open';
    const columns = Object.fromEntries(r.columns.map((c, i) => [c.key, r.total.cells[i]?.count]));
    expect(columns).toEqual(tally(tasks.map(state)));
    expect(r.appeals).toBe(new Set(tasks.map((t) => t.appeal_id)).size);
  });

  it('appeals on control and redirects in and out', () => {
    const appeals = appealsIn(YEAR);
    const onControlDispatch = new Set(
      (
        world.sqlite.prepare('SELECT appeal_id FROM dispatches WHERE on_control = 1').all() as { appeal_id: string }[]
      ).map((d) => d.appeal_id),
    );
    const controlled = appeals.filter((a) => a.control_by !== null || onControlDispatch.has(a.id));
    expect(controlled.length).toBeGreaterThan(0);
    expect(run(standardReport('control')?.definition ?? { rows: 'controller' }).total.total.count).toBe(
      controlled.length,
    );
    const partial = new Set(
      (
        world.sqlite.prepare('SELECT DISTINCT appeal_id FROM appeal_topics WHERE redirected_to IS NOT NULL').all() as {
          appeal_id: string;
        }[]
      ).map((r) => r.appeal_id),
    );
    const kind = (a: Appeal) =>
      a.status === 'redirected'
        ? 'out'
        : partial.has(a.id)
          ? 'out_partial'
          : a.notes.startsWith('Перенаправлено по компетенции из')
            ? 'in'
            : 'none';
    const expected = tally(appeals.map(kind));
    expect(expected.in).toBeGreaterThan(0);
    expect(counts(run({ rows: 'redirect' }))).toEqual(expected);
  });

  it('comparison with the previous period of the same length', () => {
    const r = run(standardReport('comparison')?.definition ?? { rows: 'kind', compare: true });
    expect(r.previousPeriod).toEqual({ from: '2024-11-21', to: '2025-11-20' });
    const before = byColumn('kind', { from: '2024-11-21', to: '2025-11-20' });
    for (const row of r.rows) expect(row.previous).toBe(before[row.key] ?? 0);
    expect(r.total.previous).toBe(Object.values(before).reduce((a, b) => a + b, 0));
  });

  it('two dimensions: territory × month, with months in Minsk time', () => {
    const r = run({ rows: 'region', cols: 'month' });
    const months = byColumn(`strftime('%Y-%m', registered_at / 1000 + 10800, 'unixepoch')`);
    expect(Object.fromEntries(r.columns.map((c, i) => [c.key, r.total.cells[i]?.count]))).toEqual(months);
    const quarters = run({ rows: 'kind', cols: 'quarter' });
    expect(quarters.total.total.count).toBe(Object.values(months).reduce((a, b) => a + b, 0));
  });

  it('period boundaries at midnight Minsk time', () => {
    const march = run({ rows: 'kind' }, MARCH);
    expect(march.total.total.count).toBe(
      (
        world.sqlite
          .prepare(`SELECT count(*) AS n FROM appeals WHERE registered_at >= ? AND registered_at < ?`)
          .get(MARCH_START, new Date('2026-04-01T00:00:00+03:00').getTime()) as { n: number }
      ).n,
    );
    const drill = handlers['reports:drill'](world.reportAuthor, {
      definition: reportDefinitionSchema.parse({ rows: 'kind' }),
      period: MARCH,
      cell: { row: null, col: null },
      offset: 0,
      limit: 500,
    }) as { total: number; rows: { id: string; registeredAt: string | null }[] };
    expect(drill.total).toBe(march.total.total.count);
    const registered = drill.rows.map((row) => row.registeredAt);
    expect(registered).toContain('2026-03-01T00:00:00.000+03:00');
    expect(registered).toContain('2026-03-01T00:00:00.001+03:00');
    expect(registered).not.toContain('2026-02-28T23:59:59.999+03:00');
    const feb = handlers['reports:drill'](world.reportAuthor, {
      definition: reportDefinitionSchema.parse({ rows: 'kind' }),
      period: { from: '2026-02-01', to: '2026-02-28' },
      cell: { row: null, col: null },
      offset: 0,
      limit: 500,
    }) as { rows: { registeredAt: string | null }[] };
    expect(feb.rows.map((row) => row.registeredAt)).toContain('2026-02-28T23:59:59.999+03:00');
  });

  it('filters: a classifier section, a region, statuses', () => {
    const r = run({
      rows: 'kind',
      filters: { topics: ['01'], territories: ['MN'], statuses: ['registered', 'completed'] },
    });
    const expected = sqlCounts(
      world.sqlite,
      `SELECT kind AS k, count(*) AS n FROM appeals a WHERE ${inPeriod(YEAR)}
       AND status IN ('registered', 'completed')
       AND (territory_code = 'MN' OR territory_code LIKE 'MN.%')
       AND id IN (SELECT appeal_id FROM appeal_topics WHERE topic_code LIKE '01.%' OR topic_code = '01') GROUP BY 1`,
    );
    expect(counts(r)).toEqual(expected);
    expect(r.total.total.count).toBeGreaterThan(0);
  });

  it('drill-down from any number lists exactly those appeals', () => {
    const r = run({ rows: 'territory', cols: 'kind' });
    const parent = r.rows.find((row) => row.parent);
    const leaf = r.rows.find((row) => !row.parent && row.total.count > 1);
    if (!parent || !leaf) throw new Error('no rows');
    const drill = (cell: { row: { key: string; parent: boolean } | null; col: string | null }) =>
      (
        handlers['reports:drill'](world.reportAuthor, {
          definition: r.definition,
          period: YEAR,
          cell,
          offset: 0,
          limit: 500,
        }) as { total: number }
      ).total;
    expect(drill({ row: { key: parent.key, parent: true }, col: null })).toBe(parent.total.count);
    expect(drill({ row: { key: leaf.key, parent: false }, col: null })).toBe(leaf.total.count);
    const col = r.columns[0];
    if (!col) throw new Error('no columns');
    expect(drill({ row: { key: leaf.key, parent: false }, col: col.key })).toBe(leaf.cells[0]?.count);
    expect(drill({ row: null, col: col.key })).toBe(r.total.cells[0]?.count);
  });

  it('every standard report runs and its rows sum to its total', () => {
    for (const s of STANDARD_REPORTS) {
      const r = run(s.definition);
      const leaves = r.rows.filter((row) => !row.parent).reduce((n, row) => n + row.total.count, 0);
      expect(leaves, s.id).toBe(r.total.total.count);
    }
  });
});
