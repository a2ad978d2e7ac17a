import type Database from 'better-sqlite3';
import { prepareCached } from '../../../db/statement-cache';
import type { AppealListQuery, AppealRow } from '../../../shared/appeals';
import { minskDayStart, toMinskIso, type WorkingCalendar } from '../../../shared/calendar';
import { deadlineState, deadlineWindows } from '../../../shared/deadlines';
import { FINAL_STATUSES } from '../../../shared/status';
import { ftsMatchExpression } from './fts-query';

export const SORT_COLUMNS: Record<AppealListQuery['sort'], string> = {
  receivedAt: 'a.received_at',
  registeredAt: 'a.registered_at',
  regNumber: 'a.reg_year, a.reg_seq',
  applicant: 'a.applicant_display',
  deadlineAt: 'a.deadline_at',
  status: 'a.status',
};
const DAY_MS = 86_400_000;
/** A search reports exact totals up to this many matches and "more than" beyond (counting all is the slow part). */
export const SEARCH_COUNT_CAP = 1000;

interface RawRow {
  id: string;
  status: AppealRow['status'];
  reg_number: string | null;
  number_provisional: number;
  kind: AppealRow['kind'];
  form: AppealRow['form'];
  applicant_display: string;
  summary: string;
  received_at: number;
  registered_at: number | null;
  deadline_at: number | null;
  head: string | null;
}

type Windows = ReturnType<typeof deadlineWindows>;
const FINAL = [...FINAL_STATUSES].map((s) => `'${s}'`).join(', ');

/**
 * The filters as SQL. For a page (`forPage`), status, kind and form — filters that match a large
 * share of the cards — are written `+a.status = ?`, which keeps SQLite from choosing their index and
 * sorting the whole match: the page walks the sort's index instead, which carries those columns
 * (db/schema.ts). Counts keep them indexable.
 */
