/**
 * The review process's read path: `listTasks` (what `tasks:list` runs: the open tasks computed by SQL
 * over appeals, resolutions, resolution_tasks and dispatches) and `getReview` (the card's «Рассмотрение»
 * section) against naive implementations that produce the same rows from whole tables read with
 * `SELECT *` and filtered in JavaScript, interleaved on the same connection. `getReview` is also
 * measured against a raw baseline: the same view from hand-written prepared queries by `appeal_id`.
 */
import type Database from 'better-sqlite3';
import { organisationCalendar } from '../electron/services/calendar/org-calendar';
import type { CallContext } from '../electron/services/context';
import { getReview } from '../electron/services/review/review-view';
import { listTasks } from '../electron/services/review/task-lists';
import type { AppealSource, AppealStatus } from '../shared/appeals';
import type { User } from '../shared/appeals/schema';
import { toMinskIso, type WorkingCalendar } from '../shared/calendar';
import {
  type Deadline,
  deadlineState,
  deadlineWindows,
  leaveWithoutConsiderationNoticeDeadline,
  redirectDeadline,
} from '../shared/deadlines';
import {
  allowedReviewActions,
  type DispatchKind,
  type QuestionResult,
  type ResolutionState,
  type ReviewFacts,
  type ReviewView,
  type TaskKind,
  type TaskListQuery,
  type TaskRow,
  type TaskState,
  taskListQuerySchema,
  termState,
} from '../shared/review';
import { measurePair, type PairResult, timeMs } from './lib/stats';

type Row = Record<string, string | number | null>;

interface OpenTask {
  key: string;
  kind: TaskKind;
  appealId: string;
  title: string;
  assigneeId: string | null;
  authorId: string | null;
  dueAt: number | null;
}

const OPEN = new Set(['registered', 'under_resolution', 'executed']);
const MANAGERS = ['clerk', 'head', 'signer', 'unit_head'];

