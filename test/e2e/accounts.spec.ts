import type { Page } from '@playwright/test';
import { expect, logIn, test } from './app-fixture';

const screen = (page: Page, name: string) => expect(page.locator('body')).toHaveAttribute('data-screen', name);

async function logOut(page: Page) {
  await page.getByTestId('logout-button').click();
  await screen(page, 'login');
}

test('the administrator creates a user who changes the temporary password; roles change; a lockout is lifted; all of it is in the log', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await logIn(page, 'admin', 'admin');
  await page.getByTestId('nav-users').click();
  await screen(page, 'users');

  // «Пользователи»: create an executor.
  await page.getByTestId('user-create').click();
  const dialog = page.getByTestId('account-dialog');
  await dialog.getByTestId('account-login').fill('sidorova');
  await dialog.getByTestId('account-fullName').fill('Сидорова Ольга Николаевна');
  await dialog.getByTestId('account-position').fill('Главный специалист');
  await dialog.getByTestId('account-submit').click();
  await expect(dialog.getByTestId('account-error')).toContainText('Назначьте хотя бы одну роль');
  await dialog.getByTestId('account-role-executor').check();
  await page.screenshot({ path: 'test-results/accounts-create-dialog.png' });
  await dialog.getByTestId('account-submit').click();
  const temporary = (await page.getByTestId('temporary-password-value').textContent())?.trim() ?? '';
  expect(temporary).toMatch(/^[A-Za-z2-9]{12}$/);
  await page.getByTestId('temporary-password-done').click();
  const row = page.getByTestId('user-row-sidorova');
  await expect(row.getByTestId('user-roles')).toHaveText('Исполнитель');
  await expect(row.getByTestId('user-state')).toHaveText('активна, временный пароль');
  await page.screenshot({ path: 'test-results/accounts-users.png' });
  await logOut(page);

  // First login: the temporary password must be changed before anything else.
  await logIn(page, 'sidorova', temporary);
  await screen(page, 'changePassword');
  await page.getByTestId('password-current').fill(temporary);
  await page.getByTestId('password-new').fill('весна');
  await page.getByTestId('password-repeat').fill('весна');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-error')).toHaveText(
    'Пароль не подходит: нужно не менее 10 символов, хотя бы одна цифра, заглавные и строчные буквы',
  );
  await page.screenshot({ path: 'test-results/accounts-forced-change.png' });
  await page.getByTestId('password-new').fill('Весна2026года');
  await page.getByTestId('password-repeat').fill('Весна2026года');
  await page.getByTestId('password-submit').click();
  await screen(page, 'list');
  await expect(page.getByTestId('new-appeal-button')).toHaveCount(0);
  await logOut(page);

  // Six wrong passwords lock the account (regulation 6.3).
  for (let i = 0; i < 6; i++) {
    await page.getByTestId('login-username').fill('sidorova');
    await page.getByTestId('login-password').fill(`неверно-${i}`);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();
  }
  await expect(page.getByTestId('login-error')).toContainText('Учётная запись заблокирована до');

  // The administrator adds the clerk role and unlocks the account.
  await logIn(page, 'admin', 'admin');
  await page.getByTestId('nav-users').click();
  await screen(page, 'users');
  await expect(row.getByTestId('user-state')).toContainText('заблокирована до');
  await row.getByTestId('user-edit').click();
  await dialog.getByTestId('account-role-clerk').check();
  await dialog.getByTestId('account-submit').click();
  await expect(row.getByTestId('user-roles')).toHaveText('Делопроизводитель, Исполнитель');
  await row.getByTestId('user-unlock').click();
  await expect(row.getByTestId('user-state')).toHaveText('активна');

  // The idle-lock time is the administrator's setting.
  await page.getByTestId('idle-minutes').fill('20');
  await page.getByTestId('idle-save').click();
  await expect(page.getByText('Время блокировки сохранено')).toBeVisible();

  // «Журнал безопасности»: filter by the account, check the chain, export CSV.
  await page.getByTestId('nav-securityLog').click();
  await screen(page, 'securityLog');
  await page.getByTestId('log-filter-login').fill('sidorova');
  await page.getByTestId('log-apply').click();
  const rows = page.getByTestId('log-row');
  await expect(rows.first()).toHaveAttribute('data-type', 'account-unlocked');
  const types = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')));
  expect(types.slice(0, 4)).toEqual(['account-unlocked', 'roles-changed', 'account-locked', 'login']);
  expect(types).toContain('account-locked');
  expect(types).toContain('password-changed');
  expect(types.at(-1)).toBe('account-created');
  await page.getByTestId('log-filter-result').selectOption('failure');
  await page.getByTestId('log-apply').click();
  await expect(page.getByTestId('log-result').first()).toHaveText('отказ');
  await page.getByTestId('log-verify').click();
  await expect(page.getByTestId('log-verdict')).toContainText('Журнал цел');
  const download = page.waitForEvent('download');
  await page.getByTestId('log-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Журнал безопасности \d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByTestId('log-filter-result').selectOption('');
  await page.getByTestId('log-filter-login').fill('');
  await page.getByTestId('log-apply').click();
  await expect(rows.first()).toHaveAttribute('data-type', 'security-log-exported');
  await page.screenshot({ path: 'test-results/accounts-security-log.png' });
  await logOut(page);

  // The user is back in, now a clerk too.
  await logIn(page, 'sidorova', 'Весна2026года');
  await screen(page, 'list');
  await expect(page.getByTestId('new-appeal-button')).toBeVisible();
});
