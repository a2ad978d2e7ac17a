import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared statement built once per connection (drizzle otherwise builds the SQL and
 * better-sqlite3 re-prepares it on every call — a third of a registration's cost in profiles).
 * `build` must use `sql.placeholder(...)` for every value that varies.
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key) as T;
}
