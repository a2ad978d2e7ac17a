import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_FORMS, type AnswerForm } from '../../../../../../shared/appeals';
import type { AllowedAction } from '../../../../../../shared/review/view';
import { useReview } from '../review-context';
import { DialogForm } from './DialogForm';
import { FilesField } from './FilesField';
import { DialogField, TextAreaField } from './fields';
import { useMustHave } from './must-have';
import { type QuestionAnswers, QuestionResults } from './QuestionResults';
import { useReviewFiles } from './use-review-files';

/**
 * «Завершить процесс рассмотрения обращения» [4.5]: the answer, its form (the card's answer form by
 * default) and its file — mandatory when the answer goes by post.
 */
export function CompleteDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { card, view } = useReview();
  const [text, setText] = useState('');
  const [answerForm, setAnswerForm] = useState<AnswerForm>(card.answerForm);
  // Every question still here gets its result; the ones redirected elsewhere are answered there.
  const codes = view.questions.filter((q) => !q.redirectedTo).map((q) => q.topicCode);
  const [answers, setAnswers] = useState<QuestionAnswers>(() =>
    Object.fromEntries(view.questions.map((q) => [q.topicCode, q.result ?? ''])),
  );
  const files = useReviewFiles();
  const must = useMustHave();
  const post = answerForm === 'post';
  const questionResults = codes.flatMap((topicCode) => {
    const result = answers[topicCode];
    return result ? [{ topicCode, result }] : [];
  });

  return (
    <DialogForm
      target={target}
      uploading={files.uploading}
      build={() => ({
        action: { type: 'complete', text, answerForm, questionResults, files: files.refs },
        issues: must.chosen(
          'questionResults',
          t('review.form.questionResults'),
          questionResults.length === codes.length,
        ),
      })}
    >
      <TextAreaField
        path="text"
        label={t('review.form.answerText')}
        value={text}
        onChange={setText}
        required
        rows={6}
        autoFocus
      />
      <QuestionResults codes={codes} value={answers} onChange={setAnswers} />
      <DialogField path="answerForm" label={t('review.form.answerForm')} required>
        <div className="radio-row" role="radiogroup" aria-label={t('review.form.answerForm')}>
          {ANSWER_FORMS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="answerForm"
                value={f}
                checked={answerForm === f}
                onChange={() => setAnswerForm(f)}
                data-testid={`review-field-answerForm-${f}`}
                data-field="answerForm"
              />
              {t(`enums.answerForm.${f}`)}
            </label>
          ))}
        </div>
      </DialogField>
      <FilesField
        files={files}
        label={t('review.form.answerFile')}
        required={post}
        hint={post ? <span data-testid="review-post-file-hint">{t('review.form.postFileRequired')}</span> : undefined}
      />
    </DialogForm>
  );
}
