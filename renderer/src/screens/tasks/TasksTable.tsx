import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../../../../shared/review/view';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { SortableTh } from '../../components/SortableTh';
import { formatDate } from '../../lib/minsk-date';
import { navigate, routeHash } from '../../lib/router';
import type { TaskQuery, TaskSort } from './use-tasks';

const COLUMNS = ['regNumber', 'applicant', 'title', 'assignee', 'author', 'dueAt'] as const;
type Column = (typeof COLUMNS)[number];
const SORTABLE: Partial<Record<Column, TaskSort>> = { regNumber: 'regNumber', assignee: 'assignee', dueAt: 'dueAt' };

function HeaderCell(props: { column: Column; query: TaskQuery; onSort(sort: TaskSort, dir: 'asc' | 'desc'): void }) {
  const { t } = useTranslation();
  const label = t(`tasks.columns.${props.column}`);
  const sort = SORTABLE[props.column];
  if (!sort)
    return (
      <th scope="col" className={`col-${props.column}`}>
        {label}
      </th>
    );
  const active = props.query.sort === sort;
  const dir = props.query.dir;
  return (
    <SortableTh
      label={label}
      active={active}
      dir={dir}
      onSort={() => props.onSort(sort, active && dir === 'asc' ? 'desc' : 'asc')}
      testId={`tasks-sort-${sort}`}
      className={`col-${props.column}`}
    />
  );
}

/** The tasks of one list; a row opens its appeal's card. */
export function TasksTable(props: {
  rows: readonly TaskRow[];
  query: TaskQuery;
  onSort(sort: TaskSort, dir: 'asc' | 'desc'): void;
}) {
  const { t } = useTranslation();
  return (
    <table className="table tasks-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <HeaderCell key={c} column={c} query={props.query} onSort={props.onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => {
          const number = row.regNumber ?? t('list.noNumber');
          return (
            <tr
              key={row.key}
              className={i % 2 ? 'odd' : undefined}
              onClick={() => navigate({ screen: 'card', id: row.appealId })}
              data-testid="task-row"
              data-kind={row.kind}
              data-appeal-id={row.appealId}
              data-deadline={row.deadlineState ?? ''}
            >
              <td className="col-regNumber">
                <a
                  href={routeHash({ screen: 'card', id: row.appealId })}
                  title={t('tasks.openCard', { number })}
                  onClick={(e) => e.stopPropagation()}
                >
                  {number}
                </a>
              </td>
              <td className="col-applicant" title={row.applicant}>
                {row.applicant}
              </td>
              <td className="col-title">
                <div data-testid="task-title">{row.title}</div>
                {row.summary && <div className="muted small task-summary">{row.summary}</div>}
              </td>
              <td className="col-assignee" title={row.assignee}>
                {row.assignee}
              </td>
              <td className="col-author" title={row.author}>
                {row.author}
              </td>
              <td className="col-dueAt">
                {row.dueAt ? formatDate(row.dueAt) : <span className="muted">{t('tasks.noDue')}</span>}
                {row.deadlineState && <DeadlineBadge state={row.deadlineState} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
