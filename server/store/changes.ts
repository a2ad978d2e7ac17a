import type { Change, ChangesPage } from '../../shared/sync/protocol';
import type { Sqlite } from './open-store';

type ChangeType = Change['type'];
type ChangeData<T extends ChangeType> = Extract<Change, { type: T }>['data'];

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

/** Appends one change to the organisation's feed (inside the caller's transaction) and returns its seq. */
export function appendChange<T extends ChangeType>(
  db: Sqlite,
  orgId: string,
  type: T,
  data: ChangeData<T>,
  now: Date,
): number {
  const info = db
    .prepare('INSERT INTO changes (org_id, type, data, created_at) VALUES (?, ?, ?, ?)')
    .run(orgId, type, JSON.stringify(data), now.getTime());
  return Number(info.lastInsertRowid);
}

interface ChangeRow {
  seq: number;
  type: string;
  data: string;
  created_at: number;
}

/**
 * The page after cursor `after`: up to `limit` changes in seq order. `next` is the last seq returned
 * (or `after` itself when nothing is new), so storing it never skips or repeats a change.
 */
export function readChanges(
  db: Sqlite,
  orgId: string,
  after: number,
  limit: number,
  options: { withTime?: boolean } = {},
): ChangesPage {
  const rows = db
    .prepare<[string, number, number], ChangeRow>(
      'SELECT seq, type, data, created_at FROM changes WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    )
    .all(orgId, after, limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes = page.map((r) => ({
    seq: r.seq,
    type: r.type,
    data: JSON.parse(r.data) as unknown,
    // API v2: when the central system recorded the change.
    ...(options.withTime ? { at: new Date(r.created_at).toISOString() } : {}),
  }));
  const last = page[page.length - 1];
  const next = last ? last.seq : after;
  const remaining = hasMore
    ? (db
        .prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM changes WHERE org_id = ? AND seq > ?')
        .get(orgId, next)?.n ?? 0)
    : 0;
  return { changes, next, hasMore, remaining };
}
