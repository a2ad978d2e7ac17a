import type { Page } from '@playwright/test';
import { expect, loginAsClerk, onScreen, type RunningApp, test } from './app-fixture';

async function loginAs(page: Page, app: RunningApp, login: string): Promise<void> {
  await page.goto(app.url);
  await onScreen(page, 'login');
  await page.getByTestId('login-username').fill(login);
  await page.getByTestId('login-password').fill(login);
  await page.getByTestId('login-submit').click();
  await onScreen(page, 'list');
}

async function onCalendar(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'calendar');
  await expect(page.getByTestId('calendar-screen')).toHaveAttribute('data-state', 'ready');
}

/** Steps the year switch to `year` (the screen opens on the current year). */
async function showYear(page: Page, year: number): Promise<void> {
  const label = page.getByTestId('calendar-year');
  await expect(label).toHaveText(/^\d{4}$/);
  const shown = Number(await label.textContent());
  const button = page.getByTestId(year < shown ? 'calendar-prev-year' : 'calendar-next-year');
  for (let i = 0; i < Math.abs(year - shown); i++) await button.click();
  await expect(label).toHaveText(String(year));
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-year', String(year));
  await expect(page.getByTestId('calendar-screen')).toHaveAttribute('data-state', 'ready');
}

const day = (page: Page, date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);

test('the administrator makes a day non-working in the organisation calendar; a Saturday day off is refused', async ({
  page,
  app,
}) => {
  await loginAs(page, app, 'admin');
  await page.getByTestId('nav-calendar').click();
  await onCalendar(page);
  await showYear(page, 2026);

  // National calendar: Victory Day off; Saturday 25 April worked instead of Monday 20 April (res. No. 397).
  await expect(day(page, '2026-05-09')).toHaveAttribute('data-working', 'false');
  await expect(day(page, '2026-05-09')).toHaveAttribute('title', 'День Победы');
  await expect(day(page, '2026-04-25')).toHaveAttribute('data-working', 'true');
  await expect(day(page, '2026-04-25')).toHaveAttribute('title', /рабочая суббота/);
  await expect(day(page, '2026-04-20')).toHaveAttribute('data-working', 'false');
  await expect(day(page, '2026-12-30')).toHaveAttribute('data-working', 'true');

  await day(page, '2026-12-30').click();
  const editor = page.getByTestId('calendar-day-editor');
  await expect(editor).toBeVisible();
  await page.getByTestId('calendar-exception-working').selectOption('false');
  await page.getByTestId('calendar-exception-save').click();
  await expect(editor).toContainText('Укажите основание');
  await page.getByTestId('calendar-exception-note').fill('Санитарный день, приказ № 45 от 01.12.2026');
  await page.getByTestId('calendar-exception-save').click();
  await expect(editor).toBeHidden();
  await expect(day(page, '2026-12-30')).toHaveAttribute('data-working', 'false');
  await expect(page.getByTestId('calendar-unsaved')).toBeVisible();

  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Календарь сохранён' })).toBeVisible();
  await expect(page.getByTestId('calendar-unsaved')).toBeHidden();

  await page.reload();
  await onCalendar(page);
  await showYear(page, 2026);
  await expect(day(page, '2026-12-30')).toHaveAttribute('data-working', 'false');
  await expect(day(page, '2026-12-30')).toHaveAttribute('title', /Санитарный день, приказ № 45/);
  await expect(page.getByTestId('calendar-exception-row')).toContainText('30.12.2026');

  // 2027's transfers are not published yet: the administrator adds them; 2 January 2027 is a Saturday.
  await showYear(page, 2027);
  await page.getByTestId('calendar-transfer-dayoff').fill('2027-01-02');
  await page.getByTestId('calendar-transfer-workday').fill('2027-01-09');
  await page.getByTestId('calendar-transfer-source').fill('постановление Совета Министров № 1 от 01.01.2027');
  await page.getByTestId('calendar-transfer-add').click();
  await expect(page.getByTestId('calendar-transfer-row')).toHaveCount(1);
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-error')).toContainText('переносимый день 2027-01-02 должен быть будним');
  await expect(page.getByTestId('calendar-unsaved')).toBeVisible();
});

test('the clerk filters overdue appeals and sees the calendar read-only', async ({ page, app }) => {
  await loginAsClerk(page, app);
  const rows = page.getByTestId('appeal-row');
  await expect(rows.first()).toBeVisible();
  // Unfiltered, the list also has appeals that are not overdue.
  await expect(
    rows.filter({ hasNot: page.locator('[data-testid="deadline-badge"][data-state="overdue"]') }).first(),
  ).toBeVisible();

  await page.getByTestId('filter-deadline').selectOption('overdue');
  await expect(async () => {
    const count = await rows.count();
    const states = await page
      .getByTestId('deadline-badge')
      .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-state')));
    expect(count).toBeGreaterThan(0);
    expect(states).toHaveLength(count);
    expect(new Set(states)).toEqual(new Set(['overdue']));
  }).toPass();
  await expect(page.getByTestId('list-total')).toContainText('Найдено');
  await expect(page.getByTestId('deadline-badge').first()).toHaveText('просрочено');

  await page.getByTestId('nav-calendar').click();
  await onCalendar(page);
  await expect(page.getByTestId('calendar-read-only')).toBeVisible();
  await expect(page.getByTestId('calendar-save')).toHaveCount(0);
  await expect(page.getByTestId('calendar-hours-start')).toBeDisabled();
  await day(page, `${await page.getByTestId('calendar-year').textContent()}-06-15`).click();
  await expect(page.getByTestId('calendar-day-editor')).toHaveCount(0);
});
