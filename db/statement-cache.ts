import type Database from 'better-sqlite3';
import { cachedFor } from './prepared';

/** Raw SQL prepared once per connection and SQL text: hot list and search queries skip re-compilation. */
export function prepareCached(sqlite: Database.Database, sql: string): Database.Statement {
  return cachedFor(sqlite, sql, () => sqlite.prepare(sql));
}
