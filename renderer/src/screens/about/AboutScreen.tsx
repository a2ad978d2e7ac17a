import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { About, UpdateStatus } from '../../../../shared/release/schema';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { useNotify } from '../../app/toasts';
import { FormFooter } from '../../components/FormFooter';
import { errorMessage } from '../../lib/api-errors';
import { formatSize } from '../../lib/format';
import { formatDateTime } from '../../lib/minsk-date';
import { useScreenReady } from '../../lib/screen';
import { useDownloadFile } from '../../lib/use-download-file';
import { useLoaded } from '../../lib/use-loaded';
import { ReleaseNotesList } from './ReleaseNotes';

/**
 * «О программе» (decision 011): versions and the database schema; updates from the organisation's server
 * (check, download with progress, install on restart or now); the administrator's update settings and
 * «Сохранить диагностику»; the running version's release notes.
 */
export function AboutScreen() {
  const { t } = useTranslation();
  const admin = useSession().user.roles.includes('admin');
  const about = useLoaded('about', () => api.call('release:about', {}));
  const notes = useLoaded('notes', () => api.call('release:notes', {}));
  useScreenReady('about', about.value !== null && notes.value !== null);
  // The settings the administrator saves here replace the loaded ones (the updates panel shows the server).
  const [saved, setSaved] = useState<About['settings'] | null>(null);
  const info = about.value && saved ? { ...about.value, settings: saved } : about.value;
  return (
    <section className="screen about-screen" aria-labelledby="about-title" data-testid="about-screen">
      <div className="screen-head">
        <h1 id="about-title">{t('release.title')}</h1>
      </div>
      {about.error && (
        <div className="banner banner-error" role="alert">
          {t('release.loadError', { message: about.error })}
        </div>
      )}
      {info && (
        <div className="about-columns">
          <div className="about-column">
            <VersionPanel info={info} />
            <UpdatesPanel info={info} />
            {admin && <UpdateSettingsPanel info={info} onSaved={setSaved} />}
            {admin && <DiagnosticsPanel />}
          </div>
          <fieldset className="form-section about-notes">
            <legend>{t('release.whatsNew', { version: info.version })}</legend>
            {notes.value && <ReleaseNotesList notes={notes.value.notes} />}
          </fieldset>
        </div>
      )}
    </section>
  );
}

function VersionPanel({ info }: { info: About }) {
  const { t } = useTranslation();
  const v = info.versions;
  const components = [
    `Node ${v.node}`,
    v.electron && `Electron ${v.electron}`,
    v.chrome && `Chromium ${v.chrome}`,
    `SQLite ${v.sqlite}`,
  ].filter(Boolean);
  return (
    <fieldset className="form-section">
      <legend>{info.product}</legend>
      <dl className="about-facts">
        <dt>{t('release.version')}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t('release.mode')}</dt>
        <dd>{t(`release.modes.${info.mode}`)}</dd>
        <dt>{t('release.platform')}</dt>
        <dd>{info.platform}</dd>
        <dt>{t('release.components')}</dt>
        <dd>{components.join(', ')}</dd>
        <dt>{t('release.schema')}</dt>
        <dd>{t('release.schemaValue', { applied: info.schema.applied, latest: info.schema.latest })}</dd>
      </dl>
    </fieldset>
  );
}

