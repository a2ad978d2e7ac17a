/**
 * The development key store: the key file format (PBKDF2-hmac-hbelt + belt-kwp), files of mode 0600,
 * creating a key for a user with the issuing helper, detached signing verified with shared/crypto,
 * and its errors: wrong or missing password, expired certificate, damaged file, no keys.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SigningError } from '../../../../../electron/services/signing/provider';
import {
  createDevelopmentKeyFile,
  developmentKeyFileName,
} from '../../../../../electron/services/signing/providers/software/development-keys';
import {
  DEVELOPMENT_KEY_LABEL,
  keyFileSchema,
  openPrivateKey,
  sealPrivateKey,
} from '../../../../../electron/services/signing/providers/software/key-file';
import { SoftwareProvider } from '../../../../../electron/services/signing/providers/software/software-provider';
import { bignGenerateKeyPair } from '../../../../../shared/crypto';
import { buildTestSignedData, issueWithTestCa, verifyTestSignedData } from './fakes/test-pki';

const DOCUMENT = new TextEncoder().encode('Итоговый результат рассмотрения обращения № 7-2026-000321');
const NOW = new Date('2026-03-02T09:00:00Z');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function provider(now = NOW): SoftwareProvider {
  return new SoftwareProvider({ keysDir: join(dir, 'keys'), buildSignedData: buildTestSignedData, now: () => now });
}

async function createKey(owner: string, password: string, userId?: string, now = NOW) {
  return createDevelopmentKeyFile({
    keysDir: join(dir, 'keys'),
    owner,
    userId,
    password,
    issueCertificate: issueWithTestCa,
    now,
  });
}

async function signingError(promise: Promise<unknown>): Promise<SigningError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigningError);
  return error as SigningError;
}

describe('key file protection', () => {
  it('opens with the password and refuses any other', () => {
    const { privateKey } = bignGenerateKeyPair();
    const sealed = sealPrivateKey(privateKey, 'Пароль-1');
    expect(sealed.kdf).toMatchObject({ algorithm: 'pbkdf2-hmac-hbelt', iterations: 10_000 });
    expect(Buffer.from(sealed.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.ciphertext, 'base64')).toHaveLength(48);
    expect(openPrivateKey(sealed, 'Пароль-1')).toEqual(privateKey);
    expect(openPrivateKey(sealed, 'пароль-1')).toBeNull();
    expect(openPrivateKey(sealed, '')).toBeNull();
  });

  it('salts every file: the same key and password give different files', () => {
    const { privateKey } = bignGenerateKeyPair();
    expect(sealPrivateKey(privateKey, 'x').ciphertext).not.toBe(sealPrivateKey(privateKey, 'x').ciphertext);
  });

  it('refuses an empty password', () => {
    expect(() => sealPrivateKey(bignGenerateKeyPair().privateKey, '')).toThrow(/пустым/);
  });
});

describe('development keys', () => {
  it('creates a 0600 key file for a user, labelled as a development key', async () => {
    const key = await createKey('Иванов Иван Иванович', 'signer', 'user-0001');
    expect(key.path).toBe(join(dir, 'keys', 'user-0001.json'));
    expect((await stat(key.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'keys'))).toEqual(['user-0001.json']);
    const file = keyFileSchema.parse(JSON.parse(await readFile(key.path, 'utf8')));
    expect(file).toMatchObject({
      version: 1,
      label: DEVELOPMENT_KEY_LABEL,
      owner: 'Иванов Иван Иванович',
      userId: 'user-0001',
    });
    expect(JSON.stringify(file)).not.toMatch(/signer/); // the password is not in the file
    expect(key.certificate).toMatchObject({ provider: 'software', subject: 'Иванов Иван Иванович', development: true });
    await expect(createKey('Иванов Иван Иванович', 'другой', 'user-0001')).rejects.toThrow(/уже существует/);
  });

  it('names files by user id or owner', () => {
    expect(developmentKeyFileName({ owner: 'Петрова А. С.' })).toBe('Петрова-А-С.json');
    expect(developmentKeyFileName({ owner: 'x', userId: '9b1d/..\\evil' })).toBe('9b1d-evil.json');
  });

  it('is not available without key files', async () => {
    expect(await provider().detect()).toMatchObject({ provider: 'software', available: false, code: 'TOKEN_ABSENT' });
    expect(await provider().listCertificates()).toEqual([]);
  });

  it('lists every key as a development certificate, skipping foreign files', async () => {
    await createKey('Иванов Иван Иванович', 'a', 'head');
    await createKey('Петрова Анна Сергеевна', 'b', 'signer');
    await writeFile(join(dir, 'keys', 'notes.json'), '{"hello": 1}');
    await writeFile(join(dir, 'keys', 'broken.json'), '{');
    const status = await provider().detect();
    expect(status).toMatchObject({
      available: true,
      message: 'Ключи разработчика: 2 (не для юридически значимой подписи)',
    });
    const certificates = await provider().listCertificates();
    expect(certificates.map((c) => [c.subject, c.development, c.provider])).toEqual([
      ['Иванов Иван Иванович', true, 'software'],
      ['Петрова Анна Сергеевна', true, 'software'],
    ]);
    expect(provider().label).toBe('Ключ разработчика (не для юридически значимой подписи)');
  });

  it('signs detached CMS that verifies with bignVerify over belt-hash of the signed attributes', async () => {
    const key = await createKey('Петрова Анна Сергеевна', 'signer', 'signer');
    const cms = await provider().signDetached(key.certificate.id, DOCUMENT, { password: 'signer' });
    const verified = verifyTestSignedData(cms, DOCUMENT);
    expect(verified).toMatchObject({ signatureValid: true, digestMatches: true, detached: true, signingTime: NOW });
    expect(verified.signerCertificateDer).toEqual(key.certificate.der);
  });

  it('reports a wrong or a missing password as WRONG_PIN', async () => {
    const key = await createKey('Петрова Анна Сергеевна', 'signer', 'signer');
    const wrong = await signingError(provider().signDetached(key.certificate.id, DOCUMENT, { password: 'Signer' }));
    expect([wrong.code, wrong.message]).toEqual([
      'WRONG_PIN',
      'Неверный пароль ключа разработчика. Введите пароль ещё раз.',
    ]);
    const missing = await signingError(provider().signDetached(key.certificate.id, DOCUMENT));
    expect([missing.code, missing.message]).toEqual(['WRONG_PIN', 'Введите пароль ключа разработчика.']);
  });

  it('refuses an expired or not yet valid certificate before asking for the key', async () => {
    const key = await createKey('Петрова Анна Сергеевна', 'signer', 'signer');
    const later = await signingError(
      provider(new Date('2029-01-01T00:00:00Z')).signDetached(key.certificate.id, DOCUMENT, { password: 'signer' }),
    );
    expect(later.code).toBe('CERT_EXPIRED');
    expect(later.message).toMatch(/^Срок действия сертификата истёк \d\d\.\d\d\.\d{4}/);
    const earlier = await signingError(
      provider(new Date('2025-01-01T00:00:00Z')).signDetached(key.certificate.id, DOCUMENT, { password: 'signer' }),
    );
    expect(earlier.code).toBe('CERT_NOT_YET_VALID');
  });

  it('detects a file whose key does not match its certificate', async () => {
    const a = await createKey('Иванов Иван Иванович', 'same', 'a');
    const b = await createKey('Петрова Анна Сергеевна', 'same', 'b');
    const fileA = JSON.parse(await readFile(a.path, 'utf8'));
    const fileB = JSON.parse(await readFile(b.path, 'utf8'));
    fileA.privateKey = fileB.privateKey; // a's certificate, b's key
    await writeFile(a.path, JSON.stringify(fileA));
    const error = await signingError(provider().signDetached(a.certificate.id, DOCUMENT, { password: 'same' }));
    expect(error.code).toBe('PROVIDER_FAILED');
    expect(error.message).toMatch(/повреждён/);
  });

  it('reports an unknown certificate id', async () => {
    await createKey('Иванов Иван Иванович', 'a', 'a');
    expect((await signingError(provider().signDetached('0'.repeat(64), DOCUMENT, { password: 'a' }))).code).toBe(
      'TOKEN_ABSENT',
    );
  });
});
