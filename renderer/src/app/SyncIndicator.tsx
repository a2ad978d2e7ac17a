import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format';
import { formatDateTime, formatTimeOrDateTime } from '../lib/minsk-date';
import { routeHash } from '../lib/router';
import { useSyncStatus } from './SyncStatusProvider';
import { syncIndicatorView } from './sync-state';

/**
 * The header's sync indicator: the state of the exchange with the central appeals system in one line
 * (its reason in the tooltip) and «Синхронизировать» for a round now.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status, failure, running, syncNow } = useSyncStatus();
  const { state, connecting } = syncIndicatorView(status, failure);
  const pending = status?.pending ?? 0;
  const rejected = status?.rejected.length ?? 0;
  const lastSync = status?.lastSyncAt
    ? t('sync.lastSync', { when: formatDateTime(status.lastSyncAt) })
    : t('sync.neverSynced');

  let label: string;
  let title: string;
  switch (state) {
    case 'off':
      label = t('sync.off');
      title = t('sync.notConfigured');
      break;
    case 'offline':
      label = t('sync.offline');
      title = [
        failure ?? status?.lastError ?? '',
        pending > 0 ? t('sync.pendingTitle', { n: formatCount(pending) }) : '',
        lastSync,
      ]
        .filter(Boolean)
        .join('\n');
      break;
    case 'attention':
      label = t('sync.attention', { n: formatCount(rejected) });
      title = t('sync.attentionTitle', { n: formatCount(rejected) });
      break;
    case 'pending':
      label = connecting ? t('sync.connecting') : t('sync.pending', { n: formatCount(pending) });
      title = connecting ? lastSync : `${t('sync.pendingTitle', { n: formatCount(pending) })}\n${lastSync}`;
      break;
    default:
      label = status?.lastSyncAt ? t('sync.ok', { time: formatTimeOrDateTime(status.lastSyncAt) }) : t('sync.okNever');
      title = lastSync;
  }

  // A long pull (the first sync of a big organisation): how far it is, from the server's `remaining`.
  const progress = status?.progress ?? null;
  if (progress) {
    const values = { done: formatCount(progress.done), total: formatCount(progress.total) };
    label = progress.first ? t('syncUi.progress.first', values) : t('syncUi.progress.pull', values);
  }

  return (
    <div
      className={`sync-indicator sync-${state}`}
      data-testid="sync-indicator"
      data-state={state}
      data-pending={status ? String(pending) : ''}
      data-rejected={status ? String(rejected) : ''}
      data-running={running ? 'true' : 'false'}
    >
      <span className="sync-dot" aria-hidden="true" />
      {state === 'attention' ? (
        <a className="sync-label" href={routeHash({ screen: 'attention' })} title={title} data-testid="sync-label">
          {label}
        </a>
      ) : (
        <span className="sync-label" title={title} data-testid="sync-label">
          {label}
        </span>
      )}
      {progress && (
        <progress
          className="sync-progress"
          max={progress.total}
          value={progress.done}
          aria-label={label}
          data-testid="sync-progress"
          data-done={progress.done}
          data-total={progress.total}
        />
      )}
      {state !== 'off' && (
        <button
          type="button"
          className="sync-now"
          onClick={() => void syncNow()}
          disabled={running}
          aria-busy={running}
          title={t('sync.nowTitle')}
          data-testid="sync-now"
        >
          {running && <span className="sync-spinner" aria-hidden="true" />}
          {running ? t('sync.running') : t('sync.now')}
        </button>
      )}
    </div>
  );
}
