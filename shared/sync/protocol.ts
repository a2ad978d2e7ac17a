import { z } from 'zod';
import { appealDraftSchema } from '../appeals/schema';

/**
 * The central system's API as this product understands it (design.md, "Data and sync"; regulation
 * 4.12–4.14: REST + JSON, authorised by the organisation's Client ID and Secret Access Key, versioned,
 * the previous version kept for a year). The reference server (`server/`) implements it and serves an
 * OpenAPI document generated from these schemas; the client (`electron/services/sync/`) speaks it.
 * Every object schema is non-strict: both sides must tolerate fields they do not know.
 *
 *   POST /api/v1/auth/token              TokenRequest → TokenResponse (short-lived bearer token)
 *   GET  /api/v1/changes?after=N&limit=M → ChangesPage   (the organisation's change feed)
 *   POST /api/v1/commands                CommandBatch → CommandResults (idempotent by command id)
 *   HEAD /api/v1/files/{sha256}          200 + Content-Length when complete; 404 none;
 *                                        206 + Upload-Offset header when partially uploaded
 *   PUT  /api/v1/files/{sha256}          bytes, streamed into the partial file as they arrive;
 *                                        `Upload-Offset: K` resumes at byte K (an offset beyond what
 *                                        the server holds → 409 with the right Upload-Offset);
 *                                        `Upload-Length: N` = total size (without it the body ends
 *                                        the file). 201 complete and sha256 verified; 200 already
 *                                        complete; 202 still partial; 413 over 15 MiB; 422 sha256
 *                                        mismatch (the partial is discarded)
 *   GET  /api/v1/files/{sha256}          bytes
 *   Files are scoped to the organisation of the token.
 *   GET  /api/v1/organisations           OrganisationsPage (directory for redirects)
 *
 * Errors: HTTP status + `ApiProblem` body. 401 = token missing/expired (client gets a new token and
 * retries once; bad credentials at auth/token are 401 `INVALID_CLIENT`, never retried); 429/503 may
 * carry Retry-After; other 4xx are not retried. The change feed's `next` is the seq of the last
 * change returned (or `after` when the page is empty).
 */
export const API_VERSION = 'v1';

export const tokenRequestSchema = z.object({
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
});
export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** Seconds. */
  expiresIn: z.number().int().positive(),
});

export const apiProblemSchema = z.object({ code: z.string(), message: z.string() });

export const remoteFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().max(255),
  size: z.number().int().nonnegative(),
});

/** An appeal filed by an applicant on обращения.бел, addressed to this organisation. */
export const filedAppealSchema = z.object({
  id: z.uuid(),
  filedAt: z.iso.datetime({ offset: true }),
  draft: appealDraftSchema.omit({ attachments: true }),
  files: z.array(remoteFileSchema).max(5),
});

export const changeSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int(), type: z.literal('appeal.filed'), data: filedAppealSchema }),
  /** The central system assigned the official registration number (central numbering). */
  z.object({
    seq: z.number().int(),
    type: z.literal('appeal.numbered'),
    data: z.object({ appealId: z.string(), regNumber: z.string() }),
  }),
  /** The applicant withdrew an appeal on the portal, or the central system changed its status. */
  z.object({
    seq: z.number().int(),
    type: z.literal('appeal.status'),
    data: z.object({ appealId: z.string(), status: z.string(), note: z.string().default('') }),
  }),
  z.object({
    seq: z.number().int(),
    type: z.literal('classifier.topic'),
    data: z.object({
      code: z.string(),
      parentCode: z.string().nullable(),
      name: z.string(),
      removed: z.boolean().default(false),
    }),
  }),
]);

/**
 * One page of the change feed after cursor `after`. `next` is the cursor to store (in the same
 * transaction that applies the page); `hasMore` says whether to ask again at once. Unknown change
 * types are skipped by the client (future versions may add some), never an error.
 */
export const changesPageSchema = z.object({
  changes: z.array(z.unknown()),
  next: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});

export const COMMAND_TYPES = ['RegisterAppeal'] as const;
export const commandSchema = z.object({
  /** UUIDv7 made by the workstation: the idempotency key. */
  id: z.uuid(),
  type: z.string(),
  appealId: z.string().nullable(),
  /** For RegisterAppeal: the full card (shared/appeals AppealCard). */
  payload: z.unknown(),
});
export const commandBatchSchema = z.object({ commands: z.array(commandSchema).min(1).max(100) });

/**
 * Per-command outcome, in the order sent. `applied`: done now; `duplicate`: this id was applied
 * before (same result repeated); `rejected`: will never apply — the clerk sees `reason` in the
 * "needs attention" list. A RegisterAppeal whose number is provisional gets `regNumber` (official).
 */
export const commandResultSchema = z.object({
  id: z.string(),
  outcome: z.enum(['applied', 'duplicate', 'rejected']),
  regNumber: z.string().optional(),
  reason: apiProblemSchema.optional(),
});
export const commandResultsSchema = z.object({ results: z.array(commandResultSchema) });

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  unp: z.string(),
  /** Only state organisations registered in the system can receive redirected appeals [4.6]. */
  state: z.boolean(),
});
export const organisationsPageSchema = z.object({ organisations: z.array(organisationSchema) });

export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type FiledAppeal = z.infer<typeof filedAppealSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ChangesPage = z.infer<typeof changesPageSchema>;
export type Command = z.infer<typeof commandSchema>;
export type CommandResult = z.infer<typeof commandResultSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
