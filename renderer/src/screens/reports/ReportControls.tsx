import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS, APPEAL_STATUSES, SUBMISSION_FORMS } from '../../../../shared/appeals/enums';
import {
  DIMENSION_NAMES,
  DIMENSIONS,
  type Dimension,
  MEASURE_NAMES,
  MEASURES,
  type ReportDefinition,
  type ReportFilters,
  unitOf,
} from '../../../../shared/reports';
import { useDictionaries } from '../../app/session';

type ListFilter = Exclude<keyof ReportFilters, 'onControl' | 'types' | 'sources' | 'categories'>;
type Option = { value: string; label: string };

function MultiSelect(props: {
  name: ListFilter;
  options: readonly Option[];
  value: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="report-filter">
      <span>
        {t(`reports.filterNames.${props.name}`)}
        {props.value.length === 0 ? ` (${t('reports.filterAny')})` : ` (${props.value.length})`}
      </span>
      <select
        multiple
        size={4}
        value={[...props.value]}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
        data-testid={`report-filter-${props.name}`}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The `<option>`s of the rows' and the columns' choice. */
function DimensionOptions({ dimensions }: { dimensions: readonly Dimension[] }) {
  return dimensions.map((dim) => (
    <option key={dim} value={dim}>
      {DIMENSION_NAMES[dim]}
    </option>
  ));
}

/** The constructor: rows, columns, measures, filters, hierarchy and comparison. */
export function ReportControls(props: { definition: ReportDefinition; onChange: (d: ReportDefinition) => void }) {
  const { t } = useTranslation();
  const dict = useDictionaries();
  const d = props.definition;
  const set = (patch: Partial<ReportDefinition>) => props.onChange({ ...d, ...patch });
  const setFilter = (name: ListFilter, values: string[]) => set({ filters: { ...d.filters, [name]: values } });
  const fits = (rows: Dimension, cols: Dimension | null) => rows !== cols && unitOf({ rows, cols }) !== null;
  const enumOptions = (values: readonly string[], kind: 'status' | 'kind' | 'form') =>
    values
      .filter((v) => v !== 'draft' && v !== 'received')
      .map((v) => ({ value: v, label: t(`enums.${kind}.${v}` as 'enums.status.draft') }));
  const people = (role: string) =>
    dict.staff.filter((s) => s.roles.some((r) => r === role)).map((s) => ({ value: s.id, label: s.name }));
  /** The filters' lists, in the order shown. */
  const filterLists: [ListFilter, Option[]][] = [
    ['statuses', enumOptions(APPEAL_STATUSES, 'status')],
    ['kinds', enumOptions(APPEAL_KINDS, 'kind')],
    ['forms', enumOptions(SUBMISSION_FORMS, 'form')],
    ['topics', dict.topics.map((x) => ({ value: x.code, label: `${x.parentCode ? '  ' : ''}${x.code} ${x.name}` }))],
    ['territories', dict.territories.map((x) => ({ value: x.code, label: `${x.parentCode ? '  ' : ''}${x.name}` }))],
    ['responsible', dict.heads.map((h) => ({ value: h.id, label: h.name }))],
    ['executors', people('executor')],
  ];
  return (
    <div className="report-controls" data-testid="report-controls">
      <label className="report-field">
        <span>{t('reports.rows')}</span>
        <select
          value={d.rows}
          onChange={(e) => {
            const rows = e.target.value as Dimension;
            set({ rows, cols: d.cols && fits(rows, d.cols) ? d.cols : null });
          }}
          data-testid="report-rows"
        >
          <DimensionOptions dimensions={DIMENSIONS} />
        </select>
      </label>
      <label className="report-field">
        <span>{t('reports.cols')}</span>
        <select
          value={d.cols ?? ''}
          onChange={(e) => set({ cols: e.target.value === '' ? null : (e.target.value as Dimension) })}
          data-testid="report-cols"
        >
          <option value="">{t('reports.colsNone')}</option>
          <DimensionOptions dimensions={DIMENSIONS.filter((dim) => fits(d.rows, dim))} />
        </select>
      </label>
      <fieldset className="report-measures">
        <legend>{t('reports.measures')}</legend>
        {MEASURES.map((m) => (
          <label key={m} className="check">
            <input
              type="checkbox"
              checked={d.measures.includes(m)}
              disabled={d.measures.length === 1 && d.measures.includes(m)}
              onChange={(e) =>
                set({ measures: MEASURES.filter((x) => (x === m ? e.target.checked : d.measures.includes(x))) })
              }
              data-testid={`report-measure-${m}`}
            />
            {MEASURE_NAMES[m]}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={d.hierarchy} onChange={(e) => set({ hierarchy: e.target.checked })} />
          {t('reports.hierarchy')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={d.compare}
            onChange={(e) => set({ compare: e.target.checked })}
            data-testid="report-compare"
          />
          {t('reports.compare')}
        </label>
      </fieldset>
      <div className="report-filters">
        {filterLists.map(([name, options]) => (
          <MultiSelect
            key={name}
            name={name}
            options={options}
            value={d.filters[name]}
            onChange={(v) => setFilter(name, v)}
          />
        ))}
      </div>
    </div>
  );
}