function groupBy<T>(rows: readonly T[], key: (r: T) => unknown): Map<unknown, T[]> {
  const map = new Map<unknown, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

/** A naive task list: every appeal, resolution, task and dispatch row, the open tasks found in JavaScript. */
export function naiveOpenTasks(sqlite: Database.Database): { tasks: OpenTask[]; appeals: Map<unknown, Row> } {
  const appeals = sqlite.prepare('SELECT * FROM appeals').all() as Row[];
  const resolutions = sqlite.prepare('SELECT * FROM resolutions').all() as Row[];
  const taskRows = sqlite.prepare('SELECT * FROM resolution_tasks').all() as Row[];
  const dispatches = sqlite.prepare('SELECT * FROM dispatches').all() as Row[];
  const appealById = new Map<unknown, Row>(appeals.map((a) => [a.id, a]));
  const resolutionById = new Map<unknown, Row>(resolutions.map((r) => [r.id, r]));
  const tasksOf = groupBy(taskRows, (t) => t.resolution_id);
  const withResolution = new Set(resolutions.map((r) => r.appeal_id));
  const open = (appealId: unknown) => OPEN.has(String(appealById.get(appealId)?.status));
  const responsibleOf = (resolutionId: unknown) => tasksOf.get(resolutionId)?.find((t) => t.responsible === 1);
  const tasks: OpenTask[] = [];
  for (const a of appeals)
    if (a.status === 'registered' && a.responsible_head_id !== null && !withResolution.has(a.id))
      tasks.push({
        key: `resolution:${a.id}`,
        kind: 'resolution',
        appealId: String(a.id),
        title: 'Рассмотреть и создать резолюцию',
        assigneeId: String(a.responsible_head_id),
        authorId: a.created_by as string,
        dueAt: a.deadline_at as number | null,
      });
  for (const t of taskRows) {
    const res = resolutionById.get(t.resolution_id);
    if (res?.state !== 'in_progress' || !open(t.appeal_id)) continue;
    if (t.state === 'assigned' || t.state === 'rejected')
      tasks.push({
        key: `execution:${t.resolution_id}:${t.executor_id}`,
        kind: 'execution',
        appealId: String(t.appeal_id),
        title: t.state === 'rejected' ? 'Доработать результат исполнения' : 'Исполнить резолюцию',
        assigneeId: String(t.executor_id),
        authorId: String(res.author_id),
        dueAt: t.due_at as number,
      });
  }
  for (const t of taskRows) {
    const res = resolutionById.get(t.resolution_id);
    const responsible = responsibleOf(t.resolution_id);
    if (res?.state !== 'in_progress' || t.state !== 'submitted' || !responsible || !open(t.appeal_id)) continue;
    tasks.push({
      key: `check:${t.resolution_id}:${t.executor_id}`,
      kind: 'check',
      appealId: String(t.appeal_id),
      title: 'Проверить результат исполнителя',
      assigneeId: String(responsible.executor_id),
      authorId: String(t.executor_id),
      dueAt: t.due_at as number,
    });
  }
  for (const r of resolutions) {
    const responsible = responsibleOf(r.id);
    if (r.state !== 'in_progress' || !responsible || !open(r.appeal_id)) continue;
    if (!(tasksOf.get(r.id) ?? []).every((t) => t.state === 'accepted')) continue;
    tasks.push({
      key: `summary:${r.id}`,
      kind: 'summary',
      appealId: String(r.appeal_id),
      title: 'Внести сводный результат',
      assigneeId: String(responsible.executor_id),
      authorId: String(r.author_id),
      dueAt: responsible.due_at as number,
    });
  }
  for (const r of resolutions)
    if (r.state === 'awaiting_signature' && open(r.appeal_id))
      tasks.push({
        key: `signature:${r.id}`,
        kind: 'signature',
        appealId: String(r.appeal_id),
        title: 'Подписать сводный результат',
        assigneeId: null,
        authorId: r.summary_by as string,
        dueAt: appealById.get(r.appeal_id)?.deadline_at as number | null,
      });
  for (const a of appeals)
    if (a.control_by !== null && OPEN.has(String(a.status)))
      tasks.push({
        key: `control:${a.id}`,
        kind: 'control',
        appealId: String(a.id),
        title: 'Контроль рассмотрения',
        assigneeId: String(a.control_by),
        authorId: null,
        dueAt: a.control_due_at as number | null,
      });
  for (const d of dispatches)
    if (d.on_control === 1)
      tasks.push({
        key: `dispatch:${d.id}`,
        kind: 'dispatch',
        appealId: String(d.appeal_id),
        title: `${d.kind === 'instruction' ? 'Поручение' : 'Перенаправлено'} на контроле: ${d.org_name ?? ''}`,
        assigneeId: String(d.created_by),
        authorId: String(d.created_by),
        dueAt: d.due_at as number | null,
      });
  return { tasks, appeals: appealById };
}

/** The list's rows before sort and limit (in the order the open tasks were found). */
function naiveTaskRows(
  sqlite: Database.Database,
  user: User,
  q: TaskListQuery,
  now: Date,
  calendar: WorkingCalendar,
): TaskRow[] {
  const manager = MANAGERS.some((r) => user.roles.includes(r as User['roles'][number]));
  if ((q.list === 'organisation' || q.list === 'control') && !manager) throw new Error('not allowed');
  const signer = user.roles.includes('signer');
  const { tasks, appeals } = naiveOpenTasks(sqlite);
  const names = new Map((sqlite.prepare('SELECT * FROM users').all() as Row[]).map((u) => [u.id, String(u.full_name)]));
  const keep = (t: OpenTask) =>
    q.list === 'mine'
      ? t.assigneeId === user.id || (t.assigneeId === null && signer)
      : q.list === 'byMe'
        ? t.authorId === user.id
        : q.list === 'control'
          ? t.kind === 'control' || t.kind === 'dispatch'
          : true;
  const windows = deadlineWindows(now, calendar);
  const rows: TaskRow[] = tasks.filter(keep).map((t) => {
    const a = appeals.get(t.appealId);
    return {
      key: t.key,
      kind: t.kind,
      appealId: t.appealId,
      regNumber: (a?.reg_number as string | null) ?? null,
      applicant: String(a?.applicant_display ?? ''),
      summary: String(a?.summary ?? ''),
      title: t.title,
      assignee:
        t.assigneeId === null ? 'Руководитель организации (подпись)' : (names.get(t.assigneeId) ?? t.assigneeId),
      author: t.authorId === null ? '' : (names.get(t.authorId) ?? t.authorId),
      dueAt: t.dueAt === null ? null : toMinskIso(new Date(t.dueAt)),
      deadlineState: t.dueAt === null ? null : deadlineState(t.dueAt, windows),
    };
  });
  return q.deadline ? rows.filter((r) => r.deadlineState === q.deadline) : rows;
}

const sortKey = (q: TaskListQuery) => (r: TaskRow) =>
  q.sort === 'dueAt' ? (r.dueAt ?? '9999') : q.sort === 'regNumber' ? (r.regNumber ?? '') : r.assignee;

/** The naive `tasks:list`: the same filter, rows, sort and limit as the service, over naiveOpenTasks. */
export function naiveListTasks(
  sqlite: Database.Database,
  user: User,
  q: TaskListQuery,
  now: Date,
  calendar: WorkingCalendar,
): { rows: TaskRow[] } {
  const filtered = naiveTaskRows(sqlite, user, q, now, calendar);
  const sign = q.dir === 'asc' ? 1 : -1;
  const key = sortKey(q);
  filtered.sort((a, b) => sign * key(a).localeCompare(key(b), 'ru', { numeric: true }));
  return { rows: filtered.slice(0, q.limit) };
}

/** The rows one card's review section is built from (snake_case, as SQLite returns them). */
interface CardRows {
  appeal: Row;
  topics: Row[];
  resolutions: Row[];
  tasks: Row[];
  files: Row[];
  dispatches: Row[];
  names: Map<unknown, string>;
}

const iso = (ms: unknown) => toMinskIso(new Date(Number(ms)));
const isoOrNull = (ms: unknown) => (ms === null || ms === undefined ? null : iso(ms));
const term = (deadline: Deadline, now: Date) => ({
  deadlineAt: toMinskIso(deadline.deadline),
  explanation: deadline.explanation,
  state: termState(deadline, now),
});

/** The same view as `getReview`, from rows however they were read. */
function assembleReview(rows: CardRows, user: User, now: Date, calendar: WorkingCalendar): ReviewView {
  const { appeal } = rows;
  const person = (id: unknown) => ({ id: String(id), name: rows.names.get(id) ?? String(id) });
  const files = (owner: string) =>
    rows.files
      .filter((f) => f.owner === owner)
      .map((f) => ({ sha256: String(f.sha256), name: String(f.name), size: Number(f.size), type: String(f.type) }));
  const facts: ReviewFacts = {
    status: appeal.status as AppealStatus,
    source: appeal.source as AppealSource,
    responsibleHeadId: appeal.responsible_head_id as string | null,
    topicCodes: rows.topics.map((t) => String(t.topic_code)),
    redirectedCodes: rows.topics.filter((t) => t.redirected_to !== null).map((t) => String(t.topic_code)),
    onControl: appeal.control_by !== null,
    resolutions: rows.resolutions.map((r) => ({
      id: String(r.id),
      authorId: String(r.author_id),
      state: r.state as ResolutionState,
      tasks: rows.tasks
        .filter((t) => t.resolution_id === r.id)
        .map((t) => ({
          executorId: String(t.executor_id),
          responsible: t.responsible === 1,
          state: t.state as TaskState,
        })),
    })),
  };
  const reviewing =
    appeal.registered_at !== null && (appeal.status === 'registered' || appeal.status === 'under_resolution');
  const registeredAt = appeal.registered_at === null ? null : new Date(Number(appeal.registered_at));
  return {
    appealId: String(appeal.id),
    status: String(appeal.status),
    version: Number(appeal.version),
    responsibleHead: appeal.responsible_head_id ? person(appeal.responsible_head_id) : null,
    control:
      appeal.control_by && appeal.control_due_at !== null
        ? {
            controller: person(appeal.control_by),
            dueAt: iso(appeal.control_due_at),
            note: String(appeal.control_note),
          }
        : null,
    questions: rows.topics.map((q) => ({
      topicCode: String(q.topic_code),
      executor: q.executor_id ? person(q.executor_id) : null,
      result: q.result === '' ? null : (q.result as QuestionResult),
      redirectedTo: q.redirected_to as string | null,
    })),
    resolutions: rows.resolutions.map((r) => ({
      id: String(r.id),
      author: person(r.author_id),
      text: String(r.text),
      createdAt: iso(r.created_at),
      state: r.state as ResolutionState,
      files: files(`resolution:${r.id}`),
      tasks: rows.tasks
        .filter((t) => t.resolution_id === r.id)
        .map((t) => ({
          executor: person(t.executor_id),
          responsible: t.responsible === 1,
          dueAt: iso(t.due_at),
          state: t.state as TaskState,
          resultText: String(t.result_text),
          resultAt: isoOrNull(t.result_at),
          rejectReason: String(t.reject_reason),
          files: files(`result:${r.id}:${t.executor_id}`),
        })),
      summary:
        r.summary_text !== null && r.summary_at !== null && r.summary_by !== null
          ? {
              text: String(r.summary_text),
              at: iso(r.summary_at),
              by: person(r.summary_by),
              files: files(`summary:${r.id}`),
              returnReason: String(r.return_reason),
            }
          : null,
      signedBy: r.signed_by ? person(r.signed_by) : null,
      signedAt: isoOrNull(r.signed_at),
    })),
    dispatches: rows.dispatches.map((d) => ({
      id: String(d.id),
      kind: d.kind as DispatchKind,
      organisation: d.org_id ? { id: String(d.org_id), name: String(d.org_name ?? d.org_id) } : null,
      text: String(d.text),
      answerForm: d.answer_form as string | null,
      topicCodes: JSON.parse(String(d.topic_codes)) as string[],
      dueAt: isoOrNull(d.due_at),
      onControl: d.on_control === 1,
      at: iso(d.created_at),
      by: person(d.created_by),
      files: files(`dispatch:${d.id}`),
    })),
    redirectTerm: reviewing && registeredAt ? term(redirectDeadline(registeredAt, calendar), now) : null,
    noticeTerm:
      reviewing && registeredAt ? term(leaveWithoutConsiderationNoticeDeadline(registeredAt, calendar), now) : null,
    allowed: allowedReviewActions(facts, user),
    // The bench's cards carry no signatures (the seeded process signs without ЭЦП).
    signatures: [],
  };
}

const byNumber = (col: string) => (a: Row, b: Row) => Number(a[col]) - Number(b[col]);
const byCreated = (a: Row, b: Row) =>
  Number(a.created_at) - Number(b.created_at) || String(a.id).localeCompare(String(b.id));

/** Naive: the appeal by id, then every review row of the organisation, filtered and ordered in JavaScript. */
export function naiveGetReview(
  sqlite: Database.Database,
  user: User,
  appealId: string,
  now: Date,
  cal: WorkingCalendar,
) {
  const all = (table: string) => sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];
  const mine = (table: string) => all(table).filter((r) => r.appeal_id === appealId);
  const appeal = sqlite.prepare('SELECT * FROM appeals WHERE id = ?').get(appealId) as Row;
  return assembleReview(
    {
      appeal,
      topics: mine('appeal_topics').sort(byNumber('position')),
      resolutions: mine('resolutions').sort(byCreated),
      tasks: mine('resolution_tasks').sort(byNumber('position')),
      files: mine('review_files').sort(
        (a, b) => String(a.owner).localeCompare(String(b.owner)) || Number(a.position) - Number(b.position),
      ),
      dispatches: mine('dispatches').sort(byCreated),
      names: new Map(all('users').map((u) => [u.id, String(u.full_name)])),
    },
    user,
    now,
    cal,
  );
}

