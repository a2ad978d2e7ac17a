import type Database from 'better-sqlite3';
import { prepareCached } from '../../../db/statement-cache';
import type { AppealListQuery, AppealRow } from '../../../shared/appeals';
import { minskDayStart, toMinskIso, type WorkingCalendar } from '../../../shared/calendar';
import { deadlineState, deadlineWindows } from '../../../shared/deadlines';
import { FINAL_STATUSES } from '../../../shared/status';
import { ftsMatchExpression } from './fts-query';

const SORT_COLUMNS: Record<AppealListQuery['sort'], string> = {
  receivedAt: 'a.received_at',
  registeredAt: 'a.registered_at',
  regNumber: 'a.reg_number',
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

function whereClause(q: AppealListQuery, windows: Windows): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (q.status) add('a.status = ?', q.status);
  if (q.kind) add('a.kind = ?', q.kind);
  if (q.form) add('a.form = ?', q.form);
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

/**
 * The list behind the virtualised table. Without a search it is one indexed query plus a count.
 * With a search the FTS index is walked newest-first (rowid order, which the index keeps) and stops
 * after one page, instead of ranking every match by bm25: a common word costs what a rare one does.
 */
export function listAppeals(sqlite: Database.Database, q: AppealListQuery, now: Date, calendar: WorkingCalendar) {
  const windows = deadlineWindows(now, calendar);
  const where = whereClause(q, windows);
  const match = ftsMatchExpression(q.query);
  const cached = (sql: string) => prepareCached(sqlite, sql);
  let rows: RawRow[];
  let total: number;
  let totalIsEstimate = false;
  if (match) {
    const from = `appeals_fts f JOIN appeals a ON a.local_id = f.rowid LEFT JOIN users u ON u.id = a.responsible_head_id
      WHERE appeals_fts MATCH ? AND ${where.sql}`;
    const order =
      q.sort === 'receivedAt'
        ? `f.rowid ${q.dir === 'asc' ? 'ASC' : 'DESC'}`
        : `${SORT_COLUMNS[q.sort]} ${q.dir}, f.rowid DESC`;
    rows = cached(`SELECT ${COLUMNS} FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
      match,
      ...where.params,
      q.limit,
      q.offset,
    ) as RawRow[];
    const counted = cached(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ?)`).get(
      match,
      ...where.params,
      SEARCH_COUNT_CAP + 1,
    ) as { n: number };
    totalIsEstimate = counted.n > SEARCH_COUNT_CAP;
    total = Math.min(counted.n, SEARCH_COUNT_CAP);
  } else {
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    rows = cached(
      `SELECT ${COLUMNS} FROM appeals a LEFT JOIN users u ON u.id = a.responsible_head_id
       WHERE ${where.sql} ORDER BY ${SORT_COLUMNS[q.sort]} ${dir}, a.local_id ${dir} LIMIT ? OFFSET ?`,
    ).all(...where.params, q.limit, q.offset) as RawRow[];
    total = (cached(`SELECT count(*) AS n FROM appeals a WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  }
  return { total, totalIsEstimate, rows: rows.map((r) => toRow(r, windows)) };
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
    deadlineState: r.deadline_at === null || FINAL_STATUSES.has(r.status) ? null : deadlineState(r.deadline_at, windows),
  };
}
