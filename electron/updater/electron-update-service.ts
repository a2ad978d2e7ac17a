import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateStatus } from '../../shared/release/schema';
import type { AppLogger } from '../services/logging/logger';
import { initialUpdateStatus, type UpdateService } from '../services/release/update-service';

/**
 * UpdateService over electron-updater (decision 011): the `generic` provider pointed at the organisation's
 * own server (a folder with latest.yml and the installers), never a public host. electron-updater verifies
 * the download's sha512 from latest.yml and, on Windows, the installer's Authenticode publisher
 * (win.signtoolOptions.publisherName in app-update.yml); a staged rollout (`stagingPercentage`) offers the
 * version to that share of workstations only. A downloaded update installs when the application quits, or
 * at once on demand.
 */
export class ElectronUpdateService implements UpdateService {
  private state: UpdateStatus;

  constructor(
    private readonly updater: AppUpdater,
    options: { currentVersion: string; logger?: AppLogger; clock?: () => Date },
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.state = initialUpdateStatus(options.currentVersion, null);
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    updater.allowDowngrade = false;
    updater.disableWebInstaller = true;
    if (options.logger) {
      const log = options.logger.child({ component: 'updater' });
      updater.logger = {
        info: (m: unknown) => log.info(String(m)),
        warn: (m: unknown) => log.warn(String(m)),
        error: (m: unknown) => log.error(String(m)),
        debug: (m: string) => log.debug(m),
      };
    }
    updater.on('checking-for-update', () => this.set({ phase: 'checking', error: null }));
    updater.on('update-available', (info: UpdateInfo) => this.set({ phase: 'available', available: offered(info) }));
    updater.on('update-not-available', () => this.set({ phase: 'not-available', available: null }));
    updater.on('download-progress', (p: ProgressInfo) =>
      this.set({
        phase: 'downloading',
        progress: { percent: p.percent, transferred: p.transferred, total: p.total, bytesPerSecond: p.bytesPerSecond },
      }),
    );
    updater.on('update-downloaded', (info: UpdateInfo) =>
      this.set({ phase: 'downloaded', available: offered(info), error: null }),
    );
    updater.on('error', (err: Error) => this.set({ phase: 'error', error: russianUpdateError(err) }));
  }

  private readonly clock: () => Date;

  private set(patch: Partial<UpdateStatus>): void {
    this.state = { ...this.state, ...patch };
  }

  status(): UpdateStatus {
    return this.state;
  }

  configure(feedUrl: string | null, autoDownload: boolean): void {
    this.updater.autoDownload = autoDownload;
    if (feedUrl === this.state.feedUrl) return;
    if (feedUrl) this.updater.setFeedURL({ provider: 'generic', url: feedUrl, useMultipleRangeRequest: false });
    this.state = initialUpdateStatus(this.state.currentVersion, feedUrl);
  }

  async check(): Promise<UpdateStatus> {
    if (!this.state.feedUrl) {
      this.set({ phase: 'error', error: 'Адрес сервера обновлений не задан (администратор, «О программе»).' });
      return this.state;
    }
    if (this.state.phase === 'downloading' || this.state.phase === 'downloaded') return this.state;
    try {
      const result = await this.updater.checkForUpdates();
      const available = result?.isUpdateAvailable ?? false;
      this.set({
        phase: available ? 'available' : 'not-available',
        available: available && result ? offered(result.updateInfo) : null,
        error: null,
        checkedAt: this.clock().toISOString(),
      });
      if (available && this.updater.autoDownload && result?.downloadPromise) {
        this.set({ phase: 'downloading', progress: null });
        await result.downloadPromise.catch(() => undefined);
      }
    } catch (err) {
      this.set({ phase: 'error', error: russianUpdateError(err), checkedAt: this.clock().toISOString() });
    }
    return this.state;
  }

  async download(): Promise<UpdateStatus> {
    if (this.state.phase === 'downloaded') return this.state;
    if (this.state.phase !== 'available' && this.state.phase !== 'error') return this.state;
    if (!this.state.available) return this.state;
    this.set({ phase: 'downloading', progress: null, error: null });
    try {
      await this.updater.downloadUpdate();
      this.set({ phase: 'downloaded', error: null });
    } catch (err) {
      this.set({ phase: 'error', error: russianUpdateError(err) });
    }
    return this.state;
  }

  installNow(): boolean {
    if (this.state.phase !== 'downloaded') return false;
    this.updater.quitAndInstall(false, true);
    return true;
  }
}

function offered(info: UpdateInfo): NonNullable<UpdateStatus['available']> {
  const notes = info.releaseNotes;
  return {
    version: info.version,
    releaseDate: info.releaseDate ?? null,
    stagingPercentage: typeof info.stagingPercentage === 'number' ? info.stagingPercentage : null,
    releaseNotes:
      typeof notes === 'string' ? notes : Array.isArray(notes) ? notes.map((n) => n.note ?? '').join('\n') : null,
  };
}

/** What the screen says for an updater failure (the log keeps the technical message). */
export function russianUpdateError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message))
    return 'Загруженный файл обновления повреждён (контрольная сумма не совпадает с latest.yml). Установка отменена.';
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE')
    return 'Установщик обновления не подписан издателем, указанным при сборке программы. Установка отменена.';
  if (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|aborted|premature close/i.test(
      `${code} ${message}`,
    )
  )
    return 'Сервер обновлений недоступен или прервал загрузку. Повторите попытку позже.';
  if (/HttpError|404|status code/i.test(`${(err as Error)?.name} ${message}`))
    return 'Сервер обновлений ответил ошибкой: проверьте адрес сервера и наличие latest.yml.';
  return `Не удалось обновить программу: ${message.slice(0, 200)}`;
}
