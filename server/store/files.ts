import type { Sqlite } from './open-store';

/** Size of a file the organisation uploaded completely, or undefined. */
export function ownedFileSize(db: Sqlite, orgId: string, sha256: string): number | undefined {
  const row = db
    .prepare<[string, string], { size: number }>('SELECT size FROM files WHERE org_id = ? AND sha256 = ?')
    .get(orgId, sha256);
  return row?.size;
}

export function recordOwnedFile(db: Sqlite, orgId: string, sha256: string, size: number, now: Date): void {
  db.prepare('INSERT OR IGNORE INTO files (org_id, sha256, size, created_at) VALUES (?, ?, ?, ?)').run(
    orgId,
    sha256,
    size,
    now.getTime(),
  );
}
