import type { appeals } from '../../../db/schema';
import type { AppealDraft, Applicant } from '../../../shared/appeals/schema';

type AppealSelect = typeof appeals.$inferSelect;

/** What lists show, sort by and search: the person's full name or the organisation's name. */
export function applicantDisplay(applicant: Applicant, appealType: AppealDraft['appealType']): string {
  if (applicant.kind === 'legal') return applicant.orgName.trim();
  const name = [applicant.surname, applicant.name, applicant.patronymic].map((s) => s.trim()).filter(Boolean);
  if (name.length === 0 && appealType === 'anonymous') return 'Анонимное обращение';
  return name.join(' ');
}

/** The columns a draft sets: the one mapping from the card's wire shape to the table. */
export function draftColumns(draft: AppealDraft) {
  const a = draft.applicant;
  return {
    kind: draft.kind,
    appealType: draft.appealType,
    form: draft.form,
    source: draft.source,
    applicantKind: a.kind,
    applicantSurname: a.surname.trim(),
    applicantName: a.name.trim(),
    applicantPatronymic: a.patronymic.trim(),
    applicantOrgName: a.orgName.trim(),
    applicantUnp: a.unp.trim(),
    applicantSigner: a.signer.trim(),
    applicantAddress: a.address.trim(),
    applicantPhone: a.phone.trim(),
    applicantEmail: a.email.trim(),
    applicantDisplay: applicantDisplay(a, draft.appealType),
    applicantCategory: draft.applicantCategory,
    answerForm: draft.answerForm,
    summary: draft.summary.trim(),
    content: draft.content.trim(),
    territoryCode: draft.territoryCode,
    needsAdditionalStudy: draft.needsAdditionalStudy,
    receivedAt: Date.parse(draft.receivedAt),
    responsibleHeadId: draft.responsibleHeadId,
    notes: draft.notes.trim(),
  };
}

/** Back from a row to the draft shape (attachments and topics are separate tables). */
export function rowToDraft(
  row: AppealSelect,
): Omit<AppealDraft, 'attachments' | 'topicCodes' | 'receivedAt' | 'repeatOf'> {
  return {
    kind: row.kind as AppealDraft['kind'],
    appealType: row.appealType as AppealDraft['appealType'],
    form: row.form as AppealDraft['form'],
    source: row.source as AppealDraft['source'],
    applicant: {
      kind: row.applicantKind as Applicant['kind'],
      surname: row.applicantSurname,
      name: row.applicantName,
      patronymic: row.applicantPatronymic,
      orgName: row.applicantOrgName,
      unp: row.applicantUnp,
      signer: row.applicantSigner,
      address: row.applicantAddress,
      phone: row.applicantPhone,
      email: row.applicantEmail,
    },
    applicantCategory: row.applicantCategory,
    answerForm: row.answerForm as AppealDraft['answerForm'],
    summary: row.summary,
    content: row.content,
    territoryCode: row.territoryCode,
    needsAdditionalStudy: row.needsAdditionalStudy,
    responsibleHeadId: row.responsibleHeadId,
    notes: row.notes,
  };
}
