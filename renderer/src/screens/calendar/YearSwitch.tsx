import { useTranslation } from 'react-i18next';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** ‹ 2026 › */
export function YearSwitch({ year, onChange }: { year: number; onChange(year: number): void }) {
  const { t } = useTranslation();
  return (
    <div className="cal-year-switch">
      <button
        type="button"
        onClick={() => onChange(year - 1)}
        disabled={year <= MIN_YEAR}
        aria-label={t('calendar.prevYear')}
        title={t('calendar.prevYear')}
        data-testid="calendar-prev-year"
      >
        ‹
      </button>
      <span className="cal-year-label" data-testid="calendar-year" aria-live="polite">
        {year}
      </span>
      <button
        type="button"
        onClick={() => onChange(year + 1)}
        disabled={year >= MAX_YEAR}
        aria-label={t('calendar.nextYear')}
        title={t('calendar.nextYear')}
        data-testid="calendar-next-year"
      >
        ›
      </button>
    </div>
  );
}
