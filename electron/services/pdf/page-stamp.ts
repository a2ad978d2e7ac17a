import { type PDFDocument, rgb } from 'pdf-lib';
import type { CardFonts } from './fonts';
import { MARGIN } from './page-geometry';

const SIZE = 8;

/** `label` (the registration number, a report's title) at the top and «стр. N из M» at the bottom of every page. */
export function stampPages(doc: PDFDocument, fonts: CardFonts, label: string): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const { width, height } = page.getSize();
    const footer = `стр. ${i + 1} из ${pages.length}`;
    const labelWidth = fonts.regular.widthOfTextAtSize(label, SIZE);
    const footerWidth = fonts.regular.widthOfTextAtSize(footer, SIZE);
    const top = { x: width - MARGIN.right - labelWidth, y: height - 28 };
    const bottom = { x: (width - footerWidth) / 2, y: 22 };
    // A white backing keeps the stamp readable on merged pages that print to the edge.
    page.drawRectangle({ x: top.x - 2, y: top.y - 3, width: labelWidth + 4, height: SIZE + 5, color: rgb(1, 1, 1) });
    page.drawRectangle({
      x: bottom.x - 2,
      y: bottom.y - 3,
      width: footerWidth + 4,
      height: SIZE + 5,
      color: rgb(1, 1, 1),
    });
    const color = rgb(0.2, 0.2, 0.2);
    page.drawText(label, { ...top, size: SIZE, font: fonts.regular, color });
    page.drawText(footer, { ...bottom, size: SIZE, font: fonts.regular, color });
  });
}
