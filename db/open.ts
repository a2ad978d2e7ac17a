import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export interface WorkingCopy {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export const DB_FILE = 'appeals.db';
/** Resolved lazily: the Electron bundle (CommonJS) always passes its own folder instead. */
const defaultMigrations = () => fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Folder with drizzle-kit's SQL migrations; the packaged app passes its own resource path. */
  migrationsFolder?: string;
  /** Log statements slower than this many milliseconds (Signal's practice, style.md). */
  slowQueryMs?: number;
}

/**
 * Opens (creating if needed) the working copy in `dataDir`, applies pending migrations before anything
 * else touches it, and sets the pragmas every connection needs: WAL, foreign keys, FULL sync so a
 * committed registration survives a power cut (regulation 6.3: no data lost on power failure).
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): WorkingCopy {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, DB_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache: a bulk registration (FTS pages) otherwise spills dirty pages mid-transaction.
  sqlite.pragma('cache_size = -65536');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: options.migrationsFolder ?? defaultMigrations() });
  // Planner statistics for the tables that need them (SQLite's advice for long-lived connections).
  sqlite.pragma('optimize = 0x10002');
  return { sqlite, db, close: () => sqlite.close() };
}

/** Runs `fn` in one IMMEDIATE transaction: the single way services write (all or nothing). */
export function inTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(fn).immediate();
}
