import { closeSync, existsSync, fsyncSync, openSync, readSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Encryption of the database file (decision 014): SQLite3 Multiple Ciphers (the `better-sqlite3` package
 * is its build) in SQLCipher 4 mode, so an administrator can open a copy with the stock `sqlcipher` tool
 * or DB Browser for SQLite (raw key `x'<64 hex digits>'`). The key is a random 256-bit data key given as
 * a raw key — no passphrase KDF on every open; the KDF protects the key where it is stored.
 */
export const DATABASE_CIPHER = 'sqlcipher';
/** How the key envelope names the database cipher (SQLCipher 4 compatible). */
export const DB_FILE_CIPHER_NAME = 'sqlcipher-4';
export const SQLCIPHER_LEGACY = 4;
export const DATA_KEY_BYTES = 32;

/** The first 16 bytes of every unencrypted SQLite 3 database. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The database file is missing, empty, or starts with SQLite's plain header (not encrypted). */
export function isPlainDatabaseFile(path: string): boolean {
  if (!existsSync(path)) return true;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === 0 || head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * The database is encrypted and the key is missing or wrong. Thrown before anything is written, so the
 * file stays byte-identical (SQLite only reads page 1 to find out).
 */
export class DatabaseKeyError extends Error {
  readonly code = 'ENCRYPTION_KEY_INVALID';
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'wrong',
  ) {
    super(
      reason === 'missing'
        ? `База данных «${file}» зашифрована, а ключ не задан. Укажите парольную фразу (--passphrase-file или ARM_DB_PASSPHRASE) или запустите программу под той учётной записью операционной системы, которая её зашифровала. База данных не изменена.`
        : `Ключ не подходит к базе данных «${file}» (неверная парольная фраза или чужой ключ). База данных не изменена.`,
    );
    this.name = 'DatabaseKeyError';
  }
}

/** Sets the cipher and the raw key on a connection (before its first read). */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma(`cipher = '${DATABASE_CIPHER}'`);
  sqlite.pragma(`legacy = ${SQLCIPHER_LEGACY}`);
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Changes the key of a connection's database in place (null: decrypt). Not allowed in WAL mode. */
export function rekey(sqlite: Database.Database, key: Buffer | null): void {
  sqlite.pragma(`cipher = '${DATABASE_CIPHER}'`);
  sqlite.pragma(`legacy = ${SQLCIPHER_LEGACY}`);
  sqlite.pragma(key ? `rekey = "x'${key.toString('hex')}'"` : "rekey = ''");
}

/**
 * Prepares a fresh connection on `file`: with the key when the file is encrypted (or new and a key is
 * given), and reads page 1 so a wrong or missing key fails here with DatabaseKeyError — connection closed.
 */
export function unlockConnection(sqlite: Database.Database, file: string, key: Buffer | null | undefined): boolean {
  const exists = existsSync(file);
  const encrypted = exists ? !isPlainDatabaseFile(file) : Boolean(key);
  if (encrypted && !key) {
    sqlite.close();
    throw new DatabaseKeyError(file, 'missing');
  }
  if (encrypted && key) applyKey(sqlite, key);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file, 'wrong');
    throw err;
  }
  return encrypted;
}

/** Opens a database file that is not the working copy (a backup, a migration's new file) with its key. */
export function openDatabaseFile(
  path: string,
  key: Buffer | null | undefined,
  options: { readonly?: boolean } = {},
): Database.Database {
  const sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
  unlockConnection(sqlite, path, key);
  return sqlite;
}

/**
 * A consistent copy of the open database `sqlite` (encrypted with `sourceKey`, or plain) at `target`,
 * encrypted with `targetKey` (null: plain), in rollback-journal mode and fsynced. `VACUUM INTO` runs
 * in one read transaction, so the application keeps working; its copy has the source's key, then
 * `PRAGMA rekey` (allowed outside WAL) turns it into the target's. The caller checks and renames it.
 */
export function copyDatabase(
  sqlite: Database.Database,
  sourceKey: Buffer | null,
  target: string,
  targetKey: Buffer | null,
): void {
  rmSync(target, { force: true });
  sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
  const copy = openDatabaseFile(target, sourceKey);
  try {
    copy.pragma('journal_mode = DELETE');
    const same = sourceKey && targetKey ? sourceKey.equals(targetKey) : sourceKey === targetKey;
    if (!same) rekey(copy, targetKey);
  } finally {
    copy.close();
  }
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `PRAGMA integrity_check` and `foreign_key_check` of a database file; [] when everything is ok. */
export function integrityProblems(path: string, key: Buffer | null | undefined): string[] {
  const sqlite = openDatabaseFile(path, key, { readonly: true });
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`нарушены связи между таблицами: ${fk.length}`);
    return problems;
  } finally {
    sqlite.close();
  }
}
