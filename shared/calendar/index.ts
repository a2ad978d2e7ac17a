export type { OrganisationException, WorkingCalendarOptions } from './calendar-options';
export { type CalendarSettings, calendarSettingsSchema } from './calendar-settings';
export { publicHoliday, publicHolidaysOf } from './holidays';
export {
  addDays,
  addMonthsClamped,
  daysBetween,
  formatRuDate,
  isLocalDate,
  isoWeekday,
  type LocalDate,
  weekdayName,
} from './local-date';
export {
  endOfMinskDay,
  formatMinsk,
  formatMinskRu,
  formatTimeOfDay,
  fromMinsk,
  HOUR_MS,
  MINSK_OFFSET_MINUTES,
  minskDateOf,
  minskDayStart,
  minskYear,
  parseInstant,
  toMinsk,
  toMinskIso,
} from './minsk-time';
export { orthodoxEaster, radunitsa } from './orthodox-easter';
export { BELARUS_TRANSFERS, type Transfer } from './transfers';
export { type CalendarDay, type DayStatus, NATIONAL_CALENDAR, WorkingCalendar } from './working-calendar';
export { type DayHours, DEFAULT_DAY_HOURS, type ResolvedHours, type WeekHours } from './working-hours';
