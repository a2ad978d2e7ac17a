import type { PDFDocument } from 'pdf-lib';
import type { CardFonts } from './fonts';
import { PageContent } from './page-content';
import { MARGIN } from './page-geometry';

const SIZE = 8;
const INK = 0.2;
const WHITE = 1;

/** `label` (the registration number, a report's title) at the top and «стр. N из M» at the bottom of every page. */
export function stampPages(doc: PDFDocument, fonts: CardFonts, label: string): void {
  const pages = doc.getPages();
  const labelWidth = fonts.regular.widthOfTextAtSize(label, SIZE);
  pages.forEach((page, i) => {
    const { width, height } = page.getSize();
    const footer = `стр. ${i + 1} из ${pages.length}`;
    const footerWidth = fonts.regular.widthOfTextAtSize(footer, SIZE);
    const top = { x: width - MARGIN.right - labelWidth, y: height - 28 };
    const bottom = { x: (width - footerWidth) / 2, y: 22 };
    // Written after the page's own content (merged pages are wrapped in q … Q first), on a white
    // backing that keeps the stamp readable on merged pages that print to the edge.
    const content = new PageContent(page);
    content.rect(top.x - 2, top.y - 3, labelWidth + 4, SIZE + 5, { fill: WHITE });
    content.rect(bottom.x - 2, bottom.y - 3, footerWidth + 4, SIZE + 5, { fill: WHITE });
    content.text(label, fonts.regular, SIZE, top.x, top.y, INK);
    content.text(footer, fonts.regular, SIZE, bottom.x, bottom.y, INK);
    content.finish();
  });
}
