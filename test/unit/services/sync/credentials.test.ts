import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CREDENTIALS_FILE, FileCredentialStore } from '../../../../electron/services/sync/credentials';

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
