import type Database from 'better-sqlite3';
import { prepareCached } from '../../../db/statement-cache';
import { addDays, minskDayStart, toMinskIso } from '../../../shared/calendar';
import {
  addCell,
  DIMENSION_NAMES,
  type Dimension,
  EMPTY_CELL,
  type ReportCell,
  type ReportDefinition,
  type ReportFilters,
  type ReportPeriod,
  type ReportResult,
  type ReportRow,
  type ReportUnit,
  unitOf,
} from '../../../shared/reports';
import {
  baseKeys,
  compareKeys,
  DIMENSION_SQL,
  keyIn,
  type Lookups,
  parentDimension,
  UNIT_FROM,
  UNIT_MEASURES,
} from './dimensions';

const DAY_MS = 86_400_000;
type Params = Record<string, string | number>;

/** The unit of a valid definition (the schema refuses mixed ones). */
export const reportUnit = (d: ReportDefinition): ReportUnit => unitOf(d) ?? 'appeal';

/** Registered in the period: from 00:00 Minsk time of the first day to 00:00 of the day after the last. */
export function periodBounds(period: ReportPeriod): { from: number; to: number } {
  return { from: minskDayStart(period.from).getTime(), to: minskDayStart(addDays(period.to, 1)).getTime() };
}

/** The previous period of the same length, ending the day before this one starts. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const days = Math.round((periodBounds(period).to - periodBounds(period).from) / DAY_MS);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** Codes of a hierarchical filter with the children of each parent code given. */
function withChildren(codes: readonly string[], tree: Lookups['topics']): string[] {
  const chosen = new Set(codes);
  for (const [code, v] of tree) if (v.parent !== null && chosen.has(v.parent)) chosen.add(code);
  return [...chosen];
}

/**
 * The WHERE clause of a definition over a period: every filter is `IN (json_each(@param))`, questions
 * and executors are matched on the unit's own rows when it has them, else through EXISTS (an appeal
 * counts once whatever number of its questions match).
 */
