import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/security/accounts';
import type { CertificateChoice } from '../../../../shared/signing/schema';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { CertificateOption } from '../../components/CertificateOption';
import { Modal } from '../../components/Modal';
import { detailedErrorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { formatDate } from '../../lib/minsk-date';
import { useLoaded } from '../../lib/use-loaded';

/**
 * «Пользователи» → «Сертификат» (issue #10): the account's certificate for «Войти по ЭЦП» and the
 * certificates the signing providers of this machine list (insert the person's token, or use their
 * development key); the service refuses a certificate issued to someone else, expired, or bound elsewhere.
 */
export function CertificateBindingDialog({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<CertificateChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoaded(`${account.id}:${version}`, () => api.call('accounts:certificates', { userId: account.id }));
  const data = loaded.value;
  const current = data?.bindings.find((b) => b.userId === account.id) ?? null;

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      notify(done, 'success');
      setChosen(null);
      setVersion((v) => v + 1);
    } catch (err) {
      reportIfUnauthenticated(err);
      setError(detailedErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const bind = () => {
    if (!chosen) return;
    void run(
      () =>
        api.call('accounts:bindCertificate', {
          userId: account.id,
          provider: chosen.provider,
          certificateId: chosen.id,
        }),
      t('certLogin.bind.bound', { login: account.login }),
    );
  };
  const unbind = () =>
    void run(
      () => api.call('accounts:unbindCertificate', { userId: account.id }),
      t('certLogin.bind.unbound', { login: account.login }),
    );

  return (
    <Modal title={t('certLogin.bind.title', { name: account.fullName })} onClose={onClose} testId="certificate-binding">
      {loaded.error && <div className="banner banner-error">{loaded.error}</div>}
      <div className="review-subhead">{t('certLogin.bind.current')}</div>
      {current ? (
        <p data-testid="certificate-binding-current">
          {t('certLogin.bind.boundLine', {
            subject: current.subject,
            serial: current.serialNumber,
            until: formatDate(current.notAfter),
          })}{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={unbind}
            data-testid="certificate-unbind"
          >
            {t('certLogin.bind.unbind')}
          </button>
        </p>
      ) : (
        <p className="muted" data-testid="certificate-binding-none">
          {t('certLogin.bind.none')}
        </p>
      )}
      <div className="review-subhead">{t('certLogin.bind.candidates')}</div>
      {data === null && !loaded.error && <div className="muted">{t('app.loading')}</div>}
      {data?.certificates.length === 0 && <div className="muted">{t('certLogin.noCertificates')}</div>}
      <div className="cert-login-choices">
        {data?.certificates.map((c) => (
          <CertificateOption
            key={`${c.provider}:${c.id}`}
            c={c}
            name="binding-certificate"
            checked={chosen?.id === c.id}
            onChoose={() => setChosen(c)}
            testId="binding-certificate"
          />
        ))}
      </div>
      {error && (
        <div className="form-error" role="alert" data-testid="certificate-binding-error">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || chosen === null}
          onClick={bind}
          data-testid="certificate-bind"
        >
          {t('certLogin.bind.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('certLogin.bind.close')}
        </button>
      </div>
    </Modal>
  );
}
