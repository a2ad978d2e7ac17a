import { useTranslation } from 'react-i18next';
import { useForm } from './form-context';
import { displayField } from './issues';

/** All problems of the card at the top; a click goes to the field. */
export function ErrorSummary() {
  const { t } = useTranslation();
  const { issues, summaryShown } = useForm();
  if (!summaryShown || issues.length === 0) return null;
  const goTo = (field: string) => {
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(displayField(field))}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" data-testid="form-errors">
      <div className="error-summary-title">{t('form.errorsTitle', { n: String(issues.length) })}</div>
      <ul>
        {issues.map((issue, i) => (
          <li key={`${issue.field}-${issue.rule}-${issue.position ?? i}`}>
            <button type="button" className="link-button" onClick={() => goTo(issue.field)}>
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