/** Raw: one prepared better-sqlite3 query per table by `appeal_id` (the indexes), no drizzle. */
export function rawGetReview(sqlite: Database.Database) {
  const q = (sql: string) => sqlite.prepare(sql);
  const appeal = q('SELECT * FROM appeals WHERE id = ?');
  const topics = q('SELECT * FROM appeal_topics WHERE appeal_id = ? ORDER BY position');
  const resolutions = q('SELECT * FROM resolutions WHERE appeal_id = ? ORDER BY created_at, id');
  const tasks = q('SELECT * FROM resolution_tasks WHERE appeal_id = ? ORDER BY position');
  const files = q('SELECT * FROM review_files WHERE appeal_id = ? ORDER BY owner, position');
  const dispatches = q('SELECT * FROM dispatches WHERE appeal_id = ? ORDER BY created_at, id');
  const users = q('SELECT id, full_name FROM users');
  return (user: User, appealId: string, now: Date, cal: WorkingCalendar) =>
    assembleReview(
      {
        appeal: appeal.get(appealId) as Row,
        topics: topics.all(appealId) as Row[],
        resolutions: resolutions.all(appealId) as Row[],
        tasks: tasks.all(appealId) as Row[],
        files: files.all(appealId) as Row[],
        dispatches: dispatches.all(appealId) as Row[],
        names: new Map((users.all() as Row[]).map((u) => [u.id, String(u.full_name)])),
      },
      user,
      now,
      cal,
    );
}

