import { z } from 'zod';
import { backupInfoSchema, backupRestoreResultSchema, backupSettingsSchema } from '../backup/schema';
import { importReportSchema, MAX_UI_IMPORT_BYTES } from '../import/json-import';

const backupId = z.string().min(1).max(64);

/** Channels of the data folder's care: «Загрузить JSON» (clerks) and «Резервные копии» (administrator). */
export const dataChannels = {
  /**
   * «Загрузить JSON» [4.3]: every record checked with the card's rules, all registered in one transaction
   * or none; the report lists each problem (path, field, reason). Validation problems are a report, not an error.
   */
  'import:json': {
    public: false,
    input: z.object({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(Math.ceil(MAX_UI_IMPORT_BYTES / 3) * 4 + 4),
    }),
    output: importReportSchema,
  },
  'backups:list': {
    public: false,
    input: z.object({}),
    output: z.object({ settings: backupSettingsSchema, running: z.boolean(), backups: z.array(backupInfoSchema) }),
  },
  'backups:create': { public: false, input: z.object({}), output: backupInfoSchema },
  'backups:verify': { public: false, input: z.object({ id: backupId }), output: backupInfoSchema },
  /** Replaces the working copy with the backup (after saving the current state as a backup). */
  'backups:restore': {
    public: false,
    input: z.object({ id: backupId, confirm: z.literal(true) }),
    output: backupRestoreResultSchema,
  },
  'backups:settings': { public: false, input: backupSettingsSchema, output: backupSettingsSchema },
} as const;
