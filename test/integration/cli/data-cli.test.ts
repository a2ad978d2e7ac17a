import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestServices } from '../../helpers/test-services';
import { importRecord } from '../import/import-fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let t: ReturnType<typeof makeTestServices>;

/** What the tests read of the commands' JSON output. */
interface CliJson {
  id: string;
  backups: { reason: string; appeals: number }[];
  [key: string]: unknown;
}

/** Runs a command asynchronously (a synchronous spawn would block the test worker for the whole test). */
function run(script: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string; json: () => CliJson }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `electron/cli/${script}.ts`, ...args],
      { cwd: root, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) as CliJson });
      },
    );
  });
}

beforeAll(() => {
  t = makeTestServices();
  t.services.store.close();
});
afterAll(() => t.cleanup());

describe('npm run import-json and npm run backup', () => {
  it('imports a file, refuses a bad one with Russian lines per problem, backs up, verifies and restores', async () => {
    const good = join(t.dataDir, 'good.json');
    writeFileSync(good, JSON.stringify({ appeals: [importRecord()] }));
    const bad = join(t.dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify([importRecord({ kind: 'petition' })]));

    const backup = await run('backup', '--data', t.dataDir, 'create');
    expect(backup.code).toBe(0);
    const made = backup.json();
    expect(made).toMatchObject({ reason: 'cli', appeals: 0, verification: { ok: true } });

    const imported = await run('import-json', '--data', t.dataDir, good);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ ok: true, imported: [{ record: 0, regNumber: 'ОГ-2026-1' }] });

    const refused = await run('import-json', '--data', t.dataDir, bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$[0].kind (Вид обращения): недопустимое значение «petition»');
    expect(refused.stderr).toContain('Ошибка: файл не загружен');

    const verified = await run('backup', '--data', t.dataDir, 'verify');
    expect(verified.code).toBe(0);
    expect(verified.json().backups).toHaveLength(1);

    const restored = await run('backup', '--data', t.dataDir, 'restore', '--id', made.id);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ restored: made.id, appeals: 0 });
    const list = (await run('backup', '--data', t.dataDir, 'list')).json();
    expect(list.backups.map((b: { reason: string }) => b.reason)).toEqual(['pre-restore', 'cli']);
    expect(list.backups[0]?.appeals).toBe(1);
  }, 60_000);

  it('usage errors are Russian with a non-zero exit', async () => {
    expect((await run('backup', '--data', t.dataDir, 'explode')).stderr).toContain('неизвестная команда «explode»');
    expect((await run('backup', '--data', t.dataDir, 'restore')).stderr).toContain('укажите копию --id');
    const missing = await run('import-json', '--data', t.dataDir, join(t.dataDir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('не найден');
    expect((await run('import-json', join(t.dataDir, 'x.json'))).stderr).toContain('не указана папка данных --data');
  }, 60_000);
});
