import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { reviewFiles, users } from '../../../db/schema';
import { toMinskIso } from '../../../shared/calendar';
import type { Deadline } from '../../../shared/deadlines';
import { leaveWithoutConsiderationNoticeDeadline, redirectDeadline } from '../../../shared/deadlines';
import {
  allowedReviewActions,
  type DispatchKind,
  type QuestionResult,
  type ResolutionState,
  type ReviewView,
  type TaskState,
  termState,
} from '../../../shared/review';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';
import { signatureViews } from '../signing/signature-views';
import { factsOf, loadReviewRows } from './review-facts';

const iso = (ms: number) => toMinskIso(new Date(ms));
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function filesByOwner(db: Db, appealId: string) {
  const rows = prepared(db, 'reviewFiles.byAppeal', () =>
    db
      .select()
      .from(reviewFiles)
      .where(eq(reviewFiles.appealId, sql.placeholder('id')))
      .orderBy(asc(reviewFiles.owner), asc(reviewFiles.position))
      .prepare(),
  ).all({ id: appealId });
  const byOwner = new Map<string, { sha256: string; name: string; size: number; type: string }[]>();
  for (const r of rows) {
    const list = byOwner.get(r.owner) ?? [];
    list.push({ sha256: r.sha256, name: r.name, size: r.size, type: r.type });
    byOwner.set(r.owner, list);
  }
  return (owner: string) => byOwner.get(owner) ?? [];
}

function peopleNames(db: Db) {
  const names = new Map(
    prepared(db, 'users.names', () => db.select({ id: users.id, name: users.fullName }).from(users).prepare())
      .all()
      .map((u) => [u.id, u.name]),
  );
  return (id: string) => ({ id, name: names.get(id) ?? id });
}

/** Terms counted from registration only matter while the appeal is still being reviewed. */
function term(deadline: Deadline | null, now: Date) {
  if (!deadline) return null;
  return {
    deadlineAt: toMinskIso(deadline.deadline),
    explanation: deadline.explanation,
    state: termState(deadline, now),
  };
}

/** `review:get`: everything the card's «Рассмотрение» section shows, and what the caller may do now. */
export function getReview(ctx: CallContext, appealId: string): ReviewView {
  const user = requireUser(ctx);
  const { db } = ctx.store;
  const now = ctx.clock();
  const rows = loadReviewRows(db, appealId);
  const { row, resolutionRows, taskRows, dispatchRows, topicRows } = rows;
  const facts = factsOf(rows);
  const person = peopleNames(db);
  const files = filesByOwner(db, appealId);
  const reviewing = row.registeredAt !== null && (row.status === 'registered' || row.status === 'under_resolution');
  const registeredAt = row.registeredAt === null ? null : new Date(row.registeredAt);
  const calendar = organisationCalendar(db);
  return {
    appealId,
    status: row.status,
    version: row.version,
    responsibleHead: row.responsibleHeadId ? person(row.responsibleHeadId) : null,
    control:
      row.controlBy && row.controlDueAt !== null
        ? { controller: person(row.controlBy), dueAt: iso(row.controlDueAt), note: row.controlNote }
        : null,
    questions: topicRows.map((q) => ({
      topicCode: q.topicCode,
      executor: q.executorId ? person(q.executorId) : null,
      result: q.result === '' ? null : (q.result as QuestionResult),
      redirectedTo: q.redirectedTo,
    })),
    resolutions: resolutionRows.map((r) => ({
      id: r.id,
      author: person(r.authorId),
      text: r.text,
      createdAt: iso(r.createdAt),
      state: r.state as ResolutionState,
      files: files(`resolution:${r.id}`),
      tasks: taskRows
        .filter((t) => t.resolutionId === r.id)
        .map((t) => ({
          executor: person(t.executorId),
          responsible: t.responsible,
          dueAt: iso(t.dueAt),
          state: t.state as TaskState,
          resultText: t.resultText,
          resultAt: isoOrNull(t.resultAt),
          rejectReason: t.rejectReason,
          files: files(`result:${r.id}:${t.executorId}`),
        })),
      summary:
        r.summaryText !== null && r.summaryAt !== null && r.summaryBy !== null
          ? {
              text: r.summaryText,
              at: iso(r.summaryAt),
              by: person(r.summaryBy),
              files: files(`summary:${r.id}`),
              returnReason: r.returnReason,
            }
          : null,
      signedBy: r.signedBy ? person(r.signedBy) : null,
      signedAt: isoOrNull(r.signedAt),
    })),
    dispatches: dispatchRows.map((d) => ({
      id: d.id,
      kind: d.kind as DispatchKind,
      organisation: d.orgId ? { id: d.orgId, name: d.orgName ?? d.orgId } : null,
      text: d.text,
      answerForm: d.answerForm,
      topicCodes: JSON.parse(d.topicCodes) as string[],
      dueAt: isoOrNull(d.dueAt),
      onControl: d.onControl,
      at: iso(d.createdAt),
      by: person(d.createdBy),
      files: files(`dispatch:${d.id}`),
    })),
    redirectTerm: reviewing && registeredAt ? term(redirectDeadline(registeredAt, calendar), now) : null,
    noticeTerm:
      reviewing && registeredAt ? term(leaveWithoutConsiderationNoticeDeadline(registeredAt, calendar), now) : null,
    allowed: allowedReviewActions(facts, user),
    signatures: signatureViews(ctx, rows.signatureRows),
  };
}
