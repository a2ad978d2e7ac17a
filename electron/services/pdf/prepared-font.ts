import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import {
  CustomFontEmbedder,
  PDFContentStream,
  type PDFContext,
  type PDFDocument,
  PDFFont,
  PDFHexString,
  PDFObject,
  PDFRawStream,
  type PDFRef,
  PDFString,
} from 'pdf-lib';

/**
 * A font program prepared ONCE per process (decision 009): DejaVu cut down to a fixed character
 * repertoire — Latin, Latin-1, the whole Cyrillic block (Russian and Belarusian «ў», «і»), general
 * punctuation, «№», arrows — serialised, deflated and measured once. Each PDF still embeds its own copy
 * of the program (the document is self-contained), but nothing is subset, laid out or compressed per
 * document: the bytes are copied in as a ready stream and text is encoded by a map lookup. Text with a
 * character outside the repertoire throws `OutsideRepertoire`; the exporter then redoes that document
 * with pdf-lib's per-document subset of the full font (the slow, complete path).
 */
export class OutsideRepertoire extends Error {
  constructor(readonly char: string) {
    super(
      `character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} outside the prepared font`,
    );
  }
}

const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x400, 0x52f],
  [0x2010, 0x2044],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2264, 0x2265],
];

type FontkitFont = ReturnType<typeof fontkit.create>;

/** What every document copies: the deflated program, its widths, the ToUnicode map, the metrics. */
export interface PreparedProgram {
  font: FontkitFont;
  baseFont: string;
  /** Code point → the glyph id in the prepared program as four hex digits (undefined outside the repertoire). */
  hex: string[];
  /** Advance widths in 1/1000 em, indexed by code point for the repertoire. */
  widths: number[];
  fontFile: { deflated: Uint8Array; length: number };
  toUnicode: Uint8Array;
  /** The CIDFont's `W` array, serialised once (≈ 900 numbers a document would otherwise rebuild). */
  widthsArray: PDFObject;
}

