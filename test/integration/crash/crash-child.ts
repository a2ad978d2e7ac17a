/**
 * A workstation process for the kill -9 tests: loops over registrations (with a file), JSON imports
 * (two records with files each) and backups — or, in `restore` mode, swaps two backups in turn — and
 * prints `begin <op> <keys>` / `ok <op> <keys>` around each, so the parent knows what was committed.
 * Usage: node crash-child.mjs <dataDir> <migrations> <mode: work|restore> <run> (bundled by the test)
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../db/open';
import { registerAppeal } from '../../../electron/services/appeals/register-appeal';
import { AttachmentStore } from '../../../electron/services/attachments/attachment-store';
import { uploadAttachment } from '../../../electron/services/attachments/upload-attachment';
import { cleanInterrupted, listBackups } from '../../../electron/services/backup/backup-files';
import { BackupManager } from '../../../electron/services/backup/backup-manager';
import { swapInBackup } from '../../../electron/services/backup/restore-backup';
import type { CallContext } from '../../../electron/services/context';
import { importJson } from '../../../electron/services/import/import-json';
import { draft, TINY_PDF } from '../../helpers/test-services';
import { importRecord } from '../import/import-fixtures';

const [dataDir = '', migrationsFolder = '', mode = 'work', run = '0'] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
cleanInterrupted(dataDir);
const store = openDatabase(dataDir, { migrationsFolder });
const files = new AttachmentStore(join(dataDir, 'attachments'));
const ctx: CallContext = {
  store,
  files,
  clock: () => new Date(),
  mode: 'browser',
  version: 'crash',
  demoLogin: null,
  sync: null,
  session: { user: { id: 'u-clerk', login: 'clerk', fullName: 'Петрова Анна', position: '', roles: ['clerk'] } },
};
const pending = join(dataDir, 'pending-import.json');
/** Summary keys unique per run and step, spelled in Cyrillic letters (the card's alphabet). */
const letters = (value: string | number) => String(value).replace(/[0-9]/g, (d) => 'абвгдежзик'[Number(d)] ?? '');
const key = (step: number, part: number) => `Обращение ${letters(run)} ${letters(step)} ${letters(part)}`;
/** Unique file content: a tiny PDF with a trailing comment. */
const pdf = (k: string) => Buffer.concat([TINY_PDF, Buffer.from(`% ${Buffer.from(k).toString('hex')}\n`)]);

function importPending(): void {
  const text = readFileSync(pending);
  const keys = (JSON.parse(text.toString()) as { summary: string }[]).map((r) => r.summary).join('|');
  say(`begin import ${keys}`);
  const report = importJson(ctx, { fileName: 'crash.json', bytes: text });
  // A retry of a file whose import had committed is refused as already imported: still exactly once.
  if (!report.ok && !report.issues.some((i) => /уже загружен/.test(i.reason))) {
    throw new Error(JSON.stringify(report.issues));
  }
  say(`ok import ${keys}`);
  rmSync(pending);
}

async function work(): Promise<void> {
  if (existsSync(pending)) importPending();
  const backups = new BackupManager({
    dataDir,
    store,
    files,
    clock: () => new Date(),
    version: 'crash',
    openOptions: { migrationsFolder },
  });
  backups.saveSettings({ keep: 2, intervalHours: 0 });
  say('ready');
  for (let step = 0; step < 40; step += 1) {
    const op = step % 5;
    if (op === 2) {
      const records = [0, 1].map((part) =>
        importRecord({
          summary: key(step, part),
          attachments: [{ name: 'скан.pdf', dataBase64: pdf(key(step, part)).toString('base64') }],
        }),
      );
      writeFileSync(pending, JSON.stringify(records));
      importPending();
    } else if (op === 4) {
      say('begin backup');
      const made = await backups.create('cli', { login: 'crash', userId: null });
      say(`ok backup ${made.id}`);
    } else {
      const summary = key(step, 0);
      say(`begin register ${summary}`);
      const file = uploadAttachment(ctx, { name: 'скан.pdf', dataBase64: pdf(summary).toString('base64') });
      registerAppeal(ctx, {
        id: null,
        draft: draft({ summary, attachments: [{ sha256: file.sha256, name: 'скан.pdf', participantsList: false }] }),
        expectedVersion: null,
      });
      say(`ok register ${summary}`);
    }
  }
}

function restoreLoop(): void {
  const ids = listBackups(dataDir).map((b) => b.id);
  say('ready');
  for (let i = 0; i < 200; i += 1) {
    const id = ids[i % ids.length] ?? '';
    say(`begin restore ${id}`);
    swapInBackup(dataDir, id, store, files, { migrationsFolder });
    say(`ok restore ${id}`);
  }
}

if (mode === 'restore') restoreLoop();
else await work();
say('done');
store.close();
