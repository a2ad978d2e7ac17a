import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREDENTIALS_FILE,
  FileCredentialStore,
  SAFE_CREDENTIALS_FILE,
  SafeStorageCredentialStore,
} from '../../../../electron/services/sync/credentials';
import { safeStorage } from '../../../fakes/electron';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('FileCredentialStore', () => {
  it('keeps the keys in <dataDir>/central-credentials.json, mode 0600, replaced atomically', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arm-cred-'));
    const store = new FileCredentialStore(dir);
    expect(await store.load()).toBeNull();
    await store.save({ clientId: 'id-1', secretAccessKey: 'secret-1' });
    await store.save({ clientId: 'id-2', secretAccessKey: 'secret-2' });
    expect(await store.load()).toEqual({ clientId: 'id-2', secretAccessKey: 'secret-2' });
    expect(statSync(join(dir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([CREDENTIALS_FILE]);
    expect(JSON.parse(readFileSync(join(dir, CREDENTIALS_FILE), 'utf8'))).toEqual({
      clientId: 'id-2',
      secretAccessKey: 'secret-2',
    });
    await store.clear();
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('refuses a damaged file without quoting it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arm-cred-'));
    writeFileSync(join(dir, CREDENTIALS_FILE), '{"clientId":"a","secretAccessKey":"top-secret-value"');
    const error = await new FileCredentialStore(dir).load().catch((e: Error) => e);
    expect(String(error)).toContain('повреждён');
    expect(String(error)).not.toContain('top-secret-value');
  });
});

describe('SafeStorageCredentialStore (the Electron build)', () => {
  it('keeps the keys encrypted by the OS in a 0600 file; refuses to save in clear without OS encryption', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arm-cred-'));
    const store = new SafeStorageCredentialStore(dir, safeStorage);
    expect(await store.load()).toBeNull();
    const keys = { clientId: 'client-9', secretAccessKey: 'top-secret-value', serverUrl: 'https://central.example.by' };
    await store.save(keys);
    expect(await store.load()).toEqual(keys);
    const path = join(dir, SAFE_CREDENTIALS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([SAFE_CREDENTIALS_FILE]);
    expect(readFileSync(path, 'utf8')).not.toContain('top-secret-value');
    expect(readFileSync(path, 'utf8')).not.toContain('client-9');

    safeStorage.available = false;
    try {
      const error = await store.save({ clientId: 'c', secretAccessKey: 'other-secret' }).catch((e: Error) => e);
      expect(String(error)).toContain('Шифрование операционной системы недоступно');
      expect(String(error)).not.toContain('other-secret');
    } finally {
      safeStorage.available = true;
    }
    expect(await store.load()).toEqual(keys);
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('refuses a file it cannot decrypt without quoting it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'arm-cred-'));
    writeFileSync(
      join(dir, SAFE_CREDENTIALS_FILE),
      Buffer.from('{"secretAccessKey":"top-secret-value"}').toString('base64'),
    );
    const error = await new SafeStorageCredentialStore(dir, safeStorage).load().catch((e: Error) => e);
    expect(String(error)).toContain('Не удалось расшифровать');
    expect(String(error)).not.toContain('top-secret-value');
  });
});
