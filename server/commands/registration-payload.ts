import { z } from 'zod';
import { APPEAL_STATUSES } from '../../shared/appeals/enums';
import { type AppealDraft, appealDraftSchema } from '../../shared/appeals/schema';
import { describeShapeError } from './shape-error';

/**
 * The RegisterAppeal payload: the workstation's AppealCard (shared/appeals `appealCardSchema`), read
 * leniently — unknown fields are dropped, and what the server does not need (history, version,
 * attachment size and type) may be absent. Attachments are read as AttachmentRefs. The review deadline
 * is only passed on to the other workstations (`appeal.registered`): absent or malformed, it is null.
 */
export const registrationPayloadSchema = appealDraftSchema.extend({
  id: z.string().min(1).max(64),
  status: z.enum(APPEAL_STATUSES),
  regNumber: z.string().min(1).max(100).nullable(),
  numberProvisional: z.boolean(),
  registeredAt: z.string().max(64).nullable().default(null),
  deadlineAt: z.string().max(64).nullable().catch(null),
  deadlineExplanation: z.string().max(1000).nullable().catch(null),
});
export type RegistrationPayload = z.infer<typeof registrationPayloadSchema>;

/** The card's draft part, as validate-appeal.ts wants it. */
export function draftOf(card: RegistrationPayload): AppealDraft {
  const {
    id: _id,
    status: _s,
    regNumber: _n,
    numberProvisional: _p,
    registeredAt: _r,
    deadlineAt: _d,
    deadlineExplanation: _e,
    ...draft
  } = card;
  return draft;
}

/** The card's shape error in Russian (shape-error.ts). */
export function describeCardShapeError(error: z.ZodError): string {
  return describeShapeError(error, 'Карточка обращения', '(карточка)');
}
