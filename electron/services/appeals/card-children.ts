import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { appealLinks, appealTopics, attachments, topics } from '../../../db/schema';

/**
 * The rows a card keeps beside its own (topics, repeat links, attachments), written the same way by
 * the card form (save-appeal.ts) and by the cards that arrive from the central system (sync/).
 * Every function runs inside the caller's transaction.
 */

/** One attachment row: what the store (or, for a file not received, the central system) says of it. */
export interface AttachmentRow {
  sha256: string;
  name: string;
  size: number;
  type: string;
  participantsList: boolean;
}

/** Links the card's topics in the given order. */
export function linkTopics(db: Db, appealId: string, codes: readonly string[]): void {
  const insertTopic = prepared(db, 'appealTopics.insert', () =>
    db
      .insert(appealTopics)
      .values({
        appealId: sql.placeholder('appealId'),
        topicCode: sql.placeholder('topicCode'),
        position: sql.placeholder('position'),
      })
      .prepare(),
  );
  codes.forEach((topicCode, position) => {
    insertTopic.run({ appealId, topicCode, position });
  });
}

/** The codes the local classifier holds, in order and once each: what a card from elsewhere can link. */
export function knownTopicCodes(db: Db, codes: readonly string[]): string[] {
  if (codes.length === 0) return [];
  const known = new Set(
    db
      .select({ code: topics.code })
      .from(topics)
      .where(inArray(topics.code, [...codes]))
      .all()
      .map((t) => t.code),
  );
  return [...new Set(codes)].filter((code) => known.has(code));
}

/** Links the earlier appeals the card repeats (the clerk's decision on registration). */
export function linkRepeats(db: Db, appealId: string, linkedIds: readonly string[]): void {
  for (const linkedId of new Set(linkedIds)) {
    db.insert(appealLinks).values({ appealId, linkedId, kind: 'repeat' }).run();
  }
}

/** Links the files to the card in the given order, added by `userId` at `at`. */
export function linkAttachments(
  db: Db,
  appealId: string,
  files: readonly AttachmentRow[],
  at: Date,
  userId: string,
): void {
  files.forEach((file, position) => {
    db.insert(attachments)
      .values({
        appealId,
        sha256: file.sha256,
        name: file.name,
        size: file.size,
        type: file.type,
        participantsList: file.participantsList,
        position,
        addedAt: at.getTime(),
        addedBy: userId,
      })
      .run();
  });
}

/** Removes the card's topics, repeat links and attachments before they are written again. */
export function clearChildren(db: Db, appealId: string): void {
  db.delete(appealTopics).where(eq(appealTopics.appealId, appealId)).run();
  db.delete(appealLinks)
    .where(and(eq(appealLinks.appealId, appealId), eq(appealLinks.kind, 'repeat')))
    .run();
  db.delete(attachments).where(eq(attachments.appealId, appealId)).run();
}
