import { DEMO_USERS } from '../../shared/demo/demo-organisation';
import { expect, logIn, onScreen as screen, test } from './app-fixture';

/**
 * Issue #10: «Войти по ЭЦП» with the demo signer's development key (the software provider the signing
 * e2e uses; its password is the login). The administrator binds the certificate on «Пользователи».
 */

const signer = DEMO_USERS.find((u) => u.login === 'signer');

test('the administrator binds the signer’s certificate; the signer logs in by ЭЦП; both are in the log', async ({
  page,
  app,
}) => {
  const fullName = signer?.fullName ?? '';
  await page.goto(app.url);

  // Before any binding the certificate cannot be used to log in.
  await screen(page, 'login');
  await expect(page.getByTestId('login-by-certificate')).toHaveText('Войти по ЭЦП');
  await page.screenshot({ path: 'test-results/login-screen.png' });
  await page.getByTestId('login-by-certificate').click();
  const unbound = page.getByTestId('cert-login-certificate').filter({ hasText: fullName });
  await expect(unbound).toContainText('не привязан ни к одной учётной записи');
  await expect(unbound.locator('input')).toBeDisabled();
  await page.getByTestId('login-by-password').click();

  // «Пользователи» → the signer's row → «Сертификат» → their development key → «Привязать сертификат».
  await logIn(page, 'admin', 'admin');
  await page.getByTestId('nav-users').click();
  await screen(page, 'users');
  await page.getByTestId('user-row-signer').getByTestId('user-certificate').click();
  const dialog = page.getByTestId('certificate-binding');
  await expect(dialog.getByTestId('certificate-binding-none')).toBeVisible();
  const own = dialog.getByTestId('binding-certificate').filter({ hasText: fullName });
  await own.locator('input').check();
  await dialog.getByTestId('certificate-bind').click();
  await expect(dialog.getByTestId('certificate-binding-current')).toContainText(fullName);
  await page.screenshot({ path: 'test-results/certificate-binding.png' });
  await dialog.getByRole('button', { name: 'Закрыть' }).last().click();
  await page.getByTestId('logout-button').click();

  // «Войти по ЭЦП»: a wrong key password is refused; the right one logs the signer in.
  await screen(page, 'login');
  await page.getByTestId('login-by-certificate').click();
  const form = page.getByTestId('cert-login-form');
  const mine = form.getByTestId('cert-login-certificate').filter({ hasText: fullName });
  await mine.locator('input').check();
  await form.getByTestId('cert-login-password').fill('неверный');
  await form.getByTestId('cert-login-submit').click();
  await expect(form.getByTestId('cert-login-error')).toBeVisible();
  await form.getByTestId('cert-login-password').fill('signer');
  await page.screenshot({ path: 'test-results/certificate-login.png' });
  await form.getByTestId('cert-login-submit').click();
  await expect(page.getByTestId('header-user')).toContainText(fullName);

  // The administrator sees «Вход по ЭЦП» (the failure and the success) in the security log.
  await page.getByTestId('logout-button').click();
  await logIn(page, 'admin', 'admin');
  await page.getByTestId('nav-securityLog').click();
  await screen(page, 'securityLog');
  await page.getByTestId('log-filter-login').fill('signer');
  await page.getByTestId('log-apply').click();
  const types = await page
    .getByTestId('log-row')
    .evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-type')}`));
  expect(types.slice(0, 3)).toEqual(['logout', 'login-certificate', 'login-certificate']);
  expect(types).toContain('certificate-bound');
  await expect(page.getByTestId('log-row').nth(1)).toContainText('Вход по ЭЦП');
});
