import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/open';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import type { CallContext } from '../../../electron/services/context';
import { bulkSeedDemo } from '../../../electron/services/demo/bulk-seed';
import { demoUserId, seedDemo } from '../../../electron/services/demo/seed-demo';
import { REDIRECTED_IN_NOTE } from '../../../electron/services/reports/dimensions';
import type { Role } from '../../../shared/appeals';

/** When the generated world is looked at: deadlines are "overdue now" against this instant. */
export const NOW = new Date('2026-11-20T12:00:00+03:00');
/** Minsk midnight of 1 March 2026 and the last millisecond before it. */
export const MARCH_START = new Date('2026-03-01T00:00:00+03:00').getTime();

/**
 * Generated demo appeals (some through the review process) plus, written straight into the tables,
 * the cases reports must get right: withdrawn, redirected (whole and by questions) and incoming
 * redirected appeals, questions with executors and results, and registrations exactly at the
 * Minsk midnight that starts March 2026 and one millisecond before it.
 */
export async function makeReportWorld(appeals = 600, seeding: 'services' | 'bulk' = 'services') {
  const dataDir = mkdtempSync(join(tmpdir(), 'arm-reports-'));
  const store = openDatabase(dataDir);
  const files = new AttachmentStore(join(dataDir, 'attachments'));
  await (seeding === 'bulk' ? bulkSeedDemo : seedDemo)(store, files, { appeals, seed: 7, now: NOW, review: true });
  const { sqlite } = store;
  const ids = (
    sqlite.prepare(`SELECT id FROM appeals WHERE status = 'registered' ORDER BY local_id DESC`).all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const pick = (from: number, n: number) => ids.slice(from, from + n);
  const day = 86_400_000;
  sqlite.transaction(() => {
    for (const id of pick(0, 15))
      sqlite
        .prepare(`UPDATE appeals SET status = 'withdrawn', closed_at = registered_at + 2 * ${day} WHERE id = ?`)
        .run(id);
    // Redirected after the deadline: closed late.
    for (const id of pick(15, 12))
      sqlite.prepare(`UPDATE appeals SET status = 'redirected', closed_at = deadline_at + ${day} WHERE id = ?`).run(id);
    for (const id of pick(27, 10))
      sqlite
        .prepare(`UPDATE appeals SET status = 'completed', closed_at = registered_at + 5 * ${day} WHERE id = ?`)
        .run(id);
    for (const id of pick(37, 8))
      sqlite.prepare(`UPDATE appeal_topics SET redirected_to = 'org-x' WHERE appeal_id = ? AND position = 0`).run(id);
    for (const id of pick(45, 9))
      sqlite.prepare(`UPDATE appeals SET notes = ? WHERE id = ?`).run(`${REDIRECTED_IN_NOTE} «Мингорисполком»`, id);
    for (const [i, id] of pick(60, 40).entries()) {
      const executor = demoUserId(i % 2 === 0 ? 'executor' : 'executor2');
      const result = ['supported', 'not_supported', 'explained', ''][i % 4];
      sqlite
        .prepare('UPDATE appeal_topics SET executor_id = ?, result = ? WHERE appeal_id = ?')
        .run(executor, result, id);
    }
    // Period boundaries at Minsk midnight: two in March, two in February.
    const boundary = [MARCH_START, MARCH_START + 1, MARCH_START - 1, MARCH_START - 1000];
    for (const [i, id] of pick(100, 4).entries())
      sqlite.prepare('UPDATE appeals SET registered_at = ? WHERE id = ?').run(boundary[i], id);
  })();
  const reportAuthor: CallContext = {
    store,
    files,
    clock: () => NOW,
    mode: 'browser',
    version: 'test',
    sync: null,
    demoLogin: null,
    session: {
      user: {
        id: demoUserId('reports'),
        login: 'reports',
        fullName: 'Соколова Марина Игоревна',
        position: '',
        roles: ['report_author'],
      },
    },
  };
  return {
    dataDir,
    store,
    sqlite,
    reportAuthor,
    as: (login: string, roles: Role[]): CallContext => ({
      ...reportAuthor,
      session: { user: { id: demoUserId(login), login, fullName: login, position: '', roles } },
    }),
    cleanup: () => {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
