import { useTranslation } from 'react-i18next';
import { REVIEW_ACTION_NAMES, REVIEW_ACTION_TYPES } from '../../../../shared/review';
import type { SyncStatusView } from '../../../../shared/sync/status';
import { formatDateTime } from '../../lib/minsk-date';
import { routeHash } from '../../lib/router';

type Rejected = SyncStatusView['rejected'][number];

/** One row per refused command, in the order they were made. */
export function AttentionTable({ rows }: { rows: readonly Rejected[] }) {
  const { t } = useTranslation();
  const typeLabel = (r: Rejected) => {
    if (r.type === 'RegisterAppeal') return t('attention.types.registerAppeal');
    const action = REVIEW_ACTION_TYPES.find((a) => a === r.action);
    return action ? REVIEW_ACTION_NAMES[action] : r.type;
  };
  return (
    <table className="table attention-table">
      <thead>
        <tr>
          <th className="when">{t('attention.columns.at')}</th>
          <th className="what">{t('attention.columns.type')}</th>
          <th className="card-ref">{t('attention.columns.card')}</th>
          <th>{t('attention.columns.reason')}</th>
          <th className="reason-code">{t('attention.columns.code')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const number = r.regNumber ?? t('list.noNumber');
          return (
            <tr key={r.commandId} data-testid="attention-row" data-command-id={r.commandId} data-code={r.reason.code}>
              <td className="when">{formatDateTime(r.at)}</td>
              <td className="what">{typeLabel(r)}</td>
              <td className="card-ref">
                {r.appealId ? (
                  <a
                    href={routeHash({ screen: 'card', id: r.appealId })}
                    title={t('attention.openCard', { number })}
                    data-testid="attention-card-link"
                  >
                    {number}
                  </a>
                ) : (
                  <span className="muted">{r.regNumber ?? t('attention.noCard')}</span>
                )}
              </td>
              <td className="reason" data-testid="attention-reason">
                {r.reason.message || t('app.none')}
              </td>
              <td className="reason-code">
                <span className="code">{r.reason.code}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
