import { execFileSync } from 'node:child_process';
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
