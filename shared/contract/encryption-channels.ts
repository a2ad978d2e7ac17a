import { z } from 'zod';
import { encryptionStatusSchema } from '../encryption/schema';

/** The administrator's encryption at rest of the data folder (decision 014), on «Резервные копии». */
export const encryptionChannels = {
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
