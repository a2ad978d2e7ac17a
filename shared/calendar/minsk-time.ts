import { addDays, type LocalDate, localDate, parseLocalDate } from './local-date';

/**
 * Europe/Minsk has been UTC+03:00 all year round since 2011 (no daylight saving time), so a fixed
 * offset is exact for every appeal the workstation handles and needs no time-zone database.
 */
export const MINSK_OFFSET_MINUTES = 180;
const OFFSET_MS = MINSK_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** An instant seen on a Minsk wall clock: the local day and milliseconds since its midnight. */
export interface MinskTime {
  date: LocalDate;
  msOfDay: number;
}

export function toMinsk(instant: Date): MinskTime {
  const shifted = instant.getTime() + OFFSET_MS;
  const d = new Date(shifted);
  const msOfDay = ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), msOfDay };
}

export function minskDateOf(instant: Date): LocalDate {
  return toMinsk(instant).date;
}

/** The instant at `msOfDay` milliseconds after Minsk midnight of `date`. */
export function fromMinsk(date: LocalDate, msOfDay: number): Date {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Invalid local date: ${date}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day) + msOfDay - OFFSET_MS);
}

/** 00:00 Minsk time of `date` (e.g. the lower bound of a date filter). */
export function minskDayStart(date: LocalDate): Date {
  return fromMinsk(date, 0);
}

/** The Minsk calendar year of an instant (registration numbers restart each year). */
export function minskYear(instant: Date): number {
  return Number(minskDateOf(instant).slice(0, 4));
}

/** 23:59:59.999 Minsk time of `date` — how every day-based deadline ends. */
export function endOfMinskDay(date: LocalDate): Date {
  return new Date(fromMinsk(addDays(date, 1), 0).getTime() - 1);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 'HH:MM' or 'HH:MM:SS' of milliseconds since midnight. */
export function formatTimeOfDay(msOfDay: number, withSeconds = false): string {
  const h = Math.floor(msOfDay / HOUR_MS);
  const m = Math.floor(msOfDay / 60_000) % 60;
  const s = Math.floor(msOfDay / 1000) % 60;
  return withSeconds ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
}

/** ISO 8601 with the Minsk offset: '2026-03-10T00:59:59.999+03:00'. */
export function formatMinsk(instant: Date): string {
  const { date, msOfDay } = toMinsk(instant);
  return `${date}T${formatTimeOfDay(msOfDay, true)}.${pad(msOfDay % 1000, 3)}+03:00`;
}

/** The name other modules already use for formatMinsk. */
export const toMinskIso = formatMinsk;

/** 'DD.MM.YYYY HH:MM' (with ':SS' when asked) in Minsk time, for Russian explanations. */
export function formatMinskRu(instant: Date, withSeconds = false): string {
  const { date, msOfDay } = toMinsk(instant);
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y} ${formatTimeOfDay(msOfDay, withSeconds)}`;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 date-time. Without an offset the text is read as Minsk wall-clock time.
 * Returns undefined for anything malformed or impossible (2026-02-30, 25:00, +15:00 …).
 */
export function parseInstant(text: string): Date | undefined {
  const m = INSTANT.exec(text.trim());
  if (!m?.[1] || !parseLocalDate(m[1])) return undefined;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const ms = Number((m[5] ?? '0').padEnd(3, '0'));
  if (h > 23 || min > 59 || s > 59) return undefined;
  let offsetMin = MINSK_OFFSET_MINUTES;
  const zone = m[6];
  if (zone === 'Z') offsetMin = 0;
  else if (zone) {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 14 || om > 59) return undefined;
    offsetMin = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const wall = fromMinsk(m[1], ((h * 60 + min) * 60 + s) * 1000 + ms).getTime() + OFFSET_MS;
  return new Date(wall - offsetMin * 60_000);
}
