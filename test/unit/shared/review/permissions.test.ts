import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPEAL_STATUSES, ROLES } from '../../../../shared/appeals/enums';
import {
  type Actor,
  allowedReviewActions,
  REVIEW_ACTION_TYPES,
  type ReviewFacts,
  reviewRefusal,
  statusAfter,
} from '../../../../shared/review';
import { FINAL_STATUSES } from '../../../../shared/status';

const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  status: 'registered',
  source: 'post',
  responsibleHeadId: 'head',
  topicCodes: ['01', '02'],
  onControl: false,
  resolutions: [],
  ...over,
});
const inReview = (state: 'in_progress' | 'awaiting_signature' | 'executed', tasks = twoTasks()): ReviewFacts =>
  facts({ status: 'under_resolution', resolutions: [{ id: 'r1', authorId: 'head', state, tasks }] });
function twoTasks(a: 'assigned' | 'submitted' | 'accepted' | 'rejected' = 'assigned', b = a) {
  return [
    { executorId: 'e1', responsible: true, state: a },
    { executorId: 'e2', responsible: false, state: b },
  ];
}
const clerk: Actor = { id: 'c', roles: ['clerk'] };
const head: Actor = { id: 'head', roles: ['head'] };
const otherHead: Actor = { id: 'head2', roles: ['head'] };
const e1: Actor = { id: 'e1', roles: ['executor'] };
const e2: Actor = { id: 'e2', roles: ['executor'] };
const signer: Actor = { id: 's', roles: ['signer'] };
const code = (f: ReviewFacts, actor: Actor, target: Parameters<typeof reviewRefusal>[2]) =>
  reviewRefusal(f, actor, target)?.code ?? null;

