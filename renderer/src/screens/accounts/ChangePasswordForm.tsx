import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems, passwordProblemsMessage } from '../../../../shared/security/password-rules';
import { api } from '../../api';
import { FormFooter } from '../../components/FormFooter';
import { PasswordField } from '../../components/PasswordField';
import { errorCode, errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';

/**
 * The password change: the forced one after a temporary password, or the user's own from the header.
 * The rules are checked here with the service's own messages, and again by the service.
 */
export function ChangePasswordForm(props: {
  login: string;
  forced: boolean;
  onChanged(): void;
  onAccountLocked(message: string): void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!current || !next || !repeat) return setError(t('accounts.password.required'));
    const problems = passwordProblems(next, props.login);
    if (problems.length > 0) return setError(passwordProblemsMessage(problems));
    if (next !== repeat) return setError(t('accounts.password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api.call('account:changePassword', { currentPassword: current, newPassword: next });
      props.onChanged();
    } catch (err) {
      if (errorCode(err) === 'ACCOUNT_LOCKED') return props.onAccountLocked(errorMessage(err));
      reportIfUnauthenticated(err);
      setError(errorMessage(err));
      setCurrent('');
      setBusy(false);
    }
  };

  const currentLabel = props.forced ? t('accounts.password.current') : t('accounts.password.currentOwn');
  const fields = [
    { label: currentLabel, value: current, onChange: setCurrent, testId: 'password-current' },
    { label: t('accounts.password.next'), value: next, onChange: setNext, testId: 'password-new', isNew: true },
    {
      label: t('accounts.password.repeat'),
      value: repeat,
      onChange: setRepeat,
      testId: 'password-repeat',
      isNew: true,
    },
  ];

  return (
    <form className="password-form" onSubmit={submit} noValidate data-testid="password-form">
      {fields.map((field) => (
        <PasswordField key={field.testId} {...field} />
      ))}
      <p className="muted small">{t('accounts.password.rules')}</p>
      <FormFooter
        error={error}
        errorTestId="password-error"
        actionsClassName="password-actions"
        main={{
          label: t('accounts.password.submit'),
          busyLabel: t('accounts.password.submitting'),
          busy,
          testId: 'password-submit',
        }}
      >
        {props.actions}
      </FormFooter>
    </form>
  );
}
