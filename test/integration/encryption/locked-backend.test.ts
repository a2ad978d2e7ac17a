import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, type LockedBackend, lockedBackend, startBackend } from '../../../electron/host/backend';
import { dispatch, dispatchLocked } from '../../../electron/host/dispatch';
import type { Session } from '../../../electron/services/context';

const PASSPHRASE = 'Парольная фраза ключа 2026';
const options = (dataDir: string) => ({
  dataDir,
  server: null,
  port: 0,
  open: false,
  demo: true,
  passphraseFile: null,
  mode: 'browser' as const,
  version: 'test',
});

/** Every file of the folder with its bytes (the embedded server's own folder aside). */
function snapshot(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const [k, v] of snapshot(path, `${prefix}${name}/`)) files.set(k, v);
    } else files.set(`${prefix}${name}`, readFileSync(path));
  }
  return files;
}

let dataDir: string;
let opened: Backend | null;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'arm-locked-'));
  const plain = await startBackend(options(dataDir));
  try {
    await plain.services.encryption?.encrypt({ login: 'admin', userId: null }, PASSPHRASE);
  } finally {
    await plain.close();
  }
  opened = null;
});

afterEach(async () => {
  await opened?.close();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
});

describe('browser mode started without the passphrase (decision 014)', () => {
  it('is not locked when the passphrase is given at start or the folder is plain', () => {
    expect(lockedBackend({ ...options(dataDir), passphrase: PASSPHRASE })).toBeNull();
    const plainDir = mkdtempSync(join(tmpdir(), 'arm-locked-plain-'));
    try {
      expect(lockedBackend(options(plainDir))).toBeNull();
    } finally {
      rmSync(plainDir, { recursive: true, force: true });
    }
  });

  it('refuses every other channel and a wrong passphrase, changes no file, then opens with the right one', async () => {
    const locked = lockedBackend(options(dataDir), () => 0) as LockedBackend;
    expect(locked).not.toBeNull();
    const before = snapshot(dataDir);
    const session: Session = { user: null };

    expect(await dispatchLocked(locked, 'app:status', {})).toEqual({ ok: true, value: { locked: true } });
    for (const channel of ['app:info', 'auth:login', 'auth:me', 'appeals:list', 'encryption:status', 'nonsense']) {
      const result = await dispatchLocked(locked, channel, { login: 'clerk', password: 'clerk' });
      expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE_LOCKED' } });
    }
    expect(await dispatchLocked(locked, 'encryption:unlock', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });

    const wrong = await dispatchLocked(locked, 'encryption:unlock', { passphrase: `${PASSPHRASE}!` });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'ENCRYPTION_KEY_INVALID', message: 'Неверная парольная фраза: ключ базы данных не расшифрован' },
    });
    expect(locked.services()).toBeNull();
    const after = snapshot(dataDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);

    expect(await dispatchLocked(locked, 'encryption:unlock', { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: {},
    });
    opened = locked.backend();
    const services = locked.services();
    expect(services).not.toBeNull();
    if (!services) return;
    expect(await dispatch(services, session, 'app:status', {})).toEqual({ ok: true, value: { locked: false } });
    expect(await dispatch(services, session, 'auth:login', { login: 'clerk', password: 'clerk' })).toMatchObject({
      ok: true,
      value: { login: 'clerk' },
    });
    const list = await dispatch(services, session, 'appeals:list', {});
    expect(list.ok && (list.value as { total: number | null }).total).toBeGreaterThan(0);
    expect(await dispatch(services, session, 'encryption:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('slows repeated wrong attempts: the pause grows with the failures', async () => {
    const asked: number[] = [];
    const locked = lockedBackend(options(dataDir), (failures) => {
      asked.push(failures);
      return 0;
    }) as LockedBackend;
    await Promise.all([
      dispatchLocked(locked, 'encryption:unlock', { passphrase: 'неверная фраза 1' }),
      dispatchLocked(locked, 'encryption:unlock', { passphrase: 'неверная фраза 2' }),
    ]);
    await dispatchLocked(locked, 'encryption:unlock', { passphrase: PASSPHRASE });
    opened = locked.backend();
    expect(asked).toEqual([0, 1, 2]);
    expect(locked.services()).not.toBeNull();
  });
});
