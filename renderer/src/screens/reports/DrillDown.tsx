import { useTranslation } from 'react-i18next';
import type { ReportDefinition, ReportPeriod } from '../../../../shared/reports';
import { api } from '../../api';
import { RegNumber } from '../../components/RegNumber';
import { StatusBadge } from '../../components/StatusBadge';
import { formatCount } from '../../lib/format';
import { formatDate } from '../../lib/minsk-date';
import { useLoaded } from '../../lib/use-loaded';
import type { DrillTarget } from './ReportTableView';

/** The appeals behind one number of the report (first 200), each opening its card. */
export function DrillDown(props: {
  definition: ReportDefinition;
  period: ReportPeriod;
  target: DrillTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { definition, period, target } = props;
  const cell = { row: target.row, col: target.col };
  const { value, error } = useLoaded(JSON.stringify({ definition, period, cell }), () =>
    api.call('reports:drill', { definition, period, cell, offset: 0, limit: 200 }),
  );
  return (
    <section className="report-drill" data-testid="report-drill">
      <div className="screen-head">
        <h2>{t('reports.drillTitle', { what: target.label })}</h2>
        {value && (
          <span data-testid="report-drill-count">{t('reports.drillCount', { n: formatCount(value.total) })}</span>
        )}
        <button type="button" onClick={props.onClose}>
          {t('reports.drillClose')}
        </button>
      </div>
      {error && <p className="banner banner-error">{error}</p>}
      {value && (
        <table className="tasks-table">
          <thead>
            <tr>
              <th>{t('reports.columns.number')}</th>
              <th>{t('reports.columns.registered')}</th>
              <th>{t('reports.columns.applicant')}</th>
              <th>{t('reports.columns.summary')}</th>
              <th>{t('reports.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {value.rows.map((r) => (
              <tr key={r.id} data-testid="report-drill-row">
                <td>
                  <a href={`#/appeals/${encodeURIComponent(r.id)}`}>
                    <RegNumber number={r.regNumber} provisional={r.numberProvisional} />
                  </a>
                </td>
                <td>{formatDate(r.registeredAt)}</td>
                <td>{r.applicant}</td>
                <td className="report-summary">{r.summary}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
