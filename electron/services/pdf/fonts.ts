import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans (package `dejavu-fonts-ttf`): Cyrillic including Belarusian «ў», «і». Licence: the
 * Bitstream Vera / DejaVu free font licence (node_modules/dejavu-fonts-ttf/LICENSE) — embedding and
 * redistribution inside documents are allowed. Embedded as a subset: only the glyphs a PDF uses.
 */
export interface CardFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const require = createRequire(import.meta.url);
let cached: { regular: Uint8Array; bold: Uint8Array } | null = null;

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (!cached) {
    const dir = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    cached = {
      regular: readFileSync(dir('DejaVuSans.ttf')),
      bold: readFileSync(dir('DejaVuSans-Bold.ttf')),
    };
  }
  return cached;
}

export async function embedCardFonts(doc: PDFDocument): Promise<CardFonts> {
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  return { regular, bold };
}
