import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestServices } from '../../helpers/test-services';
import { importRecord } from '../import/import-fixtures';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let t: ReturnType<typeof makeTestServices>;

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `electron/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

beforeAll(() => {
  t = makeTestServices();
  t.services.store.close();
});
afterAll(() => t.cleanup());

describe('npm run import-json and npm run backup', () => {
  it('imports a file, refuses a bad one with Russian lines per problem, backs up, verifies and restores', () => {
    const good = join(t.dataDir, 'good.json');
    writeFileSync(good, JSON.stringify({ appeals: [importRecord()] }));
    const bad = join(t.dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify([importRecord({ kind: 'petition' })]));

    const backup = run('backup', '--data', t.dataDir, 'create');
    expect(backup.code).toBe(0);
    const made = backup.json();
    expect(made).toMatchObject({ reason: 'cli', appeals: 0, verification: { ok: true } });

    const imported = run('import-json', '--data', t.dataDir, good);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ ok: true, imported: [{ record: 0, regNumber: 'ОГ-2026-1' }] });

    const refused = run('import-json', '--data', t.dataDir, bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('$[0].kind (Вид обращения): недопустимое значение «petition»');
    expect(refused.stderr).toContain('Ошибка: файл не загружен');

    const verified = run('backup', '--data', t.dataDir, 'verify');
    expect(verified.code).toBe(0);
    expect(verified.json().backups).toHaveLength(1);

    const restored = run('backup', '--data', t.dataDir, 'restore', '--id', made.id);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ restored: made.id, appeals: 0 });
    const list = run('backup', '--data', t.dataDir, 'list').json();
    expect(list.backups.map((b: { reason: string }) => b.reason)).toEqual(['pre-restore', 'cli']);
    expect(list.backups[0].appeals).toBe(1);
  }, 60_000);

  it('usage errors are Russian with a non-zero exit', () => {
    expect(run('backup', '--data', t.dataDir, 'explode').stderr).toContain('неизвестная команда «explode»');
    expect(run('backup', '--data', t.dataDir, 'restore').stderr).toContain('укажите копию --id');
    const missing = run('import-json', '--data', t.dataDir, join(t.dataDir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('не найден');
    expect(run('import-json', join(t.dataDir, 'x.json')).stderr).toContain('не указана папка данных --data');
  }, 60_000);
});
