import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, logIn, loginAsClerk, onScreen, startApp, stopApp, test } from './app-fixture';
import { switchUser } from './steps';

const PASSPHRASE = 'Длинная фраза для ключа 2026';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const totalOf = async (text: Promise<string | null>) => Number(((await text) ?? '').replace(/\D/g, ''));

test('the administrator encrypts the demo database; after a restart it opens on the unlock screen, and with the passphrase file', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'arm-e2e-crypt-'));
  let app = await startApp(dataDir);
  try {
    await loginAsClerk(page, app);
    await expect(page.getByTestId('appeal-row').first()).toBeVisible();
    const before = await totalOf(page.getByTestId('list-total').textContent());
    expect(before).toBeGreaterThan(0);
    await switchUser(page, 'admin', 'Гусак');
    await page.getByTestId('nav-backups').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'backups');
    const state = page.getByTestId('encryption-state');
    await expect(state).toHaveAttribute('data-state', 'off');
    await page.getByTestId('encryption-encrypt').click();
    const dialog = page.getByTestId('encrypt-dialog');
    await dialog.getByTestId('encryption-passphrase').fill(PASSPHRASE);
    await dialog.getByTestId('encryption-passphrase-repeat').fill(`${PASSPHRASE}!`);
    await expect(dialog.getByRole('alert')).toHaveText('Парольные фразы не совпадают');
    await expect(dialog.getByTestId('encrypt-confirm')).toBeDisabled();
    await dialog.getByTestId('encryption-passphrase-repeat').fill(PASSPHRASE);
    await page.screenshot({ path: 'test-results/encryption-confirm.png' });
    await dialog.getByTestId('encrypt-confirm').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'База данных зашифрована' })).toBeVisible();
    await expect(state).toHaveAttribute('data-state', 'on');
    await expect(page.getByTestId('encryption-panel')).toContainText('парольной фразой администратора');
    await page.screenshot({ path: 'test-results/encryption-on.png', fullPage: true });
    await stopApp(app.child);

    // On disk: no plain SQLite header, no readable text of the demo data.
    const db = readFileSync(join(dataDir, 'appeals.db'));
    expect(db.subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
    expect(db.includes(Buffer.from('clerk'))).toBe(false);

    // Started without the passphrase: the unlock screen; a wrong passphrase is refused and changes nothing.
    app = await startApp(dataDir);
    await page.goto(app.url);
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'unlock');
    await expect(page.getByRole('heading', { name: 'База данных зашифрована' })).toBeVisible();
    await page.screenshot({ path: 'test-results/encryption-unlock.png' });
    await page.getByTestId('unlock-passphrase').fill(`${PASSPHRASE}!`);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toHaveText(
      'Неверная парольная фраза: ключ базы данных не расшифрован',
    );
    await page.screenshot({ path: 'test-results/encryption-unlock-wrong.png' });
    expect(readFileSync(join(dataDir, 'appeals.db')).equals(db)).toBe(true);
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await onScreen(page, 'login');
    await logIn(page, 'clerk', 'clerk');
    await onScreen(page, 'list');
    await expect(page.getByTestId('appeal-row').first()).toBeVisible();
    expect(await totalOf(page.getByTestId('list-total').textContent())).toBeGreaterThanOrEqual(before);
    await stopApp(app.child);

    // The start option still opens it directly (services, scripts).
    const passphraseFile = join(dataDir, '..', `${join(dataDir).split('/').pop()}-passphrase.txt`);
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    try {
      app = await startApp(dataDir, ['--passphrase-file', passphraseFile]);
    } finally {
      rmSync(passphraseFile, { force: true });
    }
    await loginAsClerk(page, app);
    await expect(page.getByTestId('appeal-row').first()).toBeVisible();
    await page.getByTestId('appeal-row').first().click();
    await onScreen(page, 'card');
  } finally {
    await stopApp(app.child);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
});
