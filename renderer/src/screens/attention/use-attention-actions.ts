import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useSyncStatus } from '../../app/SyncStatusProvider';
import { useSession } from '../../app/session';
import { useNotify } from '../../app/toasts';
import { errorMessage } from '../../lib/api-errors';

/** Re-send / discard of a refused command, acknowledge of an entry not applied here; the status (and so the list) is refreshed after either. */
export function useAttentionActions() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { refresh } = useSyncStatus();
  const [busy, setBusy] = useState<string | null>(null);
  // The services allow clerks and the administrator (electron/services/sync/attention.ts).
  const roles = useSession().user?.roles ?? [];
  const canSettle = roles.includes('clerk') || roles.includes('admin');

  const run = useCallback(
    async (commandId: string, call: () => Promise<unknown>, done: string) => {
      setBusy(commandId);
      try {
        await call();
        notify(done, 'success');
      } catch (err) {
        notify(t('syncUi.actions.failed', { message: errorMessage(err) }), 'error');
      } finally {
        setBusy(null);
        await refresh();
      }
    },
    [notify, refresh, t],
  );

  const resend = (commandId: string) =>
    run(commandId, () => api.call('sync:resend', { commandId }), t('syncUi.actions.resent'));
  const discard = (commandId: string) =>
    run(commandId, () => api.call('sync:discard', { commandId }), t('syncUi.actions.discarded'));
  const acknowledge = (key: string) =>
    run(key, () => api.call('sync:acknowledge', { key }), t('syncUi.unapplied.acknowledged'));
  return { busy, canSettle, resend, discard, acknowledge };
}
