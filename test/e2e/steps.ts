import type { Page } from '@playwright/test';
import { expect, onScreen } from './app-fixture';

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
