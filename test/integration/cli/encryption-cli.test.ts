import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlainDatabaseFile } from '../../../db/cipher';
import { makeTestServices } from '../../helpers/test-services';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let t: ReturnType<typeof makeTestServices>;

/** Runs a command asynchronously, with extra environment variables. */
function run(script: string, env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `electron/cli/${script}.ts`, ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ARM_DB_PASSPHRASE: '', ...env } },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  t = makeTestServices();
  t.services.store.close();
});
afterAll(() => t.cleanup());

describe('npm run encryption', () => {
  it('encrypts with a passphrase file, refuses without it, backs up with the key and decrypts', async () => {
    const data = ['--data', t.dataDir];
    const passphraseFile = join(t.dataDir, '..', `${t.dataDir.split('/').pop()}.passphrase`);
    writeFileSync(passphraseFile, 'Фраза администратора 2026\n', { mode: 0o600 });
    const withFile = ['--passphrase-file', passphraseFile];
    const status = await run('encryption', {}, ...data, 'status');
    expect(JSON.parse(status.stdout)).toMatchObject({ database: false, protection: null, needsPassphrase: true });
    const refused = await run('encryption', {}, ...data, 'encrypt');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Укажите парольную фразу');
    const done = await run('encryption', {}, ...data, ...withFile, 'encrypt');
    expect(JSON.parse(done.stdout)).toMatchObject({ database: true, protection: 'passphrase' });
    expect(isPlainDatabaseFile(join(t.dataDir, 'appeals.db'))).toBe(false);
    const before = readFileSync(join(t.dataDir, 'appeals.db'));
    const locked = await run('encryption', {}, ...data, 'status');
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('зашифрована, а ключ не задан');
    const wrong = await run('security-log', { ARM_DB_PASSPHRASE: 'Другая фраза администратора' }, ...data, 'verify');
    expect(wrong.stderr).toContain('Неверная парольная фраза');
    expect(readFileSync(join(t.dataDir, 'appeals.db')).equals(before)).toBe(true);
    const env = { ARM_DB_PASSPHRASE: 'Фраза администратора 2026' };
    const backup = await run('backup', env, ...data, 'create');
    expect(JSON.parse(backup.stdout)).toMatchObject({ verification: { ok: true } });
    const log = await run('security-log', env, ...data, 'verify');
    expect(JSON.parse(log.stdout)).toMatchObject({ ok: true });
    const plain = await run('encryption', env, ...data, 'decrypt');
    expect(JSON.parse(plain.stdout)).toMatchObject({ database: false });
    expect(isPlainDatabaseFile(join(t.dataDir, 'appeals.db'))).toBe(true);
    rmSync(passphraseFile);
  }, 120_000);
});
