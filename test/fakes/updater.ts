import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';

/** A recording stand-in for electron-updater's AppUpdater (main.ts wiring tests; the real one is tested in
 * test/integration/release/updater.test.ts against a local update server). */
export class FakeUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  disableWebInstaller = false;
  logger: unknown = null;
  feeds: unknown[] = [];
  checks = 0;
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.checks++;
    return null;
  }
  async downloadUpdate() {
    return [];
  }
  quitAndInstall() {}
  asAppUpdater(): AppUpdater {
    return this as unknown as AppUpdater;
  }
}
