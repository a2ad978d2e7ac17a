import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { DateField, TextAreaField } from './fields';
import { useMustHave } from './must-have';

/**
 * «Поручение с новым сроком» [4.9]: the report of the organisation an appeal was redirected to on control
 * did not satisfy — an instruction to it with a new term.
 */
export function ControlInstructionDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { view } = useReview();
  const redirect = view.dispatches.find((d) => d.id === target.dispatchId);
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const must = useMustHave();

  const build = (): Built => ({
    action: { type: 'controlInstruction', dispatchId: target.dispatchId ?? '', text, dueDate },
    issues: must.filled('dueDate', t('review.form.dueDate'), dueDate),
  });

  return (
    <DialogForm target={target} build={build}>
      {redirect?.organisation && (
        <p className="dialog-subject" data-testid="review-dialog-subject">
          {redirect.organisation.name}
        </p>
      )}
      <TextAreaField
        path="text"
        label={t('review.form.instructionText')}
        value={text}
        onChange={setText}
        required
        autoFocus
      />
      <DateField path="dueDate" label={t('review.form.dueDate')} value={dueDate} onChange={setDueDate} required />
    </DialogForm>
  );
}
