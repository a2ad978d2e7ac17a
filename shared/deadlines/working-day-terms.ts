import {
  daysBetween,
  endOfMinskDay,
  formatMinskRu,
  formatRuDate,
  minskDateOf,
  NATIONAL_CALENDAR,
  type WorkingCalendar,
} from '../calendar';
import { type Deadline, LAW_300 } from './deadline';

/** Law 300-З art. 10 p. 3 (redirect by competence) and art. 15 (notice of leaving without consideration). */
export const NOTICE_WORKING_DAYS = 5;

function workingDaysTerm(registeredAt: Date, calendar: WorkingCalendar, what: string, article: string): Deadline {
  const registered = minskDateOf(registeredAt);
  const days: string[] = [];
  let day = registered;
  for (let i = 0; i < NOTICE_WORKING_DAYS; i++) {
    day = calendar.nextWorkingDay(day);
    days.push(formatRuDate(day).slice(0, 5));
  }
  const deadline = endOfMinskDay(day);
  const skipped = daysBetween(registered, day) - NOTICE_WORKING_DAYS;
  const note = skipped > 0 ? `, нерабочих дней пропущено: ${skipped}` : '';
  const explanation =
    `${what}: ${NOTICE_WORKING_DAYS} рабочих дней со дня, следующего за регистрацией ${formatRuDate(registered)} ` +
    `(${article} ${LAW_300}) — ${days.join(', ')}${note}. Срок — до ${formatMinskRu(deadline, true)}.`;
  return { deadline, day, explanation };
}

/** Redirect by competence: within 5 working days, notifying the applicant (Law 300-З art. 10 p. 3). */
export function redirectDeadline(registeredAt: Date, calendar: WorkingCalendar = NATIONAL_CALENDAR): Deadline {
  return workingDaysTerm(
    registeredAt,
    calendar,
    'Перенаправление по компетенции с уведомлением заявителя',
    'ст. 10 п. 3',
  );
}

/** Leaving without consideration on the merits: the applicant is told within 5 working days (art. 15). */
export function leaveWithoutConsiderationNoticeDeadline(
  registeredAt: Date,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): Deadline {
  return workingDaysTerm(registeredAt, calendar, 'Уведомление об оставлении без рассмотрения по существу', 'ст. 15');
}
