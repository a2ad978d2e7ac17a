import type { Measure } from './definition';
import type { ReportCell, ReportResult } from './result';
import { MEASURE_NAMES } from './vocabulary-ru';

/**
 * A report as one flat table — what the screen, the PDF, the XLSX and the CSV all show, so the four
 * agree cell for cell. Values are numbers (null = not defined, e.g. an average term with nothing closed).
 */
export type ColumnFormat = 'integer' | 'percent' | 'decimal';
export interface TableColumn {
  label: string;
  format: ColumnFormat;
  /** The total row of this column is the sum of the rows (a SUM formula in XLSX). */
  summable: boolean;
  /** The column-dimension value it belongs to (null: the totals and the comparison). */
  colKey: string | null;
  measure: Measure | 'previous' | 'change';
}
export interface TableRow {
  key: string;
  label: string;
  level: 0 | 1;
  parent: boolean;
  values: (number | null)[];
}
export interface ReportTable {
  rowHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  total: TableRow;
}

const FORMAT: Record<Measure, ColumnFormat> = {
  count: 'integer',
  share: 'percent',
  avgDays: 'decimal',
  overdue: 'integer',
};
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function measureValue(measure: Measure, cell: ReportCell, grand: number): number | null {
  switch (measure) {
    case 'count':
      return cell.count;
    case 'overdue':
      return cell.overdue;
    case 'share':
      return grand === 0 ? 0 : round((cell.count / grand) * 100, 1);
    case 'avgDays':
      return cell.closed === 0 ? null : round(cell.closedDays / cell.closed, 1);
  }
}

/** Change against the previous period, %, or null when the previous period had none. */
export const changePercent = (now: number, before: number | null) =>
  before === null || before === 0 ? null : round(((now - before) / before) * 100, 1);

export function reportTable(result: ReportResult, rowHeader: string): ReportTable {
  const { measures, compare } = result.definition;
  const grand = result.total.total.count;
  const columns: TableColumn[] = [];
  const single = measures.length === 1;
  for (const col of result.columns) {
    for (const m of measures) {
      columns.push({
        label: single ? col.label : `${col.label}: ${MEASURE_NAMES[m]}`,
        format: FORMAT[m],
        summable: m !== 'avgDays',
        colKey: col.key,
        measure: m,
      });
    }
  }
  const withCols = result.columns.length > 0;
  for (const m of measures) {
    columns.push({
      label: withCols ? `Итого: ${MEASURE_NAMES[m]}` : MEASURE_NAMES[m],
      format: FORMAT[m],
      summable: m !== 'avgDays',
      colKey: null,
      measure: m,
    });
  }
  if (compare) {
    columns.push({ label: 'Предыдущий период', format: 'integer', summable: true, colKey: null, measure: 'previous' });
    columns.push({ label: 'Изменение, %', format: 'decimal', summable: false, colKey: null, measure: 'change' });
  }
  const valuesOf = (cells: ReportCell[], total: ReportCell, previous: number | null) => {
    const values: (number | null)[] = [];
    for (const cell of cells) for (const m of measures) values.push(measureValue(m, cell, grand));
    for (const m of measures) values.push(measureValue(m, total, grand));
    if (compare) values.push(previous ?? 0, changePercent(total.count, previous));
    return values;
  };
  return {
    rowHeader,
    columns,
    rows: result.rows.map((r) => ({
      key: r.key,
      label: r.label,
      level: r.level,
      parent: r.parent,
      values: valuesOf(r.cells, r.total, r.previous),
    })),
    total: {
      key: '',
      label: 'Итого',
      level: 0,
      parent: false,
      values: valuesOf(result.total.cells, result.total.total, result.total.previous),
    },
  };
}

/** A number as the screen, PDF and CSV print it (Russian decimal comma). */
export function formatValue(value: number | null, format: ColumnFormat): string {
  if (value === null) return '—';
  if (format === 'integer') return String(value);
  return value.toFixed(1).replace('.', ',');
}
