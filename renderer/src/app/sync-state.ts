import type { SyncStatusView } from '../../../shared/sync/status';

/** What the header's sync indicator shows (its `data-state`). */
export type SyncIndicatorState = 'ok' | 'pending' | 'offline' | 'attention' | 'off';

export interface SyncIndicatorView {
  state: SyncIndicatorState;
  /** No round has finished yet since the workstation started (or the status is not loaded yet). */
  connecting: boolean;
}

/**
 * The one state to show, most urgent first: not configured, no connection, refused changes,
 * changes waiting to be sent, all sent. `failure` is a failed `sync:status` call (the app itself
 * unreachable): the clerk sees it as no connection.
 */
export function syncIndicatorView(status: SyncStatusView | null, failure: string | null): SyncIndicatorView {
  if (failure !== null) return { state: 'offline', connecting: false };
  if (status === null) return { state: 'pending', connecting: true };
  if (!status.configured) return { state: 'off', connecting: false };
  if (!status.online && status.lastError !== null) return { state: 'offline', connecting: false };
  if (status.rejected.length > 0) return { state: 'attention', connecting: false };
  if (status.pending > 0) return { state: 'pending', connecting: false };
  if (!status.online) return { state: 'pending', connecting: true };
  return { state: 'ok', connecting: false };
}
