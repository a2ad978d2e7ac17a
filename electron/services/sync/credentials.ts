import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** The organisation's keys for the central system (regulation 4.12: Client ID + Secret Access Key). */
export interface CentralCredentials {
  clientId: string;
  secretAccessKey: string;
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

const fileSchema = z.object({ clientId: z.string().min(1), secretAccessKey: z.string().min(1) });

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** `<dataDir>/central-credentials.json`, readable by the owner only (0600), replaced atomically. */
export class FileCredentialStore implements CredentialStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, CREDENTIALS_FILE);
  }

  async load(): Promise<CentralCredentials | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // Never let a parser message quote the file: it would carry the secret into a log.
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Error(`Файл учётных данных системы обращений повреждён: ${this.path} — задайте ключи заново`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`Файл учётных данных системы обращений неполон: ${this.path}`);
    return { clientId: parsed.data.clientId, secretAccessKey: parsed.data.secretAccessKey };
  }

  /** Temp file created 0600 → fsync → rename over the old one: a crash leaves the old or the new file. */
  async save(credentials: CentralCredentials): Promise<void> {
    const value = fileSchema.parse(credentials);
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(value), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, 0o600);
    await rename(temp, this.path);
  }

  async clear(): Promise<void> {
    try {
      await unlink(this.path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
}

/** For tests and for a deployment that injects the keys from its own secret store. */
export class MemoryCredentialStore implements CredentialStore {
  constructor(private value: CentralCredentials | null = null) {}

  async load(): Promise<CentralCredentials | null> {
    return this.value;
  }

  async save(credentials: CentralCredentials): Promise<void> {
    this.value = { ...credentials };
  }

  async clear(): Promise<void> {
    this.value = null;
  }
}
