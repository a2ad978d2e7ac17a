import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ElectronUpdateService } from '../../../electron/updater/electron-update-service';

// The real electron-updater (NsisUpdater: the Windows installer's updater) against a local generic update
// server — a folder served on loopback with latest.yml, as the organisation's IT publishes it. No Electron
// here: the app adapter is a plain object and HTTP goes through Node instead of Electron's `net` (the
// only two Electron dependencies electron-updater has on this path).
const root = mkdtempSync(join(tmpdir(), 'arm-updates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INSTALLER = 'arm-appeals-0.2.0-setup-x64.exe';
const installer = Buffer.alloc(3 * 1024 * 1024, 0);
for (let i = 0; i < installer.length; i++) installer[i] = (i * 7919) & 0xff;
const sha512 = createHash('sha512').update(installer).digest('base64');

function latestYml(options: { stagingPercentage?: number; sha?: string } = {}): string {
  return [
    'version: 0.2.0',
    'files:',
    `  - url: ${INSTALLER}`,
    `    sha512: ${options.sha ?? sha512}`,
    `    size: ${installer.length}`,
    `path: ${INSTALLER}`,
    `sha512: ${options.sha ?? sha512}`,
    "releaseDate: '2026-11-20T10:00:00.000Z'",
    'releaseNotes: Исправления и улучшения',
    ...(options.stagingPercentage === undefined ? [] : [`stagingPercentage: ${options.stagingPercentage}`]),
    '',
  ].join('\n');
}

type Behaviour = { yml: string; body: (res: ServerResponse) => void };
let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

/** Serves latest.yml and the installer as the behaviour says; returns the feed URL. */
async function serve(behaviour: Behaviour): Promise<string> {
  const listening = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // latest.yml (Windows), latest-linux.yml (AppImage): the channel file of the platform.
    if (/^\/updates\/latest(-linux)?\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(behaviour.yml);
    } else if (path === `/updates/${INSTALLER}`) {
      behaviour.body(res);
    } else res.writeHead(404).end();
  });
  server = listening;
  await new Promise<void>((r) => listening.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}/updates`;
}

const whole = (res: ServerResponse) =>
  res.writeHead(200, { 'content-length': installer.length, 'content-type': 'application/octet-stream' }).end(installer);

/** electron-updater's HTTP executor with Node's http instead of Electron's net module. */
class NodeUpdateHttpExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: Parameters<ElectronHttpExecutor['createRequest']>[0],
    callback: (r: unknown) => void,
  ) {
    return request(options as never, callback) as never;
  }
}

let counter = 0;
function makeUpdater(options: { publisherName?: string } = {}) {
  const dir = join(root, `app-${++counter}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  writeFileSync(
    appUpdateConfigPath,
    [
      'provider: generic',
      'url: https://updates.invalid/arm-appeals',
      'updaterCacheDirName: arm-appeals-updater',
      ...(options.publisherName ? [`publisherName: ${options.publisherName}`] : []),
      '',
    ].join('\n'),
  );
  const quits: string[] = [];
  const app: AppAdapter = {
    version: '0.1.0',
    name: 'arm-appeals',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => quits.push('relaunch'),
    quit: () => quits.push('quit'),
    onQuit: () => undefined,
  };
  const updater = new NsisUpdater(null, app);
  updater.logger = null;
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeUpdateHttpExecutor();
  const installs: [boolean | undefined, boolean | undefined][] = [];
  // Running the installer quits the process: recorded instead.
  updater.quitAndInstall = (silent, forceRun) => {
    installs.push([silent, forceRun]);
  };
  const service = new ElectronUpdateService(updater, { currentVersion: '0.1.0' });
  return { updater, service, installs, cacheDir: join(dir, 'cache', 'arm-appeals-updater') };
}

