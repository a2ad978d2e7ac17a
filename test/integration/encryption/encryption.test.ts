import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseKeyError, isPlainDatabaseFile } from '../../../db/cipher';
import { DB_FILE, openDatabase } from '../../../db/open';
import { appeals, securityEvents } from '../../../db/schema';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { FILE_MAGIC } from '../../../electron/services/attachments/file-cipher';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { BackupManager } from '../../../electron/services/backup/backup-manager';
import {
  chooseProtector,
  DataKeys,
  KEY_FILE,
  osKeyProtector,
  passphraseProtector,
} from '../../../electron/services/encryption/data-key';
import { EncryptionService } from '../../../electron/services/encryption/encryption-service';
import { AppError } from '../../../shared/errors';
import { draft, makeTestServices, TINY_PDF } from '../../helpers/test-services';

const PASSPHRASE = 'Пароль для ключа базы 2026';
const SUMMARY = 'О протечке крыши жилого дома';
const actor = { login: 'admin', userId: null };
let t: ReturnType<typeof makeTestServices>;

const base = (files: AttachmentStore) => ({
  dataDir: t.dataDir,
  store: t.services.store,
  files,
  clock: t.services.clock,
});

/** The data folder's services with its data key, as openServices wires them. */
function wire(passphrase: string | null = PASSPHRASE) {
  const keys = new DataKeys(t.dataDir, passphrase ? passphraseProtector(passphrase) : null);
  const files = new AttachmentStore(join(t.dataDir, 'attachments'), keys);
  const backups = new BackupManager({ ...base(files), version: 'test', openOptions: {}, keys });
  const encryption = new EncryptionService({
    ...base(files),
    keys,
    openOptions: {},
    maintenance: (fn) => backups.maintenance(fn),
  });
  return { keys, files, backups, encryption, clerk: { ...t.clerk, files } };
}

function registerOne(ctx: ReturnType<typeof wire>['clerk'], summary = SUMMARY, extra = '') {
  const bytes = Buffer.concat([TINY_PDF, Buffer.from(`% ${extra}\n`)]);
  const file = uploadAttachment(ctx, { name: 'скан.pdf', dataBase64: bytes.toString('base64') });
  registerAppeal(ctx, {
    id: null,
    draft: draft({ summary, attachments: [{ sha256: file.sha256, name: 'скан.pdf', participantsList: false }] }),
    expectedVersion: null,
  });
  return { sha256: file.sha256, bytes };
}

const storedFiles = () =>
  readdirSync(join(t.dataDir, 'attachments'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)));
const dbBytes = () => readFileSync(join(t.dataDir, DB_FILE));
const summaries = () =>
  t.services.store.db
    .select({ s: appeals.summary })
    .from(appeals)
    .all()
    .map((r) => r.s)
    .sort();

beforeEach(() => {
  t = makeTestServices();
});
afterEach(() => t.cleanup());