export interface ListFigures extends PairResult {
  list: TaskListQuery['list'];
  login: string;
  /** Rows returned (at most the default limit, 500) and how many tasks the list has in all. */
  rows: number;
  tasks: number;
  /** The naive implementation returned the same rows (same sort keys in the same order, same keys before the last key). */
  sameRows: boolean;
  /** naive p95 ÷ product p95. */
  speedupVsNaiveP95: number;
  /**
   * Sorting ALL the list's rows by due date (before the limit), median of 3, milliseconds: with the
   * service's comparator (`localeCompare(…, 'ru', { numeric: true })` per comparison) and with one
   * `Intl.Collator` of the same options — how much of the list's time is the sort.
   */
  sortAllRows: { rows: number; localeCompareMs: number; collatorMs: number };
}

function median3(fn: () => unknown): number {
  const t = [timeMs(fn), timeMs(fn), timeMs(fn)].sort((a, b) => a - b);
  return Math.round((t[1] ?? 0) * 10) / 10;
}

function sameRows(a: readonly TaskRow[], b: readonly TaskRow[]): boolean {
  if (a.length !== b.length) return false;
  if (a.some((r, i) => r.dueAt !== b[i]?.dueAt)) return false;
  const last = a[a.length - 1]?.dueAt;
  const keys = (rows: readonly TaskRow[]) =>
    rows
      .filter((r) => r.dueAt !== last)
      .map((r) => r.key)
      .sort()
      .join('|');
  return keys(a) === keys(b);
}

