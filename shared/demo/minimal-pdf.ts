/**
 * A one-page PDF written by hand (no library): Helvetica text lines and ruled lines, with a correct
 * cross-reference table, so viewers and `pdftoppm` open it. Text must be Latin-1 printable (the
 * standard fonts have no Cyrillic); demo scans carry a transliterated title.
 */
export interface PdfPage {
  title: string;
  lines: readonly string[];
  /** Draw a table grid under the lines (a scanned list of signatures). */
  grid?: boolean;
  /** Grey boxes standing for photographs. */
  photos?: number;
}

const pdfString = (text: string) => text.replace(/[\\()]/g, (ch) => `\\${ch}`).replace(/[^\x20-\x7e]/g, '?');

function pageContent(page: PdfPage): string {
  const ops: string[] = ['BT /F1 14 Tf 56 780 Td', `(${pdfString(page.title)}) Tj ET`];
  page.lines.forEach((line, i) => {
    const y = 740 - i * 22;
    ops.push(`BT /F1 11 Tf 60 ${y} Td (${pdfString(line)}) Tj ET`);
    if (page.grid) ops.push(`0.5 w 56 ${y - 7} m 540 ${y - 7} l S`);
  });
  if (page.grid && page.lines.length > 0) {
    const bottom = 740 - (page.lines.length - 1) * 22 - 7;
    for (const x of [56, 80, 330, 420, 540]) ops.push(`0.5 w ${x} 755 m ${x} ${bottom} l S`);
  }
  for (let i = 0; i < (page.photos ?? 0); i++) {
    const x = 60 + (i % 2) * 250;
    const y = 480 - Math.floor(i / 2) * 200;
    ops.push(`0.8 g ${x} ${y} 230 180 re f 0 g`);
  }
  return ops.join('\n');
}

export function minimalPdf(page: PdfPage): Uint8Array {
  const content = pageContent(page);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
