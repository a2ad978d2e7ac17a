import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/appeals/enums';
import type { Account } from '../../../../shared/security/accounts';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';

export interface AccountFields {
  login: string;
  fullName: string;
  position: string;
  roles: Role[];
}

/** Create (login editable) or edit (login fixed) an account: full name, position, roles. */
export function AccountDialog(props: {
  account: Account | null;
  error: string | null;
  busy: boolean;
  onSubmit(fields: AccountFields): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { account } = props;
  const [fields, setFields] = useState<AccountFields>({
    login: account?.login ?? '',
    fullName: account?.fullName ?? '',
    position: account?.position ?? '',
    roles: account?.roles ?? [],
  });
  const toggle = (role: Role) =>
    setFields((f) => ({
      ...f,
      roles: f.roles.includes(role)
        ? f.roles.filter((r) => r !== role)
        : ROLES.filter((r) => r === role || f.roles.includes(r)),
    }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(fields);
  };
  const text = (key: 'login' | 'fullName' | 'position', disabled = false) => (
    <label className="stack-field">
      <span>{t(`accounts.users.form.${key}`)}</span>
      <input
        value={fields[key]}
        disabled={disabled}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
        data-testid={`account-${key}`}
      />
    </label>
  );
  return (
    <Modal
      title={
        account ? t('accounts.users.form.editTitle', { login: account.login }) : t('accounts.users.form.createTitle')
      }
      onClose={props.onClose}
      testId="account-dialog"
    >
      <form className="account-form" onSubmit={submit} noValidate>
        {text('login', account !== null)}
        {text('fullName')}
        {text('position')}
        <fieldset className="account-roles">
          <legend>{t('accounts.users.form.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                checked={fields.roles.includes(role)}
                onChange={() => toggle(role)}
                data-testid={`account-role-${role}`}
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <FormFooter
          error={props.error}
          errorTestId="account-error"
          actionsClassName="dialog-actions"
          main={{
            label: account ? t('accounts.users.form.save') : t('accounts.users.form.create'),
            busy: props.busy,
            testId: 'account-submit',
          }}
        >
          <button type="button" onClick={props.onClose}>
            {t('accounts.users.form.cancel')}
          </button>
        </FormFooter>
      </form>
    </Modal>
  );
}
