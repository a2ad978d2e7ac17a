import {
  addDays,
  addMonthsClamped,
  formatMinskRu,
  formatRuDate,
  minskDateOf,
  NATIONAL_CALENDAR,
  type WorkingCalendar,
} from '../calendar';
import { RU_MONTHS } from '../calendar/month-names';
import { type Deadline, endOnWorkingDay, LAW_300 } from './deadline';

/**
 * Review terms of Law 300-З art. 17: '15d' — written and electronic appeals, 15 calendar days;
 * '1m' — appeals needing additional study and checking, one month.
 */
export const REVIEW_TERMS = ['15d', '1m'] as const;
export type ReviewTerm = (typeof REVIEW_TERMS)[number];

export function isReviewTerm(text: string): text is ReviewTerm {
  return (REVIEW_TERMS as readonly string[]).includes(text);
}

/**
 * Review deadline (Law 300-З art. 17; regulation 4.4 "начиная со дня, следующего за датой
 * регистрации"). Calendar days/months run from the day after registration, so a 15-day term ends
 * on registration day + 15; a month term ends on the same date of the next month, or on that
 * month's last day when it has no such date; a non-working last day moves the end to the first
 * following working day. The deadline is 23:59:59.999 Minsk time of that day.
 */
export function reviewDeadline(
  registeredAt: Date,
  term: ReviewTerm,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): Deadline {
  const registered = minskDateOf(registeredAt);
  let lastDay: string;
  let counted = '15 календарных дней';
  let monthNote = '';
  if (term === '15d') {
    lastDay = addDays(registered, 15);
  } else {
    lastDay = addMonthsClamped(registered, 1);
    counted = '1 месяц';
    if (lastDay.slice(8) !== registered.slice(8)) {
      const month = RU_MONTHS.prep[Number(lastDay.slice(5, 7)) - 1] ?? '';
      monthNote = `в ${month} нет ${Number(registered.slice(8))}-го числа, срок истекает в последний день месяца; `;
    }
  }
  const end = endOnWorkingDay(lastDay, calendar);
  const explanation =
    `${counted} со дня, следующего за регистрацией ${formatRuDate(registered)} (ст. 17 ${LAW_300}): ` +
    `${monthNote}${end.note}. Срок рассмотрения — до ${formatMinskRu(end.deadline, true)}.`;
  return { deadline: end.deadline, day: end.day, explanation };
}
