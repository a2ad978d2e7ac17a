import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_STATES } from '../../../../shared/deadlines';
import { visibleTaskLists } from '../../../../shared/review/task-lists';
import type { TaskList } from '../../../../shared/review/view';
import { useSession } from '../../app/session';
import { DeadlineOptions } from '../../components/DeadlineOptions';
import { formatCount } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useScreenReady } from '../../lib/screen';
import { TasksTable } from './TasksTable';
import { type TaskQuery, useTasks } from './use-tasks';

function Tabs(props: { lists: readonly TaskList[]; current: TaskList }) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={t('tasks.tabsLabel')}>
      {props.lists.map((list) => (
        <button
          key={list}
          type="button"
          role="tab"
          aria-selected={list === props.current}
          className={list === props.current ? 'tab active' : 'tab'}
          onClick={() => navigate({ screen: 'tasks', list })}
          data-testid={`tasks-tab-${list}`}
        >
          {t(`tasks.tabs.${list}`)}
        </button>
      ))}
    </div>
  );
}

/** «Задачи» [4.9]: assigned to me, assigned by me, the organisation's, on control — the tabs the role may see. */
export function TasksScreen({ list }: { list?: TaskList }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const lists = visibleTaskLists(user.roles);
  const current = list && lists.includes(list) ? list : (lists[0] ?? 'mine');
  const [filter, setFilter] = useState<Omit<TaskQuery, 'list'>>({ deadline: '', sort: 'dueAt', dir: 'asc' });
  const query: TaskQuery = { ...filter, list: current };
  const { rows, error, current: fresh } = useTasks(query);
  useScreenReady('tasks', fresh);

  return (
    <section className="screen tasks-screen" data-testid="tasks-screen" data-list={current} data-ready={fresh}>
      <div className="screen-head">
        <h1>{t('tasks.title')}</h1>
        {rows && (
          <span className="list-total" data-testid="tasks-count">
            {t('tasks.count', { n: formatCount(rows.length) })}
          </span>
        )}
      </div>
      <Tabs lists={lists} current={current} />
      <div className="toolbar">
        <label className="filter">
          <span>{t('list.filters.deadline')}</span>
          <select
            value={filter.deadline}
            onChange={(e) =>
              setFilter({ ...filter, deadline: DEADLINE_STATES.find((d) => d === e.target.value) ?? '' })
            }
            data-testid="tasks-filter-deadline"
          >
            <DeadlineOptions />
          </select>
        </label>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {t('tasks.loadError', { message: error })}
        </p>
      )}
      <div className={fresh ? 'tasks-scroll' : 'tasks-scroll pending'}>
        {rows && rows.length > 0 && (
          <TasksTable rows={rows} query={query} onSort={(sort, dir) => setFilter({ ...filter, sort, dir })} />
        )}
        {rows && rows.length === 0 && (
          <div className="tasks-empty muted" data-testid="tasks-empty">
            {filter.deadline ? t('tasks.emptyFiltered') : t('tasks.empty')}
          </div>
        )}
      </div>
    </section>
  );
}
