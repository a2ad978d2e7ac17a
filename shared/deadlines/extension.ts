import {
  addDays,
  daysBetween,
  formatMinskRu,
  formatRuDate,
  isLocalDate,
  type LocalDate,
  minskDateOf,
  NATIONAL_CALENDAR,
  type WorkingCalendar,
} from '../calendar';
import { AppError } from '../errors';
import { type Deadline, endOnWorkingDay } from './deadline';

/** Regulation 4.4: the clerk may set the review term up to 31 calendar days from registration. */
export const MAX_CLERK_TERM_DAYS = 31;

/**
 * A review term set by the clerk in the card (regulation 4.4): `until` may be at most 31 calendar
 * days after the registration day; a longer term needs a resolution with a new review term (and a
 * written notice to the applicant, Law 300-З art. 17). A non-working `until` moves to the first
 * following working day, as for any term (art. 17).
 */
export function extendedReviewDeadline(
  registeredAt: Date,
  until: LocalDate,
  calendar: WorkingCalendar = NATIONAL_CALENDAR,
): Deadline {
  if (!isLocalDate(until)) throw new AppError('BAD_INPUT', `Неверная дата срока «${until}»: ожидается ГГГГ-ММ-ДД`);
  const registered = minskDateOf(registeredAt);
  const days = daysBetween(registered, until);
  if (days < 1)
    throw new AppError(
      'BAD_INPUT',
      `Срок рассмотрения ${formatRuDate(until)} должен быть позже дня регистрации ${formatRuDate(registered)}`,
    );
  if (days > MAX_CLERK_TERM_DAYS) {
    const limit = formatRuDate(addDays(registered, MAX_CLERK_TERM_DAYS));
    throw new AppError(
      'BAD_INPUT',
      `Делопроизводитель может установить срок не более 31 календарного дня со дня регистрации (не позднее ${limit}); ` +
        'более длительный срок устанавливается только резолюцией с новым сроком рассмотрения',
    );
  }
  const end = endOnWorkingDay(until, calendar);
  const explanation =
    `Срок установлен делопроизводителем: ${days} календарн. дн. со дня регистрации ${formatRuDate(registered)} ` +
    `(не более 31, регламент, п. 4.4): ${end.note}. Срок рассмотрения — до ${formatMinskRu(end.deadline, true)}.`;
  return { deadline: end.deadline, day: end.day, explanation };
}
