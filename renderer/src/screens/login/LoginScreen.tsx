import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/appeals';
import { api } from '../../api';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import type { AppInfo } from '../../app/session';
import { errorMessage } from '../../lib/api-errors';
import { useScreenReady } from '../../lib/screen';
import { CertificateLoginForm } from './CertificateLoginForm';
import { LoginSubmit } from './LoginSubmit';

export function LoginScreen({ info, onLoggedIn }: { info: AppInfo; onLoggedIn(user: User): void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [byCertificate, setByCertificate] = useState(false);
  useScreenReady('login');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!login.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api.call('auth:login', { login: login.trim(), password }));
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className={byCertificate ? 'login-card wide' : 'login-card'}>
        <div className="login-brand">
          <div className="login-product">{info.product}</div>
          <div className="login-org">{info.organisation}</div>
        </div>
        {byCertificate ? (
          <CertificateLoginForm onLoggedIn={onLoggedIn} />
        ) : (
          <form onSubmit={submit} noValidate data-testid="login-form">
            <h1>{t('login.title')}</h1>
            <label className="stack-field">
              <span>{t('login.login')}</span>
              <input
                name="login"
                autoComplete="username"
                autoFocus
                value={login}
                onChange={(e) => setLogin(e.target.value)}
                data-testid="login-username"
              />
            </label>
            <label className="stack-field">
              <span>{t('login.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="login-password"
              />
            </label>
            <LoginSubmit
              error={error}
              testId="login"
              busy={busy}
              label={t('login.submit')}
              busyLabel={t('login.submitting')}
            />
          </form>
        )}
        <button
          type="button"
          className="link-button login-switch"
          onClick={() => setByCertificate((v) => !v)}
          data-testid={byCertificate ? 'login-by-password' : 'login-by-certificate'}
        >
          {byCertificate ? t('certLogin.back') : t('certLogin.open')}
        </button>
        {info.demoLogin && !byCertificate && (
          <div className="login-hint" data-testid="login-demo-hint">
            {t('login.demoHint', { login: info.demoLogin })}
          </div>
        )}
        <div className="login-footer">
          <span>{t('login.version', { version: info.version })}</span>
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
