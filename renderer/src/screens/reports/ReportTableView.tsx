import { useTranslation } from 'react-i18next';
import {
  DIMENSION_NAMES,
  formatValue,
  type ReportResult,
  reportTable,
  type TableRow,
} from '../../../../shared/reports';

export interface DrillTarget {
  row: { key: string; parent: boolean } | null;
  col: string | null;
  label: string;
}

/** The preview table: the same flat table the PDF, XLSX and CSV print; every count opens its appeals. */
export function ReportTableView(props: { result: ReportResult; onDrill: (target: DrillTarget) => void }) {
  const { t } = useTranslation();
  const table = reportTable(props.result, DIMENSION_NAMES[props.result.definition.rows]);
  const colLabel = (key: string | null) => props.result.columns.find((c) => c.key === key)?.label;
  const renderRow = (r: TableRow, total: boolean) => (
    <tr
      key={total ? 'total' : `${r.parent ? 'p' : 'r'}:${r.key}`}
      className={total ? 'report-total' : r.parent ? 'report-parent' : r.level === 1 ? 'report-child' : undefined}
      data-row={total ? 'total' : r.key}
    >
      <th scope="row" className="report-label">
        {r.label}
      </th>
      {r.values.map((v, i) => {
        const column = table.columns[i];
        const text = formatValue(v, column?.format ?? 'integer');
        if (column?.measure !== 'count' || !v) return <td key={column?.label ?? i}>{text}</td>;
        const where = [total ? t('reports.total') : r.label, colLabel(column.colKey)].filter(Boolean).join(' · ');
        return (
          <td key={column.label}>
            <button
              type="button"
              className="link-button report-number"
              title={t('reports.drillHint')}
              onClick={() =>
                props.onDrill({
                  row: total ? null : { key: r.key, parent: r.parent },
                  col: column.colKey,
                  label: where,
                })
              }
              data-testid="report-number"
            >
              {text}
            </button>
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid="report-table">
        <thead>
          <tr>
            <th scope="col" className="report-label">
              {table.rowHeader}
            </th>
            {table.columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => renderRow(r, false))}
          {renderRow(table.total, true)}
        </tbody>
      </table>
    </div>
  );
}
