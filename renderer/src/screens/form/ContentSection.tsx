import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { FieldErrors } from './FieldErrors';
import { useFieldProps, useForm } from './form-context';
import { TerritoryPicker } from './TerritoryPicker';
import { TextInput } from './TextInput';
import { TopicsPicker } from './TopicsPicker';

export function ContentSection() {
  const { t } = useTranslation();
  const { state, update } = useForm();
  const contentProps = useFieldProps('content');
  const studyProps = useFieldProps('needsAdditionalStudy');
  return (
    <fieldset className="form-section">
      <legend>{t('form.sections.content')}</legend>
      <div className="form-grid">
        <Field path="summary" label={t('fields.summary')} span={12} required>
          <TextInput
            path="summary"
            value={state.summary}
            maxLength={2000}
            placeholder={t('form.placeholders.summary')}
            onChange={(v) => update('summary', v)}
          />
        </Field>
        <Field path="content" label={t('fields.content')} span={12} required>
          <textarea
            {...contentProps}
            rows={6}
            value={state.content}
            spellCheck={false}
            onChange={(e) => update('content', e.target.value)}
          />
        </Field>
        <Field path="topicCodes" label={t('fields.topicCodes')} span={8} required>
          <TopicsPicker />
        </Field>
        <Field path="territoryCode" label={t('fields.territoryCode')} span={4} required>
          <TerritoryPicker />
        </Field>
        <div className="field span-12 checkbox-field">
          <label>
            <input
              {...studyProps}
              type="checkbox"
              checked={state.needsAdditionalStudy}
              onChange={(e) => update('needsAdditionalStudy', e.target.checked)}
            />
            {t('fields.needsAdditionalStudy')}
          </label>
          <FieldErrors path="needsAdditionalStudy" />
        </div>
      </div>
    </fieldset>
  );
}
