/**
 * Cold start of browser mode to the login screen: spawn `scripts/start.ts` (as `npm start` does, in
 * browser mode), wait for the printed URL, load it in Debian's Chromium and wait until the app marks
 * `document.body.dataset.screen === 'login'`. The browser is launched beforehand (not counted).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { percentile, round } from './lib/stats';

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;
const TIMEOUT_MS = 60_000;

export type ColdStartFigures =
  | { skipped: string }
  | {
      /** Start on the benchmark's data folder (already filled): the everyday start. */
      existingData: StartSeries;
      /** Start on an empty folder: includes creating the database and the 300 demo appeals. */
      emptyFolder: StartSeries;
      rendererBuiltByBench: boolean;
    };

interface StartSeries {
  /** Process spawn → URL printed. */
  urlMs: number[];
  /** Process spawn → login screen rendered. */
  loginMs: number[];
  medianLoginMs: number;
  maxLoginMs: number;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${output}`)), TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

async function startOnce(browser: Browser, dataDir: string): Promise<{ urlMs: number; loginMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--data', dataDir, '--no-open', '--port', '0'],
    { env: { ...process.env, ARM_BROWSER_MODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await waitForUrl(child);
    const urlMs = performance.now() - started;
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.screen === 'login', undefined, { timeout: TIMEOUT_MS });
      return { urlMs: round(urlMs, 0), loginMs: round(performance.now() - started, 0) };
    } finally {
      await page.close();
    }
  } finally {
    await stop(child);
  }
}

async function series(browser: Browser, runs: number, dataDir: () => string): Promise<StartSeries> {
  const urlMs: number[] = [];
  const loginMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await startOnce(browser, dataDir());
    urlMs.push(result.urlMs);
    loginMs.push(result.loginMs);
  }
  return { urlMs, loginMs, medianLoginMs: percentile(loginMs, 0.5), maxLoginMs: Math.max(...loginMs) };
}

export async function benchColdStart(existingDataDir: string, runs = 3): Promise<ColdStartFigures> {
  if (!existsSync('scripts/start.ts')) return { skipped: 'scripts/start.ts does not exist yet' };
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    return { skipped: `Chromium not found at ${executablePath} (apt-get install chromium)` };
  let rendererBuiltByBench = false;
  if (!existsSync(resolve('dist/renderer/index.html'))) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) return { skipped: 'the renderer build (vite build) failed' };
    rendererBuiltByBench = true;
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const scratch: string[] = [];
  try {
    const existingData = await series(browser, runs, () => existingDataDir);
    const emptyFolder = await series(browser, runs, () => {
      const dir = mkdtempSync(join(tmpdir(), 'arm-bench-start-'));
      scratch.push(dir);
      return dir;
    });
    return { existingData, emptyFolder, rendererBuiltByBench };
  } catch (err) {
    return { skipped: `start failed: ${err instanceof Error ? err.message.slice(0, 500) : String(err)}` };
  } finally {
    await browser.close();
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }
}
