import { extname } from 'node:path';
import { PDFDocument, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { Attachment } from '../../../shared/appeals';
import { detectFileType } from '../../../shared/validation/file-types';
import type { AttachmentStore } from '../attachments/attachment-store';
import { attachFile } from './embedded-file';
import type { CardFonts } from './fonts';
import { convertOffice, findSoffice, OFFICE_EXTENSIONS } from './office-convert';
import { A4, MARGIN } from './page-geometry';
import { checkJpeg, checkPng, DamagedImage, tiffPages } from './raster';

/**
 * How one attachment goes into the export. Everything that can fail (parsing a PDF, decoding an
 * image, converting an office file) happens while planning, before the card is drawn, so the card
 * states truthfully where each file is — or why it is not shown as pages.
 */
export type Placement =
  | { kind: 'pages'; pages: PDFPage[]; converted: boolean }
  | { kind: 'images'; images: PDFImage[]; tiff: boolean }
  | { kind: 'embedded'; bytes: Uint8Array; reason: string; damaged: boolean }
  | { kind: 'missing' };

export interface PlannedAttachment {
  attachment: Attachment;
  /** 1-based, in the card's order. */
  index: number;
  placement: Placement;
}

export interface PlanOptions {
  /** LibreOffice's program for office files; undefined = look it up (findSoffice), null = none. */
  soffice?: string | null;
}

async function copyPdf(doc: PDFDocument, bytes: Uint8Array): Promise<PDFPage[] | string> {
  let source: PDFDocument;
  let count: number;
  try {
    source = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    if (source.isEncrypted) return 'PDF зашифрован (защищён паролем)';
    count = source.getPageCount();
  } catch {
    return 'PDF повреждён и не читается';
  }
  if (count === 0) return 'PDF без страниц';
  try {
    return await doc.copyPages(source, source.getPageIndices());
  } catch {
    return 'страницы PDF повреждены';
  }
}

async function embedImages(doc: PDFDocument, bytes: Uint8Array, type: string): Promise<PDFImage[]> {
  if (type === 'image/jpeg') {
    checkJpeg(bytes);
    return [await doc.embedJpg(bytes)];
  }
  if (type === 'image/png') {
    checkPng(bytes);
    return [await doc.embedPng(bytes)];
  }
  const pages = tiffPages(bytes);
  const images: PDFImage[] = [];
  for (const png of pages) images.push(await doc.embedPng(png));
  return images;
}

const embedded = (bytes: Uint8Array, reason: string, damaged = true): Placement => ({
  kind: 'embedded',
  bytes,
  reason,
  damaged,
});

async function place(doc: PDFDocument, a: Attachment, bytes: Uint8Array, soffice: string | null): Promise<Placement> {
  const type = detectFileType(bytes.subarray(0, 16));
  if (type === 'application/pdf') {
    const pages = await copyPdf(doc, bytes);
    return typeof pages === 'string' ? embedded(bytes, pages) : { kind: 'pages', pages, converted: false };
  }
  if (type === 'image/jpeg' || type === 'image/png' || type === 'image/tiff') {
    try {
      return { kind: 'images', images: await embedImages(doc, bytes, type), tiff: type === 'image/tiff' };
    } catch (err) {
      return embedded(bytes, err instanceof DamagedImage ? err.message : 'изображение повреждено');
    }
  }
  if (OFFICE_EXTENSIONS.has(extname(a.name).toLowerCase())) {
    if (!soffice) return embedded(bytes, 'LibreOffice не установлен — документ не преобразован', false);
    const pdf = await convertOffice(soffice, a.name, bytes);
    if (typeof pdf === 'string') return embedded(bytes, pdf);
    const pages = await copyPdf(doc, pdf);
    return typeof pages === 'string'
      ? embedded(bytes, `результат LibreOffice: ${pages}`)
      : { kind: 'pages', pages, converted: true };
  }
  return embedded(bytes, 'формат не отображается страницами');
}

/** Decides and prepares each attachment's placement by its content (magic bytes), in the card's order. */
export async function planAttachments(
  doc: PDFDocument,
  files: AttachmentStore,
  list: Attachment[],
  options: PlanOptions = {},
): Promise<PlannedAttachment[]> {
  const planned: PlannedAttachment[] = [];
  let soffice = options.soffice;
  for (const [i, attachment] of list.entries()) {
    const index = i + 1;
    if (!files.has(attachment.sha256)) {
      planned.push({ attachment, index, placement: { kind: 'missing' } });
      continue;
    }
    const bytes = new Uint8Array(files.read(attachment.sha256));
    if (soffice === undefined && OFFICE_EXTENSIONS.has(extname(attachment.name).toLowerCase())) soffice = findSoffice();
    planned.push({ attachment, index, placement: await place(doc, attachment, bytes, soffice ?? null) });
  }
  return planned;
}

/** What the card's attachment list says about where to find the file in this PDF. */
export function placementText(p: PlannedAttachment): string {
  switch (p.placement.kind) {
    case 'pages': {
      const n = p.placement.pages.length;
      return p.placement.converted
        ? `страницы, преобразовано LibreOffice (${n} стр.)`
        : `страницы документа (${n} стр.)`;
    }
    case 'images': {
      const n = p.placement.images.length;
      return p.placement.tiff ? `страницы-изображения TIFF (${n} стр.)` : 'страница-изображение';
    }
    case 'embedded':
      return p.placement.damaged
        ? `НЕ ВКЛЮЧЁН страницами: ${p.placement.reason}; исходный файл вложен в PDF`
        : `вложенный файл PDF (${p.placement.reason})`;
    case 'missing':
      return 'НЕ ВКЛЮЧЁН: файл отсутствует в хранилище АРМ';
  }
}

/** Notes for the export's report: what could not be included as pages, and why. */
export function placementProblems(planned: PlannedAttachment[]): string[] {
  return planned
    .filter((p) => p.placement.kind === 'missing' || (p.placement.kind === 'embedded' && p.placement.damaged))
    .map((p) => `Вложение ${p.index} «${p.attachment.name}»: ${placementText(p)}`);
}

/** How many pages the attachments add after the card. */
export function attachmentPageCount(planned: PlannedAttachment[]): number {
  let n = 0;
  for (const { placement } of planned) {
    if (placement.kind === 'pages') n += placement.pages.length;
    else if (placement.kind === 'images') n += placement.images.length;
  }
  return n;
}

function addImagePage(doc: PDFDocument, fonts: CardFonts, image: PDFImage, caption: string) {
  const landscape = image.width > image.height;
  const page = doc.addPage(landscape ? [A4[1], A4[0]] : A4);
  const { width, height } = page.getSize();
  page.drawText(caption, {
    x: MARGIN.left,
    y: height - MARGIN.top + 4,
    size: 9,
    font: fonts.bold,
    color: rgb(0, 0, 0),
  });
  const boxWidth = width - MARGIN.left - MARGIN.right;
  const boxHeight = height - MARGIN.top - MARGIN.bottom - 14;
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, {
    x: MARGIN.left + (boxWidth - w) / 2,
    y: MARGIN.bottom + (boxHeight - h),
    width: w,
    height: h,
  });
}

/** Appends the attachments after the card pages, in order; other files are embedded (listed on the card). */
export async function appendAttachments(doc: PDFDocument, fonts: CardFonts, planned: PlannedAttachment[], at: Date) {
  const embeddedNames = new Set<string>(['card.json']);
  for (const p of planned) {
    const { placement } = p;
    if (placement.kind === 'pages') {
      for (const page of placement.pages) doc.addPage(page);
    } else if (placement.kind === 'images') {
      const total = placement.images.length;
      placement.images.forEach((image, i) => {
        const caption = `Вложение ${p.index}: ${p.attachment.name}${total > 1 ? ` (стр. ${i + 1} из ${total})` : ''}`;
        addImagePage(doc, fonts, image, caption);
      });
    } else if (placement.kind === 'embedded') {
      let name = p.attachment.name;
      if (embeddedNames.has(name)) name = `${p.index}-${name}`;
      embeddedNames.add(name);
      attachFile(doc, placement.bytes, name, {
        mimeType: p.attachment.type || 'application/octet-stream',
        description: `Вложение ${p.index}: ${p.attachment.name}, SHA-256 ${p.attachment.sha256}`,
        at,
      });
    }
  }
}
