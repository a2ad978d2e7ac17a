import ExcelJS from 'exceljs';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import {
  DIMENSION_NAMES,
  formatValue,
  periodText,
  type ReportResult,
  type ReportTable,
  reportTable,
  type TableRow,
  UNIT_NAMES,
} from '../../../shared/reports';
import { embedCardFonts } from '../pdf/fonts';
import { stampPages } from '../pdf/page-stamp';
import { wrapText } from '../pdf/text-wrap';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** The lines above every output's table: organisation, title, period, who built it and when, the unit. */
export function reportHeading(result: ReportResult): string[] {
  const built = result.builtAt.slice(0, 16).replace('T', ' ');
  const [date, time] = built.split(' ');
  return [
    result.organisation,
    result.title,
    `Период регистрации: ${periodText(result.period)}${
      result.previousPeriod ? ` (сравнение с ${periodText(result.previousPeriod)})` : ''
    }`,
    `Сформирован: ${(date ?? '').split('-').reverse().join('.')} ${time ?? ''}, ${result.builtBy}`,
    `Единица счёта: ${UNIT_NAMES[result.unit]}; обращений: ${result.appeals}`,
  ];
}

const tableOf = (result: ReportResult) => reportTable(result, DIMENSION_NAMES[result.definition.rows]);