function UpdatesPanel({ info }: { info: About }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [status, setStatus] = useState<UpdateStatus | null>(info.update);
  const [busy, setBusy] = useState(false);
  const downloading = status?.phase === 'downloading';
  // Progress comes from the updater in the main process: poll while a download runs.
  useEffect(() => {
    if (!downloading) return;
    const timer = setInterval(() => {
      api.call('release:updateStatus', {}).then(setStatus, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [downloading]);
  const run = (channel: 'release:check' | 'release:download') => async () => {
    setBusy(true);
    try {
      setStatus(await api.call(channel, {}));
    } catch (err) {
      notify(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const install = async () => {
    try {
      await api.call('release:install', {});
    } catch (err) {
      notify(errorMessage(err), 'error');
    }
  };
  if (!info.updatesSupported) {
    return (
      <fieldset className="form-section" data-testid="updates-panel">
        <legend>{t('release.updates')}</legend>
        <p className="banner banner-info" data-testid="updates-browser-only">
          {t('release.browserOnly')}
        </p>
        <p className="muted small">
          {t('release.server')}: {info.settings.feedUrl ?? t('release.noServer')}
        </p>
      </fieldset>
    );
  }
  const version = status?.available?.version ?? '';
  const progress = status?.progress;
  return (
    <fieldset className="form-section" data-testid="updates-panel" data-phase={status?.phase ?? 'idle'}>
      <legend>{t('release.updates')}</legend>
      <p data-testid="update-phase">
        {t(`release.phases.${status?.phase ?? 'idle'}`, { version })}
        {status?.error && <span className="field-error"> — {status.error}</span>}
      </p>
      {status?.available?.stagingPercentage != null && (
        <p className="muted small">{t('release.staging', { percent: status.available.stagingPercentage })}</p>
      )}
      {progress && (
        <div className="about-progress">
          <progress max={100} value={progress.percent} />
          <span className="small">
            {t('release.progress', {
              percent: Math.round(progress.percent),
              done: formatSize(progress.transferred),
              total: formatSize(progress.total),
            })}
          </span>
        </div>
      )}
      <p className="muted small">
        {t('release.server')}: {status?.feedUrl ?? t('release.noServer')}
        {status?.checkedAt && ` · ${t('release.checkedAt', { at: formatDateTime(status.checkedAt) })}`}
      </p>
      <div className="about-actions">
        <button type="button" onClick={run('release:check')} disabled={busy || downloading}>
          {t('release.check')}
        </button>
        {(status?.phase === 'available' || (status?.phase === 'error' && status.available)) && (
          <button type="button" onClick={run('release:download')} disabled={busy}>
            {t('release.download')}
          </button>
        )}
        {status?.phase === 'downloaded' && (
          <button type="button" className="primary" onClick={install}>
            {t('release.install')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function UpdateSettingsPanel({ info, onSaved }: { info: About; onSaved(settings: About['settings']): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [feedUrl, setFeedUrl] = useState(info.settings.feedUrl ?? '');
  const [autoDownload, setAutoDownload] = useState(info.settings.autoDownload);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      onSaved(await api.call('release:saveSettings', { feedUrl: feedUrl.trim() || null, autoDownload }));
      notify(t('release.saved'), 'success');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <fieldset className="form-section" data-testid="update-settings">
      <legend>{t('release.settings')}</legend>
      <div className="field">
        <label htmlFor="update-feed-url">{t('release.feedUrl')}</label>
        <input
          id="update-feed-url"
          type="url"
          value={feedUrl}
          onChange={(e) => setFeedUrl(e.target.value)}
          aria-describedby="update-feed-url-hint"
          data-testid="update-feed-url"
        />
        <span id="update-feed-url-hint" className="hint">
          {t('release.feedUrlHint')}
        </span>
      </div>
      <div className="checkbox-field">
        <label>
          <input type="checkbox" checked={autoDownload} onChange={(e) => setAutoDownload(e.target.checked)} />
          {t('release.autoDownload')}
        </label>
      </div>
      <FormFooter
        error={error}
        errorTestId="update-settings-error"
        errorClassName="field-error"
        actionsClassName="about-actions"
        main={{ label: t('release.save'), onClick: () => void save(), testId: 'update-settings-save' }}
      />
    </fieldset>
  );
}

function DiagnosticsPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { busy, download } = useDownloadFile();
  const save = async () => {
    const file = await download(
      () => api.call('release:diagnostics', {}),
      'application/zip',
      (message) => message,
    );
    if (file) notify(t('release.diagnosticsSaved', { name: file.fileName }), 'success');
  };
  return (
    <fieldset className="form-section">
      <legend>{t('release.diagnostics')}</legend>
      <p className="muted small">{t('release.diagnosticsHint')}</p>
      <div className="about-actions">
        <button type="button" onClick={save} disabled={busy} data-testid="save-diagnostics">
          {t('release.saveDiagnostics')}
        </button>
      </div>
    </fieldset>
  );
}
