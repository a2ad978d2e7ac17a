import { z } from 'zod';

/** Security log events of the encryption at rest (decision 014). */
export const ENCRYPTION_SECURITY_EVENT_TYPES = ['encryption-enabled', 'encryption-disabled'] as const;

/** The state of the data folder's encryption, as «Резервные копии» shows it and the command prints it. */
export const encryptionStatusSchema = z.object({
  /** The database file is encrypted (no plain SQLite header). */
  database: z.boolean(),
  files: z.object({ encrypted: z.number().int(), plain: z.number().int() }),
  /** How the data key is protected: the operating system (Electron) or a passphrase; null: no key yet. */
  protection: z.enum(['os', 'passphrase']).nullable(),
  /** Encrypting needs the administrator's passphrase (browser mode started without one). */
  needsPassphrase: z.boolean(),
  /** A migration in progress: which, and how many of its steps (files + the database) are done. */
  running: z
    .object({ action: z.enum(['encrypt', 'decrypt']), done: z.number().int(), total: z.number().int() })
    .nullable(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>;

/** Whole: the database and every file encrypted; none: nothing encrypted; else a migration was interrupted. */
export function encryptionState(status: EncryptionStatus): 'on' | 'off' | 'partial' {
  if (status.database && status.files.plain === 0) return 'on';
  if (!status.database && status.files.encrypted === 0) return 'off';
  return 'partial';
}
