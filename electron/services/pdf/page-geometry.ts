import type { PDFPage } from 'pdf-lib';

/** A4 portrait in points, with the margins of a paper card (left 25 mm for the binding). */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 64, right: 40, top: 56, bottom: 52 };

/** The stamp every page carries (number at the top, «стр. N из M» at the bottom) keeps this clear. */
export function contentBox(page: PDFPage) {
  const { width, height } = page.getSize();
  return {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: height - MARGIN.top,
    bottom: MARGIN.bottom,
    width: width - MARGIN.left - MARGIN.right,
  };
}
