import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { settings } from '../../../db/schema';
import { type CalendarSettings, calendarSettingsSchema, WorkingCalendar } from '../../../shared/calendar';

const KEY = 'calendar';
const cache = new WeakMap<Db, { raw: string; calendar: WorkingCalendar }>();

function storedValue(db: Db): string {
  const row = prepared(db, 'settings.calendar', () =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).prepare(),
  ).get();
  return row?.value ?? '{}';
}

export function readCalendarSettings(db: Db): CalendarSettings {
  return calendarSettingsSchema.parse(JSON.parse(storedValue(db)));
}

/**
 * The organisation's working calendar: the national one plus what the administrator stored. Built
 * once per stored version, so bulk registration does not rebuild it per card.
 */
export function organisationCalendar(db: Db): WorkingCalendar {
  const raw = storedValue(db);
  const hit = cache.get(db);
  if (hit && hit.raw === raw) return hit.calendar;
  const calendar = new WorkingCalendar(calendarSettingsSchema.parse(JSON.parse(raw)));
  cache.set(db, { raw, calendar });
  return calendar;
}

/** Validates (building the calendar throws a Russian BAD_INPUT on bad data) and stores the settings. */
export function writeCalendarSettings(db: Db, value: CalendarSettings, now: Date): void {
  new WorkingCalendar(value);
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key: KEY, value: json, updatedAt: now.getTime() })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now.getTime() } })
    .run();
}
