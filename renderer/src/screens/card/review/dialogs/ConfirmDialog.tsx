import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { formatDate } from '../../../../lib/minsk-date';
import { FileLinks } from '../FileLinks';
import { useReview } from '../review-context';
import { DialogForm } from './DialogForm';

/** Accepting an executor's result and approving a draft resolution: the user sees what they confirm, then confirms. */
export function ConfirmDialog({ target }: { target: AllowedAction & { type: 'acceptResult' | 'approveResolution' } }) {
  const { t } = useTranslation();
  const { view } = useReview();
  const resolution = view.resolutions.find((r) => r.id === target.resolutionId);
  const resolutionId = target.resolutionId ?? '';

  if (target.type === 'acceptResult') {
    const task = resolution?.tasks.find((x) => x.executor.id === target.executorId);
    return (
      <DialogForm
        target={target}
        build={() => ({ action: { type: 'acceptResult', resolutionId, executorId: target.executorId ?? '' } })}
      >
        <p>{t('review.form.acceptConfirm', { name: task?.executor.name ?? '' })}</p>
        {task && (
          <div className="dialog-subject" data-testid="review-dialog-subject">
            <div className="long-text">{task.resultText}</div>
            <FileLinks files={task.files} />
          </div>
        )}
      </DialogForm>
    );
  }
  return (
    <DialogForm target={target} build={() => ({ action: { type: 'approveResolution', resolutionId } })}>
      {resolution && (
        <div className="dialog-subject" data-testid="review-dialog-subject">
          <div className="long-text">{resolution.text}</div>
          <div className="muted small">
            {resolution.tasks.map((task) => `${task.executor.name} — ${formatDate(task.dueAt)}`).join('; ')}
          </div>
        </div>
      )}
      <p>{t('review.form.approveConfirm')}</p>
    </DialogForm>
  );
}
