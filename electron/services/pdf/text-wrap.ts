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

/** Greedy word wrap to `width` points; explicit line breaks are kept, words longer than a line are cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (font.widthOfTextAtSize(word, size) <= width) line = word;
      else {
        const pieces = splitLongWord(word, font, size, width);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
    lines.push(line);
  }
  return lines;
}
