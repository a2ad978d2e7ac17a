import { useTranslation } from 'react-i18next';
import { SortableTh } from '../../components/SortableTh';
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
              <SortableTh
                key={col.key}
                label={label}
                active={active}
                dir={dir}
                onSort={() => props.onSort(colSort, nextDir)}
                testId={`sort-${col.key}`}
                tabIndex={-1}
              />
            );
          })}
        </tr>
      </thead>
    </>
  );
}
