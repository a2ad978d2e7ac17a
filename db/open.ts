import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { unlockConnection } from './cipher';
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
  /** The data key (decision 014): needed when the file is encrypted; a new file is created encrypted. */
  key?: Buffer | null;
}

/** One entry of drizzle-kit's `meta/_journal.json`: `when` is what drizzle stores as `created_at`. */
export interface MigrationEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The migrations this build of the application knows, oldest first. */
export function readMigrationJournal(migrationsFolder = defaultMigrations()): MigrationEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: MigrationEntry[];
  };
  return journal.entries;
}

/** What the database says about its own schema: the applied migrations' timestamps, oldest first. */
export function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (
    sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as {
      at: number;
    }[]
  ).map((r) => Number(r.at));
}

/**
 * The database was written by a newer version of the application (it has migrations this one does not
 * know). Opening it would risk damage (old code writing rows a newer schema constrains differently), so
 * the application stops with this message before writing anything.
 */
export class DatabaseTooNewError extends Error {
  readonly code = 'DATABASE_TOO_NEW';
  constructor(
    readonly file: string,
    readonly unknownMigrations: number,
  ) {
    super(
      `База данных «${file}» создана более новой версией программы (неизвестных изменений структуры: ` +
        `${unknownMigrations}). Установите последнюю версию АРМ делопроизводителя; база данных не изменена.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Throws DatabaseTooNewError when `sqlite` holds a migration newer than every one in `journal`. */
export function refuseNewerDatabase(sqlite: Database.Database, journal: MigrationEntry[], file: string): void {
  const known = new Set(journal.map((e) => e.when));
  const latest = Math.max(0, ...known);
  const unknown = appliedMigrations(sqlite).filter((at) => !known.has(at) && at > latest).length;
  if (unknown > 0) throw new DatabaseTooNewError(file, unknown);
}

/**
 * Opens (creating if needed) the working copy in `dataDir`, applies pending migrations before anything
 * else touches it, and sets the pragmas every connection needs: WAL, foreign keys, FULL sync so a
 * committed registration survives a power cut (regulation 6.3: no data lost on power failure).
 * A database written by a newer version of the application is refused (DatabaseTooNewError) unchanged.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): WorkingCopy {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrations();
  const sqlite = new Database(file);
  // A missing or wrong key fails here (DatabaseKeyError), before any write: the file stays as it was.
  unlockConnection(sqlite, file, options.key);
  try {
    // Before any pragma or migration writes: a database of a newer version is refused untouched.
    refuseNewerDatabase(sqlite, readMigrationJournal(migrationsFolder), file);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache: a bulk registration (FTS pages) otherwise spills dirty pages mid-transaction.
  sqlite.pragma('cache_size = -65536');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  // Planner statistics for the tables that need them (SQLite's advice for long-lived connections).
  sqlite.pragma('optimize = 0x10002');
  return { sqlite, db, close: () => sqlite.close() };
}

/** Runs `fn` in one IMMEDIATE transaction: the single way services write (all or nothing). */
export function inTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(fn).immediate();
}
