import type { Db } from '../../../db/open';
import { type CalendarSettings, calendarSettingsSchema, WorkingCalendar } from '../../../shared/calendar';
import { readSettingText, writeSetting } from '../settings-store';

const KEY = 'calendar';
const cache = new WeakMap<Db, { raw: string; calendar: WorkingCalendar }>();

function storedValue(db: Db): string {
  return readSettingText(db, KEY) ?? '{}';
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
  writeSetting(db, KEY, value, now);
}
