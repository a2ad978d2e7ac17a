import { describe, expect, it } from 'vitest';
import { formatMinsk } from '../../../../shared/calendar';
import { leaveWithoutConsiderationNoticeDeadline, redirectDeadline } from '../../../../shared/deadlines';

/** Five working days from the day after registration (Law 300-З art. 10 p. 3, art. 15), by hand. */
const CASES: [registered: string, lastDay: string][] = [
  ['2026-03-06', '2026-03-13'], // 9, 10, 11, 12, 13 March
  ['2026-04-16', '2026-04-25'], // 17; 20 off, 21 Radunitsa; 22, 23, 24; worked Sat 25
  ['2024-05-08', '2024-05-18'], // 9 holiday; 10; 13 off; 14 Radunitsa; 15, 16, 17; worked Sat 18
  ['2025-12-24', '2026-01-06'], // 25 holiday, 26 off; 29, 30, 31; 1–2 Jan; 5, 6
  ['2025-01-03', '2025-01-13'], // 6 off, 7 Christmas; 8, 9, 10; worked Sat 11; 13
  ['2027-05-07', '2027-05-17'], // 10; 11 Radunitsa; 12, 13, 14; 17
];

describe('five-working-day terms', () => {
  it.each(CASES)('redirect of an appeal registered %s: by %s', (registered, lastDay) => {
    const result = redirectDeadline(new Date(`${registered}T12:00:00+03:00`));
    expect(formatMinsk(result.deadline)).toBe(`${lastDay}T23:59:59.999+03:00`);
  });

  it('explains which days were counted', () => {
    const result = redirectDeadline(new Date('2026-04-16T12:00:00+03:00'));
    expect(result.explanation).toContain('ст. 10 п. 3 Закона № 300-З');
    expect(result.explanation).toContain('17.04, 22.04, 23.04, 24.04, 25.04, нерабочих дней пропущено: 4');
  });

  it('the notice of leaving without consideration has the same term (art. 15)', () => {
    const result = leaveWithoutConsiderationNoticeDeadline(new Date('2027-05-07T12:00:00+03:00'));
    expect(result.day).toBe('2027-05-17');
    expect(result.explanation).toMatch(/^Уведомление об оставлении без рассмотрения по существу: .*ст\. 15 Закона/);
  });
});
