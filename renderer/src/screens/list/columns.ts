import type { SortField } from './list-query';

export type ColumnKey =
  | 'select'
  | 'regNumber'
  | 'receivedAt'
  | 'applicant'
  | 'summary'
  | 'kind'
  | 'form'
  | 'status'
  | 'deadlineAt'
  | 'responsibleHead';

export interface Column {
  key: ColumnKey;
  /** The server-side sort this header switches to, when the column is sortable. */
  sort: SortField | null;
  /** First click sorts this way (dates newest first, names A→Я). */
  firstDir: 'asc' | 'desc';
}

export const COLUMNS: readonly Column[] = [
  /** The mark for «Экспорт в PDF» of several appeals. */
  { key: 'select', sort: null, firstDir: 'asc' },
  { key: 'regNumber', sort: 'regNumber', firstDir: 'desc' },
  { key: 'receivedAt', sort: 'receivedAt', firstDir: 'desc' },
  { key: 'applicant', sort: 'applicant', firstDir: 'asc' },
  { key: 'summary', sort: null, firstDir: 'asc' },
  { key: 'kind', sort: null, firstDir: 'asc' },
  { key: 'form', sort: null, firstDir: 'asc' },
  { key: 'status', sort: 'status', firstDir: 'asc' },
  { key: 'deadlineAt', sort: 'deadlineAt', firstDir: 'asc' },
  { key: 'responsibleHead', sort: null, firstDir: 'asc' },
];

export const ROW_HEIGHT = 28;
/** The sticky header row, above the first data row inside the same scroll area. */
export const HEADER_HEIGHT = 28;
