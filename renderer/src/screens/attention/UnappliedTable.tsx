import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../../shared/sync/status';
import { CardRef } from './AttentionTable';
import { useAttentionActions } from './use-attention-actions';

type Unapplied = SyncStatusView['unapplied'][number];

/** Changes from the organisation's other workstations that this one could not apply, with the reason. */
export function UnappliedTable({ rows }: { rows: readonly Unapplied[] }) {
  const { t } = useTranslation();
  const { busy, canSettle, acknowledge } = useAttentionActions();
  return (
    <section className="attention-unapplied" aria-labelledby="unapplied-title" data-testid="unapplied-section">
      <h2 id="unapplied-title">{t('syncUi.unapplied.title')}</h2>
      <p className="muted">{t('syncUi.unapplied.explanation')}</p>
      <table className="table attention-table">
        <thead>
          <tr>
            <th className="what">{t('syncUi.unapplied.columns.what')}</th>
            <th className="card-ref">{t('syncUi.unapplied.columns.card')}</th>
            <th>{t('syncUi.unapplied.columns.reason')}</th>
            {canSettle && <th className="attention-actions">{t('syncUi.unapplied.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="unapplied-row" data-kind={r.kind}>
              <td className="what">{t(`syncUi.unapplied.${r.kind}`)}</td>
              <td className="card-ref">
                <CardRef appealId={r.appealId} regNumber={r.regNumber} />
              </td>
              <td className="reason">{r.message || t('app.none')}</td>
              {canSettle && (
                <td className="attention-actions">
                  <button
                    type="button"
                    disabled={busy !== null}
                    title={t('syncUi.unapplied.acknowledgeTitle')}
                    onClick={() => void acknowledge(r.key)}
                    data-testid="unapplied-acknowledge"
                  >
                    {t('syncUi.unapplied.acknowledge')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
