import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_ACTION_NAMES, REVIEW_ACTION_TYPES } from '../../../../shared/review';
import type { SyncStatusView } from '../../../../shared/sync/status';
import { formatDateTime } from '../../lib/minsk-date';
import { routeHash } from '../../lib/router';
import { DiscardDialog } from './DiscardDialog';
import { useAttentionActions } from './use-attention-actions';

type Rejected = SyncStatusView['rejected'][number];

/** The card a row is about: a link when the workstation holds it. */
export function CardRef(props: { appealId: string | null; regNumber: string | null }) {
  const { t } = useTranslation();
  const number = props.regNumber ?? t('list.noNumber');
  return props.appealId ? (
    <a
      href={routeHash({ screen: 'card', id: props.appealId })}
      title={t('attention.openCard', { number })}
      data-testid="attention-card-link"
    >
      {number}
    </a>
  ) : (
    <span className="muted">{props.regNumber ?? t('attention.noCard')}</span>
  );
}

/**
 * One row per refused command, in the order they were made, each with what the clerk may do:
 * re-send it (a new command, the card as it is now) or discard it after confirmation.
 */
export function AttentionTable({ rows }: { rows: readonly Rejected[] }) {
  const { t } = useTranslation();
  const { busy, canSettle, resend, discard } = useAttentionActions();
  const [confirming, setConfirming] = useState<Rejected | null>(null);
  const typeLabel = (r: Rejected) => {
    if (r.type === 'RegisterAppeal') return t('attention.types.registerAppeal');
    const action = REVIEW_ACTION_TYPES.find((a) => a === r.action);
    return action ? REVIEW_ACTION_NAMES[action] : r.type;
  };
  return (
    <>
      <table className="table attention-table">
        <thead>
          <tr>
            <th className="when">{t('attention.columns.at')}</th>
            <th className="what">{t('attention.columns.type')}</th>
            <th className="card-ref">{t('attention.columns.card')}</th>
            <th>{t('attention.columns.reason')}</th>
            <th className="reason-code">{t('attention.columns.code')}</th>
            {canSettle && <th className="attention-actions">{t('syncUi.actions.column')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.commandId} data-testid="attention-row" data-command-id={r.commandId} data-code={r.reason.code}>
              <td className="when">{formatDateTime(r.at)}</td>
              <td className="what">{typeLabel(r)}</td>
              <td className="card-ref">
                <CardRef appealId={r.appealId} regNumber={r.regNumber} />
              </td>
              <td className="reason" data-testid="attention-reason">
                {r.reason.message || t('app.none')}
              </td>
              <td className="reason-code">
                <span className="code">{r.reason.code}</span>
              </td>
              {canSettle && (
                <td className="attention-actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={busy !== null}
                    aria-busy={busy === r.commandId}
                    title={t('syncUi.actions.resendTitle')}
                    onClick={() => void resend(r.commandId)}
                    data-testid="attention-resend"
                  >
                    {t('syncUi.actions.resend')}
                  </button>
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => setConfirming(r)}
                    data-testid="attention-discard"
                  >
                    {t('syncUi.actions.discard')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <DiscardDialog
          what={typeLabel(confirming)}
          number={confirming.regNumber ?? t('list.noNumber')}
          busy={busy !== null}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void discard(confirming.commandId).then(() => setConfirming(null))}
        />
      )}
    </>
  );
}
