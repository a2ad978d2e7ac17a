import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS, APPEAL_SOURCES, APPEAL_TYPES, SUBMISSION_FORMS } from '../../../../shared/appeals';
import { EnumSelect } from './EnumSelect';
import { Field } from './Field';
import { useFieldProps, useForm } from './form-context';
import { SOURCES_BY_FORM } from './form-model';

export function ReceiptSection() {
  const { t } = useTranslation();
  const { state, update } = useForm();
  const receivedProps = useFieldProps('receivedAt');
  const preferred = SOURCES_BY_FORM[state.form];
  const sources = [...preferred, ...APPEAL_SOURCES.filter((s) => !preferred.includes(s))];
  return (
    <fieldset className="form-section">
      <legend>{t('form.sections.receipt')}</legend>
      <div className="form-grid">
        <Field path="form" label={t('fields.form')} span={2} required>
          <EnumSelect
            path="form"
            values={SUBMISSION_FORMS}
            value={state.form}
            label={(v) => t(`enums.form.${v}`)}
            onChange={(v) => update('form', v)}
          />
        </Field>
        <Field path="source" label={t('fields.source')} span={3} required>
          <EnumSelect
            path="source"
            values={sources}
            value={state.source}
            label={(v) => t(`enums.source.${v}`)}
            onChange={(v) => update('source', v)}
          />
        </Field>
        <Field path="receivedAt" label={t('fields.receivedAt')} span={3} required>
          <input
            {...receivedProps}
            type="datetime-local"
            value={state.receivedAt}
            onChange={(e) => update('receivedAt', e.target.value)}
          />
        </Field>
        <Field path="kind" label={t('fields.kind')} span={2} required>
          <EnumSelect
            path="kind"
            values={APPEAL_KINDS}
            value={state.kind}
            label={(v) => t(`enums.kind.${v}`)}
            onChange={(v) => update('kind', v)}
          />
        </Field>
        <Field path="appealType" label={t('fields.appealType')} span={2} required>
          <EnumSelect
            path="appealType"
            values={APPEAL_TYPES}
            value={state.appealType}
            label={(v) => t(`enums.appealType.${v}`)}
            onChange={(v) => update('appealType', v)}
          />
        </Field>
      </div>
    </fieldset>
  );
}
