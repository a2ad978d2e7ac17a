import { useEffect, useState } from 'react';
import type { DeadlineState } from '../../../../shared/deadlines';
import type { TaskList, TaskRow } from '../../../../shared/review/view';
import { api } from '../../api';
import { errorMessage, reportIfUnauthenticated } from '../../lib/api-errors';

export type TaskSort = 'dueAt' | 'regNumber' | 'assignee';
export interface TaskQuery {
  list: TaskList;
  deadline: DeadlineState | '';
  sort: TaskSort;
  dir: 'asc' | 'desc';
}

/** One task list from `tasks:list`, loaded again when the query changes; the previous rows stay while it loads. */
export function useTasks(query: TaskQuery) {
  const [rows, setRows] = useState<TaskRow[] | null>(null);
  const [loadedFor, setLoadedFor] = useState<TaskQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { list, deadline, sort, dir } = query;
  useEffect(() => {
    let alive = true;
    const asked: TaskQuery = { list, deadline, sort, dir };
    api.call('tasks:list', { list, sort, dir, ...(deadline ? { deadline } : {}) }).then(
      (value) => {
        if (!alive) return;
        setRows(value.rows);
        setLoadedFor(asked);
        setError(null);
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive) setError(errorMessage(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [list, deadline, sort, dir]);
  const current =
    loadedFor !== null &&
    loadedFor.list === list &&
    loadedFor.deadline === deadline &&
    loadedFor.sort === sort &&
    loadedFor.dir === dir;
  return { rows, error, current };
}
