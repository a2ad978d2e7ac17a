import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type WorkingCopy } from '../../../db/open';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { bulkSeedDemo } from '../../../electron/services/demo/bulk-seed';
import { type SeedOptions, seedDemo } from '../../../electron/services/demo/seed-demo';

const NOW = new Date('2026-10-05T11:00:00+03:00');
const OPTIONS: SeedOptions = { appeals: 400, seed: 5, now: NOW, batchSize: 150 };

interface Seeded {
  dir: string;
  store: WorkingCopy;
  result: Awaited<ReturnType<typeof seedDemo>>;
}

async function seeded(seed: typeof seedDemo): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'arm-bulk-seed-'));
  const store = openDatabase(dir);
  const result = await seed(store, new AttachmentStore(join(dir, 'attachments')), OPTIONS);
  return { dir, store, result };
}

/**
 * A table's rows in insertion order with every random id (UUIDv7 of appeals, commands, the
 * organisation) replaced by the appeal's local id or a placeholder, so two seeds compare as values.
 */
function rows(sqlite: Database.Database, sql: string): unknown[] {
  const ids = new Map(
    (sqlite.prepare('SELECT id, local_id FROM appeals').all() as { id: string; local_id: number }[]).map((r) => [
      r.id,
      `appeal#${r.local_id}`,
    ]),
  );
  const org = (sqlite.prepare('SELECT id FROM organisations').get() as { id: string }).id;
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return (sqlite.prepare(sql).all() as Record<string, unknown>[]).map((row) =>
    JSON.parse(JSON.stringify(row).replace(uuid, (id) => ids.get(id) ?? (id === org ? 'org' : 'uuid'))),
  );
}

let service: Seeded;
let bulk: Seeded;
beforeAll(async () => {
  service = await seeded(seedDemo);
  bulk = await seeded(bulkSeedDemo);
}, 120_000);
afterAll(() => {
  for (const s of [service, bulk]) {
    s.store.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
});

describe('bulk seed writes exactly the rows the services write', () => {
  it('the same counts of cards by status and of attachments', () => {
    expect(bulk.result.appeals).toEqual(service.result.appeals);
    expect(service.result.appeals.registered).toBeGreaterThan(250);
    expect(service.result.appeals.received + service.result.appeals.draft).toBeGreaterThan(20);
  });

  it.each([
    ['appeals', 'SELECT * FROM appeals ORDER BY local_id'],
    ['appeal_topics', 'SELECT * FROM appeal_topics ORDER BY rowid'],
    ['attachments', 'SELECT * FROM attachments ORDER BY id'],
    ['history', 'SELECT * FROM history ORDER BY id'],
    [
      'outbox',
      'SELECT seq, command_id, type, appeal_id, payload, created_at, state, attempts FROM outbox ORDER BY seq',
    ],
    ['number_sequences', 'SELECT * FROM number_sequences ORDER BY year, scope'],
  ])('%s', (_table, sql) => {
    const expected = rows(service.store.sqlite, sql);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows(bulk.store.sqlite, sql)).toEqual(expected);
  });

  it('the full-text index finds the same appeals (words, prefixes, ё folded, numbers)', () => {
    const find = (s: Seeded, query: string) =>
      (
        s.store.sqlite.prepare('SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH ? ORDER BY rowid').all(query) as {
          rowid: number;
        }[]
      ).map((r) => r.rowid);
    const regNumber = (
      service.store.sqlite.prepare('SELECT reg_number FROM appeals WHERE reg_number IS NOT NULL LIMIT 1').get() as {
        reg_number: string;
      }
    ).reg_number;
    for (const query of ['ремонт', 'жил*', 'прошу', 'Алена', `"${regNumber}"`]) {
      const expected = find(service, query);
      expect(find(bulk, query)).toEqual(expected);
    }
    expect(find(service, 'жил*').length).toBeGreaterThan(0);
  });
});
