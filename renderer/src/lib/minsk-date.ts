/**
 * Dates as the clerk reads them: Minsk wall-clock time (UTC+03:00 all year since 2011, no DST),
 * whatever time zone the workstation's OS is set to.
 */
const OFFSET_MS = 3 * 3_600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: Date): WallClock {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** '05.03.2026' */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  const w = wallClock(d);
  return `${pad(w.day)}.${pad(w.month)}.${w.year}`;
}

/** '05.03.2026 14:07' */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  const w = wallClock(d);
  return `${pad(w.day)}.${pad(w.month)}.${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** '14:07', or '05.03.2026 14:07' when the instant is not on today's Minsk date. */
export function formatTimeOrDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return '';
  const w = wallClock(d);
  const today = wallClock(now);
  const sameDay = w.year === today.year && w.month === today.month && w.day === today.day;
  return sameDay ? `${pad(w.hour)}:${pad(w.minute)}` : formatDateTime(iso);
}

/** Value for `<input type="datetime-local">` in Minsk time: '2026-03-05T14:07'. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  const w = wallClock(d);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export function nowLocalInput(now: Date = new Date()): string {
  return toLocalInput(now.toISOString());
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** '2026-03-05T14:07' (Minsk) → '2026-03-05T14:07:00+03:00'; null when empty or malformed. */
export function localInputToIso(value: string): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}+03:00`;
  return parse(iso) ? iso : null;
}

/** Whether an instant is before now. */
export function isPast(iso: string | null | undefined, now: Date = new Date()): boolean {
  const d = parse(iso);
  return d !== null && d.getTime() < now.getTime();
}

/** Value for `<input type="date">`: the Minsk calendar date of an instant, '2026-03-05'; '' when empty. */
export function toDateInput(iso: string | null | undefined): string {
  return toLocalInput(iso).slice(0, 10);
}

/** '2026-03-05' (a calendar date, no time zone) → '05.03.2026'. */
export function formatLocalDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}
