/**
 * The review process's write path: `performReview` (what the `review:perform` handler runs after input
 * parsing: permission and content checks, one IMMEDIATE transaction with the action's rows, history,
 * outbox command and review event) against raw prepared better-sqlite3 statements writing the very
 * same rows into a copy of the same database, one transaction per action, no checks and no reads.
 * Product and raw alternate action by action, so machine noise hits both alike.
 */
import type Database from 'better-sqlite3';
import type { WorkingCopy } from '../db/open';
import type { CallContext } from '../electron/services/context';
import { performReview } from '../electron/services/review/perform-review';
import type { User } from '../shared/appeals/schema';
import { minskDateOf } from '../shared/calendar';
import type { ReviewActionInput, ReviewActionType } from '../shared/review';
import { reviewActionSchema } from '../shared/review';
import { type Latency, latency, round, timeMs } from './lib/stats';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the sync would have stored from the central directory: one subordinate organisation for instructions. */
export const BENCH_DIRECTORY = [
  { id: 'bench-sub', name: 'КУП «ЖЭС № 5»', unp: '190000005', state: true, parentId: null, subordinate: true },
  {
    id: 'bench-state',
    name: 'Министерство жилищно-коммунального хозяйства',
    unp: '100000001',
    state: true,
    parentId: null,
    subordinate: false,
  },
] as const;

type Row = Record<string, unknown>;

/** The demo staff as sessions see them (user + roles), read from the seeded store. */
export function readStaff(sqlite: Database.Database): Map<string, User> {
  const rows = sqlite
    .prepare(
      `SELECT u.id, u.login, u.full_name AS fullName, u.position, group_concat(r.role) AS roles
       FROM users u LEFT JOIN user_roles r ON r.user_id = u.id GROUP BY u.id`,
    )
    .all() as { id: string; login: string; fullName: string; position: string; roles: string | null }[];
  return new Map(
    rows.map((r) => [
      r.login,
      {
        id: r.id,
        login: r.login,
        fullName: r.fullName,
        position: r.position,
        roles: (r.roles ?? '').split(',').filter(Boolean) as User['roles'],
      },
    ]),
  );
}

/**
 * The raw writer: prepared statements on the copy, one IMMEDIATE transaction per action. Each action's
 * values are the rows the product just wrote, read back (untimed) from the product's database.
 */
function rawWriter(sqlite: Database.Database) {
  const columnsOf = (table: string, skip: readonly string[]) =>
    (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !skip.includes(c));
  const insert = (table: string, skip: readonly string[] = []) => {
    const cols = columnsOf(table, skip);
    return sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  };
  return {
    outbox: insert('outbox', ['seq']),
    history: insert('history', ['id']),
    event: insert('review_events'),
    resolution: insert('resolutions'),
    task: insert('resolution_tasks'),
    dispatch: insert('dispatches'),
    appeal: sqlite.prepare(
      'UPDATE appeals SET status = @status, updated_at = @updated_at, version = @version WHERE id = @id',
    ),
    head: sqlite.prepare('UPDATE appeals SET responsible_head_id = @responsible_head_id WHERE id = @id'),
    control: sqlite.prepare(
      'UPDATE appeals SET control_by = @control_by, control_due_at = @control_due_at, control_note = @control_note WHERE id = @id',
    ),
    taskResult: sqlite.prepare(
      `UPDATE resolution_tasks SET state = @state, result_text = @result_text, result_at = @result_at,
       reject_reason = @reject_reason WHERE resolution_id = @resolution_id AND executor_id = @executor_id`,
    ),
    taskState: sqlite.prepare(
      'UPDATE resolution_tasks SET state = @state WHERE resolution_id = @resolution_id AND executor_id = @executor_id',
    ),
    summary: sqlite.prepare(
      `UPDATE resolutions SET state = @state, summary_text = @summary_text, summary_at = @summary_at,
       summary_by = @summary_by, return_reason = @return_reason WHERE id = @id`,
    ),
    sign: sqlite.prepare(
      'UPDATE resolutions SET state = @state, signed_by = @signed_by, signed_at = @signed_at WHERE id = @id',
    ),
    transaction: (fn: () => void) => sqlite.transaction(fn).immediate(),
  };
}
type RawWriter = ReturnType<typeof rawWriter>;

