import type Database from 'better-sqlite3';
import { prepareCached } from '../../../db/statement-cache';
import { MINSK_OFFSET_MINUTES } from '../../../shared/calendar';
import {
  DIMENSION_PARENT,
  type Dimension,
  periodLabel,
  type ReportUnit,
  SOURCE_CHANNEL,
  VALUE_NAMES,
} from '../../../shared/reports';

/** Names the labels need: the classifier, territories, applicant categories and the staff. */
export interface Lookups {
  topics: Map<string, { name: string; parent: string | null }>;
  territories: Map<string, { name: string; parent: string | null }>;
  categories: Map<string, string>;
  users: Map<string, string>;
}

/** The lookups, each read from the database the first time a report needs it (most need one or none). */
export function loadLookups(sqlite: Database.Database): Lookups {
  const tree = (table: string) =>
    new Map(
      (
        prepareCached(sqlite, `SELECT code, parent_code AS parent, name FROM ${table}`).all() as {
          code: string;
          parent: string | null;
          name: string;
        }[]
      ).map((r) => [r.code, { name: r.name, parent: r.parent }]),
    );
  const pairs = (sql: string) =>
    new Map((prepareCached(sqlite, sql).all() as { k: string; v: string }[]).map((r) => [r.k, r.v]));
  const lazy = <T>(load: () => T) => {
    let value: T | undefined;
    return () => {
      value ??= load();
      return value;
    };
  };
  const topics = lazy(() => tree('topics'));
  const territories = lazy(() => tree('territories'));
  const categories = lazy(() => pairs('SELECT code AS k, name AS v FROM applicant_categories'));
  const users = lazy(() => pairs('SELECT id AS k, full_name AS v FROM users'));
  return {
    get topics() {
      return topics();
    },
    get territories() {
      return territories();
    },
    get categories() {
      return categories();
    },
    get users() {
      return users();
    },
  };
}

const OFFSET_MS = MINSK_OFFSET_MINUTES * 60_000;
const FINAL_TASK = `t.state IN ('submitted', 'accepted') AND t.result_at IS NOT NULL`;

/** Deadline compliance of an appeal as of `@now` (shared/reports DEADLINE_STATES). */
export const APPEAL_DEADLINE = `CASE WHEN a.deadline_at IS NULL THEN 'none'
  WHEN a.closed_at IS NOT NULL THEN CASE WHEN a.closed_at <= a.deadline_at THEN 'in_time' ELSE 'late' END
  WHEN a.deadline_at < @now THEN 'overdue' ELSE 'open' END`;
/** The same for one executor's task of a resolution: its result against its due date. */
export const TASK_DEADLINE = `CASE WHEN ${FINAL_TASK} THEN CASE WHEN t.result_at <= t.due_at THEN 'in_time' ELSE 'late' END
  WHEN t.due_at < @now THEN 'overdue' ELSE 'open' END`;
/** An appeal that came redirected from another organisation carries the central system's note [4.8]. */
export const REDIRECTED_IN_NOTE = 'Перенаправлено по компетенции из';

/**
 * Each dimension: the SQL expression it groups by (`sql`, over `a` appeals, `q` appeal_topics,
 * `t` resolution_tasks) and, for a coarser dimension grouped by a finer one (`map`), how a key of
 * the finer one maps to it (section of a topic, region of a district, channel of a source, quarter
 * of a month) and back (`expand`, for the drill-down).
 */
interface DimensionSql {
  sql: string;
  map?: (key: string, l: Lookups) => string;
  expand?: (key: string, l: Lookups) => string[];
  label: (key: string, l: Lookups) => string;
}

const parentOf = (tree: Lookups['topics']) => (key: string) => tree.get(key)?.parent ?? key;
const childrenOf = (tree: Lookups['topics'], key: string) => [
  key,
  ...[...tree].filter(([, v]) => v.parent === key).map(([code]) => code),
];
const MONTH = `strftime('%Y-%m', (a.registered_at + ${OFFSET_MS}) / 1000, 'unixepoch')`;
const monthsOf = (key: string, months: number[]) =>
  months.map((m) => `${key.slice(0, 4)}-${String(m).padStart(2, '0')}`);
const named = (dimension: Dimension) => (key: string) => VALUE_NAMES[dimension]?.[key] ?? key;
const person = (key: string, l: Lookups) => (key === '' ? 'не назначен' : (l.users.get(key) ?? key));
const topicLabel = (key: string, l: Lookups) => `${key} ${l.topics.get(key)?.name ?? ''}`.trim();

