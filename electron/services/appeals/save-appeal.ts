import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { appeals, organisations } from '../../../db/schema';
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
import { type AttachmentFacts, describeAttachments } from './attachment-facts';
import { clearChildren, linkAttachments, linkRepeats, linkTopics } from './card-children';
import { draftChanges } from './draft-changes';
import { findAppealRow, getAppeal } from './get-appeal';

export interface SaveInput {
  id: string | null;
  draft: AppealDraft;
  expectedVersion: number | null;
}

export function organisationOf(db: Db) {
  const org = prepared(db, 'organisation.get', () => db.select().from(organisations).prepare()).get();
  if (!org) throw new AppError('INTERNAL', 'Организация не настроена в базе данных');
  return org;
}

type AppealColumns = Partial<typeof appeals.$inferInsert>;

/** Until registration the card's deadline is the registration deadline [4.4]; registration replaces it. */
function registrationTerm(db: Db, draft: AppealDraft): { deadlineAt: number; deadlineExplanation: string } {
  const term = registrationDeadline(new Date(draft.receivedAt), organisationCalendar(db));
  return { deadlineAt: term.deadline.getTime(), deadlineExplanation: term.explanation };
}

/** Links the draft's topics, repeats and attachments to the card (inside the caller's transaction). */
function writeChildren(ctx: CallContext, id: string, draft: AppealDraft, userId: string, now: Date): AttachmentFacts[] {
  const { db } = ctx.store;
  linkTopics(db, id, draft.topicCodes);
  linkRepeats(db, id, draft.repeatOf);
  const files = describeAttachments(ctx.files, draft.attachments);
  linkAttachments(db, id, files, now, userId);
  return files;
}

export type AppealRowInsert = Required<Omit<typeof appeals.$inferInsert, 'localId'>>;

/** Registration columns of a card that is not registered yet. */
const UNREGISTERED = {
  registeredAt: null,
  regNumber: null,
  regYear: null,
  regSeq: null,
  numberProvisional: false,
  controlBy: null,
  controlDueAt: null,
  controlNote: '',
  closedAt: null,
} satisfies AppealColumns;

/** The row of a new card: the draft's columns, the registration deadline until registered, then `state`. */
export function newCardRow(
  db: Db,
  draft: AppealDraft,
  by: { id: string; userId: string; now: Date },
  state: AppealColumns,
): AppealRowInsert {
  const row: AppealRowInsert = {
    ...UNREGISTERED,
    ...draftColumns(draft),
    ...registrationTerm(db, draft),
    id: by.id,
    orgId: organisationOf(db).id,
    status: 'draft',
    createdBy: by.userId,
    createdAt: by.now.getTime(),
    updatedAt: by.now.getTime(),
    version: 1,
  };
  return Object.assign(row, state);
}

/** The history entry of a new card. */
export const CREATED_HISTORY = { action: 'created', text: 'Создана карточка обращения' } as const;

/** The hot insert of every new card, prepared once with a placeholder per column. */
function insertAppeal(db: Db, row: AppealRowInsert): void {
  const statement = prepared(db, 'appeals.insert', () => {
    const keys = Object.keys(row) as (keyof AppealRowInsert)[];
    const values = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)]));
    return db
      .insert(appeals)
      .values(values as unknown as AppealRowInsert)
      .prepare();
  });
  statement.run(row);
}

export interface Upserted {
  id: string;
  version: number;
  files: AttachmentFacts[];
}

/**
 * Creates or updates the card inside the caller's transaction, with `state` (status, number,
 * deadline…) written in the same statement — one write, one full-text reindex — and records what
 * changed. `action` is checked against the status machine first; stale versions are refused.
 */
export function upsertCardInTx(
  ctx: CallContext,
  input: SaveInput,
  now: Date,
  action: 'edit' | 'register',
  state: AppealColumns = {},
): Upserted {
  const user = requireUser(ctx);
  const { db } = ctx.store;
  if (input.id === null) {
    assertTransition(action, { status: 'draft', source: input.draft.source }, user.roles);
    const id = uuidv7();
    insertAppeal(db, newCardRow(db, input.draft, { id, userId: user.id, now }, state));
    recordHistory(db, { appealId: id, userId: user.id, at: now, ...CREATED_HISTORY });
    return { id, version: 1, files: writeChildren(ctx, id, input.draft, user.id, now) };
  }
  const row = findAppealRow(db, input.id);
  assertTransition(action, { status: row.status as AppealStatus, source: row.source as AppealSource }, user.roles);
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
      ...state,
    })
    .where(eq(appeals.id, input.id))
    .run();
  clearChildren(db, input.id);
  const files = writeChildren(ctx, input.id, input.draft, user.id, now);
  const changes = draftChanges(before, input.draft);
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
  return { id: input.id, version: row.version + 1, files };
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
    const { id, version } = upsertCardInTx(ctx, input, now, 'edit');
    return { id, version };
  });
}
