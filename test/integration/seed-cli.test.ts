import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../electron/services/auth/password';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'arm-seed-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function seed(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/seed.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const LOGINS = [
  'clerk',
  'head',
  'head2',
  'head3',
  'executor',
  'executor2',
  'signer',
  'authorised',
  'reports',
  'unithead',
  'admin',
];

describe('npm run seed', () => {
  it('fills an empty data folder: organisation, one user per role, dictionaries and 50 appeals', async () => {
    const out = seed('--data', dataDir, '--appeals', '50', '--seed', '3');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0] ?? '') as {
      dataDir: string;
      appeals: number;
      users: string[];
      seconds: number;
    };
    expect(summary).toMatchObject({ dataDir, appeals: 50, users: LOGINS });
    expect(summary.seconds).toBeGreaterThan(0);

    const db = new Database(join(dataDir, 'appeals.db'), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM organisations')).toBe(1);
      expect(count('SELECT count(*) AS n FROM users')).toBe(LOGINS.length);
      expect(count("SELECT count(*) AS n FROM user_roles WHERE role = 'head'")).toBe(3);
      expect(count('SELECT count(DISTINCT role) AS n FROM user_roles')).toBe(8);
      expect(count('SELECT count(*) AS n FROM topics')).toBeGreaterThanOrEqual(55);
      expect(count('SELECT count(*) AS n FROM territories WHERE parent_code IS NULL')).toBe(7);
      expect(count('SELECT count(*) AS n FROM applicant_categories')).toBe(9);
      expect(count('SELECT count(*) AS n FROM appeals')).toBe(50);
      const registered = count("SELECT count(*) AS n FROM appeals WHERE status = 'registered'");
      expect(registered).toBeGreaterThanOrEqual(35);
      expect(registered).toBeLessThan(50);
      expect(count("SELECT count(*) AS n FROM appeals WHERE status IN ('draft', 'received')")).toBe(50 - registered);
      expect(
        count("SELECT count(*) AS n FROM appeals WHERE status = 'registered' AND reg_number LIKE 'ОГ-____-%'"),
      ).toBe(registered);
      expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'RegisterAppeal'")).toBe(registered);
      expect(count('SELECT count(*) AS n FROM history')).toBe(50 + registered);
      expect(count('SELECT count(*) AS n FROM appeal_topics')).toBeGreaterThanOrEqual(50);
      expect(count("SELECT count(*) AS n FROM appeals_fts WHERE appeals_fts MATCH 'прошу'")).toBeGreaterThan(25);
      const clerk = db.prepare("SELECT password_hash AS hash FROM users WHERE login = 'clerk'").get() as {
        hash: string;
      };
      expect(await verifyPassword('clerk', clerk.hash)).toBe(true);
      expect(await verifyPassword('head', clerk.hash)).toBe(false);
    } finally {
      db.close();
    }
  });

  it('--bulk writes the same demo (the bulk seed) into an empty folder', () => {
    const bulkDir = join(dataDir, 'bulk');
    const out = seed('--data', bulkDir, '--appeals', '50', '--seed', '3', '--bulk');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const db = new Database(join(bulkDir, 'appeals.db'), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const registered = count("SELECT count(*) AS n FROM appeals WHERE status = 'registered'");
      expect(count('SELECT count(*) AS n FROM appeals')).toBe(50);
      expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'RegisterAppeal'")).toBe(registered);
      expect(count('SELECT count(*) AS n FROM history')).toBe(50 + registered);
      expect(count("SELECT count(*) AS n FROM appeals_fts WHERE appeals_fts MATCH 'прошу'")).toBeGreaterThan(25);
    } finally {
      db.close();
    }
  });

  it('refuses a folder that already holds data: Russian message, exit code 1, nothing added', () => {
    const out = seed('--data', dataDir, '--appeals', '10');
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Ошибка: /);
    expect(out.stderr).toContain('уже содержит данные');
    const db = new Database(join(dataDir, 'appeals.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n).toBe(50);
    db.close();
  });

  it.each([
    [[], /не указана папка данных --data/],
    [['--data', dataDir, '--appeals', 'много'], /неверное значение --appeals «много»/],
  ])('bad arguments %j: exit code 1 and a Russian message', (args, message) => {
    const out = seed(...args);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(message);
  });
});
