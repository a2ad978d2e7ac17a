import { describe, expect, it } from 'vitest';
import { formatMinsk, WorkingCalendar } from '../../../../shared/calendar';
import { type ReviewTerm, reviewDeadline } from '../../../../shared/deadlines';

/**
 * Law 300-З art. 17, by hand: 15 days → registration day + 15; one month → same date next month or
 * its last day; a non-working last day moves to the first following working day; ends 23:59:59.999.
 */
const CASES: [registered: string, term: ReviewTerm, lastDay: string][] = [
  ['2026-03-06', '15d', '2026-03-23'], // 21.03 Saturday → Mon 23.03
  ['2026-03-05', '15d', '2026-03-20'],
  ['2026-04-06', '15d', '2026-04-22'], // 21.04 Radunitsa
  ['2026-04-05', '15d', '2026-04-22'], // 20.04 transfer day off, 21.04 Radunitsa
  ['2026-04-10', '15d', '2026-04-25'], // worked Saturday is a working day
  ['2026-04-16', '15d', '2026-05-04'], // 1 May Fri, weekend
  ['2026-04-24', '15d', '2026-05-11'], // 9 May Saturday, Sunday
  ['2025-12-17', '15d', '2026-01-05'], // 1–2 January, weekend
  ['2024-12-17', '15d', '2025-01-03'], // 1–2 January 2025
  ['2024-12-23', '15d', '2025-01-08'], // 7 January
  ['2024-12-22', '15d', '2025-01-08'], // 6 January transfer, 7 January
  ['2024-04-29', '15d', '2024-05-15'], // 14 May Radunitsa
  ['2024-04-28', '15d', '2024-05-15'], // 13 May transfer, 14 May Radunitsa
  ['2024-05-03', '15d', '2024-05-18'], // worked Saturday 18 May
  ['2025-04-14', '15d', '2025-04-30'], // 29 April Radunitsa
  ['2025-04-11', '15d', '2025-04-26'], // worked Saturday 26 April
  ['2025-06-18', '15d', '2025-07-07'], // 3 July, 4 July transfer, weekend
  ['2027-04-26', '15d', '2027-05-12'], // 11 May 2027 Radunitsa
  ['2027-04-24', '15d', '2027-05-10'], // 9 May Sunday
  ['2026-10-23', '15d', '2026-11-09'], // 7 November Saturday
  ['2026-12-10', '15d', '2026-12-28'], // 25 December Friday
  ['2026-02-21', '15d', '2026-03-09'], // 8 March Sunday
  ['2024-02-14', '15d', '2024-02-29'], // leap day, Thursday
  ['2026-01-31', '1m', '2026-03-02'], // no 31 Feb → 28.02 Saturday → Mon 2 March
  ['2024-01-31', '1m', '2024-02-29'], // leap year
  ['2025-01-31', '1m', '2025-02-28'], // Friday
  ['2026-03-31', '1m', '2026-04-30'], // no 31 April; 30 April is a (short) working day
  ['2026-03-06', '1m', '2026-04-06'],
  ['2026-03-21', '1m', '2026-04-22'], // 21.04 Radunitsa
  ['2026-03-20', '1m', '2026-04-22'], // 20.04 transfer day off
  ['2025-12-01', '1m', '2026-01-05'], // 1 January
  ['2025-12-07', '1m', '2026-01-08'], // 7 January
  ['2026-12-31', '1m', '2027-02-01'], // 31 January 2027 Sunday
  ['2026-05-31', '1m', '2026-06-30'],
  ['2025-03-29', '1m', '2025-04-30'], // 29 April 2025 Radunitsa
  ['2024-04-13', '1m', '2024-05-15'], // 13 May transfer, 14 May Radunitsa
  ['2026-10-31', '1m', '2026-11-30'],
  ['2026-06-03', '1m', '2026-07-06'], // 3 July Friday
];

describe('review deadline (Law 300-З art. 17)', () => {
  it.each(CASES)('registered %s, term %s → ends %s', (registered, term, lastDay) => {
    const result = reviewDeadline(new Date(`${registered}T10:00:00+03:00`), term);
    expect(result.day).toBe(lastDay);
    expect(formatMinsk(result.deadline)).toBe(`${lastDay}T23:59:59.999+03:00`);
  });

  it('takes the registration day in Minsk time', () => {
    const result = reviewDeadline(new Date('2026-03-05T22:00:00Z'), '15d'); // 01:00 on 6 March in Minsk
    expect(result.day).toBe('2026-03-23');
  });

  it('explains the move off a day off', () => {
    expect(reviewDeadline(new Date('2026-03-06T10:00:00+03:00'), '15d').explanation).toBe(
      '15 календарных дней со дня, следующего за регистрацией 06.03.2026 (ст. 17 Закона № 300-З): ' +
        'последний день 21.03.2026 — нерабочий день (суббота), перенос на первый следующий рабочий день 23.03.2026. ' +
        'Срок рассмотрения — до 23.03.2026 23:59:59.',
    );
    const month = reviewDeadline(new Date('2026-01-31T10:00:00+03:00'), '1m').explanation;
    expect(month).toContain('в феврале нет 31-го числа');
    expect(reviewDeadline(new Date('2026-03-05T10:00:00+03:00'), '15d').explanation).toContain(
      'последний день 20.03.2026.',
    );
  });

  it('honours organisation exceptions', () => {
    const calendar = new WorkingCalendar({ exceptions: [{ date: '2026-03-20', working: false, note: 'переезд' }] });
    expect(reviewDeadline(new Date('2026-03-05T10:00:00+03:00'), '15d', calendar).day).toBe('2026-03-23');
  });
});
