import type { WorkingCopy } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import { toMinskIso } from '../../../shared/calendar';
import type { AttachmentStore } from '../attachments/attachment-store';
import { backoffDelay } from './backoff';
import type { CentralApi } from './central-api';
import { CentralError } from './central-error';
import { emptyPullReport, type PullProgress, type PullReport, pullChanges } from './pull-changes';
import { emptyPushReport, type PushReport, pushOutbox } from './push-outbox';
import { refreshDirectory } from './refresh-directory';
import { describeSyncError } from './sync-messages';
import { LAST_SYNC_KEY, readState, writeState } from './sync-state';
import { pendingCount, rejectedCommands, type SyncStatus } from './sync-status';
import type { UploadOptions } from './upload-files';

export interface SyncEngineOptions {
  store: WorkingCopy;
  files: AttachmentStore;
  /** The central system: `HttpCentralApi`, or any other implementation (tests, a real endpoint). */
  api: CentralApi;
  clock?: () => Date;
  /** Commands per POST /commands (default and maximum 50). */
  batchSize?: number;
  /** Changes per GET /changes (default 200). */
  pageSize?: number;
  /** Longest pause between rounds after failures (default 5 min). */
  maxBackoffMs?: number;
  upload?: UploadOptions;
  log?: (line: string) => void;
}

export interface SyncReport {
  ok: boolean;
  /** Russian, for the clerk. */
  error: string | null;
  startedAt: string;
  durationMs: number;
  push: PushReport;
  pull: PullReport;
  /** Organisations stored by the directory refresh; null when it was fresh enough or could not be fetched. */
  directory: number | null;
}

/**
 * The sync engine (design.md, "Data and sync"): a round pushes the outbox, then pulls the change feed,
 * then refreshes the directory of organisations when it is an hour old.
 * Rounds never overlap; between rounds it waits the interval, longer after failures (backoff with
 * jitter, at least the server's Retry-After). Durable state is committed first, memory updated after.
 */
export class SyncEngine {
  private current: Promise<SyncReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private intervalMs = 0;
  private failures = 0;
  private retryAfterMs: number | null = null;
  private stopRequested = false;
  private online = false;
  private lastError: string | null = null;
  private lastSyncAt: string | null;
  /** The running pull's progress (null between pulls). */
  private progress: PullProgress | null = null;
  private readonly clock: () => Date;

  constructor(private readonly options: SyncEngineOptions) {
    this.clock = options.clock ?? (() => new Date());
    const stored = Number(readState(options.store.db, LAST_SYNC_KEY));
    this.lastSyncAt = stored > 0 ? toMinskIso(new Date(stored)) : null;
  }

  /** One round now; while a round runs, callers share it instead of starting another. */
  syncOnce(): Promise<SyncReport> {
    if (!this.current) this.current = this.round().finally(() => (this.current = null));
    return this.current;
  }

  /** Rounds every `intervalMs` (the first one at once); the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.intervalMs = Math.max(1, intervalMs);
    this.schedule(0);
  }

  /** No new rounds; resolves when the running one (if any) has finished its current page. */
  async stop(): Promise<void> {
    this.intervalMs = 0;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** The administrator changed the connection: the next rounds use this API (a running one ends with the old). */
  useApi(api: CentralApi): void {
    this.options.api = api;
    this.failures = 0;
    this.retryAfterMs = null;
  }

  status(): SyncStatus {
    const { db } = this.options.store;
    return {
      online: this.online,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      pending: pendingCount(db),
      rejected: rejectedCommands(db),
      progress: this.progress?.total ? { ...this.progress, total: this.progress.total } : null,
    };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncOnce().then(() => {
        if (this.intervalMs > 0) this.schedule(this.nextDelay());
      });
    }, delayMs);
    this.timer.unref();
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.intervalMs;
    const maxMs = Math.max(this.intervalMs, this.options.maxBackoffMs ?? 300_000);
    return Math.max(backoffDelay(this.failures, { baseMs: this.intervalMs, maxMs }), this.retryAfterMs ?? 0);
  }

  /**
   * The directory of organisations, at most hourly. It is reference data: a failure is logged and
   * retried next round, never failing the round that pushed and pulled the appeals.
   */
  private async refreshDirectory(): Promise<number | null> {
    try {
      return await refreshDirectory({ store: this.options.store, api: this.options.api, now: this.clock });
    } catch (error) {
      this.options.log?.(
        `справочник организаций не обновлён: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }

  private async round(): Promise<SyncReport> {
    const { store, files, api } = this.options;
    const startedAt = toMinskIso(this.clock());
    const t0 = performance.now();
    this.stopRequested = false;
    const push = emptyPushReport();
    const pull = emptyPullReport();
    let directory: number | null = null;
    const report = (ok: boolean, error: string | null): SyncReport => ({
      ok,
      error,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      push,
      pull,
      directory,
    });
    try {
      const now = this.clock;
      await pushOutbox(
        { store, files, api, now, batchSize: Math.min(50, this.options.batchSize ?? 50), upload: this.options.upload },
        push,
      );
      const cancelled = () => this.stopRequested;
      const onProgress = (progress: PullProgress) => {
        this.progress = progress;
      };
      try {
        await pullChanges(
          { store, files, api, now, pageSize: this.options.pageSize ?? 200, cancelled, onProgress },
          pull,
        );
      } finally {
        this.progress = null;
      }
      if (!this.stopRequested) directory = await this.refreshDirectory();
      const finished = this.clock();
      inTransaction(store.sqlite, () => writeState(store.db, LAST_SYNC_KEY, String(finished.getTime())));
      // Committed: now memory.
      this.lastSyncAt = toMinskIso(finished);
      this.online = true;
      this.lastError = null;
      this.failures = 0;
      this.retryAfterMs = null;
      return report(true, null);
    } catch (error) {
      this.online = false;
      this.lastError = describeSyncError(error);
      this.failures += 1;
      this.retryAfterMs = error instanceof CentralError ? error.retryAfterMs : null;
      this.options.log?.(`синхронизация не завершена: ${error instanceof Error ? error.message : String(error)}`);
      return report(false, this.lastError);
    }
  }
}
