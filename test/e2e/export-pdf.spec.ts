import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, loginAsClerk, test } from './app-fixture';
import { attachPdf, fillOralAppeal, ORAL_APPEAL, openNewCard, registerCard } from './steps';

test('the clerk exports a registered card to PDF and the file carries its number and text', async ({
  page,
  app,
}, testInfo) => {
  await loginAsClerk(page, app);
  await openNewCard(page);
  await fillOralAppeal(page);
  await attachPdf(page, 'заявление.pdf');
  const number = await registerCard(page);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('card-export-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Обращение ${number}.pdf`);
  const file = join(testInfo.outputDir, 'export.pdf');
  await download.saveAs(file);

  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(number);
  expect(text).toContain(ORAL_APPEAL.surname);
  expect(text).toContain(ORAL_APPEAL.summary);
  expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('card.json');
});

test('the clerk exports marked appeals from the list into a folder with a manifest and ZIP packages', async ({
  page,
  app,
}, testInfo) => {
  await loginAsClerk(page, app);
  const rows = page.getByTestId('appeal-row');
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).getByTestId('row-select').check();
  await rows.nth(1).getByTestId('row-select').check();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'list');
  await page.getByTestId('list-export-pdf').click();
  const dialog = page.getByTestId('batch-export-dialog');
  await expect(dialog.getByTestId('batch-scope-selected')).toBeChecked();
  const folder = join(app.dataDir, 'e2e-export');
  await dialog.getByTestId('batch-folder').fill(folder);
  await dialog.getByTestId('batch-zip').check();
  await page.screenshot({ path: testInfo.outputPath('batch-export-dialog.png') });
  await dialog.getByTestId('batch-start').click();
  await expect(dialog.getByTestId('batch-progress')).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('batch-result')).toContainText(folder);
  await page.screenshot({ path: testInfo.outputPath('batch-export-done.png') });

  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  expect(manifest).toMatchObject({ total: 2, exported: 2, failed: 0 });
  for (const item of manifest.items) {
    expect(item.file).toMatch(/^[^/\\ ]+_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(existsSync(join(folder, item.package))).toBe(true);
    const text = execFileSync('pdftotext', [join(folder, item.file), '-'], { encoding: 'utf8' });
    expect(text).toContain(item.number ?? 'без номера');
  }
  expect(readFileSync(join(folder, 'manifest.csv'), 'utf8')).toContain(manifest.items[0].sha256);
});

test('a batch a crash cut off is listed in the export dialog and continued without redoing its files', async ({
  page,
  app,
}, testInfo) => {
  await loginAsClerk(page, app);
  const rows = page.getByTestId('appeal-row');
  await rows.nth(0).getByTestId('row-select').check();
  await rows.nth(1).getByTestId('row-select').check();
  await page.getByTestId('list-export-pdf').click();
  let dialog = page.getByTestId('batch-export-dialog');
  await expect(dialog.getByTestId('batch-interrupted')).toHaveCount(0);
  const folder = join(app.dataDir, 'exports', '2026-03-10-12-00-00');
  await dialog.getByTestId('batch-folder').fill(folder);
  await dialog.getByTestId('batch-start').click();
  await expect(dialog.getByTestId('batch-progress')).toHaveAttribute('data-state', 'done');
  // What a crash after the first appeal leaves: its PDF and the journal, the second PDF and the manifest gone.
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  const [first, second] = manifest.items;
  const header = {
    schema: 'arm-appeals/export-progress@1',
    createdAt: manifest.createdAt,
    ids: [first.id, second.id],
    zip: false,
  };
  writeFileSync(join(folder, 'manifest.progress.jsonl'), `${JSON.stringify(header)}\n${JSON.stringify(first)}\n`);
  for (const gone of [second.file, 'manifest.json', 'manifest.csv']) rmSync(join(folder, gone));
  const kept = statSync(join(folder, first.file)).mtimeMs;
  await page.keyboard.press('Escape');

  await page.getByTestId('list-export-pdf').click();
  dialog = page.getByTestId('batch-export-dialog');
  await expect(dialog.getByTestId('batch-interrupted')).toContainText('прерван, выгружено 1 из 2');
  await page.screenshot({ path: testInfo.outputPath('batch-export-interrupted.png') });
  await dialog.getByTestId('batch-resume').click();
  await expect(dialog.getByTestId('batch-progress')).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('batch-result')).toContainText(folder);
  expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))).toMatchObject({ total: 2, exported: 2 });
  expect(existsSync(join(folder, second.file))).toBe(true);
  expect(statSync(join(folder, first.file)).mtimeMs).toBe(kept);
  expect(existsSync(join(folder, 'manifest.progress.jsonl'))).toBe(false);
});

test('the clerk loads an answer package from a ВСЭД and sees the report', async ({ page, app }, testInfo) => {
  const folder = join(app.dataDir, 'vsed-inbox', 'answer-1');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      format: 'arm-appeals/vsed-answer@1',
      appealNumber: 'НЕТ-2026-1',
      answer: { file: 'ответ.pdf' },
      expansion: { completed: true },
    }),
  );
  writeFileSync(join(folder, 'ответ.pdf'), '%PDF-1.4\n%%EOF\n');
  await loginAsClerk(page, app);
  await page.getByTestId('list-vsed-import').click();
  const dialog = page.getByTestId('vsed-dialog');
  await dialog.getByTestId('vsed-path').fill(join(app.dataDir, 'vsed-inbox'));
  await dialog.getByTestId('vsed-import').click();
  const row = dialog.getByTestId('vsed-report').locator('tr[data-outcome="unmatched"]');
  await expect(row).toContainText('НЕТ-2026-1');
  await expect(row).toContainText('обращение не найдено');
  await page.screenshot({ path: testInfo.outputPath('vsed-report.png') });
});
