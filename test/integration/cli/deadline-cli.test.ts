import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/deadline.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(stdout: string): unknown {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '');
}

describe('npm run deadline', () => {
  it('registration: Friday 17:30 → Monday, plus one hour', () => {
    const out = run('registration', '--received', '2026-03-06T17:30:00+03:00');
    expect(out.code).toBe(0);
    expect(json(out.stdout)).toEqual({
      deadline: '2026-03-10T00:59:59.999+03:00',
      explanation: expect.stringContaining('после окончания рабочего дня 09:00–18:00'),
    });
  });

  it('review: 15 days and one month', () => {
    const days = run('review', '--registered', '2026-03-06T10:00:00+03:00', '--term', '15d');
    expect(days.code).toBe(0);
    expect(json(days.stdout)).toEqual({
      deadline: '2026-03-23T23:59:59.999+03:00',
      explanation: expect.stringContaining('последний день 21.03.2026 — нерабочий день (суббота)'),
    });
    const month = run('review', '--registered', '2026-01-31T10:00:00+03:00', '--term', '1m');
    expect(json(month.stdout)).toMatchObject({ deadline: '2026-03-02T23:59:59.999+03:00' });
  });

  it('is-working: a Saturday holiday and a worked Saturday', () => {
    expect(json(run('is-working', '2026-05-09').stdout)).toEqual({ working: false, reason: 'День Победы' });
    expect(json(run('is-working', '2026-04-25').stdout)).toEqual({
      working: true,
      reason: 'рабочая суббота вместо 20.04.2026 (постановление Совета Министров № 397 от 22.07.2025)',
    });
  });

  it.each([
    [['registration'], /не указан параметр --received/],
    [['registration', '--received', '06.03.2026 17:30'], /неверная дата-время --received/],
    [['review', '--registered', '2026-03-06T10:00:00+03:00', '--term', '2m'], /должен быть 15d/],
    [['is-working', '2026-02-30'], /неверная дата «2026-02-30»/],
    [['whatever'], /неизвестная команда «whatever»/],
    [[], /использование/],
  ])('bad arguments %j: exit code 1 and a Russian message', (args, message) => {
    const out = run(...args);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Ошибка: /);
    expect(out.stderr).toMatch(message);
  });
});
