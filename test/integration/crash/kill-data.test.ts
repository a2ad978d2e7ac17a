import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type WorkingCopy } from '../../../db/open';
import { appeals } from '../../../db/schema';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { backupsRoot, cleanInterrupted } from '../../../electron/services/backup/backup-files';
import { BackupManager } from '../../../electron/services/backup/backup-manager';
import { referencedFiles, verifyBackupDir } from '../../../electron/services/backup/verify-backup';
import { bundleChild, ROOT, runKillable } from '../../helpers/killable-child';
import { draft, makeTestServices } from '../../helpers/test-services';

/**
 * kill -9 in the middle of registration, JSON import, backup and restore (issue #10, crash safety).
 * CRASH_KILLS sets how many kills each scenario makes (default: a few dozen, for CI); e.g.
 * `CRASH_KILLS=300 npx vitest run test/integration/crash` for hundreds locally.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const MIGRATIONS = join(ROOT, 'db/migrations');
/** A kill, the reopen and the checks take a few seconds on a busy machine. */
const TIMEOUT_MS = 60_000 + KILLS * 8_000;
let child: Awaited<ReturnType<typeof bundleChild>>;

beforeAll(async () => {
  child = await bundleChild(fileURLToPath(new URL('./crash-child.ts', import.meta.url)));
});
afterAll(() => child?.cleanup());

/** What the child's log says: keys whose operation committed (`ok`) and those merely begun. */
function ledger(out: string, committed: Map<string, number>, begun: Set<string>): void {
  for (const line of out.split('\n')) {
    const [state, op, keys] = [
      line.slice(0, line.indexOf(' ')),
      line.split(' ')[1],
      line.split(' ').slice(2).join(' '),
    ];
    if ((op !== 'register' && op !== 'import') || !keys) continue;
    for (const k of keys.split('|')) {
      if (state === 'begin') begun.add(k);
      if (state === 'ok') committed.set(k, (committed.get(k) ?? 0) + 1);
    }
  }
}

/** Reopens the data folder as the app does and checks what must hold after any crash. */
function reopenAndCheck(dataDir: string, check: (store: WorkingCopy) => void): void {
  cleanInterrupted(dataDir);
  const store = openDatabase(dataDir, { migrationsFolder: MIGRATIONS });
  try {
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // No card refers to a missing or half-written file: each referenced file is whole under its hash.
    for (const sha of referencedFiles(store.sqlite)) {
      const bytes = readFileSync(join(dataDir, 'attachments', sha.slice(0, 2), sha));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    }
    check(store);
  } finally {
    store.close();
  }
}

describe('kill -9 at random moments', () => {
  it(
    'registration, import and backup: integrity ok, committed appeals exactly once, no dangling files',
    async () => {
      const t = makeTestServices();
      t.services.store.close();
      const committed = new Map<string, number>();
      const begun = new Set<string>();
      let midWork = 0;
      const delays = fc.sample(fc.integer({ min: 0, max: 1000 }), { numRuns: KILLS, seed: 10 });
      for (const [run, ms] of delays.entries()) {
        const result = await runKillable(child.script, [t.dataDir, MIGRATIONS, 'work', String(run)], ms);
        if (result.killed) midWork += 1;
        ledger(result.out, committed, begun);
        reopenAndCheck(t.dataDir, (store) => {
          const summaries = store.db
            .select({ summary: appeals.summary })
            .from(appeals)
            .all()
            .map((r) => r.summary);
          const counts = new Map<string, number>();
          for (const s of summaries) counts.set(s, (counts.get(s) ?? 0) + 1);
          for (const k of committed.keys()) expect(counts.get(k), k).toBe(1);
          for (const [k, n] of counts) {
            expect(n, k).toBe(1);
            expect(begun.has(k), k).toBe(true);
          }
          // Every backup that exists is whole and verifies (a run killed early has not made the folder yet).
          const backups = backupsRoot(t.dataDir);
          for (const id of existsSync(backups) ? readdirSync(backups) : []) {
            expect(verifyBackupDir(join(backups, id), new Date()).problems).toEqual([]);
          }
        });
      }
      // A last run without a kill finishes any import left pending and proves the folder still works.
      const last = await runKillable(child.script, [t.dataDir, MIGRATIONS, 'work', '999999'], null);
      ledger(last.out, committed, begun);
      reopenAndCheck(t.dataDir, (store) => {
        // Committed ones exactly once (checked above); a registration killed after its commit but before
        // it printed `ok` is there too — at most once.
        const present = store.db.select({ summary: appeals.summary }).from(appeals).all();
        expect(present.length).toBeGreaterThanOrEqual(committed.size);
        expect(present.every((r) => begun.has(r.summary))).toBe(true);
      });
      console.info(`kill -9 (work): ${midWork} of ${KILLS} kills landed mid-work; ${committed.size} appeals committed`);
      expect(midWork).toBeGreaterThan(KILLS / 2);
      t.cleanup();
    },
    TIMEOUT_MS,
  );

  it(
    'restore: after a kill the database is either the old one or the new one',
    async () => {
      const t = makeTestServices();
      const manager = new BackupManager({
        dataDir: t.dataDir,
        store: t.services.store,
        files: t.services.files,
        clock: () => new Date(),
        version: 'test',
        openOptions: {},
      });
      const counts = new Set<number>();
      for (const summary of ['Первое', 'Второе обращение']) {
        registerAppeal(t.clerk, { id: null, draft: draft({ summary }), expectedVersion: null });
        counts.add((await manager.create('manual', { login: 'test', userId: null })).appeals);
      }
      t.services.store.close();
      let killed = 0;
      const delays = fc.sample(fc.integer({ min: 0, max: 400 }), { numRuns: KILLS, seed: 11 });
      for (const ms of delays) {
        if ((await runKillable(child.script, [t.dataDir, MIGRATIONS, 'restore', '0'], ms)).killed) killed += 1;
        reopenAndCheck(t.dataDir, (store) => {
          expect(counts.has(store.db.select().from(appeals).all().length)).toBe(true);
        });
      }
      console.info(`kill -9 (restore): ${killed} of ${KILLS} kills landed mid-restore`);
      expect(killed).toBeGreaterThan(KILLS / 2);
      t.cleanup();
    },
    TIMEOUT_MS,
  );
});