/** Reads back what the product's last action wrote and returns the raw writes of the same rows. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function cached(sqlite: Database.Database, sql: string): Database.Statement {
  let map = statements.get(sqlite);
  if (!map) {
    map = new Map();
    statements.set(sqlite, map);
  }
  let statement = map.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    map.set(sql, statement);
  }
  return statement;
}

function readBack(product: Database.Database, type: ReviewActionType, appealId: string) {
  const one = (sql: string, ...params: unknown[]) => cached(product, sql).get(...params) as Row;
  const outbox = one('SELECT * FROM outbox ORDER BY seq DESC LIMIT 1');
  const history = one('SELECT * FROM history ORDER BY id DESC LIMIT 1');
  const event = one('SELECT * FROM review_events WHERE command_id = ?', outbox.command_id);
  const appeal = one('SELECT * FROM appeals WHERE id = ?', appealId);
  const command = JSON.parse(String(outbox.payload)) as {
    entityId: string | null;
    actor: { id: string };
    action: { resolutionId?: string; executorId?: string };
  };
  const taskOf = (executorId: string | undefined) =>
    one(
      'SELECT * FROM resolution_tasks WHERE resolution_id = ? AND executor_id = ?',
      command.action.resolutionId,
      executorId,
    );
  const specific: ((w: RawWriter) => void)[] = [];
  switch (type) {
    case 'assignResponsible':
      specific.push((w) => w.head.run(appeal));
      break;
    case 'createResolution': {
      const resolution = one('SELECT * FROM resolutions WHERE id = ?', command.entityId);
      const tasks = cached(product, 'SELECT * FROM resolution_tasks WHERE resolution_id = ? ORDER BY position').all(
        command.entityId,
      ) as Row[];
      specific.push((w) => {
        w.resolution.run(resolution);
        for (const t of tasks) w.task.run(t);
      });
      break;
    }
    case 'submitResult': {
      const task = taskOf(command.actor.id);
      specific.push((w) => w.taskResult.run(task));
      break;
    }
    case 'acceptResult': {
      const task = taskOf(command.action.executorId);
      specific.push((w) => w.taskState.run(task));
      break;
    }
    case 'submitSummary': {
      const resolution = one('SELECT * FROM resolutions WHERE id = ?', command.action.resolutionId);
      specific.push((w) => w.summary.run(resolution));
      break;
    }
    case 'signSummary': {
      const resolution = one('SELECT * FROM resolutions WHERE id = ?', command.action.resolutionId);
      const dispatch = one('SELECT * FROM dispatches WHERE id = ?', command.entityId);
      specific.push((w) => {
        w.sign.run(resolution);
        w.dispatch.run(dispatch);
      });
      break;
    }
    case 'setControl':
      specific.push((w) => w.control.run(appeal));
      break;
    case 'sendInstruction': {
      const dispatch = one('SELECT * FROM dispatches WHERE id = ?', command.entityId);
      specific.push((w) => w.dispatch.run(dispatch));
      break;
    }
    default:
      throw new Error(`no raw writes for ${type}`);
  }
  return (w: RawWriter) =>
    w.transaction(() => {
      for (const write of specific) write(w);
      w.appeal.run(appeal);
      w.history.run(history);
      w.outbox.run(outbox);
      w.event.run(event);
    });
}

interface Candidate {
  id: string;
  head: string | null;
  deadline: number;
  registeredAt: number;
}

export interface ActionFigures {
  count: number;
  product: { seconds: number; actionsPerSecond: number; latency: Latency };
  raw: { seconds: number; actionsPerSecond: number; latency: Latency };
  /** product actions/s ÷ raw actions/s (1 = as fast as the raw writes). */
  ratio: number;
}

export interface ProcessFigures {
  /** Registered appeals taken through the process (the most recently registered ones). */
  appeals: number;
  skipped: number;
  /** Appeals per stage reached (every resolution has two executors). */
  stages: Record<string, number>;
  byType: Record<string, ActionFigures>;
  all: ActionFigures;
}

