import { describe, expect, it } from 'vitest';
import { formatMinsk } from '../../../../shared/calendar';
import { extendedReviewDeadline } from '../../../../shared/deadlines';

const registered = new Date('2026-03-06T10:00:00+03:00');

describe('clerk term up to 31 calendar days (regulation 4.4)', () => {
  it('accepts the 31st day after registration', () => {
    const result = extendedReviewDeadline(registered, '2026-04-06');
    expect(formatMinsk(result.deadline)).toBe('2026-04-06T23:59:59.999+03:00');
    expect(result.explanation).toContain('31 календарн. дн. со дня регистрации 06.03.2026');
  });

  it('moves a non-working chosen day to the next working day (art. 17)', () => {
    const result = extendedReviewDeadline(new Date('2026-03-20T10:00:00+03:00'), '2026-04-20');
    expect(result.day).toBe('2026-04-22'); // 20.04 transfer day off, 21.04 Radunitsa
    expect(result.explanation).toContain('перенос на первый следующий рабочий день 22.04.2026');
  });

  it('rejects more than 31 days: only a resolution with a new term may set that', () => {
    expect(() => extendedReviewDeadline(registered, '2026-04-07')).toThrow(
      /не более 31 календарного дня со дня регистрации \(не позднее 06\.04\.2026\).*резолюцией с новым сроком/,
    );
  });

  it('rejects a term not after the registration day and a malformed date', () => {
    expect(() => extendedReviewDeadline(registered, '2026-03-06')).toThrow(/должен быть позже дня регистрации/);
    expect(() => extendedReviewDeadline(registered, '2026-02-30')).toThrow(/Неверная дата срока/);
  });
});