export const DIMENSION_SQL: Record<Dimension, DimensionSql> = {
  topic: { sql: 'q.topic_code', label: topicLabel },
  topicSection: {
    sql: 'q.topic_code',
    map: (k, l) => parentOf(l.topics)(k),
    expand: (k, l) => childrenOf(l.topics, k),
    label: topicLabel,
  },
  territory: {
    sql: 'a.territory_code',
    label: (k, l) => (k === '' ? 'не указана' : (l.territories.get(k)?.name ?? k)),
  },
  region: {
    sql: 'a.territory_code',
    map: (k, l) => parentOf(l.territories)(k),
    expand: (k, l) => childrenOf(l.territories, k),
    label: (k, l) => (k === '' ? 'не указана' : (l.territories.get(k)?.name ?? k)),
  },
  category: {
    sql: 'a.applicant_category',
    label: (k, l) => (k === '' ? 'не указана (юридические лица, анонимные)' : (l.categories.get(k) ?? k)),
  },
  kind: { sql: 'a.kind', label: named('kind') },
  type: { sql: 'a.appeal_type', label: named('type') },
  form: { sql: 'a.form', label: named('form') },
  source: { sql: 'a.source', label: named('source') },
  channel: {
    sql: 'a.source',
    map: (k) => SOURCE_CHANNEL[k as keyof typeof SOURCE_CHANNEL] ?? k,
    expand: (k) => Object.entries(SOURCE_CHANNEL).flatMap(([source, channel]) => (channel === k ? [source] : [])),
    label: named('channel'),
  },
  status: { sql: 'a.status', label: named('status') },
  result: { sql: 'q.result', label: named('result') },
  deadline: { sql: APPEAL_DEADLINE, label: named('deadline') },
  responsible: { sql: `coalesce(a.responsible_head_id, '')`, label: person },
  executor: { sql: `coalesce(q.executor_id, '')`, label: person },
  controller: {
    sql: `coalesce(a.control_by, (SELECT d.created_by FROM dispatches d WHERE d.appeal_id = a.id AND d.on_control = 1
      ORDER BY d.created_at LIMIT 1), '')`,
    label: person,
  },
  redirect: {
    // Both probes read a partial index (db/schema.ts), not the appeal's row with its long texts.
    sql: `CASE WHEN a.status = 'redirected' THEN 'out'
      WHEN EXISTS (SELECT 1 FROM appeal_topics r INDEXED BY appeal_topics_redirected_idx
        WHERE r.appeal_id = a.id AND r.redirected_to IS NOT NULL) THEN 'out_partial'
      WHEN EXISTS (SELECT 1 FROM appeals i INDEXED BY appeals_redirected_in_idx
        WHERE i.local_id = a.local_id AND substr(i.notes, 1, ${REDIRECTED_IN_NOTE.length}) = '${REDIRECTED_IN_NOTE}') THEN 'in'
      ELSE 'none' END`,
    label: named('redirect'),
  },
  month: { sql: MONTH, label: periodLabel },
  quarter: {
    sql: MONTH,
    map: (k) => `${k.slice(0, 4)}-Q${Math.ceil(Number(k.slice(5, 7)) / 3)}`,
    expand: (k) => {
      const q = Number(k.slice(6));
      return monthsOf(k, [3 * q - 2, 3 * q - 1, 3 * q]);
    },
    label: periodLabel,
  },
  year: {
    sql: MONTH,
    map: (k) => k.slice(0, 4),
    expand: (k) => monthsOf(k, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    label: periodLabel,
  },
  taskExecutor: { sql: 't.executor_id', label: person },
  taskState: { sql: 't.state', label: named('taskState') },
  taskDeadline: { sql: TASK_DEADLINE, label: named('taskDeadline') },
};

/** The key a grouped row's base key has in `dimension`. */
export const keyIn = (dimension: Dimension, base: string, l: Lookups) =>
  DIMENSION_SQL[dimension].map?.(base, l) ?? base;

/** The base keys behind a key of `dimension` (the drill-down's condition). */
export const baseKeys = (dimension: Dimension, key: string, l: Lookups) =>
  DIMENSION_SQL[dimension].expand?.(key, l) ?? [key];

/** Display order: closed vocabularies in their own order, people by name, the rest by code; '' last. */
export function compareKeys(dimension: Dimension, l: Lookups): (a: string, b: string) => number {
  const names = VALUE_NAMES[dimension];
  const order = names ? Object.keys(names) : null;
  const label = DIMENSION_SQL[dimension].label;
  const people = ['responsible', 'executor', 'controller', 'taskExecutor'].includes(dimension);
  return (a, b) => {
    if (a === b) return 0;
    if (a === '') return 1;
    if (b === '') return -1;
    if (order) return order.indexOf(a) - order.indexOf(b);
    if (people) return label(a, l).localeCompare(label(b, l), 'ru');
    return a < b ? -1 : 1;
  };
}

export const parentDimension = (d: Dimension): Dimension | undefined => DIMENSION_PARENT[d];

/**
 * Rows of the unit: appeals, their questions, or the executors' tasks of their resolutions. Always
 * driven from the period's range of the covering report index (db/schema.ts `appeals_report_idx`),
 * questions and tasks joined per appeal (CROSS JOIN keeps SQLite to that order): the planner would
 * otherwise start from a GROUP BY column's index and read every appeal row with its long texts.
 */
const APPEALS = 'appeals a INDEXED BY appeals_report_idx';
export const UNIT_FROM: Record<ReportUnit, string> = {
  appeal: APPEALS,
  question: `${APPEALS} CROSS JOIN appeal_topics q ON q.appeal_id = a.id`,
  task: `${APPEALS} CROSS JOIN resolution_tasks t ON t.appeal_id = a.id`,
};

const APPEAL_MEASURES = {
  overdue: `(${APPEAL_DEADLINE}) IN ('late', 'overdue')`,
  closed: 'a.closed_at IS NOT NULL',
  closedDays: '(a.closed_at - a.registered_at) / 86400000.0',
};

/** The additive measures of the unit (shared/reports ReportCell). */
export const UNIT_MEASURES: Record<ReportUnit, typeof APPEAL_MEASURES> = {
  appeal: APPEAL_MEASURES,
  question: APPEAL_MEASURES,
  task: {
    overdue: `(${TASK_DEADLINE}) IN ('late', 'overdue')`,
    closed: FINAL_TASK,
    closedDays: `CASE WHEN ${FINAL_TASK} THEN (t.result_at - a.registered_at) / 86400000.0 END`,
  },
};
