import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commandResultsSchema } from '../../../shared/sync/protocol';
import { filedAppeal, type Harness, harness, registerCommand, registeredCard } from './central-fixture';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'central-db-'));
afterEach(async () => {
  await h?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = async (commands: unknown[]) =>
  commandResultsSchema.parse((await h.call('POST', '/api/v1/commands', { body: { commands } })).json()).results;

describe('the data folder', () => {
  it('keeps command outcomes, the number sequence and the feed across a restart', async () => {
    h = await harness(dir);
    const command = registerCommand(registeredCard());
    h.server.fileAppeal('org-a', filedAppeal());
    expect((await send([command]))[0]?.regNumber).toBe('ОГ-2026-1');
    await h.server.close();

    h = await harness(dir);
    expect((await send([command]))[0]).toEqual({ id: command.id, outcome: 'duplicate', regNumber: 'ОГ-2026-1' });
    expect((await send([registerCommand(registeredCard())]))[0]?.regNumber).toBe('ОГ-2026-2');
    const feed = (await h.call('GET', '/api/v1/changes')).json() as { changes: { type: string }[]; next: number };
    expect(feed.changes.map((c) => c.type)).toEqual([
      'appeal.filed',
      'appeal.registered',
      'appeal.numbered',
      'appeal.registered',
      'appeal.numbered',
    ]);
    expect(feed.next).toBe(5);
  });

  it('is SQLite in WAL mode with FULL sync and foreign keys', async () => {
    h = await harness(dir);
    await h.server.close();
    expect(existsSync(join(dir, 'central.db'))).toBe(true);
    const db = new Database(join(dir, 'central.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining(['appeals', 'changes', 'commands', 'files', 'number_sequences', 'organisations']),
      );
    } finally {
      db.close();
    }
    h = await harness(dir);
    const { db: live } = h.server.context;
    expect(live.pragma('synchronous', { simple: true })).toBe(2);
    expect(live.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
