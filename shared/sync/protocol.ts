import { z } from 'zod';
import { APPEAL_STATUSES } from '../appeals/enums';
import { appealDraftSchema } from '../appeals/schema';
import { reviewCommandSchema } from '../review/actions';

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
 *   GET  /api/v1/organisations           OrganisationsPage: the directory for redirects, requests and
 *                                        instructions — every organisation but the token's own;
 *                                        `subordinate` is relative to the token's organisation
 *
 * The feed (`Change`): `appeal.filed` (a portal appeal, or one redirected here), `appeal.registered`
 * (a card registered on one of the organisation's workstations, for the others: the card as the
 * server holds it — official number — and its files to download), `appeal.numbered` (the official
 * number of a provisional one), `appeal.status`, `appeal.action` (a review action), `classifier.topic`.
 * Every workstation's feed carries its own registrations and actions too; applying them is a no-op.
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

/**
 * An appeal filed by an applicant on обращения.бел, addressed to this organisation — or redirected to it
 * by another organisation by competence [4.8] (a new id; the requisites, files and a note on where it
 * came from in `draft.notes`).
 */
export const filedAppealSchema = z.object({
  id: z.uuid(),
  filedAt: z.iso.datetime({ offset: true }),
  draft: appealDraftSchema.omit({ attachments: true }),
  files: z.array(remoteFileSchema).max(5),
});

/**
 * A card as a workstation registered it (the `AppealCard` of its `RegisterAppeal`), as the central
 * system holds it: `regNumber` is the official number (`numberProvisional` false once the central
 * system numbered it), attachments are references (`{sha256, name, participantsList}`), and what
 * the card derives locally (history, version, list fields) is not carried. The review deadline is the
 * registering workstation's; a receiver computes it when absent.
 */
export const registeredCardSchema = appealDraftSchema.extend({
  id: z.string().min(1).max(64),
  status: z.enum(APPEAL_STATUSES),
  regNumber: z.string().min(1).max(100),
  numberProvisional: z.boolean().default(false),
  registeredAt: z.string().max(64).nullable().default(null),
  deadlineAt: z.string().max(64).nullable().default(null),
  deadlineExplanation: z.string().max(1000).nullable().default(null),
});

/** `appeal.registered` data: the card and its files (`{sha256, name, size}`, to download by sha256). */
export const registeredAppealSchema = z.object({
  card: registeredCardSchema,
  files: z.array(remoteFileSchema).max(50).default([]),
});

export const changeSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int(), type: z.literal('appeal.filed'), data: filedAppealSchema }),
  /**
   * A `RegisterAppeal` the central system applied, for the organisation's other workstations: a card
   * they do not hold is entered as registered, a portal appeal they hold as «поступило» becomes
   * registered; the registering workstation (or a replay) changes nothing. With central numbering it
   * comes just before the `appeal.numbered` of the same appeal.
   */
  z.object({ seq: z.number().int(), type: z.literal('appeal.registered'), data: registeredAppealSchema }),
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
  /**
   * A review action performed on a workstation of this organisation and accepted by the central system
   * (a `ReviewAction` command, regulation 4.5–4.9), for the organisation's other workstations. Every
   * workstation's feed carries its own commands too: `commandId` lets it recognise them (applied once).
   */
  z.object({
    seq: z.number().int(),
    type: z.literal('appeal.action'),
    data: z.object({ commandId: z.string(), command: reviewCommandSchema }),
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
  /**
   * Optional (added within v1; older servers omit it, older clients ignore it): how many of the
   * organisation's changes remain after `next` — the workstation shows the progress of a long
   * (first) sync from it.
   */
  remaining: z.number().int().nonnegative().optional(),
});

export const COMMAND_TYPES = ['RegisterAppeal', 'ReviewAction'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];
export const commandSchema = z.object({
  /** UUIDv7 made by the workstation: the idempotency key. */
  id: z.uuid(),
  type: z.string(),
  appealId: z.string().nullable(),
  /**
   * RegisterAppeal: the full card (shared/appeals AppealCard). Applied, it is announced to the
   * organisation's feed as `appeal.registered` (and, when the number was provisional, `appeal.numbered`).
   * ReviewAction: a `ReviewCommand` (shared/review/actions.ts) — the action, who did it and when, the id
   * of what it created, the appeal's status before and after, and every file it references (uploaded
   * first, like a card's attachments). The server checks the transition against its own copy of the
   * appeal and announces the action to the organisation's feed as `appeal.action`.
   */
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
  /** Only state organisations registered in the system can receive redirected appeals [4.6, 4.8]. */
  state: z.boolean(),
  /** The organisation it is subordinate to (null = none in the directory) [4.7]. */
  parentId: z.string().nullable().default(null),
  /**
   * Subordinate to the organisation of the token (its `parentId` is that organisation): it may receive
   * instructions (поручения) [4.7]. The server computes it because a workstation does not know its
   * organisation's id in the central system.
   */
  subordinate: z.boolean().default(false),
});
export const organisationsPageSchema = z.object({ organisations: z.array(organisationSchema) });

export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type FiledAppeal = z.infer<typeof filedAppealSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ChangesPage = z.infer<typeof changesPageSchema>;
export type Command = z.infer<typeof commandSchema>;
export type CommandResult = z.infer<typeof commandResultSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type AppealActionChange = Extract<Change, { type: 'appeal.action' }>['data'];
export type RegisteredCard = z.infer<typeof registeredCardSchema>;
export type RegisteredAppeal = z.infer<typeof registeredAppealSchema>;
