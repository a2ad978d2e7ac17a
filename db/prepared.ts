import type { Db } from './open';

const caches = new WeakMap<object, Map<string, unknown>>();

/** The one per-connection statement cache: `build` runs once per owner (connection) and key. */
export function cachedFor<T>(owner: object, key: string, build: () => T): T {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key) as T;
}

/**
 * A drizzle prepared statement built once per connection (drizzle otherwise builds the SQL and
 * better-sqlite3 re-prepares it on every call — a third of a registration's cost in profiles).
 * `build` must use `sql.placeholder(...)` for every value that varies.
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
  return cachedFor(db, key, build);
}
