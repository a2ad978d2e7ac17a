import { join } from 'node:path';
import { expect, loginAsClerk, onScreen, test } from './app-fixture';
import { fillOralAppeal, ORAL_APPEAL, openNewCard, registerCard } from './steps';

test('a second appeal of the same applicant on the same question is proposed as a repeat; the clerk marks it', async ({
  page,
  app,
}) => {
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillOralAppeal(page);
  // No earlier appeals of this applicant: nothing is proposed.
  await expect(page.getByTestId('repeats-section')).toHaveCount(0);
  const first = await registerCard(page);

  await openNewCard(page);
  await fillOralAppeal(page, { ...ORAL_APPEAL, summary: 'Повторно о ремонте подъезда' });
  const candidate = page.getByTestId('repeat-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText(first);
  await expect(candidate).toHaveAttribute('data-same-question', 'true');
  await page.screenshot({ path: join('test-results', 'review-screenshots', '30-repeat-candidate.png') });
  await candidate.getByTestId('repeat-mark').check();
  const second = await registerCard(page);
  expect(second).not.toBe(first);
  await expect(page.getByTestId('card-repeats')).toContainText(first);
  await expect(page.getByTestId('history-row').first()).toBeVisible();

  // The link opens the earlier card.
  await page.getByTestId('card-repeats').getByRole('link').click();
  await onScreen(page, 'card');
  await expect(page.getByTestId('card-reg-number')).toHaveAttribute('data-number', first);
});
