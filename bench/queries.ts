/**
 * List and search latencies: the service (`listAppeals`, what the `appeals:list` handler runs) against
 * the raw better-sqlite3 query of the same shape on the same database, interleaved.
 */
import type Database from 'better-sqlite3';
import type { WorkingCopy } from '../db/open';
import { ftsMatchExpression } from '../electron/services/appeals/fts-query';
import { listAppeals, SORT_COLUMNS } from '../electron/services/appeals/list-appeals';
import { organisationCalendar } from '../electron/services/calendar/org-calendar';
import { type AppealListQuery, appealListQuerySchema } from '../shared/appeals';
import { deadlineWindows } from '../shared/deadlines';
import { createRng } from '../shared/demo/prng';
import { FINAL_STATUSES } from '../shared/status';
import { measurePair, type PairResult } from './lib/stats';

const COLUMNS = `a.id, a.status, a.reg_number, a.number_provisional, a.kind, a.form, a.applicant_display, a.summary,
  a.received_at, a.registered_at, a.deadline_at, u.full_name AS head`;
const minskMidnight = (date: string) => Date.parse(`${date}T00:00:00+03:00`);

const FINAL = [...FINAL_STATUSES].map((s) => `'${s}'`).join(', ');

/** What the `appeals:list` handler runs for parsed input: the organisation's calendar, then the service. */
function product(store: WorkingCopy, now: Date) {
  return (q: AppealListQuery) => listAppeals(store.sqlite, q, now, organisationCalendar(store.db));
}

function rawList(store: WorkingCopy, now: Date) {
  const { sqlite } = store;
  const windows = deadlineWindows(now, organisationCalendar(store.db));
  const cache = new Map<string, Database.Statement>();
  return (q: AppealListQuery) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      where.push(condition);
      params.push(value);
    };
    if (q.status) add('a.status = ?', q.status);
    if (q.kind) add('a.kind = ?', q.kind);
    if (q.form) add('a.form = ?', q.form);
    if (q.from) add('a.received_at >= ?', minskMidnight(q.from));
    if (q.to) add('a.received_at < ?', minskMidnight(q.to) + 86_400_000);
    if (q.deadline) {
      add(`a.deadline_at BETWEEN ? AND ? AND a.status NOT IN (${FINAL})`, windows[q.deadline].from);
      params.push(windows[q.deadline].to);
    }
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    const sql = `SELECT ${COLUMNS} FROM appeals a LEFT JOIN users u ON u.id = a.responsible_head_id
      WHERE ${where.join(' AND ') || '1'} ORDER BY ${SORT_COLUMNS[q.sort]
        .split(', ')
        .map((column) => `${column} ${dir}`)
        .join(', ')}, a.local_id ${dir} LIMIT ? OFFSET ?`;
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement.all(...params, q.limit, q.offset);
  };
}

/** Varied list requests: a filter (or none), a sort, an offset into the first 5,000 rows. */
export function listInputs(count: number, now: Date): AppealListQuery[] {
  const rng = createRng(99);
  return Array.from({ length: count }, () => {
    const filter = rng.weighted<Record<string, string>>([
      [{}, 25],
      [{ status: 'registered' }, 25],
      [{ status: rng.pick(['draft', 'received']) }, 10],
      [{ form: rng.pick(['electronic', 'written', 'oral']) }, 10],
      [{ kind: rng.pick(['complaint', 'proposal']) }, 10],
      [period(rng.int(1, 23), now), 15],
      [{ deadline: rng.pick(['overdue', 'today', 'soon']) }, 5],
    ]);
    const [sort, dir] = rng.weighted<readonly [AppealListQuery['sort'], 'asc' | 'desc']>([
      [['receivedAt', 'desc'], 40],
      [['registeredAt', 'desc'], 15],
      [['deadlineAt', 'asc'], 15],
      [['applicant', 'asc'], 15],
      [['regNumber', 'desc'], 15],
    ]);
    const offset = rng.chance(0.5) ? 0 : rng.int(1, 50) * 100;
    // As the UI asks: the first page counts, later pages keep the total they have.
    return appealListQuerySchema.parse({ ...filter, sort, dir, offset, limit: 100, withTotal: offset === 0 });
  });
}

function period(monthsBack: number, now: Date): { from: string; to: string } {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
  const from = d.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return { from, to };
}

export function benchList(store: WorkingCopy, iterations: number, now: Date): PairResult & { queries: number } {
  const inputs = listInputs(iterations, now);
  const raw = rawList(store, now);
  const result = measurePair(
    iterations,
    (i) => inputs[i % inputs.length] as AppealListQuery,
    product(store, now),
    (q) => raw(q),
  );
  return { ...result, queries: iterations };
}

export const COMMON_WORDS = ['ремонт', 'прошу', 'вопрос', 'дома', 'подъезда', 'обращения'];
export const PREFIXES = ['жил', 'рем', 'обр', 'под', 'вод', 'дет'];

export interface SearchFigures extends PairResult {
  words: string[];
  /** Matches per word (FTS count), to show how common the words are. */
  matches: Record<string, number>;
  /** naive p95 / service p95: how many times faster the product is than bm25 ranking. */
  speedupVsNaiveP95: number;
}

export function benchSearch(
  store: WorkingCopy,
  words: readonly string[],
  iterations: number,
  now: Date,
): SearchFigures {
  const { sqlite } = store;
  const naive = sqlite.prepare(
    'SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH ? ORDER BY bm25(appeals_fts) LIMIT 100',
  );
  const count = sqlite.prepare('SELECT count(*) AS n FROM appeals_fts WHERE appeals_fts MATCH ?');
  const rng = createRng(7);
  const inputs = Array.from({ length: iterations }, (_, i) => {
    const word = words[i % words.length] ?? '';
    const offset = rng.chance(0.2) ? 100 : 0;
    return appealListQuerySchema.parse({ query: word, offset, limit: 100, withTotal: offset === 0 });
  });
  const matches: Record<string, number> = {};
  for (const w of words) matches[w] = (count.get(ftsMatchExpression(w)) as { n: number }).n;
  const result = measurePair(
    iterations,
    (i) => inputs[i] as AppealListQuery,
    product(store, now),
    (q) => naive.all(ftsMatchExpression(q.query)),
  );
  return {
    ...result,
    words: [...words],
    matches,
    speedupVsNaiveP95: Math.round((result.baseline.p95 / result.product.p95) * 100) / 100,
  };
}
