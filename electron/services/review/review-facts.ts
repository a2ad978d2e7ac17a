import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appealTopics, dispatches, resolutions, resolutionTasks, signatures } from '../../../db/schema';
import type { AppealSource, AppealStatus } from '../../../shared/appeals';
import type { ResolutionState, ReviewFacts, TaskState } from '../../../shared/review';
import { findAppealRow } from '../appeals/get-appeal';

export type AppealRowData = ReturnType<typeof findAppealRow>;

/** Everything stored about one appeal's review, in display order. */
export function loadReviewRows(db: Db, appealId: string) {
  return {
    row: findAppealRow(db, appealId),
    resolutionRows: db
      .select()
      .from(resolutions)
      .where(eq(resolutions.appealId, appealId))
      .orderBy(asc(resolutions.createdAt), asc(resolutions.id))
      .all(),
    taskRows: db
      .select()
      .from(resolutionTasks)
      .where(eq(resolutionTasks.appealId, appealId))
      .orderBy(asc(resolutionTasks.position))
      .all(),
    dispatchRows: db
      .select()
      .from(dispatches)
      .where(eq(dispatches.appealId, appealId))
      .orderBy(asc(dispatches.createdAt), asc(dispatches.id))
      .all(),
    signatureRows: db
      .select()
      .from(signatures)
      .where(eq(signatures.appealId, appealId))
      .orderBy(asc(signatures.signedAt))
      .all(),
    topicRows: db
      .select()
      .from(appealTopics)
      .where(eq(appealTopics.appealId, appealId))
      .orderBy(asc(appealTopics.position))
      .all(),
  };
}
export type ReviewRows = ReturnType<typeof loadReviewRows>;

/** What the permission rules of shared/review need to know about one appeal. */
export function factsOf({
  row,
  resolutionRows,
  taskRows,
  dispatchRows,
  topicRows,
  signatureRows,
}: ReviewRows): ReviewFacts {
  return {
    status: row.status as AppealStatus,
    source: row.source as AppealSource,
    responsibleHeadId: row.responsibleHeadId,
    topicCodes: topicRows.map((t) => t.topicCode),
    redirectedCodes: topicRows.filter((t) => t.redirectedTo !== null).map((t) => t.topicCode),
    onControl: row.controlBy !== null,
    controlledRedirects: dispatchRows.filter((d) => d.kind === 'redirect' && d.onControl).map((d) => d.id),
    signableDocuments: dispatchRows
      .filter((d) => d.kind === 'answer' || d.kind === 'notice')
      .map((d) => ({
        dispatchId: d.id,
        signedBy: signatureRows.filter((s) => s.documentId === d.id).map((s) => s.userId),
      })),
    resolutions: resolutionRows.map((r) => ({
      id: r.id,
      authorId: r.authorId,
      state: r.state as ResolutionState,
      tasks: taskRows
        .filter((t) => t.resolutionId === r.id)
        .map((t) => ({ executorId: t.executorId, responsible: t.responsible, state: t.state as TaskState })),
    })),
  };
}

/** The appeal row and its review facts, read from the store. */
export function loadReviewFacts(db: Db, appealId: string): { row: AppealRowData; facts: ReviewFacts } {
  const rows = loadReviewRows(db, appealId);
  return { row: rows.row, facts: factsOf(rows) };
}
