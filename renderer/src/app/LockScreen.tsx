import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { FormFooter } from '../components/FormFooter';
import { PasswordField } from '../components/PasswordField';
import { errorCode, errorMessage, reportIfUnauthenticated } from '../lib/api-errors';
import { idleLockMs } from './idle-lock';
import { useSession } from './session';
import { useNotify } from './toasts';

/**
 * The idle lock's overlay (regulation 6.3): a modal over the current screen, which stays mounted so
 * unsaved input survives. Keys do not reach the screen's shortcuts while it is shown.
 */
export function LockScreen({ onUnlocked, onAccountLocked }: { onUnlocked(): void; onAccountLocked(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { user, logout } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setError(t('lock.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('auth:unlock', { password });
      onUnlocked();
    } catch (err) {
      if (errorCode(err) === 'ACCOUNT_LOCKED') {
        notify(errorMessage(err), 'error');
        onAccountLocked();
        return;
      }
      reportIfUnauthenticated(err);
      setError(errorMessage(err));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="modal lock-screen"
      onCancel={(e) => e.preventDefault()}
      onKeyDown={(e) => e.stopPropagation()}
      aria-label={t('lock.title')}
      data-testid="lock-screen"
    >
      <form className="modal-body lock-form" onSubmit={submit} noValidate>
        <h2>{t('lock.title')}</h2>
        <p>
          {t('lock.text', { minutes: String(Math.max(1, Math.round(idleLockMs() / 60_000))), name: user.fullName })}
        </p>
        <PasswordField
          label={t('lock.password')}
          value={password}
          onChange={setPassword}
          testId="lock-password"
          autoFocus
        />
        <FormFooter
          error={error}
          errorTestId="lock-error"
          actionsClassName="lock-actions"
          main={{ label: t('lock.submit'), busyLabel: t('lock.submitting'), busy, testId: 'lock-submit' }}
        >
          <button type="button" onClick={logout} data-testid="lock-logout">
            {t('lock.logout')}
          </button>
        </FormFooter>
      </form>
    </dialog>
  );
}
