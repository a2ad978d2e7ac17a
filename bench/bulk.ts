/**
 * Bulk registration through the service layer (`seedDemo` → `registerInTx`: validation, number,
 * deadline, history, outbox, FTS) against raw better-sqlite3 prepared INSERTs of the very same rows
 * into the same schema (same migrations, pragmas and FTS triggers), batch for batch.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, type WorkingCopy } from '../db/open';
import { AttachmentStore } from '../electron/services/attachments/attachment-store';
import { seedDemo } from '../electron/services/demo/seed-demo';
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
