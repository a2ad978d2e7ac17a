/**
 * Bulk registration through the service layer (`seedDemo` → `registerInTx`: validation, number,
 * deadline, history, outbox, FTS) against raw better-sqlite3 prepared INSERTs of the very same rows
 * into the same schema (same migrations, pragmas and FTS triggers), batch for batch.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { inTransaction, openDatabase, type WorkingCopy } from '../db/open';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import type { CallContext } from '../electron/services/context';
import { bulkSeedDemo } from '../electron/services/demo/bulk-seed';
import { seedDemo } from '../electron/services/demo/seed-demo';
import { performReview } from '../electron/services/review/perform-review';
import type { User } from '../shared/appeals/schema';
import { minskDateOf } from '../shared/calendar';
import { reviewActionSchema } from '../shared/review';
import { round } from './lib/stats';

export const BATCH = 2000;

export interface SeedFigures {
  appeals: number;
  registered: number;
  drafts: number;
  /** Wall time of `seedDemo` (password hashing, dictionaries, generation, validation, writing). */
  totalSeconds: number;
  generateSeconds: number;
  /** Validation + transactions of the cards: what the registration rate is computed from. */
  writeSeconds: number;
  rowsPerSecond: number;
}

export async function seedThroughServices(store: WorkingCopy, dataDir: string, n: number, seed: number, now: Date) {
  const started = performance.now();
  const result = await seedDemo(store, new AttachmentStore(join(dataDir, 'attachments')), { appeals: n, seed, now });
  const total = (performance.now() - started) / 1000;
  const figures: SeedFigures = {
    appeals: n,
    registered: result.appeals.registered,
    drafts: result.appeals.received + result.appeals.draft,
    totalSeconds: round(total),
    generateSeconds: round(result.timings.generateMs / 1000),
    writeSeconds: round(result.timings.writeMs / 1000),
    rowsPerSecond: Math.round(n / (result.timings.writeMs / 1000)),
  };
  return figures;
}

type Row = Record<string, unknown>;

