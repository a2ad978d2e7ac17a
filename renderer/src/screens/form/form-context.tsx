import { createContext, useContext } from 'react';
import { messagesFor } from './issues';
import type { CardForm } from './use-card-form';

export const FormContext = createContext<CardForm | null>(null);

export function useForm(): CardForm {
  const form = useContext(FormContext);
  if (!form) throw new Error('useForm outside the card form');
  return form;
}

/** Ids, test ids and ARIA wiring shared by every input of the card: `field-<path>`, `error-<path>`. */
export function useFieldProps(path: string) {
  const { issues, checkField } = useForm();
  const invalid = messagesFor(issues, path).length > 0;
  return {
    id: `field-${path}`,
    name: path,
    'data-testid': `field-${path}`,
    'data-field': path,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `error-${path}` : undefined,
    onBlur: () => checkField(path),
  };
}
