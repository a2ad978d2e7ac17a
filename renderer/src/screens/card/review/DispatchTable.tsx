import { useTranslation } from 'react-i18next';
import type { DispatchView } from '../../../../../shared/review/view';
import { formatDate, formatDateTime } from '../../../lib/minsk-date';
import { ActionButtons } from './ActionButtons';
import { FileLinks } from './FileLinks';
import { useReview } from './review-context';

function DispatchTerms({ d }: { d: DispatchView }) {
  const { t } = useTranslation();
  const parts = [
    d.answerForm ? t(`enums.answerForm.${d.answerForm === 'post' ? 'post' : 'electronic'}`) : '',
    d.topicCodes.length > 0 ? t('review.dispatches.questions', { codes: d.topicCodes.join(', ') }) : '',
    d.dueAt ? t('review.dispatches.due', { date: formatDate(d.dueAt) }) : '',
    d.onControl ? t('review.dispatches.onControl') : '',
  ].filter(Boolean);
  return parts.length > 0 ? <div className="muted small">{parts.join('; ')}</div> : null;
}

/** The appeal's outgoing correspondence: answers, messages and notices to the applicant, letters to organisations. */
export function DispatchTable({ dispatches }: { dispatches: readonly DispatchView[] }) {
  const { t } = useTranslation();
  const { view } = useReview();
  if (dispatches.length === 0) return <div className="muted">{t('review.dispatches.none')}</div>;
  return (
    <table className="table review-dispatches">
      <thead>
        <tr>
          <th className="when">{t('review.dispatches.when')}</th>
          <th className="kind">{t('review.dispatches.kind')}</th>
          <th className="to">{t('review.dispatches.to')}</th>
          <th>{t('review.dispatches.text')}</th>
          <th className="by">{t('review.dispatches.by')}</th>
        </tr>
      </thead>
      <tbody>
        {dispatches.map((d) => (
          <tr key={d.id} data-testid="review-dispatch" data-kind={d.kind} data-on-control={d.onControl}>
            <td className="when">{formatDateTime(d.at)}</td>
            <td className="kind">{t(`review.dispatchKind.${d.kind}`)}</td>
            <td className="to">{d.organisation?.name ?? t('review.dispatches.applicant')}</td>
            <td>
              <div className="long-text">{d.text}</div>
              <DispatchTerms d={d} />
              <FileLinks files={d.files} />
              <ActionButtons actions={view.allowed.filter((a) => a.dispatchId === d.id)} small />
            </td>
            <td className="by">{d.by.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
