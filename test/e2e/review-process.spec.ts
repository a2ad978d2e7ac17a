import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '../../shared/demo/demo-organisation';
import { expect, loginAsClerk, onScreen, test } from './app-fixture';
import {
  attachReviewPdf,
  fillOralAppeal,
  fillWrittenAppeal,
  openFromTasks,
  openNewCard,
  openReviewDialog,
  registerCard,
  submitReviewDialog,
  switchUser,
} from './steps';

/** Screenshots for people to look at (not compared): test-results/ is git-ignored. */
const SHOTS = join('test-results', 'review-screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

function demo(login: string) {
  const user = DEMO_USERS.find((u) => u.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  return { ...user, label: `${user.fullName} — ${user.position}` };
}
const clerk = demo('clerk');
const head = demo('head');
const executor = demo('executor');
const executor2 = demo('executor2');
const signer = demo('signer');

// A step that cannot happen fails in seconds, naming the step, instead of at the test's timeout.
test.use({ actionTimeout: 15_000 });

test('a written appeal goes through the full review cycle with two executors and is completed with a posted answer', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  // The clerk registers a written appeal answered by post and assigns the responsible head.
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillWrittenAppeal(page);
  const number = await registerCard(page);
  await expect(page.getByTestId('review-redirect-term')).toHaveAttribute('data-state', 'ok');
  let dialog = await openReviewDialog(page, 'assignResponsible');
  await dialog.getByTestId('review-field-headId').selectOption({ label: head.label });
  await shot(page, '01-assign-responsible');
  await submitReviewDialog(page, dialog);
  await expect(page.getByTestId('toast').last()).toContainText('Назначить ответственного руководителя');
  await expect(page.getByTestId('review-responsible-head')).toContainText(head.fullName);

  // The head finds it in «Назначено мне» and creates a resolution: executor responsible, executor2 too.
  await switchUser(page, 'head', head.fullName);
  await openFromTasks(page, 'mine', number);
  dialog = await openReviewDialog(page, 'createResolution');
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-error-text')).toContainText('Текст резолюции');
  await expect(dialog.getByTestId('review-error-executors[0].userId')).toBeVisible();
  await dialog.getByTestId('review-field-text').fill('Рассмотреть, подготовить ответ заявителю.');
  await dialog.getByTestId('review-field-executors[0].userId').selectOption({ label: executor.label });
  await dialog.getByTestId('review-add-executor').click();
  await dialog.getByTestId('review-field-executors[1].userId').selectOption({ label: executor2.label });
  await expect(dialog.getByTestId('review-field-executors[1].dueDate')).not.toHaveValue('');
  await dialog.getByTestId('review-responsible-0').check();
  await shot(page, '02-create-resolution');
  await submitReviewDialog(page, dialog);
  const resolution = page.getByTestId('review-resolution');
  await expect(resolution).toHaveCount(1);
  await expect(resolution.getByTestId('review-task')).toHaveCount(2);
  await expect(page.getByTestId('appeal-card')).toHaveAttribute('data-status', 'under_resolution');
  const task2 = resolution.getByTestId('review-task').filter({ hasText: executor2.fullName });
  const task1 = resolution.getByTestId('review-task').filter({ hasText: executor.fullName });
  await expect(task1).toHaveAttribute('data-responsible', 'true');

  // executor2 submits a result with a file.
  await switchUser(page, 'executor2', executor2.fullName);
  await openFromTasks(page, 'mine', number);
  await expect(page.getByTestId('review-action-createResolution')).toHaveCount(0);
  dialog = await openReviewDialog(page, 'submitResult');
  await dialog.getByTestId('review-field-text').fill('Проведено обследование подъезда, составлен акт.');
  await attachReviewPdf(dialog, 'акт обследования.pdf');
  await shot(page, '03-submit-result');
  await submitReviewDialog(page, dialog);
  await expect(task2).toHaveAttribute('data-state', 'submitted');

  // The responsible executor rejects it with a reason.
  await switchUser(page, 'executor', executor.fullName);
  await openFromTasks(page, 'mine', number, 'Проверить');
  dialog = await openReviewDialog(page, 'rejectResult', task2);
  await expect(dialog.getByTestId('review-dialog-subject')).toContainText('составлен акт');
  await dialog.getByTestId('review-field-reason').fill('Не указаны сроки ремонта.');
  await shot(page, '04-reject-result');
  await submitReviewDialog(page, dialog);
  await expect(task2).toHaveAttribute('data-state', 'rejected');
  await expect(task2.getByTestId('review-task-reject-reason')).toContainText('Не указаны сроки ремонта.');

  // executor2 resubmits.
  await switchUser(page, 'executor2', executor2.fullName);
  await openFromTasks(page, 'mine', number);
  dialog = await openReviewDialog(page, 'submitResult');
  await dialog.getByTestId('review-field-text').fill('Ремонт подъезда включён в план на май, срок — до 31 мая.');
  await submitReviewDialog(page, dialog);
  await expect(task2).toHaveAttribute('data-state', 'submitted');

  // The responsible executor accepts it, enters the own result and the summary.
  await switchUser(page, 'executor', executor.fullName);
  await openFromTasks(page, 'mine', number, 'Проверить');
  dialog = await openReviewDialog(page, 'acceptResult', task2);
  await shot(page, '05-accept-result');
  await submitReviewDialog(page, dialog);
  await expect(task2).toHaveAttribute('data-state', 'accepted');
  dialog = await openReviewDialog(page, 'submitResult');
  await dialog.getByTestId('review-field-text').fill('Подготовлен проект ответа заявителю.');
  await submitReviewDialog(page, dialog);
  await expect(task1).toHaveAttribute('data-state', 'accepted');
  dialog = await openReviewDialog(page, 'submitSummary');
  await dialog.getByTestId('review-field-text').fill('Ремонт подъезда будет выполнен до 31 мая.');
  await shot(page, '06-submit-summary');
  await submitReviewDialog(page, dialog);
  await expect(resolution).toHaveAttribute('data-state', 'awaiting_signature');

  // The signer signs the summary.
  await switchUser(page, 'signer', signer.fullName);
  await openFromTasks(page, 'mine', number);
  dialog = await openReviewDialog(page, 'signSummary');
  await expect(dialog.getByTestId('review-dialog-submit')).toHaveText('Подписать');
  // ЭЦП with the demo signer's development key (no AVEST here): labelled so; its password is the login.
  const certificate = dialog.getByTestId('sign-certificate').first();
  await expect(certificate).toContainText(signer.fullName);
  await expect(certificate).toContainText('ключ разработчика');
  await expect(certificate.locator('input[type="radio"]')).toBeChecked();
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-error-password')).toContainText('Введите пароль');
  await dialog.getByTestId('review-field-password').fill('неверный');
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-dialog-error')).toContainText('пароль');
  await dialog.getByTestId('review-field-password').fill('signer');
  await shot(page, '07-sign-summary');
  await submitReviewDialog(page, dialog);
  await expect(resolution).toHaveAttribute('data-state', 'executed');
  const ecp = page.getByTestId('review-signature-ecp');
  await expect(ecp).toHaveAttribute('data-valid', 'true');
  await expect(ecp).toContainText('Подпись верна');
  await expect(ecp).toContainText(signer.fullName);
  await expect(resolution.getByTestId('review-signature')).toContainText(signer.fullName);
  await expect(page.getByTestId('appeal-card')).toHaveAttribute('data-status', 'executed');

  // The clerk completes with the answer: by post a file is mandatory.
  await switchUser(page, 'clerk', clerk.fullName);
  await onScreen(page, 'card');
  await page.reload();
  await onScreen(page, 'card');
  dialog = await openReviewDialog(page, 'complete');
  await expect(dialog.getByTestId('review-field-answerForm-post')).toBeChecked();
  await expect(dialog.getByTestId('review-post-file-hint')).toBeVisible();
  await dialog.getByTestId('review-field-text').fill('Сообщаем, что ремонт подъезда будет выполнен до 31 мая.');
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-error-questionResults')).toContainText('Результаты рассмотрения вопросов');
  for (const select of await dialog.locator('[data-testid^="review-question-result-"]').all())
    await select.selectOption('supported');
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-error-files')).toContainText('прикрепите');
  await shot(page, '08-complete-without-file');
  await attachReviewPdf(dialog, 'ответ.pdf');
  await submitReviewDialog(page, dialog);

  await expect(page.getByTestId('appeal-card')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('review-question').first()).toHaveAttribute('data-result', 'supported');
  await expect(page.getByTestId('appeal-card').locator('.screen-head .status')).toHaveText('рассмотрено');
  await expect(page.getByTestId('review-dispatch').filter({ hasText: 'ответ.pdf' })).toHaveAttribute(
    'data-kind',
    'answer',
  );
  for (const action of [
    'assignResponsible',
    'createResolution',
    'rejectResult',
    'acceptResult',
    'submitSummary',
    'signSummary',
    'complete',
  ])
    await expect(page.locator(`[data-testid="history-row"][data-action="${action}"]`)).toHaveCount(1);
  await expect(page.locator('[data-testid="history-row"][data-action="submitResult"]')).toHaveCount(3);
  await page.getByTestId('review-section').screenshot({ path: join(SHOTS, '09-review-section-completed.png') });
});

test('the clerk redirects a whole appeal to a state organisation; non-state ones cannot be chosen', async ({
  page,
  app,
}) => {
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillOralAppeal(page);
  await page.getByTestId('field-form').selectOption('written');
  await registerCard(page);

  const dialog = await openReviewDialog(page, 'redirect');
  const orgs = dialog.getByTestId('review-field-orgId');
  await expect(orgs.locator('option', { hasText: 'Каменная Горка-5' })).toBeDisabled();
  await dialog.getByTestId('review-field-orgFilter').fill('жилищно-коммунального хозяйства Республики');
  await expect(orgs.locator('option')).toHaveCount(1);
  await orgs.selectOption({ index: 0 });
  await expect(dialog.getByTestId('review-scope-whole')).toBeChecked();
  await dialog
    .getByTestId('review-field-text')
    .fill('Направляем обращение для рассмотрения по компетенции. Заявитель уведомлён.');
  await shot(page, '10-redirect');
  await submitReviewDialog(page, dialog);

  await expect(page.getByTestId('appeal-card')).toHaveAttribute('data-status', 'redirected');
  const letter = page.getByTestId('review-dispatch');
  await expect(letter).toHaveAttribute('data-kind', 'redirect');
  await expect(letter).toContainText('Министерство жилищно-коммунального хозяйства');
  await expect(page.locator('[data-testid="history-row"][data-action="redirect"]')).toHaveCount(1);
  await expect(page.getByTestId('review-actions').getByRole('button')).toHaveCount(0);

  await page.getByTestId('nav-tasks').click();
  await onScreen(page, 'tasks');
  await expect(page.getByTestId('tasks-tab-organisation')).toBeVisible();
  await page.getByTestId('tasks-tab-organisation').click();
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-list', 'organisation');
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-ready', 'true');
  await shot(page, '11-tasks-organisation');
});

test('control, request, instruction, message, leaving without consideration and returning a summary', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillOralAppeal(page);
  await registerCard(page);

  // On control with the clerk as controller (the default), then off control.
  let dialog = await openReviewDialog(page, 'setControl');
  await expect(dialog.getByTestId('review-field-controllerId')).toHaveValue(/.+/);
  await dialog.getByTestId('review-field-note').fill('Доложить о ходе рассмотрения.');
  await shot(page, '12-set-control');
  await submitReviewDialog(page, dialog);
  await expect(page.getByTestId('review-control')).toContainText(clerk.fullName);
  dialog = await openReviewDialog(page, 'removeControl');
  await shot(page, '13-remove-control');
  await submitReviewDialog(page, dialog);
  await expect(page.getByTestId('review-control')).toContainText('не на контроле');

  // A request to any organisation; an instruction only to a subordinate one.
  dialog = await openReviewDialog(page, 'sendRequest');
  await dialog.getByTestId('review-dialog-submit').click();
  await expect(dialog.getByTestId('review-error-orgId')).toContainText('Организация');
  await dialog.getByTestId('review-field-orgFilter').fill('здравоохранения');
  await dialog.getByTestId('review-field-orgId').selectOption({ index: 0 });
  await dialog.getByTestId('review-field-text').fill('Просим сообщить сведения по вопросу заявителя.');
  await shot(page, '14-send-request');
  await submitReviewDialog(page, dialog);
  await expect(page.locator('[data-testid="review-dispatch"][data-kind="request"]')).toContainText('здравоохранения');

  dialog = await openReviewDialog(page, 'sendInstruction');
  const orgs = dialog.getByTestId('review-field-orgId').locator('option');
  await expect(orgs).not.toHaveCount(0);
  await expect(orgs.filter({ hasText: 'Министерство' })).toHaveCount(0);
  await dialog.getByTestId('review-field-orgId').selectOption({ index: 0 });
  await dialog.getByTestId('review-field-text').fill('Поручаем обследовать подъезд и доложить.');
  await shot(page, '15-send-instruction');
  await submitReviewDialog(page, dialog);
  await expect(page.locator('[data-testid="review-dispatch"][data-kind="instruction"]')).toHaveCount(1);

  dialog = await openReviewDialog(page, 'sendMessage');
  await dialog.getByTestId('review-field-text').fill('Ваше обращение рассматривается, ответ будет дан в срок.');
  await shot(page, '16-send-message');
  await submitReviewDialog(page, dialog);
  await expect(page.locator('[data-testid="review-dispatch"][data-kind="message"]')).toHaveCount(1);

  dialog = await openReviewDialog(page, 'withdraw');
  await shot(page, '17-withdraw');
  await dialog.getByTestId('review-dialog-cancel').click();
  await expect(dialog).toHaveCount(0);

  // The authorised person leaves it without consideration: the ground fills the standard text.
  await switchUser(page, 'authorised', demo('authorised').fullName);
  await onScreen(page, 'card');
  await expect(page.getByTestId('review-section')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('review-actions').getByRole('button')).toHaveCount(1);
  dialog = await openReviewDialog(page, 'leaveWithoutConsideration');
  await dialog.getByTestId('review-field-ground').selectOption('out_of_scope');
  await expect(dialog.getByTestId('review-field-text')).toHaveValue(/не попадает под сферу действия Закона/);
  await shot(page, '18-leave-without-consideration');
  await submitReviewDialog(page, dialog);
  await expect(page.getByTestId('appeal-card')).toHaveAttribute('data-status', 'left_without_consideration');
  await expect(page.locator('[data-testid="review-dispatch"][data-kind="notice"]')).toHaveCount(1);

  // The signer returns a demo appeal's summary for rework.
  await switchUser(page, 'signer', signer.fullName);
  await page.getByTestId('nav-tasks').click();
  await onScreen(page, 'tasks');
  await shot(page, '19-tasks-signer-mine');
  await page.getByTestId('task-row').filter({ hasText: 'Подписать' }).first().click();
  await onScreen(page, 'card');
  dialog = await openReviewDialog(page, 'returnSummary');
  await dialog.getByTestId('review-field-reason').fill('Уточните сроки выполнения работ.');
  await shot(page, '20-return-summary');
  await submitReviewDialog(page, dialog);
  await expect(page.getByTestId('review-summary-returned').first()).toContainText('Уточните сроки');

  await page.getByTestId('language-switch').selectOption('be');
  await expect(page.getByTestId('review-section').locator('h2')).toHaveText('Разгляд');
  await page.getByTestId('review-section').screenshot({ path: join(SHOTS, '21-review-section-be.png') });
});
