import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptFile,
  encryptFile,
  FILE_OVERHEAD,
  isEncryptedFile,
} from '../../../electron/services/attachments/file-cipher';
import { osKeyProtector, passphraseProtector } from '../../../electron/services/encryption/data-key';
import type { SafeStorageLike } from '../../../electron/services/sync/credentials';

const SHA = 'ab'.repeat(32);
const OTHER_SHA = 'cd'.repeat(32);

/** safeStorage as the OS gives it: a blob only this "account" can open. */
function fakeSafeStorage(account: number, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`${account}:${plain}`),
    decryptString: (blob) => {
      const [who, plain] = blob.toString().split(':');
      if (Number(who) !== account) throw new Error('cannot decrypt');
      return plain ?? '';
    },
  };
}

describe('attachment file format', () => {
  it('round-trips, marks the file, and refuses a wrong key, another name or a changed byte', () => {
    const key = randomBytes(32);
    const plain = Buffer.from('%PDF-1.4 содержимое обращения');
    const sealed = encryptFile(plain, key, SHA);
    expect(isEncryptedFile(sealed)).toBe(true);
    expect(isEncryptedFile(plain)).toBe(false);
    expect(sealed.length).toBe(plain.length + FILE_OVERHEAD);
    expect(sealed.includes(Buffer.from('содержимое'))).toBe(false);
    expect(decryptFile(sealed, key, SHA).equals(plain)).toBe(true);
    // A fresh nonce each time: the same content never gives the same bytes.
    expect(encryptFile(plain, key, SHA).equals(sealed)).toBe(false);
    const tampered = Buffer.from(sealed);
    tampered[FILE_OVERHEAD] = (tampered[FILE_OVERHEAD] ?? 0) ^ 1;
    for (const [bytes, k, sha] of [
      [sealed, randomBytes(32), SHA],
      [sealed, key, OTHER_SHA],
      [tampered, key, SHA],
      [sealed, null, SHA],
    ] as const) {
      expect(() => decryptFile(bytes, k, sha)).toThrow(expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID' }));
    }
    // Plain files (written before encryption) pass through.
    expect(decryptFile(plain, null, SHA).equals(plain)).toBe(true);
  });
});

describe('data key protection', () => {
  it('a passphrase wraps the key with argon2id; a wrong passphrase is a typed error; short ones are refused', () => {
    const key = randomBytes(32);
    const envelope = passphraseProtector('Длинная фраза 2026').seal(key);
    expect(envelope).toMatchObject({ protection: 'passphrase', kdf: { algorithm: 'argon2id', memoryKiB: 65536 } });
    expect(envelope.sealed).not.toContain(key.toString('base64'));
    expect(passphraseProtector('Длинная фраза 2026').open(envelope).equals(key)).toBe(true);
    expect(() => passphraseProtector('Длинная фраза 2027').open(envelope)).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID', message: expect.stringContaining('Неверная') }),
    );
    expect(() => passphraseProtector('короткая').seal(key)).toThrow(/не короче 12/);
  });

  it('the OS seals the key (safeStorage); another account cannot open it; no OS encryption → no key', () => {
    const key = randomBytes(32);
    const envelope = osKeyProtector(fakeSafeStorage(1)).seal(key);
    expect(envelope.protection).toBe('os');
    expect(osKeyProtector(fakeSafeStorage(1)).open(envelope).equals(key)).toBe(true);
    expect(() => osKeyProtector(fakeSafeStorage(2)).open(envelope)).toThrow(
      expect.objectContaining({ code: 'ENCRYPTION_KEY_INVALID' }),
    );
    expect(() => osKeyProtector(fakeSafeStorage(1, false)).seal(key)).toThrow(/недоступно/);
    expect(() => passphraseProtector('Длинная фраза 2026').open(envelope)).toThrow(/операционной системой/);
  });
});
