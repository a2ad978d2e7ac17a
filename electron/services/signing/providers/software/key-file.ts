/**
 * The development key file: a bign private key protected by a password, with its certificate.
 *
 *   {
 *     "format": "arm-appeals/development-key", "version": 1,
 *     "label": "Ключ разработчика (не для юридически значимой подписи)",
 *     "owner": "Иванов Иван Иванович", "userId": "…", "createdAt": "2026-…Z",
 *     "certificate": "<base64 DER>",
 *     "privateKey": {
 *       "kdf": { "algorithm": "pbkdf2-hmac-hbelt", "salt": "<base64, 16 bytes>", "iterations": 10000 },
 *       "wrap": "belt-kwp",
 *       "ciphertext": "<base64, 48 bytes>"
 *     }
 *   }
 *
 * Protection — the Belarusian scheme for password-protected private keys (bee2 `bpkiWrapPrivkey`,
 * STB 34.101.78; STB 34.101.45 test E.5), built from shared/crypto only: θ = PBKDF2 with hmac-hbelt
 * (≥ 10 000 iterations, random salt), ciphertext = belt-kwp(d ‖ 0^128, θ). Unwrapping with a wrong
 * password fails the header check (≈ 2^-128 false accept), which is how WRONG_PIN is detected; the
 * unwrapped key must also match the certificate's public key, or the file is damaged. We chose this
 * over @noble/hashes PBKDF2-SHA-256 so that the file uses the national primitives end to end and
 * needs no second hash family; the key's file is JSON (not PKCS#8/EncryptedPrivateKeyInfo) because
 * only this application reads it.
 */

import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  BELT_PBKDF2_MIN_ITERATIONS,
  beltKwpUnwrap,
  beltKwpWrap,
  beltPbkdf2,
  bignPublicKey,
  bytesEqual,
  defaultRandomBytes,
  type RandomBytes,
} from '../../../../../shared/crypto';

export const KEY_FILE_FORMAT = 'arm-appeals/development-key';
export const DEVELOPMENT_KEY_LABEL = 'Ключ разработчика (не для юридически значимой подписи)';
const SALT_BYTES = 16;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  label: z.string(),
  owner: z.string(),
  userId: z.string().optional(),
  createdAt: z.string(),
  certificate: base64,
  privateKey: z.object({
    kdf: z.object({
      algorithm: z.literal('pbkdf2-hmac-hbelt'),
      salt: base64,
      iterations: z.number().int().min(BELT_PBKDF2_MIN_ITERATIONS).max(10_000_000),
    }),
    wrap: z.literal('belt-kwp'),
    ciphertext: base64,
  }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;
export type SealedPrivateKey = KeyFile['privateKey'];

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFC'));
}

/** Wraps a 32-byte bign private key under a password. */
export function sealPrivateKey(
  privateKey: Uint8Array,
  password: string,
  options: { iterations?: number; random?: RandomBytes } = {},
): SealedPrivateKey {
  if (password.length === 0) throw new Error('Пароль ключа разработчика не может быть пустым');
  const iterations = options.iterations ?? BELT_PBKDF2_MIN_ITERATIONS;
  const salt = (options.random ?? defaultRandomBytes)(SALT_BYTES);
  const theta = beltPbkdf2(passwordBytes(password), salt, iterations);
  const ciphertext = beltKwpWrap(privateKey, theta);
  theta.fill(0);
  return {
    kdf: { algorithm: 'pbkdf2-hmac-hbelt', salt: b64(salt), iterations },
    wrap: 'belt-kwp',
    ciphertext: b64(ciphertext),
  };
}

/** The private key, or null when the password is wrong. */
export function openPrivateKey(sealed: SealedPrivateKey, password: string): Uint8Array | null {
  const theta = beltPbkdf2(passwordBytes(password), unb64(sealed.kdf.salt), sealed.kdf.iterations);
  try {
    return beltKwpUnwrap(unb64(sealed.ciphertext), theta);
  } finally {
    theta.fill(0);
  }
}

/** True when `privateKey` is the key of the 64-byte bign `publicKey`. */
export function keyMatches(privateKey: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return bytesEqual(bignPublicKey(privateKey), publicKey);
  } catch {
    return false;
  }
}

export function certificateOf(file: KeyFile): Uint8Array {
  return unb64(file.certificate);
}

export function makeKeyFile(input: {
  owner: string;
  userId?: string;
  certificateDer: Uint8Array;
  sealed: SealedPrivateKey;
  createdAt: Date;
}): KeyFile {
  return {
    format: KEY_FILE_FORMAT,
    version: 1,
    label: DEVELOPMENT_KEY_LABEL,
    owner: input.owner,
    ...(input.userId ? { userId: input.userId } : {}),
    createdAt: input.createdAt.toISOString(),
    certificate: b64(input.certificateDer),
    privateKey: input.sealed,
  };
}

/** Reads and validates a key file; null when it is not one (other JSON, damaged, unreadable). */
export async function readKeyFile(path: string): Promise<KeyFile | null> {
  try {
    const parsed = keyFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Temp file created 0600 → fsync → rename: readable by the owner only, never half-written. */
export async function writeKeyFile(path: string, file: KeyFile, options: { overwrite?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  if (!options.overwrite) {
    const existing = await open(path, 'r').then(
      (handle) => handle.close().then(() => true),
      () => false,
    );
    if (existing) throw new Error(`Файл ключа разработчика уже существует: ${path}`);
  }
  const temp = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(keyFileSchema.parse(file), null, 2)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await chmod(temp, 0o600);
  await rename(temp, path);
}
