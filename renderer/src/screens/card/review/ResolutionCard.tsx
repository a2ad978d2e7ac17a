import { useTranslation } from 'react-i18next';
import type { ResolutionView } from '../../../../../shared/review/view';
import { formatDateTime } from '../../../lib/minsk-date';
import { ActionButtons } from './ActionButtons';
import { resolutionActions } from './allowed-actions';
import { FileLinks } from './FileLinks';
import { useReview } from './review-context';
import { TaskTable } from './TaskTable';

function SummaryBlock({ resolution }: { resolution: ResolutionView }) {
  const { t } = useTranslation();
  const { summary, signedBy, signedAt } = resolution;
  return (
    <div className="review-summary" data-testid="review-summary" data-signed={signedBy ? 'true' : 'false'}>
      <div className="review-subhead">{t('review.resolutions.summary')}</div>
      {summary ? (
        <>
          <div className="long-text" data-testid="review-summary-text">
            {summary.text}
          </div>
          <div className="muted small">
            {t('review.resolutions.summaryBy', { name: summary.by.name, date: formatDateTime(summary.at) })}
          </div>
          <FileLinks files={summary.files} />
          {summary.returnReason && !signedBy && (
            <div className="reject-reason" data-testid="review-summary-returned">
              {t('review.resolutions.returned', { reason: summary.returnReason })}
            </div>
          )}
        </>
      ) : (
        <div className="muted">{t('review.resolutions.noSummary')}</div>
      )}
      <div className="review-signature" data-testid="review-signature">
        {signedBy && signedAt ? (
          <strong>{t('review.resolutions.signed', { name: signedBy.name, date: formatDateTime(signedAt) })}</strong>
        ) : (
          <span className="muted">{t('review.resolutions.notSigned')}</span>
        )}
      </div>
    </div>
  );
}

/** One resolution: its text and author, the executors with their results, the summary and its signature. */
export function ResolutionCard({ resolution }: { resolution: ResolutionView }) {
  const { t } = useTranslation();
  const { view } = useReview();
  return (
    <article
      className={`review-resolution resolution-${resolution.state}`}
      data-testid="review-resolution"
      data-id={resolution.id}
      data-state={resolution.state}
    >
      <header className="review-resolution-head">
        <strong>{t('review.resolutions.heading', { date: formatDateTime(resolution.createdAt) })}</strong>
        <span className="muted">
          {t('review.resolutions.author')}: {resolution.author.name}
        </span>
        <span className={`resolution-state resolution-state-${resolution.state}`} data-testid="review-resolution-state">
          {t(`review.resolutionState.${resolution.state}`)}
        </span>
      </header>
      <div className="long-text review-resolution-text" data-testid="review-resolution-text">
        {resolution.text}
      </div>
      <FileLinks files={resolution.files} />
      <TaskTable resolution={resolution} />
      <SummaryBlock resolution={resolution} />
      <ActionButtons actions={resolutionActions(view.allowed, resolution.id)} />
    </article>
  );
}
