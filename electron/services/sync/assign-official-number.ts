import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appeals, history } from '../../../db/schema';
import { recordHistory } from '../history/record-history';

export type NumberOutcome = 'assigned' | 'unchanged' | 'conflict' | 'unknown-appeal';

export interface OfficialNumber {
  appealId: string;
  regNumber: string;
  at: Date;
  userId: string;
}

function recordConflictOnce(db: Db, n: OfficialNumber, holder: string): void {
  const text = `Система обращений присвоила номер ${n.regNumber}, но он уже занят карточкой ${holder}; номер не изменён`;
  const details = JSON.stringify({ text, changes: [] });
  const seen = db
    .select({ id: history.id })
    .from(history)
    .where(and(eq(history.appealId, n.appealId), eq(history.action, 'number_conflict'), eq(history.details, details)))
    .get();
  if (!seen) recordHistory(db, { appealId: n.appealId, userId: n.userId, at: n.at, action: 'number_conflict', text });
}

/**
 * The central system's official number replaces a provisional one (design.md, "Offline registration"),
 * inside the caller's transaction; history keeps both. Idempotent: the same number twice changes
 * nothing. An official local number is never overwritten; a number already held by another card is
 * not taken (the unique index would fail the whole transaction and stall sync) but noted in history.
 */
export function assignOfficialNumber(db: Db, n: OfficialNumber): NumberOutcome {
  const row = db
    .select({ orgId: appeals.orgId, regNumber: appeals.regNumber, provisional: appeals.numberProvisional })
    .from(appeals)
    .where(eq(appeals.id, n.appealId))
    .get();
  if (!row) return 'unknown-appeal';
  if (row.regNumber === n.regNumber) {
    if (row.provisional) db.update(appeals).set({ numberProvisional: false }).where(eq(appeals.id, n.appealId)).run();
    return 'unchanged';
  }
  if (row.regNumber !== null && !row.provisional) return 'unchanged';
  const holder = db
    .select({ regNumber: appeals.regNumber })
    .from(appeals)
    .where(and(eq(appeals.orgId, row.orgId), eq(appeals.regNumber, n.regNumber), ne(appeals.id, n.appealId)))
    .get();
  if (holder) {
    recordConflictOnce(db, n, holder.regNumber ?? '');
    return 'conflict';
  }
  db.update(appeals)
    .set({
      regNumber: n.regNumber,
      numberProvisional: false,
      updatedAt: n.at.getTime(),
      version: sql`${appeals.version} + 1`,
    })
    .where(eq(appeals.id, n.appealId))
    .run();
  const previous = row.regNumber;
  recordHistory(db, {
    appealId: n.appealId,
    userId: n.userId,
    at: n.at,
    action: 'numbered',
    text: previous
      ? `Присвоен регистрационный номер ${n.regNumber} (предварительный ${previous})`
      : `Присвоен регистрационный номер ${n.regNumber}`,
    changes: [{ field: 'Регистрационный номер', from: previous ?? '', to: n.regNumber }],
  });
  return 'assigned';
}
