import { z } from 'zod';

/**
 * Release: automatic updates from the organisation's own server, the «О программе» screen, release notes
 * after an update and the diagnostics package (decision 011).
 */

/** Where an update stands on this workstation (Electron only; browser mode has no updater). */
export const UPDATE_PHASES = [
  'idle',
  'checking',
  'not-available',
  'available',
  'downloading',
  'downloaded',
  'error',
] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

export const updateStatusSchema = z.object({
  phase: z.enum(UPDATE_PHASES),
  currentVersion: z.string(),
  /** The update server's URL in use (null: none configured). */
  feedUrl: z.string().nullable(),
  /** The newest version the server offers (set from `available` on). */
  available: z
    .object({
      version: z.string(),
      releaseDate: z.string().nullable(),
      /** Staged rollout: the share of workstations (latest.yml `stagingPercentage`) offered this version. */
      stagingPercentage: z.number().nullable(),
      releaseNotes: z.string().nullable(),
    })
    .nullable(),
  progress: z
    .object({ percent: z.number(), transferred: z.number(), total: z.number(), bytesPerSecond: z.number() })
    .nullable(),
  /** Russian, for the screen. */
  error: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** The administrator's update settings, stored in the database (`settings` key `updates`). */
export const updateSettingsSchema = z.object({
  /** The organisation's update server (a folder with latest.yml served over HTTP(S)); null = no updates. */
  feedUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), 'Укажите адрес вида https://сервер/папка')
    .nullable()
    .default(null),
  /** Download a found update without asking (installed on the next restart). */
  autoDownload: z.boolean().default(false),
});
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

export const aboutSchema = z.object({
  product: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    sqlite: z.string(),
  }),
  /** Database schema: migrations applied and the latest one this version knows. */
  schema: z.object({ applied: z.number(), latest: z.string() }),
  /** Updates are the Electron shell's; browser mode says so. */
  updatesSupported: z.boolean(),
  update: updateStatusSchema.nullable(),
  settings: updateSettingsSchema,
});
export type About = z.infer<typeof aboutSchema>;

export const releaseNotesSchema = z.object({
  version: z.string(),
  /** The CHANGELOG.md section of this version (Markdown list), null when there is none. */
  notes: z.string().nullable(),
  /** Whether the caller has not seen this version's notes since the update. */
  unseen: z.boolean(),
});