describe('encryption at rest', () => {
  it('encrypts the database and the attachments; everything reads back, new files are written encrypted', async () => {
    const w = wire();
    const first = registerOne(w.clerk);
    expect(w.encryption.status()).toMatchObject({ database: false, files: { encrypted: 0, plain: 1 } });
    const status = await w.encryption.encrypt(actor);
    expect(status).toMatchObject({ database: true, files: { encrypted: 1, plain: 0 }, protection: 'passphrase' });
    // No plaintext left on disk: no SQLite header, no summary (UTF-8) in the database; files marked and opaque.
    t.services.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(isPlainDatabaseFile(join(t.dataDir, DB_FILE))).toBe(false);
    expect(dbBytes().includes(Buffer.from(SUMMARY))).toBe(false);
    for (const stored of storedFiles()) {
      expect(stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)).toBe(true);
      expect(stored.includes(TINY_PDF.subarray(0, 20))).toBe(false);
    }
    // Transparent reading, and the store's name is still the plaintext's sha256.
    expect(w.files.read(first.sha256).equals(first.bytes)).toBe(true);
    const second = registerOne(w.clerk, 'О ремонте дороги во дворе', 'второй');
    expect(readFileSync(w.files.pathOf(second.sha256)).subarray(0, 8).equals(FILE_MAGIC)).toBe(true);
    expect(createHash('sha256').update(w.files.read(second.sha256)).digest('hex')).toBe(second.sha256);
    expect(summaries()).toEqual(['О протечке крыши жилого дома', 'О ремонте дороги во дворе']);
    // The key envelope is beside the database, readable by the owner only.
    expect(readFileSync(join(t.dataDir, KEY_FILE), 'utf8')).toContain('"protection": "passphrase"');
    // After a restart with the passphrase the data is there.
    t.services.store.close();
    const again = wire();
    Object.assign(t.services.store, openDatabase(t.dataDir, { key: again.keys.key() }));
    expect(summaries()).toHaveLength(2);
    const events = t.services.store.db.select().from(securityEvents).all();
    expect(events.map((e) => `${e.type}:${e.result}`)).toEqual(['encryption-enabled:success']);
  });

  it('refuses a wrong or missing key with a typed error and leaves the files byte-identical', async () => {
    const w = wire();
    registerOne(w.clerk);
    await w.encryption.encrypt(actor);
    t.services.store.close();
    const names = () => readdirSync(t.dataDir).sort();
    const before = { db: dbBytes(), names: names() };
    expect(() => wire('Совсем другая парольная фраза')).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID', message: expect.stringContaining('Неверная') }),
    );
    const wrongKey = Buffer.alloc(32, 7);
    for (const key of [wrongKey, null]) {
      let error: unknown;
      try {
        openDatabase(t.dataDir, { key });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DatabaseKeyError);
      expect((error as DatabaseKeyError).code).toBe('ENCRYPTION_KEY_INVALID');
      expect((error as Error).message).toMatch(key ? /Ключ не подходит/ : /ключ не задан/);
    }
    expect(dbBytes().equals(before.db)).toBe(true);
    expect(names()).toEqual(before.names);
    // A file read without the key is refused the same way, never returned as garbage.
    const locked = new AttachmentStore(join(t.dataDir, 'attachments'));
    const sha = readdirSync(join(t.dataDir, 'attachments'), { recursive: true })
      .map(String)
      .find((n) => n.length > 60);
    expect(() => locked.read(sha?.split('/').pop() ?? '')).toThrow(AppError);
    Object.assign(t.services.store, openDatabase(t.dataDir, { key: wire().keys.key() }));
  });

  it('backs up encrypted, verifies and restores with the key; decrypting brings the plain folder back', async () => {
    const w = wire();
    registerOne(w.clerk);
    await w.encryption.encrypt(actor);
    const made = await w.backups.create('manual', actor);
    expect(made.verification).toMatchObject({ ok: true, problems: [] });
    const backupDb = join(t.dataDir, 'backups', made.id, DB_FILE);
    expect(isPlainDatabaseFile(backupDb)).toBe(false);
    // Without the key the backup does not verify (and says so), with it it does.
    const keyless = new BackupManager({ ...base(w.files), version: 'test', openOptions: {} });
    expect((await keyless.verify(made.id, actor)).verification?.ok).toBe(false);
    registerOne(w.clerk, 'О ремонте дороги во дворе', 'после копии');
    const decrypted = await w.encryption.decrypt(actor);
    expect(decrypted).toMatchObject({ database: false, files: { encrypted: 0, plain: 2 } });
    expect(isPlainDatabaseFile(join(t.dataDir, DB_FILE))).toBe(true);
    expect(existsSync(join(t.dataDir, KEY_FILE))).toBe(true);
    expect(summaries()).toHaveLength(2);
    // The encrypted backup still verifies and restores into the now plain folder (converted on the way).
    expect((await w.backups.verify(made.id, actor)).verification?.ok).toBe(true);
    await w.backups.restore(made.id, actor);
    expect(isPlainDatabaseFile(join(t.dataDir, DB_FILE))).toBe(true);
    expect(summaries()).toEqual([SUMMARY]);
    const types = t.services.store.db
      .select()
      .from(securityEvents)
      .all()
      .map((e) => e.type);
    expect(types).toContain('encryption-enabled');
    // Decrypted, the folder opens without the passphrase — also under Electron's OS protector (key locked);
    // given the passphrase, Electron uses it for a passphrase-sealed key.
    const os = osKeyProtector({
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from(s),
      decryptString: (b) => b.toString(),
    });
    expect(new DataKeys(t.dataDir, os).key()).toBeNull();
    expect(chooseProtector(t.dataDir, os, null)).toBe(os);
    expect(chooseProtector(t.dataDir, os, PASSPHRASE)?.protection).toBe('passphrase');
  });

  it('resumes an interrupted encryption: files converted so far stay, the rest and the database follow', async () => {
    const w = wire();
    for (const n of ['а', 'б', 'в']) registerOne(w.clerk, `Обращение ${n} о дороге`, n);
    await w.keys.ensure();
    // As if a run stopped after one file: one encrypted, the rest plain, the database plain.
    const [one] = readdirSync(join(t.dataDir, 'attachments'), { recursive: true })
      .map(String)
      .filter((n) => n.length > 60);
    w.files.convert(one?.split('/').pop() ?? '', true);
    expect(w.encryption.status()).toMatchObject({ database: false, files: { encrypted: 1, plain: 2 } });
    expect(summaries()).toHaveLength(3);
    await w.encryption.encrypt(actor);
    expect(w.encryption.status()).toMatchObject({ database: true, files: { encrypted: 3, plain: 0 } });
  });
});
