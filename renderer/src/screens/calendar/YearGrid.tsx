import type { LocalDate } from '../../../../shared/calendar';
import type { DayView } from './calendar-model';
import { MonthGrid } from './MonthGrid';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The twelve months of a year. */
export function YearGrid(props: {
  year: number;
  days: ReadonlyMap<LocalDate, DayView>;
  today: LocalDate;
  onPick?: (date: LocalDate) => void;
}) {
  return (
    <div className="cal-year" data-testid="calendar-grid" data-year={props.year}>
      {MONTHS.map((month) => (
        <MonthGrid
          key={month}
          year={props.year}
          month={month}
          days={props.days}
          today={props.today}
          onPick={props.onPick}
        />
      ))}
    </div>
  );
}
