import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { history, outbox } from '../../../db/schema';
import { handlers } from '../../../electron/services/handlers';
import type { ReviewCommand } from '../../../shared/review';
import { codeOf, makeReviewWorld } from './review-fixture';

let world: ReturnType<typeof makeReviewWorld>;
afterEach(() => world?.cleanup());

const tasksOf = (login: string, list: 'mine' | 'byMe' | 'organisation' | 'control' = 'mine') =>
  handlers['tasks:list'](world.as(login), { list, sort: 'dueAt', dir: 'asc', limit: 500 }) as {
    rows: { kind: string; appealId: string; assignee: string }[];
  };

describe('review process: registration to completion with a resolution [4.5]', () => {
  it('takes an appeal through resolution, results, a rejected result, summary, signature and completion', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    // No resolution before the clerk assigns the responsible head.
    expect(
      codeOf(() =>
        world.perform('head', id, {
          type: 'createResolution',
          text: 'Проверить',
          executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
          responsibleUserId: 'u-exec',
        }),
      ),
    ).toBe('ILLEGAL_TRANSITION');
    expect(codeOf(() => world.perform('executor', id, { type: 'assignResponsible', headId: 'u-head' }))).toBe(
      'NOT_ALLOWED',
    );
    expect(codeOf(() => world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-exec' }))).toBe(
      'VALIDATION_FAILED',
    );
    world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    expect(tasksOf('head').rows.map((r) => r.kind)).toEqual(['resolution']);

    // Due dates must lie within the appeal's term (15 days from 10.03 → 25.03).
    const late = codeOf(() =>
      world.perform('head', id, {
        type: 'createResolution',
        text: 'Проверить',
        executors: [{ userId: 'u-exec', dueDate: '2026-04-30' }],
        responsibleUserId: 'u-exec',
      }),
    );
    expect(late).toBe('VALIDATION_FAILED');
    const created = world.perform('head', id, {
      type: 'createResolution',
      text: 'Проверить состояние кровли и подготовить ответ заявителю',
      executors: [
        { userId: 'u-exec', dueDate: '2026-03-20' },
        { userId: 'u-exec2', dueDate: '2026-03-18', topicCodes: ['01.001'] },
      ],
      responsibleUserId: 'u-exec',
    });
    expect(created.status).toBe('under_resolution');
    const rid = created.entityId ?? '';
    expect(tasksOf('executor2').rows.map((r) => r.kind)).toEqual(['execution']);
    expect(
      tasksOf('head', 'byMe')
        .rows.map((r) => r.kind)
        .sort(),
    ).toEqual(['execution', 'execution']);

    // A stranger's result is refused; executor2 submits, the responsible executor rejects it.
    expect(codeOf(() => world.perform('signer', id, { type: 'submitResult', resolutionId: rid, text: 'x' }))).toBe(
      'NOT_ALLOWED',
    );
    world.perform('executor2', id, { type: 'submitResult', resolutionId: rid, text: 'Кровля осмотрена' });
    expect(
      codeOf(() => world.perform('executor2', id, { type: 'submitResult', resolutionId: rid, text: 'ещё раз' })),
    ).toBe('ILLEGAL_TRANSITION');
    expect(tasksOf('executor').rows.map((r) => r.kind)).toContain('check');
    world.perform('executor', id, {
      type: 'rejectResult',
      resolutionId: rid,
      executorId: 'u-exec2',
      reason: 'Не указаны сроки ремонта',
    });
    expect(world.view('executor2', id).resolutions[0]?.tasks[1]).toMatchObject({
      state: 'rejected',
      rejectReason: 'Не указаны сроки ремонта',
    });
    world.perform('executor2', id, {
      type: 'submitResult',
      resolutionId: rid,
      text: 'Кровля осмотрена, ремонт до 15 апреля',
      files: [world.upload('акт.pdf')],
    });
    world.perform('executor', id, { type: 'acceptResult', resolutionId: rid, executorId: 'u-exec2' });
    // The summary needs every result accepted: the responsible executor's own is still missing.
    expect(
      codeOf(() => world.perform('executor', id, { type: 'submitSummary', resolutionId: rid, text: 'Итог' })),
    ).toBe('ILLEGAL_TRANSITION');
    world.perform('executor', id, { type: 'submitResult', resolutionId: rid, text: 'Подготовлен проект ответа' });
    expect(
      codeOf(() => world.perform('executor2', id, { type: 'submitSummary', resolutionId: rid, text: 'Итог' })),
    ).toBe('NOT_ALLOWED');
    world.perform('executor', id, {
      type: 'submitSummary',
      resolutionId: rid,
      text: 'Ремонт кровли включён в план текущего ремонта на апрель',
    });
    expect(tasksOf('signer').rows.map((r) => r.kind)).toEqual(['signature']);

    // Only the signer signs; the clerk cannot complete before the resolution is executed.
    expect(codeOf(() => world.perform('head', id, { type: 'signSummary', resolutionId: rid }))).toBe('NOT_ALLOWED');
    expect(
      codeOf(() => world.perform('clerk', id, { type: 'complete', text: 'Ответ', answerForm: 'electronic' })),
    ).toBe('ILLEGAL_TRANSITION');
    const signed = world.perform('signer', id, { type: 'signSummary', resolutionId: rid });
    expect(signed.status).toBe('executed');

    // A posted answer needs its file [4.5].
    const noFile = codeOf(() =>
      world.perform('clerk', id, { type: 'complete', text: 'Сообщаем о ремонте', answerForm: 'post' }),
    );
    expect(noFile).toBe('VALIDATION_FAILED');
    const done = world.perform('clerk', id, {
      type: 'complete',
      text: 'Сообщаем, что ремонт кровли включён в план на апрель',
      answerForm: 'post',
      questionResults: [{ topicCode: '01.001', result: 'supported' }],
      files: [world.upload('ответ.pdf')],
    });
    expect(done.status).toBe('completed');

    const view = world.view('clerk', id);
    expect(view.resolutions[0]).toMatchObject({ state: 'executed', signedBy: { id: 'u-signer' } });
    expect(view.questions).toEqual([
      {
        topicCode: '01.001',
        executor: { id: 'u-exec2', name: 'Ярошевич Алина Сергеевна' },
        result: 'supported',
        redirectedTo: null,
      },
    ]);
    expect(view.dispatches.map((d) => d.kind)).toEqual(['interim', 'answer']);
    expect(view.dispatches[1]?.files.map((f) => f.name)).toEqual(['ответ.pdf']);
    expect(view.allowed).toEqual([]);

    const steps = world.db.select({ action: history.action }).from(history).where(eq(history.appealId, id)).all();
    expect(steps.map((s) => s.action)).toEqual([
      'created',
      'registered',
      'assignResponsible',
      'createResolution',
      'submitResult',
      'rejectResult',
      'submitResult',
      'acceptResult',
      'submitResult',
      'submitSummary',
      'signSummary',
      'complete',
    ]);
    const commands = world.db.select().from(outbox).where(eq(outbox.type, 'ReviewAction')).all();
    expect(commands).toHaveLength(10);
    const last = JSON.parse(commands.at(-1)?.payload ?? '{}') as ReviewCommand;
    expect(last).toMatchObject({ statusBefore: 'executed', statusAfter: 'completed', actor: { id: 'u-clerk' } });
    expect(last.files[0]).toMatchObject({ name: 'ответ.pdf', type: 'application/pdf' });
  });

  it('lets the resolution set a longer review term, moved off non-working days, with the notice warning [4.5]', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    // Sun 19.04.2026 → Mon 20.04 is a day off by transfer, Tue 21.04 is Radunitsa → Wed 22.04.
    world.perform('head', id, {
      type: 'createResolution',
      text: 'Провести комиссионное обследование',
      executors: [{ userId: 'u-exec', dueDate: '2026-04-15' }],
      responsibleUserId: 'u-exec',
      reviewDeadline: '2026-04-19',
    });
    const card = handlers['appeals:get'](world.as('clerk'), { id }) as {
      deadlineAt: string;
      deadlineExplanation: string;
    };
    expect(card.deadlineAt.slice(0, 10)).toBe('2026-04-22');
    expect(card.deadlineExplanation).toContain('письменное уведомление');
    // The executor's question defaults to the responsible executor.
    expect(world.view('clerk', id).questions[0]?.executor?.id).toBe('u-exec');
  });

  it('starts executors only after the head of the organisation approves a draft resolution [4.5]', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
    const rid =
      world.perform('head', id, {
        type: 'createResolution',
        text: 'Проект: поручить обследование',
        executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
        responsibleUserId: 'u-exec',
        asDraft: true,
      }).entityId ?? '';
    expect(world.view('clerk', id).resolutions[0]?.state).toBe('draft');
    expect(tasksOf('executor').rows).toEqual([]);
    expect(codeOf(() => world.perform('executor', id, { type: 'submitResult', resolutionId: rid, text: 'x' }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(tasksOf('signer').rows.map((r) => r.kind)).toEqual(['signature']);
    expect(codeOf(() => world.perform('head', id, { type: 'approveResolution', resolutionId: rid }))).toBe(
      'NOT_ALLOWED',
    );
    world.perform('signer', id, { type: 'approveResolution', resolutionId: rid });
    expect(tasksOf('executor').rows.map((r) => r.kind)).toEqual(['execution']);
    world.perform('executor', id, { type: 'submitResult', resolutionId: rid, text: 'Обследование проведено' });
  });

  it('refuses a stale card version with CONFLICT and writes nothing', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    const { version } = world.view('clerk', id);
    world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' }, version);
    const before = world.db.select().from(outbox).all().length;
    expect(codeOf(() => world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' }, version))).toBe(
      'CONFLICT',
    );
    expect(world.db.select().from(outbox).all()).toHaveLength(before);
  });
});

describe('other exits: simplified completion, redirect, leaving without consideration [4.5, 4.8]', () => {
  it('completes without a resolution only while none exists', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    const view = world.view('clerk', id);
    expect(view.allowed.map((a) => a.type)).toContain('complete');
    // Every question needs its result.
    expect(
      codeOf(() => world.perform('clerk', id, { type: 'complete', text: 'Разъяснено', answerForm: 'electronic' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      world.perform('clerk', id, {
        type: 'complete',
        text: 'Разъяснено',
        answerForm: 'electronic',
        questionResults: [{ topicCode: '01.001', result: 'explained' }],
      }).status,
    ).toBe('completed');

    const second = world.register();
    world.perform('clerk', second.id, { type: 'assignResponsible', headId: 'u-head' });
    world.perform('head', second.id, {
      type: 'createResolution',
      text: 'Рассмотреть',
      executors: [{ userId: 'u-exec', dueDate: '2026-03-20' }],
      responsibleUserId: 'u-exec',
    });
    expect(
      codeOf(() => world.perform('clerk', second.id, { type: 'complete', text: 'Ответ', answerForm: 'electronic' })),
    ).toBe('ILLEGAL_TRANSITION');
  });

  it('redirects only to state organisations of the directory, within 5 working days, never phone-line appeals', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    const letter = { type: 'redirect' as const, text: 'Направляется по компетенции' };
    expect(codeOf(() => world.perform('clerk', id, { ...letter, orgId: 'org-private' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => world.perform('clerk', id, { ...letter, orgId: 'nowhere' }))).toBe('VALIDATION_FAILED');
    // The responsible head may redirect; another head may not [4.8].
    expect(codeOf(() => world.perform('head', id, { ...letter, orgId: 'org-state' }))).toBe('NOT_ALLOWED');
    const term = world.view('clerk', id).redirectTerm;
    expect(term?.state).toBe('ok');
    const done = world.perform('clerk', id, {
      ...letter,
      orgId: 'org-state',
      onControl: true,
      controlDueDate: '2026-04-10',
    });
    expect(done.status).toBe('redirected');
    expect(tasksOf('clerk', 'control').rows.map((r) => r.kind)).toEqual(['dispatch']);

    // The receiving organisation's report did not satisfy: an instruction to it with a new term [4.9].
    const redirectId = world.view('clerk', id).dispatches[0]?.id ?? '';
    expect(world.view('clerk', id).allowed).toEqual([{ type: 'controlInstruction', dispatchId: redirectId }]);
    expect(
      codeOf(() =>
        world.perform('executor', id, {
          type: 'controlInstruction',
          dispatchId: redirectId,
          text: 'Повторно рассмотреть',
          dueDate: '2026-04-20',
        }),
      ),
    ).toBe('NOT_ALLOWED');
    world.perform('clerk', id, {
      type: 'controlInstruction',
      dispatchId: redirectId,
      text: 'Рассмотреть повторно с выездом на место',
      dueDate: '2026-04-20',
    });
    const letters = world.view('clerk', id).dispatches;
    expect(letters.map((d) => [d.kind, d.organisation?.name, d.onControl])).toEqual([
      ['redirect', 'Министерство жилищно-коммунального хозяйства', true],
      ['instruction', 'Министерство жилищно-коммунального хозяйства', true],
    ]);
    expect(world.view('clerk', id).status).toBe('redirected');

    const phone = world.register({ source: 'phone_line' });
    expect(codeOf(() => world.perform('clerk', phone.id, { ...letter, orgId: 'org-state' }))).toBe(
      'ILLEGAL_TRANSITION',
    );

    // Registered 10.03.2026 (Tue): the 5th working day is 17.03; on 18.03 the term has passed.
    const late = world.register();
    world.setNow('2026-03-18T09:00:00+03:00');
    expect(world.view('clerk', late.id).redirectTerm?.state).toBe('expired');
    expect(codeOf(() => world.perform('clerk', late.id, { ...letter, orgId: 'org-state' }))).toBe('TERM_EXPIRED');
  });

  it('redirects some questions and keeps the appeal in review', () => {
    world = makeReviewWorld();
    const { id } = world.register({ topicCodes: ['01', '01.001'] });
    const out = world.perform('clerk', id, {
      type: 'redirect',
      orgId: 'org-state',
      topicCodes: ['01.001'],
      text: 'Вопрос оплаты направляется по компетенции',
    });
    expect(out.status).toBe('registered');
    const view = world.view('clerk', id);
    expect(view.dispatches[0]).toMatchObject({ kind: 'redirect', topicCodes: ['01.001'] });
    expect(view.questions.map((q) => [q.topicCode, q.redirectedTo])).toEqual([
      ['01', null],
      ['01.001', 'Министерство жилищно-коммунального хозяйства'],
    ]);
    // The redirected question needs no result here; the remaining one does.
    const done = world.perform('clerk', id, {
      type: 'complete',
      text: 'По остальным вопросам даны разъяснения',
      answerForm: 'electronic',
      questionResults: [{ topicCode: '01', result: 'explained' }],
    });
    expect(done.status).toBe('completed');
    expect(world.view('clerk', id).questions.map((q) => q.result)).toEqual(['explained', null]);
  });

  it('lets only the authorised person leave an appeal without consideration, with the notice', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    const action = {
      type: 'leaveWithoutConsideration' as const,
      ground: 'out_of_scope' as const,
      text: 'Не по Закону',
    };
    expect(codeOf(() => world.perform('clerk', id, action))).toBe('NOT_ALLOWED');
    expect(world.view('authorised', id).noticeTerm?.state).toBe('ok');
    expect(world.perform('authorised', id, action).status).toBe('left_without_consideration');
    expect(world.view('clerk', id).dispatches.map((d) => d.kind)).toEqual(['notice']);
  });

  it('sends requests anywhere in the directory and instructions only to subordinate organisations [4.6, 4.7]', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    world.perform('clerk', id, { type: 'sendRequest', orgId: 'org-private', text: 'Просим сообщить сведения' });
    const instruction = { type: 'sendInstruction' as const, text: 'Поручаем рассмотреть', dueDate: '2026-03-20' };
    expect(codeOf(() => world.perform('clerk', id, { ...instruction, orgId: 'org-state' }))).toBe('VALIDATION_FAILED');
    world.perform('clerk', id, { ...instruction, orgId: 'org-sub' });
    expect(world.view('clerk', id).dispatches.map((d) => [d.kind, d.organisation?.name])).toEqual([
      ['request', 'ООО «Управляющая компания»'],
      ['instruction', 'КУП «ЖЭС № 5»'],
    ]);
  });

  it('puts an appeal on control and shows it in the controller’s list [4.9]', () => {
    world = makeReviewWorld();
    const { id } = world.register();
    expect(codeOf(() => world.perform('clerk', id, { type: 'removeControl' }))).toBe('ILLEGAL_TRANSITION');
    world.perform('clerk', id, { type: 'setControl', controllerId: 'u-head', dueDate: '2026-03-20' });
    expect(tasksOf('head').rows.map((r) => r.kind)).toEqual(['control']);
    expect(codeOf(() => tasksOf('executor', 'organisation'))).toBe('NOT_ALLOWED');
    world.perform('clerk', id, { type: 'removeControl' });
    expect(world.view('clerk', id).control).toBeNull();
  });
});
