import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { appealTopics, dispatches, resolutions, resolutionTasks } from '../../../db/schema';
import type { AppealSource, AppealStatus } from '../../../shared/appeals';
import type { ResolutionState, ReviewFacts, TaskState } from '../../../shared/review';
import { findAppealRow } from '../appeals/get-appeal';

export type AppealRowData = ReturnType<typeof findAppealRow>;

/** What the permission rules of shared/review need to know about one appeal, read from the store. */
export function loadReviewFacts(db: Db, appealId: string): { row: AppealRowData; facts: ReviewFacts } {
  const row = findAppealRow(db, appealId);
  const resolutionRows = db
    .select()
    .from(resolutions)
    .where(eq(resolutions.appealId, appealId))
    .orderBy(asc(resolutions.createdAt), asc(resolutions.id))
    .all();
  const taskRows = db
    .select()
    .from(resolutionTasks)
    .where(eq(resolutionTasks.appealId, appealId))
    .orderBy(asc(resolutionTasks.position))
    .all();
  const controlledRedirects = db
    .select({ id: dispatches.id })
    .from(dispatches)
    .where(and(eq(dispatches.appealId, appealId), eq(dispatches.kind, 'redirect'), eq(dispatches.onControl, true)))
    .all()
    .map((d) => d.id);
  const topics = db
    .select({ code: appealTopics.topicCode, redirectedTo: appealTopics.redirectedTo })
    .from(appealTopics)
    .where(eq(appealTopics.appealId, appealId))
    .orderBy(asc(appealTopics.position))
    .all();
  return {
    row,
    facts: {
      status: row.status as AppealStatus,
      source: row.source as AppealSource,
      responsibleHeadId: row.responsibleHeadId,
      topicCodes: topics.map((t) => t.code),
      redirectedCodes: topics.filter((t) => t.redirectedTo !== null).map((t) => t.code),
      onControl: row.controlBy !== null,
      controlledRedirects,
      resolutions: resolutionRows.map((r) => ({
        id: r.id,
        authorId: r.authorId,
        state: r.state as ResolutionState,
        tasks: taskRows
          .filter((t) => t.resolutionId === r.id)
          .map((t) => ({ executorId: t.executorId, responsible: t.responsible, state: t.state as TaskState })),
      })),
    },
  };
}
