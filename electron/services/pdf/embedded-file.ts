import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { flateStream } from './prepared-font';

export interface EmbeddedFileOptions {
  mimeType: string;
  description: string;
  at: Date;
}

/**
 * The same file attachment as pdf-lib's `doc.attach` (a Filespec in the catalog's EmbeddedFiles name
 * tree and its AF array), added at once and deflated with node's zlib — pdf-lib deflates with its
 * JavaScript pako on `save()`, which cost more than the card's layout.
 */
export function attachFile(doc: PDFDocument, bytes: Uint8Array, name: string, options: EmbeddedFileOptions): void {
  const { context, catalog } = doc;
  const date = PDFString.fromDate(options.at);
  const stream = flateStream(context, deflateSync(bytes), {
    Type: 'EmbeddedFile',
    Subtype: options.mimeType,
    Params: { Size: bytes.length, CreationDate: date, ModDate: date },
  });
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(name),
      UF: PDFHexString.fromText(name),
      EF: { F: stream },
      Desc: PDFHexString.fromText(options.description),
    }),
  );
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? context.obj({});
  catalog.set(PDFName.of('Names'), names);
  const tree = names.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict) ?? context.obj({});
  names.set(PDFName.of('EmbeddedFiles'), tree);
  const list = tree.lookupMaybe(PDFName.of('Names'), PDFArray) ?? context.obj([]);
  tree.set(PDFName.of('Names'), list);
  list.push(PDFHexString.fromText(name));
  list.push(spec);
  const af = catalog.lookupMaybe(PDFName.of('AF'), PDFArray) ?? context.obj([]);
  catalog.set(PDFName.of('AF'), af);
  af.push(spec);
}
