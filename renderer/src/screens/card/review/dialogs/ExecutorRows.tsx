import { useTranslation } from 'react-i18next';
import { useDictionaries } from '../../../../app/session';
import { useDialogFieldProps } from './dialog-form-context';
import { DateInput, FieldError } from './fields';
import { staffOptions } from './staff';
import { TopicChecklist } from './TopicChecklist';

export interface ExecutorRow {
  key: number;
  userId: string;
  dueDate: string;
  /** The questions this executor answers for; none = the whole appeal. */
  topicCodes: string[];
}

function ExecutorSelect(props: {
  index: number;
  row: ExecutorRow;
  taken: ReadonlySet<string>;
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  const { staff } = useDictionaries();
  const path = `executors[${props.index}].userId`;
  const fieldProps = useDialogFieldProps(path);
  return (
    <select
      {...fieldProps}
      aria-label={t('review.form.executorN', { n: String(props.index + 1) })}
      value={props.row.userId}
      onChange={(e) => props.onChange(e.target.value)}
    >
      <option value="">{t('review.form.select')}</option>
      {staffOptions(staff, ['executor']).map((o) => (
        <option key={o.value} value={o.value} disabled={o.value !== props.row.userId && props.taken.has(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Executors of a new resolution: who, by when, and which one is responsible (radio). */
export function ExecutorRows(props: {
  /** The appeal's questions: with two or more, each executor may get some of them. */
  topics: readonly string[];
  rows: readonly ExecutorRow[];
  responsible: number;
  onRows(rows: ExecutorRow[]): void;
  onResponsible(key: number): void;
  onAdd(): void;
}) {
  const { t } = useTranslation();
  const { rows } = props;
  const taken = new Set(rows.map((r) => r.userId).filter(Boolean));
  const patch = (key: number, change: Partial<ExecutorRow>) =>
    props.onRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <div className="field dialog-field">
      <span className="field-label required">{t('review.form.executors')}</span>
      <table className="table executor-rows">
        <thead>
          <tr>
            <th>{t('review.form.executor')}</th>
            <th className="due">{t('review.form.dueDate')}</th>
            <th className="responsible">{t('review.form.responsible')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key} data-testid="review-executor-row">
              <td>
                <ExecutorSelect index={i} row={row} taken={taken} onChange={(userId) => patch(row.key, { userId })} />
                <FieldError path={`executors[${i}].userId`} />
                {props.topics.length > 1 && (
                  <div className="executor-topics">
                    <span className="hint">
                      {t('review.form.executorTopics')} ({t('review.form.executorTopicsHint')}):
                    </span>
                    <TopicChecklist
                      path={`executors[${i}].topicCodes`}
                      codes={props.topics}
                      chosen={row.topicCodes}
                      onChange={(topicCodes) => patch(row.key, { topicCodes })}
                      testIdPrefix={`review-executor-${i}-topic`}
                      inline
                    />
                    <FieldError path={`executors[${i}].topicCodes`} />
                  </div>
                )}
              </td>
              <td className="due">
                <DateInput
                  path={`executors[${i}].dueDate`}
                  value={row.dueDate}
                  onChange={(dueDate) => patch(row.key, { dueDate })}
                />
                <FieldError path={`executors[${i}].dueDate`} />
              </td>
              <td className="responsible">
                <input
                  type="radio"
                  name="responsible"
                  aria-label={t('review.form.responsible')}
                  checked={props.responsible === row.key}
                  onChange={() => props.onResponsible(row.key)}
                  data-testid={`review-responsible-${i}`}
                />
              </td>
              <td className="actions">
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="link-button"
                    title={t('review.form.removeExecutor')}
                    onClick={() => props.onRows(rows.filter((r) => r.key !== row.key))}
                    data-testid={`review-remove-executor-${i}`}
                  >
                    ✕
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="executor-rows-foot">
        <button type="button" className="link-button" onClick={props.onAdd} data-testid="review-add-executor">
          {t('review.form.addExecutor')}
        </button>
        <span className="hint">{t('review.form.responsibleHint')}</span>
      </div>
      <FieldError path="executors" />
      <FieldError path="responsibleUserId" />
    </div>
  );
}
