import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { toDateInput } from '../../../../lib/minsk-date';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { type ExecutorRow, ExecutorRows } from './ExecutorRows';
import { FilesField } from './FilesField';
import { DateField, TextAreaField } from './fields';
import { useMustHave } from './must-have';
import { useReviewFiles } from './use-review-files';

let nextKey = 1;

/** «Создать резолюцию» [4.5]: text, executors with due dates (the appeal's deadline by default), the responsible one, files. */
export function CreateResolutionDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { card } = useReview();
  const defaultDue = toDateInput(card.deadlineAt);
  const newRow = (): ExecutorRow => ({ key: nextKey++, userId: '', dueDate: defaultDue, topicCodes: [] });
  const [text, setText] = useState('');
  const [reviewDeadline, setReviewDeadline] = useState('');
  const [asDraft, setAsDraft] = useState(false);
  const [rows, setRows] = useState<ExecutorRow[]>(() => [newRow()]);
  const [responsible, setResponsible] = useState(() => rows[0]?.key ?? 0);
  const files = useReviewFiles();
  const must = useMustHave();

  const updateRows = (next: ExecutorRow[]) => {
    setRows(next);
    if (!next.some((r) => r.key === responsible) && next[0]) setResponsible(next[0].key);
  };

  const build = (): Built => {
    const issues = rows.flatMap((r, i) => [
      ...must.chosen(`executors[${i}].userId`, t('review.form.executor'), r.userId),
      ...must.filled(`executors[${i}].dueDate`, t('review.form.dueDate'), r.dueDate),
    ]);
    const action = {
      type: 'createResolution' as const,
      text,
      executors: rows.map((r) => ({ userId: r.userId, dueDate: r.dueDate, topicCodes: r.topicCodes })),
      responsibleUserId: (rows.find((r) => r.key === responsible) ?? rows[0])?.userId ?? '',
      reviewDeadline: reviewDeadline || null,
      asDraft,
      files: files.refs,
    };
    // An unchosen responsible executor is the unchosen executor of its row: one message is enough.
    return { action, issues, covered: ['responsibleUserId'] };
  };

  return (
    <DialogForm target={target} build={build} uploading={files.uploading} wide>
      <TextAreaField
        path="text"
        label={t('review.form.resolutionText')}
        value={text}
        onChange={setText}
        required
        rows={4}
        maxLength={4000}
        autoFocus
      />
      <ExecutorRows
        topics={card.topicCodes}
        rows={rows}
        responsible={responsible}
        onRows={updateRows}
        onResponsible={setResponsible}
        onAdd={() => setRows((list) => [...list, newRow()])}
      />
      <DateField
        path="reviewDeadline"
        label={t('review.form.reviewDeadline')}
        value={reviewDeadline}
        onChange={setReviewDeadline}
        hint={t('review.form.reviewDeadlineHint')}
      />
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={asDraft}
          onChange={(e) => setAsDraft(e.target.checked)}
          data-testid="review-field-asDraft"
        />{' '}
        {t('review.form.asDraft')}
      </label>
      <FilesField files={files} />
    </DialogForm>
  );
}
