import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { addPreparedFont, type PreparedProgram, prepareProgram } from './prepared-font';

/**
 * DejaVu Sans (package `dejavu-fonts-ttf`): Cyrillic including Belarusian «ў», «і». Licence: the
 * Bitstream Vera / DejaVu free font licence (node_modules/dejavu-fonts-ttf/LICENSE) — embedding and
 * redistribution inside documents are allowed. Every PDF embeds its fonts (it is self-contained):
 * normally the program prepared once per process (prepared-font.ts, decision 009), or — for a
 * document with characters outside that repertoire — a per-document subset of the full font.
 */
export interface CardFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export type FontMode = 'prepared' | 'subset';

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

let prepared: Promise<{ regular: PreparedProgram; bold: PreparedProgram }> | null = null;

/** The prepared programs, built on first use and kept for the life of the process. */
export function preparedPrograms(): Promise<{ regular: PreparedProgram; bold: PreparedProgram }> {
  if (!prepared) {
    const bytes = fontBytes();
    prepared = Promise.all([prepareProgram(bytes.regular), prepareProgram(bytes.bold)]).then(([regular, bold]) => ({
      regular,
      bold,
    }));
  }
  return prepared;
}

export async function embedCardFonts(doc: PDFDocument, mode: FontMode = 'prepared'): Promise<CardFonts> {
  if (mode === 'prepared') {
    const programs = await preparedPrograms();
    return { regular: addPreparedFont(doc, programs.regular), bold: addPreparedFont(doc, programs.bold) };
  }
  doc.registerFontkit(fontkit);
  const bytes = fontBytes();
  const [regular, bold] = await Promise.all([
    doc.embedFont(bytes.regular, { subset: true }),
    doc.embedFont(bytes.bold, { subset: true }),
  ]);
  return { regular, bold };
}
