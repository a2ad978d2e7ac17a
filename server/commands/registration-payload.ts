import { z } from 'zod';
import { APPEAL_STATUSES } from '../../shared/appeals/enums';
import { type AppealDraft, appealDraftSchema } from '../../shared/appeals/schema';

/**
 * The RegisterAppeal payload: the workstation's AppealCard (shared/appeals `appealCardSchema`), read
 * leniently — unknown fields are dropped, and what the server does not need (history, version,
 * deadline, attachment size and type) may be absent. Attachments are read as AttachmentRefs.
 */
export const registrationPayloadSchema = appealDraftSchema.extend({
  id: z.string().min(1).max(64),
  status: z.enum(APPEAL_STATUSES),
  regNumber: z.string().min(1).max(100).nullable(),
  numberProvisional: z.boolean(),
  registeredAt: z.string().max(64).nullable().default(null),
});
export type RegistrationPayload = z.infer<typeof registrationPayloadSchema>;

/** The card's draft part, as validate-appeal.ts wants it. */
export function draftOf(card: RegistrationPayload): AppealDraft {
  const { id: _id, status: _s, regNumber: _n, numberProvisional: _p, registeredAt: _r, ...draft } = card;
  return draft;
}

/** Short Russian description of a shape error: the first few paths and zod's messages. */
export function describeShapeError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(карточка)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (и ещё ошибок: ${error.issues.length - 3})` : '';
  return `Карточка обращения не соответствует формату: ${parts.join('; ')}${more}`;
}
