import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { useDictionaries } from '../../../../app/session';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { SelectField } from './fields';
import { useMustHave } from './must-have';
import { staffOptions } from './staff';

/** «Назначить ответственного руководителя» [4.5]: a user with the head role. */
export function AssignResponsibleDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { staff, heads } = useDictionaries();
  const { view } = useReview();
  const fromStaff = staffOptions(staff, ['head']);
  const options = fromStaff.length > 0 ? fromStaff : heads.map((h) => ({ value: h.id, label: h.name }));
  const [headId, setHeadId] = useState(view.responsibleHead?.id ?? '');
  const must = useMustHave();

  const build = (): Built => ({
    action: { type: 'assignResponsible', headId },
    issues: must.chosen('headId', t('review.form.head'), headId),
  });

  return (
    <DialogForm target={target} build={build}>
      <SelectField
        path="headId"
        label={t('review.form.head')}
        value={headId}
        placeholder={t('review.form.select')}
        options={options}
        onChange={setHeadId}
        required
      />
    </DialogForm>
  );
}
