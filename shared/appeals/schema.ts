import { z } from 'zod';
import { DEADLINE_STATES } from '../deadlines/deadline-state';
import {
  ANSWER_FORMS,
  APPEAL_KINDS,
  APPEAL_SOURCES,
  APPEAL_STATUSES,
  APPEAL_TYPES,
  APPLICANT_KINDS,
  ROLES,
  SUBMISSION_FORMS,
} from './enums';

/**
 * Wire shapes of the registration card. These schemas check SHAPE only (types, lengths that protect
 * the process); the regulation's content rules live in `validate-appeal.ts` so that every issue is
 * reported with a Russian message naming the field and the character.
 */
const text = (max: number) => z.string().max(max);
const isoDateTime = z.iso.datetime({ offset: true });

export const applicantSchema = z.object({
  kind: z.enum(APPLICANT_KINDS),
  surname: text(100).default(''),
  name: text(100).default(''),
  patronymic: text(100).default(''),
  orgName: text(500).default(''),
  unp: text(20).default(''),
  signer: text(300).default(''),
  address: text(500).default(''),
  phone: text(50).default(''),
  email: text(200).default(''),
});

export const attachmentRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: text(255),
  /** The scanned list of participants of a collective appeal. */
  participantsList: z.boolean().default(false),
});

export const appealDraftSchema = z.object({
  kind: z.enum(APPEAL_KINDS),
  appealType: z.enum(APPEAL_TYPES),
  form: z.enum(SUBMISSION_FORMS),
  source: z.enum(APPEAL_SOURCES),
  applicant: applicantSchema,
  applicantCategory: text(50).default(''),
  answerForm: z.enum(ANSWER_FORMS),
  summary: text(2000),
  content: text(100_000),
  topicCodes: z.array(text(20)).max(20).default([]),
  territoryCode: text(20).default(''),
  receivedAt: isoDateTime,
  /** Needs additional study and checking: one-month review term (Law 300-З art. 17). */
  needsAdditionalStudy: z.boolean().default(false),
  responsibleHeadId: z.string().max(64).nullable().default(null),
  notes: text(4000).default(''),
  /** Earlier appeals this one repeats (the clerk decided on registration). */
  repeatOf: z.array(z.string().max(64)).max(20).default([]),
  attachments: z.array(attachmentRefSchema).max(50).default([]),
});

export type Applicant = z.infer<typeof applicantSchema>;
/** A person applicant with every field empty: what a new card starts from. */
export const EMPTY_APPLICANT: Applicant = applicantSchema.parse({ kind: 'person' });
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
export type AppealDraft = z.infer<typeof appealDraftSchema>;
export type AppealDraftInput = z.input<typeof appealDraftSchema>;

export const appealRowSchema = z.object({
  id: z.string(),
  status: z.enum(APPEAL_STATUSES),
  regNumber: z.string().nullable(),
  numberProvisional: z.boolean(),
  kind: z.enum(APPEAL_KINDS),
  form: z.enum(SUBMISSION_FORMS),
  applicant: z.string(),
  summary: z.string(),
  receivedAt: z.string(),
  registeredAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  responsibleHead: z.string().nullable(),
  /** Urgency of a running deadline (null when the deadline is far or the review has ended). */
  deadlineState: z.enum(DEADLINE_STATES).nullable(),
});
export type AppealRow = z.infer<typeof appealRowSchema>;

export const attachmentSchema = z.object({
  sha256: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  participantsList: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  user: z.string(),
  action: z.string(),
  /** Russian description of the action as the clerk reads it. */
  text: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const appealCardSchema = appealDraftSchema.omit({ attachments: true }).extend({
  id: z.string(),
  status: z.enum(APPEAL_STATUSES),
  regNumber: z.string().nullable(),
  numberProvisional: z.boolean(),
  registeredAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  deadlineExplanation: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** The appeals of `repeatOf` with their numbers, for the card. */
  repeats: z.array(z.object({ id: z.string(), regNumber: z.string().nullable() })).default([]),
  history: z.array(historyEntrySchema),
  version: z.number(),
});
export type AppealCard = z.infer<typeof appealCardSchema>;

export const listSortFields = ['receivedAt', 'registeredAt', 'regNumber', 'applicant', 'deadlineAt', 'status'] as const;
export const appealListQuerySchema = z.object({
  query: text(200).default(''),
  status: z.enum(APPEAL_STATUSES).optional(),
  kind: z.enum(APPEAL_KINDS).optional(),
  form: z.enum(SUBMISSION_FORMS).optional(),
  responsibleHeadId: z.string().max(64).optional(),
  deadline: z.enum(DEADLINE_STATES).optional(),
  /** Period of receipt, calendar days in Minsk time, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(listSortFields).default('receivedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Count the matches (the first page does; later pages keep the total they already have). */
  withTotal: z.boolean().default(true),
});
export type AppealListQuery = z.infer<typeof appealListQuerySchema>;
export type AppealListQueryInput = z.input<typeof appealListQuerySchema>;

export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  position: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type User = z.infer<typeof userSchema>;

/** An earlier appeal of the same applicant, proposed when registering (repeat detection). */
export const similarAppealSchema = z.object({
  id: z.string(),
  regNumber: z.string().nullable(),
  registeredAt: z.string().nullable(),
  status: z.enum(APPEAL_STATUSES),
  applicant: z.string(),
  summary: z.string(),
  /** Same question: a shared classifier code or similar wording. */
  sameQuestion: z.boolean(),
});
export type SimilarAppeal = z.infer<typeof similarAppealSchema>;
