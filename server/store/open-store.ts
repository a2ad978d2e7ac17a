import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_SQL } from './schema';

export const CENTRAL_DB_FILE = 'central.db';

export type Sqlite = Database.Database;

/**
 * Opens the server's database in `dataDir` (created if needed) or in memory (`null`), with the
 * pragmas of design.md: WAL, foreign keys, FULL sync so an acknowledged command survives a power cut.
 */
export function openCentralDatabase(dataDir: string | null): Sqlite {
  let db: Sqlite;
  if (dataDir === null) {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, CENTRAL_DB_FILE));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA_SQL);
  return db;
}

/** One IMMEDIATE transaction; nested calls become savepoints (better-sqlite3). */
export function inTransaction<T>(db: Sqlite, fn: () => T): T {
  return db.inTransaction ? db.transaction(fn)() : db.transaction(fn).immediate();
}
