import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { useDictionaries, useSession } from '../../../../app/session';
import { toDateInput } from '../../../../lib/minsk-date';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { DateField, SelectField, TextAreaField } from './fields';
import { useMustHave } from './must-have';
import { staffOptions } from './staff';

/** «Поставить на контроль» [4.9]: the controller (a clerk or a head), the control date, a note. */
export function SetControlDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { staff } = useDictionaries();
  const { card, view } = useReview();
  const options = staffOptions(staff, ['clerk', 'head', 'signer']);
  const initial = view.control?.controller.id ?? (options.some((o) => o.value === user.id) ? user.id : '');
  const [controllerId, setControllerId] = useState(initial);
  const [dueDate, setDueDate] = useState(toDateInput(view.control?.dueAt ?? card.deadlineAt));
  const [note, setNote] = useState(view.control?.note ?? '');
  const must = useMustHave();

  const build = (): Built => ({
    action: { type: 'setControl', controllerId, dueDate, note },
    issues: [
      ...must.chosen('controllerId', t('review.form.controller'), controllerId),
      ...must.filled('dueDate', t('review.form.controlDueDate'), dueDate),
    ],
  });

  return (
    <DialogForm target={target} build={build}>
      <SelectField
        path="controllerId"
        label={t('review.form.controller')}
        value={controllerId}
        placeholder={t('review.form.select')}
        options={options}
        onChange={setControllerId}
        required
      />
      <DateField
        path="dueDate"
        label={t('review.form.controlDueDate')}
        value={dueDate}
        onChange={setDueDate}
        required
      />
      <TextAreaField path="note" label={t('review.form.controlNote')} value={note} onChange={setNote} rows={2} />
    </DialogForm>
  );
}
