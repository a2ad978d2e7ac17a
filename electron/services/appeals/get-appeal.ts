import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { appealLinks, appeals, appealTopics, attachments, history, users } from '../../../db/schema';
import type { AppealCard, AppealStatus } from '../../../shared/appeals';
import { toMinskIso } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { rowToDraft } from './appeal-row-mapping';

const ID = sql.placeholder('id');

export function findAppealRow(db: Db, id: string) {
  const row = prepared(db, 'appeals.byId', () => db.select().from(appeals).where(eq(appeals.id, ID)).prepare()).get({
    id,
  });
  if (!row) throw new AppError('NOT_FOUND', 'Обращение не найдено');
  return row;
}

const iso = (ms: number | null) => (ms === null ? null : toMinskIso(new Date(ms)));

/** The card's reads, prepared once per connection (the PDF export reads a card per document). */
function cardStatements(db: Db) {
  return prepared(db, 'appeals.card', () => ({
    topics: db
      .select({ code: appealTopics.topicCode })
      .from(appealTopics)
      .where(eq(appealTopics.appealId, ID))
      .orderBy(asc(appealTopics.position))
      .prepare(),
    repeats: db
      .select({ id: appealLinks.linkedId, regNumber: appeals.regNumber })
      .from(appealLinks)
      .leftJoin(appeals, eq(appeals.id, appealLinks.linkedId))
      .where(and(eq(appealLinks.appealId, ID), eq(appealLinks.kind, 'repeat')))
      .prepare(),
    files: db
      .select()
      .from(attachments)
      .where(eq(attachments.appealId, ID))
      .orderBy(asc(attachments.position))
      .prepare(),
    events: db
      .select({ h: history, userName: users.fullName })
      .from(history)
      .leftJoin(users, eq(users.id, history.userId))
      .where(eq(history.appealId, ID))
      .orderBy(asc(history.at), asc(history.id))
      .prepare(),
  }));
}

/** The full card: requisites, attachments in order, history with user names. */
export function getAppeal(db: Db, id: string): AppealCard {
  const row = findAppealRow(db, id);
  const statements = cardStatements(db);
  const topicRows = statements.topics.all({ id });
  const repeats = statements.repeats.all({ id });
  const files = statements.files.all({ id });
  const events = statements.events.all({ id });
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
