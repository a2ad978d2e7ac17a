import { readFileSync } from 'node:fs';
import { expect, loginAsClerk, test } from './app-fixture';
import { switchUser } from './steps';

const EXAMPLE = readFileSync(new URL('../../docs/examples/appeals.json', import.meta.url));

test('«Загрузить JSON»: a bad file writes nothing and lists every problem; the example registers', async ({
  page,
  app,
}) => {
  await loginAsClerk(page, app);
  await page.getByTestId('import-json-button').click();
  const dialog = page.getByTestId('import-json-dialog');

  const example = JSON.parse(EXAMPLE.toString()) as { appeals: Record<string, unknown>[] };
  const bad = structuredClone(example);
  Object.assign(bad.appeals[0] ?? {}, { summary: 'Жалоба <script>alert(1)</script>' });
  Object.assign(bad.appeals[1] ?? {}, { kind: 'petition', receivedAt: '10.03.2026' });
  await dialog
    .getByTestId('import-json-file')
    .setInputFiles({ name: 'плохой.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await dialog.getByTestId('import-json-submit').click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText('ничего не записано');
  await expect(report).toContainText('$.appeals[0].summary');
  await expect(report).toContainText('Краткое содержание');
  await expect(report).toContainText('недопустимое значение «petition»');
  await expect(report).toContainText('ожидается дата и время ISO 8601');
  await page.screenshot({ path: 'test-results/import-json-errors.png' });

  await dialog
    .getByTestId('import-json-file')
    .setInputFiles({ name: 'appeals.json', mimeType: 'application/json', buffer: EXAMPLE });
  await dialog.getByTestId('import-json-submit').click();
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report).toContainText('Загружено и зарегистрировано обращений: 2');
  await page.screenshot({ path: 'test-results/import-json-done.png' });
  // The same file again is refused: a committed import is never duplicated.
  await dialog.getByTestId('import-json-submit').click();
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText('этот файл уже загружен');
  await dialog
    .getByTestId('import-json-file')
    .setInputFiles({ name: 'appeals.json', mimeType: 'application/json', buffer: EXAMPLE });
  await expect(report).toHaveCount(0);
});

test('an imported appeal is a registered card with source «загрузка JSON» and its file', async ({ page, app }) => {
  await loginAsClerk(page, app);
  await page.getByTestId('import-json-button').click();
  await page
    .getByTestId('import-json-file')
    .setInputFiles({ name: 'appeals.json', mimeType: 'application/json', buffer: EXAMPLE });
  await page.getByTestId('import-json-submit').click();
  const first = page.getByTestId('import-report').getByRole('link').first();
  const number = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'card');
  await expect(page.locator('main')).toContainText(number);
  await expect(page.locator('main')).toContainText('загрузка JSON');
  await expect(page.locator('main')).toContainText('заявление.pdf');
  await expect(page.locator('main')).toContainText('Загружено из файла JSON «appeals.json» (запись 1)');
});

test('«Резервные копии»: the administrator makes, verifies and restores a backup', async ({ page, app }) => {
  await loginAsClerk(page, app);
  await switchUser(page, 'admin', 'Гусак');
  await page.getByTestId('nav-backups').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'backups');
  await page.getByTestId('backups-create').click();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('backup-status')).toHaveText('исправна');
  await rows.first().getByTestId('backup-verify').click();
  await expect(page.getByText(/проверена: исправна/)).toBeVisible();
  await page.screenshot({ path: 'test-results/backups.png' });

  await rows.first().getByTestId('backup-restore').click();
  await expect(page.getByTestId('restore-dialog')).toContainText('Рабочая база будет заменена копией');
  await page.screenshot({ path: 'test-results/backups-restore-confirm.png' });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(/Восстановлено из копии/)).toBeVisible();
  // The restored backup, and the state just before the restore saved as its own backup.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('перед восстановлением');
  await expect(rows.nth(1).getByTestId('backup-status')).toHaveText('исправна');
  // The app works on the restored database: the list opens.
  await page.getByTestId('nav-appeals').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'list');
});
