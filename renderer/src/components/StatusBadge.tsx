import { useTranslation } from 'react-i18next';
import type { AppealStatus } from '../../../shared/appeals';

export function StatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  const label = t(`enums.status.${status}`);
  return (
    <span className={`status status-${status}`} data-status={status} title={label}>
      {label}
    </span>
  );
}