export function whereOf(
  unit: ReportUnit,
  filters: ReportFilters,
  period: ReportPeriod,
  l: Lookups,
): { sql: string; params: Params } {
  const bounds = periodBounds(period);
  const parts = ['a.registered_at >= @from', 'a.registered_at < @to'];
  const params: Params = { from: bounds.from, to: bounds.to };
  const add = (name: string, values: readonly string[], condition: (list: string) => string) => {
    if (values.length === 0) return;
    params[name] = JSON.stringify(values);
    parts.push(condition(`(SELECT value FROM json_each(@${name}))`));
  };
  add('statuses', filters.statuses, (v) => `a.status IN ${v}`);
  add('kinds', filters.kinds, (v) => `a.kind IN ${v}`);
  add('forms', filters.forms, (v) => `a.form IN ${v}`);
  add('types', filters.types, (v) => `a.appeal_type IN ${v}`);
  add('sources', filters.sources, (v) => `a.source IN ${v}`);
  add('categories', filters.categories, (v) => `a.applicant_category IN ${v}`);
  add('responsible', filters.responsible, (v) => `a.responsible_head_id IN ${v}`);
  if (filters.territories.length)
    add('territories', withChildren(filters.territories, l.territories), (v) => `a.territory_code IN ${v}`);
  if (filters.topics.length)
    add('topics', withChildren(filters.topics, l.topics), (v) =>
      unit === 'question'
        ? `q.topic_code IN ${v}`
        : `EXISTS (SELECT 1 FROM appeal_topics f WHERE f.appeal_id = a.id AND f.topic_code IN ${v})`,
    );
  add('executors', filters.executors, (v) =>
    unit === 'question'
      ? `q.executor_id IN ${v}`
      : unit === 'task'
        ? `t.executor_id IN ${v}`
        : `EXISTS (SELECT 1 FROM appeal_topics f WHERE f.appeal_id = a.id AND f.executor_id IN ${v})`,
  );
  if (filters.onControl) {
    parts.push(
      '(a.control_by IS NOT NULL OR EXISTS (SELECT 1 FROM dispatches d WHERE d.appeal_id = a.id AND d.on_control = 1))',
    );
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * 1 on one row per appeal of the unit's rows, so the GROUP BY also counts distinct appeals: the
 * appeal itself; its first question (position 0, or the first one the filters keep); its first task.
 * Reuses the `@topics` / `@executors` parameters of whereOf.
 */
function firstOfAppeal(unit: ReportUnit, filters: ReportFilters): string {
  if (unit === 'appeal') return '1';
  const json = (name: string) => `(SELECT value FROM json_each(@${name}))`;
  if (unit === 'question') {
    const same = [
      filters.topics.length ? `f.topic_code IN ${json('topics')}` : '',
      filters.executors.length ? `f.executor_id IN ${json('executors')}` : '',
    ].filter(Boolean);
    if (same.length === 0) return 'q.position = 0';
    return `NOT EXISTS (SELECT 1 FROM appeal_topics f WHERE f.appeal_id = q.appeal_id AND f.position < q.position
      AND ${same.join(' AND ')})`;
  }
  const executors = filters.executors.length ? ` AND f.executor_id IN ${json('executors')}` : '';
  return `NOT EXISTS (SELECT 1 FROM resolution_tasks f WHERE f.appeal_id = t.appeal_id AND f.rowid < t.rowid${executors})`;
}

interface Grouped {
  r: string;
  c: string | null;
  n: number;
  overdue: number;
  closed: number;
  days: number;
  appeals: number;
}

/** One GROUP BY over the period: the rows × columns dimensions' SQL keys and the measures asked for. */
function groupedRows(
  sqlite: Database.Database,
  d: ReportDefinition,
  period: ReportPeriod,
  now: number,
  l: Lookups,
  withCols: boolean,
): Grouped[] {
  const unit = reportUnit(d);
  const where = whereOf(unit, d.filters, period, l);
  const m = UNIT_MEASURES[unit];
  const col = withCols && d.cols ? DIMENSION_SQL[d.cols].sql : 'NULL';
  const overdue = d.measures.includes('overdue') ? `total(${m.overdue})` : '0';
  const term = d.measures.includes('avgDays');
  // An appeal row counts its appeal once: no second aggregate; no column: no second grouping key.
  const appeals = unit === 'appeal' ? 'count(*)' : `total(${firstOfAppeal(unit, d.filters)})`;
  const sql = `SELECT ${DIMENSION_SQL[d.rows].sql} AS r, ${col} AS c, count(*) AS n, ${overdue} AS overdue,
      ${term ? `total(${m.closed})` : '0'} AS closed, ${term ? `total(${m.closedDays})` : '0'} AS days,
      ${appeals} AS appeals
    FROM ${UNIT_FROM[unit]} WHERE ${where.sql} GROUP BY r${col === 'NULL' ? '' : ', c'}`;
  const usesNow = sql.includes('@now');
  return prepareCached(sqlite, sql).all({ ...where.params, ...(usesNow ? { now } : {}) }) as Grouped[];
}

const cellOf = (g: Grouped): ReportCell => ({ count: g.n, overdue: g.overdue, closed: g.closed, closedDays: g.days });

export interface ReportMeta {
  title: string;
  organisation: string;
  builtBy: string;
}

/** Runs a report: one GROUP BY (two with the previous period); parents, totals and shares are sums in JS. */
export function runReport(
  sqlite: Database.Database,
  d: ReportDefinition,
  period: ReportPeriod,
  now: Date,
  l: Lookups,
  meta: ReportMeta,
): ReportResult {
  const grouped = groupedRows(sqlite, d, period, now.getTime(), l, true);
  const rowDim = d.rows;
  const parentDim = d.hierarchy ? parentDimension(rowDim) : undefined;
  const colKeys = new Set<string>();
  const byRow = new Map<string, Map<string, ReportCell>>();
  for (const g of grouped) {
    const r = keyIn(rowDim, g.r ?? '', l);
    const c = d.cols ? keyIn(d.cols, g.c ?? '', l) : '';
    colKeys.add(c);
    const cells = byRow.get(r) ?? new Map<string, ReportCell>();
    byRow.set(r, cells);
    cells.set(c, addCell(cells.get(c) ?? { ...EMPTY_CELL }, cellOf(g)));
  }
  const columns = d.cols ? [...colKeys].sort(compareKeys(d.cols, l)) : [];
  const cellsOf = (cells: Map<string, ReportCell>) => columns.map((c) => cells.get(c) ?? { ...EMPTY_CELL });
  const sum = (cells: Iterable<ReportCell>) => [...cells].reduce((acc, c) => addCell(acc, c), { ...EMPTY_CELL });

  const previous = d.compare ? previousCounts(sqlite, d, previousPeriod(period), now, l) : null;
  const makeRow = (key: string, dim: Dimension, cells: Map<string, ReportCell>, level: 0 | 1, parent: boolean) => ({
    key,
    label: DIMENSION_SQL[dim].label(key, l),
    level,
    parent,
    cells: cellsOf(cells),
    total: sum(cells.values()),
    previous: previous ? (previous.get(`${parent ? 'p' : 'r'}:${key}`) ?? 0) : null,
  });

  const leafKeys = [...byRow.keys()].sort(compareKeys(rowDim, l));
  const rows: ReportRow[] = [];
  if (parentDim) {
    const groups = new Map<string, string[]>();
    for (const key of leafKeys) {
      const p = keyIn(parentDim, key, l);
      groups.set(p, [...(groups.get(p) ?? []), key]);
    }
    for (const p of [...groups.keys()].sort(compareKeys(parentDim, l))) {
      const children = groups.get(p) ?? [];
      const merged = new Map<string, ReportCell>();
      for (const key of children)
        for (const [c, cell] of byRow.get(key) ?? []) merged.set(c, addCell(merged.get(c) ?? { ...EMPTY_CELL }, cell));
      rows.push(makeRow(p, parentDim, merged, 0, true));
      for (const key of children) rows.push(makeRow(key, rowDim, byRow.get(key) ?? new Map(), 1, false));
    }
  } else {
    for (const key of leafKeys) rows.push(makeRow(key, rowDim, byRow.get(key) ?? new Map(), 0, false));
  }
  const leaves = rows.filter((r) => !r.parent);
  const total = {
    cells: columns.map((_, i) => sum(leaves.map((r) => r.cells[i] ?? EMPTY_CELL))),
    total: sum(leaves.map((r) => r.total)),
    previous: previous ? (previous.get('total') ?? 0) : null,
  };
  return {
    ...meta,
    builtAt: toMinskIso(now),
    period,
    previousPeriod: d.compare ? previousPeriod(period) : null,
    definition: d,
    unit: reportUnit(d),
    columns: columns.map((key) => ({ key, label: d.cols ? DIMENSION_SQL[d.cols].label(key, l) : key })),
    rows,
    total,
    appeals: grouped.reduce((n, g) => n + g.appeals, 0),
  };
}

/** Counts of the previous period by row key (`r:` leaf or flat row, `p:` parent) and `total`. */
function previousCounts(
  sqlite: Database.Database,
  d: ReportDefinition,
  period: ReportPeriod,
  now: Date,
  l: Lookups,
): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  const parentDim = d.hierarchy ? parentDimension(d.rows) : undefined;
  for (const g of groupedRows(sqlite, d, period, now.getTime(), l, false)) {
    const key = keyIn(d.rows, g.r ?? '', l);
    bump(`r:${key}`, g.n);
    if (parentDim) bump(`p:${keyIn(parentDim, key, l)}`, g.n);
    bump('total', g.n);
  }
  return counts;
}

/** A report's default title: the standard one, or «Обращения: строки × столбцы». */
export const defaultTitle = (d: ReportDefinition) =>
  `Отчёт: ${DIMENSION_NAMES[d.rows]}${d.cols ? ` × ${DIMENSION_NAMES[d.cols]}` : ''}`;

/** Which rows and column a drill-down opens: a row key (a parent's when `parent`), a column key; null = all. */
export interface DrillCell {
  row: { key: string; parent: boolean } | null;
  col: string | null;
}

/** The appeals behind one number of the report, newest registration first (local ids). */
export function drillDownIds(
  sqlite: Database.Database,
  d: ReportDefinition,
  period: ReportPeriod,
  cell: DrillCell,
  now: Date,
  l: Lookups,
  page: { offset: number; limit: number },
): { total: number; ids: number[] } {
  const unit = reportUnit(d);
  const where = whereOf(unit, d.filters, period, l);
  const parts = [where.sql];
  const params: Params = { ...where.params, now: now.getTime() };
  const select = (name: string, dim: Dimension, key: string) => {
    params[name] = JSON.stringify(baseKeys(dim, key, l));
    parts.push(`${DIMENSION_SQL[dim].sql} IN (SELECT value FROM json_each(@${name}))`);
  };
  if (cell.row) {
    const dim = cell.row.parent ? (parentDimension(d.rows) ?? d.rows) : d.rows;
    select('rowKeys', dim, cell.row.key);
  }
  if (cell.col !== null && d.cols) select('colKeys', d.cols, cell.col);
  const from = `${UNIT_FROM[unit]} WHERE ${parts.join(' AND ')}`;
  const needsNow = from.includes('@now');
  if (!needsNow) delete params.now;
  const total = (
    prepareCached(sqlite, `SELECT count(DISTINCT a.local_id) AS n FROM ${from}`).get(params) as { n: number }
  ).n;
  const ids = (
    prepareCached(
      sqlite,
      `SELECT DISTINCT a.local_id AS id, a.registered_at FROM ${from}
       ORDER BY a.registered_at DESC, a.local_id DESC LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: page.limit, offset: page.offset }) as { id: number }[]
  ).map((r) => r.id);
  return { total, ids };
}
