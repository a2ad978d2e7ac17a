import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { renderAppealPdf } from '../../../electron/services/pdf/export-appeal-pdf';
import { convertOffice, findSoffice } from '../../../electron/services/pdf/office-convert';
import { PdfFile } from '../../helpers/pdf-inspect';
import { encryptedPdf, sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../helpers/sample-files';
import { draft, makeTestServices } from '../../helpers/test-services';

let env: ReturnType<typeof makeTestServices>;
const cleanups: Array<() => void> = [];
afterEach(() => {
  env?.cleanup();
  for (const c of cleanups.splice(0)) c();
});

function inspect(bytes: Uint8Array): PdfFile {
  const file = new PdfFile(bytes);
  cleanups.push(() => file.cleanup());
  return file;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'arm-pdf-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function register(files: Array<{ name: string; bytes: Uint8Array }>, overrides: Parameters<typeof draft>[0] = {}) {
  const attachments = files.map((f) => {
    const up = uploadAttachment(env.clerk, { name: f.name, dataBase64: Buffer.from(f.bytes).toString('base64') });
    return { sha256: up.sha256, name: f.name };
  });
  return registerAppeal(env.clerk, {
    id: null,
    draft: draft({ responsibleHeadId: 'u-head', attachments, ...overrides }),
    expectedVersion: null,
  });
}

describe('PDF export: fonts, pages and ink', () => {
  it('prints Russian and Belarusian text with the prepared font, visibly, and counts every attachment page', async () => {
    env = makeTestServices();
    const tiff = sampleTiff([
      { width: 40, height: 60, grey: 30 },
      { width: 80, height: 50, grey: 90 },
      { width: 30, height: 30, grey: 150 },
    ]);
    const reg = register(
      [
        { name: 'скан.pdf', bytes: await samplePdf(3) },
        { name: 'фото.jpg', bytes: await sampleJpeg() },
        { name: 'схема.png', bytes: samplePng(60, 40, 0x20) },
        { name: 'сканы.tiff', bytes: tiff },
      ],
      {
        summary: 'Аб рамонце даху дома № 15',
        content: 'Прашу ўлічыць і вырашыць пытанне: Ўў Іі Ёё Ъъ Щщ — 1234567890, 10.03.2026 «лапкі».',
      },
    );
    const pdf = await renderAppealPdf(env.clerk, reg.id);
    expect(pdf.fonts).toBe('prepared');
    expect(pdf.problems).toEqual([]);
    // 3 merged pages + 1 JPEG + 1 PNG + 3 TIFF pages.
    expect(pdf.attachmentPages).toBe(8);
    expect(pdf.pages).toBe(pdf.cardPages + 8);

    const file = inspect(pdf.bytes);
    expect(file.pages()).toBe(pdf.pages);
    const text = file.text();
    for (const s of [
      'Аб рамонце даху дома № 15',
      'Прашу ўлічыць і вырашыць',
      'Ўў Іі Ёё Ъъ Щщ',
      '1234567890',
      '10.03.2026',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Вложение 4: сканы.tiff (стр. 3 из 3)');
    expect(text.replace(/\s+/g, ' ')).toContain('страницы-изображения TIFF (3 стр.)');
    expect(text).toContain(`стр. ${pdf.pages} из ${pdf.pages}`);
    expect(file.run('pdffonts', [file.path])).toMatch(/\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    // Ink where the words are, none in the blank left margin.
    const words = file.words(1);
    const number = words.find((w) => w.word === reg.regNumber);
    const title = words.find((w) => w.word === 'РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ');
    expect(number).toBeDefined();
    expect(title).toBeDefined();
    if (!number || !title) return;
    expect(file.ink(1, number)).toBeGreaterThan(15);
    expect(file.ink(1, title)).toBeGreaterThan(15);
    expect(file.ink(1, { x0: 5, y0: 300, x1: 40, y1: 500 })).toBe(0);
    // The image page of the dark PNG is inked inside the A4 frame.
    const pngPage = pdf.cardPages + 5;
    expect(file.text(pngPage)).toContain('Вложение 3: схема.png');
    expect(file.ink(pngPage, { x0: 100, y0: 200, x1: 500, y1: 300 })).toBeGreaterThan(150);
  });

  it('falls back to a per-document subset of the full font for characters outside the prepared repertoire', async () => {
    env = makeTestServices();
    const reg = register([], { notes: 'Примечание: ∑ ≈ ∞ ⌀' });
    const pdf = await renderAppealPdf(env.clerk, reg.id);
    expect(pdf.fonts).toBe('subset');
    expect(inspect(pdf.bytes).text()).toContain('∑ ≈ ∞ ⌀');
  });
});

describe('PDF export: damaged and unsupported attachments', () => {
  it('still produces the card and says on it what could not be included and why', async () => {
    env = makeTestServices();
    const jpeg = await sampleJpeg();
    const png = samplePng(20, 20);
    const first = register([
      { name: 'пароль.pdf', bytes: await encryptedPdf() },
      { name: 'битый.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage') },
      { name: 'обрезан.jpg', bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) },
      { name: 'обрезан.png', bytes: png.subarray(0, png.length - 20) },
      { name: 'целый.png', bytes: png },
    ]);
    const second = register([
      { name: 'испорчен.pdf', bytes: await samplePdf(1) },
      { name: 'пропал.png', bytes: samplePng(5, 5, 1) },
    ]);
    // On disk one file is overwritten with bytes of no known format, the other is gone.
    const card = (await renderAppealPdf(env.clerk, second.id)).card;
    const [damaged, missing] = card.attachments;
    writeFileSync(env.services.files.pathOf(damaged?.sha256 ?? ''), Buffer.from('not a document at all'));
    rmSync(env.services.files.pathOf(missing?.sha256 ?? ''));

    const a = await renderAppealPdf(env.clerk, first.id);
    expect(a.attachmentPages).toBe(1);
    expect(a.pages).toBe(a.cardPages + 1);
    expect(a.problems).toHaveLength(4);
    const textA = inspect(a.bytes).text().replace(/\s+/g, ' ');
    expect(textA).toContain('PDF зашифрован');
    expect(textA).toContain('PDF повреждён и не читается');
    expect(textA).toContain('изображение JPEG обрезано');
    expect(textA).toContain('изображение PNG обрезано');
    expect(textA).toContain('Вложение 5: целый.png');
    const fileA = inspect(a.bytes);
    expect(fileA.run('pdfdetach', ['-list', fileA.path])).toContain('пароль.pdf');

    const b = await renderAppealPdf(env.clerk, second.id);
    expect(b.pages).toBe(b.cardPages);
    const textB = inspect(b.bytes).text().replace(/\s+/g, ' ');
    expect(textB).toContain('формат не отображается страницами');
    expect(textB).toContain('файл отсутствует в хранилище АРМ');
    expect(b.problems.join('\n')).toContain('испорчен.pdf');
  });
});

describe('PDF export: office files through LibreOffice', () => {
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);

  /** A stand-in `soffice` on PATH: records its arguments and writes a real 2-page PDF where asked. */
  async function fakeSoffice(body?: string): Promise<{ dir: string; log: string }> {
    const dir = tempDir();
    const fixture = join(dir, 'converted.pdf');
    writeFileSync(fixture, await samplePdf(2));
    const log = join(dir, 'args.log');
    const script = join(dir, 'soffice');
    writeFileSync(
      script,
      body ??
        `#!/bin/sh
echo "$@" > '${log}'
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
mkdir -p "$out"; base=$(basename "$last"); cp '${fixture}' "$out/\${base%.*}.pdf"
`,
    );
    chmodSync(script, 0o755);
    return { dir, log };
  }

  it('converts .docx with the soffice found on PATH, in a private profile, and merges its pages', async () => {
    env = makeTestServices();
    const fake = await fakeSoffice();
    expect(findSoffice({ PATH: `${tempDir()}:${fake.dir}` })).toBe(join(fake.dir, 'soffice'));
    const reg = register([{ name: 'ответ.docx', bytes: docx }]);
    const pathBefore = process.env.PATH;
    process.env.PATH = `${fake.dir}:${pathBefore}`;
    try {
      const pdf = await renderAppealPdf(env.clerk, reg.id);
      expect(pdf.attachmentPages).toBe(2);
      expect(inspect(pdf.bytes).text().replace(/\s+/g, ' ')).toContain('преобразовано LibreOffice (2 стр.)');
      const args = readFileSync(fake.log, 'utf8');
      expect(args).toMatch(/-env:UserInstallation=file:\/\/\S+\/profile/);
      expect(args).toContain('--headless');
      expect(args).toContain('--convert-to pdf');
    } finally {
      process.env.PATH = pathBefore;
    }
  });

  it('embeds the file when LibreOffice is absent, fails or hangs', async () => {
    env = makeTestServices();
    expect(findSoffice({ PATH: tempDir() })).toBeNull();
    expect(findSoffice({ PATH: '', ARM_SOFFICE: '/nonexistent/soffice' })).toBeNull();
    const reg = register([{ name: 'ответ.docx', bytes: docx }]);
    const pdf = await renderAppealPdf(env.clerk, reg.id, { soffice: null });
    expect(pdf.attachmentPages).toBe(0);
    expect(pdf.problems).toEqual([]);
    const file = inspect(pdf.bytes);
    expect(file.text().replace(/\s+/g, ' ')).toContain('LibreOffice не установлен');
    expect(file.detach('ответ.docx')).toEqual(docx);

    const failing = await fakeSoffice('#!/bin/sh\nexit 3\n');
    const failed = await renderAppealPdf(env.clerk, reg.id, { soffice: join(failing.dir, 'soffice') });
    expect(failed.problems.join()).toContain('LibreOffice не смог преобразовать файл');
    const hanging = await fakeSoffice('#!/bin/sh\nexec sleep 30\n');
    expect(await convertOffice(join(hanging.dir, 'soffice'), 'a.docx', docx, 300)).toBe('LibreOffice не успел за 0 с');
  });
});
