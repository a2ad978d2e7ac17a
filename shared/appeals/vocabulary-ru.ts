import type { AnswerForm, AppealKind, AppealSource, AppealType, ApplicantKind, SubmissionForm } from './enums';

/** Russian names of the card's closed vocabularies — the one source for the UI (renderer i18n) and the paper card (PDF). */
export const KIND_NAMES: Record<AppealKind, string> = {
  statement: 'заявление',
  proposal: 'предложение',
  complaint: 'жалоба',
};
export const TYPE_NAMES: Record<AppealType, string> = {
  individual: 'индивидуальное',
  collective: 'коллективное',
  anonymous: 'анонимное',
};
export const FORM_NAMES: Record<SubmissionForm, string> = {
  oral: 'устно',
  written: 'письменно',
  electronic: 'в электронном виде',
};
export const SOURCE_NAMES: Record<AppealSource, string> = {
  portal: 'портал обращения.бел',
  post: 'почта',
  courier: 'нарочно (курьер)',
  reception: 'личный приём',
  phone_line: 'прямая телефонная линия',
  json: 'загрузка JSON',
};
export const APPLICANT_KIND_NAMES: Record<ApplicantKind, string> = {
  person: 'физическое лицо',
  legal: 'юридическое лицо',
};
export const ANSWER_FORM_NAMES: Record<AnswerForm, string> = {
  electronic: 'в электронном виде',
  post: 'почтой',
};
