import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { integrityProblems, openDatabaseFile } from '../../../db/cipher';
import type { BackupVerification } from '../../../shared/backup/schema';
import { toMinskIso } from '../../../shared/calendar';
import { readStoredFile } from '../attachments/attachment-store';
import { readManifest, SHA256_NAME, sha256File, VERIFICATION, writeFileDurably } from './backup-files';

/** Every column that names a file of the content-addressed store (cards, review files, signatures). */
const FILE_REFERENCES = [
  'SELECT sha256 AS sha FROM attachments',
  'SELECT sha256 AS sha FROM review_files',
  'SELECT document_sha256 AS sha FROM signatures',
  'SELECT p7s_sha256 AS sha FROM signatures',
];

/** The store files a database refers to (tables an older schema lacks are skipped). */
export function referencedFiles(sqlite: Database.Database): Set<string> {
  const out = new Set<string>();
  for (const query of FILE_REFERENCES) {
    try {
      for (const row of sqlite.prepare(query).all() as { sha: string }[]) out.add(row.sha);
    } catch {
      // table absent in this schema version
    }
  }
  return out;
}

/** The sha256 of a stored file's plaintext; null when it does not decrypt (damaged or another key). */
function plainSha256(path: string, sha256: string, key: Buffer | null): string | null {
  try {
    return createHash('sha256')
      .update(readStoredFile(path, sha256, key))
      .digest('hex');
  } catch {
    return null;
  }
}

/**
 * Checks one backup folder against its manifest: the database's sha256 and `PRAGMA integrity_check`,
 * every file's presence, size and sha256 (its name), and that every file the database refers to is in
 * the backup (or was absent at the source too). Writes the result beside the manifest and returns it.
 * An encrypted backup needs the data key (decision 014): files are hashed over their plaintext.
 */
export function verifyBackupDir(dir: string, now: Date, key: Buffer | null = null): BackupVerification {
  const problems: string[] = [];
  try {
    const manifest = readManifest(dir);
    const dbPath = join(dir, manifest.db.file);
    if (!existsSync(dbPath)) problems.push('нет файла базы данных');
    else if (sha256File(dbPath) !== manifest.db.sha256) problems.push('файл базы данных изменён или повреждён');
    else {
      problems.push(...integrityProblems(dbPath, key).map((p) => `integrity_check: ${p}`));
      const sqlite = openDatabaseFile(dbPath, key, { readonly: true });
      try {
        const listed = new Set(manifest.files.map((f) => f.sha256));
        const excused = new Set(manifest.absentAtSource);
        const missing = [...referencedFiles(sqlite)].filter((sha) => !listed.has(sha) && !excused.has(sha));
        if (missing.length > 0) problems.push(`в копии нет файлов, на которые ссылается база: ${missing.length}`);
      } finally {
        sqlite.close();
      }
    }
    for (const file of manifest.files) {
      const path = join(dir, 'attachments', file.sha256.slice(0, 2), file.sha256);
      if (!SHA256_NAME.test(file.sha256) || !existsSync(path)) problems.push(`нет файла ${file.sha256.slice(0, 12)}…`);
      else if (statSync(path).size !== file.bytes || plainSha256(path, file.sha256, key) !== file.sha256) {
        problems.push(`файл ${file.sha256.slice(0, 12)}… повреждён (сумма sha256 не совпадает)`);
      }
    }
  } catch (err) {
    problems.push(`копию не удалось прочитать: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = { ok: problems.length === 0, checkedAt: toMinskIso(now), problems: problems.slice(0, 50) };
  if (existsSync(dir)) writeFileDurably(join(dir, VERIFICATION), JSON.stringify(result, null, 2));
  return result;
}
