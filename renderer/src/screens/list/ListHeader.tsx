import { useTranslation } from 'react-i18next';
import { COLUMNS } from './columns';
import type { ListFilters, SortField } from './list-query';

/** Column widths and the sticky header row; sortable columns are buttons. */
export function ListHeader(props: { filters: ListFilters; onSort(sort: SortField, dir: 'asc' | 'desc'): void }) {
  const { t } = useTranslation();
  const { sort, dir } = props.filters;
  return (
    <>
      <colgroup>
        {COLUMNS.map((col) => (
          <col key={col.key} className={`col-${col.key}`} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map((col) => {
            if (col.key === 'select') {
              return (
                <th key={col.key} scope="col" className="select-cell" title={t('pdfExport.selectColumn')}>
                  <span className="visually-hidden">{t('pdfExport.selectColumn')}</span>
                </th>
              );
            }
            const label = t(`list.columns.${col.key}`);
            const colSort = col.sort;
            if (!colSort) {
              return (
                <th key={col.key} scope="col">
                  {label}
                </th>
              );
            }
            const active = sort === colSort;
            const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : col.firstDir;
            return (
              <th
                key={col.key}
                scope="col"
                aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  tabIndex={-1}
                  className={active ? 'sort-button active' : 'sort-button'}
                  onClick={() => props.onSort(colSort, nextDir)}
                  title={t('list.sortHint')}
                  data-testid={`sort-${col.key}`}
                >
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
}
