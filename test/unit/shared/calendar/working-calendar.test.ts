import { describe, expect, it } from 'vitest';
import { type Transfer, WorkingCalendar } from '../../../../shared/calendar';

describe('WorkingCalendar: navigation', () => {
  const calendar = new WorkingCalendar();

  it('nextWorkingDay skips weekends, holidays and transfer days off', () => {
    expect(calendar.nextWorkingDay('2026-03-06')).toBe('2026-03-09'); // Fri → Mon (8 March on Sunday)
    expect(calendar.nextWorkingDay('2026-04-17')).toBe('2026-04-22'); // 20 off, 21 Radunitsa
    expect(calendar.nextWorkingDay('2026-04-24')).toBe('2026-04-25'); // worked Saturday
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05');
  });

  it('firstWorkingDayFrom keeps a working day and moves a day off', () => {
    expect(calendar.firstWorkingDayFrom('2026-03-09')).toBe('2026-03-09');
    expect(calendar.firstWorkingDayFrom('2026-03-07')).toBe('2026-03-09');
  });

  it('addWorkingDays counts from the next day; 0 gives the date itself', () => {
    expect(calendar.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(calendar.addWorkingDays('2024-05-08', 5)).toBe('2024-05-18'); // 10, 15, 16, 17, Sat 18
    expect(() => calendar.addWorkingDays('2026-03-06', -1)).toThrow(/неотрицательным/);
    expect(() => calendar.addWorkingDays('2026-03-06', 1.5)).toThrow(/целым/);
  });

  it('rejects malformed dates with a Russian message', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/Неверная дата «2026-02-30»/);
    expect(() => calendar.nextWorkingDay('06.03.2026')).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('WorkingCalendar: organisation data', () => {
  it('uses per-weekday hours and lunch; a pre-holiday day ends an hour earlier', () => {
    const calendar = new WorkingCalendar({
      hours: {
        default: { start: '08:45', end: '18:00', lunch: { start: '13:00', end: '14:00' } },
        fri: { start: '08:45', end: '16:45', lunch: { start: '13:00', end: '13:45' } },
      },
    });
    expect(calendar.workingHours('2026-03-05')).toMatchObject({ start: '08:45', end: '18:00', shortened: false });
    expect(calendar.workingHours('2026-03-05')?.lunch).toEqual({ start: '13:00', end: '14:00' });
    expect(calendar.workingHours('2026-03-06')).toMatchObject({ end: '16:45', endMinute: 16 * 60 + 45 });
    expect(calendar.workingHours('2026-05-08')).toMatchObject({ end: '15:45', shortened: true }); // Fri before 9 May
    expect(calendar.workingHours('2026-03-07')).toBeNull();
  });

  it('a worked Saturday follows the hours of the weekday it replaces', () => {
    const calendar = new WorkingCalendar({ hours: { fri: { start: '09:00', end: '16:45' } } });
    expect(calendar.workingHours('2025-07-12')?.end).toBe('16:45'); // replaces Fri 4 July
    expect(calendar.workingHours('2025-04-26')?.end).toBe('18:00'); // replaces Mon 28 April
  });

  it('accepts transfers of a year not yet built in (2027)', () => {
    const extra: Transfer = {
      year: 2027,
      dayOff: '2027-01-08',
      workday: '2027-01-16',
      source: 'постановление Совета Министров № 1 от 01.12.2026',
    };
    expect(new WorkingCalendar().isWorkingDay('2027-01-08').working).toBe(true);
    const calendar = new WorkingCalendar({ transfers: [extra] });
    expect(calendar.isWorkingDay('2027-01-08')).toEqual({
      working: false,
      reason: 'перенос рабочего дня на 16.01.2027 (постановление Совета Министров № 1 от 01.12.2026)',
    });
    expect(calendar.isWorkingDay('2027-01-16')).toEqual({
      working: true,
      reason: 'рабочая суббота вместо 08.01.2027 (постановление Совета Министров № 1 от 01.12.2026)',
    });
  });

  it('organisation exceptions override holidays, transfers and weekdays', () => {
    const calendar = new WorkingCalendar({
      exceptions: [
        { date: '2026-03-05', working: false, note: 'санитарный день' },
        { date: '2026-03-07', working: true, hours: { start: '10:00', end: '14:00' }, note: 'дежурная суббота' },
        { date: '2026-05-08', working: true, note: 'полный день' },
        { date: '2026-04-25', working: false, note: 'выезд' },
      ],
    });
    expect(calendar.isWorkingDay('2026-03-05')).toEqual({
      working: false,
      reason: 'исключение организации: санитарный день',
    });
    expect(calendar.workingHours('2026-03-07')).toMatchObject({ start: '10:00', end: '14:00', shortened: false });
    expect(calendar.workingHours('2026-05-08')).toMatchObject({ end: '17:00', shortened: true }); // own hours not given
    expect(calendar.isWorkingDay('2026-04-25').working).toBe(false);
    expect(calendar.nextWorkingDay('2026-03-04')).toBe('2026-03-06');
  });

  it.each([
    [{ hours: { mon: { start: '18:00', end: '09:00' } } }, /начало рабочего дня/],
    [{ hours: { default: { start: '9', end: '18:00' } } }, /ЧЧ:ММ/],
    [{ hours: { default: { start: '09:00', end: '18:00', lunch: { start: '17:30', end: '18:30' } } } }, /перерыв/],
    [{ transfers: [{ year: 2027, dayOff: '2027-01-09', workday: '2027-01-16', source: 'x' }] }, /будним/],
    [{ transfers: [{ year: 2027, dayOff: '2027-01-08', workday: '2027-01-15', source: 'x' }] }, /субботой/],
    [{ exceptions: [{ date: '2027-13-01', working: false, note: 'x' }] }, /неверная дата исключения/],
  ])('rejects bad organisation data (%#)', (options, message) => {
    expect(() => new WorkingCalendar(options)).toThrow(message);
  });

  it('a calendar without working days fails with a clear error instead of looping', () => {
    const exceptions = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      working: false,
      note: 'закрыто',
    }));
    expect(() => new WorkingCalendar({ exceptions }).nextWorkingDay('2025-12-31')).toThrow(/нет рабочих дней/);
  });
});
