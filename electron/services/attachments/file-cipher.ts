import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * Encrypted attachment files (decision 014): `ARMENC01` (8 bytes) ‖ 12-byte random nonce ‖ AES-256-GCM
 * ciphertext ‖ 16-byte tag, with the file's name (the sha256 of its plaintext) as additional data, so a
 * file moved under another name does not decrypt. Files are at most 15 MB: whole-file, no streaming.
 * A file without the marker is a plain one (written before encryption, or after it was removed).
 */
export const FILE_MAGIC = Buffer.from('ARMENC01', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** What encryption adds to a file's size. */
export const FILE_OVERHEAD = FILE_MAGIC.length + NONCE_BYTES + TAG_BYTES;

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return bytes.length >= FILE_OVERHEAD && FILE_MAGIC.equals(Buffer.from(bytes.subarray(0, FILE_MAGIC.length)));
}

export function encryptFile(plain: Uint8Array, key: Buffer, sha256: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(sha256, 'latin1'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([FILE_MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The plaintext of a stored file (plain files pass through); a wrong key or damage is an AppError. */
export function decryptFile(stored: Buffer, key: Buffer | null, sha256: string): Buffer {
  if (!isEncryptedFile(stored)) return stored;
  if (!key) throw new AppError('ENCRYPTION_KEY_INVALID', 'Файл зашифрован, а ключ шифрования не задан');
  const nonce = stored.subarray(FILE_MAGIC.length, FILE_MAGIC.length + NONCE_BYTES);
  const tag = stored.subarray(stored.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(sha256, 'latin1'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(stored.subarray(FILE_MAGIC.length + NONCE_BYTES, stored.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new AppError(
      'ENCRYPTION_KEY_INVALID',
      `Файл ${sha256.slice(0, 12)}… не расшифровывается: ключ не подходит или файл повреждён`,
    );
  }
}
