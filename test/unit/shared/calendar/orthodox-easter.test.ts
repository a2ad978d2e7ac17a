import { describe, expect, it } from 'vitest';
import { isoWeekday, orthodoxEaster, publicHoliday, radunitsa } from '../../../../shared/calendar';

describe('orthodox Easter and Radunitsa', () => {
  it.each([
    [2019, '2019-04-28'],
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
  ])('Easter %i is %s', (year, date) => {
    expect(orthodoxEaster(year)).toBe(date);
  });

  it.each([
    [2024, '2024-05-14'],
    [2025, '2025-04-29'],
    [2026, '2026-04-21'],
    [2027, '2027-05-11'],
  ])('Radunitsa %i is %s, a Tuesday and a public holiday', (year, date) => {
    expect(radunitsa(year)).toBe(date);
    expect(isoWeekday(date)).toBe(2);
    expect(publicHoliday(date)).toBe('Радуница');
  });

  it('Easter is always a Sunday, Radunitsa always a Tuesday (1900–2099)', () => {
    for (let year = 1900; year <= 2099; year++) {
      expect(isoWeekday(orthodoxEaster(year))).toBe(7);
      expect(isoWeekday(radunitsa(year))).toBe(2);
    }
  });
});
