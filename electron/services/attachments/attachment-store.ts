import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../durable-file';
import { decryptFile, encryptFile, isEncryptedFile } from './file-cipher';

/** Where the store gets the data key (decision 014): null while the folder is not encrypted. */
export interface KeySource {
  key(): Buffer | null;
  /** Whether new files are written encrypted (the folder is, or is being, encrypted). */
  encryptNew(): boolean;
}

export const NO_KEYS: KeySource = { key: () => null, encryptNew: () => false };

/** A stored file's plaintext, whether it is encrypted or not (backups use it for their copies too). */
export function readStoredFile(path: string, sha256: string, key: Buffer | null): Buffer {
  return decryptFile(readFileSync(path), key, sha256);
}

/**
 * Content-addressed file store beside the database: `attachments/ab/abcdef…` named by the sha256 of the
 * plaintext. Writes go to a temporary file, are fsynced and renamed into place, so a crash never leaves a
 * half-written file under a valid name; storing the same content twice is a no-op. With encryption on,
 * files are AES-256-GCM encrypted (file-cipher.ts) and reading decrypts them transparently.
 */
export class AttachmentStore {
  constructor(
    readonly root: string,
    private readonly keys: KeySource = NO_KEYS,
  ) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) return sha256;
    mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
    writeFileAtomically(target, this.sealed(bytes, sha256));
    return sha256;
  }

  read(sha256: string): Buffer {
    return readStoredFile(this.pathOf(sha256), sha256, this.keys.key());
  }

  /**
   * Re-writes one stored file encrypted (`encrypt`) or plain, atomically (temp + fsync + rename): the
   * migration's step per file. Returns whether it changed anything (already in the wanted form: no).
   */
  convert(sha256: string, encrypt: boolean): boolean {
    const path = this.pathOf(sha256);
    const stored = readFileSync(path);
    if (isEncryptedFile(stored) === encrypt) return false;
    const plain = decryptFile(stored, this.keys.key(), sha256);
    if (createHash('sha256').update(plain).digest('hex') !== sha256) {
      throw new Error(`файл ${sha256.slice(0, 12)}… повреждён: сумма sha256 не совпадает`);
    }
    const key = this.keys.key();
    if (encrypt && !key) throw new Error('ключ шифрования не задан');
    writeFileAtomically(path, encrypt && key ? encryptFile(plain, key, sha256) : plain);
    return true;
  }

  private sealed(plain: Uint8Array, sha256: string): Uint8Array {
    const key = this.keys.encryptNew() ? this.keys.key() : null;
    return key ? encryptFile(plain, key, sha256) : plain;
  }
}
