import { useTranslation } from 'react-i18next';
import type { LocalDate } from '../../../../shared/calendar';
import { type DayView, MONTH_KEYS, monthWeeks, WEEKDAY_KEYS } from './calendar-model';

interface Props {
  year: number;
  month: number;
  days: ReadonlyMap<LocalDate, DayView>;
  today: LocalDate;
  /** Present for the administrator: a day is a button opening the day editor. */
  onPick?: (date: LocalDate) => void;
}

function dayClass(view: DayView | undefined, today: boolean): string {
  const classes = ['cal-day', `cal-${view?.kind ?? 'work'}`];
  if (view?.exception) classes.push('cal-exception');
  if (view?.pending) classes.push('cal-pending');
  if (today) classes.push('cal-today');
  return classes.join(' ');
}

/** One month, Monday to Sunday, each day coloured by the server's working / non-working status. */
export function MonthGrid({ year, month, days, today, onPick }: Props) {
  const { t } = useTranslation();
  const monthKey = MONTH_KEYS[month - 1] ?? 'jan';
  return (
    <table className="cal-month" data-testid="calendar-month" data-month={month}>
      <caption>{t(`calendar.months.${monthKey}`)}</caption>
      <thead>
        <tr>
          {WEEKDAY_KEYS.map((key) => (
            <th
              key={key}
              scope="col"
              abbr={t(`calendar.weekdays.${key}`)}
              className={key === 'sat' || key === 'sun' ? 'cal-we' : undefined}
            >
              {t(`calendar.weekdaysShort.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week) => (
          <tr key={week.find((d) => d !== null) ?? ''}>
            {week.map((date, i) => {
              if (!date) return <td key={`pad-${WEEKDAY_KEYS[i]}`} className="cal-pad" />;
              const view = days.get(date);
              const day = Number(date.slice(8));
              const title = view?.reason ?? '';
              return (
                <td
                  key={date}
                  className={dayClass(view, date === today)}
                  title={title}
                  data-testid="calendar-day"
                  data-date={date}
                  data-working={view ? String(view.working) : undefined}
                  data-kind={view?.kind}
                  data-exception={view?.exception ? 'true' : undefined}
                  aria-current={date === today ? 'date' : undefined}
                >
                  {onPick ? (
                    <button
                      type="button"
                      onClick={() => onPick(date)}
                      aria-label={`${day} ${t(`calendar.monthsGenitive.${monthKey}`)}: ${title}`}
                    >
                      {day}
                    </button>
                  ) : (
                    <span>{day}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
