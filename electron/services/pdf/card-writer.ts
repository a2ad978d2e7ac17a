import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { CardFonts } from './fonts';
import { PageContent } from './page-content';
import { A4, contentBox } from './page-geometry';
import { wrapText } from './text-wrap';

export interface Paragraph {
  text: string;
  bold?: boolean;
  size?: number;
}
export type Cell = Paragraph[];

interface Line {
  text: string;
  font: PDFFont;
  size: number;
  height: number;
}

const BODY_SIZE = 8.5;
const PAD_X = 4;
const PAD_Y = 2.5;
const BORDER = 0.35;
const SHADE = 0.9;
const BORDER_WIDTH = 0.6;

/**
 * Writes the card top to bottom across as many A4 pages as it needs: centred headings and bordered
 * tables whose rows split between pages line by line (a long appeal text continues on the next page).
 * Each page's operators go straight into its content stream (page-content.ts); `finish()` closes the
 * last page.
 */
export class CardWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private content!: PageContent;
  private box!: ReturnType<typeof contentBox>;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: CardFonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.content?.finish();
    this.page = this.doc.addPage(A4);
    this.content = new PageContent(this.page);
    this.pages.push(this.page);
    this.box = contentBox(this.page);
    this.y = this.box.top;
  }

  /** Writes out the last page's content; the writer is done. */
  finish(): PDFPage[] {
    this.content.finish();
    return this.pages;
  }

  private lines(cell: Cell, width: number): Line[] {
    const out: Line[] = [];
    for (const p of cell) {
      const font = p.bold ? this.fonts.bold : this.fonts.regular;
      const size = p.size ?? BODY_SIZE;
      for (const text of wrapText(p.text, font, size, width)) out.push({ text, font, size, height: size * 1.25 });
    }
    return out;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A centred line (wrapped if needed), e.g. the organisation and the card's title. */
  centered(text: string, size: number, bold = false): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrapText(text, font, size, this.box.width)) {
      if (this.y - size * 1.4 < this.box.bottom) this.newPage();
      const w = font.widthOfTextAtSize(line, size);
      this.y -= size * 1.2;
      this.content.text(line, font, size, this.box.left + (this.box.width - w) / 2, this.y);
      this.y -= size * 0.3;
    }
  }

  /** A shaded full-width band: the section heading of a table. */
  section(title: string): void {
    const height = BODY_SIZE * 1.3 + PAD_Y * 2 + 2;
    // Keep the heading with at least two lines of its first row.
    if (this.y - height - 3 * BODY_SIZE * 1.3 < this.box.bottom) this.newPage();
    const { left, width } = this.box;
    this.content.rect(left, this.y - height, width, height, {
      fill: SHADE,
      stroke: BORDER,
      lineWidth: BORDER_WIDTH,
    });
    this.content.text(title.toUpperCase(), this.fonts.bold, BODY_SIZE, left + PAD_X, this.y - height + PAD_Y + 3);
    this.y -= height;
  }

  /**
   * One table row: `widths` are fractions of the content width. Each page gets as many lines of each
   * cell as fit; the rest continues on the next page (and the header row, if given, is repeated).
   */
  row(cells: Cell[], widths: number[], options: { shade?: boolean; header?: Cell[] } = {}): void {
    const absolute = widths.map((w) => w * this.box.width);
    let pending = cells.map((cell, i) => this.lines(cell, (absolute[i] ?? 0) - PAD_X * 2));
    let started = false;
    let freshTop = Number.NaN;
    const turnPage = () => {
      this.newPage();
      if (options.header) this.row(options.header, widths, { shade: true });
      freshTop = this.y;
    };
    for (;;) {
      const available = this.y - this.box.bottom - PAD_Y * 2;
      const fresh = this.y === freshTop;
      const fits = pending.map((lines) => Math.max(fitCount(lines, available), fresh ? Math.min(1, lines.length) : 0));
      const whole = pending.every((lines, i) => fits[i] === lines.length);
      const nothing = !whole && fits.every((n) => n === 0);
      // Start a row on the next page rather than leave a single orphan line at the bottom of this one.
      // A short row (under a third of a page) is never split; a long text continues line by line.
      const short = heightOf(pending) < (this.box.top - this.box.bottom) / 3;
      const orphan =
        !started && !whole && (short || pending.some((lines, i) => (fits[i] ?? 0) < Math.min(2, lines.length)));
      if (!fresh && (nothing || orphan)) {
        turnPage();
        continue;
      }
      this.drawRow(
        pending.map((lines, i) => lines.slice(0, fits[i])),
        absolute,
        options.shade === true,
      );
      started = true;
      if (whole) return;
      pending = pending.map((lines, i) => lines.slice(fits[i]));
      turnPage();
    }
  }

  private drawRow(chunk: Line[][], widths: number[], shade: boolean): void {
    const content = Math.max(BODY_SIZE * 1.3, ...chunk.map((lines) => lines.reduce((h, l) => h + l.height, 0)));
    const height = content + PAD_Y * 2;
    let x = this.box.left;
    chunk.forEach((lines, i) => {
      const width = widths[i] ?? 0;
      this.content.rect(x, this.y - height, width, height, {
        stroke: BORDER,
        lineWidth: BORDER_WIDTH,
        ...(shade ? { fill: SHADE } : {}),
      });
      let ly = this.y - PAD_Y;
      for (const line of lines) {
        ly -= line.height;
        if (line.text !== '') {
          this.content.text(line.text, line.font, line.size, x + PAD_X, ly + line.height - line.size);
        }
      }
      x += width;
    });
    this.y -= height;
  }
}

function heightOf(cells: Line[][]): number {
  return Math.max(0, ...cells.map((lines) => lines.reduce((h, l) => h + l.height, 0)));
}

function fitCount(lines: Line[], available: number): number {
  let used = 0;
  let n = 0;
  for (const line of lines) {
    if (used + line.height > available) break;
    used += line.height;
    n++;
  }
  return n;
}
