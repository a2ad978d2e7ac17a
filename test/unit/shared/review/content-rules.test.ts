import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/appeals/enums';
import { NATIONAL_CALENDAR } from '../../../../shared/calendar';
import type { AppError } from '../../../../shared/errors';
import {
  assertReviewContent,
  type ReviewActionInput,
  type ReviewFacts,
  type ReviewWorld,
  reviewActionSchema,
} from '../../../../shared/review';

const facts: ReviewFacts = {
  status: 'registered',
  source: 'post',
  responsibleHeadId: 'head',
  topicCodes: ['01', '02'],
  redirectedCodes: ['02'],
  onControl: false,
  resolutions: [],
};
const ROLES: Record<string, Role[]> = { head: ['head'], e1: ['executor'], clerk: ['clerk'] };
const world = (over: Partial<ReviewWorld> = {}): ReviewWorld => ({
  now: new Date('2026-03-11T10:00:00+03:00'),
  calendar: NATIONAL_CALENDAR,
  form: 'written',
  registeredAt: new Date('2026-03-10T10:00:00+03:00'),
  deadlineAt: new Date('2026-03-25T23:59:59.999+03:00'),
  rolesOf: (id) => ROLES[id],
  organisation: (id) =>
    ({
      state: { id, name: 'Министерство', unp: '', state: true, subordinate: false },
      private: { id, name: 'ООО «Ромашка»', unp: '', state: false, subordinate: false },
      sub: { id, name: 'КУП «ЖЭС»', unp: '', state: true, subordinate: true },
    })[id],
  ...over,
});
/** The failing fields (rule ids) of an action, [] when it passes. */
function problems(input: ReviewActionInput, w: ReviewWorld = world()): string[] {
  try {
    assertReviewContent(facts, reviewActionSchema.parse(input), w);
    return [];
  } catch (err) {
    const e = err as AppError;
    const issues = (e.details as { issues?: { field: string; rule: string }[] } | undefined)?.issues;
    return issues ? issues.map((i) => `${i.field}:${i.rule}`) : [e.code];
  }
}

describe('content rules of review actions [4.5–4.9]', () => {
  it('checks executors and due dates of a resolution', () => {
    const base = { type: 'createResolution' as const, text: 'Рассмотреть', responsibleUserId: 'e1' };
    expect(problems({ ...base, executors: [{ userId: 'e1', dueDate: '2026-03-20' }] })).toEqual([]);
    expect(problems({ ...base, executors: [{ userId: 'e1', dueDate: '2026-03-26' }] })).toEqual([
      'executors.0.dueDate:after-deadline',
    ]);
    expect(problems({ ...base, executors: [{ userId: 'e1', dueDate: '2026-03-10' }] })).toEqual([
      'executors.0.dueDate:past',
    ]);
    expect(
      problems({ ...base, executors: [{ userId: 'clerk', dueDate: '2026-03-20' }], responsibleUserId: 'clerk' }),
    ).toEqual(['executors.0.userId:not-executor']);
    expect(
      problems({
        ...base,
        executors: [
          { userId: 'e1', dueDate: '2026-03-20' },
          { userId: 'e1', dueDate: '2026-03-20' },
        ],
      }),
    ).toEqual(['executors.1.userId:duplicate']);
    expect(problems({ ...base, executors: [{ userId: 'e1', dueDate: '2026-03-20', topicCodes: ['99'] }] })).toEqual([
      'executors.0.topicCodes:unknown-topic',
    ]);
    expect(
      problems({ ...base, responsibleUserId: 'head', executors: [{ userId: 'e1', dueDate: '2026-03-20' }] }),
    ).toEqual(['responsibleUserId:not-executor']);
  });

  it('needs the answer file for a posted answer and a result for every question still here', () => {
    const base = {
      type: 'complete' as const,
      text: 'Ответ',
      questionResults: [{ topicCode: '01', result: 'explained' as const }],
    };
    expect(problems({ ...base, answerForm: 'electronic' })).toEqual([]);
    expect(problems({ ...base, answerForm: 'post' })).toEqual(['files:answer-file']);
    expect(problems({ ...base, answerForm: 'electronic', questionResults: [] })).toEqual([
      'questionResults:question-result',
    ]);
  });

  it('needs a file in a message about an electronic appeal', () => {
    expect(problems({ type: 'sendMessage', text: 'Уточните адрес' })).toEqual([]);
    expect(problems({ type: 'sendMessage', text: 'Уточните адрес' }, world({ form: 'electronic' }))).toEqual([
      'files:message-file',
    ]);
  });

  it('redirects only to state organisations of the directory, a question only once, and within the term', () => {
    const base = { type: 'redirect' as const, text: 'По компетенции' };
    expect(problems({ ...base, orgId: 'state' })).toEqual([]);
    expect(problems({ ...base, orgId: 'private' })).toEqual(['orgId:not-state']);
    expect(problems({ ...base, orgId: 'nowhere' })).toEqual(['orgId:unknown-org']);
    expect(problems({ ...base, orgId: 'state', topicCodes: ['02'] })).toEqual(['topicCodes:already-redirected']);
    // Registered Tue 10.03: five working days end on Tue 17.03.
    expect(problems({ ...base, orgId: 'state' }, world({ now: new Date('2026-03-17T18:00:00+03:00') }))).toEqual([]);
    expect(problems({ ...base, orgId: 'state' }, world({ now: new Date('2026-03-18T08:00:00+03:00') }))).toEqual([
      'TERM_EXPIRED',
    ]);
  });

  it('sends instructions only to subordinate organisations', () => {
    const base = { type: 'sendInstruction' as const, text: 'Поручаем', dueDate: '2026-03-20' };
    expect(problems({ ...base, orgId: 'sub' })).toEqual([]);
    expect(problems({ ...base, orgId: 'state' })).toEqual(['orgId:not-subordinate']);
  });

  it('puts on control only under a clerk or a head', () => {
    expect(problems({ type: 'setControl', controllerId: 'head', dueDate: '2026-03-20' })).toEqual([]);
    expect(problems({ type: 'setControl', controllerId: 'e1', dueDate: '2026-03-20' })).toEqual([
      'controllerId:not-controller',
    ]);
  });
});
