import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { toDateInput } from '../../../../lib/minsk-date';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { FilesField } from './FilesField';
import { DateField, DialogField, TextAreaField } from './fields';
import { useMustHave } from './must-have';
import { OrganisationPicker } from './OrganisationPicker';
import { TopicChecklist } from './TopicChecklist';
import { useReviewFiles } from './use-review-files';

/** «Перенаправить» [4.8]: to a state organisation, whole or by questions, optionally on control, with a cover letter. */
export function RedirectDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { card, view } = useReview();
  // Questions already redirected elsewhere cannot be redirected again.
  const redirected = new Set(view.questions.filter((q) => q.redirectedTo).map((q) => q.topicCode));
  const codes = card.topicCodes.filter((c) => !redirected.has(c));
  const [orgId, setOrgId] = useState('');
  const [partial, setPartial] = useState(false);
  const [topics, setTopics] = useState<string[]>([]);
  const [onControl, setOnControl] = useState(false);
  const [controlDueDate, setControlDueDate] = useState(toDateInput(card.deadlineAt));
  const [text, setText] = useState('');
  const files = useReviewFiles();
  const must = useMustHave();

  const build = (): Built => ({
    action: {
      type: 'redirect',
      orgId,
      topicCodes: partial ? topics : [],
      text,
      onControl,
      controlDueDate: onControl ? controlDueDate : null,
      files: files.refs,
    },
    issues: [
      ...must.chosen('orgId', t('review.form.organisation'), orgId),
      ...must.chosen('topicCodes', t('review.form.scopePartial'), !partial || topics.length > 0),
      ...must.filled('controlDueDate', t('review.form.controlDueDate'), !onControl || controlDueDate),
    ],
  });

  return (
    <DialogForm target={target} build={build} uploading={files.uploading} wide>
      <OrganisationPicker need="state" value={orgId} onChange={setOrgId} />
      <DialogField path="topicCodes" label={t('review.form.scope')}>
        <div className="radio-row">
          <label>
            <input
              type="radio"
              name="scope"
              checked={!partial}
              onChange={() => setPartial(false)}
              data-testid="review-scope-whole"
            />
            {t('review.form.scopeWhole')}
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={partial}
              onChange={() => setPartial(true)}
              disabled={codes.length === 0}
              data-testid="review-scope-partial"
            />
            {t('review.form.scopePartial')}
          </label>
        </div>
        {partial && (
          <>
            <div className="hint">{t('review.form.scopePartialHint')}</div>
            {codes.length === 0 ? (
              <div className="muted small">{t('review.form.noTopics')}</div>
            ) : (
              <TopicChecklist
                path="topicCodes"
                codes={codes}
                chosen={topics}
                onChange={setTopics}
                testIdPrefix="review-topic"
              />
            )}
          </>
        )}
      </DialogField>
      <div className="dialog-row">
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={onControl}
            onChange={(e) => setOnControl(e.target.checked)}
            data-testid="review-field-onControl"
          />
          {t('review.form.onControl')}
        </label>
        <DateField
          path="controlDueDate"
          label={t('review.form.controlDueDate')}
          value={controlDueDate}
          onChange={setControlDueDate}
          required={onControl}
          disabled={!onControl}
        />
      </div>
      <TextAreaField path="text" label={t('review.form.coverLetter')} value={text} onChange={setText} required />
      <FilesField files={files} />
    </DialogForm>
  );
}
