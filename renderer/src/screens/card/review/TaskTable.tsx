import { useTranslation } from 'react-i18next';
import type { ResolutionView } from '../../../../../shared/review/view';
import { formatDate, formatDateTime } from '../../../lib/minsk-date';
import { ActionButtons } from './ActionButtons';
import { taskActions } from './allowed-actions';
import { FileLinks } from './FileLinks';
import { useReview } from './review-context';

/** The executors of a resolution: due date, state, result with files, the reason a result was rejected. */
export function TaskTable({ resolution }: { resolution: ResolutionView }) {
  const { t } = useTranslation();
  const { view } = useReview();
  return (
    <table className="table review-tasks">
      <thead>
        <tr>
          <th className="executor">{t('review.resolutions.executor')}</th>
          <th className="due">{t('review.resolutions.due')}</th>
          <th className="state">{t('review.resolutions.state')}</th>
          <th>{t('review.resolutions.result')}</th>
        </tr>
      </thead>
      <tbody>
        {resolution.tasks.map((task) => (
          <tr
            key={task.executor.id}
            data-testid="review-task"
            data-executor-id={task.executor.id}
            data-state={task.state}
            data-responsible={task.responsible ? 'true' : 'false'}
          >
            <td className="executor">
              <div>{task.executor.name}</div>
              {task.responsible && <span className="responsible-mark">{t('review.resolutions.responsible')}</span>}
            </td>
            <td className="due">{formatDate(task.dueAt)}</td>
            <td className="state">
              <span className={`task-state task-${task.state}`} data-testid="review-task-state">
                {t(`review.taskState.${task.state}`)}
              </span>
            </td>
            <td>
              {task.resultText ? (
                <div data-testid="review-task-result">
                  <div className="long-text">{task.resultText}</div>
                  {task.resultAt && <div className="muted small">{formatDateTime(task.resultAt)}</div>}
                </div>
              ) : (
                <span className="muted">{t('review.resolutions.noResult')}</span>
              )}
              <FileLinks files={task.files} />
              {task.rejectReason && (
                <div className="reject-reason" data-testid="review-task-reject-reason">
                  {t('review.resolutions.rejectReason', { reason: task.rejectReason })}
                </div>
              )}
              <ActionButtons actions={taskActions(view.allowed, resolution.id, task.executor.id)} small />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