describe('updates from the organisation server (real electron-updater, generic provider)', () => {
  it('finds, downloads with progress and installs on demand a verified update', async () => {
    const url = await serve({ yml: latestYml(), body: whole });
    const { service, installs, updater, cacheDir } = makeUpdater();
    await expect(service.check()).resolves.toMatchObject({ phase: 'error' });
    service.configure(url, false);
    expect(service.installNow()).toBe(false);

    const checked = await service.check();
    expect(checked).toMatchObject({
      phase: 'available',
      feedUrl: url,
      available: { version: '0.2.0', stagingPercentage: null, releaseNotes: 'Исправления и улучшения' },
    });
    const downloaded = await service.download();
    expect(downloaded.phase).toBe('downloaded');
    expect(downloaded.progress?.transferred).toBe(installer.length);
    expect(downloaded.progress?.percent).toBe(100);
    expect(existsSync(join(cacheDir, 'pending', INSTALLER))).toBe(true);
    // Installs when the application quits, or now on demand.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(service.installNow()).toBe(true);
    expect(installs).toEqual([[false, true]]);
  });

  it('refuses a corrupted download (sha512 of latest.yml does not match) and installs nothing', async () => {
    const corrupted = Buffer.from(installer);
    corrupted[1000] = (corrupted[1000]! + 1) & 0xff;
    const url = await serve({
      yml: latestYml(),
      body: (res) => res.writeHead(200, { 'content-length': corrupted.length }).end(corrupted),
    });
    const { service, installs, cacheDir } = makeUpdater();
    service.configure(url, false);
    expect((await service.check()).phase).toBe('available');
    const result = await service.download();
    expect(result.phase).toBe('error');
    expect(result.error).toMatch(/повреждён/);
    expect(service.installNow()).toBe(false);
    expect(installs).toEqual([]);
    expect(existsSync(join(cacheDir, 'pending', INSTALLER))).toBe(false);
  });

  it('survives a server that disappears mid-download: an error, nothing to install, a retry succeeds', async () => {
    let cut = true;
    const url = await serve({
      yml: latestYml(),
      body: (res) => {
        if (!cut) return whole(res);
        res.writeHead(200, { 'content-length': installer.length });
        res.write(installer.subarray(0, installer.length / 3), () => res.socket?.destroy());
      },
    });
    const { service, installs } = makeUpdater();
    service.configure(url, false);
    expect((await service.check()).phase).toBe('available');
    const result = await service.download();
    expect(result.phase).toBe('error');
    expect(result.error).toMatch(/недоступен или прервал загрузку/);
    expect(service.installNow()).toBe(false);
    expect(installs).toEqual([]);
    cut = false;
    expect((await service.download()).phase).toBe('downloaded');
  });

  it('refuses an installer not signed by the configured publisher (Windows signature check)', async () => {
    const url = await serve({ yml: latestYml(), body: whole });
    const { service, updater, installs } = makeUpdater({ publisherName: 'Организация' });
    const asked: string[][] = [];
    updater.verifyUpdateCodeSignature = async (publishers) => {
      asked.push(publishers);
      return 'the file is signed by someone else';
    };
    service.configure(url, false);
    await service.check();
    const result = await service.download();
    expect(asked).toEqual([['Организация']]);
    expect(result).toMatchObject({ phase: 'error' });
    expect(result.error).toMatch(/не подписан/);
    expect(service.installNow()).toBe(false);
    expect(installs).toEqual([]);
  });

  it('honours a staged rollout: 0 % offers the version to no workstation, 100 % to every one', async () => {
    const none = await serve({ yml: latestYml({ stagingPercentage: 0 }), body: whole });
    const first = makeUpdater();
    first.service.configure(none, false);
    expect(await first.service.check()).toMatchObject({ phase: 'not-available', available: null });
    server?.close();
    const all = await serve({ yml: latestYml({ stagingPercentage: 100 }), body: whole });
    const second = makeUpdater();
    second.service.configure(all, false);
    expect(await second.service.check()).toMatchObject({ phase: 'available', available: { stagingPercentage: 100 } });
  });

  it('reports a server that is gone entirely', async () => {
    const url = await serve({ yml: latestYml(), body: whole });
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    server = null;
    const { service } = makeUpdater();
    service.configure(url, false);
    const result = await service.check();
    expect(result.phase).toBe('error');
    expect(result.error).toMatch(/недоступен/);
  });
});
