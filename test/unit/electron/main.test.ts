import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, DB_FILE, openDatabase } from '../../../db/open';
import { DEMO_CENTRAL_CLIENT } from '../../../electron/host/backend';
import { failStart, startElectron } from '../../../electron/main';
import { writeSetting } from '../../../electron/services/settings-store';
import { CREDENTIALS_FILE, SAFE_CREDENTIALS_FILE } from '../../../electron/services/sync/credentials';
import { channels } from '../../../shared/contract';
import { recorded, safeStorage } from '../../fakes/electron';
import { FakeUpdater } from '../../fakes/updater';

// main.ts runs against the recording fake `electron` (vitest.config.ts alias): no binary needed.
// The bundle's folder layout: <root>/electron/{main.cjs,preload.cjs,migrations}, <root>/renderer/index.html.
const root = mkdtempSync(join(tmpdir(), 'arm-main-'));
const dataDir = join(root, 'data');
const baseDir = join(root, 'electron');
cpSync('db/migrations', join(baseDir, 'migrations'), { recursive: true });
const indexHtml = join(root, 'renderer', 'index.html');
const appUrl = `file://${indexHtml}`;

const updater = new FakeUpdater();
const FEED = 'https://updates.organisation.invalid/arm';

beforeAll(async () => {
  // The administrator configured the organisation's update server earlier.
  const store = openDatabase(dataDir);
  writeSetting(store.db, 'updates', { feedUrl: FEED, autoDownload: false }, new Date());
  store.close();
  await startElectron(['--data', dataDir, '--no-demo'], baseDir, { updater: async () => updater.asAppUpdater() });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('electron/main.ts', () => {
  it('creates one hardened window loading the built renderer', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs?.preload).toBe(join(baseDir, 'preload.cjs'));
    expect(recorded.windows[0]?.loaded).toBe(indexHtml);
  });

  it('denies every permission request and sets the CSP header', () => {
    let granted: boolean | null = null;
    recorded.permissionHandler?.({}, 'media', (g) => {
      granted = g;
    });
    expect(granted).toBe(false);
    let headers: unknown;
    recorded.headersListener?.({ responseHeaders: {} }, (r) => {
      headers = r;
    });
    expect(JSON.stringify(headers)).toContain("default-src 'self'");
  });

  it('blocks navigation away from the app and every new window', () => {
    const contents = recorded.windows[0]!.webContents;
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.org/');
    expect(prevented).toBe(true);
    prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, appUrl);
    expect(prevented).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('points the updater at the organisation server from the settings and checks once at start', () => {
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED, useMultipleRangeRequest: false }]);
    expect(updater.checks).toBe(1);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.autoDownload).toBe(false);
  });

  it('keeps the organisation’s keys encrypted by safeStorage in a 0600 file, not in the database', () => {
    const sealed = join(dataDir, SAFE_CREDENTIALS_FILE);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, CREDENTIALS_FILE))).toBe(false);
    const text = readFileSync(sealed, 'utf8');
    expect(text).not.toContain(DEMO_CENTRAL_CLIENT.clientSecret);
    expect(text).not.toContain(DEMO_CENTRAL_CLIENT.clientId);
    const plain = safeStorage.decryptString(Buffer.from(text, 'base64'));
    expect(JSON.parse(plain)).toMatchObject({ secretAccessKey: DEMO_CENTRAL_CLIENT.clientSecret });
  });

  it('serves every contract channel over IPC and refuses untrusted frames', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.keys(channels).sort());
    const me = recorded.ipcHandlers.get('auth:me')!;
    expect(await me({ sender: { id: 1 }, senderFrame: { url: appUrl } }, {})).toEqual({ ok: true, value: null });
    const evil = await me({ sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } }, {});
    expect(evil).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const list = recorded.ipcHandlers.get('appeals:list')!;
    expect(await list({ sender: { id: 1 }, senderFrame: { url: appUrl } }, {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
  });

  it('a database of a newer version stops the start with the Russian message in an error box', async () => {
    const newerDir = join(root, 'newer');
    openDatabase(newerDir).close();
    const db = new Database(join(newerDir, DB_FILE));
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4_102_444_800_000);
    db.close();
    const failure = await startElectron(['--data', newerDir, '--no-demo'], baseDir, {
      updater: async () => new FakeUpdater().asAppUpdater(),
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DatabaseTooNewError);
    failStart(failure);
    expect(recorded.errorBoxes).toEqual([
      { title: 'АРМ делопроизводителя', content: expect.stringMatching(/более новой версией программы/) },
    ]);
    expect(recorded.exitCodes).toEqual([1]);
  });
});
