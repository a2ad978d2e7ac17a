import { toMinskIso } from '../../../shared/calendar';
import { deadlineState, deadlineWindows } from '../../../shared/deadlines';
import { AppError } from '../../../shared/errors';
import { type TaskKind, type TaskListQuery, type TaskRow, visibleTaskLists } from '../../../shared/review';
import { requireUser } from '../auth/auth-service';
import { organisationCalendar } from '../calendar/org-calendar';
import type { CallContext } from '../context';

/** One open task before the list filter: who must act (null = anyone with the signer role) and who set it. */
interface OpenTask {
  key: string;
  kind: TaskKind;
  appealId: string;
  title: string;
  assigneeId: string | null;
  authorId: string | null;
  dueAt: number | null;
}

const OPEN = `a.status IN ('registered', 'under_resolution', 'executed')`;

/**
 * Every open task of the organisation (regulation 4.9: "formed automatically from the appeals and
 * their resolutions"): a resolution to create, a resolution to execute, a result to check, a summary
 * to form, a summary to sign, an appeal or a letter on control.
 */
function openTasks(ctx: CallContext): OpenTask[] {
  const { sqlite } = ctx.store;
  const all = (sql: string) => sqlite.prepare(sql).all() as Record<string, string | number | null>[];
  const tasks: OpenTask[] = [];
  const push = (t: OpenTask) => tasks.push(t);
  for (const r of all(`SELECT a.id, a.responsible_head_id AS head, a.created_by AS author, a.deadline_at AS due
      FROM appeals a WHERE a.status = 'registered' AND a.responsible_head_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.appeal_id = a.id)`))
    push({
      key: `resolution:${r.id}`,
      kind: 'resolution',
      appealId: String(r.id),
      title: 'Рассмотреть и создать резолюцию',
      assigneeId: String(r.head),
      authorId: r.author as string,
      dueAt: r.due as number | null,
    });
  for (const r of all(`SELECT t.resolution_id AS rid, t.executor_id AS executor, t.state, t.due_at AS due, t.appeal_id AS appeal, res.author_id AS author
      FROM resolution_tasks t JOIN resolutions res ON res.id = t.resolution_id JOIN appeals a ON a.id = t.appeal_id
      WHERE res.state = 'in_progress' AND t.state IN ('assigned', 'rejected') AND ${OPEN}`))
    push({
      key: `execution:${r.rid}:${r.executor}`,
      kind: 'execution',
      appealId: String(r.appeal),
      title: r.state === 'rejected' ? 'Доработать результат исполнения' : 'Исполнить резолюцию',
      assigneeId: String(r.executor),
      authorId: String(r.author),
      dueAt: r.due as number,
    });
  for (const r of all(`SELECT t.resolution_id AS rid, t.executor_id AS executor, t.due_at AS due, t.appeal_id AS appeal, resp.executor_id AS responsible
      FROM resolution_tasks t JOIN resolution_tasks resp ON resp.resolution_id = t.resolution_id AND resp.responsible = 1
      JOIN resolutions res ON res.id = t.resolution_id JOIN appeals a ON a.id = t.appeal_id
      WHERE res.state = 'in_progress' AND t.state = 'submitted' AND ${OPEN}`))
    push({
      key: `check:${r.rid}:${r.executor}`,
      kind: 'check',
      appealId: String(r.appeal),
      title: 'Проверить результат исполнителя',
      assigneeId: String(r.responsible),
      authorId: String(r.executor),
      dueAt: r.due as number,
    });
  for (const r of all(`SELECT res.id, res.appeal_id AS appeal, res.author_id AS author, resp.executor_id AS responsible, resp.due_at AS due
      FROM resolutions res JOIN resolution_tasks resp ON resp.resolution_id = res.id AND resp.responsible = 1 JOIN appeals a ON a.id = res.appeal_id
      WHERE res.state = 'in_progress' AND ${OPEN}
      AND NOT EXISTS (SELECT 1 FROM resolution_tasks t WHERE t.resolution_id = res.id AND t.state <> 'accepted')`))
    push({
      key: `summary:${r.id}`,
      kind: 'summary',
      appealId: String(r.appeal),
      title: 'Внести сводный результат',
      assigneeId: String(r.responsible),
      authorId: String(r.author),
      dueAt: r.due as number,
    });
  for (const r of all(`SELECT res.id, res.appeal_id AS appeal, res.summary_by AS author, a.deadline_at AS due
      FROM resolutions res JOIN appeals a ON a.id = res.appeal_id WHERE res.state = 'awaiting_signature' AND ${OPEN}`))
    push({
      key: `signature:${r.id}`,
      kind: 'signature',
      appealId: String(r.appeal),
      title: 'Подписать сводный результат',
      assigneeId: null,
      authorId: r.author as string,
      dueAt: r.due as number | null,
    });
  for (const r of all(
    `SELECT a.id, a.control_by AS controller, a.control_due_at AS due FROM appeals a WHERE a.control_by IS NOT NULL AND ${OPEN}`,
  ))
    push({
      key: `control:${r.id}`,
      kind: 'control',
      appealId: String(r.id),
      title: 'Контроль рассмотрения',
      assigneeId: String(r.controller),
      authorId: null,
      dueAt: r.due as number | null,
    });
  for (const r of all(`SELECT d.id, d.appeal_id AS appeal, d.kind, d.org_name AS org, d.created_by AS author, d.due_at AS due
      FROM dispatches d WHERE d.on_control = 1`))
    push({
      key: `dispatch:${r.id}`,
      kind: 'dispatch',
      appealId: String(r.appeal),
      title: `${r.kind === 'instruction' ? 'Поручение' : 'Перенаправлено'} на контроле: ${r.org ?? ''}`,
      assigneeId: String(r.author),
      authorId: String(r.author),
      dueAt: r.due as number | null,
    });
  return tasks;
}

