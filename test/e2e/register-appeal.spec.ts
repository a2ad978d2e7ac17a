import { expect, loginAsClerk, onScreen, test } from './app-fixture';
import { attachPdf, fillOralAppeal, openNewCard, registerCard } from './steps';

test('a new clerk registers an oral appeal with a PDF, finds it by a word of its content and sees its history', async ({
  page,
  app,
}) => {
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillOralAppeal(page);
  await attachPdf(page, 'заявление.pdf');

  const number = await registerCard(page);
  await expect(page.getByTestId('card-attachment')).toContainText('заявление.pdf');
  await expect(page.getByTestId('card-deadline-explanation')).toContainText('дней');

  await page.getByTestId('nav-appeals').click();
  await onScreen(page, 'list');
  await page.getByTestId('list-search').fill('гиперболоид');
  await expect(page.getByTestId('appeal-row')).toHaveCount(1);
  await expect(page.getByTestId('appeal-row').first()).toContainText(number);
  await page.getByTestId('appeal-row').first().click();
  await onScreen(page, 'card');
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(page.getByTestId('history-row').last()).toContainText(number);
});

test('invalid input shows the specific error next to the field and loses nothing typed', async ({ page, app }) => {
  await loginAsClerk(page, app);
  await page.getByTestId('new-appeal-button').click();
  await onScreen(page, 'form');
  // A Latin "a" inside a Cyrillic surname, and the summary left empty.
  await page.getByTestId('field-applicant.surname').fill('Ивaнов');
  await page.getByTestId('field-applicant.name').fill('Иван');
  await page.getByTestId('field-content').fill('Текст обращения, который нельзя потерять.');
  await page.getByTestId('register-button').click();

  await expect(page.getByTestId('error-applicant.surname')).toContainText('латинская буква «a» в позиции 3');
  await expect(page.getByTestId('error-summary')).toContainText('обязательно');
  await expect(page.getByTestId('form-errors')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'form');
  await expect(page.getByTestId('field-applicant.surname')).toHaveValue('Ивaнов');
  await expect(page.getByTestId('field-content')).toHaveValue('Текст обращения, который нельзя потерять.');
});

test('a wrong password is refused with a Russian message', async ({ page, app }) => {
  await page.goto(app.url);
  await onScreen(page, 'login');
  await expect(page.getByTestId('login-demo-hint')).toContainText('clerk');
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill('неверный');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('Неверное имя пользователя или пароль');
});
