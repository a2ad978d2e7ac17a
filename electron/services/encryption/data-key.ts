import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRawSync } from '@node-rs/argon2';
import { z } from 'zod';
import { DATA_KEY_BYTES, DB_FILE_CIPHER_NAME, isPlainDatabaseFile } from '../../../db/cipher';
import { DB_FILE } from '../../../db/open';
import { AppError } from '../../../shared/errors';
import type { KeySource } from '../attachments/attachment-store';
import { fsyncPath } from '../backup/backup-files';
import { type SafeStorageLike, writePrivateFile } from '../sync/credentials';

/** The data key's envelope beside the database (never inside it): 0600, replaced atomically. */
export const KEY_FILE = 'encryption-key.json';
/** At least this long: the passphrase alone stands between a copied folder and its contents. */
export const MIN_PASSPHRASE = 12;

/** argon2id for the passphrase: 64 MiB, 3 passes, 1 lane (OWASP's stronger profile; once per start). */
const KDF = { algorithm: 'argon2id' as const, memoryKiB: 65_536, passes: 3, lanes: 1 };

const envelopeSchema = z.object({
  format: z.literal(1),
  cipher: z.literal(DB_FILE_CIPHER_NAME),
  protection: z.enum(['os', 'passphrase']),
  /** base64: safeStorage's blob, or nonce ‖ AES-256-GCM(key) ‖ tag under the passphrase's key. */
  sealed: z.string().min(1),
  kdf: z
    .object({
      algorithm: z.literal('argon2id'),
      memoryKiB: z.number().int(),
      passes: z.number().int(),
      lanes: z.number().int(),
      salt: z.string(),
    })
    .optional(),
});
export type KeyEnvelope = z.infer<typeof envelopeSchema>;
export type KeyProtection = KeyEnvelope['protection'];

/** Who guards the data key where it is stored: the operating system, or the administrator's passphrase. */
export interface KeyProtector {
  readonly protection: KeyProtection;
  seal(key: Buffer): KeyEnvelope;
  open(envelope: KeyEnvelope): Buffer;
}

const wrongKey = (message: string) => new AppError('ENCRYPTION_KEY_INVALID', message);

/** Electron: `safeStorage` (DPAPI on Windows, Keychain on macOS, libsecret on Linux) — as the central keys. */
export function osKeyProtector(safeStorage: SafeStorageLike): KeyProtector {
  return {
    protection: 'os',
    seal(key) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError('CONFLICT', 'Шифрование операционной системы недоступно: ключ базы данных не сохранён');
      }
      const sealed = safeStorage.encryptString(key.toString('hex')).toString('base64');
      return { format: 1, cipher: DB_FILE_CIPHER_NAME, protection: 'os', sealed };
    },
    open(envelope) {
      if (envelope.protection !== 'os') throw wrongKey('Ключ базы данных защищён парольной фразой — укажите её');
      try {
        const key = Buffer.from(safeStorage.decryptString(Buffer.from(envelope.sealed, 'base64')), 'hex');
        if (key.length === DATA_KEY_BYTES) return key;
      } catch {
        // below
      }
      throw wrongKey('Операционная система не расшифровала ключ базы данных (другая учётная запись или компьютер)');
    },
  };
}

