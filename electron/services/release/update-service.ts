import type { UpdateStatus } from '../../../shared/release/schema';

/**
 * Automatic updates as the services see them (decision 011). The Electron shell provides the one
 * implementation (electron/updater/electron-update-service.ts over electron-updater's generic provider),
 * wired only in electron/main.ts; browser mode has none and the screens say updates are Electron-only.
 */
export interface UpdateService {
  status(): UpdateStatus;
  /** Points the updater at the organisation's server (null: updates off); `autoDownload` as configured. */
  configure(feedUrl: string | null, autoDownload: boolean): void;
  /** Asks the server's latest.yml for a newer version (staged rollout honoured). Never throws: see `error`. */
  check(): Promise<UpdateStatus>;
  /** Downloads the available update, verifying sha512 (and the publisher's signature on Windows). */
  download(): Promise<UpdateStatus>;
  /** Quits and runs the installer of the downloaded update; false when nothing is downloaded. */
  installNow(): boolean;
}

export function initialUpdateStatus(currentVersion: string, feedUrl: string | null): UpdateStatus {
  return { phase: 'idle', currentVersion, feedUrl, available: null, progress: null, error: null, checkedAt: null };
}
