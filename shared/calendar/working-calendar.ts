import { AppError } from '../errors';
import {
  assertLocalDate,
  type OrganisationException,
  validateCalendarOptions,
  type WorkingCalendarOptions,
} from './calendar-options';
import { publicHoliday } from './holidays';
import { addDays, formatRuDate, isoWeekday, type LocalDate, weekdayName } from './local-date';
import { BELARUS_TRANSFERS, type Transfer } from './transfers';
import { type ResolvedHours, resolveHours, type WeekHours, weekdayHours } from './working-hours';

export interface DayStatus {
  working: boolean;
  /** Russian, for the clerk: «суббота», «Радуница», «перенос рабочего дня на …», … */
  reason: string;
}

export interface CalendarDay extends DayStatus {
  date: LocalDate;
  /** Working hours of the day, null on a day off. */
  hours: ResolvedHours | null;
}

/** No organisation closes for a year; beyond that a search for a working day is a data error. */
const SEARCH_LIMIT_DAYS = 366;
const ORDINARY_DAY = 'рабочий день';
const PRE_HOLIDAY = 'предпраздничный день, на 1 час короче (ст. 116 Трудового кодекса)';

function workingReason(reason: string, shortened: boolean): string {
  if (!shortened) return reason;
  return reason === ORDINARY_DAY
    ? `предпраздничный ${reason}, на 1 час короче (ст. 116 Трудового кодекса)`
    : `${reason}; ${PRE_HOLIDAY}`;
}

/**
 * The working calendar of one organisation: weekends and public holidays, the Council of Ministers'
 * transfers, the organisation's exceptions and hours (regulation 4.4). Precedence: organisation
 * exception → transfer → public holiday → weekend → ordinary working day.
 */
export class WorkingCalendar {
  private readonly week: WeekHours;
  private readonly daysOff = new Map<LocalDate, Transfer>();
  private readonly workdays = new Map<LocalDate, Transfer>();
  private readonly exceptions = new Map<LocalDate, OrganisationException>();

  constructor(options: WorkingCalendarOptions = {}) {
    validateCalendarOptions(options);
    this.week = options.hours ?? {};
    for (const t of [...BELARUS_TRANSFERS, ...(options.transfers ?? [])]) {
      this.daysOff.set(t.dayOff, t);
      this.workdays.set(t.workday, t);
    }
    for (const e of options.exceptions ?? []) this.exceptions.set(e.date, e);
  }

  day(date: LocalDate): CalendarDay {
    assertLocalDate(date);
    // Labour Code art. 116: the working day right before a public holiday is one hour shorter;
    // a holiday on Sunday shortens nothing, because the Saturday before it is not worked.
    const preHoliday = publicHoliday(addDays(date, 1)) !== undefined;
    const working = (reason: string, weekday: number, fixed?: OrganisationException): CalendarDay => {
      const hours = fixed?.hours
        ? resolveHours(fixed.hours, false)
        : resolveHours(weekdayHours(this.week, weekday), preHoliday);
      return { date, working: true, reason: workingReason(reason, hours.shortened), hours };
    };
    const off = (reason: string): CalendarDay => ({ date, working: false, reason, hours: null });

    const exception = this.exceptions.get(date);
    if (exception) {
      const reason = `исключение организации: ${exception.note}`;
      return exception.working ? working(reason, isoWeekday(date), exception) : off(reason);
    }
    const movedOff = this.daysOff.get(date);
    if (movedOff) return off(`перенос рабочего дня на ${formatRuDate(movedOff.workday)} (${movedOff.source})`);
    const movedIn = this.workdays.get(date);
    if (movedIn) {
      const what = isoWeekday(date) === 6 ? 'рабочая суббота' : 'рабочее воскресенье';
      // A worked Saturday follows the hours of the weekday it replaces.
      return working(`${what} вместо ${formatRuDate(movedIn.dayOff)} (${movedIn.source})`, isoWeekday(movedIn.dayOff));
    }
    const holiday = publicHoliday(date);
    if (holiday) return off(holiday);
    if (isoWeekday(date) >= 6) return off(weekdayName(date));
    return working(ORDINARY_DAY, isoWeekday(date));
  }

  isWorkingDay(date: LocalDate): DayStatus {
    const { working, reason } = this.day(date);
    return { working, reason };
  }

  workingHours(date: LocalDate): ResolvedHours | null {
    return this.day(date).hours;
  }

  /** `date` itself when it is a working day, otherwise the first working day after it. */
  firstWorkingDayFrom(date: LocalDate): LocalDate {
    assertLocalDate(date);
    for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++) {
      const candidate = addDays(date, i);
      if (this.day(candidate).working) return candidate;
    }
    throw new AppError(
      'BAD_INPUT',
      `В календаре организации нет рабочих дней в течение года после ${formatRuDate(date)}`,
    );
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    assertLocalDate(date);
    return this.firstWorkingDayFrom(addDays(date, 1));
  }

  /** The n-th working day after `date` (counting starts the next day); n = 0 gives `date`. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0)
      throw new AppError('BAD_INPUT', `Число рабочих дней должно быть целым и неотрицательным: ${n}`);
    assertLocalDate(date);
    let current = date;
    for (let i = 0; i < n; i++) current = this.nextWorkingDay(current);
    return current;
  }
}

/** The state calendar only (built-in transfers, default hours): for callers without organisation data. */
export const NATIONAL_CALENDAR = new WorkingCalendar();
