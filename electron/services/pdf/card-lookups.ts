import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { applicantCategories, territories, topics, users } from '../../../db/schema';
import type { AppealCard } from '../../../shared/appeals';

/** Names behind the card's codes and ids, resolved from the dictionaries of the working copy. */
export interface CardNames {
  organisation: string;
  topics: Map<string, string>;
  territory: string;
  category: string;
  head: string;
}

const CODE = sql.placeholder('code');

/** The dictionary look-ups, prepared once per connection (a batch resolves names per card). */
function lookups(db: Db) {
  return prepared(db, 'pdf.cardNames', () => ({
    topic: db.select({ name: topics.name }).from(topics).where(eq(topics.code, CODE)).prepare(),
    territory: db.select().from(territories).where(eq(territories.code, CODE)).prepare(),
    category: db.select().from(applicantCategories).where(eq(applicantCategories.code, CODE)).prepare(),
    user: db.select({ name: users.fullName }).from(users).where(eq(users.id, CODE)).prepare(),
  }));
}

export function resolveCardNames(db: Db, card: AppealCard, organisation: string): CardNames {
  const q = lookups(db);
  const topicRows = card.topicCodes.flatMap((code) => {
    const row = q.topic.get({ code });
    return row ? [{ code, name: row.name }] : [];
  });
  const territory = card.territoryCode ? q.territory.get({ code: card.territoryCode }) : undefined;
  const category = card.applicantCategory ? q.category.get({ code: card.applicantCategory }) : undefined;
  const head = card.responsibleHeadId ? q.user.get({ code: card.responsibleHeadId }) : undefined;
  return {
    organisation,
    topics: new Map(topicRows.map((t) => [t.code, t.name])),
    territory: territory ? `${territory.name} (${territory.code})` : card.territoryCode,
    category: category ? category.name : card.applicantCategory,
    head: head ? head.name : (card.responsibleHeadId ?? ''),
  };
}
