import { endOfMinskDay, formatRuDate, type LocalDate, type WorkingCalendar } from '../calendar';

/** A computed deadline: the instant it expires and a Russian explanation for the clerk. */
export interface Deadline {
  deadline: Date;
  /** The Minsk calendar day the term ends on (after any move to a working day). */
  day: LocalDate;
  explanation: string;
}

export const LAW_300 = 'Закона № 300-З';

/**
 * Law 300-З art. 17: if the last day of a term is a non-working day, the term ends on the first
 * following working day; a day-based term ends at 23:59:59.999 Minsk time of that day.
 * Returns the deadline and the sentence about the last day ("… — нерабочий день (…), перенос на …").
 */
export function endOnWorkingDay(
  lastDay: LocalDate,
  calendar: WorkingCalendar,
): { day: LocalDate; deadline: Date; note: string } {
  const status = calendar.isWorkingDay(lastDay);
  if (status.working)
    return { day: lastDay, deadline: endOfMinskDay(lastDay), note: `последний день ${formatRuDate(lastDay)}` };
  const day = calendar.nextWorkingDay(lastDay);
  const note = `последний день ${formatRuDate(lastDay)} — нерабочий день (${status.reason}), перенос на первый следующий рабочий день ${formatRuDate(day)}`;
  return { day, deadline: endOfMinskDay(day), note };
}
