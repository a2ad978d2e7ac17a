import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/sync/status';
import { api } from '../api';
import { errorMessage, reportIfUnauthenticated } from '../lib/api-errors';
import { useNotify } from './toasts';

/** How often the status is asked for while the clerk is logged in. */
export const SYNC_POLL_MS = 10_000;

interface SyncValue {
  /** The last status the services reported; null until the first answer. */
  status: SyncStatusView | null;
  /** The last `sync:status` call failed (the app itself unreachable): its message; null otherwise. */
  failure: string | null;
  /** A «Синхронизировать» round is running. */
  running: boolean;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
}

const SyncContext = createContext<SyncValue | null>(null);

/**
 * Sync status for the header indicator, the left navigation's badge and the «Требуют внимания»
 * screen: asked for every 10 s, on every navigation (a registered card opens its own route) and
 * when the window becomes visible again. Answers are applied in the order the calls started, so a
 * slow poll never overwrites a newer status.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const started = useRef(0);
  const applied = useRef(0);
  const busy = useRef(false);

  const settle = useCallback((call: number, next: SyncStatusView | null, message: string | null) => {
    if (call < applied.current) return;
    applied.current = call;
    if (next) setStatus(next);
    setFailure(message);
  }, []);

  const refresh = useCallback(async () => {
    if (busy.current) return; // the running round answers with a fresher status
    const call = ++started.current;
    try {
      settle(call, await api.call('sync:status', {}), null);
    } catch (err) {
      reportIfUnauthenticated(err);
      settle(call, null, errorMessage(err));
    }
  }, [settle]);

  const syncNow = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    const call = ++started.current;
    try {
      const next = await api.call('sync:now', {});
      settle(call, next, null);
      if (next.configured && !next.online && next.lastError)
        notify(t('sync.failed', { message: next.lastError }), 'error');
    } catch (err) {
      reportIfUnauthenticated(err);
      const message = errorMessage(err);
      settle(call, null, message);
      notify(t('sync.failed', { message }), 'error');
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [settle, notify, t]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), SYNC_POLL_MS);
    const onNavigate = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('hashchange', onNavigate);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('hashchange', onNavigate);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const value = useMemo<SyncValue>(
    () => ({ status, failure, running, refresh, syncNow }),
    [status, failure, running, refresh, syncNow],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSyncStatus(): SyncValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSyncStatus outside SyncStatusProvider');
  return value;
}
