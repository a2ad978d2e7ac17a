import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
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

export function resolveCardNames(db: Db, card: AppealCard, organisation: string): CardNames {
  const topicRows =
    card.topicCodes.length > 0 ? db.select().from(topics).where(inArray(topics.code, card.topicCodes)).all() : [];
  const territory = card.territoryCode
    ? db.select().from(territories).where(eq(territories.code, card.territoryCode)).get()
    : undefined;
  const category = card.applicantCategory
    ? db.select().from(applicantCategories).where(eq(applicantCategories.code, card.applicantCategory)).get()
    : undefined;
  const head = card.responsibleHeadId
    ? db.select({ name: users.fullName }).from(users).where(eq(users.id, card.responsibleHeadId)).get()
    : undefined;
  return {
    organisation,
    topics: new Map(topicRows.map((t) => [t.code, t.name])),
    territory: territory ? `${territory.name} (${territory.code})` : card.territoryCode,
    category: category ? category.name : card.applicantCategory,
    head: head ? head.name : (card.responsibleHeadId ?? ''),
  };
}
