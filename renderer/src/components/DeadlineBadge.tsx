import { useTranslation } from 'react-i18next';
import type { DeadlineState } from '../../../shared/deadlines';

/** How urgent a running deadline is, as the server computed it for the list (never re-derived here). */
export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const { t } = useTranslation();
  return (
    <span
      className={`deadline-badge deadline-${state}`}
      data-testid="deadline-badge"
      data-state={state}
      title={t(`deadline.title.${state}`)}
    >
      {t(`deadline.badge.${state}`)}
    </span>
  );
}
