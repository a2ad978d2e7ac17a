import { useTranslation } from 'react-i18next';

const ITEMS = [
  { key: 'work', className: 'cal-work' },
  { key: 'weekend', className: 'cal-weekend' },
  { key: 'holiday', className: 'cal-holiday' },
  { key: 'movedOff', className: 'cal-moved-off' },
  { key: 'extraWork', className: 'cal-extra-work' },
  { key: 'exception', className: 'cal-work cal-exception' },
  { key: 'today', className: 'cal-work cal-today' },
  { key: 'pending', className: 'cal-work cal-pending' },
] as const;

/** What the colours and marks of the year view mean. */
export function CalendarLegend({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="cal-legend" aria-label={t('calendar.legend.label')}>
      {ITEMS.filter((item) => editable || item.key !== 'pending').map((item) => (
        <li key={item.key}>
          <span className={`cal-swatch cal-day ${item.className}`} aria-hidden="true">
            <span>1</span>
          </span>
          {t(`calendar.legend.${item.key}`)}
        </li>
      ))}
    </ul>
  );
}
