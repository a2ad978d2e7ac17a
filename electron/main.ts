import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { startBackend } from './host/backend';
import { registerIpcHandlers } from './host/ipc';
import { CONTENT_SECURITY_POLICY } from './host/security-policy';
import { osKeyProtector } from './services/encryption/data-key';
import { readUpdateSettings } from './services/release/release-service';
import { SafeStorageCredentialStore } from './services/sync/credentials';
import { parseStartOptions } from './start-options';
import { ElectronUpdateService } from './updater/electron-update-service';

export interface ShellOptions {
  /** electron-updater's platform updater (NSIS, AppImage, deb); tests pass a fake. */
  updater?: () => Promise<AppUpdater>;
}

const platformUpdater = async (): Promise<AppUpdater> => (await import('electron-updater')).autoUpdater;

/** Where the built renderer lives next to this bundle (dist/electron/main.cjs → dist/renderer). */
export function rendererIndex(baseDir: string): string {
  return join(baseDir, '..', 'renderer', 'index.html');
}

/**
 * The shell could not start — a database written by a newer version (DatabaseTooNewError), a locked or
 * unreadable data folder: the Russian message in an error box (there is no window yet), then exit 1.
 */
export function failStart(err: unknown): void {
  console.error(err);
  dialog.showErrorBox('АРМ делопроизводителя', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

export async function startElectron(argv: string[], baseDir: string, shell: ShellOptions = {}): Promise<void> {
  const options = parseStartOptions(argv, app.getPath('userData'));
  await app.whenReady();
  const indexHtml = rendererIndex(baseDir);
  const appUrl = pathToFileURL(indexHtml).href;
  const isTrusted = (url: string) => url === appUrl || url.startsWith(`${appUrl}#`) || url.startsWith(`${appUrl}?`);

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrusted(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const backend = await startBackend({
    ...options,
    mode: 'electron',
    version: app.getVersion(),
    migrationsFolder: join(baseDir, 'migrations'),
    // The organisation's keys encrypted by the OS, next to (not in) the database.
    credentials: new SafeStorageCredentialStore(options.dataDir, safeStorage),
    // The database's data key sealed by the OS the same way (decision 014).
    keyProtector: osKeyProtector(safeStorage),
  });
  // Automatic updates from the organisation's server (decision 011): configured from the administrator's
  // settings in the database, checked once at start; a downloaded update installs when the app quits.
  const updates = new ElectronUpdateService(await (shell.updater ?? platformUpdater)(), {
    currentVersion: app.getVersion(),
    logger: backend.services.logger,
  });
  const updateSettings = readUpdateSettings(backend.services.store);
  updates.configure(updateSettings.feedUrl, updateSettings.autoDownload);
  if (updateSettings.feedUrl) void updates.check();
  registerIpcHandlers(ipcMain, { ...backend.services, updates }, isTrusted);
  app.on('window-all-closed', () => {
    void backend.close().then(() => app.quit());
  });

  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    title: 'АРМ делопроизводителя',
    show: false,
    // Hardened window options (design.md, "Security"): the renderer gets no Node and only the bridge.
    // Written inline so that Electronegativity (`scripts/electronegativity.ts`, in `npm test`) sees them.
    webPreferences: {
      preload: join(baseDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(indexHtml);
}
