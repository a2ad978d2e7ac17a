import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/services/handlers';
import type { TaskListQuery } from '../../../shared/review';
import { codeOf, makeReviewWorld } from './review-fixture';

let world: ReturnType<typeof makeReviewWorld>;
afterEach(() => world?.cleanup());

const list = (login: string, q: Partial<TaskListQuery> & Pick<TaskListQuery, 'list'>) =>
  (
    handlers['tasks:list'](world.as(login), { sort: 'dueAt', dir: 'asc', limit: 500, ...q }) as {
      rows: { kind: string; regNumber: string | null; dueAt: string | null; deadlineState: string | null }[];
    }
  ).rows;

describe('task lists [4.9]', () => {
  it('sorts by due date or number, filters by deadline state and limits', () => {
    world = makeReviewWorld();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = world.register();
      numbers.push((handlers['appeals:get'](world.as('clerk'), { id }) as { regNumber: string }).regNumber);
      world.perform('clerk', id, { type: 'assignResponsible', headId: 'u-head' });
      world.perform('clerk', id, { type: 'setControl', controllerId: 'u-head', dueDate: `2026-03-${12 + (2 - i)}` });
    }
    // Three "create a resolution" tasks (due 25.03) and three control tasks (due 14.03, 13.03, 12.03).
    const rows = list('head', { list: 'mine' });
    expect(rows.map((r) => r.kind)).toEqual([
      'control',
      'control',
      'control',
      'resolution',
      'resolution',
      'resolution',
    ]);
    expect(rows.slice(0, 3).map((r) => r.regNumber)).toEqual([numbers[2], numbers[1], numbers[0]]);
    expect(list('head', { list: 'mine', sort: 'regNumber', dir: 'desc', limit: 2 }).map((r) => r.regNumber)).toEqual([
      numbers[2],
      numbers[2],
    ]);
    // On 13.03 at noon the control of 12.03 is overdue, that of 13.03 due today, 14.03 soon.
    world.setNow('2026-03-13T12:00:00+03:00');
    expect(list('head', { list: 'mine', deadline: 'overdue' }).map((r) => r.dueAt?.slice(0, 10))).toEqual([
      '2026-03-12',
    ]);
    expect(list('head', { list: 'mine', deadline: 'today' }).map((r) => r.deadlineState)).toEqual(['today']);
    expect(list('clerk', { list: 'control' })).toHaveLength(3);
    expect(list('clerk', { list: 'byMe' }).map((r) => r.kind)).toEqual(['resolution', 'resolution', 'resolution']);
    expect(codeOf(() => list('executor', { list: 'control' }))).toBe('NOT_ALLOWED');
    expect(list('executor', { list: 'mine' })).toEqual([]);
  });
});
