import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../../shared/calendar';

/**
 * Hand-checked days of 2023–2027 against the rules (domain.md "Deadlines"): holidays that are days
 * off, Radunitsa, the Council of Ministers' transfers, weekends, pre-holiday short days (Labour
 * Code art. 116). `end` is the end of the working day for the default 09:00–18:00 organisation.
 * `reason` is a fragment the Russian reason must contain.
 */
const DAYS: [date: string, working: boolean, reason: string, end?: string][] = [
  // 2023 → 2024 boundary
  ['2023-12-29', true, 'рабочий день', '18:00'], // Fri; next day Saturday, no holiday
  ['2023-12-31', false, 'воскресенье'], // Sun before New Year: nothing shortened
  ['2024-01-01', false, 'Новый год'],
  ['2024-01-02', false, 'Новый год'],
  ['2024-01-03', true, 'рабочий день', '18:00'],
  ['2024-01-06', false, 'суббота'], // Saturday before Christmas
  ['2024-01-07', false, 'Рождество'], // Christmas on a Sunday…
  ['2024-01-08', true, 'рабочий день', '18:00'], // …is not moved to Monday
  ['2024-03-07', true, 'предпраздничный', '17:00'],
  ['2024-03-08', false, 'День женщин'],
  // 2024: transfers of res. No. 814, Radunitsa 14 May
  ['2024-05-08', true, 'предпраздничный', '17:00'], // before 9 May
  ['2024-05-09', false, 'День Победы'],
  ['2024-05-10', true, 'рабочий день', '18:00'],
  ['2024-05-13', false, 'перенос рабочего дня на 18.05.2024'],
  ['2024-05-14', false, 'Радуница'],
  ['2024-05-18', true, 'рабочая суббота вместо 13.05.2024', '18:00'],
  ['2024-05-19', false, 'воскресенье'],
  ['2024-11-06', true, 'предпраздничный', '17:00'],
  ['2024-11-07', false, 'Октябрьской революции'],
  ['2024-11-08', false, '№ 814 от 23.11.2023'],
  ['2024-11-16', true, 'рабочая суббота', '18:00'],
  ['2024-12-24', true, 'предпраздничный', '17:00'],
  ['2024-12-25', false, 'Рождество'],
  ['2024-12-31', true, 'предпраздничный', '17:00'],
  // 2025: transfers of res. No. 839, Radunitsa 29 April
  ['2025-01-03', true, 'рабочий день', '18:00'],
  ['2025-01-06', false, 'перенос рабочего дня на 11.01.2025'], // also the eve of Christmas
  ['2025-01-07', false, 'Рождество'],
  ['2025-01-11', true, 'рабочая суббота вместо 06.01.2025', '18:00'],
  ['2025-04-26', true, 'рабочая суббота вместо 28.04.2025', '18:00'],
  ['2025-04-27', false, 'воскресенье'],
  ['2025-04-28', false, '№ 839 от 14.11.2024'],
  ['2025-04-29', false, 'Радуница'],
  ['2025-04-30', true, 'предпраздничный', '17:00'],
  ['2025-05-01', false, 'Праздник труда'],
  ['2025-07-02', true, 'предпраздничный', '17:00'],
  ['2025-07-03', false, 'День Независимости'],
  ['2025-07-04', false, 'перенос рабочего дня на 12.07.2025'],
  ['2025-07-12', true, 'рабочая суббота', '18:00'],
  ['2025-12-20', true, 'рабочая суббота вместо 26.12.2025', '18:00'],
  ['2025-12-24', true, 'предпраздничный', '17:00'],
  ['2025-12-26', false, 'перенос рабочего дня на 20.12.2025'],
  ['2025-12-31', true, 'предпраздничный', '17:00'],
  // 2026: res. No. 397, Radunitsa 21 April
  ['2026-01-01', false, 'Новый год'],
  ['2026-01-02', false, 'Новый год'],
  ['2026-01-05', true, 'рабочий день', '18:00'],
  ['2026-01-06', true, 'предпраздничный', '17:00'],
  ['2026-01-07', false, 'Рождество'],
  ['2026-03-06', true, 'рабочий день', '18:00'], // Friday before a Sunday holiday: not shortened
  ['2026-03-07', false, 'суббота'],
  ['2026-03-08', false, 'День женщин'], // Sunday holiday…
  ['2026-03-09', true, 'рабочий день', '18:00'], // …not moved
  ['2026-04-17', true, 'рабочий день', '18:00'],
  ['2026-04-20', false, '№ 397 от 22.07.2025'],
  ['2026-04-21', false, 'Радуница'],
  ['2026-04-25', true, 'рабочая суббота вместо 20.04.2026', '18:00'],
  ['2026-04-30', true, 'предпраздничный', '17:00'],
  ['2026-05-01', false, 'Праздник труда'],
  ['2026-05-08', true, 'предпраздничный', '17:00'], // Friday before a Saturday holiday: shortened
  ['2026-05-09', false, 'День Победы'], // Saturday holiday: the reason is the holiday
  ['2026-05-11', true, 'рабочий день', '18:00'],
  ['2026-07-02', true, 'предпраздничный', '17:00'],
  ['2026-07-03', false, 'День Независимости'],
  ['2026-11-06', true, 'предпраздничный', '17:00'],
  ['2026-11-07', false, 'Октябрьской революции'],
  ['2026-11-09', true, 'рабочий день', '18:00'],
  ['2026-12-24', true, 'предпраздничный', '17:00'],
  ['2026-12-25', false, 'Рождество'],
  ['2026-12-31', true, 'предпраздничный', '17:00'],
  // 2027: no transfers published, Radunitsa 11 May
  ['2027-01-01', false, 'Новый год'],
  ['2027-01-02', false, 'Новый год'], // Saturday holiday
  ['2027-01-04', true, 'рабочий день', '18:00'],
  ['2027-01-08', true, 'рабочий день', '18:00'], // no bridge without a resolution
  ['2027-03-08', false, 'День женщин'],
  ['2027-04-30', true, 'предпраздничный', '17:00'],
  ['2027-05-01', false, 'Праздник труда'],
  ['2027-05-07', true, 'рабочий день', '18:00'], // Friday; the holiday is on Sunday 9 May
  ['2027-05-08', false, 'суббота'],
  ['2027-05-09', false, 'День Победы'],
  ['2027-05-10', true, 'предпраздничный', '17:00'],
  ['2027-05-11', false, 'Радуница'],
  ['2027-05-12', true, 'рабочий день', '18:00'],
];

describe('national calendar, dated days', () => {
  const calendar = new WorkingCalendar();
  it.each(DAYS)('%s: working=%s (%s)', (date, working, reason, end) => {
    const day = calendar.day(date);
    expect(day.working).toBe(working);
    expect(day.reason).toContain(reason);
    expect(day.hours?.end).toBe(end);
    if (end) expect(day.hours?.start).toBe('09:00');
  });

  it('has more than 60 hand-checked days', () => {
    expect(DAYS.length).toBeGreaterThan(60);
  });
});
