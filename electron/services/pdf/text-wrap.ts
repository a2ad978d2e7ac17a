import type { PDFFont } from 'pdf-lib';

/** Tabs and other control characters (which have no glyph) become spaces; line breaks become '\n'. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const code = ch.codePointAt(0) ?? 0;
    out += ch !== '\n' && (code < 0x20 || code === 0x7f) ? ' ' : ch;
  }
  return out;
}

function splitLongWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && font.widthOfTextAtSize(current + ch, size) > width) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Greedy word wrap to `width` points; explicit line breaks are kept, words longer than a line are cut.
 * Widths add up word by word (one measurement per word, not per candidate line): exact for the
 * prepared font, which has no kerning, and within a hair for the subset fallback.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = font.widthOfTextAtSize(' ', size);
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const wordWidth = font.widthOfTextAtSize(word, size);
      const candidate = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidate <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
      } else {
        const pieces = splitLongWord(word, font, size, width);
        line = pieces.pop() ?? '';
        lineWidth = font.widthOfTextAtSize(line, size);
        lines.push(...pieces);
      }
    }
    lines.push(line);
  }
  return lines;
}