function passphraseKey(passphrase: string, kdf: NonNullable<KeyEnvelope['kdf']>): Buffer {
  // The library's default algorithm is argon2id (its const enum cannot be imported here).
  return hashRawSync(passphrase.normalize('NFC'), {
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.passes,
    parallelism: kdf.lanes,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

/** Browser mode and commands: the key wrapped by AES-256-GCM under argon2id(passphrase, salt). */
export function passphraseProtector(passphrase: string): KeyProtector {
  return {
    protection: 'passphrase',
    seal(key) {
      if (passphrase.length < MIN_PASSPHRASE) {
        throw new AppError('BAD_INPUT', `Парольная фраза должна быть не короче ${MIN_PASSPHRASE} символов`);
      }
      const kdf = { ...KDF, salt: randomBytes(16).toString('base64') };
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', passphraseKey(passphrase, kdf), nonce);
      const body = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
      const sealed = Buffer.concat([nonce, body]).toString('base64');
      return { format: 1, cipher: DB_FILE_CIPHER_NAME, protection: 'passphrase', sealed, kdf };
    },
    open(envelope) {
      if (envelope.protection !== 'passphrase' || !envelope.kdf) {
        throw wrongKey('Ключ базы данных защищён операционной системой — откройте базу в приложении Electron');
      }
      const sealed = Buffer.from(envelope.sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', passphraseKey(passphrase, envelope.kdf), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      try {
        return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
      } catch {
        throw wrongKey('Неверная парольная фраза: ключ базы данных не расшифрован');
      }
    },
  };
}

export function readEnvelope(dataDir: string): KeyEnvelope | null {
  const path = join(dataDir, KEY_FILE);
  if (!existsSync(path)) return null;
  const parsed = envelopeSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new AppError('CONFLICT', `Файл ключа шифрования повреждён: ${path}`);
  return parsed.data;
}

/**
 * The data key of one data folder (decision 014): generated once, kept in its envelope (`KEY_FILE`) —
 * also after the encryption is removed, so backups made while encrypted stay readable. `key()` is null
 * until the envelope is opened. Attachments read it through the KeySource interface.
 */
export class DataKeys implements KeySource {
  private current: Buffer | null = null;
  private encrypting: boolean;

  constructor(
    readonly dataDir: string,
    private protector: KeyProtector | null,
  ) {
    this.encrypting = !isPlainDatabaseFile(join(dataDir, DB_FILE));
    const envelope = readEnvelope(dataDir);
    // Without a matching protector the key stays locked: an encrypted database then refuses to open (key
    // missing), a plain one opens as usual.
    if (envelope && protector?.protection === envelope.protection) this.current = protector.open(envelope);
  }

  key(): Buffer | null {
    return this.current;
  }

  encryptNew(): boolean {
    return this.encrypting && this.current !== null;
  }

  /** How the key is (or will be) protected; null: no envelope yet and nothing to protect it with. */
  protection(): KeyProtection | null {
    return readEnvelope(this.dataDir)?.protection ?? this.protector?.protection ?? null;
  }

  /** The key must be unlocked or created, and no protector was given at start: a passphrase is needed. */
  needsPassphrase(): boolean {
    return this.current === null && this.protector === null;
  }

  /**
   * The key, unlocked or created: an existing envelope is opened (a wrong passphrase is refused), else a
   * random 256-bit key is sealed and written durably — before any byte is encrypted with it.
   */
  async ensure(passphrase?: string): Promise<Buffer> {
    if (this.current) return this.current;
    const protector = this.protector ?? (passphrase ? passphraseProtector(passphrase) : null);
    if (!protector) throw new AppError('BAD_INPUT', 'Укажите парольную фразу для ключа шифрования');
    const envelope = readEnvelope(this.dataDir);
    let key: Buffer;
    if (envelope) key = protector.open(envelope);
    else {
      key = randomBytes(DATA_KEY_BYTES);
      await writePrivateFile(join(this.dataDir, KEY_FILE), JSON.stringify(protector.seal(key), null, 2));
      fsyncPath(this.dataDir);
    }
    this.protector = protector;
    this.current = key;
    return key;
  }

  /** New attachments are written encrypted from now on (true) or plain (false). */
  setEncrypting(on: boolean): void {
    this.encrypting = on;
  }
}

/**
 * The protector a start uses: the passphrase when one is given and the envelope (or, without one, no OS
 * protector) asks for it — so a folder encrypted in browser mode also opens in Electron with its passphrase.
 */
export function chooseProtector(
  dataDir: string,
  os: KeyProtector | null,
  passphrase: string | null,
): KeyProtector | null {
  const wanted = readEnvelope(dataDir)?.protection ?? (os ? 'os' : 'passphrase');
  if (passphrase && wanted === 'passphrase') return passphraseProtector(passphrase);
  return os;
}

/** The passphrase of a command or of `npm start`: `--passphrase-file FILE` first, else ARM_DB_PASSPHRASE. */
export function passphraseFromOptions(file: string | boolean | undefined, env = process.env): string | null {
  if (typeof file === 'string') return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  const value = env.ARM_DB_PASSPHRASE;
  return value ? value : null;
}
