import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings } from '../../../../shared/backup/schema';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';
import { formatSize } from '../../lib/format';
import { formatDateTime } from '../../lib/minsk-date';
import { useScreenReady } from '../../lib/screen';
import { useLoaded } from '../../lib/use-loaded';
import { EncryptionPanel } from './EncryptionPanel';

function VerificationCell({ backup }: { backup: BackupInfo }) {
  const { t } = useTranslation();
  const v = backup.verification;
  if (!v) return <span className="muted">{t('data.backups.notVerified')}</span>;
  return (
    <div>
      <span className={v.ok ? 'status-ok' : 'status-broken'} data-testid="backup-status">
        {v.ok ? t('data.backups.ok') : t('data.backups.broken')}
      </span>{' '}
      <span className="muted">{formatDateTime(v.checkedAt)}</span>
      {v.problems.length > 0 && (
        <ul className="backups-problems">
          {v.problems.slice(0, 5).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SettingsForm({ saved, onSaved }: { saved: BackupSettings; onSaved(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [keep, setKeep] = useState(String(saved.keep));
  const [interval, setInterval] = useState(String(saved.intervalHours));
  const save = async () => {
    try {
      await api.call('backups:settings', { keep: Number(keep), intervalHours: Number(interval) });
      notify(t('data.backups.saved'), 'success');
      onSaved();
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t('data.backups.failed', { message: errorMessage(err) }), 'error');
    }
  };
  return (
    <div className="backups-settings">
      <label>
        {t('data.backups.keep')}
        <input type="number" min={1} max={100} value={keep} onChange={(e) => setKeep(e.target.value)} />
      </label>
      <label>
        {t('data.backups.interval')}
        <input type="number" min={0} max={720} value={interval} onChange={(e) => setInterval(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()} data-testid="backups-save-settings">
        {t('data.backups.save')}
      </button>
    </div>
  );
}

/**
 * «Резервные копии» (administrator): the backups of this data folder with their verification, a backup
 * now, verification on demand, restore after a confirmation (the current state is kept as a backup), and
 * the encryption of the data folder (EncryptionPanel).
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const notify = useNotify();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const loaded = useLoaded(String(version), () => api.call('backups:list', {}));
  useScreenReady('backups', loaded.value !== null);
  const reload = () => setVersion((v) => v + 1);

  const run = async (what: string, action: () => Promise<string>) => {
    setBusy(what);
    try {
      notify(await action(), 'success');
    } catch (err) {
      reportIfUnauthenticated(err);
      notify(t('data.backups.failed', { message: errorMessage(err) }), 'error');
    } finally {
      setBusy(null);
      reload();
    }
  };

  const create = async () => {
    const made = await api.call('backups:create', {});
    return t('data.backups.created', { id: formatDateTime(made.createdAt) });
  };
  const restore = async (backup: BackupInfo) => {
    const done = await api.call('backups:restore', { id: backup.id, confirm: true });
    setConfirm(null);
    return t('data.backups.restored', { id: formatDateTime(backup.createdAt), safety: done.safetyBackup ?? '—' });
  };
  /** The screen's main buttons (a backup now, the restore): `labels` idle and while `what` runs. */
  const primaryAction = (
    what: string,
    testId: string,
    labels: [idle: string, running: string],
    action: () => Promise<string>,
  ) => (
    <button
      type="button"
      className="primary"
      disabled={busy !== null}
      data-testid={testId}
      onClick={() => void run(what, action)}
    >
      {busy === what ? labels[1] : labels[0]}
    </button>
  );

  const data = loaded.value;
  return (
    <section className="screen backups-screen" aria-labelledby="backups-title" data-testid="backups-screen">
      <div className="screen-head">
        <h1 id="backups-title">{t('data.backups.title')}</h1>
      </div>
      {loaded.error && (
        <p className="banner banner-error" role="alert">
          {t('data.backups.loadError', { message: loaded.error })}
        </p>
      )}
      <div className="backups-actions">
        {primaryAction('create', 'backups-create', [t('data.backups.createNow'), t('data.backups.creating')], create)}
        <span className="muted">{t('data.backups.location')}</span>
      </div>
      {data && data.backups.length === 0 && <p className="muted">{t('data.backups.empty')}</p>}
      {data && data.backups.length > 0 && (
        <table className="table backups-table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('data.backups.created_at')}</th>
              <th>{t('data.backups.reason')}</th>
              <th className="num">{t('data.backups.appeals')}</th>
              <th className="num">{t('data.backups.files')}</th>
              <th className="num">{t('data.backups.size')}</th>
              <th>{t('data.backups.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.id} data-testid="backup-row" data-id={b.id}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{t(`data.backups.reasons.${b.reason}`)}</td>
                <td className="num">{b.appeals}</td>
                <td className="num">{b.files}</td>
                <td className="num">{formatSize(b.dbBytes + b.fileBytes)}</td>
                <td>
                  <VerificationCell backup={b} />
                </td>
                <td className="actions">
                  <button
                    type="button"
                    disabled={busy !== null}
                    data-testid="backup-verify"
                    onClick={() =>
                      void run(`verify-${b.id}`, async () => {
                        const checked = await api.call('backups:verify', { id: b.id });
                        const result = checked.verification?.ok ? t('data.backups.ok') : t('data.backups.broken');
                        return t('data.backups.verified', { id: formatDateTime(b.createdAt), result });
                      })
                    }
                  >
                    {t('data.backups.verify')}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={busy !== null || b.verification?.ok === false}
                    data-testid="backup-restore"
                    onClick={() => setConfirm(b)}
                  >
                    {t('data.backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <SettingsForm key={JSON.stringify(data.settings)} saved={data.settings} onSaved={reload} />}
      <EncryptionPanel onChanged={reload} />
      {confirm && (
        <Modal title={t('data.backups.restoreTitle')} onClose={() => setConfirm(null)} testId="restore-dialog">
          <p className="restore-warning">
            {t('data.backups.restoreWarning', { date: formatDateTime(confirm.createdAt), n: confirm.appeals })}
          </p>
          <div className="backups-actions">
            {primaryAction(
              'restore',
              'restore-confirm',
              [t('data.backups.restoreConfirm'), t('data.backups.restoring')],
              () => restore(confirm),
            )}
            <button type="button" onClick={() => setConfirm(null)}>
              {t('data.backups.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
