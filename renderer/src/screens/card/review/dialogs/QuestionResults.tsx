import { useTranslation } from 'react-i18next';
import { QUESTION_RESULTS, type QuestionResult } from '../../../../../../shared/review/actions';
import { TopicName } from '../TopicName';
import { useDialogFieldProps } from './dialog-form-context';
import { FieldError } from './fields';

export type QuestionAnswers = Record<string, QuestionResult | ''>;

function ResultSelect(props: { code: string; value: QuestionResult | ''; onChange(v: string): void }) {
  const { t } = useTranslation();
  const fieldProps = useDialogFieldProps('questionResults');
  return (
    <select
      {...fieldProps}
      id={`review-question-result-${props.code}`}
      data-testid={`review-question-result-${props.code}`}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      <option value="">{t('review.form.select')}</option>
      {QUESTION_RESULTS.map((r) => (
        <option key={r} value={r}>
          {t(`review.questionResult.${r}`)}
        </option>
      ))}
    </select>
  );
}

/** The result of every question still with the organisation, for completing the review [4.5]. */
export function QuestionResults(props: {
  codes: readonly string[];
  value: QuestionAnswers;
  onChange(value: QuestionAnswers): void;
}) {
  const { t } = useTranslation();
  if (props.codes.length === 0) return null;
  return (
    <div className="field dialog-field">
      <span className="field-label required">{t('review.form.questionResults')}</span>
      <table className="table question-results">
        <tbody>
          {props.codes.map((code) => (
            <tr key={code}>
              <td>
                <label htmlFor={`review-question-result-${code}`}>
                  <TopicName code={code} />
                </label>
              </td>
              <td className="result">
                <ResultSelect
                  code={code}
                  value={props.value[code] ?? ''}
                  onChange={(raw) =>
                    props.onChange({ ...props.value, [code]: QUESTION_RESULTS.find((r) => r === raw) ?? '' })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="hint">{t('review.form.questionResultsHint')}</div>
      <FieldError path="questionResults" />
    </div>
  );
}
