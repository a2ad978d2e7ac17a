import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems, passwordProblemsMessage } from '../../../../shared/security/password-rules';
import { api } from '../../api';
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

  const field = (label: string, value: string, set: (v: string) => void, testId: string, autoComplete: string) => (
    <label className="stack-field">
      <span>{label}</span>
      <input
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => set(e.target.value)}
        data-testid={testId}
      />
    </label>
  );

  return (
    <form className="password-form" onSubmit={submit} noValidate data-testid="password-form">
      {field(
        props.forced ? t('accounts.password.current') : t('accounts.password.currentOwn'),
        current,
        setCurrent,
        'password-current',
        'current-password',
      )}
      {field(t('accounts.password.next'), next, setNext, 'password-new', 'new-password')}
      {field(t('accounts.password.repeat'), repeat, setRepeat, 'password-repeat', 'new-password')}
      <p className="muted small">{t('accounts.password.rules')}</p>
      {error && (
        <div className="form-error" role="alert" data-testid="password-error">
          {error}
        </div>
      )}
      <div className="password-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
          {busy ? t('accounts.password.submitting') : t('accounts.password.submit')}
        </button>
        {props.actions}
      </div>
    </form>
  );
}
