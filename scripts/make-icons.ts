import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws the application icon (a white card with text lines on the product's blue) and writes the files
 * electron-builder takes from `build/`: icon.png (512), icons/<n>x<n>.png for Linux, icon.ico (16–256).
 * No image tools on our machines: a tiny PNG encoder and the ICO container (PNG-compressed entries).
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** RGBA pixels of the icon at `size`×`size`. */
export function drawIcon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const s = size / 256;
  const radius = 40 * s;
  const inRounded = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      let rgba: [number, number, number, number] = [0, 0, 0, 0];
      if (inRounded(x, y, 8 * s, 8 * s, 248 * s, 248 * s, radius)) rgba = [31, 78, 140, 255];
      if (inRounded(x, y, 64 * s, 40 * s, 192 * s, 216 * s, 10 * s)) rgba = [255, 255, 255, 255];
      for (const line of [80, 108, 136, 164]) {
        const width = line === 164 ? 60 : 96;
        if (x >= 80 * s && x < (80 + width) * s && y >= line * s && y < (line + 10) * s) rgba = [31, 78, 140, 255];
      }
      px[i] = rgba[0];
      px[i + 1] = rgba[1];
      px[i + 2] = rgba[2];
      px[i + 3] = rgba[3];
    }
  }
  return px;
}

export function encodePng(size: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file whose entries are PNGs (supported since Windows Vista; 256 is written as 0). */
export function encodeIco(pngs: { size: number; png: Buffer }[]): Buffer {
  const dir = Buffer.alloc(6 + pngs.length * 16);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(pngs.length, 4);
  let offset = dir.length;
  pngs.forEach(({ size, png }, k) => {
    const e = 6 + k * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, e);
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...pngs.map((p) => p.png)]);
}

export function makeIcons(dir = 'build'): void {
  mkdirSync(join(dir, 'icons'), { recursive: true });
  const png = (size: number) => encodePng(size, drawIcon(size));
  writeFileSync(join(dir, 'icon.png'), png(512));
  for (const size of [16, 32, 48, 64, 128, 256, 512])
    writeFileSync(join(dir, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(join(dir, 'icon.ico'), encodeIco([16, 32, 48, 256].map((size) => ({ size, png: png(size) }))));
}

if (import.meta.url === `file://${process.argv[1]}`) makeIcons();
