import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appealLinks, appeals, appealTopics, attachments, history, users } from '../../../db/schema';
import type { AppealCard, AppealStatus } from '../../../shared/appeals';
import { toMinskIso } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { rowToDraft } from './appeal-row-mapping';

export function findAppealRow(db: Db, id: string) {
  const row = db.select().from(appeals).where(eq(appeals.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Обращение не найдено');
  return row;
}

const iso = (ms: number | null) => (ms === null ? null : toMinskIso(new Date(ms)));

/** The full card: requisites, attachments in order, history with user names. */
export function getAppeal(db: Db, id: string): AppealCard {
  const row = findAppealRow(db, id);
  const topicRows = db
    .select({ code: appealTopics.topicCode })
    .from(appealTopics)
    .where(eq(appealTopics.appealId, id))
    .orderBy(asc(appealTopics.position))
    .all();
  const repeats = db
    .select({ id: appealLinks.linkedId, regNumber: appeals.regNumber })
    .from(appealLinks)
    .leftJoin(appeals, eq(appeals.id, appealLinks.linkedId))
    .where(and(eq(appealLinks.appealId, id), eq(appealLinks.kind, 'repeat')))
    .all();
  const files = db
    .select()
    .from(attachments)
    .where(eq(attachments.appealId, id))
    .orderBy(asc(attachments.position))
    .all();
  const events = db
    .select({ h: history, userName: users.fullName })
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(eq(history.appealId, id))
    .orderBy(asc(history.at), asc(history.id))
    .all();
  return {
    ...rowToDraft(row),
    id: row.id,
    status: row.status as AppealStatus,
    topicCodes: topicRows.map((t) => t.code),
    repeatOf: repeats.map((r) => r.id),
    repeats,
    receivedAt: toMinskIso(new Date(row.receivedAt)),
    regNumber: row.regNumber,
    numberProvisional: row.numberProvisional,
    registeredAt: iso(row.registeredAt),
    deadlineAt: iso(row.deadlineAt),
    deadlineExplanation: row.deadlineExplanation,
    attachments: files.map((f) => ({
      sha256: f.sha256,
      name: f.name,
      size: f.size,
      type: f.type,
      participantsList: f.participantsList,
    })),
    history: events.map(({ h, userName }) => {
      const details = JSON.parse(h.details) as { text: string; changes: AppealCard['history'][number]['changes'] };
      return { at: toMinskIso(new Date(h.at)), user: userName ?? h.userId, action: h.action, ...details };
    }),
    version: row.version,
  };
}
