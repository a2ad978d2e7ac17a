import { useTranslation } from 'react-i18next';
import { COLUMNS } from './columns';
import type { ListFilters, SortField } from './list-query';

export function ListHeader(props: { filters: ListFilters; onSort(sort: SortField, dir: 'asc' | 'desc'): void }) {
  const { t } = useTranslation();
  const { sort, dir } = props.filters;
  return (
    <div className="grid-header" role="rowgroup">
      <div className="grid-header-row" role="row">
      {COLUMNS.map((col) => {
        const label = t(`list.columns.${col.key}`);
        const colSort = col.sort;
        if (!colSort) {
          return (
            <div key={col.key} className={`cell col-${col.key}`} role="columnheader">
              {label}
            </div>
          );
        }
        const active = sort === colSort;
        const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : col.firstDir;
        return (
          <div
            key={col.key}
            className={`cell col-${col.key}`}
            role="columnheader"
            aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
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
          </div>
        );
      })}
      </div>
    </div>
  );
}
