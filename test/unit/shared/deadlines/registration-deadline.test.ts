import { describe, expect, it } from 'vitest';
import { formatMinsk, WorkingCalendar } from '../../../../shared/calendar';
import { registrationDeadline } from '../../../../shared/deadlines';

/**
 * Regulation 4.4, computed by hand: receipt + 1 h within the working day (09:00–18:00, 17:00 on the
 * eve of a holiday) → that day, otherwise the next working day; then 23:59:59.999 + 1 h of grace,
 * i.e. 00:59:59.999 of the following calendar day.
 */
const CASES: [received: string, deadline: string][] = [
  ['2026-03-05T10:00:00+03:00', '2026-03-06T00:59:59.999+03:00'], // Thu, inside hours
  ['2026-03-05T07:30:00+03:00', '2026-03-06T00:59:59.999+03:00'], // before opening: still that day
  ['2026-03-05T17:00:00+03:00', '2026-03-06T00:59:59.999+03:00'], // 18:00 is still within the day
  ['2026-03-05T17:01:00+03:00', '2026-03-07T00:59:59.999+03:00'], // 18:01 → Fri
  ['2026-03-05T17:59:00+03:00', '2026-03-07T00:59:59.999+03:00'],
  ['2026-03-05T18:00:00+03:00', '2026-03-07T00:59:59.999+03:00'],
  ['2026-03-05T23:30:00+03:00', '2026-03-07T00:59:59.999+03:00'],
  ['2026-03-06T17:30:00+03:00', '2026-03-10T00:59:59.999+03:00'], // Fri evening → Mon 9 March
  ['2026-03-07T12:00:00+03:00', '2026-03-10T00:59:59.999+03:00'], // Saturday
  ['2026-03-08T10:00:00+03:00', '2026-03-10T00:59:59.999+03:00'], // Sunday holiday
  ['2026-03-05T14:30:00Z', '2026-03-07T00:59:59.999+03:00'], // 17:30 Minsk given in UTC
  ['2026-03-05T22:30:00Z', '2026-03-07T00:59:59.999+03:00'], // 01:30 Fri Minsk → Fri
  ['2026-04-30T16:00:00+03:00', '2026-05-01T00:59:59.999+03:00'], // eve of 1 May ends 17:00
  ['2026-04-30T16:30:00+03:00', '2026-05-05T00:59:59.999+03:00'], // 17:30 > 17:00 → Mon 4 May
  ['2026-04-24T17:30:00+03:00', '2026-04-26T00:59:59.999+03:00'], // → worked Saturday 25 April
  ['2026-04-19T11:00:00+03:00', '2026-04-23T00:59:59.999+03:00'], // Sun → 20 off, 21 Radunitsa → Wed 22
  ['2024-05-10T17:30:00+03:00', '2024-05-16T00:59:59.999+03:00'], // → 13 off, 14 Radunitsa → Wed 15
  ['2024-05-17T18:30:00+03:00', '2024-05-19T00:59:59.999+03:00'], // → worked Saturday 18 May
  ['2024-12-31T23:30:00+03:00', '2025-01-04T00:59:59.999+03:00'], // New Year → Fri 3 Jan
  ['2025-01-03T17:30:00+03:00', '2025-01-09T00:59:59.999+03:00'], // 6 off, 7 Christmas → Wed 8
  ['2025-12-19T17:30:00+03:00', '2025-12-21T00:59:59.999+03:00'], // → worked Saturday 20 Dec
  ['2025-12-31T16:30:00+03:00', '2026-01-06T00:59:59.999+03:00'], // eve of New Year → Mon 5 Jan
  ['2027-01-01T12:00:00+03:00', '2027-01-05T00:59:59.999+03:00'], // → Mon 4 Jan 2027
  ['2027-05-10T16:30:00+03:00', '2027-05-13T00:59:59.999+03:00'], // eve of Radunitsa → Wed 12
];

describe('registration deadline (regulation 4.4)', () => {
  it.each(CASES)('received %s → %s', (received, expected) => {
    const { deadline } = registrationDeadline(new Date(received));
    expect(formatMinsk(deadline)).toBe(expected);
  });

  it('explains the computation in Russian', () => {
    const { explanation } = registrationDeadline(new Date('2026-03-06T17:30:00+03:00'));
    expect(explanation).toBe(
      'Поступило 06.03.2026 в 17:30 (пятница); 17:30 + 1 ч = 18:30 — после окончания рабочего дня 09:00–18:00. ' +
        'Зарегистрировать не позднее следующего рабочего дня: 09.03.2026 (понедельник) до 23:59:59, ' +
        'плюс 1 час на регистрацию — до 10.03.2026 00:59:59 (регламент, п. 4.4).',
    );
    expect(registrationDeadline(new Date('2026-03-07T12:00:00+03:00')).explanation).toContain(
      'нерабочий день (суббота)',
    );
    expect(registrationDeadline(new Date('2026-03-05T07:30:00+03:00')).explanation).toContain('до начала рабочего дня');
    expect(registrationDeadline(new Date('2026-03-05T10:00:00+03:00')).explanation).toContain('в день поступления');
  });

  it("uses the organisation's hours and exceptions", () => {
    const calendar = new WorkingCalendar({
      hours: { default: { start: '08:30', end: '17:30', lunch: { start: '13:00', end: '14:00' } } },
      exceptions: [{ date: '2026-03-04', working: false, note: 'санитарный день' }],
    });
    const at = (iso: string) => formatMinsk(registrationDeadline(new Date(iso), calendar).deadline);
    expect(at('2026-03-05T16:30:00+03:00')).toBe('2026-03-06T00:59:59.999+03:00'); // 17:30 = end
    expect(at('2026-03-05T16:31:00+03:00')).toBe('2026-03-07T00:59:59.999+03:00');
    expect(at('2026-03-05T12:30:00+03:00')).toBe('2026-03-06T00:59:59.999+03:00'); // 13:30 is lunch, same day
    expect(at('2026-03-04T10:00:00+03:00')).toBe('2026-03-06T00:59:59.999+03:00'); // closed → Thu 5
  });
});
