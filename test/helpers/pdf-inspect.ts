import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** poppler's command-line tools over one PDF in a temporary folder (pdftotext, pdftoppm, pdfinfo, pdfdetach). */
export class PdfFile {
  readonly dir = mkdtempSync(join(tmpdir(), 'arm-pdf-'));
  readonly path = join(this.dir, 'out.pdf');

  constructor(bytes: Uint8Array) {
    writeFileSync(this.path, bytes);
  }

  run(cmd: string, args: string[]): string {
    return execFileSync(cmd, [...args], { encoding: 'utf8' });
  }

  text(page?: number): string {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    return this.run('pdftotext', [...range, this.path, '-']);
  }

  pages(): number {
    return Number(/Pages:\s+(\d+)/.exec(this.run('pdfinfo', [this.path]))?.[1]);
  }

  /** The embedded file `name`, extracted with pdfdetach. */
  detach(name: string): Buffer {
    const index = new RegExp(`(\\d+): ${name.replace(/[.]/g, '\\.')}\\n`).exec(
      this.run('pdfdetach', ['-list', this.path]),
    )?.[1];
    if (!index) throw new Error(`${name} is not embedded`);
    const out = join(this.dir, `detached-${index}`);
    this.run('pdfdetach', ['-save', index, '-o', out, this.path]);
    return readFileSync(out);
  }

  /** Word boxes of a page in points from the top-left (pdftotext -bbox). */
  words(page: number): Array<{ word: string; x0: number; y0: number; x1: number; y1: number }> {
    const html = this.run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), this.path, '-']);
    const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    return [...html.matchAll(re)].map((m) => ({
      word: m[5] ?? '',
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
    }));
  }

  /**
   * Darkness (0 = white … 255 = black) inside a box in points, on the page rendered by pdftoppm at
   * 72 dpi in grey: 1 pixel = 1 point.
   */
  ink(page: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
    const base = join(this.dir, `page-${page}`);
    this.run('pdftoppm', ['-r', '72', '-gray', '-f', String(page), '-l', String(page), '-singlefile', this.path, base]);
    const pgm = readFileSync(`${base}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const width = Number(header[1]);
    const pixels = pgm.subarray(header[0].length);
    let sum = 0;
    let n = 0;
    for (let y = Math.floor(box.y0); y < Math.ceil(box.y1); y++) {
      for (let x = Math.floor(box.x0); x < Math.ceil(box.x1); x++) {
        sum += 255 - (pixels[y * width + x] ?? 255);
        n++;
      }
    }
    return n === 0 ? 0 : sum / n;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