export const LISTS = [
  { name: 'mineHead', login: 'head', list: 'mine' },
  { name: 'mineExecutor', login: 'executor', list: 'mine' },
  { name: 'mineSigner', login: 'signer', list: 'mine' },
  { name: 'organisation', login: 'clerk', list: 'organisation' },
] as const;

/** `listTasks` for one user and list (default sort: due date ascending, limit 500) against the naive list. */
export function benchList(
  base: CallContext,
  user: User,
  list: TaskListQuery['list'],
  iterations: number,
  now: Date,
): ListFigures {
  const ctx: CallContext = { ...base, clock: () => now, session: { user } };
  const q = taskListQuerySchema.parse({ list });
  const { sqlite, db } = base.store;
  const product = () => listTasks(ctx, q);
  const naive = () => naiveListTasks(sqlite, user, q, now, organisationCalendar(db));
  const a = product().rows;
  const b = naive().rows;
  const unsorted = naiveTaskRows(sqlite, user, q, now, organisationCalendar(db));
  const key = sortKey(q);
  const collator = new Intl.Collator('ru', { numeric: true });
  const sortAllRows = {
    rows: unsorted.length,
    localeCompareMs: median3(() => [...unsorted].sort((x, y) => key(x).localeCompare(key(y), 'ru', { numeric: true }))),
    collatorMs: median3(() => [...unsorted].sort((x, y) => collator.compare(key(x), key(y)))),
  };
  const pair = measurePair(iterations, () => q, product, naive, 2);
  return {
    list,
    login: user.login,
    rows: a.length,
    tasks: unsorted.length,
    sameRows: sameRows(a, b),
    ...pair,
    speedupVsNaiveP95: Math.round((pair.baseline.p95 / pair.product.p95) * 100) / 100,
    sortAllRows,
  };
}

export interface ReviewFigures {
  cards: number;
  naive: PairResult & { speedupVsNaiveP95: number };
  raw: PairResult;
  /** Naive and raw built exactly the product's view (JSON-equal) for every card. */
  sameView: boolean;
}

/** `getReview` as the clerk over cards with resolutions (rotating), against the naive and the raw view. */
export function benchReviewView(
  base: CallContext,
  user: User,
  appealIds: readonly string[],
  iterations: number,
  now: Date,
): ReviewFigures {
  const ctx: CallContext = { ...base, clock: () => now, session: { user } };
  const { sqlite, db } = base.store;
  const raw = rawGetReview(sqlite);
  const product = (id: string) => getReview(ctx, id);
  const naive = (id: string) => naiveGetReview(sqlite, user, id, now, organisationCalendar(db));
  const rawView = (id: string) => raw(user, id, now, organisationCalendar(db));
  const sameView = appealIds.every((id) => {
    const p = JSON.stringify(product(id));
    return p === JSON.stringify(naive(id)) && p === JSON.stringify(rawView(id));
  });
  const input = (i: number) => appealIds[i % appealIds.length] ?? '';
  const naivePair = measurePair(iterations, input, product, naive);
  const rawPair = measurePair(iterations, input, product, rawView);
  return {
    cards: appealIds.length,
    naive: {
      ...naivePair,
      speedupVsNaiveP95: Math.round((naivePair.baseline.p95 / naivePair.product.p95) * 100) / 100,
    },
    raw: rawPair,
    sameView,
  };
}
