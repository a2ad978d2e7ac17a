import { prepareCached } from '../../../db/statement-cache';
import { toMinskIso } from '../../../shared/calendar';
import { deadlineState, deadlineWindows } from '../../../shared/deadlines';
import { AppError } from '../../../shared/errors';
import { type TaskKind, type TaskListQuery, type TaskRow, visibleTaskLists } from '../../../shared/review';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';

const OPEN = `a.status IN ('registered', 'under_resolution', 'executed')`;

/**
 * One kind of open task (regulation 4.9: "formed automatically from the appeals and their
 * resolutions"): its rows, who must act (`assignee`; NULL = anyone with the signer role), who set it
 * (`author`) and its due instant, as SQL expressions so each list filters inside the branch and the
 * indexes on those columns apply.
 */
interface Branch {
  kind: TaskKind;
  key: string;
  title: string;
  appeal: string;
  assignee: string;
  author: string;
  due: string;
  from: string;
  where: string;
}

const BRANCHES: readonly Branch[] = [
  {
    kind: 'resolution',
    key: `'resolution:' || a.id`,
    title: `'Рассмотреть и создать резолюцию'`,
    appeal: 'a.id',
    assignee: 'a.responsible_head_id',
    author: 'a.created_by',
    due: 'a.deadline_at',
    from: 'appeals a',
    where: `a.status = 'registered' AND a.responsible_head_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.appeal_id = a.id)`,
  },
  {
    kind: 'execution',
    key: `'execution:' || t.resolution_id || ':' || t.executor_id`,
    title: `CASE t.state WHEN 'rejected' THEN 'Доработать результат исполнения' ELSE 'Исполнить резолюцию' END`,
    appeal: 't.appeal_id',
    assignee: 't.executor_id',
    author: 'res.author_id',
    due: 't.due_at',
    from: 'resolution_tasks t JOIN resolutions res ON res.id = t.resolution_id JOIN appeals a ON a.id = t.appeal_id',
    where: `res.state = 'in_progress' AND t.state IN ('assigned', 'rejected') AND ${OPEN}`,
  },
  {
    kind: 'check',
    key: `'check:' || t.resolution_id || ':' || t.executor_id`,
    title: `'Проверить результат исполнителя'`,
    appeal: 't.appeal_id',
    assignee: 'resp.executor_id',
    author: 't.executor_id',
    due: 't.due_at',
    from: `resolution_tasks t
      JOIN resolution_tasks resp ON resp.resolution_id = t.resolution_id AND resp.responsible = 1
      JOIN resolutions res ON res.id = t.resolution_id JOIN appeals a ON a.id = t.appeal_id`,
    where: `res.state = 'in_progress' AND t.state = 'submitted' AND ${OPEN}`,
  },
  {
    kind: 'summary',
    key: `'summary:' || res.id`,
    title: `'Внести сводный результат'`,
    appeal: 'res.appeal_id',
    assignee: 'resp.executor_id',
    author: 'res.author_id',
    due: 'resp.due_at',
    from: `resolution_tasks resp JOIN resolutions res ON res.id = resp.resolution_id JOIN appeals a ON a.id = res.appeal_id`,
    where: `resp.responsible = 1 AND res.state = 'in_progress' AND ${OPEN}
      AND NOT EXISTS (SELECT 1 FROM resolution_tasks t WHERE t.resolution_id = res.id AND t.state <> 'accepted')`,
  },
  {
    kind: 'signature',
    key: `'signature:' || res.id`,
    title: `CASE res.state WHEN 'draft' THEN 'Утвердить проект резолюции' ELSE 'Подписать сводный результат' END`,
    appeal: 'res.appeal_id',
    assignee: 'NULL',
    author: `CASE res.state WHEN 'draft' THEN res.author_id ELSE res.summary_by END`,
    due: 'a.deadline_at',
    from: 'resolutions res JOIN appeals a ON a.id = res.appeal_id',
    where: `res.state IN ('draft', 'awaiting_signature') AND ${OPEN}`,
  },
  {
    kind: 'control',
    key: `'control:' || a.id`,
    title: `'Контроль рассмотрения'`,
    appeal: 'a.id',
    assignee: 'a.control_by',
    author: 'NULL',
    due: 'a.control_due_at',
    from: 'appeals a',
    where: `a.control_by IS NOT NULL AND ${OPEN}`,
  },
  {
    kind: 'dispatch',
    key: `'dispatch:' || d.id`,
    title: `CASE d.kind WHEN 'instruction' THEN 'Поручение на контроле: ' ELSE 'Перенаправлено на контроле: ' END
      || coalesce(d.org_name, '')`,
    appeal: 'd.appeal_id',
    assignee: 'd.created_by',
    author: 'd.created_by',
    due: 'd.due_at',
    from: 'dispatches d',
    where: 'd.on_control = 1',
  },
];

