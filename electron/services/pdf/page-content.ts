import { deflateSync } from 'node:zlib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { flateStream, hexText, rawStream } from './prepared-font';

const DEFLATE_FROM = 1024;

/** A PDF number: three decimals at most, never an exponent (points are well inside ±1e6). */
function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

/** DeviceGray: 0 = black, 1 = white. */
export type Gray = number;

export interface RectStyle {
  fill?: Gray;
  stroke?: Gray;
  lineWidth?: number;
}

/**
 * The operators of one page written straight into its content stream (decision 009): text show
 * operators with the font's own encoding (glyph ids of the prepared program, or the per-document
 * subset's), rectangles, grey levels — as one string, deflated with node's zlib when the page is
 * finished. pdf-lib's `drawText`/`drawRectangle` build an object per operator and per number
 * (`PDFNumber`, `numberToString`) and serialise them again on save — most of a card's CPU time and
 * garbage. Text is still measured and encoded by the `PDFFont` (so subset fonts record their glyphs).
 */
export class PageContent {
  private ops = '';
  private readonly fontKeys = new Map<PDFFont, string>();

  constructor(readonly page: PDFPage) {}

  private fontKey(font: PDFFont): string {
    let key = this.fontKeys.get(font);
    if (key === undefined) {
      key = this.page.node.newFontDictionary(font.name, font.ref).toString();
      this.fontKeys.set(font, key);
    }
    return key;
  }

  /** One line of text with its baseline starting at (x, y). */
  text(text: string, font: PDFFont, size: number, x: number, y: number, gray: Gray = 0): void {
    const hex = hexText(font, text);
    this.ops += `BT ${num(gray)} g ${this.fontKey(font)} ${num(size)} Tf ${num(x)} ${num(y)} Td ${hex} Tj ET\n`;
  }

  /** A rectangle filled and/or outlined. */
  rect(x: number, y: number, width: number, height: number, style: RectStyle): void {
    const { fill, stroke, lineWidth = 1 } = style;
    if (fill === undefined && stroke === undefined) return;
    let op = 'q ';
    if (fill !== undefined) op += `${num(fill)} g `;
    if (stroke !== undefined) op += `${num(stroke)} G ${num(lineWidth)} w `;
    const paint = fill === undefined ? 'S' : stroke === undefined ? 'f' : 'B';
    this.ops += `${op}${num(x)} ${num(y)} ${num(width)} ${num(height)} re ${paint} Q\n`;
  }

  /**
   * Adds what was written as one stream to the page's contents (after any existing ones): deflated,
   * unless it is as short as a page stamp (a zlib call costs more than the few bytes it would save).
   */
  finish(): void {
    if (this.ops === '') return;
    const { context } = this.page.doc;
    const bytes = Buffer.from(this.ops, 'latin1');
    this.page.node.addContentStream(
      bytes.length < DEFLATE_FROM ? rawStream(context, bytes) : flateStream(context, deflateSync(bytes)),
    );
    this.ops = '';
  }
}
