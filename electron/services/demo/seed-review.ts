import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { appeals } from '../../../db/schema';
import type { User } from '../../../shared/appeals/schema';
import { minskDateOf } from '../../../shared/calendar';
import type { ReviewActionInput } from '../../../shared/review';
import { reviewActionSchema } from '../../../shared/review';
import type { CallContext } from '../context';
import { performReview } from '../review/perform-review';
import { loadReviewFacts } from '../review/review-facts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far demo appeals go through the review process (regulation 4.5), counted per stage. */
const STAGES = [
  ['resolution', 4],
  ['result_submitted', 2],
  ['awaiting_signature', 2],
  ['executed', 2],
  ['completed', 4],
  ['on_control', 2],
] as const;

/**
 * Takes some of the demo's registered appeals through the review process with the demo staff — through
 * `performReview`, like a user would (checks, history, outbox) — so that every task list and every
 * stage of the card has something to show on the first start.
 */
export function seedReviewScenarios(base: CallContext, staff: readonly User[]): number {
  const as = (login: string, at: Date = base.clock()): CallContext => {
    const user = staff.find((u) => u.login === login);
    if (!user) throw new Error(`demo user ${login} is missing`);
    return { ...base, clock: () => at, session: { user } };
  };
  const byId = (id: string | null) => staff.find((u) => u.id === id);
  const now = base.clock();
  const candidates = base.store.db
    .select({
      id: appeals.id,
      head: appeals.responsibleHeadId,
      deadline: appeals.deadlineAt,
      registeredAt: appeals.registeredAt,
    })
    .from(appeals)
    .where(and(eq(appeals.status, 'registered'), isNotNull(appeals.responsibleHeadId), isNotNull(appeals.registeredAt)))
    .orderBy(desc(appeals.registeredAt))
    .all();
  let next = 0;
  let done = 0;
  for (const [stage, count] of STAGES) {
    for (let i = 0; i < count; i++) {
      const appeal = candidates[next++];
      const head = byId(appeal?.head ?? null);
      if (!appeal || !head || appeal.deadline === null || appeal.registeredAt === null) return done;
      // Each step a few hours after the previous one, from the day after registration, never after now.
      let at = appeal.registeredAt + DAY_MS;
      const act = (login: string, action: ReviewActionInput) => {
        at = Math.min(at + 3 * HOUR_MS, now.getTime());
        return performReview(as(login, new Date(at)), {
          appealId: appeal.id,
          expectedVersion: null,
          action: reviewActionSchema.parse(action),
        });
      };
      if (stage === 'completed') {
        const topics = loadReviewFacts(base.store.db, appeal.id).facts.topicCodes;
        act('clerk', {
          type: 'complete',
          text: 'Заявителю даны разъяснения по существу обращения.',
          answerForm: 'electronic',
          questionResults: topics.map((topicCode) => ({ topicCode, result: 'explained' as const })),
        });
      } else if (stage === 'on_control') {
        act('clerk', {
          type: 'setControl',
          controllerId: head.id,
          dueDate: minskDateOf(new Date(appeal.deadline)),
          note: '',
        });
      } else {
        const dueDate = minskDateOf(new Date(appeal.deadline));
        const executor = as('executor').session.user?.id ?? '';
        const executor2 = as('executor2').session.user?.id ?? '';
        const { entityId } = act(head.login, {
          type: 'createResolution',
          text: 'Рассмотреть обращение, проверить изложенные факты и подготовить проект ответа заявителю.',
          executors: [
            { userId: executor, dueDate },
            { userId: executor2, dueDate },
          ],
          responsibleUserId: executor,
        });
        const resolutionId = entityId ?? '';
        if (stage === 'resolution') continue;
        act('executor2', {
          type: 'submitResult',
          resolutionId,
          text: 'Факты проверены на месте, составлен акт обследования.',
        });
        if (stage === 'result_submitted') continue;
        act('executor', { type: 'acceptResult', resolutionId, executorId: executor2 });
        act('executor', { type: 'submitResult', resolutionId, text: 'Подготовлен проект ответа заявителю.' });
        act('executor', {
          type: 'submitSummary',
          resolutionId,
          text: 'Изложенные факты подтвердились; работы включены в план на текущий месяц.',
        });
        if (stage === 'awaiting_signature') continue;
        act('signer', { type: 'signSummary', resolutionId });
      }
      done++;
    }
  }
  return done;
}