/** A PDF value serialised once per process and written into every document byte for byte. */
class SerializedValue extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override clone(): PDFObject {
    return this;
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(codePoint: number): string {
  const s = String.fromCodePoint(codePoint);
  let out = '';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out;
}

function toUnicodeCmap(entries: Array<[number, number]>): string {
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(
      `${part.length} beginbfchar\n${part.map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CIDInit /ProcSet findresource /defineresource pop',
    'end',
    'end',
  ].join('\n');
}

async function serialise(subset: ReturnType<FontkitFont['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (b: Uint8Array) => parts.push(b))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** Cuts the repertoire out of `bytes` (a TrueType font) and prepares everything a document copies. */
export async function prepareProgram(bytes: Uint8Array): Promise<PreparedProgram> {
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const subset = font.createSubset();
  const hex: string[] = [];
  const widths: number[] = [];
  const glyphWidths: number[] = [];
  const byGlyph = new Map<number, number>();
  const cmap: Array<[number, number]> = [];
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      let gid = byGlyph.get(glyph.id);
      if (gid === undefined) {
        gid = subset.includeGlyph(glyph);
        byGlyph.set(glyph.id, gid);
        glyphWidths[gid] = Math.round(glyph.advanceWidth * scale);
        cmap.push([gid, cp]);
      }
      hex[cp] = hex4(gid);
      widths[cp] = glyph.advanceWidth * scale;
    }
  }
  const program = await serialise(subset);
  // A subset font's name carries a six-letter tag; derive it from the program so it is stable.
  const digest = createHash('sha256').update(program).digest();
  const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  return {
    font,
    baseFont: `${tag}+${font.postscriptName ?? 'Font'}`,
    hex,
    widths,
    fontFile: { deflated: deflateSync(program), length: program.length },
    toUnicode: deflateSync(Buffer.from(toUnicodeCmap(cmap), 'latin1')),
    widthsArray: new SerializedValue(Buffer.from(`[1 [${glyphWidths.slice(1).join(' ')}]]`, 'latin1')),
  };
}

/** A dictionary literal as `context.obj` takes it: numbers, names (strings), PDF objects, nested dictionaries. */
type Literal = { [name: string]: string | number | PDFObject | Literal };

const STREAM = Buffer.from('\nstream\n', 'latin1');
const END_STREAM = Buffer.from('\nendstream', 'latin1');

/** pdf-lib's PDFStream.copyBytesInto copies the contents byte by byte; this is one `set` (same bytes). */
function copyStreamInto(this: PDFRawStream, buffer: Uint8Array, offset: number): number {
  const start = offset;
  offset += this.dict.copyBytesInto(buffer, offset);
  buffer.set(STREAM, offset);
  offset += STREAM.length;
  buffer.set(this.contents, offset);
  offset += this.contents.length;
  buffer.set(END_STREAM, offset);
  return offset + END_STREAM.length - start;
}

function streamOf(context: PDFContext, bytes: Uint8Array, dict: Literal): PDFRawStream {
  const stream = PDFRawStream.of(context.obj({ ...dict, Length: bytes.length }), bytes);
  stream.copyBytesInto = copyStreamInto;
  return stream;
}

function rawFlate(context: PDFContext, deflated: Uint8Array, extra: Literal = {}): PDFRawStream {
  return streamOf(context, deflated, { Filter: 'FlateDecode', ...extra });
}

/** An uncompressed stream registered in `context`. */
export function rawStream(context: PDFContext, bytes: Uint8Array): PDFRef {
  return context.register(streamOf(context, bytes, {}));
}

/** A ready (already deflated) FlateDecode stream registered in `context`. */
export function flateStream(context: PDFContext, deflated: Uint8Array, extra: Literal = {}): PDFRef {
  return context.register(rawFlate(context, deflated, extra));
}

/** Calls `each` with `table`'s entry for every character of `text`; one outside the repertoire throws. */
function eachInRepertoire<T>(text: string, table: readonly T[], each: (entry: T) => void): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    const entry = table[code];
    if (entry === undefined) throw new OutsideRepertoire(String.fromCodePoint(code));
    each(entry);
  }
}

/**
 * pdf-lib's own font interface backed by the prepared program: encoding and widths are map lookups
 * (no shaping: DejaVu's Cyrillic needs none, and extraction stays letter for letter).
 */
class PreparedEmbedder extends CustomFontEmbedder {
  constructor(
    private readonly program: PreparedProgram,
    private readonly ref: PDFRef,
  ) {
    super(program.font as never, new Uint8Array(), program.baseFont, undefined);
  }

  /** The text as the hex string of its glyph ids, e.g. `<00A1003F>`. */
  hexOf(text: string): string {
    let out = '<';
    eachInRepertoire(text, this.program.hex, (glyph) => {
      out += glyph;
    });
    return `${out}>`;
  }

  override encodeText(text: string): PDFHexString {
    return PDFHexString.of(this.hexOf(text).slice(1, -1));
  }

  override widthOfTextAtSize(text: string, size: number): number {
    let total = 0;
    eachInRepertoire(text, this.program.widths, (width) => {
      total += width;
    });
    return (total * size) / 1000;
  }

  /** The objects were written when the font was added; nothing is left for `save()`. */
  override async embedIntoContext(): Promise<PDFRef> {
    return this.ref;
  }
}

/** Copies the prepared program into `doc` (5 objects, no compression) and returns it as a PDFFont. */
export function addPreparedFont(doc: PDFDocument, program: PreparedProgram): PDFFont {
  const { context } = doc;
  const { font } = program;
  const scale = 1000 / font.unitsPerEm;
  const fontFile = flateStream(context, program.fontFile.deflated, { Length1: program.fontFile.length });
  const { minX, minY, maxX, maxY } = font.bbox;
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: program.baseFont,
      Flags: 32,
      FontBBox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: 0,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: program.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: program.widthsArray,
    }),
  );
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: program.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: flateStream(context, program.toUnicode),
    }),
  );
  const embedder = new PreparedEmbedder(program, ref);
  const pdfFont = PDFFont.of(ref, doc, embedder);
  preparedEmbedders.set(pdfFont, embedder);
  return pdfFont;
}

const preparedEmbedders = new WeakMap<PDFFont, PreparedEmbedder>();

/** `text` as a hex string operand for `Tj` in `font`: a table lookup per character for a prepared font. */
export function hexText(font: PDFFont, text: string): string {
  return preparedEmbedders.get(font)?.hexOf(text) ?? font.encodeText(text).toString();
}

/**
 * Compresses the drawn pages' content streams with node's zlib instead of pdf-lib's JavaScript deflate
 * (a third of the export's time went there): each PDFContentStream becomes a ready FlateDecode stream.
 */
export function deflateContentStreams(doc: PDFDocument): void {
  const { context } = doc;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    context.assign(ref, rawFlate(context, deflateSync(object.getUnencodedContents())));
  }
}
