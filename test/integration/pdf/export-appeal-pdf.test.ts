import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { getAppeal } from '../../../electron/services/appeals/get-appeal';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import type { CallContext } from '../../../electron/services/context';
import { exportAppealPdf, exportAppealPdfFile } from '../../../electron/services/pdf/export-appeal-pdf';
import { appealCardSchema } from '../../../shared/appeals';
import { AppError } from '../../../shared/errors';
import { samplePdf, samplePng } from '../../helpers/sample-files';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
let outDir: string;
afterEach(() => {
  env?.cleanup();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function registerWithAttachments(content?: string) {
  env = makeTestServices();
  const pdf = uploadAttachment(env.clerk, {
    name: 'заявление.pdf',
    dataBase64: Buffer.from(await samplePdf(2)).toString('base64'),
  });
  const png = uploadAttachment(env.clerk, {
    name: 'фото.png',
    dataBase64: Buffer.from(samplePng()).toString('base64'),
  });
  return registerAppeal(env.clerk, {
    id: null,
    draft: draft({
      responsibleHeadId: 'u-head',
      ...(content === undefined ? {} : { content }),
      attachments: [
        { sha256: pdf.sha256, name: 'заявление.pdf' },
        { sha256: png.sha256, name: 'фото.png' },
      ],
    }),
    expectedVersion: null,
  });
}

function save(bytes: Uint8Array): string {
  outDir = mkdtempSync(join(tmpdir(), 'arm-pdf-'));
  const file = join(outDir, 'out.pdf');
  writeFileSync(file, bytes);
  return file;
}

describe('PDF export of an appeal', () => {
  it('lays out the card, merges the PDF, places the image, embeds card.json and sets metadata', async () => {
    const reg = await registerWithAttachments();
    const bytes = await exportAppealPdf(env.clerk, reg.id);
    const file = save(bytes);
    if (process.env.PDF_SAMPLE) writeFileSync(process.env.PDF_SAMPLE, bytes);

    const doc = await PDFDocument.load(bytes);
    const text = run('pdftotext', ['-layout', file, '-']);
    const pages = text.split('\f').slice(0, doc.getPageCount());
    // The card pages (up to the «Сформировано» line), the two merged pages, then the image page.
    const cardPages = pages.findIndex((p) => p.includes('Сформировано АРМ')) + 1;
    expect(cardPages).toBeGreaterThanOrEqual(1);
    expect(cardPages).toBeLessThanOrEqual(2);
    expect(doc.getPageCount()).toBe(cardPages + 3);
    expect(pages[cardPages + 2]).toContain('Вложение 2: фото.png');
    for (const page of pages) expect(page).toContain(reg.regNumber);
    expect(text).toContain(reg.regNumber);
    expect(text).toContain('РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА');
    expect(text).toContain('Тестовая администрация');
    expect(text).toContain('Иванов Иван Иванович');
    expect(text).toContain('О протечке крыши жилого дома');
    expect(text).toContain('Оплата жилищно-коммунальных услуг');
    expect(text).toContain('Ковалёв Игорь Петрович');
    expect(text).toContain(`стр. 1 из ${doc.getPageCount()}`);
    expect(text).toContain(`стр. ${doc.getPageCount()} из ${doc.getPageCount()}`);
    expect(text).toContain('Вложение 2: фото.png');
    const firstPage = run('pdftotext', ['-f', '1', '-l', '1', file, '-']);
    expect(firstPage).toContain('заявление.pdf');
    // Each attachment's sha256 is printed on the card (possibly wrapped over two lines).
    const sha = getAppeal(env.services.store.db, reg.id).attachments[0]?.sha256 ?? 'missing';
    expect(text.replace(/\s+/g, '')).toContain(sha);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(new RegExp(`Title:\\s+Обращение ${reg.regNumber}`));
    expect(info).toMatch(/Author:\s+Тестовая администрация/);
    expect(info).toMatch(/Subject:\s+О протечке крыши жилого дома/);
    expect(info).toMatch(/Keywords:.*жалоба/);
    expect(info).toMatch(/CreationDate:/);

    const listing = run('pdfdetach', ['-list', file]);
    const index = /(\d+): card\.json/.exec(listing)?.[1];
    expect(index).toBeDefined();
    const json = join(outDir, 'card.json');
    run('pdfdetach', ['-save', index ?? '1', '-o', json, file]);
    const card = appealCardSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(card.regNumber).toBe(reg.regNumber);
    expect(card.attachments.map((a) => a.name)).toEqual(['заявление.pdf', 'фото.png']);
  });

  it('continues a long appeal text over several card pages and keeps every word extractable', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `слово${i}`).join(' ');
    const reg = await registerWithAttachments(`Начало. ${words} Конец обращения.`);
    const file = save(await exportAppealPdf(env.clerk, reg.id));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(5);
    const text = run('pdftotext', [file, '-']);
    expect(text).toContain('слово0');
    expect(text).toContain('слово1499');
    expect(text).toContain('Конец обращения.');
    expect(text).toContain(`стр. ${pages} из ${pages}`);
  });

  it('embeds office files as PDF file attachments, names the file and refuses anonymous callers', async () => {
    env = makeTestServices();
    // An OLE compound header: a legacy .doc as the upload check recognises it.
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    const up = uploadAttachment(env.clerk, { name: 'письмо.doc', dataBase64: doc.toString('base64') });
    const reg = registerAppeal(env.clerk, {
      id: null,
      draft: draft({ attachments: [{ sha256: up.sha256, name: 'письмо.doc' }] }),
      expectedVersion: null,
    });
    const out = await exportAppealPdfFile(env.clerk, { id: reg.id });
    expect(out.fileName).toBe(`Обращение ${reg.regNumber}.pdf`);
    const file = save(Buffer.from(out.dataBase64, 'base64'));
    const list = run('pdfdetach', ['-list', file]);
    expect(list).toContain('письмо.doc');
    expect(list).toContain('card.json');
    expect(run('pdftotext', [file, '-'])).toContain('вложенный файл PDF');

    const anonymous: CallContext = { ...env.services, session: { user: null } };
    await expect(exportAppealPdf(anonymous, reg.id)).rejects.toBeInstanceOf(AppError);
  });
});
