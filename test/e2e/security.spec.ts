import { expect, loginAsClerk, onScreen, test } from './app-fixture';
import { openNewCard } from './steps';

test('the idle lock covers the unsaved card, asks for the password and keeps what was typed', async ({ page, app }) => {
  await page.addInitScript(() => sessionStorage.setItem('arm.idleLockMs', '1500'));
  await loginAsClerk(page, app);
  await openNewCard(page);
  await page.getByTestId('field-applicant.surname').fill('Лукашевич');
  await page.getByTestId('field-content').fill('Текст, который нельзя потерять при блокировке.');

  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('lock-password').fill('неверный');
  await page.getByTestId('lock-submit').click();
  await expect(page.getByTestId('lock-error')).toContainText('Неверный пароль');
  await page.getByTestId('lock-password').fill('clerk');
  await page.getByTestId('lock-submit').click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);

  await expect(page.locator('body')).toHaveAttribute('data-screen', 'form');
  await expect(page.getByTestId('field-applicant.surname')).toHaveValue('Лукашевич');
  await expect(page.getByTestId('field-content')).toHaveValue('Текст, который нельзя потерять при блокировке.');
});

test('six wrong passwords lock the account with a message naming the unlock time', async ({ page, app }) => {
  await page.goto(app.url);
  await onScreen(page, 'login');
  await page.getByTestId('login-username').fill('clerk');
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId('login-password').fill(`неверный-${i}`);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText('Неверное имя пользователя или пароль');
    await expect(page.getByTestId('login-password')).toHaveValue('');
  }
  await page.getByTestId('login-password').fill('неверный-6');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(
    /Учётная запись заблокирована до \d\d:\d\d после 6 неудачных попыток входа/,
  );
  await expect(page.getByTestId('login-password')).toHaveValue('');
  await page.getByTestId('login-password').fill('clerk');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Учётная запись заблокирована до');
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'login');
});
