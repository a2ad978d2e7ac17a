import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatMinsk,
  parseInstant,
  publicHoliday,
  WorkingCalendar,
} from '../../../../shared/calendar';

/** Any day of 2023–2028 as 'YYYY-MM-DD'. */
const anyDay = fc.integer({ min: 0, max: 6 * 366 }).map((n) => addDays('2023-01-01', n));

const calendar = new WorkingCalendar();

describe('working calendar properties', () => {
  it('a public holiday is never a working day of the national calendar', () => {
    fc.assert(
      fc.property(anyDay, (date) => {
        const { working } = calendar.isWorkingDay(date);
        if (publicHoliday(date)) expect(working).toBe(false);
      }),
    );
  });

  it('nextWorkingDay is later, working, and every day in between is a day off', () => {
    fc.assert(
      fc.property(anyDay, (date) => {
        const next = calendar.nextWorkingDay(date);
        expect(next > date).toBe(true);
        expect(calendar.isWorkingDay(next).working).toBe(true);
        for (let d = addDays(date, 1); d < next; d = addDays(d, 1))
          expect(calendar.isWorkingDay(d).working).toBe(false);
      }),
    );
  });

  it('addWorkingDays(d, n) lands on a working day with exactly n working days after d', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const end = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(end).working).toBe(true);
        let count = 0;
        for (let i = 1; i <= daysBetween(date, end); i++) if (calendar.isWorkingDay(addDays(date, i)).working) count++;
        expect(count).toBe(n);
      }),
    );
  });

  it('a working day has hours; a shortened one is exactly the eve of a public holiday', () => {
    fc.assert(
      fc.property(anyDay, (date) => {
        const day = calendar.day(date);
        expect(day.hours === null).toBe(!day.working);
        if (day.hours) expect(day.hours.shortened).toBe(publicHoliday(addDays(date, 1)) !== undefined);
      }),
    );
  });

  it('formatMinsk and parseInstant round-trip every millisecond instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2011, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const text = formatMinsk(new Date(ms));
        expect(text.endsWith('+03:00')).toBe(true);
        expect(parseInstant(text)?.getTime()).toBe(ms);
      }),
    );
  });
});
