import { z } from 'zod';
import { DEADLINE_STATES } from '../deadlines/deadline-state';
import { signatureViewSchema } from '../signing/schema';
import { QUESTION_RESULTS, REVIEW_ACTION_TYPES, type ReviewActionType } from './actions';

/** `draft`: a draft resolution (проект) waiting for the head of the organisation's approval [4.5]. */
export const RESOLUTION_STATES = ['draft', 'in_progress', 'awaiting_signature', 'executed'] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];
export const TASK_STATES = ['assigned', 'submitted', 'accepted', 'rejected'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** Outgoing correspondence of an appeal: answers, messages, letters to other organisations. */
export const DISPATCH_KINDS = ['answer', 'message', 'redirect', 'request', 'instruction', 'notice', 'interim'] as const;
export type DispatchKind = (typeof DISPATCH_KINDS)[number];

const fileView = z.object({ sha256: z.string(), name: z.string(), size: z.number(), type: z.string() });
const person = z.object({ id: z.string(), name: z.string() });

export const taskViewSchema = z.object({
  executor: person,
  responsible: z.boolean(),
  dueAt: z.string(),
  state: z.enum(TASK_STATES),
  resultText: z.string(),
  resultAt: z.string().nullable(),
  rejectReason: z.string(),
  files: z.array(fileView),
});

export const resolutionViewSchema = z.object({
  id: z.string(),
  author: person,
  text: z.string(),
  createdAt: z.string(),
  state: z.enum(RESOLUTION_STATES),
  tasks: z.array(taskViewSchema),
  files: z.array(fileView),
  summary: z
    .object({ text: z.string(), at: z.string(), by: person, files: z.array(fileView), returnReason: z.string() })
    .nullable(),
  signedBy: person.nullable(),
  signedAt: z.string().nullable(),
});

export const dispatchViewSchema = z.object({
  id: z.string(),
  kind: z.enum(DISPATCH_KINDS),
  /** The receiving organisation; null = the applicant. */
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  text: z.string(),
  answerForm: z.string().nullable(),
  topicCodes: z.array(z.string()),
  dueAt: z.string().nullable(),
  onControl: z.boolean(),
  at: z.string(),
  by: person,
  files: z.array(fileView),
});

/** A term of the regulation that runs from registration (redirect, notice), with where it stands now. */
export const termViewSchema = z.object({
  deadlineAt: z.string(),
  explanation: z.string(),
  /** ok: running; last_day: today is the last day; expired: passed. */
  state: z.enum(['ok', 'last_day', 'expired']),
});

/** One action the caller may perform now, with the entity it concerns (for the card's buttons). */
export const allowedActionSchema = z.object({
  type: z.enum(REVIEW_ACTION_TYPES as [ReviewActionType, ...ReviewActionType[]]),
  resolutionId: z.string().optional(),
  executorId: z.string().optional(),
  /** A redirect on control (controlInstruction). */
  dispatchId: z.string().optional(),
});
export type AllowedAction = z.infer<typeof allowedActionSchema>;

/** One question of the appeal: its classifier code, executor and result [4.5]. */
export const questionViewSchema = z.object({
  topicCode: z.string(),
  executor: person.nullable(),
  result: z.enum(QUESTION_RESULTS).nullable(),
  /** Name of the organisation it was redirected to (partial redirect). */
  redirectedTo: z.string().nullable(),
});
export type QuestionView = z.infer<typeof questionViewSchema>;

export const reviewViewSchema = z.object({
  appealId: z.string(),
  status: z.string(),
  version: z.number(),
  responsibleHead: person.nullable(),
  control: z.object({ controller: person, dueAt: z.string(), note: z.string() }).nullable(),
  questions: z.array(questionViewSchema),
  resolutions: z.array(resolutionViewSchema),
  dispatches: z.array(dispatchViewSchema),
  redirectTerm: termViewSchema.nullable(),
  noticeTerm: termViewSchema.nullable(),
  allowed: z.array(allowedActionSchema),
  /** ЭЦП on the summary results, answers and decisions, verified when the view is read. */
  signatures: z.array(signatureViewSchema),
});
export type ReviewView = z.infer<typeof reviewViewSchema>;
export type ResolutionView = z.infer<typeof resolutionViewSchema>;
export type TaskView = z.infer<typeof taskViewSchema>;
export type DispatchView = z.infer<typeof dispatchViewSchema>;

/** Task lists of regulation 4.9. */
export const TASK_LISTS = ['mine', 'byMe', 'organisation', 'control'] as const;
export type TaskList = (typeof TASK_LISTS)[number];
export const TASK_KINDS = ['resolution', 'execution', 'check', 'summary', 'signature', 'control', 'dispatch'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const taskListQuerySchema = z.object({
  list: z.enum(TASK_LISTS),
  deadline: z.enum(DEADLINE_STATES).optional(),
  sort: z.enum(['dueAt', 'regNumber', 'assignee']).default('dueAt'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const taskRowSchema = z.object({
  /** Stable key of the row (kind + entity). */
  key: z.string(),
  kind: z.enum(TASK_KINDS),
  appealId: z.string(),
  regNumber: z.string().nullable(),
  applicant: z.string(),
  summary: z.string(),
  /** What is to be done, in words. */
  title: z.string(),
  assignee: z.string(),
  author: z.string(),
  dueAt: z.string().nullable(),
  deadlineState: z.enum(DEADLINE_STATES).nullable(),
});
export type TaskRow = z.infer<typeof taskRowSchema>;

/** The directory of organisations (for redirects, requests, instructions) [4.6–4.8]. */
export const directoryOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  unp: z.string(),
  state: z.boolean(),
  /** Subordinate to this organisation: may receive instructions [4.7]. */
  subordinate: z.boolean(),
});
export type DirectoryOrganisation = z.infer<typeof directoryOrganisationSchema>;
