import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type Backend, lockedBackend, startBackend } from '../electron/host/backend';
import { startHttpHost } from '../electron/host/http';
import { parseStartOptions } from '../electron/start-options';
import { buildElectron } from './build-electron';

const RENDERER_DIR = resolve('dist/renderer');
const argv = process.argv.slice(2);

/** The Electron binary's path when the package and its binary are installed; null otherwise. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Newest modification time of the files the renderer is built from. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Builds the renderer when it is missing or older than its sources (after a pull, say). */
function ensureRendererBuilt(): void {
  const index = resolve(RENDERER_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(['renderer', 'shared'])) return;
  console.error('Сборка интерфейса…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  const options = parseStartOptions(argv);
  ensureRendererBuilt();
  const electron = process.env.ARM_BROWSER_MODE ? null : electronBinary();
  if (electron) {
    await buildElectron();
    const child = spawn(electron, ['dist/electron/main.cjs', ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  const backendOptions = { ...options, mode: 'browser' as const, version };
  // An encrypted folder started without its passphrase: the unlock screen asks for it (decision 014).
  const locked = lockedBackend(backendOptions);
  const backend = locked ? null : await startBackend(backendOptions);
  const host = await startHttpHost(locked ?? (backend as Backend).services, {
    rendererDir: RENDERER_DIR,
    port: options.port,
  });
  console.log(`АРМ делопроизводителя (режим браузера, Electron не установлен): ${host.url}`);
  console.log(`Папка данных: ${options.dataDir}`);
  if (backend) {
    console.log(
      backend.embeddedCentral
        ? `Система обращений: встроенный эталонный сервер ${backend.centralUrl}`
        : `Система обращений: ${backend.centralUrl}`,
    );
    if (backend.services.demoLogin) console.log(`Демо-вход делопроизводителя: ${backend.services.demoLogin}`);
  } else console.log('База данных зашифрована: откройте её в браузере, введя парольную фразу ключа');
  if (options.open && !process.env.CI) openInBrowser(host.url);
  const stop = async () => {
    await host.close();
    await (backend ?? locked?.backend())?.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Ошибка запуска: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
