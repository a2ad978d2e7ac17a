/**
 * An organisation's working hours (regulation 4.4: "в системе хранятся графики работы каждой
 * организации"). Times are Minsk wall-clock 'HH:MM'.
 */
export interface TimeRange {
  start: string;
  end: string;
}

export interface DayHours extends TimeRange {
  lunch?: TimeRange;
}

export type WorkWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri';

/** Per-weekday hours; `default` covers the weekdays not named (and worked Saturdays by exception). */
export type WeekHours = Partial<Record<WorkWeekday | 'default', DayHours>>;

export const DEFAULT_DAY_HOURS: DayHours = { start: '09:00', end: '18:00' };

/** The hours that apply to one particular day, with minutes for arithmetic. */
export interface ResolvedHours extends DayHours {
  startMinute: number;
  endMinute: number;
  /** Pre-holiday day, one hour shorter (Labour Code art. 116). */
  shortened: boolean;
}

const WORK_WEEKDAYS: readonly WorkWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Minutes since midnight of 'H:MM' / 'HH:MM' (up to 24:00), or undefined. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A Russian description of what is wrong with `hours`, or undefined when they are valid. */
export function dayHoursProblem(hours: DayHours): string | undefined {
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  if (start === undefined || end === undefined)
    return `время работы должно быть в формате ЧЧ:ММ (${hours.start}–${hours.end})`;
  if (start >= end) return `начало рабочего дня (${hours.start}) должно быть раньше окончания (${hours.end})`;
  if (!hours.lunch) return undefined;
  const ls = parseClock(hours.lunch.start);
  const le = parseClock(hours.lunch.end);
  if (ls === undefined || le === undefined || ls >= le || ls < start || le > end)
    return `перерыв ${hours.lunch.start}–${hours.lunch.end} должен лежать внутри рабочего дня ${hours.start}–${hours.end}`;
  return undefined;
}

/** The hours of an ISO weekday (1 = Monday); Saturday/Sunday fall back to `default`. */
export function weekdayHours(week: WeekHours, isoWeekday: number): DayHours {
  const key = WORK_WEEKDAYS[isoWeekday - 1];
  return (key && week[key]) ?? week.default ?? DEFAULT_DAY_HOURS;
}

/** Resolves validated hours; a pre-holiday day ends one hour earlier (Labour Code art. 116). */
export function resolveHours(hours: DayHours, shortened: boolean): ResolvedHours {
  const startMinute = parseClock(hours.start) ?? 0;
  const fullEnd = parseClock(hours.end) ?? 0;
  const endMinute = shortened ? Math.max(startMinute, fullEnd - 60) : fullEnd;
  return { ...hours, end: formatClock(endMinute), startMinute, endMinute, shortened };
}
