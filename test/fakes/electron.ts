/**
 * A fake `electron` module for unit tests of main.ts and preload.ts (no Electron binary here).
 * It records what the shell asked for so tests can assert hardening and IPC wiring.
 */
type AnyFn = (...args: never[]) => unknown;

export class FakeWebContents {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  listeners = new Map<string, AnyFn[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  on(event: string, listener: AnyFn) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  permissionHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  headersListener: null as null | ((details: unknown, cb: (response: unknown) => void) => void),
  appListeners: new Map<string, AnyFn[]>(),
  errorBoxes: [] as { title: string; content: string }[],
  exitCodes: [] as number[],
};

export const dialog = {
  showErrorBox(title: string, content: string) {
    recorded.errorBoxes.push({ title, content });
  },
};

export class FakeBrowserWindow {
  webContents = new FakeWebContents();
  loaded: string | null = null;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    recorded.windows.push(this);
    const created = recorded.appListeners.get('web-contents-created') ?? [];
    for (const l of created) (l as (e: unknown, c: unknown) => void)({}, this.webContents);
  }
  once() {
    return this;
  }
  show() {}
  async loadFile(path: string) {
    this.loaded = path;
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const app = {
  whenReady: async () => undefined,
  getPath: () => '/tmp/fake-electron-user-data',
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  quit: () => undefined,
  exit: (code?: number) => {
    recorded.exitCodes.push(code ?? 0);
  },
  on(event: string, listener: AnyFn) {
    recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
  },
};

export const ipcMain = {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) {
    recorded.ipcHandlers.set(channel, listener);
  },
};

export const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    recorded.invoked.push({ channel, args });
    return { ok: true, value: null };
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    recorded.exposed.set(key, api);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof recorded.permissionHandler) {
      recorded.permissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: typeof recorded.headersListener) {
        recorded.headersListener = listener;
      },
    },
  },
};

/** OS encryption as a reversible scramble (hex behind a marker): the plain text never appears in the output. */
const SEALED = 'fake-os-sealed:';
export const safeStorage = {
  available: true,
  isEncryptionAvailable() {
    return this.available;
  },
  encryptString(plain: string): Buffer {
    return Buffer.from(SEALED + Buffer.from(plain, 'utf8').toString('hex'), 'utf8');
  },
  decryptString(sealed: Buffer): string {
    const text = sealed.toString('utf8');
    if (!text.startsWith(SEALED))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(SEALED.length), 'hex').toString('utf8');
  },
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, session, dialog, safeStorage };
