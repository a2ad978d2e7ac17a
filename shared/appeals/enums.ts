/** Closed vocabularies of the registration card (РКК). Regulation 4.3–4.4; Law 300-З art. 1, 12. */
export const APPEAL_KINDS = ['statement', 'proposal', 'complaint'] as const;
export const APPEAL_TYPES = ['individual', 'collective', 'anonymous'] as const;
export const SUBMISSION_FORMS = ['oral', 'written', 'electronic'] as const;
/** Where the appeal came from (reports count by it, regulation 4.10). */
export const APPEAL_SOURCES = ['portal', 'post', 'courier', 'reception', 'phone_line', 'json'] as const;
export const APPLICANT_KINDS = ['person', 'legal'] as const;
export const ANSWER_FORMS = ['electronic', 'post'] as const;
export const APPEAL_STATUSES = [
  'draft',
  'received',
  'registered',
  'under_resolution',
  'executed',
  'completed',
  'left_without_consideration',
  'redirected',
  'withdrawn',
] as const;
export const ROLES = [
  'clerk',
  'head',
  'executor',
  'signer',
  'authorised',
  'report_author',
  'unit_head',
  'admin',
] as const;

export type AppealKind = (typeof APPEAL_KINDS)[number];
export type AppealType = (typeof APPEAL_TYPES)[number];
export type SubmissionForm = (typeof SUBMISSION_FORMS)[number];
export type AppealSource = (typeof APPEAL_SOURCES)[number];
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type AnswerForm = (typeof ANSWER_FORMS)[number];
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export type Role = (typeof ROLES)[number];
