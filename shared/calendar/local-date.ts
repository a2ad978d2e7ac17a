/**
 * Local calendar days ('YYYY-MM-DD' strings). Arithmetic goes through Date.UTC so that no host
 * time zone is ever involved; such strings also compare correctly with < and >.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const WEEKDAY_NAMES = [
  'понедельник',
  'вторник',
  'среда',
  'четверг',
  'пятница',
  'суббота',
  'воскресенье',
] as const;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a valid 'YYYY-MM-DD' (years from 1900), or undefined (wrong shape, 2026-02-30 …). */
export function parseLocalDate(text: string): DateParts | undefined {
  const m = LOCAL_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLocalDate(text: string): boolean {
  return parseLocalDate(text) !== undefined;
}

function partsOf(date: LocalDate): DateParts {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Invalid local date: ${date}`);
  return parts;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 (UTC day number) — the bridge for arithmetic. */
export function dayNumber(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * DAY_MS);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  const sundayZero = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[isoWeekday(date) - 1] ?? '';
}

/**
 * Adds calendar months keeping the day number; when the target month has no such day, the last
 * day of that month (Law 300-З art. 17 p. 1 rule for month terms).
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return localDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** 'DD.MM.YYYY' — how a clerk reads a date. */
export function formatRuDate(date: LocalDate): string {
  const { year, month, day } = partsOf(date);
  return `${pad(day)}.${pad(month)}.${pad(year, 4)}`;
}
