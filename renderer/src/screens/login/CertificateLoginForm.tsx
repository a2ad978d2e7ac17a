import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/appeals';
import type { CertificateChoice } from '../../../../shared/signing/schema';
import { api } from '../../api';
import { CertificateOption } from '../../components/CertificateOption';
import { errorMessage } from '../../lib/api-errors';
import { LoginSubmit } from './LoginSubmit';

type Challenge = Awaited<ReturnType<typeof api.call<'auth:certificateChallenge'>>>;

/**
 * «Войти по ЭЦП» (issue #10): the certificates of this machine (those bound to no account greyed out),
 * the development key's password where needed (a token asks for its PIN in AVEST's own window), then
 * `auth:certificateLogin` — the service signs its single-use challenge with the key and verifies it.
 * Every attempt takes a fresh challenge.
 */
export function CertificateLoginForm({ onLoggedIn }: { onLoggedIn(user: User): void }) {
  const { t } = useTranslation();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [chosen, setChosen] = useState<CertificateChoice | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fresh = useCallback(async () => {
    const next = await api.call('auth:certificateChallenge', {});
    setChallenge(next);
    setChosen((prev) => {
      const same = prev && next.certificates.find((c) => c.id === prev.id && c.unusableReason === null);
      return same ?? next.certificates.find((c) => c.unusableReason === null) ?? null;
    });
    return next;
  }, []);

  useEffect(() => {
    fresh().catch((err: unknown) => setError(errorMessage(err)));
  }, [fresh]);

  const needsPassword = chosen?.provider === 'software';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !challenge) return;
    if (!chosen) return setError(t('certLogin.choose'));
    if (needsPassword && !password) return setError(t('certLogin.passwordRequired'));
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(
        await api.call('auth:certificateLogin', {
          challengeId: challenge.challengeId,
          provider: chosen.provider,
          certificateId: chosen.id,
          ...(needsPassword ? { password } : {}),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
      setBusy(false);
      await fresh().catch(() => undefined);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="cert-login-form">
      <h1>{t('certLogin.title')}</h1>
      <p className="muted small">{t('certLogin.intro')}</p>
      <fieldset className="cert-login-choices" data-testid="cert-login-certificates">
        <legend>{t('certLogin.certificate')}</legend>
        {challenge === null && !error && <div className="muted">{t('certLogin.loading')}</div>}
        {challenge?.certificates.length === 0 && <div className="muted">{t('certLogin.noCertificates')}</div>}
        {challenge?.certificates.map((c) => (
          <CertificateOption
            key={`${c.provider}:${c.id}`}
            c={c}
            checked={chosen?.id === c.id}
            onChoose={() => setChosen(c)}
            testId="cert-login-certificate"
          />
        ))}
      </fieldset>
      {needsPassword ? (
        <label className="stack-field">
          <span>{t('certLogin.password')}</span>
          <input
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="cert-login-password"
          />
        </label>
      ) : (
        chosen && <p className="muted small">{t('certLogin.pinHint')}</p>
      )}
      <LoginSubmit
        error={error}
        testId="cert-login"
        busy={busy}
        disabled={!challenge}
        label={t('certLogin.submit')}
        busyLabel={t('certLogin.submitting')}
      />
    </form>
  );
}