/**
 * `tasks:list` [4.9]: «назначенные пользователю» (I must act), «назначенные пользователем» (I set the
 * task), the organisation's list and the appeals and letters on control. An executor sees only the
 * first two; the clerk and heads see all lists.
 */
export function listTasks(ctx: CallContext, q: TaskListQuery): { rows: TaskRow[] } {
  const user = requireUser(ctx);
  if (!visibleTaskLists(user.roles).includes(q.list))
    throw new AppError('NOT_ALLOWED', 'Список задач организации доступен делопроизводителю и руководителям');
  const signer = user.roles.includes('signer');
  const keep = (t: OpenTask) => {
    switch (q.list) {
      case 'mine':
        return t.assigneeId === user.id || (t.assigneeId === null && signer);
      case 'byMe':
        return t.authorId === user.id;
      case 'control':
        return t.kind === 'control' || t.kind === 'dispatch';
      default:
        return true;
    }
  };
  const now = ctx.clock();
  const windows = deadlineWindows(now, organisationCalendar(ctx.store.db));
  const selected = openTasks(ctx).filter(keep);
  const appealIds = [...new Set(selected.map((t) => t.appealId))];
  const appealInfo = new Map<
    string,
    { regNumber: string | null; applicant: string; summary: string; status: string }
  >();
  const byId = ctx.store.sqlite.prepare(
    'SELECT reg_number AS regNumber, applicant_display AS applicant, summary, status FROM appeals WHERE id = ?',
  );
  for (const id of appealIds)
    appealInfo.set(
      id,
      byId.get(id) as { regNumber: string | null; applicant: string; summary: string; status: string },
    );
  const names = new Map(
    (ctx.store.sqlite.prepare('SELECT id, full_name AS name FROM users').all() as { id: string; name: string }[]).map(
      (u) => [u.id, u.name],
    ),
  );
  const rows: TaskRow[] = selected.map((t) => {
    const appeal = appealInfo.get(t.appealId);
    return {
      key: t.key,
      kind: t.kind,
      appealId: t.appealId,
      regNumber: appeal?.regNumber ?? null,
      applicant: appeal?.applicant ?? '',
      summary: appeal?.summary ?? '',
      title: t.title,
      assignee:
        t.assigneeId === null ? 'Руководитель организации (подпись)' : (names.get(t.assigneeId) ?? t.assigneeId),
      author: t.authorId === null ? '' : (names.get(t.authorId) ?? t.authorId),
      dueAt: t.dueAt === null ? null : toMinskIso(new Date(t.dueAt)),
      deadlineState: t.dueAt === null ? null : deadlineState(t.dueAt, windows),
    };
  });
  const filtered = q.deadline ? rows.filter((r) => r.deadlineState === q.deadline) : rows;
  const sign = q.dir === 'asc' ? 1 : -1;
  const key = (r: TaskRow) =>
    q.sort === 'dueAt' ? (r.dueAt ?? '9999') : q.sort === 'regNumber' ? (r.regNumber ?? '') : r.assignee;
  filtered.sort((a, b) => sign * key(a).localeCompare(key(b), 'ru', { numeric: true }));
  return { rows: filtered.slice(0, q.limit) };
}