const STAGES = [
  'resolution',
  'resolution',
  'resolution',
  'resultSubmitted',
  'resultSubmitted',
  'resultsAccepted',
  'awaitingSignature',
  'awaitingSignature',
  'executed',
  'executed',
] as const;
const STAGE_RANK = {
  resolution: 0,
  resultSubmitted: 1,
  resultsAccepted: 2,
  awaitingSignature: 3,
  executed: 4,
} as const;

/**
 * Takes the `count` most recently registered appeals through the review process as the demo staff
 * (like `seedReviewScenarios`): the clerk assigns a head where none is set, the head creates a
 * resolution with two executors (the responsible one alternating), and by stages (30 / 20 / 10 / 20 / 20 %)
 * the co-executor submits, the responsible executor accepts it and submits their own, forms the
 * summary, the signer signs; every 10th appeal goes on control, every 20th gets an instruction on
 * control to a subordinate organisation. Phase by phase (all resolutions first), each appeal's clock
 * 3 hours after its previous action, starting a day after registration, never after `now`.
 */
export function runProcess(
  base: CallContext,
  raw: WorkingCopy,
  count: number,
  now: Date,
  log: (message: string) => void,
): ProcessFigures {
  const { sqlite } = base.store;
  const staff = readStaff(sqlite);
  const user = (login: string) => {
    const u = staff.get(login);
    if (!u) throw new Error(`demo user ${login} is missing`);
    return u;
  };
  const byId = new Map([...staff.values()].map((u) => [u.id, u]));
  const heads = [...staff.values()].filter((u) => u.roles.includes('head'));
  const executor = user('executor');
  const executor2 = user('executor2');
  const candidates = sqlite
    .prepare(
      `SELECT id, responsible_head_id AS head, deadline_at AS deadline, registered_at AS registeredAt FROM appeals
       WHERE status = 'registered' AND registered_at IS NOT NULL AND deadline_at IS NOT NULL
       ORDER BY registered_at DESC LIMIT ?`,
    )
    .all(count) as Candidate[];

  const writer = rawWriter(raw.sqlite);
  const samples = new Map<string, { product: number[]; raw: number[] }>();
  const clock = new Map(candidates.map((c) => [c.id, c.registeredAt + DAY_MS]));
  let done = 0;
  const act = (login: string, appeal: Candidate, action: ReviewActionInput) => {
    const at = Math.min((clock.get(appeal.id) ?? 0) + 3 * HOUR_MS, now.getTime());
    clock.set(appeal.id, at);
    const ctx: CallContext = { ...base, clock: () => new Date(at), session: { user: user(login) } };
    const parsed = reviewActionSchema.parse(action);
    let result: ReturnType<typeof performReview> | undefined;
    const productMs = timeMs(() => {
      result = performReview(ctx, { appealId: appeal.id, expectedVersion: null, action: parsed });
    });
    const rawWrite = readBack(sqlite, parsed.type, appeal.id);
    const rawMs = timeMs(() => rawWrite(writer));
    const s = samples.get(parsed.type) ?? { product: [], raw: [] };
    s.product.push(productMs);
    s.raw.push(rawMs);
    samples.set(parsed.type, s);
    if (++done % 2000 === 0) log(`review: ${done} actions`);
    return result;
  };

  // Phase 1: a responsible head for every appeal that has none; skip appeals whose term leaves no room.
  const taken: { appeal: Candidate; head: User; responsible: User; other: User; stage: (typeof STAGES)[number] }[] = [];
  let skipped = 0;
  candidates.forEach((appeal, i) => {
    const dueDate = minskDateOf(new Date(appeal.deadline));
    const firstAction = Math.min(appeal.registeredAt + DAY_MS + 6 * HOUR_MS, now.getTime());
    if (dueDate < minskDateOf(new Date(firstAction))) {
      skipped++;
      return;
    }
    let head = byId.get(appeal.head ?? '');
    if (!head) {
      head = heads[i % heads.length] as User;
      act('clerk', appeal, { type: 'assignResponsible', headId: head.id });
    }
    const [responsible, other] = i % 2 === 0 ? [executor, executor2] : [executor2, executor];
    taken.push({ appeal, head, responsible, other, stage: STAGES[i % STAGES.length] ?? 'resolution' });
  });
  log(`review: ${taken.length} appeals (${skipped} skipped), heads assigned`);
  // Phase 2: resolutions.
  const resolutionOf = new Map<string, string>();
  for (const t of taken) {
    const dueDate = minskDateOf(new Date(t.appeal.deadline));
    const created = act(t.head.login, t.appeal, {
      type: 'createResolution',
      text: 'Рассмотреть обращение, проверить изложенные факты и подготовить проект ответа заявителю.',
      executors: [
        { userId: t.responsible.id, dueDate },
        { userId: t.other.id, dueDate },
      ],
      responsibleUserId: t.responsible.id,
    });
    resolutionOf.set(t.appeal.id, created?.entityId ?? '');
  }
  log('review: resolutions created');
  const at = (rank: number) => taken.filter((t) => STAGE_RANK[t.stage] >= rank);
  // Phase 3: the co-executor's result (a check task for the responsible executor).
  for (const t of at(1))
    act(t.other.login, t.appeal, {
      type: 'submitResult',
      resolutionId: resolutionOf.get(t.appeal.id) ?? '',
      text: 'Факты проверены на месте, составлен акт обследования.',
    });
  // Phase 4: accepted, and the responsible executor's own result (a summary task).
  for (const t of at(2)) {
    const resolutionId = resolutionOf.get(t.appeal.id) ?? '';
    act(t.responsible.login, t.appeal, { type: 'acceptResult', resolutionId, executorId: t.other.id });
    act(t.responsible.login, t.appeal, { type: 'submitResult', resolutionId, text: 'Подготовлен проект ответа.' });
  }
  // Phase 5: the summary (a signature task); phase 6: signed.
  for (const t of at(3))
    act(t.responsible.login, t.appeal, {
      type: 'submitSummary',
      resolutionId: resolutionOf.get(t.appeal.id) ?? '',
      text: 'Изложенные факты подтвердились; работы включены в план на текущий месяц.',
    });
  for (const t of at(4))
    act('signer', t.appeal, { type: 'signSummary', resolutionId: resolutionOf.get(t.appeal.id) ?? '' });
  log('review: results, summaries, signatures');
  // Phase 7: control and instructions on control.
  taken.forEach((t, i) => {
    const dueDate = minskDateOf(new Date(t.appeal.deadline));
    if (dueDate < minskDateOf(new Date(Math.min((clock.get(t.appeal.id) ?? 0) + 6 * HOUR_MS, now.getTime())))) return;
    if (i % 10 === 1)
      act('clerk', t.appeal, { type: 'setControl', controllerId: t.head.id, dueDate, note: 'Контроль руководства' });
    if (i % 20 === 7)
      act(t.head.login, t.appeal, {
        type: 'sendInstruction',
        orgId: BENCH_DIRECTORY[0].id,
        text: 'Провести обследование и сообщить о принятых мерах.',
        dueDate,
      });
  });

  const figures = (product: number[], rawMs: number[]): ActionFigures => {
    const p = product.reduce((a, b) => a + b, 0) / 1000;
    const r = rawMs.reduce((a, b) => a + b, 0) / 1000;
    return {
      count: product.length,
      product: { seconds: round(p, 3), actionsPerSecond: Math.round(product.length / p), latency: latency(product) },
      raw: { seconds: round(r, 3), actionsPerSecond: Math.round(rawMs.length / r), latency: latency(rawMs) },
      ratio: round(r / p, 3),
    };
  };
  const byType = Object.fromEntries([...samples].map(([type, s]) => [type, figures(s.product, s.raw)]));
  const all = figures(
    [...samples.values()].flatMap((s) => s.product),
    [...samples.values()].flatMap((s) => s.raw),
  );
  const stages: Record<string, number> = {};
  for (const t of taken) stages[t.stage] = (stages[t.stage] ?? 0) + 1;
  return { appeals: taken.length, skipped, stages, byType, all };
}
