import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PasswordField } from '../../components/PasswordField';
import { errorMessage } from '../../lib/api-errors';
import { useScreenReady } from '../../lib/screen';
import { LoginSubmit } from './LoginSubmit';

/**
 * Browser mode started on an encrypted folder without its passphrase (decision 014): the administrator
 * types the data key's passphrase here; the app then continues to the ordinary login screen.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useScreenReady('unlock');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setError(t('encryption.unlockRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('encryption:unlock', { passphrase });
      onUnlocked();
    } catch (err) {
      setError(errorMessage(err));
      setPassphrase('');
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <div className="login-product">{t('app.product')}</div>
        </div>
        <form onSubmit={submit} noValidate data-testid="unlock-form">
          <h1>{t('encryption.unlockTitle')}</h1>
          <p className="muted">{t('encryption.unlockIntro')}</p>
          <PasswordField
            label={t('encryption.unlockPassphrase')}
            value={passphrase}
            onChange={setPassphrase}
            testId="unlock-passphrase"
            autoFocus
          />
          <LoginSubmit
            error={error}
            testId="unlock"
            busy={busy}
            label={t('encryption.unlockSubmit')}
            busyLabel={t('encryption.unlockOpening')}
          />
        </form>
        <div className="login-footer">
          <span />
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
