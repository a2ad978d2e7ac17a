import { addDays, type CalendarSettings, isoWeekday, type LocalDate, publicHoliday } from '../../../../shared/calendar';
import { daysInMonth, localDate } from '../../../../shared/calendar/local-date';
import type { ChannelOutput } from '../../../../shared/contract';

export type CalendarYear = ChannelOutput<'calendar:get'>;
export type ServerDay = CalendarYear['days'][number];
export type OrgException = CalendarSettings['exceptions'][number];
export type OrgTransfer = CalendarSettings['transfers'][number];

export const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * How a day is drawn. Only the server says whether a day is working; the kind just tells the eye why
 * (a weekend, a public holiday, a weekday made a day off, a Saturday made working).
 */
export type DayKind = 'work' | 'weekend' | 'holiday' | 'moved-off' | 'extra-work';

export interface DayView {
  date: LocalDate;
  working: boolean;
  reason: string;
  kind: DayKind;
  /** The organisation has its own exception for the day (in the edited settings). */
  exception: boolean;
  /** The edited settings change this day's exception; the colours show the unsaved state when known. */
  pending: boolean;
}

export function dayKind(date: LocalDate, working: boolean): DayKind {
  const weekend = isoWeekday(date) >= 6;
  if (working) return weekend ? 'extra-work' : 'work';
  if (publicHoliday(date)) return 'holiday';
  return weekend ? 'weekend' : 'moved-off';
}

const sameException = (a: OrgException | undefined, b: OrgException | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function exceptionOn(settings: CalendarSettings, date: LocalDate): OrgException | undefined {
  return settings.exceptions.find((e) => e.date === date);
}

/**
 * The day as the server computed it with the saved settings, overlaid with an exception the
 * administrator added or changed but has not saved yet (an exception decides the day on its own).
 */
export function viewDay(
  day: ServerDay,
  saved: CalendarSettings,
  draft: CalendarSettings,
  pendingReason: (e: OrgException) => string,
): DayView {
  const before = exceptionOn(saved, day.date);
  const after = exceptionOn(draft, day.date);
  const pending = !sameException(before, after);
  const working = pending && after ? after.working : day.working;
  const reason = pending && after ? pendingReason(after) : day.reason;
  return { date: day.date, working, reason, kind: dayKind(day.date, working), exception: Boolean(after), pending };
}

/** The weeks of a month, Monday first; null pads the days of the neighbouring months. */
export function monthWeeks(year: number, month: number): (LocalDate | null)[][] {
  const first = localDate(year, month, 1);
  const cells: (LocalDate | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let d = 0; d < daysInMonth(year, month); d++) cells.push(addDays(first, d));
  while (cells.length % 7) cells.push(null);
  const weeks: (LocalDate | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function withException(settings: CalendarSettings, exception: OrgException): CalendarSettings {
  const others = settings.exceptions.filter((e) => e.date !== exception.date);
  return { ...settings, exceptions: [...others, exception].sort((a, b) => (a.date < b.date ? -1 : 1)) };
}

export function withoutException(settings: CalendarSettings, date: LocalDate): CalendarSettings {
  return { ...settings, exceptions: settings.exceptions.filter((e) => e.date !== date) };
}

export function withTransfer(settings: CalendarSettings, transfer: OrgTransfer): CalendarSettings {
  return { ...settings, transfers: [...settings.transfers, transfer] };
}

export function withoutTransfer(settings: CalendarSettings, index: number): CalendarSettings {
  return { ...settings, transfers: settings.transfers.filter((_, i) => i !== index) };
}

/** Exceptions and transfers differ (hours are compared by the hours form). */
export function rulesChanged(saved: CalendarSettings, draft: CalendarSettings): boolean {
  return (
    JSON.stringify(saved.exceptions) !== JSON.stringify(draft.exceptions) ||
    JSON.stringify(saved.transfers) !== JSON.stringify(draft.transfers)
  );
}
