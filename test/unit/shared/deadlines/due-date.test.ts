import { describe, expect, it } from 'vitest';
import { clampDueDate } from '../../../../shared/deadlines';

const deadline = new Date('2026-03-23T23:59:59.999+03:00');

describe('resolution due date vs the appeal deadline', () => {
  it('keeps a due date not later than the deadline', () => {
    const due = new Date('2026-03-20T18:00:00+03:00');
    expect(clampDueDate(due, deadline)).toEqual({
      due,
      clamped: false,
      explanation: 'Срок исполнения 20.03.2026 18:00 не позже срока рассмотрения обращения 23.03.2026 23:59.',
    });
    expect(clampDueDate(deadline, deadline).clamped).toBe(false);
  });

  it('clamps a later due date to the deadline and says so', () => {
    const result = clampDueDate(new Date('2026-03-25T12:00:00+03:00'), deadline);
    expect(result.clamped).toBe(true);
    expect(result.due).toBe(deadline);
    expect(result.explanation).toBe(
      'Срок исполнения 25.03.2026 12:00 позже срока рассмотрения обращения 23.03.2026 23:59; ' +
        'установлен срок рассмотрения обращения — 23.03.2026 23:59.',
    );
  });
});
