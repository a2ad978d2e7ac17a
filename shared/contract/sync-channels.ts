import { z } from 'zod';

const connectionViewSchema = z.object({
  serverUrl: z.string(),
  clientId: z.string(),
  /** The Secret Access Key itself never leaves the main process: only whether it is set. */
  secretSet: z.boolean(),
  embedded: z.boolean(),
});

const connectionInputSchema = z.object({
  serverUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'Адрес сервера: ожидается http(s)://…'),
  clientId: z.string().max(200),
  /** Empty = keep the stored one. */
  secretAccessKey: z.string().max(500),
});

/**
 * Sync channels beyond the status (docs/sync.md): the «Требуют внимания» actions and the
 * administrator's connection settings.
 */
export const syncChannels = {
  /** Clerk or administrator: a refused command again, as a new command (the card as it is now). */
  'sync:resend': {
    public: false,
    input: z.object({ commandId: z.string().min(1).max(64) }),
    output: z.object({ commandId: z.string() }),
  },
  /** Clerk or administrator, after confirmation: the refused change stays on this workstation only. */
  'sync:discard': { public: false, input: z.object({ commandId: z.string().min(1).max(64) }), output: z.object({}) },
  /** Clerk or administrator: an entry of «Не применены на этом рабочем месте» is settled (history records it). */
  'sync:acknowledge': { public: false, input: z.object({ key: z.string().min(1).max(200) }), output: z.object({}) },
  /** Administrator: the central system's URL and Client ID, whether the secret is set. */
  'sync:connection': { public: false, input: z.object({}), output: connectionViewSchema },
  /** Administrator: replace the URL and keys. */
  'sync:saveConnection': { public: false, input: connectionInputSchema, output: connectionViewSchema },
  /** Administrator: try these (or the stored) keys against the central system. */
  'sync:checkConnection': {
    public: false,
    input: connectionInputSchema,
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
} as const;
