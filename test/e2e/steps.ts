import type { Locator, Page } from '@playwright/test';
import { expect, logIn, onScreen } from './app-fixture';

/** Steps several specs share: the clerk fills and registers a card the way register-appeal.spec.ts shows. */

export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface OralAppeal {
  surname: string;
  name: string;
  patronymic: string;
  address: string;
  summary: string;
  content: string;
  /** Typed into the topic picker; its first suggestion is taken. */
  topic: string;
  /** Typed into the territory picker; its first suggestion is taken. */
  territory: string;
}

export const ORAL_APPEAL: OralAppeal = {
  surname: 'Лукашевич',
  name: 'Алёна',
  patronymic: 'Міхайлаўна',
  address: 'г. Минск, вул. Янкі Купалы, д. 5, кв. 12',
  summary: 'О ремонте подъезда',
  content: 'Прошу провести ремонт подъезда: облупилась краска, на лестнице стоит гиперболоид соседа.',
  topic: 'ремонт',
  territory: 'Минск',
};

/** Ctrl+N from anywhere behind the login: a blank card. */
export async function openNewCard(page: Page): Promise<void> {
  await page.keyboard.press('Control+n');
  await onScreen(page, 'form');
}

export async function fillOralAppeal(page: Page, appeal: OralAppeal = ORAL_APPEAL): Promise<void> {
  await page.getByTestId('field-form').selectOption('oral');
  await page.getByTestId('field-applicant.surname').fill(appeal.surname);
  await page.getByTestId('field-applicant.name').fill(appeal.name);
  await page.getByTestId('field-applicant.patronymic').fill(appeal.patronymic);
  await page.getByTestId('field-applicant.address').fill(appeal.address);
  await page.getByTestId('field-summary').fill(appeal.summary);
  await page.getByTestId('field-content').fill(appeal.content);
  await page.getByTestId('field-topicCodes').fill(appeal.topic);
  await page.getByTestId('autocomplete-option').first().click();
  await page.getByTestId('field-territoryCode').fill(appeal.territory);
  await page.getByTestId('autocomplete-option').first().click();
}

export async function attachPdf(page: Page, name: string, buffer: Buffer = SMALL_PDF): Promise<void> {
  const before = await page.getByTestId('attachment-row').count();
  await page.getByTestId('field-attachments').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await expect(page.getByTestId('attachment-row')).toHaveCount(before + 1);
}

/** Ctrl+Enter on the filled card: registers it and opens the registered card; returns its number. */
export async function registerCard(page: Page): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await onScreen(page, 'card');
  const number = ((await page.getByTestId('card-reg-number').textContent()) ?? '').trim();
  expect(number).toMatch(/^ОГ-\d{4}-\d+$/);
  return number;
}

/** A written appeal (post), answered by post: the oral one's applicant and text on paper. */
export async function fillWrittenAppeal(page: Page, appeal: OralAppeal = ORAL_APPEAL): Promise<void> {
  await fillOralAppeal(page, appeal);
  await page.getByTestId('field-form').selectOption('written');
  await page.getByTestId('field-answerForm').selectOption('post');
}

/* ---------------------------------------------------------------------------------------------------
 * Review process (card section «Рассмотрение», its dialogs, the «Задачи» screen). Test ids:
 *
 * card    review-section [data-version, data-status, data-ready] · review-actions (appeal-level buttons)
 *         review-action-<type> [data-resolution-id, data-executor-id] — one per `allowed` entry; accept /
 *         reject sit in their review-task row, result / summary / sign / return in their review-resolution
 *         review-responsible-head · review-control · review-redirect-term / review-notice-term [data-state]
 *         review-redirect-last-day (warning on the last day) · review-no-actions
 *         review-resolution [data-id, data-state] › review-resolution-state, review-resolution-text,
 *           review-task [data-executor-id, data-state, data-responsible] › review-task-state,
 *           review-task-result, review-task-reject-reason; review-summary [data-signed] ›
 *           review-summary-text, review-summary-returned, review-signature
 *         review-dispatch [data-kind, data-on-control] · review-file (opens a file)
 * dialogs review-dialog-<type> › review-dialog-submit, review-dialog-cancel, review-dialog-error (refusals
 *         in Russian), review-dialog-subject (what is accepted / rejected / signed)
 *         inputs review-field-<path>, their errors review-error-<path>; paths as the action names them:
 *         text, reason, note, files, answerForm (radios review-field-answerForm-<form>), orgId (+ the
 *         search box review-field-orgFilter), controlDueDate, dueDate, controllerId, headId, ground,
 *         executors[i].userId, executors[i].dueDate, responsibleUserId
 *         createResolution: review-executor-row, review-responsible-<i>, review-add-executor,
 *           review-remove-executor-<i>; redirect: review-scope-whole / -partial, review-topic-<code>,
 *           review-field-onControl; files: review-file-row, review-file-pending, review-files-problems,
 *           review-post-file-hint
 * tasks   body[data-screen=tasks] · nav-tasks · tasks-screen [data-list, data-ready] · tasks-tab-<list>
 *         tasks-filter-deadline · tasks-sort-<dueAt|regNumber|assignee> · tasks-count · tasks-empty
 *         task-row [data-kind, data-appeal-id, data-deadline] › task-title, deadline-badge
 * ------------------------------------------------------------------------------------------------- */

/** Logs the current user out and another demo user in (password = login), in the same app instance. */
export async function switchUser(page: Page, login: string, fullName: string): Promise<void> {
  await page.getByTestId('logout-button').click();
  await logIn(page, login, login);
  await expect(page.getByTestId('header-user')).toContainText(fullName);
}

/** «Задачи» → a tab → the row of the appeal with this number → its card. */
export async function openFromTasks(page: Page, list: string, regNumber: string, title?: string): Promise<void> {
  await page.getByTestId('nav-tasks').click();
  await page.getByTestId(`tasks-tab-${list}`).click();
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-list', list);
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-ready', 'true');
  await onScreen(page, 'tasks');
  let row = page.getByTestId('task-row').filter({ hasText: new RegExp(`${regNumber}(?!\\d)`) });
  if (title) row = row.filter({ hasText: title });
  await row.first().click();
  await onScreen(page, 'card');
  await expect(page.getByTestId('review-section')).toHaveAttribute('data-ready', 'true');
}

/** Opens the dialog of a review action (within `scope`, e.g. one executor's row) and returns it. */
export async function openReviewDialog(page: Page, type: string, scope: Locator = page.locator('body')) {
  await expect(page.getByTestId('review-section')).toHaveAttribute('data-ready', 'true');
  await scope.getByTestId(`review-action-${type}`).click();
  const dialog = page.getByTestId(`review-dialog-${type}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Submits an action dialog and waits for the card to show the result (a new version of the review view). */
export async function submitReviewDialog(page: Page, dialog: Locator): Promise<void> {
  const section = page.getByTestId('review-section');
  const before = (await section.getAttribute('data-version')) ?? '';
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(section).not.toHaveAttribute('data-version', before);
}

/** Attaches a PDF in an action dialog and waits for its upload. */
export async function attachReviewPdf(dialog: Locator, name: string, buffer: Buffer = SMALL_PDF): Promise<void> {
  const before = await dialog.getByTestId('review-file-row').count();
  await dialog.getByTestId('review-field-files').setInputFiles({ name, mimeType: 'application/pdf', buffer });
  await expect(dialog.getByTestId('review-file-row')).toHaveCount(before + 1);
}
