import type { Sqlite } from './open-store';

export interface AppealRecord {
  status: string;
  regNumber: string | null;
}

export function findAppeal(db: Sqlite, orgId: string, appealId: string): AppealRecord | undefined {
  return db
    .prepare<[string, string], AppealRecord>(
      'SELECT status, reg_number AS regNumber FROM appeals WHERE org_id = ? AND id = ?',
    )
    .get(orgId, appealId);
}

/** The card a workstation registered (RegisterAppeal payload as stored), or null. */
export function findRegisteredCard(db: Sqlite, orgId: string, appealId: string): unknown {
  const row = db
    .prepare<[string, string], { card: string | null }>('SELECT card FROM appeals WHERE org_id = ? AND id = ?')
    .get(orgId, appealId);
  return row?.card ? (JSON.parse(row.card) as unknown) : null;
}

export function isNumberTaken(db: Sqlite, orgId: string, regNumber: string): boolean {
  return (
    db
      .prepare<[string, string], { n: number }>('SELECT 1 AS n FROM appeals WHERE org_id = ? AND reg_number = ?')
      .get(orgId, regNumber) !== undefined
  );
}

/** An appeal filed on the portal, awaiting registration by the organisation. */
export function insertFiledAppeal(db: Sqlite, orgId: string, appealId: string, filed: unknown, now: Date): void {
  db.prepare(`INSERT INTO appeals (org_id, id, status, filed, updated_at) VALUES (?, ?, 'received', ?, ?)`).run(
    orgId,
    appealId,
    JSON.stringify(filed),
    now.getTime(),
  );
}

export interface Registration {
  orgId: string;
  appealId: string;
  status: string;
  regNumber: string;
  provisionalNumber: string | null;
  regYear: number | null;
  regSeq: number | null;
  registeredAt: string | null;
  card: unknown;
  now: Date;
}

export function saveRegistration(db: Sqlite, r: Registration): void {
  db.prepare(
    `INSERT INTO appeals (org_id, id, status, reg_number, provisional_number, reg_year, reg_seq, registered_at, card, updated_at)
     VALUES (@orgId, @appealId, @status, @regNumber, @provisionalNumber, @regYear, @regSeq, @registeredAt, @card, @updatedAt)
     ON CONFLICT (org_id, id) DO UPDATE SET status = excluded.status, reg_number = excluded.reg_number,
       provisional_number = excluded.provisional_number, reg_year = excluded.reg_year, reg_seq = excluded.reg_seq,
       registered_at = excluded.registered_at, card = excluded.card, updated_at = excluded.updated_at`,
  ).run({
    orgId: r.orgId,
    appealId: r.appealId,
    status: r.status,
    regNumber: r.regNumber,
    provisionalNumber: r.provisionalNumber,
    regYear: r.regYear,
    regSeq: r.regSeq,
    registeredAt: r.registeredAt,
    card: JSON.stringify(r.card),
    updatedAt: r.now.getTime(),
  });
}

export function setAppealStatus(db: Sqlite, orgId: string, appealId: string, status: string, now: Date): boolean {
  const info = db
    .prepare('UPDATE appeals SET status = ?, updated_at = ? WHERE org_id = ? AND id = ?')
    .run(status, now.getTime(), orgId, appealId);
  return info.changes > 0;
}