function columnsOf(sqlite: Database.Database, table: string): string[] {
  return (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function insertStatement(sqlite: Database.Database, table: string, columns: readonly string[]) {
  return sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
}

export interface RawFigures {
  /** `appeals` rows only (the anchor's "raw prepared INSERT with FTS triggers"). */
  appealsOnly: { seconds: number; rowsPerSecond: number };
  /** The same appeals plus every row registration writes with them: topics, attachments, history, outbox. */
  allRows: { seconds: number; rowsPerSecond: number; childRows: number };
}

/** Copies the organisation and users, then inserts the source's rows page by page, timing only the inserts. */
function rawCopy(source: Database.Database, targetDir: string, withChildren: boolean) {
  const target = openDatabase(targetDir);
  const { sqlite } = target;
  try {
    for (const table of ['organisations', 'users', 'user_roles', 'topics', 'territories', 'applicant_categories']) {
      const cols = columnsOf(source, table);
      const insert = insertStatement(sqlite, table, cols);
      const rows = source.prepare(`SELECT * FROM ${table}`).all() as Row[];
      sqlite.transaction(() => {
        for (const r of rows) insert.run(r);
      })();
    }
    const children = withChildren ? ['appeal_topics', 'attachments', 'history', 'outbox'] : [];
    const inserts = new Map(
      ['appeals', ...children].map((t) => [t, insertStatement(sqlite, t, columnsOf(source, t))] as const),
    );
    const page = source.prepare('SELECT * FROM appeals WHERE local_id > ? ORDER BY local_id LIMIT ?');
    const childPage = (table: string) =>
      source.prepare(
        `SELECT c.* FROM ${table} c JOIN appeals a ON a.id = c.appeal_id WHERE a.local_id > ? AND a.local_id <= ?`,
      );
    const childQueries = new Map(children.map((t) => [t, childPage(t)] as const));
    let last = 0;
    let ms = 0;
    let rows = 0;
    let childRows = 0;
    for (;;) {
      const appealRows = page.all(last, BATCH) as Row[];
      if (appealRows.length === 0) break;
      const upTo = Number(appealRows[appealRows.length - 1]?.local_id);
      const childData = children.map((t) => [t, childQueries.get(t)?.all(last, upTo) as Row[]] as const);
      const insertAppeal = inserts.get('appeals');
      const start = performance.now();
      sqlite.transaction(() => {
        for (const r of appealRows) insertAppeal?.run(r);
        for (const [table, data] of childData) {
          const insert = inserts.get(table);
          for (const r of data) insert?.run(r);
          childRows += data.length;
        }
      })();
      ms += performance.now() - start;
      rows += appealRows.length;
      last = upTo;
    }
    return { seconds: round(ms / 1000), rowsPerSecond: Math.round(rows / (ms / 1000)), childRows };
  } finally {
    target.close();
  }
}

export function rawBaselines(source: Database.Database, dirFor: (name: string) => string): RawFigures {
  const appealsOnly = rawCopy(source, dirFor('raw-appeals'), false);
  const allRows = rawCopy(source, dirFor('raw-all'), true);
  return {
    appealsOnly: { seconds: appealsOnly.seconds, rowsPerSecond: appealsOnly.rowsPerSecond },
    allRows,
  };
}

/** Seeds through the bulk path (`bulkSeedDemo`: the services' rows, written in large batches). */
export async function seedInBulk(store: WorkingCopy, dataDir: string, n: number, seed: number, now: Date) {
  const started = performance.now();
  const result = await bulkSeedDemo(store, new AttachmentStore(join(dataDir, 'attachments')), {
    appeals: n,
    seed,
    now,
  });
  return {
    appeals: n,
    registered: result.appeals.registered,
    drafts: result.appeals.received + result.appeals.draft,
    totalSeconds: round((performance.now() - started) / 1000),
    generateSeconds: round(result.timings.generateMs / 1000),
    writeSeconds: round(result.timings.writeMs / 1000),
    rowsPerSecond: Math.round(n / (result.timings.writeMs / 1000)),
  } satisfies SeedFigures;
}

const DAY_MS = 86_400_000;
const RESULTS = ['supported', 'not_supported', 'explained'] as const;

/**
 * Takes `limit` registered appeals older than 40 days, spread evenly, through the review process with
 * `performReview` as the demo staff (so every row is the service's: statuses, closed_at, results,
 * resolutions and tasks, control, history, outbox), `PER_TRANSACTION` actions per outer transaction
 * (each action is a savepoint of it). By the appeal's position: 35 % answered (completed with a result
 * per question, 1–25 days after registration), 10 % resolutions with two executors (half with one
 * result submitted), 5 % on control, 2.5 % withdrawn, 2.5 % left without consideration.
 * Returns the actions done and refused by type (a refusal is the service's rule, e.g. a date).
 */
export function seedReviewOutcomes(ctx: CallContext, staff: readonly User[], now: Date, limit: number) {
  const { sqlite } = ctx.store;
  const as = (login: string, at: number): CallContext => {
    const user = staff.find((u) => u.login === login);
    if (!user) throw new Error(`demo user ${login} is missing`);
    return { ...ctx, clock: () => new Date(Math.min(at, now.getTime())), session: { user } };
  };
  const heads = new Map(staff.map((u) => [u.id, u.login]));
  const all = sqlite
    .prepare(
      `SELECT local_id AS n, id, registered_at AS at, deadline_at AS deadline, responsible_head_id AS head
       FROM appeals WHERE status = 'registered' AND registered_at < ? ORDER BY local_id`,
    )
    .all(now.getTime() - 40 * DAY_MS) as { n: number; id: string; at: number; deadline: number; head: string | null }[];
  // Every step-th one, so they spread over the whole two years (and the reports' year).
  const step = Math.max(1, Math.floor(all.length / limit));
  const candidates = all.filter((_, i) => i % step === 0).slice(0, limit);
  const topicsOf = sqlite.prepare('SELECT topic_code AS code FROM appeal_topics WHERE appeal_id = ? ORDER BY position');
  const executor = staff.find((u) => u.login === 'executor')?.id ?? '';
  const executor2 = staff.find((u) => u.login === 'executor2')?.id ?? '';
  const done: Record<string, number> = {};
  const refused: Record<string, number> = {};
  const act = (login: string, appealId: string, at: number, action: object) => {
    const parsed = reviewActionSchema.parse(action);
    try {
      const r = performReview(as(login, at), { appealId, expectedVersion: null, action: parsed });
      done[parsed.type] = (done[parsed.type] ?? 0) + 1;
      return r.entityId;
    } catch {
      refused[parsed.type] = (refused[parsed.type] ?? 0) + 1;
      return null;
    }
  };
  const PER_TRANSACTION = 2000;
  for (let from = 0; from < candidates.length; from += PER_TRANSACTION) {
    inTransaction(sqlite, () => {
      for (const a of candidates.slice(from, from + PER_TRANSACTION)) {
        const slot = a.n % 40;
        const dueDate = minskDateOf(new Date(a.deadline));
        if (slot < 14) {
          const codes = (topicsOf.all(a.id) as { code: string }[]).map((t) => t.code);
          act('clerk', a.id, a.at + ((a.n % 25) + 1) * DAY_MS, {
            type: 'complete',
            text: 'Заявителю даны разъяснения по существу обращения.',
            answerForm: 'electronic',
            questionResults: codes.map((topicCode, i) => ({ topicCode, result: RESULTS[(a.n + i) % 3] })),
          });
        } else if (slot < 18 && a.head) {
          const resolutionId = act(heads.get(a.head) ?? '', a.id, a.at + DAY_MS, {
            type: 'createResolution',
            text: 'Рассмотреть обращение, проверить изложенные факты и подготовить проект ответа заявителю.',
            executors: [
              { userId: executor, dueDate },
              { userId: executor2, dueDate },
            ],
            responsibleUserId: slot % 2 === 0 ? executor : executor2,
          });
          if (resolutionId && slot >= 16)
            act(slot % 2 === 0 ? 'executor2' : 'executor', a.id, a.at + 2 * DAY_MS, {
              type: 'submitResult',
              resolutionId,
              text: 'Факты проверены на месте, составлен акт обследования.',
            });
        } else if (slot < 20 && a.head) {
          act('clerk', a.id, a.at + DAY_MS, { type: 'setControl', controllerId: a.head, dueDate, note: '' });
        } else if (slot === 20) {
          act('clerk', a.id, a.at + 3 * DAY_MS, {
            type: 'withdraw',
            note: 'Письменное заявление заявителя об отзыве.',
          });
        } else if (slot === 21) {
          act('clerk', a.id, a.at + 2 * DAY_MS, {
            type: 'leaveWithoutConsideration',
            ground: 'out_of_scope',
            text: 'Обращение оставлено без рассмотрения по существу.',
          });
        }
      }
    });
  }
  return { candidates: candidates.length, done, refused };
}
