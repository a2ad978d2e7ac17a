import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { useSyncStatus } from '../../app/SyncStatusProvider';
import { useNotify } from '../../app/toasts';
import { errorMessage } from '../../lib/api-errors';
import { useScreenReady } from '../../lib/screen';
import { useLoaded } from '../../lib/use-loaded';

type View = ChannelOutput<'sync:connection'>;
type Check = ChannelOutput<'sync:checkConnection'>;

/**
 * Administrator: the central system's address and the organisation's keys (regulation 4.12). The
 * Secret Access Key is write-only here — the services answer only whether it is set («задан»).
 */
export function ConnectionScreen() {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const loaded = useLoaded(String(revision), () => api.call('sync:connection', {}));
  useScreenReady('connection', loaded.value !== null);
  if (loaded.value === null) {
    return loaded.error === null ? (
      <div className="screen-message">{t('app.loading')}</div>
    ) : (
      <div className="screen-message" role="alert">
        {t('syncUi.connection.loadError', { message: loaded.error })}
      </div>
    );
  }
  return <ConnectionForm key={revision} view={loaded.value} onSaved={() => setRevision((r) => r + 1)} />;
}

function ConnectionForm({ view, onSaved }: { view: View; onSaved(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { refresh } = useSyncStatus();
  const [serverUrl, setServerUrl] = useState(view.serverUrl);
  const [clientId, setClientId] = useState(view.clientId);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);
  const [result, setResult] = useState<Check | null>(null);
  const input = { serverUrl, clientId, secretAccessKey: secret };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setResult(null);
    try {
      await api.call('sync:saveConnection', input);
      notify(t('syncUi.connection.saved'), 'success');
      onSaved();
      void refresh();
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };
  const check = async () => {
    setBusy('check');
    setResult(null);
    try {
      setResult(await api.call('sync:checkConnection', input));
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="screen connection-screen" aria-labelledby="connection-title" data-testid="connection-screen">
      <div className="screen-head">
        <h1 id="connection-title">{t('syncUi.connection.title')}</h1>
      </div>
      <p className="muted">{t('syncUi.connection.intro')}</p>
      {view.embedded && <p className="banner banner-info">{t('syncUi.connection.embedded')}</p>}
      <form className="connection-form" onSubmit={(e) => void save(e)} aria-busy={busy !== null}>
        {(
          [
            ['url', 'url', t('syncUi.connection.serverUrl'), serverUrl, setServerUrl],
            ['client', 'text', t('syncUi.connection.clientId'), clientId, setClientId],
          ] as const
        ).map(([name, type, label, value, set]) => (
          <Fragment key={name}>
            <label htmlFor={`connection-${name}`}>{label}</label>
            <input
              id={`connection-${name}`}
              type={type}
              value={value}
              onChange={(e) => set(e.target.value)}
              autoComplete="off"
              data-testid={`connection-${name}`}
            />
          </Fragment>
        ))}
        <label htmlFor="connection-secret">{t('syncUi.connection.secret')}</label>
        <input
          id="connection-secret"
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="new-password"
          placeholder={view.secretSet ? t('syncUi.connection.secretSet') : t('syncUi.connection.secretNotSet')}
          data-testid="connection-secret"
          data-secret-set={view.secretSet ? 'true' : 'false'}
        />
        {view.secretSet && <span className="hint muted">{t('syncUi.connection.secretHint')}</span>}
        <div className="connection-buttons">
          <button type="submit" className="primary" disabled={busy !== null} data-testid="connection-save">
            {t('syncUi.connection.save')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void check()} data-testid="connection-check">
            {busy === 'check' ? t('syncUi.connection.checking') : t('syncUi.connection.check')}
          </button>
        </div>
        {result && (
          <div
            className={`connection-result banner ${result.ok ? 'banner-info' : 'banner-error'}`}
            role={result.ok ? 'status' : 'alert'}
            data-testid="connection-result"
            data-ok={result.ok ? 'true' : 'false'}
          >
            {result.message}
          </div>
        )}
      </form>
    </section>
  );
}
