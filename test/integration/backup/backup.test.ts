import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appeals, securityEvents } from '../../../db/schema';
import { listAppeals } from '../../../electron/services/appeals/list-appeals';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { BackupManager } from '../../../electron/services/backup/backup-manager';
import { organisationCalendar } from '../../../electron/services/calendar/org-calendar';
import { draft, makeTestServices, TINY_PDF } from '../../helpers/test-services';

let t: ReturnType<typeof makeTestServices>;
let clock = new Date('2026-03-10T10:00:00+03:00');
const actor = { login: 'admin', userId: null };

function manager(keep = 3) {
  const m = new BackupManager({
    dataDir: t.dataDir,
    store: t.services.store,
    files: t.services.files,
    clock: () => clock,
    version: 'test',
    openOptions: {},
  });
  m.saveSettings({ keep, intervalHours: 24 });
  return m;
}

function registerOne(summary = 'О протечке крыши жилого дома') {
  const file = uploadAttachment(t.clerk, { name: 'скан.pdf', dataBase64: TINY_PDF.toString('base64') });
  return registerAppeal(t.clerk, {
    id: null,
    draft: draft({ summary, attachments: [{ sha256: file.sha256, name: 'скан.pdf', participantsList: false }] }),
    expectedVersion: null,
  });
}

const appealCount = () => t.services.store.db.select().from(appeals).all().length;
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

beforeEach(() => {
  clock = new Date('2026-03-10T10:00:00+03:00');
  t = makeTestServices(() => clock);
});
afterEach(() => t.cleanup());

describe('backups', () => {
  it('creates a verified online backup with the database, the files and a manifest', async () => {
    registerOne();
    const made = await manager().create('manual', actor);
    expect(made).toMatchObject({ reason: 'manual', appeals: 1, files: 1, verification: { ok: true, problems: [] } });
    const dir = join(t.dataDir, 'backups', made.id);
    expect(readdirSync(dir).sort()).toEqual(['appeals.db', 'attachments', 'manifest.json', 'verification.json']);
    const events = t.services.store.db.select().from(securityEvents).all();
    expect(events.map((e) => `${e.type}:${e.result}`)).toEqual(['backup-created:success']);
  });

  it('keeps the newest N and makes a scheduled one only when the newest is older than the interval', async () => {
    const m = manager(2);
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await m.create('manual', actor)).id);
      tick(1);
    }
    expect(m.list().map((b) => b.id)).toEqual([ids[2], ids[1]]);
    expect(await m.backupIfDue()).toBeNull();
    tick(24 * 60);
    expect((await m.backupIfDue())?.reason).toBe('scheduled');
  });

  it('verification finds a damaged file and a damaged database', async () => {
    registerOne();
    const m = manager();
    const made = await m.create('manual', actor);
    const dir = join(t.dataDir, 'backups', made.id);
    const [prefix] = readdirSync(join(dir, 'attachments'));
    const [name] = readdirSync(join(dir, 'attachments', prefix ?? ''));
    // The backup's files are hard links to the store's: replace (not modify) the backup's copy.
    const filePath = join(dir, 'attachments', prefix ?? '', name ?? '');
    const bytes = readFileSync(filePath);
    bytes.writeUInt8((bytes.at(-2) ?? 0) ^ 1, bytes.length - 2);
    rmSync(filePath);
    writeFileSync(filePath, bytes);
    const damaged = await m.verify(made.id, actor);
    expect(damaged.verification?.ok).toBe(false);
    expect(damaged.verification?.problems.join(' ')).toMatch(/повреждён/);
    const db = readFileSync(join(dir, 'appeals.db'));
    db.writeUInt8((db.at(-100) ?? 0) ^ 0xff, db.length - 100);
    writeFileSync(join(dir, 'appeals.db'), db);
    expect((await m.verify(made.id, actor)).verification?.problems).toContain('файл базы данных изменён или повреждён');
    await expect(m.restore(made.id, actor)).rejects.toThrow(/не прошла проверку/);
  });

  it('restores a backup into the running app: the same store object now holds the old state', async () => {
    registerOne('Первое обращение о ремонте');
    const m = manager(10);
    const made = await m.create('manual', actor);
    tick(1);
    registerOne('Второе обращение о ремонте');
    expect(appealCount()).toBe(2);
    const store = t.services.store;
    const result = await m.restore(made.id, actor);
    expect(result).toMatchObject({ restored: made.id, appeals: 1 });
    expect(result.safetyBackup).not.toBeNull();
    expect(t.services.store).toBe(store);
    expect(appealCount()).toBe(1);
    // The handlers keep working on the reopened database (statement caches are per connection).
    const list = listAppeals(
      store.sqlite,
      { query: '', sort: 'receivedAt', dir: 'desc', offset: 0, limit: 10, withTotal: true },
      clock,
      organisationCalendar(store.db),
    );
    expect(list.rows).toHaveLength(1);
    registerOne('Третье обращение о ремонте');
    expect(appealCount()).toBe(2);
    const types = t.services.store.db
      .select()
      .from(securityEvents)
      .all()
      .map((e) => e.type);
    expect(types.at(-1)).toBe('backup-restored');
    // And the state before the restore is itself a backup that restores.
    await m.restore(result.safetyBackup ?? '', actor);
    expect(appealCount()).toBe(2);
  });

  it('unknown backup ids are refused', async () => {
    await expect(manager().verify('../../etc', actor)).rejects.toThrow(/не найдена/);
  });
});
