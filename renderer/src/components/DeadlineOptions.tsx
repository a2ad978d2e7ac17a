import { useTranslation } from 'react-i18next';
import { DEADLINE_STATES } from '../../../shared/deadlines';

/** The `<option>`s of a deadline filter: «все», then every deadline state. */
export function DeadlineOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('list.filters.any')}</option>
      {DEADLINE_STATES.map((d) => (
        <option key={d} value={d}>
          {t(`list.filters.deadlineStates.${d}`)}
        </option>
      ))}
    </>
  );
}
