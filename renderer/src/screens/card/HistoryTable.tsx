import { useTranslation } from 'react-i18next';
import { fieldLabel, type HistoryEntry } from '../../../../shared/appeals';
import type { Messages } from '../../i18n/ru';
import { formatDateTime } from '../../lib/minsk-date';

type HistoryField = keyof Messages['card']['historyFields'];
const HISTORY_FIELDS: readonly HistoryField[] = ['status', 'regNumber', 'deadlineAt', 'version'];
const isHistoryField = (field: string): field is HistoryField => HISTORY_FIELDS.some((f) => f === field);

/** Who did what and when, oldest first as the regulation's history reads. */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  const label = (field: string) => (isHistoryField(field) ? t(`card.historyFields.${field}`) : fieldLabel(field));
  return (
    <section className="card-block">
      <h2>{t('card.sections.history')}</h2>
      {history.length === 0 ? (
        <div className="muted">{t('card.history.empty')}</div>
      ) : (
        <table className="table history-table">
          <thead>
            <tr>
              <th className="when">{t('card.history.when')}</th>
              <th className="who">{t('card.history.who')}</th>
              <th>{t('card.history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={`${h.at}-${h.action}-${h.text}`} data-testid="history-row" data-action={h.action}>
                <td className="when">{formatDateTime(h.at)}</td>
                <td className="who">{h.user}</td>
                <td>
                  <div>{h.text}</div>
                  {h.changes.length > 0 && (
                    <ul className="changes">
                      {h.changes.map((c) => (
                        <li key={c.field}>
                          <span className="change-field">{label(c.field)}:</span>{' '}
                          <span className="change-from">{c.from || '—'}</span> →{' '}
                          <span className="change-to">{c.to || '—'}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
