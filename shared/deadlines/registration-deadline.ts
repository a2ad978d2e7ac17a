import {
  endOfMinskDay,
  formatMinskRu,
  formatRuDate,
  formatTimeOfDay,
  HOUR_MS,
  NATIONAL_CALENDAR,
  toMinsk,
  type WorkingCalendar,
  weekdayName,
} from '../calendar';
import type { Deadline } from './deadline';

const MINUTE_MS = 60_000;

const clock = (msOfDay: number): string => formatTimeOfDay(msOfDay, msOfDay % MINUTE_MS !== 0);

/**
 * Registration deadline, regulation 4.4 ("Крайняя дата регистрации обращения…"): receipt time plus
 * one hour; if that time of day is within the working day of a working day — up to its end, and,
 * per the regulation's own parenthesis, also when it is before the start — the deadline is that
 * day 23:59:59.999; otherwise the next working day 23:59:59.999. Then one hour of grace is added
 * "so that the registrars have time to decide and register". Organisation exceptions and the
 * pre-holiday short day (Labour Code art. 116) are taken into account through the calendar.
 */
export function registrationDeadline(receivedAt: Date, calendar: WorkingCalendar = NATIONAL_CALENDAR): Deadline {
  const { date, msOfDay } = toMinsk(receivedAt);
  const plusHour = msOfDay + HOUR_MS;
  const today = calendar.day(date);
  const received = `Поступило ${formatRuDate(date)} в ${clock(msOfDay)} (${weekdayName(date)})`;

  let why: string;
  let day = date;
  if (!today.hours) {
    why = `нерабочий день (${today.reason})`;
    day = calendar.nextWorkingDay(date);
  } else {
    const sum = `${clock(msOfDay)} + 1 ч = ${clock(plusHour % (24 * HOUR_MS))}`;
    const span = `${today.hours.start}–${today.hours.end}`;
    if (plusHour <= today.hours.endMinute * MINUTE_MS) {
      const where = plusHour < today.hours.startMinute * MINUTE_MS ? 'до начала' : 'в пределах';
      why = `${sum} — ${where} рабочего дня ${span}`;
    } else {
      why = `${sum} — после окончания рабочего дня ${span}`;
      day = calendar.nextWorkingDay(date);
    }
  }
  const deadline = new Date(endOfMinskDay(day).getTime() + HOUR_MS);
  const when = day === date ? 'в день поступления' : `не позднее следующего рабочего дня`;
  const explanation =
    `${received}; ${why}. Зарегистрировать ${when}: ${formatRuDate(day)} (${weekdayName(day)}) до 23:59:59, ` +
    `плюс 1 час на регистрацию — до ${formatMinskRu(deadline, true)} (регламент, п. 4.4).`;
  return { deadline, day, explanation };
}
