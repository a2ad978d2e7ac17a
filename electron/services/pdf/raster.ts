import { crc32, deflateSync } from 'node:zlib';
import * as UTIF from 'utif2';

/**
 * Images for the export's A4 pages: checks that a JPEG/PNG is whole before pdf-lib embeds it (pdf-lib
 * reads only the headers, so a truncated file would silently become a broken page), and turns every
 * page of a TIFF (multi-page scans too) into a PNG pdf-lib can embed.
 */
export class DamagedImage extends Error {}

/** A JPEG ends with the EOI marker (FF D9); scanners may pad after it, so look at the tail. */
export function checkJpeg(bytes: Uint8Array): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return;
  throw new DamagedImage('изображение JPEG обрезано (нет маркера конца)');
}

/** A PNG is a chain of chunks ending with IEND; walk it and check the lengths stay inside the file. */
export function checkPng(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IEND') return;
    at += 12 + length;
  }
  throw new DamagedImage('изображение PNG обрезано (нет блока IEND)');
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels → an RGB PNG (alpha composed on white: a scan page has no transparency). */
export function rgbaToPng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const a = (rgba[s + 3] ?? 255) / 255;
      const d = y * stride + 1 + x * 3;
      raw[d] = Math.round((rgba[s] ?? 0) * a + 255 * (1 - a));
      raw[d + 1] = Math.round((rgba[s + 1] ?? 0) * a + 255 * (1 - a));
      raw[d + 2] = Math.round((rgba[s + 2] ?? 0) * a + 255 * (1 - a));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Every page of a TIFF as PNG bytes; throws DamagedImage when a page cannot be decoded. */
export function tiffPages(bytes: Uint8Array): Uint8Array[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(buffer);
  } catch {
    throw new DamagedImage('изображение TIFF не читается');
  }
  const pages: Uint8Array[] = [];
  for (const ifd of ifds) {
    try {
      UTIF.decodeImage(buffer, ifd);
    } catch {
      throw new DamagedImage(`страница ${pages.length + 1} изображения TIFF не читается`);
    }
    const { width, height } = ifd;
    if (!width || !height) continue;
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < width * height * 4) throw new DamagedImage('изображение TIFF обрезано');
    pages.push(rgbaToPng(rgba, width, height));
  }
  if (pages.length === 0) throw new DamagedImage('в файле TIFF нет изображений');
  return pages;
}
