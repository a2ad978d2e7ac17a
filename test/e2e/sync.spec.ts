import type { Page } from '@playwright/test';
import { expect, loginAsClerk, test } from './app-fixture';
import { attachPdf, fillOralAppeal, ORAL_APPEAL, openNewCard, registerCard } from './steps';

const SYNCED = /^Синхронизировано (\d{2}\.\d{2}\.\d{4} )?\d{2}:\d{2}$/;

/** «Синхронизировать», then the round's answer: everything sent, nothing refused. */
async function syncNowAndExpectOk(page: Page): Promise<void> {
  const indicator = page.getByTestId('sync-indicator');
  await page.getByTestId('sync-now').click();
  await expect(indicator).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await expect(indicator).toHaveAttribute('data-state', 'ok');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await expect(indicator).toHaveAttribute('data-rejected', '0');
  await expect(page.getByTestId('sync-label')).toHaveText(SYNCED);
}

test('a registered appeal reaches the central system: the indicator returns to «Синхронизировано» and nothing needs attention', async ({
  page,
  app,
}) => {
  await loginAsClerk(page, app);
  await expect(page.getByTestId('sync-indicator')).toBeVisible();
  await expect(page.getByTestId('sync-now')).toHaveText('Синхронизировать');
  await syncNowAndExpectOk(page);

  await openNewCard(page);
  await fillOralAppeal(page, {
    ...ORAL_APPEAL,
    summary: 'О замене уличного фонаря',
    content: 'Прошу заменить неисправный уличный фонарь у дома № 5: во дворе темно по вечерам.',
  });
  await attachPdf(page, 'фото-фонаря.pdf');
  await registerCard(page);

  await syncNowAndExpectOk(page);
  await expect(page.getByTestId('nav-attention-count')).toHaveCount(0);

  await page.getByTestId('nav-attention').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'attention');
  await expect(page.getByTestId('attention-screen')).toBeVisible();
  await expect(page.getByTestId('attention-empty')).toHaveText(/Все изменения приняты системой обращений/);
  await expect(page.getByTestId('attention-row')).toHaveCount(0);
});

test('a long first sync shows «Первая синхронизация: N из M» with a progress bar', async ({ page, app }) => {
  await loginAsClerk(page, app);
  // The engine reports progress only while a pull is running; here the status answer is held at
  // the middle of a 5 000-change first sync (the engine's side is tested in sync-engine.test.ts).
  await page.route('**/api/sync:status', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    body.value = { ...body.value, progress: { first: true, done: 1200, total: 5000 } };
    await route.fulfill({ response, json: body });
  });
  await page.getByTestId('nav-attention').click();
  const progress = page.getByTestId('sync-progress');
  await expect(progress).toHaveAttribute('data-done', '1200');
  await expect(progress).toHaveAttribute('data-total', '5000');
  await expect(page.getByTestId('sync-label')).toHaveText(/^Первая синхронизация: 1\s200 из 5\s000$/);
  await page.locator('header').screenshot({ path: 'test-results/sync-progress.png' });
});
