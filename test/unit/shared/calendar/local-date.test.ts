import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  formatRuDate,
  isLocalDate,
  isoWeekday,
  publicHolidaysOf,
} from '../../../../shared/calendar';

describe('local dates', () => {
  it('validates YYYY-MM-DD', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-4-1')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-17', 15)).toBe('2026-01-01');
    expect(addDays('2024-02-14', 15)).toBe('2024-02-29');
    expect(daysBetween('2026-03-06', '2026-04-06')).toBe(31);
  });

  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-03-06', '2026-04-06'],
  ])('one month after %s is %s', (from, to) => {
    expect(addMonthsClamped(from, 1)).toBe(to);
  });

  it('knows weekdays and Russian formatting', () => {
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(formatRuDate('2026-03-09')).toBe('09.03.2026');
  });

  it('lists the ten public holidays of a year in order', () => {
    const days = publicHolidaysOf(2026).map((h) => h.date);
    expect(days).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-08',
      '2026-04-21',
      '2026-05-01',
      '2026-05-09',
      '2026-07-03',
      '2026-11-07',
      '2026-12-25',
    ]);
  });
});
