import { useTranslation } from 'react-i18next';

/** A sortable column's header cell: `aria-sort`, and a button with the direction's mark (▲/▼) that sorts. */
export function SortableTh(props: {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  onSort(): void;
  testId: string;
  className?: string;
  tabIndex?: number;
}) {
  const { t } = useTranslation();
  const { active, dir } = props;
  return (
    <th
      scope="col"
      className={props.className}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        tabIndex={props.tabIndex}
        className={active ? 'sort-button active' : 'sort-button'}
        onClick={props.onSort}
        title={t('list.sortHint')}
        data-testid={props.testId}
      >
        {props.label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
