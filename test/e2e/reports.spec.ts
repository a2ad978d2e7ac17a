import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, onScreen, test } from './app-fixture';
import { switchUser } from './steps';

/*
 * Test ids of «Отчёты»: nav-reports · reports-screen [data-ready] · report-standard · report-saved ·
 * report-from · report-to · report-rows · report-cols · report-measure-<m> · report-compare ·
 * report-filter-<statuses|kinds|forms|topics|territories|responsible|executors> · report-title ·
 * report-shared · report-save · report-delete · report-export-<pdf|xlsx|csv> · report-summary ·
 * report-table › tr[data-row] › report-number · report-chart [data-kind] · report-drill ›
 * report-drill-count, report-drill-row
 */

test('a report author builds a two-dimensional report, drills down, saves, shares and exports it; a head re-runs it', async ({
  page,
  app,
}, testInfo) => {
  await page.goto(app.url);
  await onScreen(page, 'login');
  await page.getByTestId('login-username').fill('reports');
  await page.getByTestId('login-password').fill('reports');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-reports').click();
  await onScreen(page, 'reports');
  await expect(page.getByTestId('report-chart')).toBeVisible();

  // Constructor: districts under regions × kind, over the last two years.
  await page.getByTestId('report-from').fill('2024-01-01');
  await page.getByTestId('report-rows').selectOption('territory');
  await page.getByTestId('report-cols').selectOption('kind');
  const screen = page.getByTestId('reports-screen');
  await expect(screen).toHaveAttribute('data-ready', 'true');
  const table = page.getByTestId('report-table');
  await expect(table.locator('thead')).toContainText('жалоба');
  await expect(table.locator('tr[data-row="MN"]')).toContainText('г. Минск');
  await expect(page.getByTestId('report-chart')).toHaveAttribute('data-kind', 'bar');

  // Drill down from the total of the Minsk row: the list has exactly that many appeals.
  const minsk = table.locator('tr[data-row="MN"]');
  const totalCell = minsk.getByTestId('report-number').last();
  const count = Number(await totalCell.textContent());
  expect(count).toBeGreaterThan(0);
  await totalCell.click();
  await expect(page.getByTestId('report-drill-count')).toHaveText(`Найдено: ${count}`);
  await expect(page.getByTestId('report-drill-row')).toHaveCount(Math.min(count, 200));
  await page.screenshot({ path: join(testInfo.outputDir, 'reports.png'), fullPage: true });

  // Save and share.
  await page.getByTestId('report-title').fill('Районы и виды обращений');
  await page.getByTestId('report-shared').check();
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-saved')).toContainText('Районы и виды обращений');

  // XLSX: numbers, the total a formula; PDF: the title and organisation as text.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-xlsx').click();
  const xlsx = join(testInfo.outputDir, 'report.xlsx');
  await (await xlsxDownload).saveAs(xlsx);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.getWorksheet('Отчёт');
  expect(String(sheet?.getCell('A2').value)).toBe('Районы и виды обращений');
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-pdf').click();
  const pdf = join(testInfo.outputDir, 'report.pdf');
  await (await pdfDownload).saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Районы и виды обращений');
  expect(text).toContain('Соколова Марина Игоревна');

  // A head sees the shared report and re-runs it for another period.
  await switchUser(page, 'head', 'Жуковский');
  await page.getByTestId('nav-reports').click();
  await onScreen(page, 'reports');
  await page
    .getByTestId('report-saved')
    .selectOption({ label: 'Районы и виды обращений (автор: Соколова Марина Игоревна) · общий' });
  await expect(page.getByTestId('report-cols')).toHaveValue('kind');
  await expect(page.getByTestId('report-save')).toHaveCount(0);
  await expect(table.locator('tr[data-row="MN"]')).toBeVisible();
});