/** CSV for spreadsheets in the Russian locale: UTF-8 with BOM, `;` between fields, decimal comma. */
export function reportCsv(result: ReportResult): string {
  const table = tableOf(result);
  const quote = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const line = (cells: string[]) => cells.map(quote).join(';');
  const lines = [line(['Код', table.rowHeader, ...table.columns.map((c) => c.label)])];
  const values = (r: TableRow) =>
    r.values.map((v, i) => (v === null ? '' : formatValue(v, table.columns[i]?.format ?? 'integer')));
  for (const r of table.rows) lines.push(line([r.key, r.label, ...values(r)]));
  lines.push(line(['', table.total.label, ...values(table.total)]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * XLSX (exceljs): the heading, then the table with numbers as numbers; a parent row's summable cells
 * and the total row are SUM formulas (with their computed result cached, so readers that do not
 * recalculate still show the figure).
 */
export async function reportXlsx(result: ReportResult): Promise<Buffer> {
  const table = tableOf(result);
  const book = new ExcelJS.Workbook();
  book.creator = result.builtBy;
  book.created = new Date();
  const sheet = book.addWorksheet('Отчёт');
  const heading = reportHeading(result);
  heading.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (i < 2) cell.font = { bold: true, size: i === 1 ? 13 : 11 };
  });
  const headerRow = heading.length + 2;
  const header = sheet.getRow(headerRow);
  header.values = ['Код', table.rowHeader, ...table.columns.map((c) => c.label)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const first = headerRow + 1;
  const numFmt = (i: number) => (table.columns[i]?.format === 'integer' ? '0' : '0.0');
  // Children of each parent row, by sheet row number.
  const childRanges = new Map<number, [number, number]>();
  table.rows.forEach((r, i) => {
    if (!r.parent) return;
    let end = i;
    while (table.rows[end + 1] && !table.rows[end + 1]?.parent) end++;
    childRanges.set(first + i, [first + i + 1, first + end]);
  });
  const summed = table.rows.map((r, i) => ({ r, at: first + i })).filter(({ r }) => r.level === 0);
  const writeRow = (r: TableRow, at: number, sumOf: ((col: string) => string) | null) => {
    const row = sheet.getRow(at);
    row.getCell(1).value = r.key;
    row.getCell(2).value = r.label;
    row.getCell(2).alignment = { indent: r.level };
    r.values.forEach((v, i) => {
      const cell = row.getCell(i + 3);
      const column = table.columns[i];
      cell.value = sumOf && column?.summable ? { formula: sumOf(columnLetter(i + 3)), result: v ?? 0 } : v;
      cell.numFmt = numFmt(i);
    });
    if (r.parent || sumOf) row.font = { bold: true };
  };
  table.rows.forEach((r, i) => {
    const range = childRanges.get(first + i);
    writeRow(r, first + i, range ? (col) => `SUM(${col}${range[0]}:${col}${range[1]})` : null);
  });
  const totalAt = first + table.rows.length;
  const parents = table.rows.some((r) => r.parent);
  writeRow(table.total, totalAt, (col) =>
    table.rows.length === 0
      ? '0'
      : parents
        ? summed.map(({ at }) => `${col}${at}`).join('+')
        : `SUM(${col}${first}:${col}${totalAt - 1})`,
  );
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 48;
  for (let i = 0; i < table.columns.length; i++) sheet.getColumn(i + 3).width = 16;
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const A4_PORTRAIT: [number, number] = [595.28, 841.89];
const M = { left: 40, right: 30, top: 40, bottom: 40 };
const SIZE = 8;
const LINE = 10.5;

/** Column widths: the label takes what the numbers leave (numbers get at least 52 pt each). */
function layout(table: ReportTable, width: number) {
  const numberWidth = Math.max(44, Math.min(80, (width * 0.6) / Math.max(1, table.columns.length)));
  return { label: width - numberWidth * table.columns.length, number: numberWidth };
}

/**
 * The non-editable printable form (regulation 4.10: "в не редактируемых форматах"): a PDF with the
 * organisation, the title, the period, when and by whom it was built, and the table — DejaVu Sans
 * embedded (Cyrillic), the header row repeated on every page, «стр. N из M» on each.
 */
export async function reportPdf(result: ReportResult): Promise<Uint8Array> {
  const table = tableOf(result);
  const doc = await PDFDocument.create();
  doc.setTitle(result.title);
  doc.setAuthor(result.builtBy);
  doc.setCreator('АРМ делопроизводителя');
  doc.setProducer('АРМ делопроизводителя');
  const fonts = await embedCardFonts(doc);
  const size = table.columns.length > 4 ? A4_LANDSCAPE : A4_PORTRAIT;
  const width = size[0] - M.left - M.right;
  const cols = layout(table, width);
  let page: PDFPage = doc.addPage(size);
  let y = size[1] - M.top;
  const text = (s: string, x: number, font: PDFFont, fontSize = SIZE) =>
    page.drawText(s, { x, y, size: fontSize, font, color: rgb(0, 0, 0) });

  reportHeading(result).forEach((line, i) => {
    const font = i < 2 ? fonts.bold : fonts.regular;
    const fontSize = i === 1 ? 12 : 9;
    for (const part of wrapText(line, font, fontSize, width)) {
      y -= fontSize + 3;
      text(part, M.left, font, fontSize);
    }
  });
  y -= 8;

  const rule = () =>
    page.drawLine({
      start: { x: M.left, y: y - 2 },
      end: { x: M.left + width, y: y - 2 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
  const headerCells = [
    wrapText(table.rowHeader, fonts.bold, SIZE, cols.label - 4),
    ...table.columns.map((c) => wrapText(c.label, fonts.bold, SIZE, cols.number - 4)),
  ];
  const drawHeader = () => {
    const lines = Math.max(...headerCells.map((c) => c.length));
    const top = y;
    headerCells.forEach((cell, i) => {
      y = top;
      for (const part of cell) {
        y -= LINE;
        const x = i === 0 ? M.left : M.left + cols.label + (i - 1) * cols.number;
        text(part, x, fonts.bold);
      }
    });
    y = top - lines * LINE;
    rule();
    y -= 3;
  };
  const drawRow = (r: TableRow, bold: boolean) => {
    const font = bold ? fonts.bold : fonts.regular;
    const indent = r.level * 10;
    const labelLines = wrapText(r.label, font, SIZE, cols.label - 4 - indent);
    if (y - labelLines.length * LINE < M.bottom) {
      page = doc.addPage(size);
      y = size[1] - M.top;
      drawHeader();
    }
    const top = y;
    for (const part of labelLines) {
      y -= LINE;
      text(part, M.left + indent, font);
    }
    const after = y;
    y = top - LINE;
    r.values.forEach((v, i) => {
      const s = formatValue(v, table.columns[i]?.format ?? 'integer');
      const right = M.left + cols.label + (i + 1) * cols.number - 6;
      text(s, right - font.widthOfTextAtSize(s, SIZE), font);
    });
    y = after - 2;
  };
  drawHeader();
  for (const r of table.rows) drawRow(r, r.parent);
  rule();
  y -= 2;
  drawRow(table.total, true);
  stampPages(doc, fonts, result.title);
  return doc.save({ useObjectStreams: true });
}

/** The file of one format: name and bytes. */
export async function renderReport(
  result: ReportResult,
  format: ReportFormat,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const base = `отчёт-${result.period.from}-${result.period.to}`;
  switch (format) {
    case 'pdf':
      return { fileName: `${base}.pdf`, bytes: await reportPdf(result) };
    case 'xlsx':
      return { fileName: `${base}.xlsx`, bytes: await reportXlsx(result) };
    case 'csv':
      return { fileName: `${base}.csv`, bytes: new TextEncoder().encode(reportCsv(result)) };
    case 'json':
      return { fileName: `${base}.json`, bytes: new TextEncoder().encode(`${JSON.stringify(result, null, 2)}\n`) };
  }
}
