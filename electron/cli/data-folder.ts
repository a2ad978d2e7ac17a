import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { DB_FILE, openDatabase, type WorkingCopy } from '../../db/open';
import { userRoles, users } from '../../db/schema';
import type { Role } from '../../shared/appeals/enums';
import { AttachmentStore } from '../services/attachments/attachment-store';
import { loadUser } from '../services/auth/auth-service';
import { cleanInterrupted } from '../services/backup/backup-files';
import { DataKeys, passphraseFromOptions, passphraseProtector } from '../services/encryption/data-key';
import { CliError } from './run-cli';

/** `--data DIR` of a command that works on an existing data folder: resolved, with its database present. */
export function existingDataDir(value: string | boolean | undefined, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`не указана папка данных --data; ${usage}`);
  const dataDir = resolve(value);
  if (!existsSync(join(dataDir, DB_FILE))) throw new CliError(`в папке ${dataDir} нет базы данных ${DB_FILE}`);
  return dataDir;
}

/**
 * Opens the data folder as the app does (leftovers of an interrupted backup or restore cleaned first).
 * An encrypted folder's key is opened with the passphrase of `passphraseFile` or ARM_DB_PASSPHRASE
 * (decision 014); without one an encrypted database is refused with DatabaseKeyError, unchanged.
 */
export function openDataFolder(
  dataDir: string,
  passphraseFile?: string | boolean,
): { store: WorkingCopy; files: AttachmentStore; keys: DataKeys } {
  cleanInterrupted(dataDir);
  const passphrase = passphraseFromOptions(passphraseFile);
  const keys = new DataKeys(dataDir, passphrase ? passphraseProtector(passphrase) : null);
  return {
    store: openDatabase(dataDir, { key: keys.key() }),
    files: new AttachmentStore(join(dataDir, 'attachments'), keys),
    keys,
  };
}

/**
 * The account a command acts as: `--user LOGIN`, or the only active account with `role` when there
 * is exactly one. The command does what that user may do in the app, and the logs name them.
 */
export function actingUser(store: WorkingCopy, login: string | boolean | undefined, role: Role) {
  const candidates = store.db
    .select({ id: users.id, login: users.login })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, role))
    .all()
    .filter((u) => (typeof login === 'string' ? u.login === login : true));
  const active = candidates.filter(
    (u) =>
      store.db.select({ disabled: users.disabled }).from(users).where(eq(users.id, u.id)).get()?.disabled === false,
  );
  if (typeof login === 'string' && active.length === 0) {
    throw new CliError(`нет активной учётной записи «${login}» с нужной ролью`);
  }
  if (active.length !== 1 || !active[0]) {
    throw new CliError('укажите учётную запись --user <логин> (их с нужной ролью несколько или нет ни одной)');
  }
  const user = loadUser({ store }, active[0].id);
  if (!user) throw new CliError('учётная запись не найдена');
  return user;
}
