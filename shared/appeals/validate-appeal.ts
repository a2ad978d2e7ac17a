import type { ValidationIssue } from '../errors';
import {
  type AttachmentCandidate,
  checkAttachments,
  checkCyrillicText,
  checkEmail,
  checkNotInFuture,
  checkPhone,
  checkRegistrationAfterReceipt,
  checkRequired,
  checkUnp,
} from '../validation';
import { fieldLabel } from './field-labels';
import type { AppealDraft } from './schema';

export interface AppealFile extends AttachmentCandidate {
  participantsList: boolean;
}

export interface ValidateOptions {
  /** `draft`: what is filled must be valid; `register`: format-logical control of registration [4.4]. */
  mode: 'draft' | 'register';
  files: AppealFile[];
  /** Registration moment (register mode); also "now" for the not-in-the-future check. */
  registeredAt?: Date;
}

const TEXT_LIMITS = { name: 100, address: 500, orgName: 500, summary: 2000, content: 100_000 };

/**
 * The registration card's validation [4.2–4.4], used by the UI, the services and JSON import alike.
 * Returns every issue at once so the clerk can fix the card in one pass.
 */
export function validateAppealDraft(draft: AppealDraft, options: ValidateOptions): ValidationIssue[] {
  const register = options.mode === 'register';
  const issues: ValidationIssue[] = [];
  const text = (field: string, value: string, maxLength: number, required: boolean, multiline = false) =>
    issues.push(
      ...checkCyrillicText(field, fieldLabel(field), value, { maxLength, required: register && required, multiline }),
    );

  const a = draft.applicant;
  const anonymous = draft.appealType === 'anonymous';
  if (a.kind === 'person') {
    // Law 300-З art. 12 p.1: surname, name, (patronymic), address of residence.
    text('applicant.surname', a.surname, TEXT_LIMITS.name, !anonymous);
    text('applicant.name', a.name, TEXT_LIMITS.name, !anonymous);
    text('applicant.patronymic', a.patronymic, TEXT_LIMITS.name, false);
    text('applicant.address', a.address, TEXT_LIMITS.address, !anonymous);
  } else {
    // Legal entity: full name, УНП, address, the person who signed [domain.md, "The appeal card"].
    text('applicant.orgName', a.orgName, TEXT_LIMITS.orgName, true);
    text('applicant.address', a.address, TEXT_LIMITS.address, true);
    text('applicant.signer', a.signer, TEXT_LIMITS.name * 3, true);
    if (a.unp.trim() !== '' || register) issues.push(...checkUnp('applicant.unp', a.unp));
  }
  issues.push(...checkPhone('applicant.phone', a.phone, { label: fieldLabel('applicant.phone') }));
  issues.push(
    ...checkEmail('applicant.email', a.email, {
      label: fieldLabel('applicant.email'),
      // An answer in electronic form goes to the applicant's e-mail [4.4, 4.8].
      required: register && draft.answerForm === 'electronic' && !anonymous,
    }),
  );
  text('summary', draft.summary, TEXT_LIMITS.summary, true);
  text('content', draft.content, TEXT_LIMITS.content, true, true);
  if (register) {
    issues.push(...checkRequired('topicCodes', fieldLabel('topicCodes'), draft.topicCodes.length ? 'x' : ''));
    issues.push(...checkRequired('territoryCode', fieldLabel('territoryCode'), draft.territoryCode));
  }

  const participantsListIndex = options.files.findIndex((f) => f.participantsList);
  issues.push(
    ...checkAttachments(options.files, {
      collective: register && draft.appealType === 'collective',
      ...(participantsListIndex >= 0 ? { participantsListIndex } : {}),
    }),
  );

  const receivedAt = new Date(draft.receivedAt);
  const now = options.registeredAt ?? new Date();
  issues.push(...checkNotInFuture('receivedAt', fieldLabel('receivedAt'), receivedAt, now));
  if (register && options.registeredAt) {
    issues.push(...checkRegistrationAfterReceipt(receivedAt, options.registeredAt, { granularity: 'instant' }));
  }
  return issues;
}
