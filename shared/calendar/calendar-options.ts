import { AppError } from '../errors';
import { isLocalDate, isoWeekday, type LocalDate } from './local-date';
import type { Transfer } from './transfers';
import { type DayHours, dayHoursProblem, type WeekHours } from './working-hours';

/**
 * A date the organisation itself declares working or not (regulation 4.4: "исключения из правил
 * фиксируются в системе"), e.g. a sanitary day or a duty Saturday. Overrides everything else.
 */
export interface OrganisationException {
  date: LocalDate;
  working: boolean;
  /** Hours of that day when it is working; otherwise the usual hours of its weekday. */
  hours?: DayHours;
  note: string;
}

export interface WorkingCalendarOptions {
  /** Organisation working hours; default Mon–Fri 09:00–18:00 without a lunch break. */
  hours?: WeekHours;
  /** Transfers in addition to the built-in BELARUS_TRANSFERS (a later entry for a date wins). */
  transfers?: readonly Transfer[];
  exceptions?: readonly OrganisationException[];
}

function bad(message: string): AppError {
  return new AppError('BAD_INPUT', `Календарь организации: ${message}`);
}

export function assertLocalDate(date: string): void {
  if (!isLocalDate(date)) throw new AppError('BAD_INPUT', `Неверная дата «${date}»: ожидается ГГГГ-ММ-ДД`);
}

function checkHours(hours: DayHours, where: string): void {
  const problem = dayHoursProblem(hours);
  if (problem) throw bad(`${where}: ${problem}`);
}

/** Throws AppError('BAD_INPUT') with a Russian message for the administrator on bad calendar data. */
export function validateCalendarOptions(options: WorkingCalendarOptions): void {
  for (const [day, hours] of Object.entries(options.hours ?? {})) checkHours(hours, `часы работы (${day})`);
  for (const t of options.transfers ?? []) {
    if (!isLocalDate(t.dayOff) || !isLocalDate(t.workday))
      throw bad(`неверная дата переноса ${t.dayOff} → ${t.workday}`);
    if (isoWeekday(t.dayOff) > 5) throw bad(`переносимый день ${t.dayOff} должен быть будним`);
    if (isoWeekday(t.workday) < 6)
      throw bad(`рабочий день по переносу ${t.workday} должен быть субботой или воскресеньем`);
  }
  for (const e of options.exceptions ?? []) {
    if (!isLocalDate(e.date)) throw bad(`неверная дата исключения «${e.date}»`);
    if (e.hours) checkHours(e.hours, `исключение ${e.date}`);
  }
}