describe('review permissions [4.5–4.9]', () => {
  it('lets only the responsible head create a resolution, after the clerk assigned one', () => {
    expect(code(facts(), head, { type: 'createResolution' })).toBeNull();
    expect(code(facts(), otherHead, { type: 'createResolution' })).toBe('NOT_ALLOWED');
    expect(code(facts(), clerk, { type: 'createResolution' })).toBe('NOT_ALLOWED');
    expect(code(facts({ responsibleHeadId: null }), head, { type: 'createResolution' })).toBe('ILLEGAL_TRANSITION');
    expect(code(facts({ status: 'completed' }), head, { type: 'createResolution' })).toBe('ILLEGAL_TRANSITION');
  });

  it('lets an executor enter only their own result, once per round', () => {
    const target = { type: 'submitResult' as const, resolutionId: 'r1' };
    expect(code(inReview('in_progress'), e2, target)).toBeNull();
    expect(code(inReview('in_progress'), { id: 'e3', roles: ['executor'] }, target)).toBe('NOT_ALLOWED');
    expect(code(inReview('in_progress', twoTasks('assigned', 'submitted')), e2, target)).toBe('ILLEGAL_TRANSITION');
    expect(code(inReview('in_progress', twoTasks('assigned', 'rejected')), e2, target)).toBeNull();
    expect(code(inReview('awaiting_signature'), e2, target)).toBe('ILLEGAL_TRANSITION');
  });

  it('lets only the responsible executor accept or reject a submitted result of another executor', () => {
    const f = inReview('in_progress', twoTasks('assigned', 'submitted'));
    for (const type of ['acceptResult', 'rejectResult'] as const) {
      expect(code(f, e1, { type, resolutionId: 'r1', executorId: 'e2' })).toBeNull();
      expect(code(f, e2, { type, resolutionId: 'r1', executorId: 'e2' })).toBe('NOT_ALLOWED');
      expect(code(f, e1, { type, resolutionId: 'r1', executorId: 'e1' })).toBe('ILLEGAL_TRANSITION');
      expect(code(inReview('in_progress'), e1, { type, resolutionId: 'r1', executorId: 'e2' })).toBe(
        'ILLEGAL_TRANSITION',
      );
    }
  });

  it('allows the summary once every result is accepted, and its edit until signed', () => {
    const target = { type: 'submitSummary' as const, resolutionId: 'r1' };
    expect(code(inReview('in_progress', twoTasks('accepted', 'submitted')), e1, target)).toBe('ILLEGAL_TRANSITION');
    expect(code(inReview('in_progress', twoTasks('accepted')), e1, target)).toBeNull();
    expect(code(inReview('in_progress', twoTasks('accepted')), e2, target)).toBe('NOT_ALLOWED');
    expect(code(inReview('awaiting_signature', twoTasks('accepted')), e1, target)).toBeNull();
  });

  it('lets only a signer sign or return a summary that awaits signature', () => {
    const target = { type: 'signSummary' as const, resolutionId: 'r1' };
    expect(code(inReview('awaiting_signature'), signer, target)).toBeNull();
    expect(code(inReview('awaiting_signature'), head, target)).toBe('NOT_ALLOWED');
    expect(code(inReview('in_progress'), signer, target)).toBe('ILLEGAL_TRANSITION');
  });

  it('executes the appeal only when its last resolution is signed', () => {
    const two = facts({
      status: 'under_resolution',
      resolutions: [
        { id: 'r1', authorId: 'head', state: 'awaiting_signature', tasks: twoTasks('accepted') },
        { id: 'r2', authorId: 'head', state: 'in_progress', tasks: twoTasks() },
      ],
    });
    expect(statusAfter(two, { type: 'signSummary', resolutionId: 'r1', signature: null })).toBe('under_resolution');
    expect(
      statusAfter(inReview('awaiting_signature'), { type: 'signSummary', resolutionId: 'r1', signature: null }),
    ).toBe('executed');
  });

  it('completes in the simplified way only without resolutions [4.5]', () => {
    expect(code(facts(), clerk, { type: 'complete' })).toBeNull();
    expect(code(inReview('executed'), clerk, { type: 'complete' })).toBe('ILLEGAL_TRANSITION');
    expect(
      code(facts({ status: 'executed', resolutions: inReview('executed').resolutions }), clerk, { type: 'complete' }),
    ).toBeNull();
    expect(code(facts({ resolutions: inReview('in_progress').resolutions }), clerk, { type: 'complete' })).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('lets the clerk, the responsible head and the appeal’s executors redirect [4.8], never a phone-line appeal', () => {
    const f = inReview('in_progress');
    expect(code(f, clerk, { type: 'redirect' })).toBeNull();
    expect(code(f, head, { type: 'redirect' })).toBeNull();
    expect(code(f, e2, { type: 'redirect' })).toBeNull();
    expect(code(f, otherHead, { type: 'redirect' })).toBe('NOT_ALLOWED');
    expect(code(f, { id: 'e9', roles: ['executor'] }, { type: 'redirect' })).toBe('NOT_ALLOWED');
    expect(code({ ...f, source: 'phone_line' }, clerk, { type: 'redirect' })).toBe('ILLEGAL_TRANSITION');
  });

  it('redirecting every question is a whole redirect; some questions keep the status', () => {
    const base = {
      type: 'redirect' as const,
      orgId: 'o',
      text: 't',
      onControl: false,
      controlDueDate: null,
      files: [],
    };
    expect(statusAfter(facts(), { ...base, topicCodes: [] })).toBe('redirected');
    expect(statusAfter(facts(), { ...base, topicCodes: ['01', '02'] })).toBe('redirected');
    expect(statusAfter(facts(), { ...base, topicCodes: ['01'] })).toBe('registered');
  });

  it('offers exactly the actions that pass, and nothing on a final status (property)', () => {
    const taskState = fc.constantFrom('assigned', 'submitted', 'accepted', 'rejected' as const);
    const arbFacts = fc.record({
      status: fc.constantFrom(...APPEAL_STATUSES),
      source: fc.constantFrom('post', 'portal', 'phone_line' as const),
      responsibleHeadId: fc.constantFrom(null, 'head', 'head2'),
      topicCodes: fc.constant(['01']),
      onControl: fc.boolean(),
      resolutions: fc.array(
        fc.record({
          id: fc.constantFrom('r1', 'r2'),
          authorId: fc.constant('head'),
          state: fc.constantFrom('in_progress', 'awaiting_signature', 'executed' as const),
          tasks: fc.tuple(taskState, taskState).map(([a, b]) => twoTasks(a, b)),
        }),
        { maxLength: 2 },
      ),
    });
    const arbActor = fc.record({
      id: fc.constantFrom('c', 'head', 'e1', 'e2', 's'),
      roles: fc.subarray([...ROLES], { minLength: 1 }),
    });
    fc.assert(
      fc.property(arbFacts, arbActor, (f, actor) => {
        const allowed = allowedReviewActions(f, actor);
        if (FINAL_STATUSES.has(f.status)) expect(allowed).toEqual([]);
        for (const a of allowed) {
          expect(REVIEW_ACTION_TYPES).toContain(a.type);
          expect(reviewRefusal(f, actor, a)).toBeNull();
        }
      }),
    );
  });
});
