import { useTranslation } from 'react-i18next';
import type { AppealStatus } from '../../../shared/appeals';

export function StatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {t(`enums.status.${status}`)}
    </span>
  );
}
