import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../shared/review/view';
import { PRIMARY_ACTIONS } from './allowed-actions';
import { useReview } from './review-context';

/** One button per allowed action; each opens its dialog. Nothing is shown that the user may not do. */
export function ActionButtons({ actions, small }: { actions: readonly AllowedAction[]; small?: boolean }) {
  const { t } = useTranslation();
  const { start } = useReview();
  if (actions.length === 0) return null;
  return (
    <div className={small ? 'review-buttons small' : 'review-buttons'}>
      {actions.map((a) => (
        <button
          key={`${a.type}-${a.resolutionId ?? ''}-${a.executorId ?? ''}-${a.dispatchId ?? ''}`}
          type="button"
          className={PRIMARY_ACTIONS.has(a.type) ? 'primary' : undefined}
          onClick={() => start(a)}
          data-testid={`review-action-${a.type}`}
          data-resolution-id={a.resolutionId}
          data-executor-id={a.executorId}
          data-dispatch-id={a.dispatchId}
        >
          {t(`review.actions.${a.type}`)}
        </button>
      ))}
    </div>
  );
}
