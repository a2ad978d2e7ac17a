import type { DeadlineState } from '../../../../shared/deadlines';
import type { TaskList } from '../../../../shared/review/view';
import { api } from '../../api';
import { useLoaded } from '../../lib/use-loaded';

export type TaskSort = 'dueAt' | 'regNumber' | 'assignee';
export interface TaskQuery {
  list: TaskList;
  deadline: DeadlineState | '';
  sort: TaskSort;
  dir: 'asc' | 'desc';
}

/** One task list from `tasks:list`, loaded again when the query changes; the previous rows stay while it loads. */
export function useTasks(query: TaskQuery) {
  const { list, deadline, sort, dir } = query;
  const { value, error, current } = useLoaded(JSON.stringify([list, deadline, sort, dir]), () =>
    api.call('tasks:list', { list, sort, dir, ...(deadline ? { deadline } : {}) }),
  );
  return { rows: value?.rows ?? null, error, current };
}
