import { z } from 'zod';
import { ROLES } from '../appeals/enums';
import {
  appealCardSchema,
  appealDraftSchema,
  appealListQuerySchema,
  appealRowSchema,
  applicantSchema,
  attachmentSchema,
  similarAppealSchema,
  userSchema,
} from '../appeals/schema';
import { calendarSettingsSchema } from '../calendar/calendar-settings';
import { reviewActionSchema } from '../review/actions';
import { directoryOrganisationSchema, reviewViewSchema, taskListQuerySchema, taskRowSchema } from '../review/view';
import { securityEventSchema, securityLogFilterSchema, securityVerifySchema } from '../security/schema';
import { PROVIDER_IDS, signedDocumentSchema, signingChoicesSchema } from '../signing/schema';
import { syncStatusSchema } from '../sync/status';
import { accountsChannels } from './accounts-channels';
import { certLoginChannels } from './cert-login-channels';
import { dataChannels } from './data-channels';
import { encryptionChannels } from './encryption-channels';
import { pdfChannels } from './pdf-channels';
import { releaseChannels } from './release-channels';
import { reportsChannels } from './reports-channels';
import { syncChannels } from './sync-channels';

const dictionaryItem = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });

/**
 * The one API contract (design.md, "The contract"): every channel with its input and output schema.
 * Both hosts (IPC, loopback HTTP) and the renderer's client are built from this object; nothing else
 * defines a channel. `public` channels run without a logged-in user.
 */
