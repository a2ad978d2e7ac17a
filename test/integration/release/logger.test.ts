import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLog, REDACTED, scrubText } from '../../../electron/services/logging/logger';

const root = mkdtempSync(join(tmpdir(), 'arm-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readLog = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');

describe('application log', () => {
  it('writes JSON lines and keeps personal data and secrets out of them', async () => {
    const dir = join(root, 'logs');
    const log = await openLog({ dir, base: { version: '0.1.0' } });
    log.logger.info(
      {
        channel: 'appeals:register',
        appealId: 'a-1',
        input: {
          draft: {
            applicant: { surname: 'Иванов', name: 'Пётр', address: 'г. Минск, ул. Ленина, 1' },
            summary: 'Ремонт крыши',
            content: 'Прошу отремонтировать крышу',
          },
        },
        password: 'clerk-secret-password',
        credentials: { clientSecret: 'demo-secret-xyz', secretAccessKey: 'sak-123' },
      },
      'Registered',
    );
    log.logger.warn('Opened http://127.0.0.1:5000/#token=abcdef123456 for ivanov@example.by, +375 29 123-45-67');
    log.logger.error({ err: new Error('Bearer eyJhbGciOi.payload.sig refused') }, 'Sync failed');
    await log.close();

    const text = readLog(dir);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'Registered', channel: 'appeals:register', appealId: 'a-1' });
    expect(lines[0]!.version).toBe('0.1.0');
    expect(typeof lines[0]!.time).toBe('string');
    for (const secret of [
      'Иванов',
      'Пётр',
      'Ленина',
      'Ремонт крыши',
      'отремонтировать',
      'clerk-secret-password',
      'demo-secret-xyz',
      'sak-123',
      'abcdef123456',
      'ivanov@example.by',
      '123-45-67',
      'eyJhbGciOi',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain(REDACTED);
    expect(lines[2]).toMatchObject({ level: 50, msg: 'Sync failed' });
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const dir = join(root, 'rotating');
    const log = await openLog({ dir, size: '1k', keep: 2 });
    for (let i = 0; i < 120; i++) {
      log.logger.info({ i, channel: 'appeals:list' }, 'Listed');
      // Rotation happens on 'drain' after a write: let the stream flush between bursts.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
    }
    await log.close();
    const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
  });

  it('scrubs tokens, e-mail and phone numbers from free text', () => {
    expect(scrubText('GET /?token=abc&x=1')).toBe(`GET /?token=${REDACTED}&x=1`);
    expect(scrubText('пишите на петров@почта.бел')).toBe(`пишите на ${REDACTED}`);
    expect(scrubText('тел. +375 (17) 222-33-44')).toBe(`тел. ${REDACTED}`);
    expect(scrubText('appeal a-1 registered')).toBe('appeal a-1 registered');
  });
});
