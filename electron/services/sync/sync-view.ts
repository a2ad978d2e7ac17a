import type { SyncStatusView } from '../../../shared/sync/status';
import { requireUser } from '../auth/auth-service';
import type { CallContext } from '../context';
import { unappliedChanges } from './attention';

const NOT_CONFIGURED: SyncStatusView = {
  configured: false,
  online: false,
  lastSyncAt: null,
  lastError: 'Подключение к системе обращений не настроено',
  pending: 0,
  rejected: [],
  unapplied: [],
  progress: null,
};

/** `sync:status`. */
export function syncStatus(ctx: CallContext): SyncStatusView {
  requireUser(ctx);
  if (!ctx.sync) return NOT_CONFIGURED;
  return { configured: true, ...ctx.sync.status(), unapplied: unappliedChanges(ctx.store.db) };
}

/** `sync:now`: one round now (the clerk pressed «Синхронизировать»), then the status. */
export async function syncNow(ctx: CallContext): Promise<SyncStatusView> {
  requireUser(ctx);
  if (ctx.sync) await ctx.sync.syncOnce();
  return syncStatus(ctx);
}
