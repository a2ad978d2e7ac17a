import { eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../../../db/open';
import { directoryOrganisations, userRoles, users } from '../../../db/schema';
import type { Role, SubmissionForm } from '../../../shared/appeals';
import { toMinskIso, type WorkingCalendar } from '../../../shared/calendar';
import { endOnWorkingDay } from '../../../shared/deadlines/deadline';
import { AppError, validationError } from '../../../shared/errors';
import {
  assertReviewAllowed,
  assertReviewContent,
  type ReviewAction,
  type ReviewCommand,
  type ReviewWorld,
  statusAfter,
  targetOf,
} from '../../../shared/review';
import { checkSingleFile, mimeTypeOf } from '../../../shared/validation';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { appendCommand } from '../outbox/append-command';
import { applyReviewCommand } from './apply-review-command';
import { directoryEntry } from './directory';
import { loadReviewFacts } from './review-facts';

export interface PerformInput {
  appealId: string;
  expectedVersion: number | null;
  action: ReviewAction;
}

/** Actions that create a resolution or a dispatch: their id travels in the command. */
const CREATES_ENTITY: ReadonlySet<ReviewAction['type']> = new Set([
  'controlInstruction',
  'createResolution',
  'signSummary',
  'complete',
  'sendMessage',
  'redirect',
  'sendRequest',
  'sendInstruction',
  'leaveWithoutConsideration',
]);

function rolesOf(ctx: CallContext, userId: string): Role[] | undefined {
  const { db } = ctx.store;
  const user = db.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled) return undefined;
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.role as Role);
}

/** A term ending on a non-working day moves to the next working day (Law 300-З art. 17). */
function onWorkingDay(action: ReviewAction, calendar: WorkingCalendar): ReviewAction {
  if (action.type !== 'createResolution' || !action.reviewDeadline) return action;
  return { ...action, reviewDeadline: endOnWorkingDay(action.reviewDeadline, calendar).day };
}

/** Ids of the people and organisations an action names (their names travel with the command). */
function referencedIds(action: ReviewAction): string[] {
  switch (action.type) {
    case 'assignResponsible':
      return [action.headId];
    case 'createResolution':
      return action.executors.map((e) => e.userId);
    case 'acceptResult':
    case 'rejectResult':
      return [action.executorId];
    case 'setControl':
      return [action.controllerId];
    case 'redirect':
    case 'sendRequest':
    case 'sendInstruction':
      return [action.orgId];
    default:
      return [];
  }
}

function namesOf(ctx: CallContext, ids: string[], extra: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = { ...extra };
  if (ids.length === 0) return names;
  const { db } = ctx.store;
  for (const u of db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, ids)).all())
    names[u.id] = u.name;
  for (const o of db
    .select({ id: directoryOrganisations.id, name: directoryOrganisations.name })
    .from(directoryOrganisations)
    .where(inArray(directoryOrganisations.id, ids))
    .all())
    names[o.id] = o.name;
  return names;
}

/** The files an action references must be in the store and pass the attachment rules [4.3]. */
function describeFiles(ctx: CallContext, action: ReviewAction): ReviewCommand['files'] {
  const refs = 'files' in action ? action.files : [];
  const attached = refs.map((ref, i) => {
    if (!ctx.files.has(ref.sha256))
      throw validationError([{ field: `files.${i}`, rule: 'file-missing', message: `Файл «${ref.name}» не загружен` }]);
    const bytes = ctx.files.read(ref.sha256);
    const issues = checkSingleFile(`files.${i}`, { name: ref.name, size: bytes.length, head: bytes.subarray(0, 64) });
    if (issues.length > 0) throw validationError(issues);
    return { ...ref, size: bytes.length, type: mimeTypeOf(ref.name, bytes) };
  });
  // A signature's document and .p7s are made by the workstation itself: listed, not checked as uploads.
  const signature = 'signature' in action ? action.signature : null;
  const signed = signature
    ? [
        { ...signature.documentFile, type: 'text/plain' },
        { ...signature.p7sFile, type: 'application/pkcs7-signature' },
      ].map((f) => ({ ...f, size: ctx.files.read(f.sha256).length }))
    : [];
  return [...attached, ...signed];
}

/**
 * `review:perform`: one action of the review process. Checks who may (role, relation, status:
 * shared/review permissions), what it carries (content rules, files), and that the user saw the
 * current card; then applies it, records history and appends the `ReviewAction` command to the
 * outbox — all in one transaction.
 */
export function performReview(ctx: CallContext, input: PerformInput) {
  const user = requireUser(ctx);
  const { db, sqlite } = ctx.store;
  const now = ctx.clock();
  const files = describeFiles(ctx, input.action);
  return inTransaction(sqlite, () => {
    const { row, facts } = loadReviewFacts(db, input.appealId);
    if (input.expectedVersion !== null && input.expectedVersion !== row.version)
      throw new AppError('CONFLICT', 'Карточку уже изменил другой пользователь — обновите её и повторите');
    assertReviewAllowed(facts, user, targetOf(input.action));
    const world: ReviewWorld = {
      now,
      calendar: organisationCalendar(db),
      form: row.form as SubmissionForm,
      registeredAt: row.registeredAt === null ? null : new Date(row.registeredAt),
      deadlineAt: row.deadlineAt === null ? null : new Date(row.deadlineAt),
      rolesOf: (id) => rolesOf(ctx, id),
      organisation: (id) => directoryEntry(db, id),
    };
    assertReviewContent(facts, input.action, world);
    const action = onWorkingDay(input.action, world.calendar);
    const entityId = CREATES_ENTITY.has(action.type) ? uuidv7() : null;
    const command: ReviewCommand = {
      appealId: input.appealId,
      at: toMinskIso(now),
      actor: { id: user.id, name: user.fullName },
      entityId,
      statusBefore: facts.status,
      statusAfter: statusAfter(facts, action),
      action,
      names: namesOf(ctx, referencedIds(action), { [user.id]: user.fullName }),
      files,
    };
    const commandId = appendCommand(db, 'ReviewAction', input.appealId, command, now);
    // A fresh command is applied exactly once: one version step, the status it names.
    applyReviewCommand(db, command, commandId, now);
    return { version: row.version + 1, status: command.statusAfter, entityId };
  });
}
