import { type CalendarSettings, DEFAULT_DAY_HOURS } from '../../../../shared/calendar';
import type { DayHours, WorkWeekday } from '../../../../shared/calendar/working-hours';

export type WeekHours = CalendarSettings['hours'];
export type HoursKey = WorkWeekday | 'default';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 'HH:MM', 24-hour, as the calendar settings store it. */
export function isClock(text: string): boolean {
  return CLOCK.test(text);
}
export const WORK_WEEKDAYS: readonly WorkWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** One day's hours as typed: 'HH:MM' or '' (lunch is optional). */
export interface DayForm {
  start: string;
  end: string;
  lunchStart: string;
  lunchEnd: string;
}

/** The «Часы работы» panel: the usual day and the weekdays that differ from it (null = as usual). */
export interface HoursForm {
  default: DayForm;
  days: Record<WorkWeekday, DayForm | null>;
}

export function dayForm(hours: DayHours): DayForm {
  return { start: hours.start, end: hours.end, lunchStart: hours.lunch?.start ?? '', lunchEnd: hours.lunch?.end ?? '' };
}

export function hoursForm(hours: WeekHours): HoursForm {
  const day = (key: WorkWeekday) => {
    const h = hours[key];
    return h ? dayForm(h) : null;
  };
  return {
    default: dayForm(hours.default ?? DEFAULT_DAY_HOURS),
    days: { mon: day('mon'), tue: day('tue'), wed: day('wed'), thu: day('thu'), fri: day('fri') },
  };
}

export type HoursProblem = { key: HoursKey; problem: 'missing' | 'lunchHalf' | 'format' };
export type HoursResult = { ok: true; hours: WeekHours } | ({ ok: false } & HoursProblem);

function toDayHours(form: DayForm, key: HoursKey): { ok: true; hours: DayHours } | ({ ok: false } & HoursProblem) {
  if (!form.start || !form.end) return { ok: false, key, problem: 'missing' };
  if (Boolean(form.lunchStart) !== Boolean(form.lunchEnd)) return { ok: false, key, problem: 'lunchHalf' };
  const typed = [form.start, form.end, form.lunchStart, form.lunchEnd].filter(Boolean);
  if (!typed.every(isClock)) return { ok: false, key, problem: 'format' };
  const hours: DayHours = { start: form.start, end: form.end };
  if (form.lunchStart && form.lunchEnd) hours.lunch = { start: form.lunchStart, end: form.lunchEnd };
  return { ok: true, hours };
}

/**
 * The hours to save. Untouched hours are kept exactly as stored (an organisation that never set its
 * hours keeps the default ones); whether start < end and lunch inside the day is checked by the API.
 */
export function formToHours(form: HoursForm, saved: WeekHours): HoursResult {
  if (!hoursChanged(form, saved)) return { ok: true, hours: saved };
  const base = toDayHours(form.default, 'default');
  if (!base.ok) return base;
  const hours: WeekHours = { default: base.hours };
  for (const key of WORK_WEEKDAYS) {
    const day = form.days[key];
    if (!day) continue;
    const result = toDayHours(day, key);
    if (!result.ok) return result;
    hours[key] = result.hours;
  }
  return { ok: true, hours };
}

export function hoursChanged(form: HoursForm, saved: WeekHours): boolean {
  return JSON.stringify(form) !== JSON.stringify(hoursForm(saved));
}
