import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EncryptionStatus, encryptionState } from '../../../../shared/encryption/schema';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { useLoaded } from '../../lib/use-loaded';

/** While a migration runs, its progress is read every so often (the action's own call is still pending). */
const PROGRESS_POLL_MS = 400;

function ProgressLine({ running }: { running: NonNullable<EncryptionStatus['running']> }) {
  const { t } = useTranslation();
  const action = running.action === 'encrypt' ? t('encryption.encrypting') : t('encryption.decrypting');
  return (
    <div className="encryption-progress" data-testid="encryption-progress">
      <progress max={running.total} value={running.done} />
      <span>{t('encryption.progress', { action, done: running.done, total: running.total })}</span>
    </div>
  );
}

function PassphraseField(props: { label: string; value: string; onChange(value: string): void; testId: string }) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        autoComplete="new-password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}

function EncryptDialog(props: {
  status: EncryptionStatus;
  busy: boolean;
  onRun(passphrase?: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const ask = props.status.needsPassphrase;
  const mismatch = ask && repeat !== '' && passphrase !== repeat;
  return (
    <Modal title={t('encryption.encryptTitle')} onClose={props.onClose} testId="encrypt-dialog">
      <p className="restore-warning">{t('encryption.encryptWarning')}</p>
      {ask && (
        <div className="encryption-passphrase">
          <PassphraseField
            label={t('encryption.passphrase')}
            value={passphrase}
            onChange={setPassphrase}
            testId="encryption-passphrase"
          />
          <PassphraseField
            label={t('encryption.passphraseRepeat')}
            value={repeat}
            onChange={setRepeat}
            testId="encryption-passphrase-repeat"
          />
          {mismatch && (
            <p className="field-error" role="alert">
              {t('encryption.mismatch')}
            </p>
          )}
          <p className="muted">{t('encryption.passphraseHint')}</p>
        </div>
      )}
      <div className="backups-actions">
        <button
          type="button"
          className="primary"
          disabled={props.busy || (ask && (passphrase === '' || passphrase !== repeat))}
          data-testid="encrypt-confirm"
          onClick={() => props.onRun(ask ? passphrase : undefined)}
        >
          {t('encryption.confirmEncrypt')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('encryption.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/**
 * «Шифрование базы данных» on «Резервные копии» (administrator, decision 014): whether the database and
 * the files are encrypted and how the key is protected; «Зашифровать базу» / «Снять шифрование» after a
 * confirmation, with progress. Each action is recorded in the security log by the service.
 */
export function EncryptionPanel({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'encrypt' | 'decrypt' | null>(null);
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<EncryptionStatus['running']>(null);
  const loaded = useLoaded(String(version), () => api.call('encryption:status', {}));

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      api.call('encryption:status', {}).then(
        (s) => setRunning(s.running),
        () => undefined,
      );
    }, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [busy]);

  const run = async (action: 'encrypt' | 'decrypt', passphrase?: string) => {
    setBusy(true);
    try {
      if (action === 'encrypt') {
        await api.call('encryption:encrypt', passphrase ? { confirm: true, passphrase } : { confirm: true });
      } else await api.call('encryption:decrypt', { confirm: true });
      notify(action === 'encrypt' ? t('encryption.encrypted') : t('encryption.decrypted'), 'success');
      setDialog(null);
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t('encryption.failed', { message: errorMessage(err) }), 'error');
    } finally {
      setBusy(false);
      setRunning(null);
      setVersion((v) => v + 1);
      onChanged();
    }
  };

  const status = loaded.value;
  if (!status) return null;
  const state = encryptionState(status);
  const stateLabel = {
    on: t('encryption.stateOn'),
    off: t('encryption.stateOff'),
    partial: t('encryption.statePartial'),
  };
  const protection =
    status.protection === 'os'
      ? t('encryption.protectionOs')
      : status.protection === 'passphrase'
        ? t('encryption.protectionPassphrase')
        : t('encryption.protectionNone');
  return (
    <section className="encryption-panel" aria-labelledby="encryption-title" data-testid="encryption-panel">
      <h2 id="encryption-title">{t('encryption.title')}</h2>
      <p className="muted">{t('encryption.intro')}</p>
      <dl className="encryption-facts">
        <dt>{t('encryption.database')}</dt>
        <dd>
          <span
            className={state === 'on' ? 'status-ok' : state === 'partial' ? 'status-broken' : ''}
            data-testid="encryption-state"
            data-state={state}
          >
            {stateLabel[state]}
          </span>{' '}
          <span className="muted">{t('encryption.files', status.files)}</span>
        </dd>
        <dt>{t('encryption.protection')}</dt>
        <dd>{protection}</dd>
      </dl>
      {running && <ProgressLine running={running} />}
      <div className="backups-actions">
        {state !== 'on' && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            data-testid="encryption-encrypt"
            onClick={() => setDialog('encrypt')}
          >
            {state === 'partial' && status.database ? t('encryption.resume') : t('encryption.encrypt')}
          </button>
        )}
        {state !== 'off' && (
          <button type="button" disabled={busy} data-testid="encryption-decrypt" onClick={() => setDialog('decrypt')}>
            {t('encryption.decrypt')}
          </button>
        )}
      </div>
      {dialog === 'encrypt' && (
        <EncryptDialog
          status={status}
          busy={busy}
          onRun={(p) => void run('encrypt', p)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'decrypt' && (
        <Modal title={t('encryption.decryptTitle')} onClose={() => setDialog(null)} testId="decrypt-dialog">
          <p className="restore-warning">{t('encryption.decryptWarning')}</p>
          <div className="backups-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="decrypt-confirm"
              onClick={() => void run('decrypt')}
            >
              {t('encryption.confirmDecrypt')}
            </button>
            <button type="button" onClick={() => setDialog(null)}>
              {t('encryption.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
