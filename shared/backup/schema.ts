import { z } from 'zod';

/** Backups of the data folder (issue #10): what the manifest, the list and the settings carry. */
export const BACKUP_FORMAT = 'arm-appeals/backup@1';
export const BACKUP_REASONS = ['manual', 'scheduled', 'pre-restore', 'cli'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupSettingsSchema = z.object({
  /** How many backups are kept; older ones are deleted after a new one is made. */
  keep: z.number().int().min(1).max(100),
  /** A scheduled backup is made when the newest one is older than this. 0 = no schedule. */
  intervalHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 7, intervalHours: 24 };

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  id: z.string(),
  /** ISO instant, Minsk offset. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  appVersion: z.string(),
  db: z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() }),
  appeals: z.number().int(),
  /** Every file of the attachment store at the time, by sha256 (the file's name) and size. */
  files: z.array(z.object({ sha256: z.string(), bytes: z.number().int() })),
  /** Referenced by the database but absent from the store when the backup was made (not yet received). */
  absentAtSource: z.array(z.string()),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export const backupVerificationSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  /** Russian, one line per problem. */
  problems: z.array(z.string()),
});
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  dbBytes: z.number().int(),
  files: z.number().int(),
  fileBytes: z.number().int(),
  appeals: z.number().int(),
  /** The last verification (made right after creation, and on demand); null if never verified. */
  verification: backupVerificationSchema.nullable(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupRestoreResultSchema = z.object({
  restored: z.string(),
  /** The backup of the state just before the restore (null when it could not be made). */
  safetyBackup: z.string().nullable(),
  appeals: z.number().int(),
});
export type BackupRestoreResult = z.infer<typeof backupRestoreResultSchema>;