type Param = string | number;

/** The extra condition of a branch in a list, or null when the list never shows that kind. */
function listCondition(b: Branch, q: TaskListQuery, userId: string, signer: boolean): [string, Param[]] | null {
  switch (q.list) {
    case 'mine':
      if (b.assignee === 'NULL') return signer ? ['1', []] : null;
      return [`${b.assignee} = ?`, [userId]];
    case 'byMe':
      return b.author === 'NULL' ? null : [`${b.author} = ?`, [userId]];
    case 'control':
      return b.kind === 'control' || b.kind === 'dispatch' ? ['1', []] : null;
    default:
      return ['1', []];
  }
}

const ORDER: Record<TaskListQuery['sort'], (dir: string) => string> = {
  dueAt: (dir) => `task.due IS NULL, task.due ${dir}, a.local_id`,
  regNumber: (dir) => `a.reg_year ${dir}, a.reg_seq ${dir}, a.local_id`,
  assignee: (dir) => `task.assignee IS NULL, assignee_name ${dir}, task.due`,
};

interface RawTask {
  key: string;
  kind: TaskKind;
  title: string;
  appeal_id: string;
  due: number | null;
  reg_number: string | null;
  applicant: string;
  summary: string;
  assignee: string | null;
  assignee_name: string | null;
  author: string | null;
  author_name: string | null;
}

const SIGNERS = 'Руководитель организации (подпись)';

/**
 * `tasks:list` [4.9]: «назначенные пользователю» (I must act), «назначенные пользователем» (I set the
 * task), the organisation's list and the appeals and letters on control. Each list's condition and the
 * deadline filter go inside every branch of the UNION (so the executor, head and controller indexes
 * apply); sort and limit are SQL too. An executor sees only the first two lists (visibleTaskLists).
 */
export function listTasks(ctx: CallContext, q: TaskListQuery): { rows: TaskRow[] } {
  const user = requireUser(ctx);
  if (!visibleTaskLists(user.roles).includes(q.list))
    throw new AppError('NOT_ALLOWED', 'Список задач организации доступен делопроизводителю и руководителям');
  const windows = deadlineWindows(ctx.clock(), organisationCalendar(ctx.store.db));
  const window = q.deadline ? windows[q.deadline] : null;
  const params: Param[] = [];
  const parts: string[] = [];
  for (const b of BRANCHES) {
    const condition = listCondition(b, q, user.id, user.roles.includes('signer'));
    if (!condition) continue;
    const due = window ? ` AND ${b.due} BETWEEN ? AND ?` : '';
    parts.push(`SELECT ${b.key} AS key, '${b.kind}' AS kind, ${b.title} AS title, ${b.appeal} AS appeal_id,
        ${b.assignee} AS assignee, ${b.author} AS author, ${b.due} AS due
      FROM ${b.from} WHERE (${b.where}) AND (${condition[0]})${due}`);
    params.push(...condition[1], ...(window ? [window.from, window.to] : []));
  }
  if (parts.length === 0) return { rows: [] };
  const sql = `SELECT task.*, a.reg_number, a.applicant_display AS applicant, a.summary,
      ua.full_name AS assignee_name, ub.full_name AS author_name
    FROM (${parts.join(' UNION ALL ')}) task
      JOIN appeals a ON a.id = task.appeal_id
      LEFT JOIN users ua ON ua.id = task.assignee
      LEFT JOIN users ub ON ub.id = task.author
    ORDER BY ${ORDER[q.sort](q.dir === 'asc' ? 'ASC' : 'DESC')}
    LIMIT ?`;
  const raw = prepareCached(ctx.store.sqlite, sql).all(...params, q.limit) as RawTask[];
  return {
    rows: raw.map((t) => ({
      key: t.key,
      kind: t.kind,
      appealId: t.appeal_id,
      regNumber: t.reg_number,
      applicant: t.applicant,
      summary: t.summary,
      title: t.title,
      assignee: t.assignee === null ? SIGNERS : (t.assignee_name ?? t.assignee),
      author: t.author === null ? '' : (t.author_name ?? t.author),
      dueAt: t.due === null ? null : toMinskIso(new Date(t.due)),
      deadlineState: t.due === null ? null : deadlineState(t.due, windows),
    })),
  };
}
