import { eq, sql } from 'drizzle-orm';
import { appeals } from '../../../db/schema';
import type { AppealStatus } from '../../../shared/appeals';
import { ACTIONS, STATUS_NAMES } from '../../../shared/status';
import { recordHistory } from '../history/record-history';
import type { ApplyContext } from './apply-context';
import { writeState } from './sync-state';

/** `sync_state` key of a central status this workstation could not take (listed for the clerk). */
export const unappliedStatusKey = (appealId: string) => `unapplied_status:${appealId}`;

const WITHDRAWABLE: readonly AppealStatus[] = ACTIONS.withdraw.from;

/**
 * `appeal.status`: the applicant withdrew the appeal on the portal (or the central system changed its
 * status). Withdrawal moves a card that may still be withdrawn to «отозвано»; any other status is only
 * recorded in history. Returns whether anything was written.
 */
export function applyStatusChange(
  ctx: ApplyContext,
  data: { appealId: string; status: string; note: string },
): boolean {
  const { db, now } = ctx;
  const row = db.select({ status: appeals.status }).from(appeals).where(eq(appeals.id, data.appealId)).get();
  if (!row) return false;
  const status = row.status as AppealStatus;
  const note = data.note.trim() ? `: ${data.note.trim()}` : '';
  if (data.status === 'withdrawn') {
    if (status === 'withdrawn') return false;
    if (!WITHDRAWABLE.includes(status)) {
      // A conflict: the central system is authoritative for the withdrawal, but the card moved on here
      // (e.g. completed offline). The clerk decides; until then it is listed in «Требуют внимания».
      const text = `Система обращений сообщила об отзыве обращения${note}; статус «${STATUS_NAMES[status]}» не изменён`;
      recordHistory(db, { appealId: data.appealId, userId: ctx.userId, at: now, action: 'central_status', text });
      writeState(db, unappliedStatusKey(data.appealId), JSON.stringify({ appealId: data.appealId, message: text }));
      return true;
    }
    db.update(appeals)
      .set({
        status: 'withdrawn',
        closedAt: now.getTime(),
        updatedAt: now.getTime(),
        version: sql`${appeals.version} + 1`,
      })
      .where(eq(appeals.id, data.appealId))
      .run();
    recordHistory(db, {
      appealId: data.appealId,
      userId: ctx.userId,
      at: now,
      action: 'withdrawn',
      text: `Заявитель отозвал обращение в системе обращений${note}`,
      changes: [{ field: 'Статус', from: STATUS_NAMES[status], to: STATUS_NAMES.withdrawn }],
    });
    return true;
  }
  recordHistory(db, {
    appealId: data.appealId,
    userId: ctx.userId,
    at: now,
    action: 'central_status',
    text: `Система обращений сообщила статус «${data.status}»${note}`,
  });
  return true;
}
