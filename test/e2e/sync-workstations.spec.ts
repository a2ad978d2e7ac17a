import type { Browser, Page } from '@playwright/test';
import { expect, loginAsClerk, onScreen } from './app-fixture';
import { fillOralAppeal, ORAL_APPEAL, openNewCard, registerCard, switchUser } from './steps';
import { test, type Workstation } from './workstations-fixture';

async function openWorkstation(browser: Browser, ws: Workstation): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAsClerk(page, ws);
  return page;
}

/** «Синхронизировать» and wait for the round's answer. */
async function syncNow(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('sync-now')).toBeEnabled();
}

/**
 * Rounds until the outbox is empty: a click while a background round (begun before the network came
 * back) is running joins that round instead of starting a new one.
 */
async function syncUntilSent(page: Page): Promise<void> {
  await expect(async () => {
    await syncNow(page);
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
}

async function register(page: Page, summary: string): Promise<string> {
  await openNewCard(page);
  await fillOralAppeal(page, { ...ORAL_APPEAL, summary, content: `${summary}: прошу принять меры.` });
  return registerCard(page);
}

/** The list filtered by `text`: the rows that match. */
async function findInList(page: Page, text: string) {
  await page.getByTestId('nav-appeals').click();
  await onScreen(page, 'list');
  await page.getByTestId('list-search').fill(text);
  return page.getByTestId('appeal-row');
}

test('two workstations of one organisation: offline registration reaches the other, a portal appeal reaches both, a clash is settled on «Требуют внимания»', async ({
  browser,
  org,
}) => {
  test.setTimeout(180_000);
  const a = await openWorkstation(browser, org.a);
  const b = await openWorkstation(browser, org.b);

  // A registers while its network to the central system is cut: the change waits in the outbox.
  org.a.proxy.setOffline(true);
  const porch = await register(a, 'О ремонте крыльца подъезда');
  await syncNow(a);
  await expect(a.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'offline');
  await expect(a.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');

  // Network back: A sends it, B receives the card after its own sync.
  org.a.proxy.setOffline(false);
  await syncUntilSent(a);
  await expect(a.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'ok');
  await syncNow(b);
  const rowsB = await findInList(b, 'крыльца');
  await expect(rowsB).toHaveCount(1);
  await expect(rowsB.first()).toContainText(porch);

  // An applicant files an electronic appeal on the portal: both workstations list it after sync.
  const filed = org.central.simulateApplicants({ perMinute: 0, orgId: org.orgId, seed: 7 }).fileOne();
  const summary = filed.draft.summary;
  await syncNow(b);
  const portalB = (await findInList(b, summary)).filter({ hasText: summary });
  await expect(portalB).toHaveCount(1);
  await expect(portalB).toContainText(/поступило/i);
  await expect(portalB).toContainText(/электронно/i);
  await syncNow(a);
  await expect((await findInList(a, summary)).filter({ hasText: summary })).toContainText(/поступило/i);

  // Both offline, both register: with local numbering they give the same next number.
  org.a.proxy.setOffline(true);
  org.b.proxy.setOffline(true);
  const lampA = await register(a, 'О замене фонаря у школы');
  const lampB = await register(b, 'О вывозе веток после обрезки');
  expect(lampB).toBe(lampA);
  org.a.proxy.setOffline(false);
  await syncUntilSent(a);
  await expect(a.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'ok');
  org.b.proxy.setOffline(false);
  await syncUntilSent(b);

  // B: its registration was refused (A's card arrives without the number B's card holds here).
  await expect(b.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'attention');
  await b.getByTestId('nav-attention').click();
  await onScreen(b, 'attention');
  const row = b.getByTestId('attention-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-code', 'NUMBER_TAKEN');
  await b.screenshot({ path: 'test-results/sync-attention.png' });

  // Discard needs a confirmation; the change stays on B only and the card's history says so.
  await row.getByTestId('attention-discard').click();
  const dialog = b.getByTestId('attention-discard-dialog');
  await expect(dialog).toContainText('останется только на этом рабочем месте');
  await b.screenshot({ path: 'test-results/sync-discard-dialog.png' });
  await dialog.getByTestId('attention-discard-confirm').click();
  await expect(b.getByTestId('attention-row')).toHaveCount(0);
  const mine = (await findInList(b, 'веток')).filter({ hasText: 'О вывозе веток после обрезки' });
  await mine.click();
  await onScreen(b, 'card');
  await expect(b.getByTestId('history-row').filter({ hasText: 'сохранено только на рабочем месте' })).toHaveCount(1);

  // The administrator of A: the connection screen shows the secret only as «задан» and checks it.
  const admin = a;
  await switchUser(admin, 'admin', 'Гусак Павел Юрьевич');
  await admin.getByTestId('nav-connection').click();
  await onScreen(admin, 'connection');
  await expect(admin.getByTestId('connection-client')).toHaveValue('demo-org');
  await expect(admin.getByTestId('connection-secret')).toHaveValue('');
  await expect(admin.getByTestId('connection-secret')).toHaveAttribute('placeholder', 'задан');
  await admin.getByTestId('connection-check').click();
  await expect(admin.getByTestId('connection-result')).toHaveAttribute('data-ok', 'true');
  await expect(admin.getByTestId('connection-result')).toContainText('Подключение установлено');
  await admin.screenshot({ path: 'test-results/sync-connection.png' });
  expect(await admin.content()).not.toContain('demo-secret');
});