export const channels = {
  'app:info': {
    public: true,
    input: z.object({}),
    output: z.object({
      product: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      organisation: z.string(),
      demoLogin: z.string().nullable(),
    }),
  },
  'auth:login': {
    public: true,
    input: z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
    output: userSchema,
  },
  'auth:logout': { public: true, input: z.object({}), output: z.object({}) },
  'auth:me': { public: true, input: z.object({}), output: userSchema.nullable() },
  /** The idle lock: the session user's password again (failures count like failed logins). */
  'auth:unlock': { public: false, input: z.object({ password: z.string().min(1).max(200) }), output: userSchema },
  'dictionaries:get': {
    public: false,
    input: z.object({}),
    output: z.object({
      topics: z.array(dictionaryItem),
      territories: z.array(dictionaryItem),
      categories: z.array(dictionaryItem),
      heads: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Active users of the organisation with their roles: executors, signers, controllers to pick from. */
      staff: z.array(
        z.object({ id: z.string(), name: z.string(), position: z.string(), roles: z.array(z.enum(ROLES)) }),
      ),
    }),
  },
  'appeals:list': {
    public: false,
    input: appealListQuerySchema,
    output: z.object({ total: z.number().nullable(), totalIsEstimate: z.boolean(), rows: z.array(appealRowSchema) }),
  },
  'appeals:get': { public: false, input: z.object({ id: z.string().max(64) }), output: appealCardSchema },
  'appeals:save': {
    public: false,
    input: z.object({
      id: z.string().max(64).nullable(),
      draft: appealDraftSchema,
      expectedVersion: z.number().nullable(),
    }),
    output: z.object({ id: z.string(), version: z.number() }),
  },
  'appeals:register': {
    public: false,
    input: z.object({
      id: z.string().max(64).nullable(),
      draft: appealDraftSchema,
      expectedVersion: z.number().nullable(),
    }),
    output: z.object({ id: z.string(), regNumber: z.string(), numberProvisional: z.boolean(), deadlineAt: z.string() }),
  },
  /**
   * Earlier appeals of the same applicant (full name + address, or УНП), newest first, those on the same
   * question flagged: the clerk decides whether the new one is a repeat.
   */
  'appeals:similar': {
    public: false,
    input: z.object({
      id: z.string().max(64).nullable(),
      applicant: applicantSchema,
      topicCodes: z.array(z.string().max(20)).max(20).default([]),
      summary: z.string().max(2000).default(''),
    }),
    output: z.object({ appeals: z.array(similarAppealSchema) }),
  },
  'attachments:upload': {
    public: false,
    input: z.object({ name: z.string().min(1).max(255), dataBase64: z.string().max(22_000_000) }),
    output: attachmentSchema.omit({ participantsList: true }),
  },
  'attachments:read': {
    public: false,
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: z.object({ type: z.string(), dataBase64: z.string() }),
  },
  'calendar:get': {
    public: false,
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.object({
      settings: calendarSettingsSchema,
      days: z.array(
        z.object({ date: z.string(), working: z.boolean(), reason: z.string(), hours: z.string().nullable() }),
      ),
    }),
  },
  /** The review process of one appeal: resolutions, tasks, correspondence, terms, what the caller may do. */
  'review:get': { public: false, input: z.object({ appealId: z.string().max(64) }), output: reviewViewSchema },
  /**
   * One action of the review process (regulation 4.5–4.9): checked (role, relation, status, content),
   * applied in one transaction with its history entry and its outbox command.
   */
  'review:perform': {
    public: false,
    input: z.object({
      appealId: z.string().max(64),
      /** The card version the user saw; a newer one → CONFLICT (someone acted meanwhile). */
      expectedVersion: z.number().int().nullable(),
      action: reviewActionSchema,
    }),
    output: z.object({ version: z.number(), status: z.string(), entityId: z.string().nullable() }),
  },
  /** ЭЦП: the signature providers of this machine and the certificates the caller may choose from. */
  'signing:choices': { public: false, input: z.object({}), output: signingChoicesSchema },
  /**
   * Sign a summary result, an answer or a decision with ЭЦП (verified in software before it is stored);
   * for a summary this is the «Подписать» step that executes the resolution [4.5, 5.2].
   */
  'signing:sign': {
    public: false,
    input: z.object({
      appealId: z.string().max(64),
      expectedVersion: z.number().int().nullable(),
      document: signedDocumentSchema,
      provider: z.enum(PROVIDER_IDS),
      certificateId: z.string().min(1).max(200),
      /** The development key file's password (never stored; hardware tokens use their own PIN dialog). */
      password: z.string().max(200).optional(),
    }),
    output: z.object({
      version: z.number(),
      status: z.string(),
      entityId: z.string().nullable(),
      signatureId: z.string(),
    }),
  },
  /** Task lists of regulation 4.9: assigned to me, assigned by me, the organisation's, on control. */
  'tasks:list': { public: false, input: taskListQuerySchema, output: z.object({ rows: z.array(taskRowSchema) }) },
  /** The directory of organisations (redirect, request, instruction targets). */
  'directory:organisations': {
    public: false,
    input: z.object({}),
    output: z.object({ organisations: z.array(directoryOrganisationSchema) }),
  },
  'sync:status': { public: false, input: z.object({}), output: syncStatusSchema },
  'sync:now': { public: false, input: z.object({}), output: syncStatusSchema },
  ...syncChannels,
  'calendar:save': { public: false, input: z.object({ settings: calendarSettingsSchema }), output: z.object({}) },
  /** One PDF of the appeal for ВСЭД: card pages, attachments, card.json (any logged-in user, regulation 3.3). */
  'export:appealPdf': {
    public: false,
    input: z.object({ id: z.string().max(64) }),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
  /** Administrator: lift an account's lock (regulation 6.3). */
  'security:unlock': { public: false, input: z.object({ login: z.string().min(1).max(100) }), output: z.object({}) },
  /** Administrator: the security log, newest first, filtered by period, type, account and result. */
  'security:events': {
    public: false,
    input: securityLogFilterSchema.extend({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number(), entries: z.array(securityEventSchema) }),
  },
  /** Administrator: walk the log's hash chain. */
  'security:verify': { public: false, input: z.object({}), output: securityVerifySchema },
  ...reportsChannels,
  ...pdfChannels,
  ...accountsChannels,
  ...certLoginChannels,
  ...dataChannels,
  ...encryptionChannels,
  ...releaseChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type DataChannel = keyof typeof dataChannels;
export type EncryptionChannel = keyof typeof encryptionChannels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;
