import { useTranslation } from 'react-i18next';

/** A registration number; a provisional one (offline registration) is italic and marked «(предв.)». */
export function RegNumber(props: { number: string | null; provisional: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!props.number) {
    return (
      <span className="reg-number none" data-testid={props.testId}>
        {t('list.noNumber')}
      </span>
    );
  }
  if (!props.provisional) {
    return (
      <span className="reg-number" data-testid={props.testId}>
        {props.number}
      </span>
    );
  }
  return (
    <span
      className="reg-number provisional"
      title={t('list.provisionalTitle')}
      data-testid={props.testId}
      data-provisional="true"
    >
      {props.number} <span className="provisional-mark">{t('list.provisional')}</span>
    </span>
  );
}
