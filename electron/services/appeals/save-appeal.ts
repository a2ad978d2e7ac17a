import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { appeals, appealTopics, attachments, organisations } from '../../../db/schema';
import type { AppealDraft, AppealSource, AppealStatus } from '../../../shared/appeals';
import { validateAppealDraft } from '../../../shared/appeals/validate-appeal';
import { registrationDeadline } from '../../../shared/deadlines';
import { AppError, validationError } from '../../../shared/errors';
import { assertTransition } from '../../../shared/status';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { recordHistory } from '../history/record-history';
import { draftColumns } from './appeal-row-mapping';
import { describeAttachments } from './attachment-facts';
import { draftChanges } from './draft-changes';
import { findAppealRow, getAppeal } from './get-appeal';

export interface SaveInput {
  id: string | null;
  draft: AppealDraft;
  expectedVersion: number | null;
}

export function organisationOf(db: Db) {
  const org = db.select().from(organisations).get();
  if (!org) throw new AppError('INTERNAL', 'Организация не настроена в базе данных');
  return org;
}

/** Until registration the card's deadline is the registration deadline [4.4]; registration replaces it. */
function registrationTerm(db: Db, draft: AppealDraft) {
  const term = registrationDeadline(new Date(draft.receivedAt), organisationCalendar(db));
  return { deadlineAt: term.deadline.getTime(), deadlineExplanation: term.explanation };
}

/** Replaces the card's topics and attachment links with the draft's (inside the caller's transaction). */
function writeChildren(ctx: CallContext, id: string, draft: AppealDraft, userId: string, now: Date): void {
  const { db } = ctx.store;
  db.delete(appealTopics).where(eq(appealTopics.appealId, id)).run();
  draft.topicCodes.forEach((topicCode, position) => {
    db.insert(appealTopics).values({ appealId: id, topicCode, position }).run();
  });
  db.delete(attachments).where(eq(attachments.appealId, id)).run();
  describeAttachments(ctx.files, draft.attachments).forEach((file, position) => {
    db.insert(attachments)
      .values({
        appealId: id,
        sha256: file.sha256,
        name: file.name,
        size: file.size,
        type: file.type,
        participantsList: file.participantsList,
        position,
        addedAt: now.getTime(),
        addedBy: userId,
      })
      .run();
  });
}

/**
 * Creates or updates the card (inside the caller's transaction) and records what changed.
 * Returns the id. Refuses cards that are no longer drafts and stale versions (optimistic locking).
 */
export function upsertDraftInTx(ctx: CallContext, input: SaveInput, now: Date): { id: string; created: boolean } {
  const user = requireUser(ctx, 'clerk');
  const { db } = ctx.store;
  if (input.id === null) {
    const id = uuidv7();
    const org = organisationOf(db);
    db.insert(appeals)
      .values({
        ...draftColumns(input.draft),
        ...registrationTerm(db, input.draft),
        id,
        orgId: org.id,
        status: 'draft',
        createdBy: user.id,
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      })
      .run();
    writeChildren(ctx, id, input.draft, user.id, now);
    recordHistory(db, {
      appealId: id,
      userId: user.id,
      at: now,
      action: 'created',
      text: 'Создана карточка обращения',
    });
    return { id, created: true };
  }
  const row = findAppealRow(db, input.id);
  assertTransition('edit', { status: row.status as AppealStatus, source: row.source as AppealSource }, user.roles);
  if (input.expectedVersion !== null && input.expectedVersion !== row.version) {
    throw new AppError('CONFLICT', 'Карточку уже изменил другой пользователь — обновите её и повторите');
  }
  const before = getAppeal(db, input.id);
  db.update(appeals)
    .set({
      ...draftColumns(input.draft),
      ...registrationTerm(db, input.draft),
      updatedAt: now.getTime(),
      version: row.version + 1,
    })
    .where(eq(appeals.id, input.id))
    .run();
  writeChildren(ctx, input.id, input.draft, user.id, now);
  const changes = draftChanges(
    { ...before, attachments: before.attachments.map((a) => ({ ...a, participantsList: a.participantsList })) },
    input.draft,
  ).filter((c) => c.field !== 'receivedAt' || before.receivedAt !== input.draft.receivedAt);
  if (changes.length > 0) {
    recordHistory(db, {
      appealId: input.id,
      userId: user.id,
      at: now,
      action: 'edited',
      text: 'Изменена карточка',
      changes,
    });
  }
  return { id: input.id, created: false };
}

/** `appeals:save`: keep a draft (incomplete is fine, but what is filled must be valid). */
export function saveAppeal(ctx: CallContext, input: SaveInput): { id: string; version: number } {
  requireUser(ctx, 'clerk');
  const issues = validateAppealDraft(input.draft, {
    mode: 'draft',
    files: describeAttachments(ctx.files, input.draft.attachments),
  });
  if (issues.length > 0) throw validationError(issues);
  const now = ctx.clock();
  return inTransaction(ctx.store.sqlite, () => {
    const { id } = upsertDraftInTx(ctx, input, now);
    return { id, version: findAppealRow(ctx.store.db, id).version };
  });
}
