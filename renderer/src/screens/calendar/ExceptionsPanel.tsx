import { useTranslation } from 'react-i18next';
import { formatRuDate, type LocalDate } from '../../../../shared/calendar';
import { ActionLinks } from '../../components/ActionLinks';
import type { OrgException } from './calendar-model';

interface Props {
  year: number;
  exceptions: readonly OrgException[];
  onEdit(date: LocalDate): void;
  onRemove(date: LocalDate): void;
  readOnly: boolean;
}

/** The organisation's own working and non-working days of the year on screen. */
export function ExceptionsPanel({ year, exceptions, onEdit, onRemove, readOnly }: Props) {
  const { t } = useTranslation();
  const ofYear = exceptions.filter((e) => e.date.startsWith(`${year}-`));
  return (
    <section className="card-block cal-panel" data-testid="calendar-exceptions" aria-labelledby="cal-exceptions-title">
      <h2 id="cal-exceptions-title">{t('calendar.exceptions.title', { year: String(year) })}</h2>
      <table className="table cal-exceptions">
        <thead>
          <tr>
            <th scope="col">{t('calendar.exceptions.date')}</th>
            <th scope="col">{t('calendar.exceptions.kind')}</th>
            <th scope="col">{t('calendar.exceptions.note')}</th>
            <th scope="col" className="actions" aria-label={t('calendar.transfers.actions')} />
          </tr>
        </thead>
        <tbody>
          {ofYear.map((e) => (
            <tr key={e.date} data-testid="calendar-exception-row" data-date={e.date}>
              <td className="nums">{formatRuDate(e.date)}</td>
              <td>
                {e.working ? t('calendar.exceptions.working') : t('calendar.exceptions.off')}
                {e.hours && <span className="muted"> {`${e.hours.start}–${e.hours.end}`}</span>}
              </td>
              <td>{e.note}</td>
              <td className="actions">
                {!readOnly && (
                  <ActionLinks
                    actions={[
                      { label: t('calendar.exceptions.edit'), onClick: () => onEdit(e.date) },
                      { label: t('calendar.exceptions.remove'), onClick: () => onRemove(e.date) },
                    ]}
                  />
                )}
              </td>
            </tr>
          ))}
          {ofYear.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('calendar.exceptions.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
