// Types for the subset of Electron this project uses, for machines where the `electron` package could not
// be installed (its binary download fails; it is an optional dependency). tsconfig's `paths` prefers the
// real `node_modules/electron/electron.d.ts` whenever it exists.
type Listener = (...args: never[]) => unknown;

export interface WebContents {
  id: number;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): this;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}

export interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  experimentalFeatures?: boolean;
  webviewTag?: boolean;
  navigateOnDragDrop?: boolean;
  disableBlinkFeatures?: string;
  spellcheck?: boolean;
}

export class BrowserWindow {
  constructor(options: {
    width?: number;
    height?: number;
    title?: string;
    show?: boolean;
    webPreferences?: WebPreferences;
  });
  webContents: WebContents;
  once(event: 'ready-to-show', listener: () => void): this;
  show(): void;
  loadFile(path: string): Promise<void>;
}

export interface IpcMainInvokeEvent {
  sender: WebContents;
  senderFrame: { url: string } | null;
}

export const ipcMain: {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown,
  ): void;
};

export const ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
export const contextBridge: { exposeInMainWorld(key: string, api: unknown): void };

export const app: {
  whenReady(): Promise<void>;
  getPath(name: 'userData' | 'logs' | 'temp'): string;
  getVersion(): string;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(code?: number): void;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): void;
  on(event: 'window-all-closed', listener: () => void): void;
};

export const dialog: { showErrorBox(title: string, content: string): void };
export const safeStorage: {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export const session: {
  defaultSession: {
    setPermissionRequestHandler(
      handler: ((wc: WebContents, permission: string, callback: (granted: boolean) => void) => void) | null,
    ): void;
    webRequest: {
      onHeadersReceived(
        listener: (
          details: { responseHeaders?: Record<string, string[]> },
          callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
        ) => void,
      ): void;
    };
  };
};

export type { Listener };
