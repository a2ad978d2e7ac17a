import { z } from 'zod';
import { ANSWER_FORMS } from '../appeals/enums';

/**
 * What can be done to a registered appeal in the review process (regulation 4.5–4.9, domain.md
 * "Statuses and actions"). One schema per action: the renderer sends it over `review:perform`, the
 * service checks it against `reviewPermissions`, applies it in one transaction and appends it to the
 * outbox as a `ReviewAction` command; the central server and other workstations receive the same
 * object. Entities an action creates (a resolution, a dispatch) get their id in the command envelope.
 */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Заполните поле «${what}»` })
    .max(max, { message: `Поле «${what}» длиннее ${max} символов` });
const localDate = z.iso.date();

/** A file uploaded with `attachments:upload` and referenced by an action (result, answer, letter). */
export const reviewFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
});
export type ReviewFile = z.infer<typeof reviewFileSchema>;
const files = z.array(reviewFileSchema).max(5).default([]);

/** The result of one question of the appeal, as the reports count them. */
export const QUESTION_RESULTS = ['supported', 'not_supported', 'explained'] as const;
export type QuestionResult = (typeof QUESTION_RESULTS)[number];

/**
 * A signature made with ЭЦП and verified in software before it was stored (issue «ЭЦП»): the signed
 * document and its detached CMS are files of the card; the certificate is summarised for the card.
 */
export const signatureRecordSchema = z.object({
  id: z.string().min(1).max(64),
  certificate: z.object({
    subject: z.string().max(500),
    issuer: z.string().max(500),
    serialNumber: z.string().max(100),
    notAfter: z.string().max(40),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  signedAt: z.iso.datetime({ offset: true }),
  development: z.boolean(),
  documentFile: reviewFileSchema,
  p7sFile: reviewFileSchema,
});
export type SignatureRecord = z.infer<typeof signatureRecordSchema>;

/** Grounds for leaving an appeal without consideration on the merits (Law 300-З art. 15). */
export const LEAVE_GROUNDS = [
  'out_of_scope',
  'no_requisites',
  'court_matter',
  'obscene',
  'term_missed',
  'repeat_no_new',
  'correspondence_ended',
  'other',
] as const;
export type LeaveGround = (typeof LEAVE_GROUNDS)[number];

export const reviewActionSchema = z.discriminatedUnion('type', [
  /** The clerk assigns (or changes) the responsible head [4.5]. */
  z.object({ type: z.literal('assignResponsible'), headId: z.string().min(1).max(64) }),
  /** The responsible head creates a resolution: executors, one responsible, due dates, text [4.5]. */
  z.object({
    type: z.literal('createResolution'),
    text: required(4000, 'Текст резолюции'),
    executors: z
      .array(
        z.object({
          userId: z.string().min(1).max(64),
          dueDate: localDate,
          /** The questions (classifier codes) this executor answers for; empty = the whole appeal. */
          topicCodes: z.array(z.string().max(32)).max(50).default([]),
        }),
      )
      .min(1, { message: 'Укажите хотя бы одного исполнителя' })
      .max(20),
    responsibleUserId: z.string().min(1).max(64),
    /**
     * A new review term of the appeal set by the resolution [4.5] (a longer one than the clerk may set,
     * regulation 4.4; beyond one month the applicant gets a written notice, Law 300-З art. 17); null = keep.
     */
    reviewDeadline: localDate.nullable().default(null),
    /** A draft (проект) for the head of the organisation to approve before executors start [4.5]. */
    asDraft: z.boolean().default(false),
    files,
  }),
  /** The head of the organisation approves a draft resolution: the executors start [4.5]. */
  z.object({ type: z.literal('approveResolution'), resolutionId: z.string().min(1).max(64) }),
  /** An executor enters the result of executing the resolution [4.5]. */
  z.object({
    type: z.literal('submitResult'),
    resolutionId: z.string().min(1).max(64),
    text: required(8000, 'Результат исполнения'),
    files,
  }),
  /** The responsible executor accepts another executor's result [4.5]. */
  z.object({
    type: z.literal('acceptResult'),
    resolutionId: z.string().min(1).max(64),
    executorId: z.string().min(1).max(64),
  }),
  /** …or rejects it for rework, with the reason [4.5]. */
  z.object({
    type: z.literal('rejectResult'),
    resolutionId: z.string().min(1).max(64),
    executorId: z.string().min(1).max(64),
    reason: required(2000, 'Причина отклонения'),
  }),
  /** The responsible executor forms (or edits, until signed) the summary result [4.5]. */
  z.object({
    type: z.literal('submitSummary'),
    resolutionId: z.string().min(1).max(64),
    text: required(8000, 'Сводный результат'),
    files,
  }),
  /** The deputy/head signs the summary result: the resolution is executed, the applicant sees it [4.5, 5.2]. */
  z.object({
    type: z.literal('signSummary'),
    resolutionId: z.string().min(1).max(64),
    /** The ЭЦП over the summary (null only for data made before signing existed, e.g. the demo seed). */
    signature: signatureRecordSchema.nullable().default(null),
  }),
  /** The deputy/head signs an answer or a decision (the notice of leaving without consideration) with ЭЦП. */
  z.object({
    type: z.literal('signDocument'),
    document: z.object({ kind: z.enum(['answer', 'decision']), dispatchId: z.string().min(1).max(64) }),
    signature: signatureRecordSchema,
  }),
  /** …or returns it to the responsible executor with a remark. */
  z.object({
    type: z.literal('returnSummary'),
    resolutionId: z.string().min(1).max(64),
    reason: required(2000, 'Замечание'),
  }),
  /** «Завершить процесс рассмотрения обращения» with the answer [4.5]. */
  z.object({
    type: z.literal('complete'),
    text: required(8000, 'Текст ответа'),
    answerForm: z.enum(ANSWER_FORMS),
    /** The result of every question still with this organisation (not redirected) [4.5]. */
    questionResults: z
      .array(z.object({ topicCode: z.string().max(32), result: z.enum(QUESTION_RESULTS) }))
      .max(50)
      .default([]),
    files,
  }),
  /** «Отправить сообщение заявителю»: interim information or a question to the applicant [4.5]. */
  z.object({ type: z.literal('sendMessage'), text: required(8000, 'Текст сообщения'), files }),
  /** Redirect by competence, whole or by some questions, optionally on control [4.8; Law art. 10 p. 3]. */
  z.object({
    type: z.literal('redirect'),
    orgId: z.string().min(1).max(64),
    /** Classifier codes of the questions redirected; empty = the whole appeal. */
    topicCodes: z.array(z.string().max(32)).max(50).default([]),
    text: required(4000, 'Сопроводительное письмо'),
    onControl: z.boolean().default(false),
    controlDueDate: localDate.nullable().default(null),
    files,
  }),
  /** Request (запрос) to another organisation [4.6]. */
  z.object({
    type: z.literal('sendRequest'),
    orgId: z.string().min(1).max(64),
    text: required(4000, 'Текст запроса'),
    dueDate: localDate.nullable().default(null),
    files,
  }),
  /** Instruction (поручение) to a subordinate organisation with a term [4.7]. */
  z.object({
    type: z.literal('sendInstruction'),
    orgId: z.string().min(1).max(64),
    text: required(4000, 'Текст поручения'),
    dueDate: localDate,
    files,
  }),
  /** Leave without consideration on the merits with the ground and the notice text (Law art. 15) [4.5]. */
  z.object({
    type: z.literal('leaveWithoutConsideration'),
    ground: z.enum(LEAVE_GROUNDS),
    text: required(4000, 'Текст уведомления заявителю'),
  }),
  /** The applicant withdrew the appeal (a written withdrawal; from the portal it arrives through sync). */
  z.object({ type: z.literal('withdraw'), note: required(2000, 'Основание') }),
  /**
   * The controlling organisation is not satisfied with the report on an appeal it redirected on control:
   * an instruction to the same organisation with a new term [4.9].
   */
  z.object({
    type: z.literal('controlInstruction'),
    dispatchId: z.string().min(1).max(64),
    text: required(4000, 'Текст поручения'),
    dueDate: localDate,
  }),
  /** Put the appeal on control with a controller and a control date [4.9]. */
  z.object({
    type: z.literal('setControl'),
    controllerId: z.string().min(1).max(64),
    dueDate: localDate,
    note: text(2000).default(''),
  }),
  /** Take the appeal off control. */
  z.object({ type: z.literal('removeControl'), note: text(2000).default('') }),
]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;
export type ReviewActionInput = z.input<typeof reviewActionSchema>;
export type ReviewActionType = ReviewAction['type'];
export const REVIEW_ACTION_TYPES = reviewActionSchema.options.map((o) => o.shape.type.value) as ReviewActionType[];

/**
 * The `ReviewAction` command as it travels (outbox → central server → other workstations' feed):
 * the action plus who did it, when, and the id of what it created.
 */
export const reviewCommandSchema = z.object({
  appealId: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ id: z.string(), name: z.string() }),
  /** Id of the resolution or dispatch the action created (UUIDv7), else null. */
  entityId: z.string().nullable(),
  /** The appeal's status before and after (the server checks the transition against its own copy). */
  statusBefore: z.string(),
  statusAfter: z.string(),
  action: reviewActionSchema,
  /** Names of the people and organisations the action references, as they were when it was done. */
  names: z.record(z.string(), z.string()).default({}),
  /** Every file the action references, with size and type (so a receiver can fetch and list them). */
  files: z
    .array(reviewFileSchema.extend({ size: z.number().int().nonnegative(), type: z.string().max(100) }))
    .default([]),
});
export type ReviewCommand = z.infer<typeof reviewCommandSchema>;