function whereClause(q: AppealListQuery, windows: Windows, forPage: boolean): { sql: string; params: unknown[] } {
  const broad = forPage ? '+' : '';
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (q.status) add(`${broad}a.status = ?`, q.status);
  if (q.kind) add(`${broad}a.kind = ?`, q.kind);
  if (q.form) add(`${broad}a.form = ?`, q.form);
  if (q.responsibleHeadId) add('a.responsible_head_id = ?', q.responsibleHeadId);
  if (q.from) add('a.received_at >= ?', minskDayStart(q.from).getTime());
  if (q.to) add('a.received_at < ?', minskDayStart(q.to).getTime() + DAY_MS);
  if (q.deadline) {
    const window = windows[q.deadline];
    parts.push(`a.deadline_at BETWEEN ? AND ? AND a.status NOT IN (${FINAL})`);
    params.push(window.from, window.to);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

const COLUMNS = `a.id, a.status, a.reg_number, a.number_provisional, a.kind, a.form, a.applicant_display, a.summary,
  a.received_at, a.registered_at, a.deadline_at, u.full_name AS head`;

interface Page {
  rows: RawRow[];
  total: number | null;
  totalIsEstimate: boolean;
}
interface Where {
  page: ReturnType<typeof whereClause>;
  count: ReturnType<typeof whereClause>;
}

/** Rows of the given local ids, in that order. */
function rowsByIds(sqlite: Database.Database, ids: number[]): RawRow[] {
  if (ids.length === 0) return [];
  const found = prepareCached(
    sqlite,
    `SELECT a.local_id, ${COLUMNS} FROM appeals a LEFT JOIN users u ON u.id = a.responsible_head_id
     WHERE a.local_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as (RawRow & { local_id: number })[];
  const byId = new Map(found.map((r) => [r.local_id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Search in the default order: one walk of the FTS index newest-first (rowid order, which the index
 * keeps) that stops once it has this page and the capped count — a common word costs what a rare one
 * does, where ranking every match by bm25 would read them all (decision 003).
 */
function searchNewestFirst(sqlite: Database.Database, q: AppealListQuery, match: string, where: Where): Page {
  const filtered = where.page.params.length > 0;
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  const want = q.withTotal ? Math.max(q.offset + q.limit, SEARCH_COUNT_CAP + 1) : q.offset + q.limit;
  const sql = filtered
    ? `SELECT f.rowid AS id FROM appeals_fts f JOIN appeals a ON a.local_id = f.rowid
       WHERE appeals_fts MATCH ? AND ${where.count.sql} ORDER BY f.rowid ${dir} LIMIT ?`
    : `SELECT rowid AS id FROM appeals_fts WHERE appeals_fts MATCH ? ORDER BY rowid ${dir} LIMIT ?`;
  const ids = (prepareCached(sqlite, sql).all(match, ...where.count.params, want) as { id: number }[]).map((r) => r.id);
  return {
    rows: rowsByIds(sqlite, ids.slice(q.offset, q.offset + q.limit)),
    total: q.withTotal ? Math.min(ids.length, SEARCH_COUNT_CAP) : null,
    totalIsEstimate: ids.length > SEARCH_COUNT_CAP,
  };
}

/** Search sorted by another column: every match is sorted, so the count is capped as above. */
function searchSorted(sqlite: Database.Database, q: AppealListQuery, match: string, where: Where): Page {
  const from = `appeals_fts f JOIN appeals a ON a.local_id = f.rowid LEFT JOIN users u ON u.id = a.responsible_head_id
    WHERE appeals_fts MATCH ? AND ${where.count.sql}`;
  const rows = prepareCached(sqlite, `SELECT ${COLUMNS} FROM ${from} ORDER BY ${orderBy(q)} LIMIT ? OFFSET ?`).all(
    match,
    ...where.count.params,
    q.limit,
    q.offset,
  ) as RawRow[];
  if (!q.withTotal) return { rows, total: null, totalIsEstimate: false };
  const counted = prepareCached(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ?)`).get(
    match,
    ...where.count.params,
    SEARCH_COUNT_CAP + 1,
  ) as { n: number };
  return { rows, total: Math.min(counted.n, SEARCH_COUNT_CAP), totalIsEstimate: counted.n > SEARCH_COUNT_CAP };
}

function orderBy(q: AppealListQuery): string {
  const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
  return `${SORT_COLUMNS[q.sort]
    .split(', ')
    .map((column) => `${column} ${dir}`)
    .join(', ')}, a.local_id ${dir}`;
}

/** Without a search: one indexed query (every filter has an index serving its sorts) plus the count. */
function browse(sqlite: Database.Database, q: AppealListQuery, where: Where): Page {
  const rows = prepareCached(
    sqlite,
    `SELECT ${COLUMNS} FROM appeals a LEFT JOIN users u ON u.id = a.responsible_head_id
     WHERE ${where.page.sql} ORDER BY ${orderBy(q)} LIMIT ? OFFSET ?`,
  ).all(...where.page.params, q.limit, q.offset) as RawRow[];
  const total = q.withTotal
    ? (
        prepareCached(sqlite, `SELECT count(*) AS n FROM appeals a WHERE ${where.count.sql}`).get(
          ...where.count.params,
        ) as {
          n: number;
        }
      ).n
    : null;
  return { rows, total, totalIsEstimate: false };
}

/** The list behind the virtualised table (`appeals:list`). */
export function listAppeals(sqlite: Database.Database, q: AppealListQuery, now: Date, calendar: WorkingCalendar) {
  const windows = deadlineWindows(now, calendar);
  const where = { page: whereClause(q, windows, true), count: whereClause(q, windows, false) };
  const match = ftsMatchExpression(q.query);
  const page = !match
    ? browse(sqlite, q, where)
    : q.sort === 'receivedAt'
      ? searchNewestFirst(sqlite, q, match, where)
      : searchSorted(sqlite, q, match, where);
  return { total: page.total, totalIsEstimate: page.totalIsEstimate, rows: page.rows.map((r) => toRow(r, windows)) };
}

/** List rows of the given local ids in that order (the reports' drill-down shows them like the list). */
export function appealRowsByIds(sqlite: Database.Database, ids: number[], now: Date, calendar: WorkingCalendar) {
  const windows = deadlineWindows(now, calendar);
  return rowsByIds(sqlite, ids).map((r) => toRow(r, windows));
}

const isoOrNull = (ms: number | null) => (ms === null ? null : toMinskIso(new Date(ms)));

function toRow(r: RawRow, windows: Windows): AppealRow {
  return {
    id: r.id,
    status: r.status,
    regNumber: r.reg_number,
    numberProvisional: r.number_provisional === 1,
    kind: r.kind,
    form: r.form,
    applicant: r.applicant_display,
    summary: r.summary,
    receivedAt: toMinskIso(new Date(r.received_at)),
    registeredAt: isoOrNull(r.registered_at),
    deadlineAt: isoOrNull(r.deadline_at),
    responsibleHead: r.head,
    deadlineState:
      r.deadline_at === null || FINAL_STATUSES.has(r.status) ? null : deadlineState(r.deadline_at, windows),
  };
}
