import { eq } from 'drizzle-orm';
import { appealTopics, topics } from '../../../db/schema';
import type { ApplyContext } from './apply-context';

/**
 * `classifier.topic`: the unified classifier changed. Upsert, or remove a topic no card refers to
 * (a referenced one stays: removing it would break the cards, and the foreign key would stall sync).
 */
export function applyTopic(
  ctx: ApplyContext,
  data: { code: string; parentCode: string | null; name: string; removed: boolean },
): boolean {
  const { db } = ctx;
  if (data.removed) {
    const used = db
      .select({ c: appealTopics.topicCode })
      .from(appealTopics)
      .where(eq(appealTopics.topicCode, data.code));
    if (used.limit(1).get()) return false;
    return db.delete(topics).where(eq(topics.code, data.code)).run().changes > 0;
  }
  const current = db.select().from(topics).where(eq(topics.code, data.code)).get();
  if (current && current.name === data.name && current.parentCode === data.parentCode) return false;
  db.insert(topics)
    .values({ code: data.code, parentCode: data.parentCode, name: data.name })
    .onConflictDoUpdate({ target: topics.code, set: { parentCode: data.parentCode, name: data.name } })
    .run();
  return true;
}
