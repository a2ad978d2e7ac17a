import { createContext, useContext } from 'react';
import type { ValidationIssue } from '../../../../../../shared/errors';

/** The issues of the open action dialog, shown at the fields they name. */
export interface DialogFormValue {
  issues: readonly ValidationIssue[];
  busy: boolean;
}

export const DialogFormContext = createContext<DialogFormValue>({ issues: [], busy: false });

export function messagesAt(issues: readonly ValidationIssue[], path: string): string[] {
  return issues.filter((i) => i.field === path).map((i) => i.message);
}

/** Ids, test ids and ARIA wiring of one dialog input: `review-field-<path>`, errors in `review-error-<path>`. */
export function useDialogFieldProps(path: string) {
  const { issues } = useContext(DialogFormContext);
  const invalid = messagesAt(issues, path).length > 0;
  return {
    id: `review-field-${path}`,
    name: path,
    'data-testid': `review-field-${path}`,
    'data-field': path,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `review-error-${path}` : undefined,
  };
}

export function useDialogForm(): DialogFormValue {
  return useContext(DialogFormContext);
}
