import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { toDateInput } from '../../../../lib/minsk-date';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { FilesField } from './FilesField';
import { DateField, TextAreaField } from './fields';
import { useMustHave } from './must-have';
import { OrganisationPicker } from './OrganisationPicker';
import { useReviewFiles } from './use-review-files';

/**
 * A letter to another organisation: «Направить запрос» to any organisation of the directory [4.6] with an
 * optional answer date, or «Направить поручение» to a subordinate one with a mandatory term [4.7].
 */
export function OrgLetterDialog({ target, kind }: { target: AllowedAction; kind: 'sendRequest' | 'sendInstruction' }) {
  const { t } = useTranslation();
  const { card } = useReview();
  const instruction = kind === 'sendInstruction';
  const [orgId, setOrgId] = useState('');
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState(instruction ? toDateInput(card.deadlineAt) : '');
  const files = useReviewFiles();
  const must = useMustHave();
  const dueLabel = instruction ? t('review.form.dueDate') : t('review.form.requestDue');

  const build = (): Built => ({
    action: instruction
      ? { type: 'sendInstruction', orgId, text, dueDate, files: files.refs }
      : { type: 'sendRequest', orgId, text, dueDate: dueDate || null, files: files.refs },
    issues: [
      ...must.chosen('orgId', t('review.form.organisation'), orgId),
      ...must.filled('dueDate', dueLabel, !instruction || dueDate),
    ],
  });

  return (
    <DialogForm target={target} build={build} uploading={files.uploading} wide>
      <OrganisationPicker need={instruction ? 'subordinate' : 'any'} value={orgId} onChange={setOrgId} />
      <TextAreaField
        path="text"
        label={instruction ? t('review.form.instructionText') : t('review.form.requestText')}
        value={text}
        onChange={setText}
        required
      />
      <DateField path="dueDate" label={dueLabel} value={dueDate} onChange={setDueDate} required={instruction} />
      <FilesField files={files} />
    </DialogForm>
  );
}
