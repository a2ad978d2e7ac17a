import { z } from 'zod';
import { aboutSchema, releaseNotesSchema, updateSettingsSchema, updateStatusSchema } from '../release/schema';

/** Release channels (decision 011), spread into `channels`. */
export const releaseChannels = {
  /** «О программе»: versions, database schema, update state and settings. Any logged-in user. */
  'release:about': { public: false, input: z.object({}), output: aboutSchema },
  /** Administrator: the update server and whether updates download by themselves. */
  'release:saveSettings': { public: false, input: updateSettingsSchema, output: updateSettingsSchema },
  'release:updateStatus': { public: false, input: z.object({}), output: updateStatusSchema },
  /** Ask the organisation's update server for a newer version (Electron only). */
  'release:check': { public: false, input: z.object({}), output: updateStatusSchema },
  /** Download the found update (verified: sha512 of latest.yml, the installer's signature on Windows). */
  'release:download': { public: false, input: z.object({}), output: updateStatusSchema },
  /** Restart now and install the downloaded update (otherwise it installs when the application closes). */
  'release:install': { public: false, input: z.object({}), output: z.object({}) },
  /** The release notes of the running version and whether the caller still has to see them. */
  'release:notes': { public: false, input: z.object({}), output: releaseNotesSchema },
  'release:notesSeen': { public: false, input: z.object({}), output: z.object({}) },
  /** Administrator: «Сохранить диагностику» — logs, versions, settings without secrets, database statistics. */
  'release:diagnostics': {
    public: false,
    input: z.object({}),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
} as const;
