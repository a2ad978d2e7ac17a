import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** The organisation's keys for the central system (regulation 4.12: Client ID + Secret Access Key). */
export interface CentralCredentials {
  clientId: string;
  secretAccessKey: string;
  /** The central system's origin set by the administrator; absent = the start option or the embedded demo. */
  serverUrl?: string;
}

/**
 * Where the keys live: never in the database (a backup or an exported working copy must not carry
 * them). Browser mode uses `FileCredentialStore`; the Electron build implements the same interface
 * with `safeStorage` in main.ts.
 */
export interface CredentialStore {
  load(): Promise<CentralCredentials | null>;
  save(credentials: CentralCredentials): Promise<void>;
  clear(): Promise<void>;
}

export const CREDENTIALS_FILE = 'central-credentials.json';

const fileSchema = z.object({
  clientId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  serverUrl: z.string().min(1).optional(),
});

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** The file's text, or null when it does not exist. */
async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Temp file created 0600 → fsync → rename over the old one: a crash leaves the old or the new file. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(temp, 0o600);
  await rename(temp, path);
}

async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** Parses the stored JSON; a message never quotes it (it would carry the secret into a log). */
function parseStored(raw: string, path: string): CentralCredentials {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`Файл учётных данных системы обращений повреждён: ${path} — задайте ключи заново`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Файл учётных данных системы обращений неполон: ${path}`);
  const { clientId, secretAccessKey, serverUrl } = parsed.data;
  return serverUrl ? { clientId, secretAccessKey, serverUrl } : { clientId, secretAccessKey };
}

/** `<dataDir>/central-credentials.json`, readable by the owner only (0600), replaced atomically. */
export class FileCredentialStore implements CredentialStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, CREDENTIALS_FILE);
  }

  async load(): Promise<CentralCredentials | null> {
    const raw = await readOptional(this.path);
    return raw === null ? null : parseStored(raw, this.path);
  }

  async save(credentials: CentralCredentials): Promise<void> {
    await writePrivateFile(this.path, JSON.stringify(fileSchema.parse(credentials)));
  }

  clear(): Promise<void> {
    return removeFile(this.path);
  }
}

/** What the Electron build needs of `electron.safeStorage` (injected from main.ts; faked in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SAFE_CREDENTIALS_FILE = 'central-credentials.bin';

/**
 * The Electron build's store: the keys encrypted by the operating system (`safeStorage`: DPAPI on
 * Windows, the keychain on macOS, libsecret on Linux) in `<userData>/central-credentials.bin`, 0600,
 * replaced atomically. Without OS encryption it refuses to save rather than write the secret in clear.
 */
export class SafeStorageCredentialStore implements CredentialStore {
  readonly path: string;

  constructor(
    dir: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    this.path = join(dir, SAFE_CREDENTIALS_FILE);
  }

  async load(): Promise<CentralCredentials | null> {
    const raw = await readOptional(this.path);
    if (raw === null) return null;
    let plain: string;
    try {
      plain = this.safeStorage.decryptString(Buffer.from(raw.trim(), 'base64'));
    } catch {
      throw new Error(`Не удалось расшифровать учётные данные системы обращений: ${this.path} — задайте ключи заново`);
    }
    return parseStored(plain, this.path);
  }

  async save(credentials: CentralCredentials): Promise<void> {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new Error('Шифрование операционной системы недоступно: учётные данные не сохранены');
    }
    const sealed = this.safeStorage.encryptString(JSON.stringify(fileSchema.parse(credentials)));
    await writePrivateFile(this.path, sealed.toString('base64'));
  }

  clear(): Promise<void> {
    return removeFile(this.path);
  }
}

/** For tests and for a deployment that injects the keys from its own secret store. */
export class MemoryCredentialStore implements CredentialStore {
  constructor(private value: CentralCredentials | null = null) {}

  async load(): Promise<CentralCredentials | null> {
    return this.value;
  }

  async save(credentials: CentralCredentials): Promise<void> {
    this.value = fileSchema.parse(credentials);
  }

  async clear(): Promise<void> {
    this.value = null;
  }
}
