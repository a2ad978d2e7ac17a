import { useTranslation } from 'react-i18next';
import { ANSWER_FORMS } from '../../../../shared/appeals';
import { useDictionaries } from '../../app/session';
import { EnumSelect } from './EnumSelect';
import { Field } from './Field';
import { useFieldProps, useForm } from './form-context';

export function ProcessingSection() {
  const { t } = useTranslation();
  const { state, update } = useForm();
  const { heads } = useDictionaries();
  const headProps = useFieldProps('responsibleHeadId');
  const notesProps = useFieldProps('notes');
  return (
    <fieldset className="form-section">
      <legend>{t('form.sections.processing')}</legend>
      <div className="form-grid">
        <Field path="responsibleHeadId" label={t('fields.responsibleHeadId')} span={4}>
          <select
            {...headProps}
            value={state.responsibleHeadId}
            onChange={(e) => update('responsibleHeadId', e.target.value)}
          >
            <option value="">{t('form.select')}</option>
            {heads.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </Field>
        <Field path="answerForm" label={t('fields.answerForm')} span={3} required>
          <EnumSelect
            path="answerForm"
            values={ANSWER_FORMS}
            value={state.answerForm}
            label={(v) => t(`enums.answerForm.${v}`)}
            onChange={(v) => update('answerForm', v)}
          />
        </Field>
        <Field path="notes" label={t('fields.notes')} span={5}>
          <textarea
            {...notesProps}
            rows={1}
            maxLength={4000}
            value={state.notes}
            onChange={(e) => update('notes', e.target.value)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
