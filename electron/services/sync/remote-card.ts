import { appeals } from '../../../db/schema';
import type { AppealDraft } from '../../../shared/appeals';
import { mimeTypeOf } from '../../../shared/validation';
import { draftColumns } from '../appeals/appeal-row-mapping';
import { storedHead } from '../appeals/attachment-facts';
import { knownTopicCodes, linkAttachments, linkRepeats, linkTopics } from '../appeals/card-children';
import type { ApplyContext } from './apply-context';

/** A file of a card from the central system: its reference and the size the central system announced. */
export interface RemoteAttachment {
  sha256: string;
  name: string;
  size: number;
  participantsList: boolean;
}

/** The columns of a card from the central system that its draft does not set (status, deadline, number…). */
export type RemoteCardState = Pick<typeof appeals.$inferInsert, 'status' | 'deadlineAt' | 'deadlineExplanation'> &
  Partial<typeof appeals.$inferInsert>;

/**
 * Inserts a card that came through the change feed under its central id, created by the central
 * system's account (sync-user.ts), inside the caller's transaction. INSERT OR IGNORE: returns false
 * when the card exists already, so a change applied twice adds nothing.
 */
export function insertRemoteCard(ctx: ApplyContext, id: string, draft: AppealDraft, state: RemoteCardState): boolean {
  const at = ctx.now.getTime();
  const inserted = ctx.db
    .insert(appeals)
    .values({
      ...draftColumns(draft),
      ...state,
      id,
      orgId: ctx.orgId,
      createdBy: ctx.userId,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing({ target: appeals.id })
    .run();
  return inserted.changes > 0;
}

/**
 * Links a card from the central system to the topics the local classifier knows, to the appeals it
 * repeats and to its files (downloaded before the page: download-files.ts; a file the central system
 * could not give is linked by its announced size and noted). Returns the names of the files not received.
 */
export function linkRemoteChildren(
  ctx: ApplyContext,
  appealId: string,
  children: { topicCodes: readonly string[]; repeatOf: readonly string[]; files: readonly RemoteAttachment[] },
  at: Date,
): string[] {
  const { db, files } = ctx;
  linkTopics(db, appealId, knownTopicCodes(db, children.topicCodes));
  linkRepeats(db, appealId, children.repeatOf);
  const missing = children.files.filter((f) => !files.has(f.sha256)).map((f) => f.name);
  const rows = children.files.map((f) => ({ ...f, type: mimeTypeOf(f.name, storedHead(files, f.sha256)) }));
  linkAttachments(db, appealId, rows, at, ctx.userId);
  return missing;
}

/** The history's note on files the central system could not give (empty when every file arrived). */
export const missingFilesNote = (missing: readonly string[]): string =>
  missing.length > 0 ? `; не получены файлы: ${missing.join(', ')}` : '';
