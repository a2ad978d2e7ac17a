import { PDFDocument, rgb } from 'pdf-lib';
import type { Attachment } from '../../../shared/appeals';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { CardFonts } from './fonts';
import { A4, MARGIN } from './page-geometry';

/** How one attachment goes into the export: merged pages, an image page, or an embedded file. */
export type Placement =
  | { kind: 'pdf'; source: PDFDocument }
  | { kind: 'image'; format: 'png' | 'jpg'; bytes: Uint8Array }
  | { kind: 'embedded'; bytes: Uint8Array; reason: string }
  | { kind: 'missing' };

export interface PlannedAttachment {
  attachment: Attachment;
  /** 1-based, in the card's order. */
  index: number;
  placement: Placement;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPG_MAGIC = [0xff, 0xd8, 0xff];

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument | string> {
  try {
    const source = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    if (source.isEncrypted) return 'PDF зашифрован';
    if (source.getPageCount() === 0) return 'PDF без страниц';
    return source;
  } catch {
    return 'PDF не читается';
  }
}

/** Decides each attachment's placement by its content (magic bytes), not by its name. */
export async function planAttachments(files: AttachmentStore, list: Attachment[]): Promise<PlannedAttachment[]> {
  const planned: PlannedAttachment[] = [];
  for (const [i, attachment] of list.entries()) {
    const index = i + 1;
    if (!files.has(attachment.sha256)) {
      planned.push({ attachment, index, placement: { kind: 'missing' } });
      continue;
    }
    const bytes = new Uint8Array(files.read(attachment.sha256));
    let placement: Placement;
    if (startsWith(bytes, PDF_MAGIC)) {
      const source = await loadPdf(bytes);
      placement = typeof source === 'string' ? { kind: 'embedded', bytes, reason: source } : { kind: 'pdf', source };
    } else if (startsWith(bytes, PNG_MAGIC)) placement = { kind: 'image', format: 'png', bytes };
    else if (startsWith(bytes, JPG_MAGIC)) placement = { kind: 'image', format: 'jpg', bytes };
    else placement = { kind: 'embedded', bytes, reason: 'формат не отображается страницами' };
    planned.push({ attachment, index, placement });
  }
  return planned;
}

/** What the card's attachment list says about where to find the file in this PDF. */
export function placementText(p: PlannedAttachment): string {
  switch (p.placement.kind) {
    case 'pdf': {
      const n = p.placement.source.getPageCount();
      return `страницы документа (${n} стр.)`;
    }
    case 'image':
      return 'страница-изображение';
    case 'embedded':
      return `вложенный файл PDF (${p.placement.reason})`;
    case 'missing':
      return 'файл отсутствует в хранилище АРМ';
  }
}

async function addImagePage(
  doc: PDFDocument,
  fonts: CardFonts,
  p: PlannedAttachment,
  format: 'png' | 'jpg',
  bytes: Uint8Array,
) {
  const image = format === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const landscape = image.width > image.height;
  const page = doc.addPage(landscape ? [A4[1], A4[0]] : A4);
  const { width, height } = page.getSize();
  const caption = `Вложение ${p.index}: ${p.attachment.name}`;
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
    if (placement.kind === 'pdf') {
      const pages = await doc.copyPages(placement.source, placement.source.getPageIndices());
      for (const page of pages) doc.addPage(page);
    } else if (placement.kind === 'image') {
      await addImagePage(doc, fonts, p, placement.format, placement.bytes);
    } else if (placement.kind === 'embedded') {
      let name = p.attachment.name;
      if (embeddedNames.has(name)) name = `${p.index}-${name}`;
      embeddedNames.add(name);
      await doc.attach(placement.bytes, name, {
        mimeType: p.attachment.type || 'application/octet-stream',
        description: `Вложение ${p.index}: ${p.attachment.name}, SHA-256 ${p.attachment.sha256}`,
        creationDate: at,
        modificationDate: at,
      });
    }
  }
}
