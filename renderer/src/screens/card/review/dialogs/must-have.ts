import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../../../../shared/errors';

/** The dialogs' own checks before sending: a value to choose or to fill in (none when it is there). */
export function useMustHave() {
  const { t } = useTranslation();
  const issue = (field: string, message: string): ValidationIssue[] => [{ field, rule: 'required', message }];
  return {
    chosen: (field: string, label: string, ok: unknown): ValidationIssue[] =>
      ok ? [] : issue(field, t('review.form.chooseRequired', { field: label })),
    filled: (field: string, label: string, ok: unknown): ValidationIssue[] =>
      ok ? [] : issue(field, t('review.form.required', { field: label })),
  };
}
