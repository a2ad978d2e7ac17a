import type {
  AppealKind,
  AppealListQueryInput,
  AppealStatus,
  listSortFields,
  SubmissionForm,
} from '../../../../shared/appeals';
import type { DeadlineState } from '../../../../shared/deadlines';

export type SortField = (typeof listSortFields)[number];
export type SortDir = 'asc' | 'desc';

/** What the clerk set above the list; '' means "not filtered". Kept by the shell across screens. */
export interface ListFilters {
  query: string;
  status: AppealStatus | '';
  kind: AppealKind | '';
  form: SubmissionForm | '';
  responsibleHeadId: string;
  /** Urgency of the running deadline (overdue, due today, due within 3 working days). */
  deadline: DeadlineState | '';
  from: string;
  to: string;
  sort: SortField;
  dir: SortDir;
}

export const EMPTY_FILTERS: ListFilters = {
  query: '',
  status: '',
  kind: '',
  form: '',
  responsibleHeadId: '',
  deadline: '',
  from: '',
  to: '',
  sort: 'receivedAt',
  dir: 'desc',
};

export const PAGE_SIZE = 100;

export function toListQuery(f: ListFilters, offset: number): AppealListQueryInput {
  const q: AppealListQueryInput = {
    query: f.query.trim(),
    sort: f.sort,
    dir: f.dir,
    offset,
    limit: PAGE_SIZE,
    withTotal: offset === 0,
  };
  if (f.status) q.status = f.status;
  if (f.kind) q.kind = f.kind;
  if (f.form) q.form = f.form;
  if (f.responsibleHeadId) q.responsibleHeadId = f.responsibleHeadId;
  if (f.deadline) q.deadline = f.deadline;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}

export function isFiltered(f: ListFilters): boolean {
  return Boolean(f.query.trim() || f.status || f.kind || f.form || f.responsibleHeadId || f.deadline || f.from || f.to);
}
