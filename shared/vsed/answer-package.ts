import { z } from 'zod';
import { ANSWER_FORMS, APPEAL_KINDS } from '../appeals/enums';
import { QUESTION_RESULTS } from '../review/actions';

/**
 * `package.json` of an answer package coming back from a ВСЭД (regulation 4.12, docs/vsed-package.md):
 * the appeal's unique number, the answer document (and its detached signature, if any) and the
 * «Expansion» zone — the card's thematic fields and the result, which completes the review when it
 * says so.
 */
export const VSED_ANSWER_FORMAT = 'arm-appeals/vsed-answer@1';

const name = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/]|^\.\.?$/.test(s), 'имя файла без папок');

export const vsedAnswerPackageSchema = z.object({
  format: z.literal(VSED_ANSWER_FORMAT),
  /** The appeal's unique (registration) number as the ВСЭД received it. */
  appealNumber: z.string().min(1).max(64),
  answer: z.object({
    file: name,
    /** Detached CMS signature of the answer file (.p7s), when the ВСЭД signs. */
    signature: name.nullable().default(null),
    /** The outgoing number and date of the answer in the ВСЭД. */
    number: z.string().max(64).default(''),
    date: z.iso.date().nullable().default(null),
  }),
  expansion: z.object({
    /** The review is over: complete it with this answer. */
    completed: z.boolean(),
    text: z.string().max(8000).default(''),
    answerForm: z.enum(ANSWER_FORMS).nullable().default(null),
    /** Result per question (classifier code of the card's topic). */
    questions: z
      .array(z.object({ topicCode: z.string().max(32), result: z.enum(QUESTION_RESULTS) }))
      .max(50)
      .default([]),
    /** The card's thematic fields as the ВСЭД has them: checked against the card. */
    kind: z.enum(APPEAL_KINDS).optional(),
    topicCodes: z.array(z.string().max(32)).max(50).optional(),
  }),
});
export type VsedAnswerPackage = z.infer<typeof vsedAnswerPackageSchema>;

export const VSED_OUTCOMES = ['completed', 'attached', 'unmatched', 'contradicts', 'refused', 'invalid'] as const;
export const vsedImportItemSchema = z.object({
  /** The package: a .zip file or a folder. */
  source: z.string(),
  outcome: z.enum(VSED_OUTCOMES),
  appealNumber: z.string().nullable(),
  appealId: z.string().nullable(),
  /** Russian: what was done, or every reason the package was not applied. */
  messages: z.array(z.string()),
});
export type VsedImportItem = z.infer<typeof vsedImportItemSchema>;
