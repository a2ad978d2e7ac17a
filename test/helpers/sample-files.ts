import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { rgbaToPng } from '../../electron/services/pdf/raster';

/** Sample attachments for the PDF export tests and the benchmark, made on the spot. */

/** A solid-colour RGB PNG of `width`×`height`. */
export function samplePng(width = 4, height = 3, grey = 0x80): Uint8Array {
  const rgba = new Uint8Array(width * height * 4).fill(grey);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  return rgbaToPng(rgba, width, height);
}

/** A PDF of `pages` A4 pages, each saying which page it is (Latin text in a standard font). */
export async function samplePdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Sample page ${i + 1}`, { x: 72, y: 760, size: 18 });
    page.drawRectangle({ x: 72, y: 200, width: 300, height: 400, color: rgb(0.2, 0.3, 0.6) });
  }
  return doc.save();
}

/** A PDF whose trailer names an /Encrypt dictionary: what a password-protected PDF looks like to a reader. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -44 });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return doc.save({ useObjectStreams: false });
}

/** A JPEG rendered by poppler (pdftoppm) from a one-page PDF at `dpi` (20 dpi: 165×234 pixels). */
export async function sampleJpeg(dpi = 20): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'arm-jpeg-'));
  try {
    const pdf = join(dir, 'in.pdf');
    writeFileSync(pdf, await samplePdf(1));
    execFileSync('pdftoppm', ['-jpeg', '-r', String(dpi), '-singlefile', pdf, join(dir, 'out')]);
    return new Uint8Array(readFileSync(join(dir, 'out.jpg')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An uncompressed 8-bit greyscale TIFF (little-endian) with one IFD per page. */
export function sampleTiff(pages: Array<{ width: number; height: number; grey: number }>): Uint8Array {
  const parts: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  let previousNext = 4; // where the offset of the next IFD goes
  const patches: Array<[number, number]> = [];
  for (const { width, height, grey } of pages) {
    const pixels = Buffer.alloc(width * height, grey);
    const dataOffset = offset;
    parts.push(pixels);
    offset += pixels.length;
    if (offset % 2) {
      parts.push(Buffer.alloc(1));
      offset++;
    }
    const tags: Array<[number, number, number]> = [
      [256, 4, width],
      [257, 4, height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, dataOffset],
      [277, 3, 1],
      [278, 4, height],
      [279, 4, pixels.length],
    ];
    const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
    ifd.writeUInt16LE(tags.length, 0);
    tags.forEach(([tag, type, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    patches.push([previousNext, offset]);
    previousNext = offset + 2 + tags.length * 12;
    parts.push(ifd);
    offset += ifd.length;
  }
  const bytes = Buffer.concat(parts);
  for (const [at, value] of patches) bytes.writeUInt32LE(value, at);
  return new Uint8Array(bytes);
}
