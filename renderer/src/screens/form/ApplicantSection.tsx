import { useTranslation } from 'react-i18next';
import { APPLICANT_KINDS } from '../../../../shared/appeals';
import { useDictionaries } from '../../app/session';
import { EnumSelect } from './EnumSelect';
import { Field } from './Field';
import { useFieldProps, useForm } from './form-context';
import type { ApplicantField } from './form-model';
import { TextInput } from './TextInput';

export function ApplicantSection({ autoFocus }: { autoFocus: boolean }) {
  const { t } = useTranslation();
  const { state, updateApplicant, update } = useForm();
  const { categories } = useDictionaries();
  const categoryProps = useFieldProps('applicantCategory');
  const a = state.applicant;
  const named = state.appealType !== 'anonymous';
  const emailRequired = named && state.answerForm === 'electronic';
  const text = (key: ApplicantField, maxLength: number, extra: { autoFocus?: boolean; placeholder?: string } = {}) => (
    <TextInput
      path={`applicant.${key}`}
      value={a[key]}
      maxLength={maxLength}
      onChange={(v) => updateApplicant(key, v)}
      {...extra}
    />
  );

  return (
    <fieldset className="form-section">
      <legend>{t('form.sections.applicant')}</legend>
      <div className="form-grid">
        <Field path="applicant.kind" label={t('fields.applicant.kind')} span={2}>
          <EnumSelect
            path="applicant.kind"
            values={APPLICANT_KINDS}
            value={a.kind}
            label={(v) => t(`enums.applicantKind.${v}`)}
            onChange={(v) => updateApplicant('kind', v)}
          />
        </Field>
        {a.kind === 'person' ? (
          <>
            <Field path="applicant.surname" label={t('fields.applicant.surname')} span={3} required={named}>
              {text('surname', 100, { autoFocus })}
            </Field>
            <Field path="applicant.name" label={t('fields.applicant.name')} span={3} required={named}>
              {text('name', 100)}
            </Field>
            <Field path="applicant.patronymic" label={t('fields.applicant.patronymic')} span={4}>
              {text('patronymic', 100)}
            </Field>
          </>
        ) : (
          <>
            <Field path="applicant.unp" label={t('fields.applicant.unp')} span={2} required>
              <TextInput
                path="applicant.unp"
                value={a.unp}
                maxLength={20}
                inputMode="numeric"
                placeholder={t('form.placeholders.unp')}
                autoFocus={autoFocus}
                onChange={(v) => updateApplicant('unp', v)}
              />
            </Field>
            <Field path="applicant.orgName" label={t('fields.applicant.orgName')} span={5} required>
              {text('orgName', 500)}
            </Field>
            <Field path="applicant.signer" label={t('fields.applicant.signer')} span={3} required>
              {text('signer', 300)}
            </Field>
          </>
        )}
        <Field
          path="applicant.address"
          label={t('fields.applicant.address')}
          span={5}
          required={named || a.kind === 'legal'}
        >
          {text('address', 500)}
        </Field>
        <Field path="applicant.phone" label={t('fields.applicant.phone')} span={2}>
          <TextInput
            path="applicant.phone"
            type="tel"
            inputMode="tel"
            value={a.phone}
            maxLength={50}
            placeholder={t('form.placeholders.phone')}
            onChange={(v) => updateApplicant('phone', v)}
          />
        </Field>
        <Field path="applicant.email" label={t('fields.applicant.email')} span={2} required={emailRequired}>
          <TextInput
            path="applicant.email"
            type="email"
            inputMode="email"
            value={a.email}
            maxLength={200}
            onChange={(v) => updateApplicant('email', v)}
          />
        </Field>
        <Field path="applicantCategory" label={t('fields.applicantCategory')} span={3}>
          <select
            {...categoryProps}
            value={state.applicantCategory}
            onChange={(e) => update('applicantCategory', e.target.value)}
          >
            <option value="">{t('form.select')}</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}
