import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { appealTopics, dispatches, resolutions, resolutionTasks, signatures } from '../../../db/schema';
import type { AppealSource, AppealStatus } from '../../../shared/appeals';
import type { ResolutionState, ReviewFacts, TaskState } from '../../../shared/review';
import { findAppealRow } from '../appeals/get-appeal';

export type AppealRowData = ReturnType<typeof findAppealRow>;

const ID = sql.placeholder('id');

/** The review's reads, prepared once per connection. */
function reviewStatements(db: Db) {
  return prepared(db, 'review.rows', () => ({
    resolutionRows: db
      .select()
      .from(resolutions)
      .where(eq(resolutions.appealId, ID))
      .orderBy(asc(resolutions.createdAt), asc(resolutions.id))
      .prepare(),
    taskRows: db
      .select()
      .from(resolutionTasks)
      .where(eq(resolutionTasks.appealId, ID))
      .orderBy(asc(resolutionTasks.position))
      .prepare(),
    dispatchRows: db
      .select()
      .from(dispatches)
      .where(eq(dispatches.appealId, ID))
      .orderBy(asc(dispatches.createdAt), asc(dispatches.id))
      .prepare(),
    signatureRows: db
      .select()
      .from(signatures)
      .where(eq(signatures.appealId, ID))
      .orderBy(asc(signatures.signedAt))
      .prepare(),
    topicRows: db
      .select()
      .from(appealTopics)
      .where(eq(appealTopics.appealId, ID))
      .orderBy(asc(appealTopics.position))
      .prepare(),
  }));
}

/** Everything stored about one appeal's review, in display order. */
export function loadReviewRows(db: Db, appealId: string) {
  const statements = reviewStatements(db);
  const id = { id: appealId };
  return {
    row: findAppealRow(db, appealId),
    resolutionRows: statements.resolutionRows.all(id),
    taskRows: statements.taskRows.all(id),
    dispatchRows: statements.dispatchRows.all(id),
    signatureRows: statements.signatureRows.all(id),
    topicRows: statements.topicRows.all(id),
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
