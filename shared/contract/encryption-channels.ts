import { z } from 'zod';
import { encryptionStatusSchema } from '../encryption/schema';

/** The administrator's encryption at rest of the data folder (decision 014), on «Резервные копии». */
export const encryptionChannels = {
  /**
   * Whether the host runs locked: browser mode started on a folder whose data key is sealed by a
   * passphrase that was not given at start. While locked only this channel and `encryption:unlock` answer.
   */
  'app:status': { public: true, input: z.object({}), output: z.object({ locked: z.boolean() }) },
  /** Opens the locked folder with the passphrase of its data key; a wrong one is ENCRYPTION_KEY_INVALID. */
  'encryption:unlock': {
    public: true,
    input: z.object({ passphrase: z.string().min(1).max(1000) }),
    output: z.object({}),
  },
  'encryption:status': { public: false, input: z.object({}), output: encryptionStatusSchema },
  /** Encrypts the database and the attachments (resumes an interrupted run); passphrase only in browser mode. */
  'encryption:encrypt': {
    public: false,
    input: z.object({ confirm: z.literal(true), passphrase: z.string().max(1000).optional() }),
    output: encryptionStatusSchema,
  },
  'encryption:decrypt': {
    public: false,
    input: z.object({ confirm: z.literal(true) }),
    output: encryptionStatusSchema,
  },
} as const;
