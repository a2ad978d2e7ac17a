import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { expect, loginAsClerk, onScreen, test } from './app-fixture';

// «О программе», release notes after an update and «Сохранить диагностику» (decision 011), browser mode.
const SHOTS = join('test-results', 'release-screenshots');

test('release notes once after an update, «О программе», update settings and diagnostics', async ({ page, app }) => {
  // The data folder was last opened by 0.0.9: this start (0.1.0) is an update.
  const db = new Database(join(app.dataDir, 'appeals.db'));
  db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('release.version', ?, 0)").run(
    JSON.stringify({ current: '0.1.0', previous: '0.0.9' }),
  );
  db.close();

  await page.goto(app.url);
  await onScreen(page, 'login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('admin');
  await page.getByTestId('login-submit').click();
  const notes = page.getByTestId('release-notes');
  await expect(notes).toBeVisible();
  await expect(notes).toContainText('Что нового в версии 0.1.0');
  await expect(notes.getByTestId('release-notes-list')).toContainText('Регистрационно-контрольная карточка');
  await page.screenshot({ path: join(SHOTS, '01-release-notes.png') });
  await notes.getByRole('button', { name: 'Закрыть' }).click();
  await expect(notes).toBeHidden();

  // «О программе»: version, browser mode says updates are Electron-only.
  await page.getByTestId('nav-about').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'about');
  await expect(page.getByTestId('about-version')).toHaveText('0.1.0');
  await expect(page.getByTestId('updates-browser-only')).toContainText('Electron');

  // The administrator's update server: a wrong address is refused, a right one saved.
  await page.getByTestId('update-feed-url').fill('ftp://files');
  await page.getByTestId('update-settings-save').click();
  await expect(page.getByTestId('update-settings-error')).toBeVisible();
  await page.getByTestId('update-feed-url').fill('https://update.organisation.by/arm');
  await page.getByTestId('update-settings-save').click();
  await expect(page.getByTestId('toast')).toContainText('Настройки обновлений сохранены');
  await expect(page.getByTestId('updates-panel')).toContainText('https://update.organisation.by/arm');
  await page.screenshot({ path: join(SHOTS, '02-about-admin.png'), fullPage: true });

  // «Сохранить диагностику»: a ZIP with logs, versions, settings and database statistics.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-diagnostics').click()]);
  expect(download.suggestedFilename()).toMatch(/^arm-diagnostics-0\.1\.0-.*\.zip$/);
  const files = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['README.txt', 'versions.json', 'settings.json', 'database.json']),
  );
  expect(Object.keys(files).some((f) => f.startsWith('logs/app.'))).toBe(true);
  const settings = JSON.parse(Buffer.from(files['settings.json']!).toString('utf8'));
  expect(settings.updates).toEqual({ feedUrl: 'https://update.organisation.by/arm', autoDownload: false });
  const database = JSON.parse(Buffer.from(files['database.json']!).toString('utf8'));
  expect(database.integrity).toEqual(['ok']);
  expect(database.tables.appeals).toBeGreaterThan(0);

  // The notes were seen: the administrator's next login does not show them again; the clerk, who has not
  // seen them yet, gets them once too — and sees no administrator panels.
  await page.getByTestId('nav-appeals').click();
  await onScreen(page, 'list');
  await page.getByTestId('logout-button').click();
  await onScreen(page, 'login');
  const notesLoaded = page.waitForResponse((r) => r.url().includes('/api/release:notes'));
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('admin');
  await page.getByTestId('login-submit').click();
  await onScreen(page, 'list');
  await notesLoaded;
  await expect(page.getByTestId('release-notes')).toHaveCount(0);
  await page.getByTestId('logout-button').click();
  await onScreen(page, 'login');
  await loginAsClerk(page, app);
  await expect(notes).toBeVisible();
  await notes.getByRole('button', { name: 'Закрыть' }).click();
  await page.getByTestId('nav-about').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'about');
  await expect(page.getByTestId('release-notes')).toHaveCount(0);
  await expect(page.getByTestId('update-settings')).toHaveCount(0);
  await expect(page.getByTestId('save-diagnostics')).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, '03-about-clerk.png') });
});
