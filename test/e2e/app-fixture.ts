import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

/** The workstation in browser mode with its own data folder per test (Actual's practice, style.md). */
export interface RunningApp {
  url: string;
  dataDir: string;
}

/** Starts `scripts/start.ts` in browser mode on `dataDir` (plus `extraArgs`, e.g. `--server URL`). */
export async function startApp(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('npx', ['tsx', 'scripts/start.ts', '--data', dataDir, '--no-open', '--port', '0', ...extraArgs], {
    env: { ...process.env, ARM_BROWSER_MODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping the test stops npx and the app behind it.
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: RunningApp }>({
  app: async ({ browserName: _ }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arm-e2e-'));
    const { child, url } = await startApp(dataDir);
    await use({ url, dataDir });
    await stopApp(child);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  },
});

/**
 * Stops the app and npx behind it (its own process group) and waits until it has exited, so that its
 * data folder can be removed (a closing app may still be writing there); SIGKILL after 10 s.
 */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const group = -child.pid;
  signalGroup(group, 'SIGTERM');
  // npx may exit before the app behind it has finished closing: wait for the whole group to be gone.
  for (let waited = 0; groupAlive(group); waited += 50) {
    if (waited === 10_000) signalGroup(group, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // already gone
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the app's own event (the screen it rendered), not for time (style.md). */
export async function onScreen(
  page: Page,
  screen:
    | 'login'
    | 'list'
    | 'form'
    | 'card'
    | 'tasks'
    | 'reports'
    | 'attention'
    | 'connection'
    | 'users'
    | 'securityLog',
): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', screen);
}

/** On the login screen: types the login and the password and submits. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await onScreen(page, 'login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function loginAsClerk(page: Page, app: Pick<RunningApp, 'url'>): Promise<void> {
  await page.goto(app.url);
  await logIn(page, 'clerk', 'clerk');
  await onScreen(page, 'list');
}

export { expect };
